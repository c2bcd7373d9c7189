"""The notifiers against local servers implementing IndexNow and Google's token + Indexing API endpoints:
every documented answer leads to the right behaviour (sent, retried, stopped, reported, kept for later)."""

from __future__ import annotations

import json

import pytest
from mkdocs_careers.net.client import HttpClient, RetryPolicy
from mkdocs_careers.notify.google_indexing import notify_google, quota_day
from mkdocs_careers.notify.indexnow import notify_indexnow
from mkdocs_careers.notify.manifest_diff import Manifest, ManifestPage, diff_manifests
from mkdocs_careers.notify.state import NotifyState
from notify_servers import GoogleServer, IndexNowServer

SITE = "https://careers.example.com/"
HOST = "careers.example.com"
KEY = "0123456789abcdef0123456789abcdef"


def manifest(pages: dict[str, tuple[str, bool, str]], build_date: str = "2026-11-25") -> Manifest:
    return Manifest({SITE + path: ManifestPage(SITE + path, kind, is_open, digest)
                     for path, (kind, is_open, digest) in pages.items()}, build_date=build_date)


def role_diff(closed: int = 0, new: int = 0, changed: int = 0):
    """A diff with the given numbers of closed, new and changed roles (and one changed free page)."""
    before, after = {"about/": ("page", True, "a")}, {"about/": ("page", True, "b")}
    for i in range(closed):
        before[f"roles/closed-{i}/"] = ("role", True, "x")
        after[f"roles/closed-{i}/"] = ("role", False, "x")
    for i in range(new):
        after[f"roles/new-{i}/"] = ("role", True, "x")
    for i in range(changed):
        before[f"roles/changed-{i}/"] = ("role", True, "x")
        after[f"roles/changed-{i}/"] = ("role", True, "y")
    return diff_manifests(manifest(before), manifest(after))


@pytest.fixture
def client():
    """The shared client with two retries, its waits recorded instead of slept."""
    with HttpClient(retry=RetryPolicy(retries=2), sleep=lambda seconds: None) as http:
        yield http


def run_indexnow(server, diff, client, state=None, **extra):
    return notify_indexnow(diff, key=KEY, endpoint=server.endpoint, site_url=SITE, state=state or NotifyState(None),
                           client=client, **extra)


# --- IndexNow -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("status", [200, 202])
def test_indexnow_200_and_202_count_as_sent(client, status):
    diff = role_diff(closed=1, new=1, changed=1)
    state = NotifyState(None)
    with IndexNowServer(HOST, KEY, [status]) as server:
        outcome = run_indexnow(server, diff, client, state)
    assert server.problems == []
    assert outcome.status == "sent" and outcome.requests == 1
    assert server.url_lists() == [[c.url for c in diff.changes]]
    assert outcome.sent == [c.url for c in diff.changes] and state.section("indexnow")["pending"] == []
    assert ("202 Accepted" in outcome.message) == (status == 202)
    request = server.requests[0]
    assert request.method == "POST" and request.json()["keyLocation"] == f"{SITE}{KEY}.txt"


def test_indexnow_splits_more_than_10000_urls_into_protocol_sized_batches(client):
    pages = {f"jobs/{i}/": ("page", True, "h") for i in range(10_001)}
    diff = diff_manifests(manifest({}), manifest(pages))
    with IndexNowServer(HOST, KEY) as server:
        outcome = run_indexnow(server, diff, client)
    assert server.problems == []
    assert [len(urls) for urls in server.url_lists()] == [10_000, 1]
    assert outcome.status == "sent" and len(outcome.sent) == 10_001


@pytest.mark.parametrize("status, words", [(400, "400 Bad request"), (403, "key is not valid"),
                                           (422, "422 Unprocessable Entity")])
def test_indexnow_400_403_422_stop_report_and_keep_the_urls(client, status, words):
    diff = role_diff(new=4)
    state = NotifyState(None)
    with IndexNowServer(HOST, KEY, [status]) as server:
        outcome = run_indexnow(server, diff, client, state, batch_limit=2)
    assert len(server.requests) == 1  # stopped: the second batch is not sent
    assert outcome.failed and words in outcome.message and outcome.sent == []
    assert outcome.pending == state.section("indexnow")["pending"] == [c.url for c in diff.changes]


def test_indexnow_429_is_retried_with_backoff_then_sends(client):
    diff = role_diff(new=1)
    with IndexNowServer(HOST, KEY, [429]) as server:
        outcome = run_indexnow(server, diff, client)
    assert len(server.requests) == 2 and outcome.status == "sent" and client.waits == [1.0]


