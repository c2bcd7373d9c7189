"""Greenhouse Job Board API: the whole board in one request, `/v1/boards/{board}/jobs?content=true&pay_transparency=true`.

Quirks handled: `content` is HTML with its entities escaped (unescaped here, sanitised later); there is no
remote flag (the location text says "Remote"); no employment type except as a custom field in `metadata`;
pay (`pay_input_ranges`, with `pay_transparency=true`) is in cents, possibly several ranges, and carries no
interval: the unit is read from each range's title and blurb (ats/mapping.py); offices form a tree (parents
such as "East Coast" are regions, the leaves are the real offices); `first_published` is the posting date.
"""

from __future__ import annotations

import html
from typing import Any

from ...net.client import HttpClient
from ..jobs import AtsJob, AtsPay, AtsPlace, BoardRead
from . import BoardLimits, Payload, Provider, get_board_json, iso_date, job_list, read_jobs


class _Named(Payload):
    name: str | None = None


class _Department(Payload):
    id: int
    name: str
    parent_id: int | None = None


class _Office(Payload):
    id: int
    name: str
    location: str | None = None
    parent_id: int | None = None


class _Metadata(Payload):
    name: str | None = None
    value: Any = None


class _PayRange(Payload):
    min_cents: int | None = None
    max_cents: int | None = None
    currency_type: str
    title: str | None = None
    blurb: str | None = None


class _Job(Payload):
    id: int
    title: str
    absolute_url: str
    updated_at: str | None = None
    first_published: str | None = None
    location: _Named | None = None
    content: str | None = None
    departments: list[_Department] = []
    offices: list[_Office] = []
    metadata: list[_Metadata] | None = None
    pay_input_ranges: list[_PayRange] | None = None


def fetch(client: HttpClient, base_url: str, board: str, limits: BoardLimits) -> BoardRead:
    url = f"{base_url}/v1/boards/{board}/jobs"
    items = job_list(get_board_json(client, url, {"content": "true", "pay_transparency": "true"}), "jobs", url)
    return read_jobs(enumerate(items), _Job, lambda job: _to_job(job, board), provider="greenhouse", board=board,
                     path="jobs", url_fields=("absolute_url",), limits=limits)


def _to_job(job: _Job, board: str) -> AtsJob:
    return AtsJob(
        provider="greenhouse", board=board, id=str(job.id), title=job.title.strip(), url=job.absolute_url,
        department=_leaf_department(job.departments),
        employment_type=_metadata_value(job.metadata, "employment type", "employment_type", "job type"),
        date_posted=iso_date(job.first_published, "first_published"),
        places=_places(job),
        pay=[AtsPay(currency=r.currency_type, minimum=_units(r.min_cents), maximum=_units(r.max_cents),
                    interval=None, label=(r.title or "").strip() or None, blurb=r.blurb)
             for r in job.pay_input_ranges or []] or None,
        description_html=_unescape(job.content) if job.content else None,
    )


def _unescape(content: str) -> str:
    """Greenhouse escapes the HTML's own entities once more (`&lt;p&gt;`); undo exactly that layer."""
    text = html.unescape(content)
    if "<" not in text and "&lt;" in text:  # escaped twice, as in Greenhouse's own documentation examples
        text = html.unescape(text)
    return text


def _units(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


def _leaf_department(departments: list[_Department]) -> str | None:
    parents = {d.parent_id for d in departments}
    leaves = [d for d in departments if d.id not in parents]
    return leaves[0].name.strip() if leaves else None


def _places(job: _Job) -> list[AtsPlace]:
    """The leaf offices (each office's own `location` text if it has one), else the job's location name."""
    parents = {office.parent_id for office in job.offices}
    leaves = [office for office in job.offices if office.id not in parents]
    places = [AtsPlace(text=(office.location or office.name).strip()) for office in leaves]
    location = (job.location.name or "").strip() if job.location else ""
    if location and (not places or "remote" in location.casefold()):
        places.insert(0, AtsPlace(text=location))  # "Remote - US" lives in the location name, not in offices
    return places


def _metadata_value(metadata: list[_Metadata] | None, *names: str) -> str | None:
    for item in metadata or []:
        if (item.name or "").strip().casefold() in names and isinstance(item.value, str) and item.value.strip():
            return item.value.strip()
    return None


PROVIDER = Provider(name="greenhouse", base_url="https://boards-api.greenhouse.io", fetch=fetch,
                    board_hint="the board token is the last part of boards.greenhouse.io/<token>")
