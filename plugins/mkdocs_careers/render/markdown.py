"""Clean Markdown copies of every page, published next to the HTML at `<page URL>index.md`.

AI assistants fetching a page for a user read Markdown far more reliably than a themed HTML page.
Facts use the same labels (`formatting.py`) and headings (`headings.py`) as the HTML page.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from ..content.models import CaseStudy, Person, Role
from ..outputs.free_pages import FreePage
from ..pages import labels as formatting
from ..pages.headings import case_study_headings, role_headings
from .per_site_memo import once_per_site

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")


def md_text(value: str) -> str:
    """Escape inline Markdown so a frontmatter value is read as text, on one line."""
    text = _INLINE_SPECIAL.sub(r"\\\1", " ".join(value.split()))
    return "\\" + text if text.startswith(("#", "-", "+", ">")) else text


def md_cell(value: str) -> str:
    return md_text(value).replace("|", "\\|")


def markdown_copy_path(page_path: str) -> str:
    """`roles/x/` → `roles/x/index.md`; `` (home) → `index.md`."""
    if not page_path or page_path.endswith("/"):
        return f"{page_path}index.md"
    return f"{page_path}.md"


def absolutize_links(markdown: str, src_uri: str, site: CareersSite) -> str:
    """Relative links in an editor's body point at source files; rewrite them to absolute page URLs."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith(("#", "/")):
            return match.group(0)
        path, _, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if resolved.endswith(".md"):
            stem = resolved[:-3]
            resolved = stem[: -len("index")] if stem.endswith("index") else stem + "/"
            resolved = "" if resolved in ("./", ".") else resolved
        url = site.url(resolved.lstrip("./") if resolved != "." else "") + (f"#{fragment}" if fragment else "")
        return f"{match.group(1)}{url}{match.group(3)}"

    return _LINK.sub(replace, markdown)


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {md_text(item)}" for item in items)


def _facts(rows: list[tuple[str, str]]) -> str:
    return "\n".join(f"- **{label}:** {value}" for label, value in rows if value)


def role_facts(entry: Entry[Role], site: CareersSite) -> list[tuple[str, str]]:
    """The role's key facts as (label, Markdown value), shared by the copy, llms-full.txt and feeds."""
    role = entry.model
    places = [md_text(loc.address_label) for loc in role.locations]
    if role.remote_countries:
        places.append(f"Remote from {md_text(formatting.remote_countries_label(role))}")
    return [
        ("Company", md_text(site.settings.organization.name)),
        ("Location", "; ".join(places)),
        ("Workplace", role.workplace.label),
        ("Salary", md_text(formatting.salary_label(role.salary))),
        ("Employment type", formatting.employment_label(role.employment_type)),
        ("Apply by", formatting.closing_label(role)),
        ("Posted", formatting.date_label(role.date_posted)),
        ("Department", md_text(role.department)),
        ("Job reference", entry.slug),
        ("Apply", f"<{role.apply.url}>" if site.role_status(role).is_open else ""),
        ("Page", site.url(entry.page_path)),
    ]


