"""Per-page readiness: errors, warnings and the JobPosting properties a role's markup will lack.

`careers check` ends with this summary. The missing properties are read off the JobPosting
builder's own output (properties it leaves empty), so there is no second list to keep in sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..content.diagnostics import Severity
from ..content.models import Role, Workplace
from ..content.site import CareersSite, Entry
from ..jsonld.job_posting import job_posting_node
from ..jsonld.serialize import compact

# Properties that only apply to one kind of workplace: not "missing" for the other.
_ONLY_REMOTE = frozenset({"jobLocationType", "applicantLocationRequirements"})
_ONLY_WITH_OFFICE = frozenset({"jobLocation"})


@dataclass
class PageReadiness:
    path: str
    kind: str = ""
    url: str = ""
    status: str = "invalid"  # open, closed, published, draft, invalid (did not validate) or not published
    errors: int = 0
    warnings: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return self.errors == 0 and self.status != "invalid"

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "url": self.url, "status": self.status,
                "errors": self.errors, "warnings": self.warnings, "missing_job_posting_properties": self.missing}


def missing_job_posting_properties(entry: Entry[Role], site: CareersSite) -> list[str]:
    """JobPosting properties the builder leaves empty for this role, in the builder's order."""
    page_url = site.url(entry.page_path)
    node = job_posting_node(entry, site, page_url, description_html="(page text)")
    present = compact(node)
    remote = entry.model.workplace is Workplace.REMOTE
    not_applicable = _ONLY_WITH_OFFICE if remote else _ONLY_REMOTE
    return [name for name in node if name not in present and name not in not_applicable]


def page_readiness(site: CareersSite, paths: set[str] | None = None) -> list[PageReadiness]:
    """One row per content file (or per file in `paths`), valid or not, sorted by path."""
    pages: dict[str, PageReadiness] = {}
    for entry in site.entries():
        row = PageReadiness(entry.source.display_path, entry.kind.name, site.url(entry.page_path), "published")
        if isinstance(entry.model, Role):
            row.status = "open" if site.role_status(entry.model).is_open else "closed"
            if row.status == "open":
                row.missing = missing_job_posting_properties(entry, site)
        pages[row.path] = row
    for problem in site.diagnostics:
        row = pages.setdefault(problem.path, PageReadiness(problem.path))
        if problem.severity is Severity.ERROR:
            row.errors += 1
        else:
            row.warnings += 1
    for problem in site.draft_diagnostics:  # drafts are listed too, but never published
        row = pages.setdefault(problem.path, PageReadiness(problem.path, "role", status="draft"))
        row.errors += problem.severity is Severity.ERROR
        row.warnings += problem.severity is not Severity.ERROR
    for entry in site.drafts.values():
        pages.setdefault(entry.source.display_path, PageReadiness(entry.source.display_path, "role", status="draft"))
    for row in pages.values():
        if not row.kind:  # no page: the file did not validate, or is not Markdown at all
            row.status = "invalid" if row.errors else "not published"
    return [row for path, row in sorted(pages.items()) if paths is None or path in paths]
