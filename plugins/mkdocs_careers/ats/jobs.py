"""The common shape of one published ATS job, whatever the provider: what a provider module returns.

Every fact is optional: `None` means "this ATS does not publish it" (the import then leaves the role's
field as it is), which differs from an empty list ("published, and there are none").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AtsPlace:
    """A place as the ATS gives it: free text ("San Francisco, CA", "Remote - US"), or structured parts."""

    text: str
    city: str | None = None
    region: str | None = None
    country: str | None = None  # a name or an ISO code, as the ATS wrote it


@dataclass(frozen=True)
class AtsPay:
    """One pay range in whole currency units (providers convert cents); `interval` is the ATS's own word."""

    currency: str
    minimum: float | None
    maximum: float | None
    interval: str | None  # e.g. "per-year-salary" (Lever), "1 YEAR" (Ashby), None (Greenhouse: no interval)
    label: str | None = None


@dataclass(frozen=True)
class AtsJob:
    provider: str
    board: str
    id: str
    title: str
    url: str  # where candidates apply (or the hosted posting page)
    department: str | None = None
    employment_type: str | None = None  # the ATS's own word, e.g. "Full-time", "FullTime"
    date_posted: dt.date | None = None
    places: list[AtsPlace] = field(default_factory=list)
    workplace: str | None = None  # the ATS's own word ("on-site", "Remote", ...) when it has one
    remote: bool | None = None  # an explicit remote flag, when the ATS has one
    country_hint: str | None = None  # an ISO code the ATS attaches to the job (Lever `country`)
    pay: list[AtsPay] | None = None
    description_html: str | None = None

    @property
    def label(self) -> str:
        """How messages name the job: provider, board and id, e.g. `greenhouse:acme/4012`."""
        return f"{self.provider}:{self.board}/{self.id}"
