"""The output paths the build generates, and the docs_dir files that would take their place (located errors).

MkDocs lets a docs_dir file win over a theme file, and the plugin used to keep an editor's `sitemap.xml` instead
of generating it: a pull request adding `content/roles/indeed.xml` published fake jobs to Indeed with exit code 0.
Every generated path is listed here without building anything (the pages, their Markdown copies, llms.txt,
sitemap, robots.txt, feeds, manifest, job-board feeds, IndexNow key, the plugin's assets); the adapter adds the
theme's and MkDocs' own (theme files, 404.html, the search index). A test checks the list against what
`iter_outputs` really writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from ..content.diagnostics import Diagnostic
from ..content.kinds import KINDS
from ..content.site import CareersSite
from ..content.static_files import DocsFile
from ..render.markdown import markdown_copy_path
from .deploy_outputs import indexnow_key_path, job_board_paths
from .job_feeds import JSON_FEED_PATH, RSS_FEED_PATH
from .manifest import MANIFEST_PATH

RULE = "generated-output"
# The plugin's own stylesheets, script, brand CSS and social cards live under this folder.
PLUGIN_ASSETS = "assets/careers/"


def page_dest(src_uri: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes the page of a Markdown source (mkdocs.structure.files.File.dest_uri)."""
    source = PurePosixPath(src_uri)
    stem = "index" if source.stem == "README" else source.stem
    parent = "" if str(source.parent) == "." else f"{source.parent}/"
    if use_directory_urls and stem != "index":
        return f"{parent}{stem}/index.html"
    return f"{parent}{stem}.html"


def page_path_of(dest: str, use_directory_urls: bool) -> str:
    """The page's URL path from its output path (`how-we-hire/index.html` → `how-we-hire/`)."""
    if use_directory_urls and (dest == "index.html" or dest.endswith("/index.html")):
        return dest[: -len("index.html")]
    return dest


def generated_paths(site: CareersSite, free_page_sources: Iterable[str]) -> dict[str, str]:
    """Every path the careers plugin writes, with what it is, given the editors' page sources (docs_dir .md)."""
    settings = site.settings
    options = settings.outputs
    directory_urls = settings.use_directory_urls
    copies = options.llms_txt.markdown_copies
    paths: dict[str, str] = {}

    def page(src_uri: str, what: str) -> None:
        dest = page_dest(src_uri, directory_urls)
        paths[dest] = what
        if copies:
            paths[markdown_copy_path(page_path_of(dest, directory_urls))] = f"the Markdown copy of {what}"

    for entry in site.entries():
        page(entry.src_uri, f"the page {entry.page_path}")
    for kind in KINDS:
        page(kind.src_uri("index"), f"the {kind.label.lower()} index page")
    if copies:
        for src_uri in free_page_sources:
            dest = page_dest(src_uri, directory_urls)
            paths[markdown_copy_path(page_path_of(dest, directory_urls))] = f"the Markdown copy of {src_uri}"
    if options.llms_txt.enabled:
        paths["llms.txt"] = "llms.txt"
        if options.llms_txt.full:
            paths["llms-full.txt"] = "llms-full.txt"
    if options.sitemap.enabled:
        paths["sitemap.xml"] = paths["sitemap.xml.gz"] = "the sitemap"
    if options.robots.enabled:
        paths["robots.txt"] = "robots.txt"
    if options.feeds.enabled:
        paths[JSON_FEED_PATH] = paths[RSS_FEED_PATH] = "the roles feed"
    if options.manifest.enabled:
        paths[MANIFEST_PATH] = "the build manifest"
    for board in job_board_paths(site):
        paths[board] = "a job-board feed"
    key = options.indexnow.resolved_key(os.environ)
    if key is not None:
        paths[indexnow_key_path(key)] = "the IndexNow key file"
    return paths


def collision_problems(site: CareersSite, docs_files: list[DocsFile], shown_docs_dir: str,
                       reserved: Mapping[str, str]) -> list[Diagnostic]:
    """A located error for each docs_dir file whose output path the build generates (`reserved`: the theme's and
    MkDocs' paths, from the adapter), or another docs_dir file publishes too. Compared without case, so a site
    built on a case-insensitive disk cannot be replaced either."""
    intros = {kind.src_uri("index") for kind in KINDS}  # an index page's intro text, read by the plugin
    generated = generated_paths(site, [f.src_uri for f in docs_files if f.is_page and f.src_uri not in intros])
    taken = {path.casefold(): what for path, what in {**reserved, **generated}.items()}
    problems: list[Diagnostic] = []
    published: dict[str, str] = {}
    for file in docs_files:
        if file.src_uri in intros:
            continue
        dest = file.dest_uri.casefold()
        what = taken.get(dest)
        if what is None and dest.startswith(PLUGIN_ASSETS):
            what = "the careers plugin's assets"
        shown = f"{shown_docs_dir}/{file.src_uri}"
        if what is not None:
            problems.append(Diagnostic(shown, 1, "", f"would replace {what} ({file.dest_uri}), which the build "
                                       "generates", "rename or remove the file; generated files come from the "
                                       "content and mkdocs.yml", rule=RULE))
        elif dest in published:
            problems.append(Diagnostic(shown, 1, "", f"is published at {file.dest_uri}, like "
                                       f"{shown_docs_dir}/{published[dest]}", "rename one of the two files",
                                       rule=RULE))
        else:
            published[dest] = file.src_uri
    return problems
