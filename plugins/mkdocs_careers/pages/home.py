"""The home page as data: hero, open-role cards, leader cards, case-study cards and a "how we hire" strip.

Built from the site graph at build time, so the page follows roles as they open and close (the build date
decides, like everywhere else). The renderer (render/home.py) only lays this out; nothing here is HTML.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..content.appearance_options import HomeOptions, HomeSection
from ..content.kinds import ROLE
from ..content.models import Role
from ..content.site import CareersSite, Entry
from . import labels


@dataclass(frozen=True)
class Hero:
    headline: str
    promise: str
    cta_label: str
    cta_path: str  # site-relative page path of the roles index
    open_count: int


@dataclass(frozen=True)
class RoleCard:
    slug: str
    title: str
    team: str
    location: str
    workplace: str
    pay: str
    closing: str
    closing_iso: str | None  # for <time datetime>; None when open until filled
    page_path: str
    featured: bool = False

    @property
    def where(self) -> str:
        """Location and workplace in one line, without "Remote (…) · Remote"."""
        if not self.location:
            return self.workplace
        if self.location.startswith(self.workplace):
            return self.location
        return f"{self.location} · {self.workplace}"


@dataclass(frozen=True)
class RoleGroup:
    name: str  # department, or "Featured roles" / "Open roles" in the featured layout
    cards: list[RoleCard]


@dataclass(frozen=True)
class LeaderCard:
    name: str
    job_title: str
    tenure: str
    photo: str | None  # path inside docs_dir or URL
    photo_alt: str
    page_path: str


@dataclass(frozen=True)
class CaseStudyCard:
    title: str
    page_path: str
    metric_label: str
    before: str
    after: str
    change: str
    leader: str


@dataclass(frozen=True)
class HiringStrip:
    take_home_hours: float | None
    panels: list[tuple[str, str]]  # (panel, who)
    scorecard: list[str]  # criteria
    page_path: str | None  # "how we hire" page, when the site has one


@dataclass(frozen=True)
class HomePage:
    hero: Hero
    role_groups: list[RoleGroup]
    open_count: int
    more_roles: int  # open roles not shown as cards (beyond max_roles)
    leaders: list[LeaderCard]
    case_studies: list[CaseStudyCard]
    hiring: HiringStrip | None
    sections: list[HomeSection]

    @property
    def role_cards(self) -> list[RoleCard]:
        return [card for group in self.role_groups for card in group.cards]


class HomeOptionsError(ValueError):
    """The home page's frontmatter `home:` mapping is invalid; the message says which field and why."""


def home_options(defaults: HomeOptions, frontmatter: Mapping[str, Any] | None) -> HomeOptions:
    """The plugin's `home:` option with the home page's frontmatter `home:` fields laid over it."""
    own = (frontmatter or {}).get("home")
    if not own:
        return defaults
    if not isinstance(own, Mapping):
        raise HomeOptionsError("home: expected a mapping of home-page options (hint: e.g. 'home: {max_roles: 4}')")
    try:
        return HomeOptions.model_validate({**defaults.model_dump(exclude_unset=True), **own})
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            where = ".".join(map(str, error["loc"]))
            hint = ""
            if error["type"] == "extra_forbidden":
                close = difflib.get_close_matches(str(error["loc"][-1]), list(HomeOptions.model_fields), n=1)
                hint = f" (hint: did you mean '{close[0]}'?)" if close else ""
            problems.append(f"home.{where}: {error['msg']}{hint}")
        raise HomeOptionsError("; ".join(problems)) from None


def unknown_featured_roles(site: CareersSite, options: HomeOptions) -> list[tuple[int, str, str]]:
    """(index, slug, hint) for each featured slug that names no role at all (a closed role is fine: it hides)."""
    problems = []
    for index, slug in enumerate(options.featured_roles):
        if slug not in site.roles:
            close = difflib.get_close_matches(slug, list(site.roles), n=1, cutoff=0.6)
            problems.append((index, slug, f"did you mean '{close[0]}'?" if close else "use a file name from roles/"))
    return problems


