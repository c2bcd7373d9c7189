"""schema.org Person (inside a ProfilePage), with tenure expressed through the Role pattern."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.models import CaseStudy, Person
from .nodes import article_id, organization_id, person_id, ref

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry


def person_node(entry: Entry[Person], site: CareersSite, *, full: bool = True) -> dict[str, Any]:
    person = entry.model
    node: dict[str, Any] = {
        "@type": "Person",
        "@id": person_id(site, entry.slug),
        "name": person.name,
        "url": site.url(entry.page_path),
        "jobTitle": person.job_title,
    }
    if not full:
        return node
    studies = site.case_studies_led_by(entry.slug)
    node.update({
        "description": person.summary,
        "image": site.asset_url(person.image),
        "sameAs": list(person.same_as),
        "knowsAbout": list(person.knows_about),
        "award": list(person.achievements),
        # schema.org's Role pattern: the Role sits between Person and Organization and carries tenure.
        "worksFor": {
            "@type": "EmployeeRole",
            "roleName": person.job_title,
            "startDate": person.since.isoformat(),
            "worksFor": ref(organization_id(site)),
        },
        "subjectOf": [ref(article_id(site, study.slug)) for study in studies],
    })
    return node


def article_stub(entry: Entry[CaseStudy], site: CareersSite) -> dict[str, Any]:
    """A short Article node so `subjectOf` links resolve inside the person page's own graph."""
    return {
        "@type": "Article",
        "@id": article_id(site, entry.slug),
        "headline": entry.model.title,
        "url": site.url(entry.page_path),
        "datePublished": entry.model.date_published.isoformat(),
    }
