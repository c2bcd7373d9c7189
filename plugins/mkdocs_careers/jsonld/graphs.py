"""One JSON-LD `@graph` per page, built from the page model: shared nodes first, then the page's own entities.

Names, descriptions, breadcrumbs, the FAQ and the listed items come from the page model (what the page
shows); typed values (dates, amounts, addresses) from the content model the page renders. Every `@id` a
node references is defined in the same graph, so consumers never need a second page.
"""

from __future__ import annotations

from typing import Any

from ..content.models import CaseStudy, Person, Role
from ..content.site import CareersSite
from ..pages.model import PageModel
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


def page_graph(page: PageModel, site: CareersSite, *, description_html: str | None, site_name: str,
               language: str | None) -> dict[str, Any]:
    """The graph of any page. `description_html` is the rendered job description (role pages only)."""
    meta = page.meta
    nodes: list[dict[str, Any] | None] = [organization_node(site), website_node(site, site_name, language)]
    entry = page.source
    model = entry.model if entry is not None else None
    if entry is not None and isinstance(model, Role):
        is_open = site.role_status(model).is_open
        nodes += [
            webpage_node(site, meta.url, meta.name, main_entity=job_posting_id(meta.url) if is_open else None,
                         description=meta.description, language=language,
                         date_modified=model.last_modified.isoformat()),
            job_posting_node(entry, site, meta.url, description_html or "") if is_open else None,
            faq_node(meta.url, page.faq),
        ]
    elif entry is not None and isinstance(model, Person):
        nodes += [
            webpage_node(site, meta.url, meta.name, page_type="ProfilePage", main_entity=person_id(site, entry.slug),
                         description=meta.description, language=language),
            person_node(entry, site),
            *[article_stub(study, site) for study in site.case_studies_led_by(entry.slug)],
        ]
    elif entry is not None and isinstance(model, CaseStudy):
        article = article_node(entry, site, meta.url)
        nodes += [
            webpage_node(site, meta.url, meta.name, main_entity=article["@id"], description=meta.description,
                         language=language, date_modified=model.date_published.isoformat()),
            article,
            person_node(site.leader(model), site, full=False),
        ]
    elif page.kind == "index":
        # Index pages list their items by name and URL only: never a JobPosting on a listing.
        listed = page.listed
        item_list_id = f"{meta.url}#items"
        item_list = {
            "@type": "ItemList",
            "@id": item_list_id,
            "numberOfItems": len(listed),
            "itemListElement": [
                {"@type": "ListItem", "position": index, "name": name, "url": site.url(path)}
                for index, (name, path) in enumerate(listed, start=1)
            ],
        }
        nodes += [webpage_node(site, meta.url, meta.name, page_type="CollectionPage", main_entity=item_list_id,
                               description=meta.description, language=language), item_list]
    else:
        nodes.append(webpage_node(site, meta.url, meta.name, description=meta.description or None,
                                  language=language))
    nodes.append(breadcrumb_node(meta.url, list(meta.breadcrumbs) or [("Home", site.url())]))
    return {"@context": "https://schema.org", "@graph": [n for n in nodes if n]}
