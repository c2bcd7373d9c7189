"""How `careers check` lists draft roles: each draft and its open problems, which never fail the check.

Drafts (`draft: true`, e.g. new roles from `careers import`) are validated like every role, but kept out of
the site; their problems are shown so an editor knows what is left before setting `draft: false`.
"""

from __future__ import annotations

from typing import Any

from ..content.site import CareersSite


def draft_paths(site: CareersSite) -> list[str]:
    """Every draft's file, valid or not (a draft with errors has no model but still has problems)."""
    paths = {entry.source.display_path for entry in site.drafts.values()}
    paths |= {problem.path for problem in site.draft_diagnostics}
    return sorted(paths)


def draft_lines(site: CareersSite) -> list[str]:
    paths = draft_paths(site)
    if not paths:
        return []
    lines = ["", f"Drafts (not published; their problems do not fail the check): {len(paths)}"]
    for path in paths:
        problems = [p for p in site.draft_diagnostics if p.path == path]
        lines.append(f"  {path}: {len(problems)} problem{'s' * (len(problems) != 1)} left")
        lines += [f"    {problem.format()} [{problem.severity.value} {problem.rule}]" for problem in problems]
    return lines


def drafts_json(site: CareersSite) -> list[dict[str, Any]]:
    return [{"path": path, "problems": [
        {"line": d.line, "field": d.field, "message": d.message, "hint": d.hint, "severity": d.severity.value,
         "rule": d.rule} for d in site.draft_diagnostics if d.path == path]} for path in draft_paths(site)]
