"""Lever Postings API: `/v0/postings/{site}?mode=json`, read page by page with `skip` and `limit`.

Quirks handled: the title is `text`; `categories.allLocations` lists every location (free text) and
`country` is an ISO code or null; `workplaceType` is `on-site`, `remote`, `hybrid` or `unspecified`;
`salaryRange` is optional with an `interval` such as `per-year-salary`; `createdAt` is epoch milliseconds
and undocumented (optional); the description is `description` plus `lists` and `additional`.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from ..client import JsonClient
from ..jobs import AtsJob, AtsPay, AtsPlace
from . import Payload, Provider, parse_payload

PAGE_SIZE = 100


class _Categories(Payload):
    location: str | None = None
    commitment: str | None = None
    team: str | None = None
    department: str | None = None
    allLocations: list[str] | None = None


class _SalaryRange(Payload):
    currency: str
    interval: str | None = None
    min: float | None = None
    max: float | None = None


class _ListBlock(Payload):
    text: str = ""
    content: str = ""


class _Posting(Payload):
    id: str
    text: str
    hostedUrl: str
    applyUrl: str | None = None
    categories: _Categories = _Categories()
    country: str | None = None
    workplaceType: str | None = None
    salaryRange: _SalaryRange | None = None
    createdAt: int | None = None
    description: str | None = None
    lists: list[_ListBlock] = []
    additional: str | None = None


class _Page(Payload):
    postings: list[_Posting]


def fetch(client: JsonClient, base_url: str, board: str) -> list[AtsJob]:
    url = f"{base_url}/v0/postings/{board}"
    postings: list[_Posting] = []
    while True:
        payload = client.get_json(url, {"mode": "json", "skip": str(len(postings)), "limit": str(PAGE_SIZE)})
        page = parse_payload(_Page, {"postings": payload}, url).postings
        postings += page
        if len(page) < PAGE_SIZE:
            return [_to_job(posting, board) for posting in postings]


def _to_job(posting: _Posting, board: str) -> AtsJob:
    categories = posting.categories
    texts = categories.allLocations or ([categories.location] if categories.location else [])
    salary = posting.salaryRange
    workplace = posting.workplaceType if posting.workplaceType not in (None, "unspecified") else None
    return AtsJob(
        provider="lever", board=board, id=posting.id, title=posting.text.strip(),
        url=posting.applyUrl or posting.hostedUrl,
        department=(categories.department or categories.team or "").strip() or None,
        employment_type=categories.commitment,
        date_posted=(dt.datetime.fromtimestamp(posting.createdAt / 1000, dt.UTC).date()
                     if posting.createdAt else None),
        places=[AtsPlace(text=text.strip()) for text in texts if text.strip()],
        workplace=workplace,
        remote=workplace == "remote" if workplace else None,
        country_hint=posting.country,
        pay=[AtsPay(currency=salary.currency, minimum=salary.min, maximum=salary.max,
                    interval=salary.interval)] if salary else None,
        description_html=_description(posting),
    )


def _description(posting: _Posting) -> str | None:
    """The opening and body, each extra list under its own heading, then the closing text."""
    parts = [posting.description or ""]
    for block in posting.lists:
        parts.append(f"<h3>{escape(block.text)}</h3><ul>{block.content}</ul>")
    parts.append(posting.additional or "")
    joined = "".join(parts).strip()
    return joined or None


PROVIDER = Provider(name="lever", base_url="https://api.lever.co", fetch=fetch,
                    board_hint="the site name is the last part of jobs.lever.co/<site> "
                               "(EU accounts: --base-url https://api.eu.lever.co)")
