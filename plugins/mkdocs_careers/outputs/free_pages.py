"""The editor's free Markdown pages (home, how we hire, ...) as the outputs need them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FreePage:
    src_uri: str  # e.g. how-we-hire.md, used to resolve relative links in the Markdown
    page_path: str  # site-relative URL path, e.g. how-we-hire/ ('' for the home page)
    title: str
    description: str | None
    markdown: str
    is_homepage: bool = False
