"""Nodes shared by every page: Organization, WebSite, WebPage and BreadcrumbList, with stable `@id`s.

The Organization is defined once per page graph and referenced everywhere else by `@id`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.kinds import CASE_STUDY, PERSON

if TYPE_CHECKING:
    from ..content.site import CareersSite


def ref(node_id: str) -> dict[str, str]:
    return {"@id": node_id}


def organization_id(site: CareersSite) -> str:
    return f"{site.url()}#organization"


def website_id(site: CareersSite) -> str:
    return f"{site.url()}#website"


def webpage_id(page_url: str) -> str:
    return f"{page_url}#webpage"


def breadcrumb_id(page_url: str) -> str:
    return f"{page_url}#breadcrumb"


def person_id(site: CareersSite, slug: str) -> str:
    return f"{site.url(PERSON.page_path(slug))}#person"


def article_id(site: CareersSite, slug: str) -> str:
    return f"{site.url(CASE_STUDY.page_path(slug))}#article"


def job_posting_id(page_url: str) -> str:
    return f"{page_url}#job"


def organization_node(site: CareersSite) -> dict[str, Any]:
    org = site.settings.organization
    logo = site.asset_url(org.logo)
    return {
        "@type": "Organization",
        "@id": organization_id(site),
        "name": org.name,
        "url": org.url,
        "logo": {"@type": "ImageObject", "url": logo} if logo else None,
        "sameAs": list(org.same_as),
        "description": org.description,
    }


def website_node(site: CareersSite, name: str, language: str | None) -> dict[str, Any]:
    return {
        "@type": "WebSite",
        "@id": website_id(site),
        "url": site.url(),
        "name": name,
        "publisher": ref(organization_id(site)),
        "inLanguage": language,
    }


def webpage_node(site: CareersSite, page_url: str, name: str, *, page_type: str = "WebPage",
                 main_entity: str | None = None, description: str | None = None,
                 language: str | None = None, date_modified: str | None = None) -> dict[str, Any]:
    return {
        "@type": page_type,
        "@id": webpage_id(page_url),
        "url": page_url,
        "name": name,
        "description": description,
        "isPartOf": ref(website_id(site)),
        "about": ref(organization_id(site)) if main_entity is None else None,
        "mainEntity": ref(main_entity) if main_entity else None,
        "breadcrumb": ref(breadcrumb_id(page_url)),
        "inLanguage": language,
        "dateModified": date_modified,
    }


def breadcrumb_node(page_url: str, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """`trail` is [(name, absolute url), ...] from the home page to the current page."""
    return {
        "@type": "BreadcrumbList",
        "@id": breadcrumb_id(page_url),
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": url}
            for index, (name, url) in enumerate(trail, start=1)
        ],
    }
