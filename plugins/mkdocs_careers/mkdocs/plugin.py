"""MkDocs adapter: the `careers` plugin. Thin on purpose; the careers core does the work.

Event order: load and validate all content in `on_config` (before MkDocs cleans `site/`), add
generated pages in `on_files`, add the machine-readable outputs in `on_env` (every page title is
known by then), wrap each page's HTML in `on_page_context` (just before the search plugin indexes it
and the theme renders it), add head tags in `on_post_page`, and swap the staged output into place in
`on_post_build` (atomic builds).

Memory grows with the content, not with the rendered output: MkDocs keeps every page's HTML from
the Markdown pass until the end of the build, so careers pages are rendered one at a time right
before they are written, and their HTML is released once the page file is out (`on_post_page`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler

from ..content.diagnostics import ContentError, Diagnostic, Severity
from ..content.models import slug_is_valid
from ..content.settings import SettingsError, settings_from_config
from ..content.site import CASE_STUDY, KINDS, PERSON, ROLE, CareersSite, Entry, content_files, load_site
from ..jsonld import script_tag
from ..outputs import FreePage, iter_outputs
from ..outputs.job_feeds import JSON_FEED_PATH, RSS_FEED_PATH, feed_title
from ..outputs.social_meta import SocialCard, social_meta_tags
from ..render.html import PageRenderer, RenderedPage
from ..render.per_site_memo import rendering_once
from .output_files import written_output
from .preview import IncrementalPreview
from .problem_page import problems_html
from .search_index import SearchContentSwap

log = get_plugin_logger(__name__)
ASSET_CSS = "assets/careers/careers.css"
# Progressive enhancement only (roles-index filters, copy button): every page works without it.
ASSET_JS = "assets/careers/careers.js"


@dataclass
class PageHead:
    """What on_post_page adds to one page's <head>, collected while its content is rendered."""

    jsonld: dict[str, Any]
    card: SocialCard | None = None
    noindex: bool = False
    feed_links: bool = False


class OrganizationConfig(base.Config):
    name = c.Type(str)
    url = c.Type(str)
    logo = c.Optional(c.Type(str))
    same_as = c.ListOfItems(c.Type(str), default=[])
    description = c.Optional(c.Type(str))


class CareersConfig(base.Config):
    organization = c.SubConfig(OrganizationConfig)
    roles_dir = c.Type(str, default="roles")
    people_dir = c.Type(str, default="people")
    case_studies_dir = c.Type(str, default="case_studies")
    build_date = c.Optional(c.Type((str, dt.date)))
    disabled_rules = c.ListOfItems(c.Type(str), default=[])
    atomic = c.Type(bool, default=True)
    # Machine-readable outputs; each is validated by its pydantic model in outputs/settings.py.
    robots = c.Type(dict, default={})
    llms_txt = c.Type(dict, default={})
    feeds = c.Type(dict, default={})
    sitemap = c.Type(dict, default={})
    social = c.Type(dict, default={})
    hiring = c.Type(dict, default={})  # site-wide take-home, interview loop, scorecard, equity (hiring.py)


