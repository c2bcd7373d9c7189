"""MkDocs adapter: the `careers` plugin. Thin on purpose; the careers core does the work.

Event order: load and validate all content in `on_config` (before MkDocs cleans `site/`), add
generated pages in `on_files`, wrap each page's HTML in `on_page_context` (just before the search
plugin indexes it and the theme renders it), add head tags in `on_post_page`, and swap the staged
output into place in `on_post_build` (atomic builds).

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
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler
from pydantic import ValidationError

from .build_date import BuildDateError, resolve_build_date
from .diagnostics import ContentError
from .jsonld import script_tag
from .models import Organization
from .render import PageRenderer, RenderedPage
from .settings import CareersSettings
from .site import CASE_STUDY, KINDS, PERSON, ROLE, CareersSite, Entry, load_site

log = get_plugin_logger(__name__)
ASSET_CSS = "assets/careers/careers.css"


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


class CareersPlugin(BasePlugin[CareersConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: CareersSite | None = None
        self.renderer: PageRenderer | None = None
        self.command: str | None = None
        self.entries_by_src: dict[str, Entry] = {}
        self.index_kinds: dict[str, Any] = {}
        self.head_html: dict[str, str] = {}
        self.final_site_dir: str | None = None
        self.staging_dir: str | None = None

    # --- configuration and loading ---------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError("careers: set site_url in mkdocs.yml (e.g. https://careers.example.com/); "
                              "JSON-LD, canonical URLs and feeds need absolute URLs")
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        try:
            organization = Organization.model_validate(dict(self.config.organization))
            settings = CareersSettings(
                organization=organization, site_url=site_url,
                project_root=Path(config.config_file_path or ".").resolve().parent,
                roles_dir=self.config.roles_dir, people_dir=self.config.people_dir,
                case_studies_dir=self.config.case_studies_dir,
                use_directory_urls=config.use_directory_urls,
                build_date=resolve_build_date(self.config.build_date),
                disabled_rules=frozenset(self.config.disabled_rules),
            )
        except ValidationError as exc:
            problems = "; ".join(f"organization.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise PluginError(f"careers: invalid plugin config in mkdocs.yml: {problems}") from None
        except BuildDateError as exc:
            raise PluginError(f"careers: {exc}") from None

        if self.config.build_date:
            _pin_mkdocs_dates(settings.build_date)
        site = load_site(settings)
        for warning in site.warnings:
            log.warning(warning.format())
        if site.errors:
            raise PluginError(str(ContentError(site.errors)))
        self.site = site
        self.renderer = PageRenderer(site, site_name=config.site_name, language=config.theme.get("language"))
        if ASSET_CSS not in config.extra_css:
            config.extra_css.append(ASSET_CSS)
        if self.config.atomic and self.command != "serve":
            self._stage_output(config)
        return config

    # --- generated pages -------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self.entries_by_src.clear()
        self.index_kinds.clear()
        for entry in self.site.entries():
            # Individual pages stay out of the site-wide nav: Material renders the whole nav into every page.
            files.append(File.generated(config, entry.src_uri, content="\n" + entry.body,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
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
        css = Path(__file__).parent / "assets" / "careers.css"
        files.append(File.generated(config, ASSET_CSS, abs_src_path=str(css)))
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
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        page.content = self._render_page(page, page.content or "")
        return context

    def _render_page(self, page: Page, html: str) -> str:
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
            jsonld = self._free_page_jsonld(page)
            self.head_html[page.file.src_uri] = script_tag(jsonld)
            return html
        page.toc = _toc(rendered)
        head = [script_tag(rendered.jsonld)]
        if rendered.noindex:
            head.insert(0, '<meta name="robots" content="noindex">')
        self.head_html[page.file.src_uri] = "\n".join(head)
        return rendered.html

    def _free_page_jsonld(self, page: Page) -> dict[str, Any]:
        assert self.site is not None and self.renderer is not None
        page_path = page.url if self.site.settings.use_directory_urls or not page.url else page.url
        trail: list[tuple[str, str]] = []
        if not page.is_homepage:
            trail = [(crumb.title, self.site.url(crumb.url)) for crumb in page.ancestors if getattr(crumb, "url", None)]
            trail.append((page.title or "", self.site.url(page_path)))
        description = page.meta.get("description") if page.meta else None
        return self.renderer.free_page_jsonld(page_path, page.title or self.site.settings.organization.name,
                                              description, trail)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        head = self.head_html.pop(page.file.src_uri, "")
        if page.file.src_uri in self.entries_by_src or page.file.src_uri in self.index_kinds:
            # Written out: holding every careers page's HTML and headings would grow memory with N.
            page.content = None
            page.toc = TableOfContents([])
        if not head:
            return output
        marker = output.find("</head>")
        if marker == -1:
            return output
        return f"{output[:marker]}{head}\n{output[marker:]}"

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

    @event_priority(-100)  # last: other plugins (search index, hooks) write or fail before the swap
    def on_post_build(self, *, config: MkDocsConfig) -> None:
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

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging_dir:
            shutil.rmtree(self.staging_dir, ignore_errors=True)
            self.staging_dir = None


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
