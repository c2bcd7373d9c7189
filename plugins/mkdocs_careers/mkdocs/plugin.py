"""MkDocs adapter: the `careers` plugin. Thin on purpose; the careers core does the work.

Event order: load, validate and lint all content in `on_config` (before MkDocs cleans `site/`), add
generated pages in `on_files`, set each careers page's title and description in `on_page_markdown`, add
the machine-readable outputs in `on_env` (every page title is known by then), render each page's model in
`on_page_context` (just before the search plugin indexes it and the theme renders it), add head tags in
`on_post_page`, write the job-board feeds in `on_post_build` (they carry each open role's posting HTML as its
page rendered it) and swap the staged output into place last (atomic builds).

Memory grows with the content, not with the rendered output: MkDocs keeps every page's HTML from the
Markdown pass until the end of the build, so careers pages are rendered one at a time right before they
are written, and their HTML is released once the page file is out (`on_post_page`).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape as markup_escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler

from ..content.body_html import neutralize_markdown, sanitize_body_html
from ..content.diagnostics import ContentError, Diagnostic
from ..content.kinds import KINDS, ContentKind
from ..content.models import slug_is_valid
from ..content.settings import SettingsError, settings_from_config
from ..content.site import CareersSite, Entry, content_files, load_site
from ..jsonld import script_tag
from ..lint import check_settings, lint_site
from ..outputs import PageSource, iter_outputs
from ..outputs.deploy_outputs import job_board_outputs, job_board_paths
from ..outputs.head_links import alternate_links
from ..outputs.job_board_xml import JOB_BOARD_DESCRIPTION, job_board_description
from ..outputs.social_meta import social_meta_tags
from ..pages.builders import FreePage, entry_meta, entry_page, free_page, index_meta, index_page
from ..pages.model import Body, PageMeta, PageModel
from ..render.entry_markdown import MARKDOWN, EntryTexts, kept_elsewhere, rendering_once
from ..render.html import HtmlRenderer
from ..render.markdown import markdown_copy_path
from .appearance import Appearance
from .atomic_output import AtomicOutput, OutputBusy
from .config import CareersConfig, options_of
from .confinement import refuse_files_outside
from .docs_dir_policy import (
    add_docs_dir_diagnostics,
    content_toc,
    generated_output_taken,
    make_free_pages_theme_safe,
    plain_text,
)
from .output_files import written_output
from .page_sources import page_source
from .preview import IncrementalPreview
from .search_index import SearchContentSwap
from .serve import problems_html, report_in_terminal
from .text_spool import TextSpool
from .theme import CompiledTemplates, add_theme_overrides, load_base_templates

if TYPE_CHECKING:
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)
ASSET_CSS = "assets/careers/careers.css"
# Progressive enhancement only (roles-index filters, copy button): every page works without it.
ASSET_JS = "assets/careers/careers.js"
ASSETS_DIR = Path(__file__).parent.parent / "assets"
# Markdown's permalinks carry a glyph as their text, which text extractors copy into every heading; the
# glyph is drawn by careers.css instead, and the link keeps its title as its accessible name.
_PERMALINK_GLYPH = re.compile(r'(<a class="headerlink" [^>]*>)(?:¶|&para;)(</a>)')


@dataclass
class PageHead:
    """What on_post_page adds to one page's <head>, decided while its content is rendered."""

    meta: PageMeta
    jsonld: dict[str, Any]


