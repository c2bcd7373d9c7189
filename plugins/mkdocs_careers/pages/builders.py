"""Page builders: the site graph's entries, index pages and free pages turned into `PageModel`s.

One builder per page type. Adding a section to a page type means adding it here, once: the HTML page, the
Markdown copy, llms-full.txt, the table of contents and the JSON-LD all render what the builder returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import singledispatch
from typing import Any

from ..content.kinds import CASE_STUDY, PERSON, ROLE, ContentKind
from ..content.models import CaseStudy, Person, Role
from ..content.site import CareersSite, Entry
from . import labels, passages
from .headings import case_study_headings, role_headings
from .hiring import hiring_plan
from .hiring_brief import hiring_brief_text
from .model import (
    ApplyButton,
    Block,
    Body,
    BuiltOnRead,
    Card,
    Cards,
    CopyableText,
    Fact,
    Facts,
    Item,
    ItemList,
    Link,
    MetricRow,
    Metrics,
    Notice,
    PageMeta,
    PageModel,
    Paragraph,
    PersonCard,
    RoleFilters,
    RoleRow,
    RoleRows,
    Section,
    SocialCardMeta,
)
from .role_filters import filter_fields, row_filter_values

# Related-role lists on person and case-study pages are capped so those pages stay small at any scale.
RELATED_LIMIT = 10
RECENTLY_CLOSED_LIMIT = 5


@dataclass(frozen=True)
class FreePage:
    """An editor's free Markdown page (home, how we hire, ...) as the generator found it."""

    src_uri: str  # e.g. how-we-hire.md, used to resolve relative links in the Markdown
    page_path: str  # site-relative URL path, e.g. how-we-hire/ ('' for the home page)
    title: str
    description: str | None  # the page's own (frontmatter), as llms.txt lists it
    markdown: str
    is_homepage: bool = False
    breadcrumbs: tuple[tuple[str, str], ...] = ()  # (title, site-relative path) of the pages above it
    site_description: str | None = None  # what the theme prints as meta description when the page has none


# --- meta ----------------------------------------------------------------------------------------------
def page_title(site: CareersSite, subject: str) -> str:
    return f"{subject} at {site.settings.organization.name}"


def entry_meta(entry: Entry[Any], site: CareersSite) -> PageMeta:
    """Title, description, card and breadcrumbs of a role, person or case-study page."""
    model = entry.model
    kind = entry.kind
    url = site.url(entry.page_path)
    crumbs = (("Home", site.url()), (kind.label, site.url(kind.index_path)), (model.display_name, url))
    if isinstance(model, Role):
        is_open = site.role_status(model).is_open
        subject = model.title
        card = SocialCardMeta()
        noindex = not is_open
    elif isinstance(model, Person):
        subject, noindex = f"{model.name}, {model.job_title}", False
        card = SocialCardMeta("profile", site.asset_url(model.image), model.image_alt or model.name)
    else:
        subject, noindex = model.title, False
        card = SocialCardMeta("article", published=model.date_published.isoformat())
    if card.image is None:
        card = SocialCardMeta(card.og_type, site.asset_url(site.settings.outputs.social.image), card.image_alt,
                              card.published)
    return PageMeta(title=page_title(site, subject), description=model.summary, page_path=entry.page_path,
                    url=url, name=model.display_name, card=card, noindex=noindex, breadcrumbs=crumbs)


def index_description(kind: ContentKind, site: CareersSite) -> str:
    org = site.settings.organization.name
    if kind is ROLE:
        return f"{len(site.open_roles)} open roles at {org}, with location, workplace, salary and closing date."
    if kind is PERSON:
        return f"The leadership team at {org}: roles, tenure and achievements."
    return f"Case studies from {org} with before/after numbers, dates and stack."


def index_meta(kind: ContentKind, site: CareersSite) -> PageMeta:
    url = site.url(kind.index_path)
    return PageMeta(title=page_title(site, kind.label), description=index_description(kind, site),
                    page_path=kind.index_path, url=url, name=kind.label,
                    card=SocialCardMeta(image=site.asset_url(site.settings.outputs.social.image)),
                    breadcrumbs=(("Home", site.url()), (kind.label, url)),
                    feed_links=kind is ROLE and site.settings.outputs.feeds.enabled)


