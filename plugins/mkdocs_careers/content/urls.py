"""One URL check for every URL field (apply.url, same_as, organization links, image URLs), with editor hints.

A URL field holds an absolute http(s) address and nothing else: no `javascript:` or `data:` scheme, no
spaces, quotes or angle brackets (characters a URL must percent-encode, and the start of every markup
injection), no missing scheme. Each refusal says what to write instead.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .diagnostics import FieldProblem

# RFC 3986 never allows these unencoded; a value holding them is text pasted around a URL, or an attack.
_NOT_IN_URLS = re.compile(r"[\s\"'<>\\^`{|}\x00-\x1f\x7f]")
_SCRIPT_SCHEMES = ("javascript", "vbscript", "data", "file", "blob")
_LOOKS_LIKE_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/:?#]|$)", re.I)


def check_absolute_url(value: str) -> str:
    """Return the URL, or raise FieldProblem with a hint saying how to write it."""
    parts = urlsplit(value)
    scheme = parts.scheme.casefold()
    if scheme in _SCRIPT_SCHEMES:
        raise FieldProblem(f"'{_short(value)}' is a {scheme}: URL, not a web address",
                           f"use an https:// address; {scheme}: links run code or embed content in the reader's "
                           "browser and are never published")
    if not scheme and _LOOKS_LIKE_HOST.match(value):
        raise FieldProblem(f"'{_short(value)}' has no https:// at the start",
                           f"write the full address: https://{value}")
    if scheme not in ("http", "https") or not parts.netloc:
        raise FieldProblem(f"'{_short(value)}' is not an absolute http(s) URL",
                           "write the full address, starting with https://")
    bad = _NOT_IN_URLS.search(value)
    if bad:
        shown = repr(bad.group())[1:-1] if bad.group().isspace() or ord(bad.group()) < 32 else bad.group()
        raise FieldProblem(f"'{_short(value)}' contains '{shown}' at character {bad.start() + 1}, which a URL "
                           "cannot hold", "remove it and any text after the address; inside a URL, write spaces "
                           "and quotes percent-encoded (%20, %22)")
    return value


def check_image_reference(value: str) -> str:
    """An image is an http(s) URL or a relative path inside docs_dir; any other scheme is refused here."""
    if value.startswith(("http://", "https://")) or urlsplit(value).scheme or value.startswith("//"):
        return check_absolute_url(value)
    bad = _NOT_IN_URLS.search(value.replace(" ", ""))
    if bad or "\\" in value:
        raise FieldProblem(f"'{_short(value)}' is not a usable image path",
                           "write a path inside content/ with forward slashes, e.g. assets/people/ana.jpg")
    return value


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
