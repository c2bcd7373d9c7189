"""Checks that need the whole site: local images exist inside docs_dir, and names written where a slug belongs.

Kept out of site.py (the graph) so the graph stays a plain index of validated files; `load_site` calls these
after every file is loaded.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from slugify import slugify

from .diagnostics import Diagnostic
from .images import is_remote, local_image_problem

if TYPE_CHECKING:
    from .site import CareersSite

_NOT_A_SLUG = re.compile(r"^'(?P<value>.+)' is not a slug \(")
# Fields holding a slug, and the kind of file it names.
_SLUG_FIELDS = {"hiring_manager": "person", "leader": "person", "case_studies": "case_study"}


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


def with_slug_suggestions(diagnostics: list[Diagnostic], present: dict[str, set[str]]) -> list[Diagnostic]:
    """`hiring_manager: Mei-Ling Chen` is a name, not a slug: suggest `mei-ling-chen` when that file exists."""
    improved = []
    for problem in diagnostics:
        match = _NOT_A_SLUG.match(problem.message)
        kind = _SLUG_FIELDS.get(re.sub(r"\[\d+\]$", "", problem.field))
        if match and kind is not None:
            candidate = slugify(match.group("value"))
            if candidate in present[kind]:
                problem = dataclasses.replace(problem, hint=f"did you mean '{candidate}'? (the file name without "
                                                            ".md, not the name shown on the page)")
        improved.append(problem)
    return improved
