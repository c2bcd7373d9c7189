"""Rendering careers pages to HTML fragments and JSON-LD, independent of any site generator.

The adapter (MkDocs plugin today) passes in the editor's body already converted to HTML and
gets back the page HTML, the headings for a table of contents, the JSON-LD graph and head tags.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..content.models import CaseStudy, Person, Role
from ..content.site import PERSON, ROLE, CareersSite, ContentKind, Entry
from ..jsonld import (
    case_study_page_graph,
    collection_page_graph,
    free_page_graph,
    person_page_graph,
    role_page_graph,
)
from ..outputs.social_meta import SocialCard
from ..pages import labels as formatting
from ..pages.headings import case_study_headings, role_headings
from ..pages.hiring import hiring_plan
from ..pages.hiring_brief import hiring_brief_text
from ..pages.role_filters import filter_fields, row_filter_values

_HEADING = re.compile(r'<h([23])\s+id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
# Related-role lists on person and case-study pages are capped so those pages stay small at any scale.
RELATED_LIMIT = 10


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    html: str  # already escaped inline HTML


@dataclass
class RenderedPage:
    """Everything an adapter needs to publish one page."""

    html: str
    jsonld: dict[str, Any]
    title: str
    description: str
    headings: list[Heading] = field(default_factory=list)
    noindex: bool = False
    card: SocialCard | None = None


def relative_url(from_path: str, to_path: str) -> str:
    """Link from one site-relative directory URL (`roles/x/`) to another path or asset."""
    base = from_path if from_path.endswith("/") or not from_path else posixpath.dirname(from_path) + "/"
    target = to_path.lstrip("/")
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if to_path.endswith("/") and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


class PageRenderer:
    """Renders the careers pages of one site; holds the Jinja environment (autoescape on)."""

    def __init__(self, site: CareersSite, *, site_name: str, language: str | None):
        self.site = site
        self.site_name = site_name
        self.language = language
        self.env = Environment(
            loader=PackageLoader("mkdocs_careers.render", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    # --- helpers ----------------------------------------------------------------------------------
    def _context(self, page_path: str, **extra: Any) -> dict[str, Any]:
        def rel(target: str, asset: bool = False) -> str:
            if target.startswith(("http://", "https://")):
                return target
            if not asset and not self.site.settings.use_directory_urls and target.endswith("/"):
                target = target.rstrip("/") + ".html"
            return relative_url(page_path, target)

        return {"rel": rel, "fmt": formatting, "organization": self.site.settings.organization,
                "site": self.site, **extra}

    def _render(self, template: str, context: dict[str, Any]) -> str:
        return self.env.get_template(template).render(context)

    @staticmethod
    def headings_of(html: str) -> list[Heading]:
        return [Heading(int(level), anchor, _HEADERLINK.sub("", inner).strip())
                for level, anchor, inner in _HEADING.findall(html)]

    # --- pages -----------------------------------------------------------------------------------
    def role_page(self, entry: Entry[Role], body_html: str) -> RenderedPage:
        role = entry.model
        status = self.site.role_status(role)
        manager = self.site.hiring_manager(role)
        facts = {
            "salary": formatting.salary_label(role.salary),
            "workplace": role.workplace.label,
            "employment": formatting.employment_label(role.employment_type),
            "closing": formatting.closing_label(role),
            "posted": formatting.date_label(role.date_posted),
            "remote_countries": formatting.remote_countries_label(role),
        }
        h = role_headings(role, self.site.settings.organization.name)
        context = self._context(entry.page_path, entry=entry, role=role, status=status, facts=facts, h=h,
                                body_html=Markup(body_html), manager=manager,
                                manager_tenure=formatting.tenure_label(manager.model, self.site.build_date),
                                studies=self.site.case_studies_for(role),
                                plan=hiring_plan(role, self.site.settings.hiring),
                                brief=hiring_brief_text(role, organization=self.site.settings.organization.name,
                                                        page_url=self.site.url(entry.page_path)))
        posting_html = self._render("role_posting.html", context).strip()
        description_html = _HEADERLINK.sub("", posting_html)
        html = self._render("role.html", {**context, "posting_html": Markup(posting_html)})
        graph = role_page_graph(entry, self.site, description_html=description_html, site_name=self.site_name,
                                language=self.language)
        title = self._title(role.title)
        return RenderedPage(html=html, jsonld=graph, title=title, description=role.summary,
                            headings=self.headings_of(html), noindex=not status.is_open,
                            card=self.social_card(entry.page_path, title, role.summary))

    def person_page(self, entry: Entry[Person], body_html: str) -> RenderedPage:
        person = entry.model
        context = self._context(entry.page_path, entry=entry, person=person, body_html=Markup(body_html),
                                tenure=formatting.tenure_label(person, self.site.build_date),
                                studies=self.site.case_studies_led_by(entry.slug),
                                roles=self.site.open_roles_managed_by(entry.slug)[:RELATED_LIMIT])
        html = self._render("person.html", context)
        graph = person_page_graph(entry, self.site, site_name=self.site_name, language=self.language)
        title = self._title(f"{person.name}, {person.job_title}")
        return RenderedPage(html=html, jsonld=graph, title=title, description=person.summary,
                            headings=self.headings_of(html),
                            card=self.social_card(entry.page_path, title, person.summary, og_type="profile",
                                                  image=person.image, image_alt=person.image_alt or person.name))

    def case_study_page(self, entry: Entry[CaseStudy], body_html: str) -> RenderedPage:
        study = entry.model
        roles = self.site.open_roles_citing(entry.slug)[:RELATED_LIMIT]
        context = self._context(entry.page_path, entry=entry, study=study, body_html=Markup(body_html),
                                leader=self.site.leader(study), roles=roles,
                                h=case_study_headings(study.title, self.site.leader(study).model.name))
        html = self._render("case_study.html", context)
        graph = case_study_page_graph(entry, self.site, site_name=self.site_name, language=self.language)
        title = self._title(study.title)
        return RenderedPage(html=html, jsonld=graph, title=title, description=study.summary,
                            headings=self.headings_of(html),
                            card=self.social_card(entry.page_path, title, study.summary, og_type="article",
                                                  published=study.date_published.isoformat()))

    def index_page(self, kind: ContentKind, intro_html: str = "") -> RenderedPage:
        path = self.site.index_path(kind)
        intro = Markup(intro_html)
        org = self.site.settings.organization.name
        if kind is ROLE:
            entries = self.site.open_roles
            groups = self.site.open_roles_by_department()
            html = self._render("roles_index.html", self._context(
                path, groups=groups, open_count=len(entries), recently_closed=self.site.closed_roles[:5],
                intro_html=intro, filters=filter_fields(e.model for e in entries), row_data=row_filter_values))
            listed = [e for _, group in groups for e in group]
            description = f"{len(entries)} open roles at {org}, with location, workplace, salary and closing date."
        elif kind is PERSON:
            listed = self.site.people_sorted
            html = self._render("people_index.html", self._context(path, people=listed, intro_html=intro))
            description = f"The leadership team at {org}: roles, tenure and achievements."
        else:
            listed = self.site.case_studies_sorted
            html = self._render("case_studies_index.html", self._context(path, studies=listed, intro_html=intro))
            description = f"Case studies from {org} with before/after numbers, dates and stack."
        items = [(self._entry_name(e), self.site.url(e.page_path)) for e in listed]
        graph = collection_page_graph(self.site, kind, items, site_name=self.site_name, language=self.language,
                                      description=description)
        title = self._title(kind.label)
        return RenderedPage(html=html, jsonld=graph, title=title, description=description,
                            headings=self.headings_of(html), card=self.social_card(path, title, description))

    def free_page_jsonld(self, page_path: str, title: str, description: str | None,
                         trail: list[tuple[str, str]]) -> dict[str, Any]:
        """JSON-LD for an editor's free Markdown page (home, how we hire, benefits, ...)."""
        return free_page_graph(self.site, self.site.url(page_path), title, site_name=self.site_name,
                               language=self.language, description=description, trail=trail)

    def social_card(self, page_path: str, title: str, description: str, *, og_type: str = "website",
                    image: str | None = None, image_alt: str | None = None,
                    published: str | None = None) -> SocialCard:
        social = self.site.settings.outputs.social
        return SocialCard(og_type=og_type, title=title, description=description, url=self.site.url(page_path),
                          site_name=self.site_name, image=self.site.asset_url(image or social.image),
                          image_alt=image_alt, twitter_site=social.twitter_site, published=published)

    def _title(self, subject: str) -> str:
        return f"{subject} at {self.site.settings.organization.name}"

    @staticmethod
    def _entry_name(entry: Entry) -> str:
        model = entry.model
        return getattr(model, "title", None) or model.name

