"""MkDocs adapter of the docs_dir policy: what a pull request may publish through docs_dir and free pages.

The core decides (content/static_files.py, content/free_pages.py, content/theme_namespace.py,
outputs/reserved_paths.py); this module supplies what only MkDocs knows: the files MkDocs will publish (its
exclusion rules), the theme's own files, templates, icons and statuses, and the pages as MkDocs read them.
`careers check` and the plugin's `on_config` call `add_docs_dir_diagnostics`, so the check reports everything the
build refuses; the plugin checks MkDocs' own reading of every free page again before the theme renders it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, set_exclusions
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..content.confinement import path_escape
from ..content.diagnostics import ContentError, Diagnostic, display_path
from ..content.free_pages import BUILT_IN_STATUSES, ThemeFacts, free_page_problems, meta_problems, theme_safe_meta
from ..content.site import CareersSite
from ..content.static_files import DocsFile, active_file_problems
from ..content.theme_namespace import content_id
from ..outputs.reserved_paths import collision_problems

SEARCH_INDEX = "search/search_index.json"


def add_docs_dir_diagnostics(site: CareersSite, config: MkDocsConfig) -> None:
    """Add every docs_dir problem (collisions, active files, free pages) to the site's diagnostics."""
    site.diagnostics = sorted(set(site.diagnostics) | set(docs_dir_diagnostics(config, site)))


def docs_dir_diagnostics(config: MkDocsConfig, site: CareersSite) -> list[Diagnostic]:
    settings = site.settings
    docs_dir = Path(config.docs_dir)
    shown = display_path(docs_dir, settings.project_root)
    files = list(docs_dir_files(config, settings.project_root, allow_symlinks=settings.safety.allow_symlinks))
    host = site_host(settings.site_url)
    problems = collision_problems(site, files, shown, theme_reserved_paths(config))
    problems += active_file_problems(files, shown, settings.safety, host)
    theme = theme_facts(config)
    for file in files:
        if not file.is_page:
            continue
        text = _page_text(file, f"{shown}/{file.src_uri}", settings.safety.limits.max_file_bytes)
        if isinstance(text, Diagnostic):
            problems.append(text)
        elif text is not None:
            problems += free_page_problems(text, f"{shown}/{file.src_uri}", settings.safety, theme, host,
                                           settings.disabled_rules)
    return problems


def site_host(site_url: str) -> str:
    from urllib.parse import urlsplit

    return (urlsplit(site_url).hostname or "").casefold()


def docs_dir_files(config: MkDocsConfig, project_root: Path, *, allow_symlinks: bool) -> Iterator[DocsFile]:
    """The files MkDocs publishes from docs_dir, found with its own exclusion rules (`exclude_docs`, dot files),
    without following a link out of the project or round a loop (the confinement check reports those)."""
    files = []
    seen_folders: set[str] = set()
    for folder, folders, names in os.walk(config.docs_dir, followlinks=allow_symlinks):
        real = os.path.realpath(folder)
        if real in seen_folders or path_escape(Path(folder), project_root, allow_symlinks=True) is not None:
            folders[:] = []
            continue
        seen_folders.add(real)
        folders.sort()
        relative = os.path.relpath(folder, config.docs_dir)
        for name in sorted(names):
            files.append(File(os.path.normpath(os.path.join(relative, name)), config.docs_dir, config.site_dir,
                              config.use_directory_urls))
    set_exclusions(files, config)
    for file in files:
        if not file.inclusion.is_excluded() and file.abs_src_path is not None:  # type: ignore[no-untyped-call]
            yield DocsFile(file.src_uri, file.dest_uri, Path(file.abs_src_path), file.is_documentation_page())


def theme_reserved_paths(config: MkDocsConfig) -> dict[str, str]:
    """The output paths of the theme's files and templates and of the search index.

    MkDocs publishes every theme file outside dot folders (`.icons` holds thousands) except templates and a few
    others; all of them are reserved here, which costs a few milliseconds instead of listing the icons."""
    reserved: dict[str, str] = {}
    for theme_dir in config.theme.dirs:
        for folder, folders, names in os.walk(theme_dir):
            folders[:] = [name for name in folders if not name.startswith(".")]
            relative = os.path.relpath(folder, theme_dir)
            for name in names:
                if not name.startswith("."):
                    path = name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
                    reserved.setdefault(path, "a file of the theme")
    for template in config.theme.static_templates:
        reserved[template] = f"the theme's {template}"
        if template == "sitemap.xml":
            reserved["sitemap.xml.gz"] = "the sitemap"
    reserved[SEARCH_INDEX] = "the search index"
    return reserved


