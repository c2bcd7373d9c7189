"""Names written where a slug belongs: `hiring_manager: Mei-Ling Chen` gets the hint `mei-ling-chen`.

`load_site` calls this once every file is loaded, when it knows which slugs exist.
"""

from __future__ import annotations

import dataclasses
import re

from slugify import slugify

from .diagnostics import Diagnostic

_NOT_A_SLUG = re.compile(r"^'(?P<value>.+)' is not a slug \(")
# Fields holding a slug, and the kind of file it names.
_SLUG_FIELDS = {"hiring_manager": "person", "leader": "person", "case_studies": "case_study"}


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
