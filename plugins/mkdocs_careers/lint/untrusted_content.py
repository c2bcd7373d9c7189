"""Checks for content from untrusted or careless contributors: raw HTML, empty bodies, control characters in
bodies, plain-http apply links
(lint rules, registered when the lint package is imported and listed by `careers rules`), and local images
(the built-in `image` check, run by `lint_site`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..content.body_html import removal_message
from ..content.diagnostics import Diagnostic, Severity
from ..content.images import is_remote, local_image_problem
from ..content.text_hygiene import CONTROL_CHARACTER
from .rules import Finding, rule

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry


@rule("raw-html", "Raw HTML and script links in a body could run code on the page; each one the HTML policy "
      "removes is reported.", Severity.WARNING,
      "role", "person", "case_study")
def _raw_html(entry: Entry[Any], site: CareersSite) -> Iterator[Finding]:
    for removal in entry.source.html_removals:  # recorded by load_site before it neutralised the body
        message, hint = removal_message(removal)
        yield Finding(("body",), message, hint, line=entry.source.body_line + removal.line)


@rule("empty-body", "The body is the role's, person's or story's own text; without it the page has an empty "
      "section.", Severity.WARNING, "role", "person", "case_study")
def _empty_body(entry: Entry[Any], site: CareersSite) -> Iterator[Finding]:
    if not entry.body.strip():
        yield Finding(("body",), "the page has no text after the frontmatter, so its section is left out",
                      "write a few paragraphs below the closing '---'", line=entry.source.body_line)


@rule("body-control-character", "Control characters are invisible in an editor and invalid in HTML and XML "
      "(the job-board feeds); they usually come from text pasted from a PDF.", Severity.ERROR,
      "role", "person", "case_study")
def _body_control_character(entry: Entry[Any], site: CareersSite) -> Iterator[Finding]:
    body = entry.body
    reported_line = -1
    for found in CONTROL_CHARACTER.finditer(body):
        line = body.count("\n", 0, found.start())
        if line == reported_line:
            continue  # one finding per line
        reported_line = line
        column = found.start() - (body.rfind("\n", 0, found.start()) + 1) + 1
        yield Finding(("body",), f"contains the invisible control character U+{ord(found.group()):04X} at "
                      f"character {column} of the line", "delete it; it often comes from text pasted from a PDF",
                      line=entry.source.body_line + line)


@rule("apply-https", "Candidates send personal data to the apply URL; over plain http it can be read and changed "
      "on the way.", Severity.WARNING, "role")
def _apply_https(entry: Entry[Any], site: CareersSite) -> Iterator[Finding]:
    url = entry.model.apply.url
    if url.casefold().startswith("http://"):
        yield Finding(("apply", "url"), "the apply URL uses plain http", f"use https://{url[len('http://'):]}")


def image_problems(site: CareersSite) -> list[Diagnostic]:
    """A person's local `image` and the organization's logo must be image files inside docs_dir (never a link
    out of the project)."""
    settings = site.settings
    problems = []
    for entry in site.people.values():
        image = entry.model.image
        if image is None or is_remote(image):
            continue
        found = local_image_problem(image, settings.assets_dir, settings.project_root,
                                    allow_symlinks=settings.safety.allow_symlinks)
        if found is not None:
            message, hint = found
            problems.append(Diagnostic(entry.source.display_path, entry.source.line_of(("image",)), "image",
                                       message, hint, rule="image"))
    logo = settings.organization.logo
    if logo is not None and not is_remote(logo):
        found = local_image_problem(logo, settings.assets_dir, settings.project_root,
                                    allow_symlinks=settings.safety.allow_symlinks)
        if found is not None:
            problems.append(Diagnostic("mkdocs.yml", 1, "organization.logo", found[0], found[1], rule="image"))
    return problems