class CareersPlugin(BasePlugin[CareersConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: CareersSite | None = None
        self.renderer: PageRenderer | None = None
        self.command: str | None = None
        self.serve_errors: list[Diagnostic] = []
        self.entries_by_src: dict[str, Entry] = {}
        self.index_kinds: dict[str, Any] = {}
        self.page_heads: dict[str, PageHead] = {}
        self.final_site_dir: str | None = None
        self.staging_dir: str | None = None
        self.search_swap = SearchContentSwap()
        self.preview = IncrementalPreview()  # lives as long as `mkdocs serve`: content cache, dirty rebuilds

    # --- configuration and loading ---------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.preview.start(command=command, dirty=dirty)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            settings = settings_from_config(
                self.config, site_url=config.site_url,
                project_root=Path(config.config_file_path or ".").resolve().parent,
                use_directory_urls=config.use_directory_urls)
        except SettingsError as exc:
            raise PluginError(f"careers: {exc}") from None

        if self.config.build_date:
            _pin_mkdocs_dates(settings.build_date)
        site = load_site(settings, cache=self.preview.cache)
        self.preview.plan(site, has_errors=bool(site.errors))
        self.site = site
        self.serve_errors = []
        if self.command == "serve":
            # Keep the preview alive: a broken file is reported in the terminal and on every page instead.
            for problem in site.diagnostics:
                _serve_log.log(logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING,
                               "careers: %s", problem.format())
            self.serve_errors = site.errors
        else:
            for warning in site.warnings:
                log.warning(warning.format())
            if site.errors:
                raise PluginError(str(ContentError(site.errors)))
        if ASSET_CSS not in config.extra_css:
            config.extra_css.append(ASSET_CSS)
        if settings.outputs.sitemap.enabled and "sitemap.xml" in config.theme.static_templates:
            # Ours has content-based lastmod dates and leaves closed roles out; MkDocs' own would not.
            config.theme.static_templates.remove("sitemap.xml")
        if self.serve_errors:
            self.renderer = None
            return config
        self.renderer = PageRenderer(site, site_name=config.site_name, language=config.theme.get("language"))
        if ASSET_JS not in map(str, config.extra_javascript):
            config.extra_javascript.append(ASSET_JS)
        if self.config.atomic and self.command != "serve":
            self._stage_output(config)
        return config

    # --- generated pages -------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self.entries_by_src.clear()
        self.index_kinds.clear()
        if self.serve_errors:
            # Every content page the editor may have open still exists, and shows the problems.
            for src_uri in _content_src_uris(self.site):
                files.append(File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        for entry in self.site.entries() if not self.serve_errors else ():
            # Individual pages stay out of the site-wide nav: Material renders the whole nav into every page.
            files.append(self.preview.page_file(config, entry, inclusion=InclusionLevel.NOT_IN_NAV))
            self.entries_by_src[entry.src_uri] = entry
        for kind in KINDS:
            src_uri = f"{kind.url_prefix}/index.md"
            existing = files.get_file_from_path(src_uri)
            intro = ""
            if existing is not None:  # an editor's own intro text for the index page
                intro = existing.content_string
                files.remove(existing)
            files.append(File.generated(config, src_uri, content="\n" + intro))
            self.index_kinds[src_uri] = kind
        assets = Path(__file__).parent.parent / "assets"
        files.append(File.generated(config, ASSET_CSS, abs_src_path=str(assets / "careers.css")))
        files.append(File.generated(config, ASSET_JS, abs_src_path=str(assets / "careers.js")))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        title, description = self._title_and_description(page)
        if title:
            # Material prints page.meta.title and .description into <head> without escaping.
            page.meta["title"] = escape(title)
            page.meta["description"] = escape(description)
        return markdown

    def _title_and_description(self, page: Page) -> tuple[str | None, str]:
        assert self.site is not None
        entry = self.entries_by_src.get(page.file.src_uri)
        org = self.site.settings.organization.name
        if entry is not None:
            model = entry.model
            subject = getattr(model, "title", None) or f"{model.name}, {model.job_title}"
            return f"{subject} at {org}", model.summary
        kind = self.index_kinds.get(page.file.src_uri)
        if kind is not None:
            return f"{kind.label} at {org}", f"{kind.label} at {org}."
        return None, ""

    @event_priority(50)  # after every plugin changed the body HTML (on_page_content), before search indexes it
    def _render_in_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                                nav: Any) -> dict[str, Any]:
        body_html = page.content or ""
        self.preview.page_built(page.url)
        page.content = self._render_page(page, body_html)
        if not self.serve_errors and self.site is not None:  # search indexes only what candidates search on
            self.search_swap.offer_careers_page(page, self.site, self.entries_by_src.get(page.file.src_uri),
                                                self.index_kinds.get(page.file.src_uri), intro_html=body_html)
        return context

    @event_priority(-50)  # after Material's search indexed the compact page, before the theme renders it
    def _restore_after_search(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                              nav: Any) -> dict[str, Any]:
        self.search_swap.restore(page)
        return context

    on_page_context = CombinedEvent(_render_in_page_context, _restore_after_search)

    def _render_page(self, page: Page, html: str) -> str:
        if self.serve_errors:
            return problems_html(self.serve_errors) + html
        assert self.site is not None and self.renderer is not None
        rendered: RenderedPage | None = None
        entry = self.entries_by_src.get(page.file.src_uri)
        kind = self.index_kinds.get(page.file.src_uri)
        if entry is not None:
            render = {ROLE.name: self.renderer.role_page, PERSON.name: self.renderer.person_page,
                      CASE_STUDY.name: self.renderer.case_study_page}[entry.kind.name]
            rendered = render(entry, html)
        elif kind is not None:
            rendered = self.renderer.index_page(kind, intro_html=html)
        if rendered is None:
            self.page_heads[page.file.src_uri] = PageHead(jsonld=self._free_page_jsonld(page),
                                                          card=self._free_page_card(page))
            return html
        page.toc = _toc(rendered)
        self.page_heads[page.file.src_uri] = PageHead(
            jsonld=rendered.jsonld, noindex=rendered.noindex, card=rendered.card,
            feed_links=kind is ROLE and self.site.settings.outputs.feeds.enabled)
        return rendered.html

    def _free_page_card(self, page: Page) -> SocialCard:
        assert self.site is not None
        description = (page.meta or {}).get("description") or self.site.settings.organization.description or ""
        return self.renderer.social_card(page.url, page.title or "", str(description), og_type="website")

    def _free_page_jsonld(self, page: Page) -> dict[str, Any]:
        assert self.site is not None and self.renderer is not None
        page_path = page.url
        trail: list[tuple[str, str]] = []
        if not page.is_homepage:
            trail = [(crumb.title, self.site.url(crumb.url)) for crumb in page.ancestors if getattr(crumb, "url", None)]
            trail.append((page.title or "", self.site.url(page_path)))
        description = page.meta.get("description") if page.meta else None
        return self.renderer.free_page_jsonld(page_path, page.title or self.site.settings.organization.name,
                                              description, trail)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """All pages are read and rendered now, so free pages' titles are known: write the outputs."""
        assert self.site is not None
        if self.serve_errors:
            return env  # a preview with broken content shows the problems, not half-true machine outputs
        careers_sources = set(self.entries_by_src) | set(self.index_kinds)
        free_pages = self.preview.free_pages(
            (FreePage(src_uri=f.src_uri, page_path=f.url if f.url != "./" else "", title=f.page.title or "",
                      description=(f.page.meta or {}).get("description"), markdown=f.page.markdown or "",
                      is_homepage=f.page.is_homepage), f.page.markdown is not None)
            for f in files.documentation_pages() if f.page is not None and f.src_uri not in careers_sources
        )
        with rendering_once(self.site):  # a role's Markdown is in its copy, the feed and llms-full.txt
            for path, content in iter_outputs(self.site, config.site_name, free_pages):
                # A `.md` source would be built as a page; give copies another source name, keep the target path.
                source = f"{path}.careers-copy" if path.endswith(".md") else path
                existing = files.get_file_from_path(source)
                if existing is not None:
                    if existing.src_dir and Path(existing.src_dir).resolve() == Path(config.docs_dir).resolve():
                        log.info(f"keeping {source} from docs_dir instead of generating it")  # the editor's own wins
                        continue
                    files.remove(existing)  # e.g. the theme's raw sitemap.xml template
                files.append(written_output(config, source, path, content))  # written now, not held in memory
        self.preview.remove_stale_outputs(files)
        return env

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
        tags = []
        if head.noindex:
            tags.append('<meta name="robots" content="noindex">')
        if head.card is not None and self.site.settings.outputs.social.enabled:
            tags.append(social_meta_tags(head.card, existing_head=output[:marker]))
        if head.feed_links:
            title = escape(feed_title(self.site))
            tags.append(f'<link rel="alternate" type="application/feed+json" title="{title}" '
                        f'href="{self.site.url(JSON_FEED_PATH)}">')
            tags.append(f'<link rel="alternate" type="application/rss+xml" title="{title}" '
                        f'href="{self.site.url(RSS_FEED_PATH)}">')
        tags.append(script_tag(head.jsonld))
        return f"{output[:marker]}{chr(10).join(tags)}\n{output[marker:]}"

    # --- live preview ----------------------------------------------------------------------------
    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.site is not None
        for kind in KINDS:
            directory = self.site.settings.content_dir(kind.name)
            if directory.is_dir():
                server.watch(str(directory))
        return server

    # --- atomic output ---------------------------------------------------------------------------
    def _stage_output(self, config: MkDocsConfig) -> None:
        """Build into a sibling staging dir; the real site/ is only replaced after a successful build."""
        final = Path(config.site_dir).resolve()
        final.parent.mkdir(parents=True, exist_ok=True)
        self.final_site_dir = str(final)
        self.staging_dir = tempfile.mkdtemp(prefix=f".{final.name}-staging-", dir=final.parent)
        # mkdtemp makes the folder private (0700); once published it must be as readable as a plain mkdir.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.staging_dir, 0o777 & ~umask)
        config.site_dir = self.staging_dir

    @event_priority(10)  # before Material's search writes its index (priority 0)
    def _merge_search_index(self, *, config: MkDocsConfig) -> None:
        self.preview.merge_search_index(config)

    @event_priority(-100)  # last: other plugins (search index, hooks) write or fail before the swap
    def _publish_staged_output(self, *, config: MkDocsConfig) -> None:
        if not self.staging_dir or not self.final_site_dir:
            return
        if config.strict and _strict_warnings_logged():
            return  # MkDocs aborts right after this event; on_build_error discards the staging dir
        final, staging = Path(self.final_site_dir), Path(self.staging_dir)
        backup = None
        if final.exists():
            backup = Path(tempfile.mkdtemp(prefix=f".{final.name}-old-", dir=final.parent))
            os.replace(final, backup / final.name)
        os.replace(staging, final)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
        config.site_dir = self.final_site_dir
        self.staging_dir = None

    on_post_build = CombinedEvent(_merge_search_index, _publish_staged_output)

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging_dir:
            shutil.rmtree(self.staging_dir, ignore_errors=True)
            self.staging_dir = None


def _content_src_uris(site: CareersSite) -> list[str]:
    """Page sources of every content file with a usable slug, valid or not (for the preview's problem pages)."""
    uris = []
    for kind in KINDS:
        for path in content_files(site.settings, kind):
            if path.suffix == ".md" and slug_is_valid(path.stem):
                uris.append(f"{kind.url_prefix}/{path.stem}.md")
    return sorted(set(uris))


def _serve_logger() -> logging.Logger:
    """Content problems during `serve` are printed, but outside the `mkdocs` logger: MkDocs counts that
    logger's warnings and, in strict mode, would abort the preview server on its first build."""
    logger = logging.getLogger("mkdocs_careers.serve")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


_serve_log = _serve_logger()


def _pin_mkdocs_dates(build_date: dt.date) -> None:
    """MkDocs dates the sitemap, the sitemap.xml.gz header and `build_date_utc` from SOURCE_DATE_EPOCH (else
    now); with `build_date` in mkdocs.yml they follow it too, so a build on another day is byte-identical."""
    midnight = dt.datetime.combine(build_date, dt.time(), tzinfo=dt.timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))


def _strict_warnings_logged() -> bool:
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _toc(rendered: RenderedPage) -> TableOfContents:
    items: list[AnchorLink] = []
    for heading in rendered.headings:
        link = AnchorLink(heading.html, heading.id, heading.level)
        if heading.level == 3 and items:
            items[-1].children.append(link)
        elif heading.level == 2:
            items.append(link)
    return TableOfContents(items)
