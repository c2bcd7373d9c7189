"""Machine-readable outputs built from the site graph and the page models: Markdown copies, llms.txt,
robots.txt, sitemap and job feeds. Each module returns text; the adapter decides where to write it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..content.kinds import KINDS
from ..content.site import CareersSite
from ..pages.builders import FreePage, entry_page, free_page, index_page
from ..pages.model import PageModel
from ..render.entry_markdown import entry_markdown
from ..render.markdown import MarkdownRenderer, markdown_copy_path
from .deploy_outputs import deploy_outputs
from .job_feeds import JSON_FEED_PATH, RSS_FEED_PATH, json_feed_chunks, rss_feed_chunks
from .llms_txt import llms_full_chunks, llms_txt
from .robots_txt import robots_txt
from .sitemap import PageSource, gzipped, sitemap_entries, sitemap_xml

__all__ = ["PageSource", "build_outputs", "iter_outputs", "markdown_copies"]


def all_pages(site: CareersSite, free_pages: list[FreePage], index_intros: dict[str, str]) -> Iterator[PageModel]:
    """Every page of the site as a page model, one at a time (so memory does not grow with the site)."""
    for entry in site.entries():
        yield entry_page(entry, site)
    for kind in KINDS:
        yield index_page(kind, site, index_intros.get(kind.name, ""))
    for page in free_pages:
        yield free_page(page, site)


def markdown_copies(site: CareersSite, free_pages: list[FreePage],
                    index_intros: dict[str, str] | None = None) -> dict[str, str]:
    """The Markdown copy of every page, keyed by its output path."""
    return {path: text if isinstance(text, str) else "".join(text)
            for path, text in iter_markdown_copies(site, free_pages, index_intros)}


def iter_markdown_copies(site: CareersSite, free_pages: list[FreePage], index_intros: dict[str, str] | None = None
                         ) -> Iterator[tuple[str, str | Iterator[str]]]:
    """(output path, Markdown copy) of every page, rendered one at a time; an index page's copy comes as chunks
    of text (the roles index lists every open role)."""
    for entry in site.entries():  # shared with the feed and llms-full.txt (render/entry_markdown.py)
        yield markdown_copy_path(entry.page_path), entry_markdown(entry, site)
    renderer = MarkdownRenderer(site)
    intros = index_intros or {}
    for kind in KINDS:
        index = index_page(kind, site, intros.get(kind.name, ""))
        yield markdown_copy_path(index.meta.page_path), renderer.render_chunks(index)
    for free in free_pages:
        page = free_page(free, site)
        yield markdown_copy_path(page.meta.page_path), renderer.render(page)


def build_outputs(site: CareersSite, site_name: str, free_pages: list[FreePage],
                  index_intros: dict[str, str] | None = None,
                  page_sources: Sequence[PageSource] = ()) -> dict[str, str | bytes]:
    """Every machine-readable file of the site, keyed by its path in the output folder.

    `index_intros` are the editors' own intro texts of the index pages, by kind name; `page_sources` say where
    the editors' pages (free pages, index intros) came from, by page path, for the sitemap's lastmod.
    """
    return {path: content if isinstance(content, (str, bytes)) else "".join(content)
            for path, content in iter_outputs(site, site_name, free_pages, index_intros, page_sources)}


def iter_outputs(site: CareersSite, site_name: str, free_pages: list[FreePage],
                 index_intros: dict[str, str] | None = None, page_sources: Sequence[PageSource] = (),
                 *, job_boards: bool = True) -> Iterator[tuple[str, str | bytes | Iterator[str]]]:
    """(path in the output folder, content) of every machine-readable file, one at a time: a caller that
    writes each before asking for the next never holds them all (they carry every role's text). The outputs
    that grow with every open role (llms-full.txt, the JSON and RSS feeds, the index pages' Markdown copies)
    come as chunks of text.

    `job_boards=False` leaves out the job-board feeds, for an adapter that writes them after rendering the
    pages (outputs/deploy_outputs.py)."""
    options = site.settings.outputs
    # The copies first: an adapter that writes them can let llms-full.txt and the JSON Feed read each role's
    # Markdown back from its copy instead of holding it (render/entry_markdown.py, `kept_elsewhere`).
    if options.llms_txt.markdown_copies:
        yield from iter_markdown_copies(site, free_pages, index_intros)
    if options.llms_txt.enabled:
        yield "llms.txt", llms_txt(site, site_name, free_pages)
        if options.llms_txt.full:
            yield "llms-full.txt", llms_full_chunks(site, site_name)
    sitemap_url = None
    if options.sitemap.enabled:
        xml = sitemap_xml(sitemap_entries(site, [p.page_path for p in free_pages], page_sources))
        yield "sitemap.xml", xml
        yield "sitemap.xml.gz", gzipped(xml)
        sitemap_url = site.url("sitemap.xml")
    if options.robots.enabled:
        yield "robots.txt", robots_txt(site, sitemap_url)
    if options.feeds.enabled:
        yield JSON_FEED_PATH, json_feed_chunks(site)
        yield RSS_FEED_PATH, rss_feed_chunks(site)
    # manifest, job-board feeds, IndexNow key (deploy_outputs.py)
    yield from deploy_outputs(site, free_pages, page_sources, job_boards=job_boards).items()