def test_indexnow_429_after_the_retries_stops_and_leaves_the_rest_for_the_next_run(client):
    diff = role_diff(new=4)
    state = NotifyState(None)
    with IndexNowServer(HOST, KEY, [200, 429, 429, 429]) as server:
        outcome = run_indexnow(server, diff, client, state, batch_limit=2)
    urls = [c.url for c in diff.changes]
    assert len(server.requests) == 4 and not outcome.failed and outcome.status == "partial"
    assert "429" in outcome.message and outcome.sent == urls[:2] and outcome.pending == urls[2:]
    # The next run sends the leftovers even when nothing changed since.
    with IndexNowServer(HOST, KEY) as server:
        again = run_indexnow(server, diff_manifests(manifest({}), manifest({})), client, state)
    assert server.url_lists() == [urls[2:]] and again.status == "sent" and state.section("indexnow")["pending"] == []


def test_indexnow_retries_server_errors_then_keeps_the_urls(client):
    diff = role_diff(new=1)
    with IndexNowServer(HOST, KEY, [503, 200]) as server:
        recovered = run_indexnow(server, diff, client)
    assert len(server.requests) == 2 and recovered.status == "sent"
    with IndexNowServer(HOST, KEY, [500, 502, 503]) as server:
        given_up = run_indexnow(server, diff, client)
    assert len(server.requests) == 3 and given_up.status == "partial" and given_up.pending == [c.url for c in diff.changes]


def test_indexnow_without_a_key_sends_nothing_and_says_what_to_configure(client):
    with IndexNowServer(HOST, KEY) as server:
        outcome = notify_indexnow(role_diff(new=1), key=None, endpoint=server.endpoint, site_url=SITE,
                                  state=NotifyState(None), client=client)
    assert server.requests == [] and outcome.status == "not-configured"
    assert "INDEXNOW_KEY" in outcome.message and "indexnow.key" in outcome.message


def test_indexnow_refuses_to_send_when_the_build_lacks_the_key_file(client, tmp_path):
    with IndexNowServer(HOST, KEY) as server:
        outcome = run_indexnow(server, role_diff(new=1), client, site_dir=tmp_path)
    assert server.requests == [] and outcome.failed and f"{KEY}.txt" in outcome.message


# --- Google Indexing API --------------------------------------------------------------------------------
def run_google(server, diff, client, state=None, quota=200, today="2026-11-25", **extra):
    return notify_google(diff, info=server.account.info(), endpoint=server.endpoint, daily_quota=quota,
                         state=state or NotifyState(None), client=client, today=today, **extra)


def test_google_sends_closed_first_then_new_then_changed_roles_only(client):
    diff = role_diff(closed=2, new=2, changed=1)
    with GoogleServer() as server:
        outcome = run_google(server, diff, client)
    assert server.problems == []
    assert server.published() == [
        ("URL_DELETED", f"{SITE}roles/closed-0/"), ("URL_DELETED", f"{SITE}roles/closed-1/"),
        ("URL_UPDATED", f"{SITE}roles/new-0/"), ("URL_UPDATED", f"{SITE}roles/new-1/"),
        ("URL_UPDATED", f"{SITE}roles/changed-0/")]  # the changed free page is not a JobPosting: not sent
    assert outcome.status == "sent" and len(outcome.sent) == 5 and outcome.requests == 1
    assert all(r.headers["authorization"].startswith("Bearer ya29.test-") for r in server.requests
               if r.path == "/batch")


def test_google_batches_at_most_100_notifications_per_request(client):
    with GoogleServer() as server:
        outcome = run_google(server, role_diff(new=150), client)
    assert [len(b) for b in server.batches] == [100, 50] and len(outcome.sent) == 150


def test_google_daily_quota_sends_closed_first_and_keeps_the_rest_for_the_next_day(client):
    diff = role_diff(closed=2, new=2, changed=1)
    state = NotifyState(None)
    with GoogleServer() as server:
        first = run_google(server, diff, client, state, quota=3)
    assert server.published() == [("URL_DELETED", f"{SITE}roles/closed-0/"),
                                  ("URL_DELETED", f"{SITE}roles/closed-1/"), ("URL_UPDATED", f"{SITE}roles/new-0/")]
    assert first.status == "partial" and "did not fit today's quota" in first.message
    assert first.pending == [f"URL_UPDATED {SITE}roles/new-1/ (new)", f"URL_UPDATED {SITE}roles/changed-0/ (changed)"]
    nothing_changed = diff_manifests(manifest({}), manifest({}))
    with GoogleServer() as server:  # same day: the quota is spent, nothing is sent
        same_day = run_google(server, nothing_changed, client, state, quota=3)
    assert server.requests == [] and len(same_day.pending) == 2 and "quota (3) is spent" in same_day.message
    with GoogleServer() as server:  # next day: the leftovers go out
        next_day = run_google(server, nothing_changed, client, state, quota=3, today="2026-11-26")
    assert server.published() == [("URL_UPDATED", f"{SITE}roles/new-1/"), ("URL_UPDATED", f"{SITE}roles/changed-0/")]
    assert next_day.status == "sent" and state.section("google_indexing")["pending"] == []


