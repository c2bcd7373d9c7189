"""A content page's Markdown, rendered once per build however many outputs embed it.

A role's Markdown is its Markdown copy, its JSON Feed item's content and its section of llms-full.txt:
three page models and three renders of the same text per role. Inside `with rendering_once(site):` (the
adapter wraps the outputs in it) `entry_markdown` keeps each entry's text; outside it, or for another
site, nothing is kept, so the texts are released once the outputs are written and an edited site never
sees stale text.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from ..content.site import CareersSite, Entry
from ..pages.builders import entry_page
from .markdown import MarkdownRenderer

_active: list[tuple[CareersSite, dict[str, str]]] = []


@contextlib.contextmanager
def rendering_once(site: CareersSite) -> Iterator[None]:
    """While the block runs, `entry_markdown` renders each entry of `site` once."""
    _active.append((site, {}))
    try:
        yield
    finally:
        _active.pop()


def entry_markdown(entry: Entry[Any], site: CareersSite) -> str:
    """The Markdown of an entry's page (its copy, its feed item, its part of llms-full.txt)."""
    if not _active or _active[-1][0] is not site:
        return MarkdownRenderer(site).render(entry_page(entry, site))
    texts = _active[-1][1]
    text = texts.get(entry.src_uri)
    if text is None:
        text = texts[entry.src_uri] = MarkdownRenderer(site).render(entry_page(entry, site))
    return text
