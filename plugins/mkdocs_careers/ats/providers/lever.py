"""Lever Postings API: `/v0/postings/{site}?mode=json`, read page by page with `skip` and `limit`.

Quirks handled: the title is `text`; `categories.allLocations` lists every location (free text) and
`country` is an ISO code or null; `workplaceType` is `on-site`, `remote`, `hybrid` or `unspecified`;
`salaryRange` is optional with an `interval` such as `per-year-salary` (a range without a currency is reported
and its pay left alone); the description is `description` plus `lists` and `additional`. Lever publishes no
publication date (`createdAt`, undocumented, is when the posting was created, not published), so a new role is
dated the day of its import. Editors paste either `hostedUrl` or `applyUrl`: both match an existing role.
A page that repeats jobs already read ends the paging, and at most `BoardLimits.max_pages` pages are read.
"""

from __future__ import annotations

from html import escape

from ...net.client import HttpClient
from ..jobs import AtsJob, AtsPay, AtsPlace, BoardRead
from . import DUPLICATE_JOB, AtsFetchError, BoardLimits, Payload, Provider, get_board_json, job_list, read_jobs

PAGE_SIZE = 100


class _Categories(Payload):
    location: str | None = None
    commitment: str | None = None
    team: str | None = None
    department: str | None = None
    allLocations: list[str] | None = None


class _SalaryRange(Payload):
    currency: str | None = None
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
    description: str | None = None
    lists: list[_ListBlock] = []
    additional: str | None = None


def fetch(client: HttpClient, base_url: str, board: str, limits: BoardLimits) -> BoardRead:
    url = f"{base_url}/v0/postings/{board}"
    result, offset = BoardRead(), 0
    pages = min(limits.max_pages, limits.max_jobs // PAGE_SIZE + 2)  # past max_jobs, read_jobs refuses the board
    for _ in range(pages):
        page = job_list(get_board_json(client, url, {"mode": "json", "skip": str(offset), "limit": str(PAGE_SIZE)}),
                        None, url)
        jobs_before, problems_before = len(result.jobs), len(result.problems)
        read_jobs(enumerate(page, start=offset), _Posting, lambda posting: _to_job(posting, board),
                  provider="lever", board=board, path="postings", url_fields=("hostedUrl", "applyUrl"),
                  limits=limits, into=result)
        offset += len(page)
        if len(page) < PAGE_SIZE:
            return result
        fresh = len(result.jobs) - jobs_before + sum(
            problem.message != DUPLICATE_JOB for problem in result.problems[problems_before:])
        if not fresh:
            break  # a full page of jobs already read: the board repeats itself
    raise AtsFetchError(f"{url}: the board did not end after {offset:,} postings in {pages} pages "
                        "(a board that repeats itself, or larger than a sync reads)")


def _to_job(posting: _Posting, board: str) -> AtsJob:
    categories = posting.categories
    texts = categories.allLocations or ([categories.location] if categories.location else [])
    salary = posting.salaryRange
    workplace = posting.workplaceType if posting.workplaceType not in (None, "unspecified") else None
    return AtsJob(
        provider="lever", board=board, id=posting.id, title=posting.text.strip(),
        url=posting.applyUrl or posting.hostedUrl,
        other_urls=(posting.hostedUrl,) if posting.applyUrl and posting.applyUrl != posting.hostedUrl else (),
        department=(categories.department or categories.team or "").strip() or None,
        employment_type=categories.commitment,
        places=[AtsPlace(text=text.strip()) for text in texts if text.strip()],
        workplace=workplace,
        remote=workplace == "remote" if workplace else None,
        country_hint=posting.country,
        pay=[AtsPay(currency=salary.currency or "", minimum=salary.min, maximum=salary.max,
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