def free_page_meta(page: FreePage, site: CareersSite) -> PageMeta:
    org = site.settings.organization
    url = site.url(page.page_path)
    crumbs: tuple[tuple[str, str], ...] = ()
    if not page.is_homepage:
        crumbs = (("Home", site.url()), *((title, site.url(path)) for title, path in page.breadcrumbs),
                  (page.title, url))
    description = page.description or page.site_description or org.description or ""
    return PageMeta(title=page.title or org.name, description=description,
                    page_path=page.page_path, url=url, name=page.title or org.name,
                    card=SocialCardMeta(image=site.asset_url(site.settings.outputs.social.image)),
                    breadcrumbs=crumbs)


# --- entry pages -----------------------------------------------------------------------------------------
def entry_page(entry: Entry[Any], site: CareersSite) -> PageModel:
    """The page of one content file; the builder is chosen by the model's type."""
    return _build_entry(entry.model, entry, site)


@singledispatch
def _build_entry(model: object, entry: Entry[Any], site: CareersSite) -> PageModel:
    raise TypeError(f"no page builder for {type(model).__name__}")


def _bullets(items: list[str] | tuple[str, ...], style: Any = "plain") -> ItemList:
    return ItemList(tuple(Item(text) for text in items), style=style)


def _section(id: str, heading: str | None, *blocks: Block, **extra: Any) -> Section:
    return Section(id=id, heading=heading, blocks=blocks, **extra)


def _body_section(id: str, heading: str, entry: Entry[Any]) -> tuple[Section, ...]:
    """The editor's body under its heading; no section at all for an empty body (the `empty-body` rule warns),
    so no page or JobPosting description carries a heading with nothing under it."""
    if not entry.body.strip():
        return ()
    return (_section(id, heading, Body(entry.body, entry.src_uri)),)


def role_facts(entry: Entry[Role], site: CareersSite) -> tuple[Fact, ...]:
    """The role's key facts, in the order the facts box shows them."""
    role = entry.model
    places = [labels.address_label(loc) for loc in role.locations]
    if role.remote_countries:
        places.append(f"Remote from {labels.remote_countries_label(role)}")
    return (
        Fact("Location", tuple(places)),
        Fact("Workplace", (labels.workplace_label(role.workplace),)),
        Fact("Salary", labels.pay_labels(role)),
        Fact("Employment type", (labels.employment_label(role.employment_type),)),
        Fact("Apply by", (labels.closing_label(role),)),
        Fact("Posted", (labels.date_label(role.date_posted),)),
        Fact("Department", (role.department,)),
        Fact("Job reference", (entry.slug,)),
        Fact("Company", (site.settings.organization.name,)),
    )


def closed_reason(role: Role, site: CareersSite) -> str:
    if role.closed:
        return "This role has been filled or withdrawn."
    return f"Applications closed on {labels.date_label(role.valid_through)}."


