"""Lint rules for content from untrusted or careless contributors: raw HTML, empty bodies, plain-http apply links.

Registered with the other rules when the lint package is imported (lint/__init__.py); listed by `careers rules`
and in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..content.diagnostics import Severity
from .rules import Finding, rule

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry


@rule("raw-html", "Raw HTML and script links in a body could run code on the page; each one the HTML policy "
      "removes is reported.", Severity.WARNING,
      "role", "person", "case_study")
def _raw_html(entry: Entry[Any], site: CareersSite) -> Iterator[Finding]:
    for removal in entry.source.html_removals:  # recorded by load_site before it neutralised the body
        yield Finding(("body",), f"the {removal.what} is removed from the published page",
                      "write it in Markdown (links [text](https://...), images ![alt](path), tables, "
                      "attr_list {: .class }); raw HTML is only published with allow_raw_html: true",
                      line=entry.source.body_line + removal.line)


@rule("empty-body", "The body is the role's, person's or story's own text; without it the page has an empty "
      "section.", Severity.WARNING, "role", "person", "case_study")
def _empty_body(entry: Entry[Any], site: CareersSite) -> Iterator[Finding]:
    if not entry.body.strip():
        yield Finding(("body",), "the page has no text after the frontmatter, so its section is left out",
                      "write a few paragraphs below the closing '---'", line=entry.source.body_line)


@rule("apply-https", "Candidates send personal data to the apply URL; over plain http it can be read and changed "
      "on the way.", Severity.WARNING, "role")
def _apply_https(entry: Entry[Any], site: CareersSite) -> Iterator[Finding]:
    url = entry.model.apply.url
    if url.casefold().startswith("http://"):
        yield Finding(("apply", "url"), "the apply URL uses plain http", f"use https://{url[len('http://'):]}")
