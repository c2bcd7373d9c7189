"""Placeholder values written by `careers new`, and finding them again so nobody publishes them.

A scaffolded file is full of `<<fill in>>` markers (optionally with a hint after a colon, e.g.
`<<fill in: YYYY-MM-DD>>`). Every marker left in a file is an error that names its field, whether
the field is free text or a typed value such as a date or a number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

PLACEHOLDER = "<<fill in>>"
_MARKER = re.compile(r"<<\s*fill in\b[^>]*>>", re.IGNORECASE)


def placeholder(hint: str = "") -> str:
    """A marker, with an optional hint shown to the editor, e.g. `<<fill in: YYYY-MM-DD>>`."""
    return f"<<fill in: {hint}>>" if hint else PLACEHOLDER


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and _MARKER.search(value) is not None


def placeholder_paths(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every field path in parsed frontmatter whose value still contains a marker."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholder_paths(value, path + (str(key),))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholder_paths(value, path + (index,))
    elif is_placeholder(data):
        yield path


def placeholder_lines(text: str) -> Iterator[int]:
    """1-based line numbers (within `text`) that contain a marker, for the Markdown body."""
    for number, line in enumerate(text.split("\n"), start=1):
        if _MARKER.search(line):
            yield number
