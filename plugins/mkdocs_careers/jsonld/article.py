"""schema.org Article for a one-page case study: who led it, when, about what, with which stack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content.models import CaseStudy
from .nodes import article_id, organization_id, person_id, ref, webpage_id

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry


def article_node(entry: Entry[CaseStudy], site: CareersSite, page_url: str) -> dict[str, Any]:
    study = entry.model
    return {
        "@type": "Article",
        "@id": article_id(site, entry.slug),
        "url": page_url,
        "mainEntityOfPage": ref(webpage_id(page_url)),
        "headline": study.title,
        "description": study.summary,
        "author": ref(person_id(site, study.leader)),
        "publisher": ref(organization_id(site)),
        "datePublished": study.date_published.isoformat(),
        "temporalCoverage": study.period.iso_interval,
        "about": [{"@type": "Thing", "name": topic} for topic in study.topics] or ref(organization_id(site)),
        "keywords": list(study.stack),
    }
