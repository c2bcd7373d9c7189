"""Ashby posting API: `/posting-api/job-board/{board}?includeCompensation=true`, the whole board at once.

Quirks handled: no paging; unlisted jobs (`isListed: false`) are skipped; the primary address is nested
(`address.postalAddress{addressLocality, ...}`) while a secondary location's is flat (`secondaryLocations[].
address{addressLocality, ...}`, as Ashby documents it; the nested form is read too), and older boards give
secondary locations as plain strings; countries may be names or ISO codes ("USA"); `isRemote` and
`workplaceType` flag remote work; pay comes as compensation tiers whose `Salary` components carry an interval
such as `1 YEAR` (equity, bonus and commission components are not base pay and are left to the editor); a
component with a minimum and no maximum ("CA$180K+") is open-ended, which the mapping refuses rather than clips.
"""

from __future__ import annotations

from ...net.client import HttpClient
from ..jobs import AtsJob, AtsPay, AtsPlace, BoardRead
from . import BoardLimits, Payload, Provider, get_board_json, iso_date, job_list, read_jobs

BASE_PAY_TYPES = frozenset({"salary", "hourly"})


class _PostalAddress(Payload):
    addressLocality: str | None = None
    addressRegion: str | None = None
    addressCountry: str | None = None
    postalCode: str | None = None
    streetAddress: str | None = None


class _Address(_PostalAddress):
    """Either form: `{postalAddress: {...}}` (the job's own address) or the parts themselves (secondary ones)."""

    postalAddress: _PostalAddress | None = None

    @property
    def parts(self) -> _PostalAddress:
        return self.postalAddress or self


class _SecondaryLocation(Payload):
    location: str | None = None
    address: _Address | None = None


class _Component(Payload):
    compensationType: str
    interval: str | None = None
    currencyCode: str | None = None
    minValue: float | None = None
    maxValue: float | None = None
    summary: str | None = None


class _Tier(Payload):
    title: str | None = None
    tierSummary: str | None = None
    components: list[_Component] = []


class _Compensation(Payload):
    compensationTiers: list[_Tier] = []


class _Job(Payload):
    id: str
    title: str
    jobUrl: str
    applyUrl: str | None = None
    department: str | None = None
    team: str | None = None
    employmentType: str | None = None
    location: str | None = None
    secondaryLocations: list[_SecondaryLocation | str] = []
    address: _Address | None = None
    isRemote: bool | None = None
    workplaceType: str | None = None
    publishedAt: str | None = None
    isListed: bool = True
    descriptionHtml: str | None = None
    shouldDisplayCompensationOnJobPostings: bool | None = None
    compensation: _Compensation | None = None


def fetch(client: HttpClient, base_url: str, board: str, limits: BoardLimits) -> BoardRead:
    url = f"{base_url}/posting-api/job-board/{board}"
    items = job_list(get_board_json(client, url, {"includeCompensation": "true"}), "jobs", url)
    return read_jobs(enumerate(items), _Job, lambda job: _to_job(job, board), provider="ashby", board=board,
                     path="jobs", url_fields=("applyUrl", "jobUrl"), limits=limits)


def _to_job(job: _Job, board: str) -> AtsJob | None:
    if not job.isListed:
        return None
    return AtsJob(
        provider="ashby", board=board, id=job.id, title=job.title.strip(), url=job.applyUrl or job.jobUrl,
        department=(job.department or job.team or "").strip() or None,
        employment_type=job.employmentType,
        other_urls=(job.jobUrl,) if job.applyUrl and job.applyUrl != job.jobUrl else (),
        date_posted=iso_date(job.publishedAt, "publishedAt"),
        places=_places(job),
        workplace=job.workplaceType,
        remote=job.isRemote,
        country_hint=job.address.parts.addressCountry if job.address else None,
        pay=_pay(job),
        description_html=job.descriptionHtml,
    )


def _place(text: str | None, address: _Address | None) -> AtsPlace | None:
    parts = address.parts if address else _PostalAddress()
    city, region, country = (_clean(parts.addressLocality), _clean(parts.addressRegion),
                             _clean(parts.addressCountry))
    shown = (text or "").strip() or ", ".join(part for part in (city, region, country) if part)
    return AtsPlace(text=shown, city=city, region=region, country=country, postal_code=_clean(parts.postalCode),
                    street=_clean(parts.streetAddress)) if shown else None


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


def _places(job: _Job) -> list[AtsPlace]:
    found = [_place(job.location, job.address)]
    found += [_place(extra, None) if isinstance(extra, str) else _place(extra.location, extra.address)
              for extra in job.secondaryLocations]
    return [place for place in found if place is not None]


def _pay(job: _Job) -> list[AtsPay] | None:
    if job.compensation is None or job.shouldDisplayCompensationOnJobPostings is False:
        return None
    ranges = []
    for tier in job.compensation.compensationTiers:
        for component in tier.components:
            if component.compensationType.casefold() not in BASE_PAY_TYPES or not component.currencyCode:
                continue
            ranges.append(AtsPay(currency=component.currencyCode, minimum=component.minValue,
                                 maximum=component.maxValue, interval=component.interval,
                                 label=tier.title))
    return ranges or None


PROVIDER = Provider(name="ashby", base_url="https://api.ashbyhq.com", fetch=fetch,
                    board_hint="the board name is the last part of jobs.ashbyhq.com/<board>")
