"""One HTTP client for every remote call of `careers`: ATS job boards, IndexNow, Google's token endpoint and
Indexing API, and the live site's build manifest.

One retry policy for all of them: HTTP 429 and 5xx, timeouts and dropped connections are retried with
exponential backoff (`backoff`, doubling, each wait capped at `max_wait`); a `Retry-After` header (seconds or an
HTTP date) is honoured when it asks for longer, and when it asks for more than `max_wait` the answer is returned
at once (waiting that long is the next run's job). Other 4xx answers are returned at once: the caller decides.

Bounds on what a remote server can make us read (`Limits`): every read waits at most `timeout` and a whole
response, from the request to its last byte, at most `deadline` (a body sent a byte at a time is cut off); a body
is read up to `max_bytes` and the bodies of one client together up to `max_total_bytes`; redirects are followed
only on the same host (http → https allowed), at most `max_redirects` and never in a loop; JSON is parsed up to
`max_depth` levels of nesting. Each breach is an `HttpError` naming the URL, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class HttpError(Exception):
    """A request could not be completed (or its answer not read); the message names the URL and why."""


class ResponseRefused(HttpError):
    """The answer breaks a bound (too large, too slow, too deep, redirected elsewhere): retrying cannot help."""


class HttpStatusError(HttpError):
    """A JSON GET answered with an error status (after the retries, for the retried ones)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 3  # extra attempts after the first
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_wait: float = 30.0  # no single wait is longer; a Retry-After asking for more is not waited for

    def wait(self, retry: int, retry_after: float | None) -> float | None:
        """Seconds to wait before retry number `retry` (1-based); None when the server asks for too long."""
        delay = min(self.backoff * float(2 ** (retry - 1)), self.max_wait)
        if retry_after is None:
            return delay
        return float(max(delay, retry_after)) if retry_after <= self.max_wait else None


@dataclass(frozen=True)
class Limits:
    timeout: float = 20.0  # seconds, for connecting and for each read
    deadline: float = 120.0  # seconds for one whole response, headers to last byte
    max_bytes: int = 64 * 1024 * 1024  # one body
    max_total_bytes: int = 512 * 1024 * 1024  # every body one client reads
    max_redirects: int = 5
    max_depth: int = 64  # nesting levels of a JSON answer


@dataclass(frozen=True)
class Reply:
    """A complete answer: the final URL (after same-host redirects), status, headers and the whole body."""

    url: str
    status: int
    reason: str
    headers: httpx.Headers
    content: bytes
    max_depth: int = Limits.max_depth

    @property
    def text(self) -> str:
        return self.content.decode(_charset(self.headers) or "utf-8", "replace")

    def json(self) -> Any:
        return parse_json(self.content, self.url, self.max_depth)


def pause(seconds: float) -> None:
    """The wait between attempts (looked up at each wait, so a test can replace it and count the waits)."""
    time.sleep(seconds)


class _Transient(Exception):
    """A failure worth retrying: a timeout or a dropped connection."""


