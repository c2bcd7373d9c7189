"""Texts derived from one content page, rendered once per build however many outputs embed them.

A role's Markdown is its Markdown copy, its JSON Feed item's content and its section of llms-full.txt,
and its job-board description is in both the Indeed and the LinkedIn feed: without this, several page
models and renders of the same text per role and build. Inside `with rendering_once(site):` (the adapter
wraps the outputs in it) `once_per_entry` keeps each entry's texts; outside it, or for another site,
nothing is kept, so the texts are released once the outputs are written.

The preview (`mkdocs serve --dirty`) passes the texts of the previous build as `carried`, minus those of
the pages an edit touched, so a rebuild renders only what changed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from ..content.site import CareersSite, Entry
from ..pages.builders import entry_page
from .markdown import MarkdownRenderer

# (what, page source) → the text, or how to read it back from where it was written (`kept_elsewhere`).
EntryTexts = dict[tuple[str, str], "str | Callable[[], str]"]
_active: list[tuple[CareersSite, EntryTexts]] = []


@contextlib.contextmanager
def rendering_once(site: CareersSite, carried: EntryTexts | None = None) -> Iterator[EntryTexts]:
    """While the block runs, `once_per_entry` renders each text of each entry of `site` once; the texts
    (starting from `carried`, which must only hold texts still true for `site`) are what the block yields."""
    texts: EntryTexts = dict(carried or {})
    _active.append((site, texts))
    try:
        yield texts
    finally:
        _active.pop()


def once_per_entry(what: str, entry: Entry[Any], site: CareersSite, render: Callable[[], str]) -> str:
    """`render()`, or the text it gave earlier in this build for the same entry and `what`."""
    if not _active or _active[-1][0] is not site:
        return render()
    texts = _active[-1][1]
    key = (what, entry.src_uri)
    kept = texts.get(key)
    if kept is None:
        text = texts[key] = render()
        return text
    return kept if isinstance(kept, str) else kept()


def kept_elsewhere(texts: EntryTexts, what: str, src_uri: str, read_back: Callable[[], str]) -> None:
    """The text is written somewhere it can be read back from (an adapter's Markdown copy in the output folder):
    keep only the way to read it, so a big site does not hold every role's text until its last output."""
    if (what, src_uri) in texts:
        texts[(what, src_uri)] = read_back


# The key of an entry's Markdown among the texts rendered once per build.
MARKDOWN = "markdown"


def entry_markdown(entry: Entry[Any], site: CareersSite) -> str:
    """The Markdown of an entry's page (its copy, its feed item, its part of llms-full.txt)."""
    return once_per_entry(MARKDOWN, entry, site, lambda: MarkdownRenderer(site).render(entry_page(entry, site)))