@_build_entry.register
def _role_page(role: Role, entry: Entry[Role], site: CareersSite) -> PageModel:
    org = site.settings.organization.name
    status = site.role_status(role)
    h = role_headings(role, org)
    plan = hiring_plan(role, site.settings.hiring)
    manager = site.hiring_manager(role)
    apply_text = f"Apply for the {role.title} role"

    sections: list[Section] = []
    if not status.is_open:
        sections.append(_section("", None, Notice("This role is closed", closed_reason(role, site),
                                                  Link(f"See all open roles at {org}", page_path=ROLE.index_path))))
    else:
        sections.append(_section("", None, ApplyButton(apply_text, role.apply.url, "top")))

    person = manager.model
    key_facts = passages.key_facts(role, org, person)
    posting = [
        _section("", None, Facts(role_facts(entry, site)), Paragraph(role.summary, "lede")),
        _section("key-facts", h.key_facts, Paragraph(key_facts), kind="key-facts"),
        _section("where-you-work", h.where, Paragraph(passages.where_intro(role, org)),
                 Paragraph(passages.employment_sentence(role)), kind="where"),
        *_body_section("about-the-role", h.about, entry),
        _section("outcomes-90-days", h.outcomes_90, Paragraph(passages.outcomes_intro(role, org, 90)),
                 _bullets(role.outcomes.day_90, "outcomes"), kind="outcomes"),
        _section("outcomes-180-days", h.outcomes_180, Paragraph(passages.outcomes_intro(role, org, 180)),
                 _bullets(role.outcomes.day_180, "outcomes"), kind="outcomes"),
        _section("outcomes-365-days", h.outcomes_365, Paragraph(passages.outcomes_intro(role, org, 365)),
                 _bullets(role.outcomes.day_365, "outcomes"), kind="outcomes"),
        _section("must-haves", h.must_haves, Paragraph(passages.requirements_intro(role, org)),
                 _bullets(role.must_haves)),
    ]
    if role.nice_to_haves:
        posting.append(_section("nice-to-haves", h.nice_to_haves, Paragraph(passages.nice_to_haves_intro(role)),
                                _bullets(role.nice_to_haves)))
    if role.skills:
        posting.append(_section("skills", h.skills, Paragraph(passages.skills_intro(role)),
                                _bullets(role.skills, "chips")))
    pay_children: list[Section] = []
    if role.incentives or plan.equity:
        blocks: list[Block] = [Paragraph(passages.incentives_intro(role))]
        if role.incentives:
            blocks.append(_bullets(role.incentives))
        if plan.equity:
            blocks.append(Paragraph(plan.equity, "equity"))
        pay_children.append(Section("incentives", f"Bonuses and equity for the {role.title}", tuple(blocks),
                                    level=3))
    if role.benefits:
        pay_children.append(Section("benefits", f"Benefits included with the {role.title} role",
                                    (Paragraph(passages.benefits_intro(role, org)), _bullets(role.benefits)),
                                    level=3))
    if plan.career_ladder:
        steps = tuple(Item(step.summary or "", lead=step.title, current=step.current) for step in plan.career_ladder)
        pay_children.append(Section("career-ladder", f"Career path after the {role.title} role",
                                    (Paragraph(passages.ladder_intro(role, org)),
                                     ItemList(steps, "ladder", ordered=True)), level=3))
    posting.append(Section("compensation", h.compensation,
                           (Paragraph(labels.pay_label(role), "strong-value",
                                      prefix=passages.pay_prefix(role, org)),),
                           tuple(pay_children)))
    sections += [Section(s.id, s.heading, s.blocks, s.children, s.level, s.kind, in_posting=True) for s in posting]

    brief = hiring_brief_text(role, organization=org, page_url=site.url(entry.page_path))
    sections.append(_section("hiring-brief", h.hiring_brief, CopyableText(
        brief, "The role, its 90-day outcomes, must-haves and nice-to-haves as plain text, to paste into a "
               "message, an applicant tracking system or a document.", "Copy hiring brief"), kind="hiring-brief"))
    if plan.has_process:
        steps_children: list[Section] = []
        if plan.take_home:
            hours = f"{plan.take_home.hours:g}"
            steps_children.append(Section(
                "take-home", f"The {role.title} take-home exercise: about {hours} hours",
                (Paragraph(passages.take_home_intro(role, plan)), Paragraph("What the take-home assesses:", "label"),
                 _bullets(plan.take_home.assessed)), level=3))
        if plan.interview_loop:
            panels = tuple(Item(p.who, lead=p.panel, detail=f"Focus: {p.focus}") for p in plan.interview_loop)
            steps_children.append(Section("interview-loop", f"Interview stages for {role.title} candidates: who "
                                                            "you meet",
                                          (Paragraph(passages.interview_stages_intro(role, plan)),
                                           ItemList(panels, "loop", ordered=True)), level=3))
        if plan.scorecard:
            items = tuple(Item(i.evidence or "", lead=i.criterion) for i in plan.scorecard)
            steps_children.append(Section(
                "scorecard", f"The {len(plan.scorecard)}-item scorecard every {role.title} candidate is assessed on",
                (Paragraph(passages.scorecard_intro(role, len(plan.scorecard))),
                 ItemList(items, "scorecard", ordered=True)), level=3))
        sections.append(Section("how-we-hire", h.how_we_hire, (Paragraph(passages.process_summary(role, org, plan)),),
                                tuple(steps_children), kind="how-we-hire"))
    if status.is_open:
        sections.append(_section("", None, ApplyButton(apply_text, role.apply.url, "bottom")))
    if role.faq:
        questions = tuple(Section(f"faq-{index}", item.question, (Paragraph(item.answer, "answer"),), level=3)
                          for index, item in enumerate(role.faq, start=1))
        sections.append(Section("faq", h.faq, (Paragraph(passages.faq_intro(role, org)),), questions, kind="faq"))
    tenure = labels.tenure_label(person, site.build_date)
    lead_in, after = passages.reports_to(role, org, person, tenure)
    sections.append(_section("hiring-manager", h.hiring_manager, PersonCard(
        person.name, Link(person.name, page_path=manager.page_path), (person.achievements[0],),
        lead_in=lead_in, after=after, image=person.image, image_alt=person.image_alt or person.name),
        kind="person-card"))
    studies = site.case_studies_for(role)
    if studies:
        sections.append(_section("case-studies", h.case_studies, ItemList(tuple(
            Item(link=Link(s.model.title, page_path=s.page_path), note=s.model.summary) for s in studies), "links")))
    return PageModel(entry_meta(entry, site), role.title, entry.slug, tuple(sections), ROLE.name, entry)


