"""Google Indexing API (https://developers.google.com/search/apis/indexing-api/v3/using-api): tells Google at once
that a JobPosting page was added or updated (`URL_UPDATED`) or removed (`URL_DELETED`).

- Only roles are notified (the API is for JobPosting pages): URL_UPDATED for new and changed open roles,
  URL_DELETED for closed and removed ones.
- Authenticated as a service account (google-auth; JWT bearer grant at the key's `token_uri`, which tests point
  at a local server), with the scope https://www.googleapis.com/auth/indexing. The service account must be an
  Owner of the site's Search Console property.
- Batched: up to 100 notifications per `multipart/mixed` request to `/batch`, each part a
  `POST /v3/urlNotifications:publish` with `{"url", "type"}`.
- Quota: each notification is one publish request; the default quota is 200 a day, and Google's day starts at
  midnight Pacific time (`quota_day`). Closed roles go first, then new, then changed; what does not fit today's
  remaining quota is reported and kept in the state file (notify/state.py) with the count already spent today,
  and sent on the next run (the next day's deploy).
- Answers: 200 sent; 400 for one URL: reported and dropped (retrying cannot help); 401/403: stop and report
  (credentials, or the service account is not an owner in Search Console), everything kept for the next run;
  429: retried by the shared client (net/client.py), then today's quota counts as used up and the rest waits;
  server errors are retried, then kept for the next run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import google.auth.exceptions
import google.auth.transport
from google.oauth2 import service_account

from ..net.client import HttpClient, HttpError, Reply
from .manifest_diff import CHANGE_ORDER, CLOSED, GONE, ManifestDiff
from .outcome import DRY_RUN, FAILED, NOT_CONFIGURED, NOTHING_TO_SEND, PARTIAL, SENT, ChannelOutcome
from .state import NotifyState

CHANNEL = "google_indexing"
SCOPE = "https://www.googleapis.com/auth/indexing"
BATCH_LIMIT = 100
PUBLISH_PATH = "/v3/urlNotifications:publish"
CREDENTIALS_ENV = "GOOGLE_INDEXING_CREDENTIALS"  # the service account's JSON key itself (a CI secret)
CREDENTIALS_FILE_ENV = "GOOGLE_APPLICATION_CREDENTIALS"  # or a path to it
URL_UPDATED, URL_DELETED = "URL_UPDATED", "URL_DELETED"
_BOUNDARY = "careers-notify-batch"
QUOTA_TIME_ZONE = ZoneInfo("America/Los_Angeles")  # the Indexing API's daily quota resets at midnight Pacific


def quota_day(now: dt.datetime | None = None) -> str:
    """Today's date where Google counts the quota (Pacific time), e.g. 2026-11-25."""
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(QUOTA_TIME_ZONE).date().isoformat()


class GoogleConfigError(ValueError):
    """The service account key cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Notification:
    url: str
    type: str
    reason: str  # the manifest change behind it: closed, gone, new or changed

    def line(self) -> str:
        return f"{self.type} {self.url} ({self.reason})"

    def as_json(self) -> dict[str, str]:
        return {"url": self.url, "type": self.type, "reason": self.reason}


def google_notifications(diff: ManifestDiff) -> list[Notification]:
    return [Notification(c.url, URL_DELETED if c.change in (CLOSED, GONE) else URL_UPDATED, c.change)
            for c in diff.changes if c.is_role]


def in_quota_order(notifications: list[Notification]) -> list[Notification]:
    return sorted(notifications, key=lambda n: (CHANGE_ORDER.index(n.reason), n.url))


def service_account_info(environ: Mapping[str, str] = os.environ,
                         credentials_file: Path | None = None) -> dict[str, Any] | None:
    """The service account key from --google-credentials, the JSON secret or GOOGLE_APPLICATION_CREDENTIALS."""
    text, source = None, ""
    if credentials_file is not None:
        text, source = _read(credentials_file), str(credentials_file)
    elif environ.get(CREDENTIALS_ENV, "").strip():
        text, source = environ[CREDENTIALS_ENV], CREDENTIALS_ENV
    elif environ.get(CREDENTIALS_FILE_ENV, "").strip():
        path = Path(environ[CREDENTIALS_FILE_ENV])
        text, source = _read(path), str(path)
    if text is None:
        return None
    try:
        info = json.loads(text)
    except json.JSONDecodeError:
        raise GoogleConfigError(f"{source}: not a JSON service account key") from None
    missing = [k for k in ("client_email", "private_key", "token_uri") if not isinstance(info, dict) or k not in info]
    if missing:
        raise GoogleConfigError(f"{source}: not a service account key (missing {', '.join(missing)}); create a "
                                "JSON key for the service account in the Google Cloud console")
    return dict(info)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GoogleConfigError(f"{path}: cannot read the service account key ({exc.strerror})") from None


class HttpAuthRequest(google.auth.transport.Request):
    """google-auth's transport interface over our client, so the token request has the same retries and bounds."""

    def __init__(self, client: HttpClient) -> None:
        self.client = client

    def __call__(self, url: str, method: str = "GET", body: bytes | None = None,
                 headers: Mapping[str, str] | None = None, timeout: float | None = None,
                 **kwargs: Any) -> _AuthResponse:
        try:
            reply = self.client.send(method, url, content=body, headers=dict(headers or {}), timeout=timeout)
        except HttpError as exc:
            raise google.auth.exceptions.TransportError(str(exc)) from exc  # type: ignore[no-untyped-call]
        return _AuthResponse(reply)


