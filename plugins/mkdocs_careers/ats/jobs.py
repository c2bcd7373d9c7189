"""The common shape of one published ATS job, whatever the provider: what a provider module returns.

`BoardRead` is a whole board: the jobs, and a `JobProblem` for each job that could not be read (the others still
sync). Every fact is optional: `None` means "this ATS does not publish it" (the import then leaves the role's
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
    postal_code: str | None = None
    street: str | None = None


@dataclass(frozen=True)
class AtsPay:
    """One pay range in whole currency units (providers convert cents); `interval` is the ATS's own word."""

    currency: str
    minimum: float | None
    maximum: float | None
    interval: str | None  # e.g. "per-year-salary" (Lever), "1 YEAR" (Ashby), None (Greenhouse: no interval)
    label: str | None = None
    blurb: str | None = None  # the ATS's text beside the range (Greenhouse), read for its unit


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

    other_urls: tuple[str, ...] = ()  # further URLs of the same job an editor may have pasted (Lever's hosted page)

    @property
    def label(self) -> str:
        """How messages name the job: provider, board and id, e.g. `greenhouse:acme/4012`."""
        return f"{self.provider}:{self.board}/{self.id}"


@dataclass(frozen=True)
class JobProblem:
    """A published job the import could not read: it is skipped, and its role (if any) is left as it is."""

    label: str  # e.g. `greenhouse:acme/4012`, or `greenhouse:acme jobs[3]` when the id cannot be read
    id: str | None
    urls: tuple[str, ...]  # the job's URLs when readable, to find a role adopted by its apply URL
    where: str  # the place in the ATS's JSON, e.g. `jobs[3].pay_input_ranges[0].currency_type`
    message: str


@dataclass
class BoardRead:
    """What one read of a board gave: the jobs it could read and the ones it could not."""

    jobs: list[AtsJob] = field(default_factory=list)
    problems: list[JobProblem] = field(default_factory=list)