@dataclass
class HttpClient:
    """`send` for any request, `get_json` for the JSON GETs; `sleep` (default: `pause`) waits between attempts."""

    user_agent: str = "mkdocs-careers"
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    limits: Limits = field(default_factory=Limits)
    sleep: Callable[[float], None] | None = None
    clock: Callable[[], float] = time.monotonic
    requests: int = 0
    bytes_read: int = 0
    waits: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._http = httpx.Client(timeout=self.limits.timeout, follow_redirects=False,
                                  headers={"User-Agent": self.user_agent})

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def send(self, method: str, url: str, *, params: Mapping[str, str] | None = None,
             headers: Mapping[str, str] | None = None, content: bytes | None = None, json_body: Any = None,
             timeout: float | None = None) -> Reply:
        """The answer after the retries: the first one not retried, or the last retried one (429, 5xx) when the
        retries are used up or the server asks to wait longer than `max_wait`. A timeout or dropped connection
        on every attempt, or a breached bound, raises `HttpError`."""
        shown = str(httpx.URL(url, params=params) if params else httpx.URL(url))
        problem, last, retry_after = "", None, None
        for attempt in range(self.retry.retries + 1):
            if attempt:
                wait = self.retry.wait(attempt, retry_after)
                if wait is None:
                    assert last is not None  # only a reply carries Retry-After
                    return last
                self.waits.append(wait)
                (self.sleep or pause)(wait)
            try:
                reply = self._once(method, url, params, headers, content, json_body, timeout)
            except _Transient as exc:
                problem, last, retry_after = str(exc), None, None
                continue
            if reply.status not in RETRIED_STATUSES:
                return reply
            problem, last, retry_after = f"HTTP {reply.status}", reply, retry_after_seconds(reply.headers)
        if last is not None:
            return last
        raise HttpError(f"{shown}: {problem} (gave up after {self.retry.retries + 1} attempts)")

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> Any:
        """The parsed JSON of a GET; any error status (after the retries) is an `HttpStatusError`."""
        reply = self.send("GET", url, params=params, headers={"Accept": "application/json"})
        if reply.status >= 400:
            gave_up = f" (gave up after {self.retry.retries + 1} attempts)" if reply.status in RETRIED_STATUSES else ""
            raise HttpStatusError(f"{reply.url}: HTTP {reply.status} {reply.reason}{gave_up}".rstrip(), reply.status)
        return reply.json()

    # --- one attempt: same-host redirects, bounded body ----------------------------------------------------
    def _once(self, method: str, url: str, params: Mapping[str, str] | None, headers: Mapping[str, str] | None,
              content: bytes | None, json_body: Any, timeout: float | None) -> Reply:
        limits = self.limits
        target = httpx.URL(url, params=params) if params else httpx.URL(url)
        started = self.clock()
        visited = {str(target)}
        for _ in range(limits.max_redirects + 1):
            read_timeout = min(timeout or limits.timeout, limits.deadline)
            request = self._http.build_request(method, target, headers=headers, content=content, json=json_body,
                                               timeout=httpx.Timeout(read_timeout))
            self.requests += 1
            try:
                response = self._http.send(request, stream=True)
            except httpx.TimeoutException:
                raise _Transient(f"{target}: timed out after {read_timeout:g} s") from None
            except httpx.TransportError as exc:
                raise _Transient(f"{target}: connection failed ({exc.__class__.__name__}: {exc})") from None
            try:
                location = response.headers.get("Location")
                if response.status_code in _REDIRECTS and location:
                    target = self._redirect(target, location, visited)
                    if response.status_code == 303 or (response.status_code in (301, 302) and method == "POST"):
                        method, content, json_body = "GET", None, None
                    continue
                body = self._body(response, target, started)
                return Reply(str(target), response.status_code, response.reason_phrase, response.headers, body,
                             limits.max_depth)
            finally:
                response.close()
        raise ResponseRefused(f"{url}: more than {limits.max_redirects} redirects")

    def _redirect(self, current: httpx.URL, location: str, visited: set[str]) -> httpx.URL:
        try:
            target = current.join(location)
        except httpx.InvalidURL:
            raise ResponseRefused(f"{current}: redirected to an invalid URL") from None
        if target.host.lower() != current.host.lower() or target.scheme not in ("http", "https") or (
                current.scheme == "https" and target.scheme != "https"):
            raise ResponseRefused(f"{current}: redirected to {target}, outside {current.scheme}://{current.host} "
                                  "(only redirects on the same host are followed)")
        if str(target) in visited:
            raise ResponseRefused(f"{current}: redirect loop (back to {target})")
        visited.add(str(target))
        return target

    def _body(self, response: httpx.Response, url: httpx.URL, started: float) -> bytes:
        limits = self.limits
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise ResponseRefused(f"{url}: the answer is {int(declared):,} bytes, more than the limit of "
                                  f"{limits.max_bytes:,}")
        chunks, size = [], 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                self.bytes_read += len(chunk)
                if size > limits.max_bytes:
                    raise ResponseRefused(f"{url}: the answer is larger than the limit of {limits.max_bytes:,} bytes")
                if self.bytes_read > limits.max_total_bytes:
                    raise ResponseRefused(f"{url}: the answers together are larger than the limit of "
                                          f"{limits.max_total_bytes:,} bytes")
                if self.clock() - started > limits.deadline:
                    raise ResponseRefused(f"{url}: the answer took longer than {limits.deadline:g} s to arrive")
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise _Transient(f"{url}: timed out after {limits.timeout:g} s while reading the answer") from None
        except httpx.TransportError as exc:
            raise _Transient(f"{url}: connection failed while reading the answer ({exc.__class__.__name__})") from None
        return b"".join(chunks)


def parse_json(content: bytes, url: str, max_depth: int = Limits.max_depth) -> Any:
    """JSON text → Python values, or an `HttpError` naming the URL (malformed, or nested deeper than allowed)."""
    try:
        value = json.loads(content)
    except RecursionError:
        raise ResponseRefused(f"{url}: the JSON is nested more than {max_depth} levels deep") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, an integer of thousands of digits
        raise HttpError(f"{url}: the response is not valid JSON ({exc})") from None
    if _deeper_than(value, max_depth):
        raise ResponseRefused(f"{url}: the JSON is nested more than {max_depth} levels deep")
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def retry_after_seconds(headers: Mapping[str, str], now: dt.datetime | None = None) -> float | None:
    """`Retry-After` as seconds from now (it is a number of seconds or an HTTP date); None when absent or bad."""
    value = headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        seconds = (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds()
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _charset(headers: httpx.Headers) -> str | None:
    for part in headers.get("Content-Type", "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            try:
                "".encode(value.strip('"'))
            except LookupError:
                return None
            return str(value.strip('"'))
    return None
