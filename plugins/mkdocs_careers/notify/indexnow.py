"""IndexNow (https://www.indexnow.org/documentation): one POST tells Bing, Yandex, Naver, Seznam and Yep which
URLs changed. The key file `<key>.txt` is published with the build (outputs/deploy_outputs.py); each request
names it in `keyLocation`, so a site below a path (https://example.com/careers/) works too.

Protocol, as implemented: POST JSON `{host, key, keyLocation, urlList}` with `Content-Type: application/json;
charset=utf-8`, at most 10,000 URLs per request. Answers: 200 OK (submitted), 202 Accepted (received, key
validation pending): both count as sent; 400 Bad request (invalid format), 403 Forbidden (key not valid: file
missing or different), 422 Unprocessable Entity (URLs not on the host, or key not matching the schema): stop,
report, keep the URLs for the next run once fixed; 429 Too Many Requests (seen as potential spam): stop and keep
the rest for the next run; server errors and network failures are retried, then kept for the next run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from .http import RETRY_DELAYS, describe_failure, send_with_retries
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
                    client: httpx.Client, dry_run: bool = False, site_dir: Path | None = None,
                    batch_limit: int = BATCH_LIMIT, retry_delays: Sequence[float] = RETRY_DELAYS,
                    sleep: Callable[[float], None] | None = None) -> ChannelOutcome:
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
    kwargs = {"sleep": sleep} if sleep is not None else {}
    for start in range(0, len(urls), batch_limit):
        batch = urls[start:start + batch_limit]
        body = {"host": host, "key": key, "keyLocation": key_location, "urlList": batch}
        answer = send_with_retries(
            lambda body=body: client.post(endpoint, json=body,  # type: ignore[misc]
                                          headers={"Content-Type": "application/json; charset=utf-8"}),
            retry_delays, **kwargs)
        outcome.requests += 1
        status = answer.status_code if isinstance(answer, httpx.Response) else None
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
            outcome.message = f"{endpoint} failed ({describe_failure(answer)}) after retries: the rest is sent on " \
                              "the next run"
        break
    section["pending"] = outcome.pending
    return outcome
