"""HTTP for the notifiers: one httpx client with timeouts, and retries of transient failures (network errors,
5xx) with a growing pause. 4xx answers are returned at once: the channel decides whether to stop or report."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import httpx

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
RETRY_DELAYS = (2.0, 8.0)  # seconds before the 2nd and 3rd attempt


def http_client() -> httpx.Client:
    return httpx.Client(timeout=DEFAULT_TIMEOUT, headers={"User-Agent": "mkdocs-careers notify"})


def send_with_retries(send: Callable[[], httpx.Response], delays: Sequence[float] = RETRY_DELAYS,
                      sleep: Callable[[float], None] = time.sleep) -> httpx.Response | httpx.HTTPError:
    """The first answer that is not a server error, else the last failure (a 5xx response or the exception)."""
    outcome: httpx.Response | httpx.HTTPError
    for attempt in range(len(delays) + 1):
        if attempt:
            sleep(delays[attempt - 1])
        try:
            outcome = send()
        except httpx.HTTPError as exc:
            outcome = exc
            continue
        if outcome.status_code < 500:
            return outcome
    return outcome


def describe_failure(outcome: httpx.Response | httpx.HTTPError) -> str:
    if isinstance(outcome, httpx.Response):
        return f"HTTP {outcome.status_code}"
    return f"{type(outcome).__name__}: {outcome}"
