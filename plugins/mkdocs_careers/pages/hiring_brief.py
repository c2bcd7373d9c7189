"""The copyable hiring brief: a role's essentials as plain text a recruiter can paste into any tool.

Plain text on purpose (no Markdown or HTML), built from the same model and labels as the page, so the
brief, the posting and the JSON-LD never disagree. The page renders it server-side; the copy button only
copies the text that is already there.
"""

from __future__ import annotations

from ..content.models import Role
from . import labels as formatting


def hiring_brief_text(role: Role, *, organization: str, page_url: str) -> str:
    facts = [formatting.location_label(role), formatting.workplace_label(role.workplace), formatting.employment_label(role.employment_type),
             formatting.salary_label(role.salary)]
    lines = [
        f"Role: {role.title} at {organization}",
        " · ".join(f for f in facts if f),
        f"Apply by: {formatting.closing_label(role)}",
        f"Role page: {page_url}",
        "",
        "Outcomes in the first 90 days:",
        *_bullets(role.outcomes.day_90),
        "",
        "Must-haves:",
        *_bullets(role.must_haves),
    ]
    if role.nice_to_haves:
        lines += ["", "Nice-to-haves:", *_bullets(role.nice_to_haves)]
    return "\n".join(lines)


def _bullets(items: list[str]) -> list[str]:
    # Frontmatter folded text may contain line breaks; a brief line is one item.
    return [f"- {' '.join(item.split())}" for item in items]
