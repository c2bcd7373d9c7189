"""careers-manifest.json: one line of facts per published page (URL, kind, open, content hash, lastmod).

A deploy compares the live site's manifest with the new build's (`careers notify`) to know exactly which
URLs are new, changed, closed or gone. The file is deterministic: pages sorted by URL, hashes of the
content (never of the build time), so two builds of the same content at the same date are byte-identical.

The content hash of a role, person or case study covers its validated frontmatter and body; of a free page
its Markdown and title; of an index page the URLs and hashes of what it lists. Site-wide settings (hiring
defaults, theme) are left out on purpose: changing them must not re-announce every role to search engines.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .sitemap import PageSource, sitemap_entries

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry
    from ..pages.builders import FreePage

MANIFEST_PATH = "careers-manifest.json"
MANIFEST_VERSION = 1


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")  # ("ab", "c") and ("a", "bc") hash differently
    return "sha256:" + digest.hexdigest()


def entry_hash(entry: Entry[Any]) -> str:
    return content_hash(entry.model.model_dump_json(), entry.body)


def manifest_pages(site: CareersSite, free_pages: list[FreePage],
                   page_sources: Sequence[PageSource] = ()) -> list[dict[str, Any]]:
    """Every page of the build, closed roles included (their pages stay online, marked closed).
    `page_sources` date the editors' pages as in the sitemap (outputs/sitemap.py)."""
    lastmods = {e.url: e.lastmod for e in sitemap_entries(site, [p.page_path for p in free_pages], page_sources)}
    pages: list[dict[str, Any]] = []

    def add(page_path: str, kind: str, digest: str, is_open: bool = True) -> None:
        url = site.url(page_path)
        lastmod = lastmods.get(url)
        pages.append({"url": url, "kind": kind, "open": is_open, "hash": digest,
                      "lastmod": lastmod.isoformat() if lastmod else None})

    for free_page in free_pages:
        add(free_page.page_path, "page", content_hash(free_page.title, free_page.markdown))
    listings: dict[str, list[Entry[Any]]] = {
        "roles/": list(site.open_roles), "people/": list(site.people_sorted),
        "case-studies/": list(site.case_studies_sorted)}
    for index_path, listed in listings.items():
        add(index_path, "index", content_hash(*(f"{site.url(e.page_path)} {entry_hash(e)}" for e in listed)))
    open_slugs = {e.slug for e in site.open_roles}
    for entry in site.entries():
        add(entry.page_path, entry.kind.name, entry_hash(entry), entry.kind.name != "role" or entry.slug in open_slugs)
    closed = {site.url(e.page_path): e.model.last_modified for e in site.closed_roles}
    for page in pages:
        if page["url"] in closed:  # not in the sitemap (noindex), but its content date is still known
            page["lastmod"] = closed[page["url"]].isoformat()
    return sorted(pages, key=lambda p: p["url"])


def manifest_json(site: CareersSite, free_pages: list[FreePage], page_sources: Sequence[PageSource] = ()) -> str:
    manifest = {
        "version": MANIFEST_VERSION,
        "generator": "mkdocs-careers",
        "site_url": site.url(),
        "build_date": site.build_date.isoformat(),
        "pages": manifest_pages(site, free_pages, page_sources),
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