class CareersPlugin(BasePlugin[CareersConfig]):  # type: ignore[no-untyped-call]  # mkdocs leaves BasePlugin.__init_subclass__ unannotated
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: CareersSite | None = None
        self.renderer: HtmlRenderer | None = None
        self.command: str | None = None
        self.serve_errors: list[Diagnostic] = []
        self.entries_by_src: dict[str, Entry[Any]] = {}
        self.index_kinds: dict[str, ContentKind] = {}
        self.index_intros: dict[str, str] = {}
        self.index_intro_files: dict[str, File] = {}  # by index page path: the editor's intro file
        self.page_heads: dict[str, PageHead] = {}
        self.final_site_dir: str | None = None
        self.output: AtomicOutput | None = None
        self.saved_source_date_epoch: str | None = None
        self.mkdocs_config: MkDocsConfig | None = None
        self.appearance: Appearance | None = None  # home page, brand, footer, social cards (appearance.py)
        self.files: Files | None = None
        self.search_swap = SearchContentSwap()
        # Texts rendered once per build for several outputs (render/entry_markdown.py); pages add their
        # job-board descriptions while they render, the feeds are written from them after the pages.
        self.entry_texts: EntryTexts | None = None
        self.spool: TextSpool | None = None  # outside the preview, the descriptions wait on disk, not in memory
        self.job_board_sources: set[str] = set()  # open roles, when a job-board feed is on
        self.job_board_feeds: list[str] = []  # the feeds to write after the pages (none kept from docs_dir)
        self.preview = IncrementalPreview()  # lives as long as `mkdocs serve`: content cache, dirty rebuilds
        self.compiled_templates = CompiledTemplates()  # the theme's compiled templates, for the next rebuild

    # --- configuration and loading ---------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.preview.start(command=command, dirty=dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.mkdocs_config = config
        try:
            settings = check_settings(settings_from_config(
                options_of(self.config), site_url=config.site_url,
                project_root=Path(config.config_file_path or ".").resolve().parent,
                use_directory_urls=config.use_directory_urls, docs_dir=config.docs_dir))
        except SettingsError as exc:
            raise PluginError(f"careers: {exc}") from None
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        self.appearance = Appearance(settings.appearance, config_file, settings.project_root)
        self.appearance.configure(config, settings.organization.logo)  # fails on low brand contrast

        site = lint_site(load_site(settings, cache=self.preview.content_cache),
                         remember=self.preview.serving)
        add_docs_dir_diagnostics(site, config)  # generated outputs, active files, free pages (docs_dir_policy.py)
        self.preview.plan(site, has_errors=bool(site.errors))
        self.site = site
        self.serve_errors = []
        if self.command == "serve":
            # Keep the preview alive: a broken file is reported in the terminal and on every page instead.
            report_in_terminal(site.diagnostics)
            self.serve_errors = site.errors
        else:
            for warning in site.warnings:
                log.warning(warning.format())
            if site.errors:
                raise PluginError(str(ContentError(site.errors)))
        if ASSET_CSS not in config.extra_css:
            config.extra_css.append(ASSET_CSS)
        add_theme_overrides(config.theme)
        if settings.outputs.sitemap.enabled and "sitemap.xml" in config.theme.static_templates:
            # Ours has content-based lastmod dates and leaves closed roles out; MkDocs' own would not.
            config.theme.static_templates.remove("sitemap.xml")
        if self.serve_errors:
            self.renderer = None
            return config
        self.renderer = HtmlRenderer(site, site_name=config.site_name, language=config.theme.get("language"))
        if ASSET_JS not in map(str, config.extra_javascript):
            config.extra_javascript.append(ASSET_JS)
        if self.config.atomic and self.command != "serve":
            self._stage_output(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """MkDocs dates the sitemap.xml.gz header and `build_date_utc` from SOURCE_DATE_EPOCH (else now); with
        `build_date` in mkdocs.yml they follow it, so a build on another day is byte-identical. Set for this
        build only and restored afterwards."""
        if not self.config.enabled or self.site is None or not self.config.build_date:
            return
        midnight = dt.datetime.combine(self.site.build_date, dt.time(), tzinfo=dt.timezone.utc)
        self.saved_source_date_epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))

    def _restore_environment(self) -> None:
        if self.saved_source_date_epoch is None:
            return
        if self.saved_source_date_epoch:
            os.environ["SOURCE_DATE_EPOCH"] = self.saved_source_date_epoch
        else:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        self.saved_source_date_epoch = None

    # --- generated pages -------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        assert self.site is not None
        refuse_files_outside(files, config, allow_symlinks=self.site.settings.safety.allow_symlinks)
        self.entries_by_src.clear()
        self.index_kinds.clear()
        self.index_intros.clear()
        self.index_intro_files.clear()
        if self.serve_errors:
            # Every content page the editor may have open still exists, and shows the problems.
            for src_uri in _content_src_uris(self.site):
                files.append(File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        for entry in self.site.entries() if not self.serve_errors else ():
            # Individual pages stay out of the site-wide nav: Material renders the whole nav into every page.
            files.append(self.preview.page_file(config, entry, inclusion=InclusionLevel.NOT_IN_NAV))
            self.entries_by_src[entry.src_uri] = entry
        for kind in KINDS:
            src_uri = kind.src_uri("index")
            existing = files.get_file_from_path(src_uri)
            intro = ""
            if existing is not None:  # an editor's own intro text for the index page
                intro = self._safe_markdown(existing.content_string)
                files.remove(existing)
                self.index_intro_files[kind.index_path] = existing
            files.append(File.generated(config, src_uri, content="\n" + intro))
            self.index_kinds[src_uri] = kind
            self.index_intros[kind.name] = intro
        files.append(File.generated(config, ASSET_CSS, abs_src_path=str(ASSETS_DIR / "careers.css")))
        files.append(File.generated(config, ASSET_JS, abs_src_path=str(ASSETS_DIR / "careers.js")))
        assert self.appearance is not None
        self.appearance.add_files(files, config, None if self.serve_errors else self.site)
        self.files = files
        return files

    def _meta(self, page: Page) -> PageMeta | None:
        """The page meta of a careers page (None for an editor's free page)."""
        assert self.site is not None
        entry = self.entries_by_src.get(page.file.src_uri)
        if entry is not None:
            return entry_meta(entry, self.site)
        kind = self.index_kinds.get(page.file.src_uri)
        return index_meta(kind, self.site) if kind is not None else None

    def _safe_markdown(self, markdown: str) -> str:
        """Raw HTML in an editor's Markdown, neutralised by the body HTML policy (content/body_html.py)."""
        allow_raw = self.site is None or self.site.settings.safety.allow_raw_html
        return markdown if allow_raw else neutralize_markdown(markdown)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.config.enabled:
            return markdown
        markdown = self._safe_markdown(markdown)  # free pages' Markdown copies carry no raw HTML either
        if self.serve_errors:
            return markdown
        assert self.appearance is not None
        self.appearance.page_meta(page, careers_index=page.file.src_uri in self.index_kinds)
        meta = self._meta(page)
        if meta is not None:
            # Material prints page.meta.title and .description into <head> without escaping.
            page.meta["title"] = escape(meta.title)
            page.meta["description"] = escape(meta.description)
        return markdown

    def _page_model(self, page: Page) -> PageModel:
        assert self.site is not None and self.mkdocs_config is not None
        entry = self.entries_by_src.get(page.file.src_uri)
        if entry is not None:
            return entry_page(entry, self.site)
        kind = self.index_kinds.get(page.file.src_uri)
        if kind is not None:
            return index_page(kind, self.site, self.index_intros.get(kind.name, ""))
        return free_page(_free_page(page, self.mkdocs_config, with_trail=True), self.site)

    @event_priority(-100)  # last: whatever produced the body HTML, the page and search index get it sanitised
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        allow_raw = not self.config.enabled or self.site is None or self.site.settings.safety.allow_raw_html
        if page.file.src_uri in self.entries_by_src:
            page.markdown = None  # converted; the Markdown copy is rendered from the model, not from this text
        if allow_raw:
            return html
        assert self.site is not None
        page.toc = content_toc(page.toc)  # anchors follow the ids renamed out of the theme's namespace
        return sanitize_body_html(html, self.site.settings.safety.allow_classes)

    @event_priority(50)  # after every plugin changed the body HTML (on_page_content), before search indexes it
    def _render_in_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                                nav: Any) -> TemplateContext:
        if not self.config.enabled:
            return context
        self.preview.page_built(page.url)
        if self.serve_errors:
            page.content = problems_html(self.serve_errors) + (page.content or "")
            return context
        assert self.renderer is not None and self.site is not None
        page.content = _PERMALINK_GLYPH.sub(r"\1\2", page.content or "")
        model = self._page_model(page)
        rendered = self.renderer.render(model, page.content or "")
        assert self.appearance is not None and self.site is not None
        self.page_heads[page.file.src_uri] = PageHead(self.appearance.with_card_image(model.meta), rendered.jsonld)
        if model.kind == "free" and page.is_homepage:
            page.content = self.appearance.home_page_html(page, page.content or "", self.site, self.files,
                                                          self.site.settings.use_directory_urls)
        entry = self.entries_by_src.get(page.file.src_uri)
        if (rendered.posting_description is not None and entry is not None and self.entry_texts is not None
                and entry.src_uri in self.job_board_sources):
            description = job_board_description(rendered.posting_description, self.site.url(entry.page_path))
            self.entry_texts[(JOB_BOARD_DESCRIPTION, entry.src_uri)] = (
                self.spool.keep(description) if self.spool is not None else description)
        if model.kind != "free":
            body_html = page.content or ""
            page.content = rendered.html
            page.toc = _toc(model, page.toc)
            # Search indexes only what candidates search on (mkdocs/search_index.py).
            self.search_swap.offer_careers_page(page, self.site, self.entries_by_src.get(page.file.src_uri),
                                                self.index_kinds.get(page.file.src_uri), intro_html=body_html)
        return context

    @event_priority(-50)  # after Material's search indexed the compact page, before the theme renders it
    def _restore_after_search(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                              nav: Any) -> TemplateContext:
        self.search_swap.restore(page)
        return context

    on_page_context = CombinedEvent(_render_in_page_context, _restore_after_search)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """All pages are read now, so free pages' titles are known: write the outputs."""
        if self.config.enabled:
            load_base_templates(env, config.theme)
            if self.preview.serving and env.bytecode_cache is None:
                env.bytecode_cache = self.compiled_templates  # compiled once per `mkdocs serve`, not per rebuild
        if not self.config.enabled:
            return env
        assert self.site is not None
        careers_sources = set(self.entries_by_src) | set(self.index_kinds)
        if self.serve_errors:  # a preview with broken content shows the problems, not half-true machine outputs
            make_free_pages_theme_safe((f.page for f in files.documentation_pages() if f.page is not None
                                        and f.src_uri not in careers_sources), config, self.site, stop=False)
            return env
        assert self.appearance is not None
        documentation = [f for f in files.documentation_pages()
                         if f.page is not None and f.src_uri not in careers_sources]
        free_pages = self.preview.free_pages(  # a dirty preview keeps the text of free pages it did not re-read
            (_free_page(f.page, config), f.page.markdown is not None) for f in documentation if f.page is not None)
        # The home page's copy gets the same cards as its HTML, from the data as it is now.
        free_pages = [self.appearance.home_copy(free, f.page, self.site, files)
                      for free, f in zip(free_pages, documentation, strict=True) if f.page is not None]
        page_sources = self._page_sources(files, careers_sources, config)
        # Job-board feeds are written after the pages (on_post_build); their files are listed now.
        board_paths = job_board_paths(self.site)
        self.job_board_feeds = []
        self.job_board_sources = {entry.src_uri for entry in self.site.open_roles} if board_paths else set()
        # A role's Markdown is in its copy, the feed and llms-full.txt: rendered once (and kept by the preview).
        # Outside the preview, once its copy is written the others read it back from there instead of keeping
        # every role's text in memory.
        entry_of_copy = {markdown_copy_path(entry.page_path): entry.src_uri
                         for entry in self.entries_by_src.values()} if not self.preview.enabled else {}
        with rendering_once(self.site, carried=self.preview.reusable_texts()) as texts:
            outputs = iter_outputs(self.site, config.site_name, free_pages, self.index_intros, page_sources,
                                   job_boards=False)
            # One at a time: each output is written before the next is built.
            for path, content in itertools.chain(outputs, ((board, b"") for board in board_paths)):
                # A `.md` source would be built as a page; give copies another source name, keep the target path.
                source = f"{path}.careers-copy" if path.endswith(".md") else path
                existing = files.get_file_from_path(source)
                if existing is not None:
                    if existing.src_dir and Path(existing.src_dir).resolve() == Path(config.docs_dir).resolve():
                        generated_output_taken(existing, config)  # never reached: on_config refused the file
                    files.remove(existing)  # e.g. the theme's raw sitemap.xml template
                # Written now, not held in memory (and under the dirty preview only if it changed).
                output = written_output(config, source, path, content, digests=self.preview.output_digests)
                files.append(output)
                if path in entry_of_copy:
                    kept_elsewhere(texts, MARKDOWN, entry_of_copy[path],
                                   functools.partial(_read_text, output.abs_src_path))
                if path in board_paths:
                    self.job_board_feeds.append(path)  # an empty placeholder until on_post_build
        self.preview.keep_texts(texts)
        # The roles' Markdown is written out now; only a preview keeps it (for the next rebuild). The pages add
        # their job-board descriptions to what is kept.
        self.entry_texts = texts if self.preview.enabled else {}
        self._close_spool()
        self.spool = TextSpool() if not self.preview.enabled and self.job_board_sources else None
        self.preview.remove_stale_outputs(files)
        make_free_pages_theme_safe((f.page for f in documentation if f.page is not None), config, self.site)
        return env

    def _page_sources(self, files: Files, careers_sources: set[str], config: MkDocsConfig) -> list[PageSource]:
        """The editors' pages with their source files and declared dates (the sitemap's lastmod)."""
        assert self.site is not None
        pages = [(_free_page(f.page, config).page_path, f) for f in files.documentation_pages()
                 if f.page is not None and f.src_uri not in careers_sources]
        pages += list(self.index_intro_files.items())
        found = [page_source(path, file, self.site.settings.project_root) for path, file in pages]
        problems = [item for item in found if isinstance(item, Diagnostic)]
        if problems and self.command == "serve":
            report_in_terminal(problems)  # the preview goes on; those pages are dated as if they declared nothing
        elif problems:
            raise PluginError(str(ContentError(problems)))
        return [item for item in found if isinstance(item, PageSource)]

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        head = self.page_heads.pop(page.file.src_uri, None)
        if page.file.src_uri in self.entries_by_src or page.file.src_uri in self.index_kinds:
            # Written out: holding every careers page's HTML and headings would grow memory with N.
            page.content = None
            page.toc = TableOfContents([])
        marker = output.find("</head>")
        if head is None or marker == -1:
            return output
        assert self.site is not None
        settings = self.site.settings
        tags = []
        if head.meta.noindex:
            tags.append('<meta name="robots" content="noindex">')
        if settings.outputs.social.enabled:
            tags.append(social_meta_tags(head.meta, site_name=config.site_name,
                                         twitter_site=settings.outputs.social.twitter_site,
                                         existing_head=output[:marker]))
        tags += alternate_links(head.meta, self.site)
        tags.append(script_tag(head.jsonld))
        # One new string: slicing around the marker would copy a big index page's HTML three times.
        return output.replace("</head>", "\n".join(tags) + "\n</head>", 1)

    # --- live preview ----------------------------------------------------------------------------
    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.config.enabled:
            return server
        assert self.site is not None
        for kind in KINDS:
            directory = self.site.settings.content_dir(kind)
            if directory.is_dir():
                server.watch(str(directory))
        return server

    # --- atomic output (atomic_output.py) ----------------------------------------------------------
    def _stage_output(self, config: MkDocsConfig) -> None:
        """Build into a sibling staging dir; the real site/ is only replaced after a successful build."""
        self.output = AtomicOutput(config.site_dir)
        try:
            config.site_dir = str(self.output.start())
        except OutputBusy as exc:
            self.output = None
            raise PluginError(f"careers: {exc}") from None
        self.final_site_dir = str(self.output.final)

    @event_priority(10)  # before Material's search writes its index (priority 0)
    def _merge_search_index(self, *, config: MkDocsConfig) -> None:
        self.preview.merge_search_index(config)

    @event_priority(5)  # after every page rendered (and passed its job-board description), before the swap
    def _write_job_board_feeds(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.serve_errors or self.site is None or self.entry_texts is None:
            return
        with rendering_once(self.site, carried=self.entry_texts):
            for path, content in job_board_outputs(self.site, self.job_board_feeds).items():
                written_output(config, path, path, content)  # over the placeholder listed in on_env
        self.entry_texts = None  # the preview keeps its own reference for the next rebuild
        self._close_spool()

    def _close_spool(self) -> None:
        if self.spool is not None:
            self.spool.close()
            self.spool = None

    @event_priority(-100)  # last: other plugins (search index, hooks) write or fail before the swap
    def _publish_staged_output(self, *, config: MkDocsConfig) -> None:
        self._restore_environment()
        if self.output is None or not self.final_site_dir:
            return
        if config.strict and _strict_warnings_logged():
            return  # MkDocs aborts right after this event; on_build_error discards the staging dir
        self.output.publish()
        self.output = None
        config.site_dir = self.final_site_dir

    on_post_build = CombinedEvent(_merge_search_index, _write_job_board_feeds, _publish_staged_output)

    def on_build_error(self, *, error: Exception) -> None:
        self._restore_environment()
        self._close_spool()
        if self.output is not None:
            self.output.discard()
            self.output = None


def _free_page(page: Page, config: MkDocsConfig, *, with_trail: bool = False) -> FreePage:
    """An editor's page as the core sees it; the trail (parent sections) is only known while rendering.

    Its title and description are what the theme prints in <title> and the meta description: the home page
    is the site's name; a page's own description, else the site's."""
    trail: tuple[tuple[str, str], ...] = ()
    if with_trail and not page.is_homepage:
        trail = tuple((str(plain_text(crumb.title)), str(getattr(crumb, "url", "")))
                      for crumb in page.ancestors if getattr(crumb, "url", None))
    return FreePage(src_uri=page.file.src_uri, page_path=page.url if page.url != "./" else "",
                    title=config.site_name if page.is_homepage else plain_text(page.title) or "",
                    description=plain_text((page.meta or {}).get("description")),
                    site_description=config.site_description,
                    markdown=page.markdown or "", is_homepage=page.is_homepage, breadcrumbs=trail)


def _content_src_uris(site: CareersSite) -> list[str]:
    """Page sources of every content file with a usable slug, valid or not (for the preview's problem pages)."""
    uris = []
    for kind in KINDS:
        for path in content_files(site.settings, kind):
            if path.suffix == ".md" and slug_is_valid(path.stem):
                uris.append(kind.src_uri(path.stem))
    return sorted(set(uris))


def _read_text(path: str | None) -> str:
    assert path is not None
    return Path(path).read_text(encoding="utf-8")


def _strict_warnings_logged() -> bool:
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _toc(model: PageModel, body_toc: TableOfContents) -> TableOfContents:
    """The table of contents from the page model's headings (levels 2 and 3), not from the HTML; the
    editor's own headings (MkDocs' toc of the body) follow the section that holds the body."""
    items: list[AnchorLink] = []
    for section in model.walk():
        if section.heading:
            link = AnchorLink(str(markup_escape(section.heading)), section.id, section.level)
            if section.level == 3 and items:
                items[-1].children.append(link)
            elif section.level == 2:
                items.append(link)
        if any(isinstance(block, Body) for block in section.blocks):
            for heading in body_toc:  # an H1 in the body would be a second title: list what is under it
                items += heading.children if heading.level == 1 else [heading]
    return TableOfContents(items)
