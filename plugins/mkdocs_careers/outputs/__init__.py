"""Machine-readable outputs built from the site graph: Markdown copies, llms.txt, robots.txt, sitemap,
job feeds and social meta tags. Each module returns text; the adapter decides where to write it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..render.markdown import (
    case_study_markdown,
    free_page_markdown,
    markdown_copy_path,
    person_markdown,
    role_markdown,
)
from .free_pages import FreePage
from .job_feeds import JSON_FEED_PATH, RSS_FEED_PATH, json_feed, rss_feed
from .llms_txt import llms_full_txt, llms_txt
from .robots_txt import robots_txt
from .sitemap import gzipped, sitemap_entries, sitemap_xml

if TYPE_CHECKING:
    from ..content.site import CareersSite

__all__ = ["FreePage", "build_outputs", "iter_outputs"]


def build_outputs(site: CareersSite, site_name: str, free_pages: list[FreePage]) -> dict[str, str | bytes]:
    """Every machine-readable file of the site, keyed by its path in the output folder."""
    return dict(iter_outputs(site, site_name, free_pages))


def iter_outputs(site: CareersSite, site_name: str, free_pages: list[FreePage]) -> Iterator[tuple[str, str | bytes]]:
    """(path in the output folder, content) of every machine-readable file, one at a time: a caller that
    writes each before asking for the next never holds them all (they carry every role's text)."""
    options = site.settings.outputs
    if options.llms_txt.enabled:
        yield "llms.txt", llms_txt(site, site_name, free_pages)
        if options.llms_txt.full:
            yield "llms-full.txt", llms_full_txt(site, site_name)
    if options.llms_txt.markdown_copies:
        render: dict[str, Callable[[Any, CareersSite], str]] = {
            "role": role_markdown, "person": person_markdown, "case_study": case_study_markdown}
        for entry in site.entries():
            yield markdown_copy_path(entry.page_path), render[entry.kind.name](entry, site)
        for page in free_pages:
            yield markdown_copy_path(page.page_path), free_page_markdown(page, site)
    sitemap_url = None
    if options.sitemap.enabled:
        xml = sitemap_xml(sitemap_entries(site, [p.page_path for p in free_pages]))
        yield "sitemap.xml", xml
        yield "sitemap.xml.gz", gzipped(xml)
        sitemap_url = site.url("sitemap.xml")
    if options.robots.enabled:
        yield "robots.txt", robots_txt(site, sitemap_url)
    if options.feeds.enabled:
        yield JSON_FEED_PATH, json_feed(site)
        yield RSS_FEED_PATH, rss_feed(site)