@_build_entry.register
def _person_page(person: Person, entry: Entry[Person], site: CareersSite) -> PageModel:
    org = site.settings.organization.name
    name = person.name
    tenure = labels.tenure_label(person, site.build_date)
    sections = [
        _section("", None, PersonCard(name, None, (f"{person.job_title}, {org}", tenure),
                                      image=person.image, image_alt=person.image_alt or name,
                                      image_size=160, profile=True),
                 Paragraph(person.summary, "lede"), Paragraph(passages.person_facts(person, org, tenure))),
        *_body_section("bio", f"How {name} works", entry),
        _section("achievements", f"What {name} has achieved at {org}",
                 Paragraph(passages.achievements_intro(person, org)), _bullets(person.achievements)),
    ]
    if person.knows_about:
        sections.append(_section("expertise", f"Topics {name} knows best", _bullets(person.knows_about, "chips")))
    studies = site.case_studies_led_by(entry.slug)
    if studies:
        sections.append(_section("case-studies", f"Case studies led by {name}", ItemList(tuple(
            Item(link=Link(s.model.title, page_path=s.page_path), note=s.model.summary) for s in studies), "links")))
    roles = site.open_roles_managed_by(entry.slug)[:RELATED_LIMIT]
    if roles:
        sections.append(_section("open-roles", f"Open roles hiring into {name}'s team", _role_links(roles)))
    if person.same_as:
        sections.append(_section("profiles", f"Where to find {name} online", ItemList(tuple(
            Item(link=Link(url, url=url, rel="me")) for url in person.same_as), "links")))
    return PageModel(entry_meta(entry, site), name, entry.slug, tuple(sections), PERSON.name, entry)


def _role_links(roles: list[Entry[Role]]) -> ItemList:
    return ItemList(tuple(Item(link=Link(r.model.title, page_path=r.page_path), note=labels.location_label(r.model))
                          for r in roles), "links")


@_build_entry.register
def _case_study_page(study: CaseStudy, entry: Entry[CaseStudy], site: CareersSite) -> PageModel:
    leader = site.leader(study)
    h = case_study_headings(study.title, leader.model.name)
    facts = (
        Fact("Led by", (leader.model.name,), link=Link(leader.model.name, page_path=leader.page_path),
             suffix=f", {leader.model.job_title}"),
        Fact("When", (labels.period_label(study),)),
        Fact("Published", (labels.date_label(study.date_published),)),
        Fact("Stack", (", ".join(study.stack),)),
    )
    rows = tuple(MetricRow(m.label, labels.metric_value(m.before, m), labels.metric_value(m.after, m),
                           labels.metric_change(m)) for m in study.metrics)
    sections = [
        _section("", None, Facts(facts), Paragraph(study.summary, "lede"),
                 Paragraph(passages.case_study_facts(study, site.settings.organization.name, leader.model))),
        _section("results", h.results, Paragraph(passages.results_intro(study, leader.model)), Metrics(rows)),
        *_body_section("story", h.story, entry),
    ]
    if study.topics:
        sections.append(_section("topics", h.topics, _bullets(study.topics, "chips")))
    roles = site.open_roles_citing(entry.slug)[:RELATED_LIMIT]
    if roles:
        sections.append(_section("related-roles", h.related_roles, _role_links(roles)))
    return PageModel(entry_meta(entry, site), study.title, entry.slug, tuple(sections), CASE_STUDY.name, entry)