def theme_facts(config: MkDocsConfig) -> ThemeFacts:
    """The statuses, templates and icons of the site's theme (its folders, in MkDocs' order)."""
    dirs = list(config.theme.dirs)
    statuses = dict(config.extra or {}).get("status")
    return ThemeFacts(
        statuses=BUILT_IN_STATUSES | (frozenset(str(k) for k in statuses) if isinstance(statuses, dict) else set()),
        has_template=lambda name: any(os.path.isfile(os.path.join(d, name)) for d in dirs),
        has_icon=lambda name: any(os.path.isfile(os.path.join(d, ".icons", f"{name}.svg")) for d in dirs))


def _page_text(file: DocsFile, shown: str, max_bytes: int) -> str | Diagnostic | None:
    """The page's text as MkDocs reads it; None for what is not a regular file (the confinement check's)."""
    try:
        if not stat.S_ISREG(os.stat(file.abs_path).st_mode):
            return None
        with open(file.abs_path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        return Diagnostic(shown, 1, "", f"cannot be read ({exc.strerror})", "check the file's permissions",
                          rule="syntax")
    if len(raw) > max_bytes:
        return Diagnostic(shown, 1, "", f"the page is larger than {max_bytes // 1024:,} KB",
                          "split the page; a site that needs larger pages raises limits.max_file_kb", rule="limits")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Diagnostic(shown, raw[: exc.start].count(b"\n") + 1, "", "the page is not valid UTF-8 text",
                          "save the file as UTF-8 in your editor", rule="syntax")


# --- while rendering ----------------------------------------------------------------------------------------
def make_free_pages_theme_safe(pages: Iterable[Page], config: MkDocsConfig, site: CareersSite, *,
                               stop: bool = True) -> None:
    """Check MkDocs' own reading of each free page's frontmatter and escape the text the theme prints; a value
    the theme cannot take stops the build (with `stop`; the preview shows the problems instead) and is dropped.

    Run once every page is read and the outputs have their plain texts (on_env), before any template renders:
    the navigation of every page prints the other pages' titles. A page's title from its first heading is HTML
    already (MkDocs renders it); one from its file name is text."""
    theme = theme_facts(config)
    host = site_host(site.settings.site_url)
    problems = []
    for page in pages:
        shown = f"{display_path(Path(config.docs_dir), site.settings.project_root)}/{page.file.src_uri}"
        found = meta_problems(page.meta, theme, site.settings.safety, host)
        problems += [Diagnostic(shown, 1, key, message, hint, rule="free-page") for key, message, hint in found]
        refused = {key for key, _, _ in found}
        page.meta = {key: value for key, value in page.meta.items() if key not in refused}
        if "title" not in page.meta and not page.is_homepage and page.title is not None:
            from_heading = getattr(page, "_title_from_render", None)
            page.meta["title"] = Markup(page.title) if from_heading else escape(page.title)
        page.meta = theme_safe_meta(page.meta)
    if problems and stop:
        raise PluginError(str(ContentError(problems)))


def plain_text(value: Any) -> Any:
    """A value as the core wants it: text escaped for the theme (Markup) back to plain text."""
    return value.unescape() if isinstance(value, Markup) else value


def content_toc(toc: TableOfContents) -> TableOfContents:
    """The table of contents with each anchor renamed as the body's ids were (theme_namespace.content_id)."""
    def rename(items: Iterable[AnchorLink]) -> None:
        for item in items:
            item.id = content_id(item.id)
            rename(item.children)

    rename(toc)
    return toc


def generated_output_taken(source: File, config: MkDocsConfig) -> None:
    """A docs_dir file where the build writes a generated output: the docs_dir check missed it; stop the build."""
    shown = display_path(Path(source.abs_src_path or source.src_uri), Path(config.config_file_path or ".").parent)
    raise PluginError(str(ContentError([Diagnostic(shown, 1, "", f"would replace {source.dest_uri}, which the build "
                                                   "generates", "rename or remove the file",
                                                   rule="generated-output")])))
