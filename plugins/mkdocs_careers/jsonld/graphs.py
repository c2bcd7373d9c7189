"""One JSON-LD `@graph` per page: shared nodes first, then the page's own entities.

Every `@id` a node references is defined in the same graph, so consumers never need a second page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.models import CaseStudy, Person, Role
from .article import article_node
from .faq import faq_node
from .job_posting import job_posting_node
from .nodes import (
    breadcrumb_node,
    job_posting_id,
    organization_node,
    person_id,
    webpage_node,
    website_node,
)
from .person import article_stub, person_node

if TYPE_CHECKING:
    from ..content.site import CareersSite, ContentKind, Entry


def _graph(nodes: list[dict[str, Any] | None]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@graph": [n for n in nodes if n]}


def _base(site: CareersSite, site_name: str, language: str | None) -> list[dict[str, Any] | None]:
    return [organization_node(site), website_node(site, site_name, language)]


def _trail(site: CareersSite, *steps: tuple[str, str]) -> list[tuple[str, str]]:
    return [("Home", site.url()), *steps]


def free_page_graph(site: CareersSite, page_url: str, title: str, *, site_name: str, language: str | None,
                    description: str | None, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """Home page and free Markdown pages: Organization, WebSite, WebPage and breadcrumbs."""
    return _graph([
        *_base(site, site_name, language),
        webpage_node(site, page_url, title, description=description, language=language),
        breadcrumb_node(page_url, _trail(site, *trail)),
    ])


def collection_page_graph(site: CareersSite, kind: ContentKind, entries: list[tuple[str, str]], *,
                          site_name: str, language: str | None, description: str | None) -> dict[str, Any]:
    """Index pages list their items by name and URL only: never a JobPosting on a listing."""
    page_url = site.url(site.index_path(kind))
    item_list = {
        "@type": "ItemList",
        "@id": f"{page_url}#items",
        "numberOfItems": len(entries),
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "url": url}
            for index, (name, url) in enumerate(entries, start=1)
        ],
    }
    page = webpage_node(site, page_url, kind.label, page_type="CollectionPage", main_entity=item_list["@id"],
                        description=description, language=language)
    return _graph([*_base(site, site_name, language), page, item_list,
                   breadcrumb_node(page_url, _trail(site, (kind.label, page_url)))])


def role_page_graph(entry: Entry[Role], site: CareersSite, *, description_html: str, site_name: str,
                    language: str | None) -> dict[str, Any]:
    """A role page: WebPage + JobPosting (open roles only) + FAQPage + breadcrumbs."""
    role = entry.model
    page_url = site.url(entry.page_path)
    is_open = site.role_status(role).is_open
    index_url = site.url(site.index_path(entry.kind))
    return _graph([
        *_base(site, site_name, language),
        webpage_node(site, page_url, role.title, main_entity=job_posting_id(page_url) if is_open else None,
                     description=role.summary, language=language,
                     date_modified=role.last_modified.isoformat()),
        job_posting_node(entry, site, page_url, description_html) if is_open else None,
        faq_node(page_url, list(role.faq)),
        breadcrumb_node(page_url, _trail(site, (entry.kind.label, index_url), (role.title, page_url))),
    ])


def person_page_graph(entry: Entry[Person], site: CareersSite, *, site_name: str,
                      language: str | None) -> dict[str, Any]:
    """A leader's bio: ProfilePage whose mainEntity is the Person."""
    person = entry.model
    page_url = site.url(entry.page_path)
    index_url = site.url(site.index_path(entry.kind))
    return _graph([
        *_base(site, site_name, language),
        webpage_node(site, page_url, person.name, page_type="ProfilePage",
                     main_entity=person_id(site, entry.slug), description=person.summary, language=language),
        person_node(entry, site),
        *[article_stub(study, site) for study in site.case_studies_led_by(entry.slug)],
        breadcrumb_node(page_url, _trail(site, (entry.kind.label, index_url), (person.name, page_url))),
    ])


def case_study_page_graph(entry: Entry[CaseStudy], site: CareersSite, *, site_name: str,
                          language: str | None) -> dict[str, Any]:
    study = entry.model
    page_url = site.url(entry.page_path)
    index_url = site.url(site.index_path(entry.kind))
    article = article_node(entry, site, page_url)
    return _graph([
        *_base(site, site_name, language),
        webpage_node(site, page_url, study.title, main_entity=article["@id"], description=study.summary,
                     language=language, date_modified=study.date_published.isoformat()),
        article,
        person_node(site.leader(study), site, full=False),
        breadcrumb_node(page_url, _trail(site, (entry.kind.label, index_url), (study.title, page_url))),
    ])
