"""Text matching for the audit: does an extracted text still say a fact, written as the page shows it?

Both sides are normalised the same way (Unicode NFKC, case folded, whitespace collapsed) and a fact must
stand as a whole token run, so "2 days" is not found inside "12 days" and "£95,000" not inside "£195,000".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

# Backslash escapes the Markdown copy writes so frontmatter text reads as text (render/markdown.py).
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_\[\]<>#+\-|!.(){}])")


def normalize(text: str) -> str:
    """NFKC (non-breaking spaces become spaces), case folded, every whitespace run one space."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def markdown_as_text(markdown: str) -> str:
    """The Markdown copy as a reader sees it: escapes removed, so `\\+75 pp` reads `+75 pp`."""
    return _MARKDOWN_ESCAPE.sub(r"\1", markdown)


@functools.lru_cache(maxsize=8192)
def _pattern(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(normalize(form)) + r"(?!\w)")


def mentions(normalized_text: str, forms: Iterable[str]) -> bool:
    """True when `normalized_text` (already `normalize`d) contains any of the forms as a whole."""
    return any(_pattern(form).search(normalized_text) for form in forms if form.strip())
