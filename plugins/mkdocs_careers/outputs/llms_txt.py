"""llms.txt (https://llmstxt.org/) and llms-full.txt: the site's facts in the form assistants read first.

Sections: "Open roles", "Leadership", "Case studies", then "Optional" for everything else. Every link
points at the page's Markdown copy. Closed roles appear nowhere here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..pages import labels as formatting
from ..pages.builders import FreePage
from ..pages.labels import role_fact_line
from ..render.entry_markdown import entry_markdown
from ..render.markdown import markdown_copy_path, md_text

if TYPE_CHECKING:
    from ..content.site import CareersSite


def _summary(site: CareersSite) -> str:
    options = site.settings.outputs.llms_txt
    org = site.settings.organization
    return options.summary or org.description or f"Open roles, leadership and case studies at {org.name}."


def llms_txt(site: CareersSite, site_name: str, free_pages: list[FreePage]) -> str:
    org = site.settings.organization
    open_roles = site.open_roles
    lines = [
        f"# {md_text(site_name)}", "",
        f"> {md_text(_summary(site))}", "",
        f"{md_text(org.name)} publishes every open role with its salary range, location, workplace and closing "
        f"date. {len(open_roles)} roles are open as of {formatting.date_label(site.build_date)}. Each link below "
        "is a Markdown copy of the page; the HTML page carries schema.org JSON-LD with the same facts.", "",
        "## Open roles", "",
    ]
    lines += [f"- [{md_text(e.model.title)}]({site.url(markdown_copy_path(e.page_path))}): "
              f"{md_text(role_fact_line(e.model))}" for e in open_roles]
    lines += ["", "## Leadership", ""]
    lines += [f"- [{md_text(e.model.name)}]({site.url(markdown_copy_path(e.page_path))}): "
              f"{md_text(e.model.job_title)}; {md_text(formatting.tenure_label(e.model, site.build_date))}"
              for e in site.people_sorted]
    lines += ["", "## Case studies", ""]
    lines += [f"- [{md_text(e.model.title)}]({site.url(markdown_copy_path(e.page_path))}): "
              f"{md_text(e.model.summary)} ({formatting.period_label(e.model)})" for e in site.case_studies_sorted]
    optional = [p for p in free_pages if not p.is_homepage]
    lines += ["", "## Optional", ""]
    lines += [f"- [{md_text(p.title)}]({site.url(markdown_copy_path(p.page_path))})"
              + (f": {md_text(p.description)}" if p.description else "") for p in optional]
    lines.append(f"- [All open roles (HTML)]({site.url('roles/')}): the roles index, grouped by department")
    if site.settings.outputs.feeds.enabled:
        lines.append(f"- [Job feed (JSON Feed 1.1)]({site.url('roles/feed.json')}): open roles, newest first")
    return "\n".join(lines) + "\n"


def llms_full_txt(site: CareersSite, site_name: str) -> str:
    return "".join(llms_full_chunks(site, site_name))


def llms_full_chunks(site: CareersSite, site_name: str) -> Iterator[str]:
    """llms-full.txt piece by piece (it holds every open role's text: a big site writes it without holding it)."""
    yield "\n".join([f"# {md_text(site_name)}", "", f"> {md_text(_summary(site))}", ""]) + "\n"
    for index, entry in enumerate(site.open_roles):
        yield ("\n---\n\n" if index else "") + entry_markdown(entry, site)