# --- index pages -----------------------------------------------------------------------------------------
def index_page(kind: ContentKind, site: CareersSite, intro_markdown: str = "") -> PageModel:
    """A kind's listing page; `intro_markdown` is the editor's own `<prefix>/index.md` text, if any."""
    org = site.settings.organization.name
    intro = (_section("", None, Body(intro_markdown, kind.src_uri("index"))),) if intro_markdown.strip() else ()
    meta = index_meta(kind, site)
    if kind is ROLE:
        sections = _roles_index_sections(site)
        h1, h1_id = f"Open roles at {org}", "open-roles"
    elif kind is PERSON:
        lede = "The people you would work with and for, what they have shipped and what they care about."
        cards = tuple(Card(e.model.name, e.page_path, e.slug, (e.model.job_title, e.model.summary),
                           e.model.image, e.model.image_alt or e.model.name)
                      for e in site.people_sorted)
        sections = [_section("", None, Paragraph(lede, "lede"), Cards(cards, "people"))]
        h1, h1_id = f"Leadership at {org}", "leadership"
    else:
        lede = ("One-page write-ups of real projects, with the numbers before and after, the dates and the "
                "stack.")
        cards = tuple(Card(e.model.title, e.page_path, e.slug, (e.model.summary, " · ".join([
            labels.period_label(e.model), f"Led by {site.leader(e.model).model.name}", ", ".join(e.model.stack)])))
            for e in site.case_studies_sorted)
        sections = [_section("", None, Paragraph(lede, "lede"), Cards(cards, "list"))]
        h1, h1_id = f"Case studies from {org}", "case-studies"
    return PageModel(meta, h1, h1_id, (*intro, *sections), "index")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _roles_index_sections(site: CareersSite) -> list[Section]:
    org = site.settings.organization.name
    entries = site.open_roles
    groups = site.open_roles_by_department()
    lede = (f"{_plural(len(entries), 'open role')} across {_plural(len(groups), 'team')}. Every listing shows the "
            "location, workplace, salary range and closing date.")
    head: list[Block] = [Paragraph(lede, "lede")]
    if groups:
        head.append(RoleFilters(filter_fields(e.model for e in entries), len(entries),
                                "No open roles match these filters. Try another country or workplace, or clear "
                                f"the filters to see all {len(entries)} roles."))
    else:
        head.append(Paragraph("There are no open roles right now."))
    sections = [Section("", None, tuple(head))]
    for index, (department, group) in enumerate(groups, start=1):
        rows = BuiltOnRead(group, _role_row)  # made while rendered, never all held (pages/model.py)
        sections.append(_section(f"dept-{index}", f"{department} jobs at {org}", RoleRows(rows), kind="department"))
    closed = site.closed_roles[:RECENTLY_CLOSED_LIMIT]
    if closed:
        sections.append(_section("recently-closed", f"Recently closed roles at {org}", ItemList(tuple(
            Item(link=Link(e.model.title, page_path=e.page_path), note="(closed)") for e in closed), "links")))
    return sections


def _role_row(entry: Entry[Role]) -> RoleRow:
    role = entry.model
    return RoleRow(role.title, entry.page_path, role.summary, _row_facts(role), row_filter_values(role))


def _row_facts(role: Role) -> tuple[Fact, ...]:
    return (
        Fact("Location", (labels.location_label(role),)),
        Fact("Workplace", (labels.workplace_label(role.workplace),)),
        Fact("Salary", (labels.salary_label(role.salary),)),
        Fact("Employment type", (labels.employment_label(role.employment_type),)),
        Fact("Apply by", (labels.closing_label(role),)),
    )


# --- free pages ------------------------------------------------------------------------------------------
def free_page(page: FreePage, site: CareersSite) -> PageModel:
    """An editor's own page: its Markdown is the whole content (its first heading is the page's H1)."""
    return PageModel(free_page_meta(page, site), "", "", (_section("", None, Body(page.markdown, page.src_uri)),),
                     "free")