class _AuthResponse(google.auth.transport.Response):
    def __init__(self, reply: Reply) -> None:
        self._reply = reply

    @property
    def status(self) -> int:
        return self._reply.status

    @property
    def headers(self) -> Mapping[str, str]:
        return self._reply.headers

    @property
    def data(self) -> bytes:
        return self._reply.content


def access_token(info: dict[str, Any], client: HttpClient, token_uri: str | None = None) -> str:
    """An OAuth access token for the service account (JWT bearer grant at the key's token_uri, or token_uri)."""
    if token_uri:
        info = {**info, "token_uri": token_uri}
    credentials = service_account.Credentials.from_service_account_info(  # type: ignore[no-untyped-call]
        info, scopes=[SCOPE])
    credentials.refresh(HttpAuthRequest(client))
    return str(credentials.token)


def batch_body(notifications: list[Notification]) -> bytes:
    parts = []
    for index, notification in enumerate(notifications):
        payload = json.dumps({"url": notification.url, "type": notification.type})
        parts.append(f"--{_BOUNDARY}\r\nContent-Type: application/http\r\nContent-ID: <item-{index}>\r\n\r\n"
                     f"POST {PUBLISH_PATH} HTTP/1.1\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                     f"{payload}\r\n")
    return ("".join(parts) + f"--{_BOUNDARY}--\r\n").encode("utf-8")


def multipart_parts(content_type: str, body: bytes) -> list[Message]:
    """The parts of a multipart/mixed body (batch request or answer), parsed by the standard library."""
    message = BytesParser().parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    payload = message.get_payload() if message.is_multipart() else []
    return [part for part in payload if isinstance(part, Message)]


def http_part(part: Message) -> tuple[str, int, str]:
    """(Content-ID, HTTP status, body) of one part holding an HTTP message (`application/http`)."""
    raw = part.get_payload(decode=True)
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(part.get_payload())
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    status_line = head.split("\n", 1)[0].split()
    status = int(status_line[1]) if len(status_line) > 1 and status_line[1].isdigit() else 0
    return str(part.get("Content-ID", "")).strip("<>"), status, body.strip()


def notify_google(diff: ManifestDiff, *, info: dict[str, Any] | None, endpoint: str, daily_quota: int,
                  state: NotifyState, client: HttpClient, today: str, dry_run: bool = False,
                  token_uri: str | None = None) -> ChannelOutcome:
    section = state.section(CHANNEL)
    merged = {n["url"]: Notification(n["url"], n["type"], n["reason"]) for n in section.get("pending", [])
              if isinstance(n, dict) and n.get("reason") in CHANGE_ORDER}
    merged.update({n.url: n for n in google_notifications(diff)})  # today's state of a URL wins over a leftover
    queue = in_quota_order(list(merged.values()))
    used = int(section.get("sent_today", 0)) if section.get("quota_day") == today else 0
    remaining = max(daily_quota - used, 0)
    outcome = ChannelOutcome(CHANNEL, SENT, planned=[n.line() for n in queue])
    if info is None:
        outcome.status = NOT_CONFIGURED
        outcome.message = (f"nothing sent: no service account. Set the {CREDENTIALS_ENV} secret to the service "
                           f"account's JSON key (or {CREDENTIALS_FILE_ENV} to its path) and add the service "
                           "account as an Owner of the site in Search Console")
        return outcome
    if dry_run:
        outcome.status = DRY_RUN
        fits = min(len(queue), remaining)
        outcome.message = (f"would send {fits} of {len(queue)} notification(s) in {-(-fits // BATCH_LIMIT)} batch "
                           f"request(s) to {endpoint}/batch; quota left today: {remaining} of {daily_quota}")
        if fits < len(queue):
            outcome.message += f"; {len(queue) - fits} would wait for the next run"
        return outcome
    if not queue:
        section["pending"] = []
        outcome.status = NOTHING_TO_SEND
        return outcome

    def finish(pending: list[Notification]) -> ChannelOutcome:
        outcome.pending = [n.line() for n in pending]
        section.update(pending=[n.as_json() for n in pending], quota_day=today, sent_today=used)
        return outcome

    if remaining == 0:
        outcome.status = PARTIAL
        outcome.message = (f"today's quota ({daily_quota}) is spent: {len(queue)} notification(s) are sent on the "
                           "next run")
        return finish(queue)
    try:
        token = access_token(info, client, token_uri)
    except (google.auth.exceptions.GoogleAuthError, ValueError) as exc:
        outcome.status = FAILED
        outcome.message = f"could not get an access token for {info.get('client_email')}: {exc}"
        return finish(queue)
    to_send, waiting = queue[:remaining], queue[remaining:]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": f"multipart/mixed; boundary={_BOUNDARY}"}
    for start in range(0, len(to_send), BATCH_LIMIT):
        batch = to_send[start:start + BATCH_LIMIT]
        rest = to_send[start + BATCH_LIMIT:]
        answer: Reply | HttpError
        try:
            answer = client.send("POST", f"{endpoint}/batch", content=batch_body(batch), headers=headers)
        except HttpError as exc:
            answer = exc
        outcome.requests += 1
        if not isinstance(answer, Reply) or answer.status != 200:
            status = answer.status if isinstance(answer, Reply) else None
            outcome.status = FAILED if status in (400, 401, 403) else PARTIAL
            outcome.message = _batch_failure(status, f"HTTP {status}" if status else str(answer), info)
            if status == 429:
                used = daily_quota
            return finish([*batch, *rest, *waiting])
        stop, retry_later = _read_batch_answer(answer, batch, outcome)
        used += len(batch) - len(retry_later)  # each answered publish request counts against the quota
        if stop:
            if stop == 429:
                used = daily_quota
                outcome.status = PARTIAL
                outcome.message = "429: today's Indexing API quota is used up; the rest is sent on the next run"
            else:
                outcome.status = FAILED
                outcome.message = _batch_failure(stop, f"HTTP {stop}", info)
            return finish([*retry_later, *rest, *waiting])
        waiting = [*retry_later, *waiting]
    if waiting:
        outcome.status = PARTIAL
        outcome.message = (f"{len(waiting)} notification(s) did not fit today's quota ({daily_quota} a day) or "
                           "failed for now: they are sent on the next run")
    return finish(waiting)


def _batch_failure(status: int | None, described: str, info: dict[str, Any]) -> str:
    account = info.get("client_email")
    if status == 401:
        return f"{described}: the access token was refused; check the service account key of {account}"
    if status == 403:
        return (f"{described}: permission denied; add {account} as an Owner of the site's property in Search "
                "Console, and enable the Indexing API in its Google Cloud project")
    if status == 429:
        return f"{described}: today's Indexing API quota is used up; the rest is sent on the next run"
    if status == 400:
        return f"{described}: the batch request was refused as malformed"
    return f"{described} after retries: the rest is sent on the next run"


def _read_batch_answer(answer: Reply, batch: list[Notification],
                       outcome: ChannelOutcome) -> tuple[int, list[Notification]]:
    """Records each part's result; returns the status that stops the run (0: none) and what to retry later."""
    by_id: dict[str, tuple[int, str]] = {}
    for part in multipart_parts(answer.headers.get("Content-Type", ""), answer.content):
        content_id, status, body = http_part(part)
        by_id[content_id.removeprefix("response-")] = (status, body)
    retry_later: list[Notification] = []
    stop = 0
    for index, notification in enumerate(batch):
        status, body = by_id.get(f"item-{index}", (0, "no answer for this notification"))
        if stop:
            retry_later.append(notification)
        elif status == 200:
            outcome.sent.append(notification.line())
        elif status == 400:
            outcome.rejected.append(f"{notification.line()}: {_error_message(body)}")
        elif status in (401, 403, 429):
            stop = status
            retry_later.append(notification)
        else:
            retry_later.append(notification)
    return stop, retry_later


def _error_message(body: str) -> str:
    try:
        error = json.loads(body).get("error", {})
        return str(error.get("message") or body)
    except (json.JSONDecodeError, AttributeError):
        return body or "rejected"
