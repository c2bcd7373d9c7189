"""IndexNow (https://www.indexnow.org/documentation): one POST tells Bing, Yandex, Naver, Seznam and Yep which
URLs changed. The key file `<key>.txt` is published with the build (outputs/deploy_outputs.py); each request
names it in `keyLocation`, so a site below a path (https://example.com/careers/) works too.

Protocol, as implemented: POST JSON `{host, key, keyLocation, urlList}` with `Content-Type: application/json;
charset=utf-8`, at most 10,000 URLs per request. Answers: 200 OK (submitted), 202 Accepted (received, key
validation pending): both count as sent; 400 Bad request (invalid format), 403 Forbidden (key not valid: file
missing or different), 422 Unprocessable Entity (URLs not on the host, or key not matching the schema): stop,
report, keep the URLs for the next run once fixed; 429 Too Many Requests (seen as potential spam), server errors
and network failures are retried by the shared client (net/client.py: backoff, Retry-After), then the rest is
kept for the next run.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..net.client import HttpClient, HttpError, Reply
from .manifest_diff import ManifestDiff
from .outcome import DRY_RUN, FAILED, NOT_CONFIGURED, NOTHING_TO_SEND, PARTIAL, SENT, ChannelOutcome
from .state import NotifyState

CHANNEL = "indexnow"
BATCH_LIMIT = 10_000
_STOPPING = {
    400: "400 Bad request: the request was not in the IndexNow format",
    403: "403 Forbidden: the key is not valid (the key file {key_location} is missing or holds another key); "
         "publish the build made with this key first",
    422: "422 Unprocessable Entity: some URLs are not on {host}, or the key does not match the protocol's format",
}


def indexnow_urls(diff: ManifestDiff) -> list[str]:
    return [change.url for change in diff.changes]


def _unique(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def notify_indexnow(diff: ManifestDiff, *, key: str | None, endpoint: str, site_url: str, state: NotifyState,
                    client: HttpClient, dry_run: bool = False, site_dir: Path | None = None,
                    batch_limit: int = BATCH_LIMIT) -> ChannelOutcome:
    section = state.section(CHANNEL)
    urls = _unique([*section.get("pending", []), *indexnow_urls(diff)])
    outcome = ChannelOutcome(CHANNEL, SENT, planned=urls)
    if not key:
        outcome.status = NOT_CONFIGURED
        outcome.message = ("nothing sent: no IndexNow key. Set indexnow.key in mkdocs.yml or the INDEXNOW_KEY "
                           "environment secret (8-128 letters, digits or hyphens), build and publish, then rerun")
        return outcome
    key_location = f"{site_url}{key}.txt"
    if dry_run:
        outcome.status = DRY_RUN
        outcome.message = (f"would POST {len(urls)} URL(s) to {endpoint} in {-(-len(urls) // batch_limit)} "
                           f"request(s), key file {key_location}")
        return outcome
    if not urls:
        section["pending"] = []
        outcome.status = NOTHING_TO_SEND
        return outcome
    if site_dir is not None:
        key_file = site_dir / f"{key}.txt"
        if not key_file.is_file() or key_file.read_text(encoding="utf-8").strip() != key:
            outcome.status = FAILED
            outcome.message = (f"the build in {site_dir} has no key file {key}.txt holding the key: build with "
                               "the same key (mkdocs.yml indexnow.key or INDEXNOW_KEY) and publish it first")
            outcome.pending = urls
            section["pending"] = urls
            return outcome
    host = urlsplit(site_url).hostname or ""
    for start in range(0, len(urls), batch_limit):
        batch = urls[start:start + batch_limit]
        body = {"host": host, "key": key, "keyLocation": key_location, "urlList": batch}
        answer: Reply | HttpError
        try:
            answer = client.send("POST", endpoint, json_body=body,
                                 headers={"Content-Type": "application/json; charset=utf-8"})
        except HttpError as exc:
            answer = exc
        outcome.requests += 1
        status = answer.status if isinstance(answer, Reply) else None
        if status in (200, 202):
            outcome.sent.extend(batch)
            if status == 202:
                outcome.message = "202 Accepted: URLs received, the key is still being validated"
            continue
        outcome.pending = urls[start:]
        if status in _STOPPING:
            outcome.status = FAILED
            outcome.message = _STOPPING[status].format(key_location=key_location, host=host)
        elif status == 429:
            outcome.status = PARTIAL
            outcome.message = "429 Too Many Requests (seen as potential spam): the rest is sent on the next run"
        elif status is not None and status < 500:
            outcome.status = FAILED
            outcome.message = f"unexpected answer HTTP {status} from {endpoint}"
        else:
            outcome.status = PARTIAL
            failure = f"HTTP {status}" if status is not None else str(answer)
            outcome.message = f"{endpoint} failed ({failure}) after retries: the rest is sent on the next run"
        break
    section["pending"] = outcome.pending
    return outcome
