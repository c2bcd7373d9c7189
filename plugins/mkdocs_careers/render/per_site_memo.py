"""Render a page's text once per site graph, however many outputs embed it.

A role's Markdown is the Markdown copy, a JSON Feed item's content and a section of llms-full.txt: three
renders of the same text per role and build. `once_per_site` keeps each entry's result for as long as
the same `CareersSite` object is being built (a new load is a new site, so nothing stale is reused).
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry

E = TypeVar("E", bound="Entry[Any]")


def once_per_site(render: Callable[[E, CareersSite], str]) -> Callable[[E, CareersSite], str]:
    """Memoise `render(entry, site)` by the entry's page source, for the current site object only."""
    current: list[tuple[weakref.ref[CareersSite], dict[str, str]]] = []

    @functools.wraps(render)
    def memoised(entry: E, site: CareersSite) -> str:
        if not current or current[0][0]() is not site:
            current[:] = [(weakref.ref(site), {})]  # a new site graph: drop the previous one's texts
        texts = current[0][1]
        text = texts.get(entry.src_uri)
        if text is None:
            text = texts[entry.src_uri] = render(entry, site)
        return text

    return memoised
