"""sitemap.xml with an accurate lastmod per page: content dates, never the build time.

Closed roles are left out (they are noindex); pages without a meaningful content date get no lastmod
rather than a wrong one.
"""

from __future__ import annotations

import datetime as dt
import gzip
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

if TYPE_CHECKING:
    from ..content.site import CareersSite

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: dt.date | None = None


def sitemap_entries(site: CareersSite, free_page_paths: list[str]) -> list[SitemapEntry]:
    open_roles = site.open_roles
    newest_role = max((e.model.last_modified for e in open_roles), default=None)
    newest_study = max((e.model.date_published for e in site.case_studies.values()), default=None)
    entries = [SitemapEntry(site.url(path)) for path in free_page_paths]
    entries += [SitemapEntry(site.url("roles/"), newest_role), SitemapEntry(site.url("people/")),
                SitemapEntry(site.url("case-studies/"), newest_study)]
    entries += [SitemapEntry(site.url(e.page_path), e.model.last_modified) for e in open_roles]
    entries += [SitemapEntry(site.url(e.page_path)) for e in site.people_sorted]
    entries += [SitemapEntry(site.url(e.page_path), e.model.date_published) for e in site.case_studies_sorted]
    return sorted(entries, key=lambda e: e.url)


def sitemap_xml(entries: list[SitemapEntry]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in entries:
        node = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(node, f"{{{SITEMAP_NS}}}loc").text = entry.url
        if entry.lastmod:
            ET.SubElement(node, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod.isoformat()
    ET.indent(urlset)
    data: bytes = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def gzipped(data: bytes) -> bytes:
    # mtime=0 keeps the archive byte-identical across builds of the same content.
    return gzip.compress(data, mtime=0)
