"""Serialising JSON-LD so no value can end the `<script>` element or open an HTML comment.

`<`, `>` and `&` are written as JSON unicode escapes: parsers read the exact same string back,
but the HTML tokenizer never sees `</script>` or `<!--` inside the element.
"""

from __future__ import annotations

import json
from typing import Any

# (character, JSON escape) pairs; chained str.replace runs in C, str.translate calls back per character.
_HTML_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


_DROPPED = object()


def compact(value: Any) -> Any:
    """Drop None and empty values recursively, so the markup only states what the data supports."""
    if isinstance(value, dict):
        return {key: item for key, item in ((key, _compacted(item)) for key, item in value.items())
                if item is not _DROPPED}
    if isinstance(value, list):
        return [item for item in map(_compacted, value) if item is not _DROPPED]
    return value


def _compacted(item: Any) -> Any:
    """The item without its empty parts, or _DROPPED when nothing is left to state (decided per value: cheaper
    than comparing every value with each kind of empty)."""
    if isinstance(item, (dict, list)):
        item = compact(item)
        return item if item else _DROPPED
    return _DROPPED if item is None or item == "" else item


def to_script_json(data: dict[str, Any]) -> str:
    text = json.dumps(compact(data), ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _HTML_SAFE:
        text = text.replace(char, escaped)
    return text


def script_tag(data: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{to_script_json(data)}</script>'


def json_number(value: float) -> float | int:
    """120000.0 → 120000: whole amounts are written as integers in JSON outputs."""
    return int(value) if float(value).is_integer() else value
