"""HTTP for `careers import`: JSON GETs with timeouts, retries with backoff, and errors a person can act on.

Retried: HTTP 429 and 5xx, timeouts and dropped connections, honouring `Retry-After` (capped). Not retried:
404 (an unknown board: `BoardNotFound`) and other 4xx. A body that is not JSON is `AtsFetchError` too.
Nothing here writes files; the caller fetches everything first, so a failed fetch changes nothing.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_SECONDS = 30.0


class AtsFetchError(Exception):
    """The board could not be read completely; the message names the URL and what to do."""


class BoardNotFound(AtsFetchError):
    """The ATS answered 404: no such board (or job)."""


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0  # seconds, for connecting and for each read
    retries: int = 3  # extra attempts after the first
    backoff: float = 1.0  # seconds before the first retry; doubles each time


class JsonClient:
    """GETs JSON from one ATS; `sleep` is injectable so tests can count the waits."""

    def __init__(self, policy: FetchPolicy | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 user_agent: str = "mkdocs-careers ATS import") -> None:
        self.policy = policy or FetchPolicy()
        self.sleep = sleep
        self.requests = 0
        self._http = httpx.Client(timeout=self.policy.timeout, follow_redirects=True,
                                  headers={"User-Agent": user_agent, "Accept": "application/json"})

    def __enter__(self) -> JsonClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()

    def get_json(self, url: str, params: dict[str, str] | None = None) -> Any:
        last_problem = ""
        for attempt in range(self.policy.retries + 1):
            if attempt:
                self.sleep(self._delay(attempt))
            self.requests += 1
            try:
                response = self._http.get(url, params=params)
            except httpx.TimeoutException:
                last_problem = f"timed out after {self.policy.timeout:g} s"
                continue
            except httpx.TransportError as exc:
                last_problem = f"connection failed ({exc.__class__.__name__}: {exc})"
                continue
            shown = str(response.request.url)
            if response.status_code == 404:
                raise BoardNotFound(f"{shown}: HTTP 404 not found")
            if response.status_code in RETRIED_STATUSES:
                last_problem = f"HTTP {response.status_code}"
                self._retry_after = _retry_after(response)
                continue
            if response.status_code >= 400:
                raise AtsFetchError(f"{shown}: HTTP {response.status_code} {response.reason_phrase}")
            try:
                return json.loads(response.content)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise AtsFetchError(f"{shown}: the response is not valid JSON ({exc})") from None
        full = httpx.URL(url, params=params) if params else httpx.URL(url)
        raise AtsFetchError(f"{full}: {last_problem} (gave up after {self.policy.retries + 1} attempts)")

    _retry_after: float | None = None  # the last 429/503's Retry-After, used once

    def _delay(self, attempt: int) -> float:
        delay = float(self.policy.backoff * 2 ** (attempt - 1))
        if self._retry_after is not None:
            delay, self._retry_after = max(delay, min(self._retry_after, MAX_RETRY_AFTER_SECONDS)), None
        return delay


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    try:
        return float(value) if value else None
    except ValueError:
        return None  # an HTTP date: the exponential backoff is used instead
