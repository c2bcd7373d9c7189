"""sitemap.xml with a truthful, reproducible lastmod on every URL: content dates, never the build time alone.

Closed roles are left out (they are noindex). Each page's lastmod is the newest date of what it shows:
- a role: `updated`, else `date_posted`; a case study: `date_published`;
- a person: `updated` (else the source file's date, see content/source_dates.py), or the newest case study
  they led or open role hiring into their team, whichever is newer;
- an index: the newest page it lists (a role that closed on its date counts from the day after
  `valid_through`), or the editor's intro text for it, if newer;
- a free page: `updated` (or `date`) in its frontmatter, else its last git commit, else the build date.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from ..content.kinds import CASE_STUDY, KINDS, PERSON, ROLE
from ..content.source_dates import SourceDates
from ..pages.builders import RECENTLY_CLOSED_LIMIT

if TYPE_CHECKING:
    from ..content.models import Person, Role
    from ..content.site import CareersSite, Entry

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: dt.date | None = None


@dataclass(frozen=True)
class PageSource:
    """Where an editor's page (a free page, an index's intro text) came from, for its last-modified date."""

    page_path: str  # site-relative URL path, '' for the home page
    path: Path | None = None  # the source file, None when the page has none
    declared: dt.date | None = None  # `updated` (or `date`) from its frontmatter


class PageDates:
    """The lastmod of every page of the site, as the module docstring defines it."""

    def __init__(self, site: CareersSite, sources: SourceDates | None = None) -> None:
        self.site = site
        self.sources = sources or SourceDates(site.settings.project_root)

    def of_source(self, page: PageSource) -> dt.date:
        return self.sources.last_modified(page.path, page.declared, self.site.build_date)

    def of_person_itself(self, entry: Entry[Person]) -> dt.date:
        return self.sources.last_modified(entry.source.path, entry.model.updated, self.site.build_date)

    def of_person(self, entry: Entry[Person]) -> dt.date:
        site = self.site
        shown = [s.model.date_published for s in site.case_studies_led_by(entry.slug)]
        shown += [r.model.last_modified for r in site.open_roles_managed_by(entry.slug)]
        return max([self.of_person_itself(entry), *shown])

    def of_closed_role(self, entry: Entry[Role]) -> dt.date:
        """When the role's closing changed the pages listing it: the day after its closing date, if that is
        what closed it, else its last recorded change."""
        role = entry.model
        if not role.closed and role.valid_through is not None and role.valid_through < self.site.build_date:
            return role.valid_through + dt.timedelta(days=1)
        return role.last_modified

    def of_index(self, kind_name: str, intro: PageSource | None) -> dt.date | None:
        site = self.site
        listed: list[dt.date] = []
        if kind_name == ROLE.name:
            listed = [e.model.last_modified for e in site.open_roles]
            listed += [self.of_closed_role(e) for e in site.closed_roles[:RECENTLY_CLOSED_LIMIT]]
        elif kind_name == PERSON.name:
            listed = [self.of_person_itself(e) for e in site.people_sorted]
        elif kind_name == CASE_STUDY.name:
            listed = [e.model.date_published for e in site.case_studies_sorted]
        if intro is not None:
            listed.append(self.of_source(intro))
        # An empty index with no intro shows only generated text: it changed when the site did.
        return max(listed, default=site.build_date)


def sitemap_entries(site: CareersSite, free_page_paths: Iterable[str], page_sources: Iterable[PageSource] = (),
                    sources: SourceDates | None = None) -> list[SitemapEntry]:
    """Every indexable page with its lastmod. `page_sources` say where the editors' pages came from (free
    pages and index intro texts, by page path); a free page without one is dated like a file outside git."""
    dates = PageDates(site, sources)
    known = {page.page_path: page for page in page_sources}
    intros = {kind.index_path: known[kind.index_path] for kind in KINDS if kind.index_path in known}
    entries = [SitemapEntry(site.url(path), dates.of_source(known.get(path, PageSource(path))))
               for path in free_page_paths]
    for kind in KINDS:
        entries.append(SitemapEntry(site.url(kind.index_path), dates.of_index(kind.name, intros.get(kind.index_path))))
    entries += [SitemapEntry(site.url(e.page_path), e.model.last_modified) for e in site.open_roles]
    entries += [SitemapEntry(site.url(e.page_path), dates.of_person(e)) for e in site.people_sorted]
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
