"""Render a page's text once while the outputs of one site graph are built, however many outputs embed it.

A role's Markdown is its Markdown copy, a JSON Feed item's content and a section of llms-full.txt: three
renders of the same text per role and build. Inside `with rendering_once(site):` a function decorated
with `once_per_site` keeps each entry's result; outside it (and for any other site) nothing is kept, so
the texts are released as soon as the outputs are written and a changed site never sees stale text.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry

Render = TypeVar("Render", bound=Callable[..., str])
_active: list[tuple[CareersSite, dict[tuple[str, str], str]]] = []


@contextlib.contextmanager
def rendering_once(site: CareersSite) -> Iterator[None]:
    """While the block runs, `once_per_site` functions render each entry of `site` once."""
    _active.append((site, {}))
    try:
        yield
    finally:
        _active.pop()


def once_per_site(render: Render) -> Render:
    """Memoise `render(entry, site)` by entry, inside `rendering_once(site)` only."""
    name = f"{render.__module__}.{render.__qualname__}"

    @functools.wraps(render)
    def memoised(entry: Entry[Any], site: CareersSite) -> str:
        if not _active or _active[-1][0] is not site:
            return render(entry, site)
        texts = _active[-1][1]
        key = (name, entry.src_uri)
        text = texts.get(key)
        if text is None:
            text = texts[key] = render(entry, site)
        return text

    return cast(Render, memoised)
