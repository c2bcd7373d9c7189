"""One module per applicant tracking system; each turns its public job board JSON into a `BoardRead`.

A provider is a `Provider`: a name, the public API's base URL, and `fetch(client, base_url, board, limits)`.
Adding a fourth ATS is one module here plus one line in `providers()`.

Reading degrades per job: the board's outer shape must be right (else `AtsFetchError`: nothing is synced), but
each job is validated and converted on its own, so a job with an unexpected field or value becomes a
`JobProblem` naming where in the JSON it is, and the other jobs still sync.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ...net.client import HttpClient, HttpError, HttpStatusError
from ..jobs import AtsJob, BoardRead, JobProblem

T = TypeVar("T", bound=BaseModel)
# A board name is a token in the API's URL path: letters, digits, dots, underscores, hyphens (no '/', no '..').
BOARD_NAME = re.compile(r"^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$")
DUPLICATE_JOB = "the board lists this job twice; the first is used"


class AtsFetchError(Exception):
    """The board could not be read; the message names the URL and what to do."""


class BoardNotFound(AtsFetchError):
    """The ATS answered 404: no such board."""


class BadValue(ValueError):
    """A value of a job that cannot be used (a date that does not exist, ...), with the field it is in."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Payload(BaseModel):
    """Base of the providers' response models: documented fields are checked, fields added later ignored."""

    model_config = ConfigDict(extra="ignore")


@dataclass(frozen=True)
class BoardLimits:
    """How much of a board one sync reads: more jobs than `max_jobs` is refused with a clear error."""

    max_jobs: int = 10_000
    max_pages: int = 1_000  # for paged APIs (Lever); an endless pagination stops here


@dataclass(frozen=True)
class Provider:
    name: str
    base_url: str  # the public API, e.g. https://boards-api.greenhouse.io; `--base-url` replaces it
    fetch: Callable[[HttpClient, str, str, BoardLimits], BoardRead]  # (client, base_url, board, limits)
    board_hint: str  # where to find the board name, for the 404 message


def get_board_json(client: HttpClient, url: str, params: Mapping[str, str] | None = None) -> Any:
    """The JSON at `url`; 404 is `BoardNotFound`, every other failure `AtsFetchError`."""
    try:
        return client.get_json(url, params)
    except HttpStatusError as exc:
        raise (BoardNotFound if exc.status == 404 else AtsFetchError)(str(exc)) from None
    except HttpError as exc:
        raise AtsFetchError(str(exc)) from None


def job_list(payload: Any, key: str | None, url: str) -> list[Any]:
    """The list of jobs in a board's answer (`payload[key]`, or the payload itself), or an `AtsFetchError`."""
    items = payload.get(key) if key is not None and isinstance(payload, dict) else payload
    if not isinstance(items, list):
        where = f"'{key}'" if key else "the answer"
        raise AtsFetchError(f"{url}: unexpected JSON shape: {where} is not a list of jobs")
    return items


def read_jobs(items: Iterable[tuple[int, Any]], model: type[T], convert: Callable[[T], AtsJob | None], *,
              provider: str, board: str, path: str, url_fields: tuple[str, ...],
              limits: BoardLimits, into: BoardRead | None = None) -> BoardRead:
    """Each raw job validated against `model` and converted on its own; `convert` returns None for a job the
    board does not publish (e.g. Ashby's unlisted jobs). A job that fails is a `JobProblem` located at
    `path[index].field`."""
    result = into or BoardRead()
    seen = {job.id for job in result.jobs}
    for index, raw in items:
        if len(result.jobs) + len(result.problems) >= limits.max_jobs:
            raise AtsFetchError(f"the {provider} board '{board}' lists more than {limits.max_jobs:,} jobs; a sync "
                                "reads at most that many (raise it with --max-jobs if the board really is that large)")
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        job_id = str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) and str(raw_id) else None
        urls = tuple(str(raw[name]) for name in url_fields if isinstance(raw, dict) and isinstance(raw.get(name), str))
        label = f"{provider}:{board}/{job_id}" if job_id else f"{provider}:{board} {path}[{index}]"
        try:
            job = convert(model.model_validate(raw))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(f"[{part}]" if isinstance(part, int) else str(part) for part in first["loc"])
            more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
            where = f"{path}[{index}]" + (f".{field}".replace(".[", "[") if field else "")
            result.problems.append(JobProblem(label, job_id, urls, where, f"{first['msg']}{more}"))
            continue
        except BadValue as exc:
            result.problems.append(JobProblem(label, job_id, urls, f"{path}[{index}].{exc.field}", str(exc)))
            continue
        except (ValueError, OverflowError) as exc:  # a number too large to convert, and the like
            result.problems.append(JobProblem(label, job_id, urls, f"{path}[{index}]", f"a value cannot be used ({exc})"))
            continue
        if job is not None and job.id in seen:
            result.problems.append(JobProblem(label, job_id, urls, f"{path}[{index}].id", DUPLICATE_JOB))
        elif job is not None:
            seen.add(job.id)
            result.jobs.append(job)
    return result


def iso_date(value: str | None, field: str) -> dt.date | None:
    """The date of an ISO 8601 timestamp such as `2026-11-02T09:00:00-05:00`; a malformed one is a `BadValue`."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except (ValueError, OverflowError):
        raise BadValue(field, f"'{value[:40]}' is not an ISO 8601 date and time") from None


def providers() -> dict[str, Provider]:
    from . import ashby, greenhouse, lever

    return {module.PROVIDER.name: module.PROVIDER for module in (greenhouse, lever, ashby)}
