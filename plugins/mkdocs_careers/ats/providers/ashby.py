"""Ashby posting API: `/posting-api/job-board/{board}?includeCompensation=true`, the whole board at once.

Quirks handled: no paging; unlisted jobs (`isListed: false`) are skipped; the primary address is structured
(`address.postalAddress`) while secondary locations may only have a name; `isRemote` and `workplaceType`
flag remote work; pay comes as compensation tiers whose `Salary` components carry an interval such as
`1 YEAR` (equity, bonus and commission components are not base pay and are left to the editor).
"""

from __future__ import annotations

import datetime as dt

from ..client import JsonClient
from ..jobs import AtsJob, AtsPay, AtsPlace
from . import Payload, Provider, parse_payload

BASE_PAY_TYPES = frozenset({"salary", "hourly"})


class _PostalAddress(Payload):
    addressLocality: str | None = None
    addressRegion: str | None = None
    addressCountry: str | None = None


class _Address(Payload):
    postalAddress: _PostalAddress | None = None


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
    secondaryLocations: list[_SecondaryLocation] = []
    address: _Address | None = None
    isRemote: bool | None = None
    workplaceType: str | None = None
    publishedAt: str | None = None
    isListed: bool = True
    descriptionHtml: str | None = None
    shouldDisplayCompensationOnJobPostings: bool | None = None
    compensation: _Compensation | None = None


class _Board(Payload):
    jobs: list[_Job]


def fetch(client: JsonClient, base_url: str, board: str) -> list[AtsJob]:
    url = f"{base_url}/posting-api/job-board/{board}"
    payload = parse_payload(_Board, client.get_json(url, {"includeCompensation": "true"}), url)
    return [_to_job(job, board) for job in payload.jobs if job.isListed]


def _to_job(job: _Job, board: str) -> AtsJob:
    return AtsJob(
        provider="ashby", board=board, id=job.id, title=job.title.strip(), url=job.applyUrl or job.jobUrl,
        department=(job.department or job.team or "").strip() or None,
        employment_type=job.employmentType,
        date_posted=dt.datetime.fromisoformat(job.publishedAt).date() if job.publishedAt else None,
        places=_places(job),
        workplace=job.workplaceType,
        remote=job.isRemote,
        country_hint=job.address.postalAddress.addressCountry if job.address and job.address.postalAddress else None,
        pay=_pay(job),
        description_html=job.descriptionHtml,
    )


def _place(text: str | None, address: _Address | None) -> AtsPlace | None:
    postal = address.postalAddress if address else None
    city, region, country = ((postal.addressLocality, postal.addressRegion, postal.addressCountry)
                             if postal else (None, None, None))
    shown = (text or "").strip() or ", ".join(part for part in (city, region, country) if part)
    return AtsPlace(text=shown, city=city, region=region, country=country) if shown else None


def _places(job: _Job) -> list[AtsPlace]:
    found = [_place(job.location, job.address)]
    found += [_place(extra.location, extra.address) for extra in job.secondaryLocations]
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
