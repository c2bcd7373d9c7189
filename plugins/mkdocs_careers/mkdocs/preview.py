"""Incremental preview: under `mkdocs serve --dirty`, an edit rebuilds only the pages that show it.

MkDocs' dirty builds keep the previous output and skip every page whose `File.is_modified()` is false.
A careers page is a generated file (`File.generated`, content in memory), which MkDocs would always
consider modified; `CareersPageFile` answers from the site graph instead:

- the content cache (content/cache.py) re-parses only new and changed files, so an unchanged file keeps
  its `SourceDocument`, and "changed" is simply "a different document than in the previous build";
- a page is rebuilt when its own file changed, was added, or a file it shows changed: a role shows its
  hiring manager and case studies, a person their open roles and case studies, a case study its leader
  and the roles citing it (neighbours in the previous graph and in the new one, so a moved link updates
  both ends); the three index pages and the machine outputs are always rebuilt;
- outputs of pages that disappeared (a deleted role, its Markdown copy) are removed, since a dirty build
  never cleans `site/`;
- Material's search keeps the previous index in dirty builds but only knows how to replace the entries
  of one rebuilt page, so `merge_search_index` replaces the entries of every rebuilt or removed page.

Anything that cannot be reasoned about page by page (content errors now or in the previous build, a
different build date) rebuilds every careers page. Plain `mkdocs serve` and `mkdocs build` rebuild
everything, as before, but still re-parse only changed files between rebuilds of the same server.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..content.cache import ContentCache
from ..content.site import CareersSite, Entry
from ..pages.builders import FreePage
from ..render.entry_markdown import EntryTexts

log = get_plugin_logger(__name__)


class CareersPageFile(File):
    """A generated careers page that tells MkDocs' dirty builds whether it must be rebuilt.

    It holds the entry's body itself, not a copy: MkDocs reads the page's Markdown once, and a copy per
    page kept from `on_files` to the end of the build would grow memory with every role.
    """

    rebuild: bool = True

    @property
    def content_string(self) -> str:
        # The leading blank line ends MkDocs' metadata scan: a body starting with "Key: value" stays text.
        assert isinstance(self._content, str)
        return "\n" + self._content

    @content_string.setter
    def content_string(self, value: str) -> None:  # another plugin replacing the page's source
        self._content = value.removeprefix("\n")

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode()

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.content_string = value.decode()

    def is_modified(self) -> bool:
        return self.rebuild or not os.path.isfile(self.abs_dest_path)


def _pages_showing(site: CareersSite, changed: set[str]) -> set[str]:
    """Pages that show a fact of a changed page, or whose facts it shows (by src_uri); one pass over the files.

    A role shows its hiring manager and case studies; a person page their open roles and case studies; a
    case study its leader and the roles citing it. So the links are role-manager, role-case study and
    case study-leader, each followed both ways.
    """
    found: set[str] = set()

    def link(a: Entry[Any], b: Entry[Any] | None) -> None:
        if b is None:
            return
        if a.src_uri in changed:
            found.add(b.src_uri)
        if b.src_uri in changed:
            found.add(a.src_uri)

    for role in site.roles.values():
        link(role, site.people.get(role.model.hiring_manager))
        for slug in role.model.case_studies:
            link(role, site.case_studies.get(slug))
    for study in site.case_studies.values():
        link(study, site.people.get(study.model.leader))
    return found


# From this many content pages, plain `mkdocs serve` is told once that `--dirty` previews an edit faster (at
# 1,000 roles: about 6 s against under 2 s); a small site rebuilds in about a second either way.
DIRTY_HINT_PAGES = 200


class IncrementalPreview:
    """State kept by the plugin between the rebuilds of one `mkdocs serve` (the plugin instance lives on)."""

    def __init__(self) -> None:
        self.cache = ContentCache()
        self.serving = False  # under `mkdocs serve`, with or without --dirty
        self.enabled = False  # only under `mkdocs serve --dirty`
        self._previous: CareersSite | None = None
        self._previous_errors = True
        self._rebuild: set[str] | None = None  # page sources to rebuild; None: all
        self._built_urls: set[str] = set()
        self._removed: set[str] = set()  # page sources of the previous build that are gone
        self._outputs: set[str] = set()  # abs_dest_path of every file written by the previous build
        self._free_pages: dict[str, FreePage] = {}
        self._texts: EntryTexts = {}  # texts derived from each page in the previous build (render/entry_markdown.py)
        self._written: dict[str, bytes] = {}  # output file → hash of what was written there (output_files.py)

    def start(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.enabled = command == "serve" and dirty
        if self.enabled:
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_build_notice)

    @property
    def output_digests(self) -> dict[str, bytes] | None:
        """Under `mkdocs serve --dirty`, what each machine output file holds (a hash), so an unchanged one is
        not written again after an edit (most Markdown copies); None for a full build."""
        return self._written if self.enabled else None

    @property
    def content_cache(self) -> ContentCache | None:
        """What to load the content with: the cache kept between the rebuilds of `mkdocs serve`. A single
        build loads without one, so nothing of the load (hashes, file signatures) outlives it."""
        return self.cache if self.serving else None

    # --- which pages to rebuild -------------------------------------------------------------------
    def plan(self, site: CareersSite, has_errors: bool) -> None:
        """Compare the freshly loaded site with the previous build's and decide which pages to rebuild."""
        previous, previous_errors = self._previous, self._previous_errors
        self._previous, self._previous_errors = site, has_errors
        self._built_urls, self._removed = set(), set()
        stats = self.cache.stats
        if stats.parsed or stats.removed:
            log.info(f"parsed {len(stats.parsed)} new or changed file(s), reused {stats.reused}"
                     + (f", {len(stats.removed)} removed" if stats.removed else ""))
        if self.serving and not self.enabled and previous is None and len(site.entries()) >= DIRTY_HINT_PAGES:
            log.info(f"{len(site.entries())} content pages: every edit rebuilds all of them; `mkdocs serve --dirty` "
                     "(`make serve`) rebuilds only the pages that show the edit")
        if (not self.enabled or previous is None or has_errors or previous_errors
                or previous.build_date != site.build_date):
            self._rebuild = None
            return
        old = {e.src_uri: e for e in previous.entries()}
        new = {e.src_uri: e for e in site.entries()}
        changed = {src for src in old.keys() | new.keys()
                   if src not in old or src not in new or old[src].source is not new[src].source}
        # Neighbours in the previous graph and in the new one: a moved link updates both ends.
        affected = changed | _pages_showing(previous, changed) | _pages_showing(site, changed)
        self._rebuild = affected
        self._removed = old.keys() - new.keys()
        log.info(f"rebuilding {len(affected & new.keys())} of {len(new)} content page(s)")

    def page_file(self, config: MkDocsConfig, entry: Entry[Any], **options: Any) -> File:
        """The generated page of an entry; in a dirty preview it is only rebuilt if `plan` says so."""
        page = CareersPageFile.generated(config, entry.src_uri, content=entry.body, **options)
        assert isinstance(page, CareersPageFile)
        page.rebuild = not self.enabled or self._rebuild is None or entry.src_uri in self._rebuild
        return page

    def page_built(self, page_url: str) -> None:
        self._built_urls.add(page_url)

    # --- what MkDocs does not update in a dirty build ---------------------------------------------
    def free_pages(self, pages: Iterable[tuple[FreePage, bool]]) -> list[FreePage]:
        """Free pages for the outputs; a page MkDocs did not re-read (dirty build) keeps its last text."""
        result = []
        for page, was_read in pages:
            if was_read or not self.enabled:
                self._free_pages[page.src_uri] = page
            result.append(self._free_pages.get(page.src_uri, page))
        return result

    def reusable_texts(self) -> EntryTexts:
        """The previous build's texts of the pages this rebuild leaves alone (nothing outside a dirty preview)."""
        if not self.enabled or self._rebuild is None:
            return {}
        return {key: text for key, text in self._texts.items() if key[1] not in self._rebuild}

    def keep_texts(self, texts: EntryTexts) -> None:
        self._texts = texts if self.enabled else {}

    def remove_stale_outputs(self, files: Files) -> None:
        """Delete what the previous build wrote and this one does not (a deleted role's page and copy)."""
        current = {f.abs_dest_path for f in files}
        if self.enabled:
            for path in sorted(self._outputs - current):
                self._written.pop(path, None)
                with contextlib.suppress(FileNotFoundError):  # an earlier rebuild may have removed it
                    os.remove(path)
                _remove_empty_folders(os.path.dirname(path))
        self._outputs = current

    def merge_search_index(self, config: MkDocsConfig) -> None:
        """Material's dirty search index: keep the previous entries of every page not rebuilt or removed."""
        if not self.enabled:
            return
        for plugin in config.plugins.values():
            index, previous = getattr(plugin, "search_index", None), getattr(plugin, "search_index_prev", None)
            if index is None or previous is None or not hasattr(index, "entries"):
                continue
            stale = self._built_urls | {File.generated(config, src, content="").url for src in self._removed}
            kept = [entry for entry in previous.entries if _page_of(entry) not in stale]
            index.entries = kept + index.entries
            plugin.search_index_prev = None  # merged here; Material would replace one page's entries only


def _dirty_build_notice(record: logging.LogRecord) -> bool:
    """MkDocs warns on every dirty build that links may be stale, which aborts a strict preview each time.

    Careers pages are rebuilt with every page that shows them, so for them the warning does not hold;
    it stays in the log as information (free pages that link to each other may still be stale).
    """
    if record.levelno == logging.WARNING and str(record.msg).startswith("A 'dirty' build is being performed"):
        record.levelno, record.levelname = logging.INFO, "INFO"
    return True


def _page_of(search_entry: dict[str, Any]) -> str:
    return str(search_entry.get("location", "")).split("#", 1)[0]


def _remove_empty_folders(folder: str) -> None:
    """Remove `folder` and its parents while they are empty (a deleted role leaves `roles/<slug>/` behind)."""
    while folder and os.path.isdir(folder) and not os.listdir(folder):
        os.rmdir(folder)
        folder = os.path.dirname(folder)