def test_google_leftover_is_replaced_by_the_roles_latest_state(client):
    state = NotifyState(None, {"google_indexing": {"pending": [
        {"url": f"{SITE}roles/closed-0/", "type": "URL_UPDATED", "reason": "new"}]}})
    with GoogleServer() as server:
        run_google(server, role_diff(closed=1), client, state)
    assert server.published() == [("URL_DELETED", f"{SITE}roles/closed-0/")]


def test_google_400_for_one_url_is_reported_and_the_others_are_sent(client):
    diff = role_diff(new=3)
    bad = f"{SITE}roles/new-1/"
    with GoogleServer(part_status=lambda p: 400 if p.url == bad else 200) as server:
        outcome = run_google(server, diff, client)
    assert len(outcome.sent) == 2 and len(outcome.rejected) == 1 and bad in outcome.rejected[0]
    assert "scripted 400" in outcome.rejected[0] and outcome.pending == [] and not outcome.failed


def test_google_403_stops_and_says_to_add_the_account_in_search_console(client):
    diff = role_diff(new=3)
    state = NotifyState(None)
    with GoogleServer(part_status=lambda p: 403 if p.url.endswith("new-1/") else 200) as server:
        outcome = run_google(server, diff, client, state)
    assert outcome.failed and "Owner" in outcome.message and "Search Console" in outcome.message
    assert len(outcome.sent) == 1 and [p["url"] for p in state.section("google_indexing")["pending"]] == [
        f"{SITE}roles/new-1/", f"{SITE}roles/new-2/"]


def test_google_429_means_the_quota_is_used_up_for_today(client):
    state = NotifyState(None)
    with GoogleServer(part_status=lambda p: 429 if p.url.endswith("new-2/") else 200) as server:
        outcome = run_google(server, role_diff(new=4), client, state)
    section = state.section("google_indexing")
    assert outcome.status == "partial" and "quota" in outcome.message and len(outcome.sent) == 2
    assert section["sent_today"] == 200 and len(section["pending"]) == 2


def test_google_server_errors_are_retried_then_kept(client):
    with GoogleServer(batch_statuses=[503]) as server:
        recovered = run_google(server, role_diff(new=1), client)
    assert recovered.status == "sent" and len([r for r in server.requests if r.path == "/batch"]) == 2
    with GoogleServer(part_status=lambda p: 500) as server:
        kept = run_google(server, role_diff(new=2), client)
    assert kept.status == "partial" and len(kept.pending) == 2 and kept.sent == []


def test_google_refused_batch_token_is_a_failure_with_everything_kept(client):
    state = NotifyState(None)
    with GoogleServer(batch_statuses=[401]) as server:
        outcome = run_google(server, role_diff(new=2), client, state)
    assert outcome.failed and "refused" in outcome.message and len(state.section("google_indexing")["pending"]) == 2


def test_google_token_endpoint_refusal_is_reported(client):
    with GoogleServer(token_status=400) as server:
        outcome = run_google(server, role_diff(new=1), client)
    assert outcome.failed and "access token" in outcome.message
    assert [r.path for r in server.requests] == ["/token"]


def test_google_token_request_is_a_signed_jwt_for_the_indexing_scope(client):
    with GoogleServer() as server:
        run_google(server, role_diff(new=1), client)
    token_request = server.requests[0]
    assert token_request.path == "/token" and server.problems == []
    assert token_request.headers["content-type"] == "application/x-www-form-urlencoded"


def test_google_without_credentials_sends_nothing_and_says_what_to_configure(client):
    outcome = notify_google(role_diff(new=1), info=None, endpoint="http://127.0.0.1:9", daily_quota=200,
                            state=NotifyState(None), client=client, today="2026-11-25")
    assert outcome.status == "not-configured" and "GOOGLE_INDEXING_CREDENTIALS" in outcome.message
    assert "Search Console" in outcome.message


def test_the_quota_day_is_the_date_in_california():
    import datetime as dt
    utc = dt.timezone.utc
    # 02:00 UTC on 26 November is still 25 November in Los Angeles (UTC-8): the same quota day.
    assert quota_day(dt.datetime(2026, 11, 26, 2, 0, tzinfo=utc)) == "2026-11-25"
    assert quota_day(dt.datetime(2026, 11, 26, 8, 0, tzinfo=utc)) == "2026-11-26"  # midnight Pacific
    assert quota_day(dt.datetime(2026, 7, 1, 6, 59, tzinfo=utc)) == "2026-06-30"  # summer time: UTC-7
    assert quota_day(dt.datetime(2026, 7, 1, 7, 0, tzinfo=utc)) == "2026-07-01"


def test_state_file_round_trips(tmp_path):
    path = tmp_path / "state.json"
    state = NotifyState(path, {"indexnow": {"pending": ["u"]}})
    state.save()
    assert NotifyState.load(path).sections == {"indexnow": {"pending": ["u"]}}
    assert json.loads(path.read_text())["version"] == 1