def role_card(site: CareersSite, entry: Entry[Role], *, featured: bool = False) -> RoleCard:
    role = entry.model
    return RoleCard(slug=entry.slug, title=role.title, team=role.department, location=labels.location_label(role),
                    workplace=labels.workplace_label(role.workplace), pay=labels.salary_label(role.salary),
                    closing=labels.closing_label(role),
                    closing_iso=role.valid_through.isoformat() if role.valid_through else None,
                    page_path=entry.page_path, featured=featured)


def _role_groups(site: CareersSite, options: HomeOptions) -> list[RoleGroup]:
    open_roles = site.open_roles  # newest first
    if options.role_layout == "featured":
        by_slug = {entry.slug: entry for entry in open_roles}
        featured = [by_slug[slug] for slug in dict.fromkeys(options.featured_roles) if slug in by_slug]
        chosen = set(id(e) for e in featured)
        rest = [entry for entry in open_roles if id(entry) not in chosen]
        shown_featured = featured[:options.max_roles]
        shown_rest = rest[:max(options.max_roles - len(shown_featured), 0)]
        groups = []
        if shown_featured:
            groups.append(RoleGroup("Featured roles", [role_card(site, e, featured=True) for e in shown_featured]))
        if shown_rest:
            groups.append(RoleGroup("More open roles" if shown_featured else "Open roles",
                                    [role_card(site, e) for e in shown_rest]))
        return groups
    # Grouped: the newest roles up to the limit, then shown by department like the roles index.
    shown = set(id(e) for e in open_roles[:options.max_roles])
    groups = []
    for department, entries in site.open_roles_by_department():
        cards = [role_card(site, e) for e in entries if id(e) in shown]
        if cards:
            groups.append(RoleGroup(department, cards))
    return groups


def _hiring_strip(site: CareersSite, how_we_hire_path: str | None) -> HiringStrip | None:
    defaults = site.settings.hiring
    panels = [(panel.panel, panel.who) for panel in defaults.interview_loop or []]
    scorecard = [item.criterion for item in defaults.scorecard or []]
    hours = defaults.take_home.hours if defaults.take_home else None
    if hours is None and not panels and not scorecard:
        return None
    return HiringStrip(take_home_hours=hours, panels=panels, scorecard=scorecard, page_path=how_we_hire_path)


def build_home_page(site: CareersSite, options: HomeOptions, *, page_title: str | None = None,
                    how_we_hire_path: str | None = None) -> HomePage:
    """The home page's content for this build. `page_title` is the editor's own first heading, if any."""
    org = site.settings.organization
    groups = _role_groups(site, options)
    shown = sum(len(group.cards) for group in groups)
    hero = Hero(headline=options.headline or page_title or f"Careers at {org.name}",
                promise=options.promise or org.description or "",
                cta_label=options.cta_label, cta_path=ROLE.index_path,
                open_count=len(site.open_roles))
    leaders = [LeaderCard(name=p.model.name, job_title=p.model.job_title,
                          tenure=labels.tenure_label(p.model, site.build_date), photo=p.model.image,
                          photo_alt=p.model.image_alt or p.model.name, page_path=p.page_path)
               for p in site.people_sorted[:options.max_leaders]]
    studies = []
    for entry in site.case_studies_sorted[:options.max_case_studies]:
        metric = entry.model.metrics[0]  # the headline metric is the first one the editor lists
        studies.append(CaseStudyCard(title=entry.model.title, page_path=entry.page_path, metric_label=metric.label,
                                     before=labels.metric_value(metric.before, metric),
                                     after=labels.metric_value(metric.after, metric),
                                     change=labels.metric_change(metric), leader=site.leader(entry.model).model.name))
    return HomePage(hero=hero, role_groups=groups, open_count=len(site.open_roles),
                    more_roles=len(site.open_roles) - shown, leaders=leaders, case_studies=studies,
                    hiring=_hiring_strip(site, how_we_hire_path), sections=list(dict.fromkeys(options.sections)))