@once_per_site  # the Markdown copy, the JSON Feed and llms-full.txt all embed it
def role_markdown(entry: Entry[Role], site: CareersSite) -> str:
    role = entry.model
    h = role_headings(role, site.settings.organization.name)
    status = site.role_status(role)
    manager = site.hiring_manager(role)
    parts = [f"# {md_text(role.title)}", ""]
    if not status.is_open:
        parts += [f"**This role is closed.** {md_text(status.reason)} Open roles: {site.url('roles/')}", ""]
    parts += [f"> {md_text(role.summary)}", "", _facts(role_facts(entry, site)), "",
              f"## {md_text(h.about)}", "", absolutize_links(entry.body, entry.src_uri, site).strip(), "",
              f"## {md_text(h.outcomes_90)}", "", _bullets(role.outcomes.day_90), "",
              f"## {md_text(h.outcomes_180)}", "", _bullets(role.outcomes.day_180), "",
              f"## {md_text(h.outcomes_365)}", "", _bullets(role.outcomes.day_365), "",
              f"## {md_text(h.must_haves)}", "", _bullets(role.must_haves), ""]
    if role.nice_to_haves:
        parts += [f"## {md_text(h.nice_to_haves)}", "", _bullets(role.nice_to_haves), ""]
    if role.skills:
        parts += [f"## {md_text(h.skills)}", "", _bullets(role.skills), ""]
    parts += [f"## {md_text(h.compensation)}", "", f"Salary: **{md_text(formatting.salary_label(role.salary))}**", ""]
    if role.incentives:
        parts += ["### Bonuses and equity", "", _bullets(role.incentives), ""]
    if role.benefits:
        parts += ["### Benefits", "", _bullets(role.benefits), ""]
    if role.faq:
        parts += [f"## {md_text(h.faq)}", ""]
        for item in role.faq:
            parts += [f"### {md_text(item.question)}", "", md_text(item.answer), ""]
    parts += [f"## {md_text(h.hiring_manager)}", "",
              f"[{md_text(manager.model.name)}]({site.url(markdown_copy_path(manager.page_path))}), "
              f"{md_text(manager.model.job_title)}", ""]
    studies = site.case_studies_for(role)
    if studies:
        parts += [f"## {md_text(h.case_studies)}", ""]
        parts += [f"- [{md_text(s.model.title)}]({site.url(markdown_copy_path(s.page_path))}): {md_text(s.model.summary)}"
                  for s in studies]
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def person_markdown(entry: Entry[Person], site: CareersSite) -> str:
    person = entry.model
    org = site.settings.organization.name
    parts = [f"# {md_text(person.name)}", "", f"> {md_text(person.summary)}", "",
             _facts([("Role", f"{md_text(person.job_title)}, {md_text(org)}"),
                     ("Tenure", formatting.tenure_label(person, site.build_date)),
                     ("Page", site.url(entry.page_path))]), "",
             f"## How {md_text(person.name)} works", "", absolutize_links(entry.body, entry.src_uri, site).strip(), "",
             f"## What {md_text(person.name)} has achieved at {md_text(org)}", "", _bullets(person.achievements), ""]
    if person.knows_about:
        parts += [f"## Topics {md_text(person.name)} knows best", "", _bullets(person.knows_about), ""]
    studies = site.case_studies_led_by(entry.slug)
    if studies:
        parts += [f"## Case studies led by {md_text(person.name)}", ""]
        parts += [f"- [{md_text(s.model.title)}]({site.url(markdown_copy_path(s.page_path))})" for s in studies]
        parts.append("")
    if person.same_as:
        parts += [f"## Where to find {md_text(person.name)} online", "", *[f"- <{u}>" for u in person.same_as], ""]
    return "\n".join(parts).rstrip() + "\n"


def case_study_markdown(entry: Entry[CaseStudy], site: CareersSite) -> str:
    study = entry.model
    leader = site.leader(study)
    h = case_study_headings(study.title, leader.model.name)
    rows = "\n".join(
        f"| {md_cell(m.label)} | {md_cell(formatting.metric_value(m.before, m))} | "
        f"{md_cell(formatting.metric_value(m.after, m))} | {formatting.metric_change(m)} |"
        for m in study.metrics)
    parts = [f"# {md_text(study.title)}", "", f"> {md_text(study.summary)}", "",
             _facts([("Led by", f"[{md_text(leader.model.name)}]({site.url(markdown_copy_path(leader.page_path))}), "
                                f"{md_text(leader.model.job_title)}"),
                     ("When", formatting.period_label(study)),
                     ("Published", formatting.date_label(study.date_published)),
                     ("Stack", md_text(", ".join(study.stack))),
                     ("Page", site.url(entry.page_path))]), "",
             f"## {md_text(h.results)}", "",
             "| Metric | Before | After | Change |", "|---|---|---|---|", rows, "",
             f"## {md_text(h.story)}", "", absolutize_links(entry.body, entry.src_uri, site).strip(), ""]
    return "\n".join(parts).rstrip() + "\n"


def free_page_markdown(page: FreePage, site: CareersSite) -> str:
    return absolutize_links(page.markdown, page.src_uri, site).strip() + "\n"
