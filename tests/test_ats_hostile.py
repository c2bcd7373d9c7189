"""A hostile job board on 127.0.0.1: every attack ends in a clean, located error within its bounds, never a
traceback, a hang or unbounded memory; what can be read of a board is still synced job by job.

The client's own bounds (deadline, body size, redirects, JSON depth) are tested on `HttpClient` with small limits;
the import's behaviour on each attack through the real CLI."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from ats_boards import board, import_board, new_project, role_texts, serve_greenhouse, serve_lever
from mkdocs_careers.net.client import HttpClient, HttpError, Limits, ResponseRefused, RetryPolicy, retry_after_seconds
from werkzeug import Request, Response

NO_RETRY = RetryPolicy(retries=0)


@pytest.fixture
def project(tmp_path):
    return new_project(tmp_path)


def _greenhouse_job(job_id: int, **changes) -> dict:
    job = {"id": job_id, "title": f"Engineer {job_id}", "absolute_url": f"https://boards.greenhouse.io/acme/jobs/{job_id}",
           "location": {"name": "Berlin, Germany"}, "content": "&lt;p&gt;Build.&lt;/p&gt;", "departments": [],
           "offices": [], "first_published": "2026-11-02T09:00:00-05:00", "pay_input_ranges": []}
    job.update(changes)
    return job


# --- the client's bounds ------------------------------------------------------------------------------------
def test_a_body_sent_a_byte_at_a_time_is_cut_off_at_the_deadline(httpserver):
    def drip(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield b'{"jobs": ['
            while True:
                time.sleep(0.05)  # the hostile server's drip
                yield b" "
        return Response(body(), content_type="application/json")

    httpserver.expect_request("/drip").respond_with_handler(drip)
    with HttpClient(retry=NO_RETRY, limits=Limits(timeout=0.5, deadline=1.0)) as client:
        with pytest.raises(ResponseRefused, match=r"took longer than 1 s"):
            client.get_json(httpserver.url_for("/drip"))


def test_an_endless_body_stops_at_the_size_limit(httpserver):
    def endless(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            while True:
                yield b"[" * 65536
        return Response(body(), content_type="application/json")

    httpserver.expect_request("/endless").respond_with_handler(endless)
    with HttpClient(retry=NO_RETRY, limits=Limits(max_bytes=1_000_000)) as client:
        with pytest.raises(ResponseRefused, match=r"larger than the limit of 1,000,000 bytes"):
            client.get_json(httpserver.url_for("/endless"))
        assert client.bytes_read <= 1_000_000 + 65536


def test_a_declared_oversized_body_is_refused_before_it_is_read(httpserver):
    httpserver.expect_request("/big").respond_with_data(b"[]" * 600_000, content_type="application/json")
    with HttpClient(retry=NO_RETRY, limits=Limits(max_bytes=1_000_000)) as client:
        with pytest.raises(ResponseRefused, match=r"1,200,000 bytes, more than the limit"):
            client.get_json(httpserver.url_for("/big"))
        assert client.bytes_read == 0


def test_the_bodies_of_one_client_together_are_bounded(httpserver):
    httpserver.expect_request("/page").respond_with_data(b"[" + b"0," * 200_000 + b"0]", content_type="application/json")
    with HttpClient(retry=NO_RETRY, limits=Limits(max_total_bytes=1_000_000)) as client:
        client.get_json(httpserver.url_for("/page"))
        client.get_json(httpserver.url_for("/page"))
        with pytest.raises(ResponseRefused, match=r"answers together are larger"):
            client.get_json(httpserver.url_for("/page"))


def test_a_retry_after_longer_than_the_cap_is_not_waited_for(httpserver):
    httpserver.expect_request("/busy").respond_with_data("later", status=429, headers={"Retry-After": "86400"})
    waits: list[float] = []
    with HttpClient(retry=RetryPolicy(retries=3, max_wait=30), sleep=waits.append) as client:
        reply = client.send("GET", httpserver.url_for("/busy"))
    assert reply.status == 429 and waits == [] and client.requests == 1


def test_backoff_doubles_and_is_capped(httpserver):
    httpserver.expect_request("/down").respond_with_data("down", status=503)
    waits: list[float] = []
    with HttpClient(retry=RetryPolicy(retries=5, backoff=1, max_wait=4), sleep=waits.append) as client:
        assert client.send("GET", httpserver.url_for("/down")).status == 503
    assert waits == [1, 2, 4, 4, 4]


def test_retry_after_as_an_http_date():
    import datetime as dt
    now = dt.datetime(2026, 11, 25, 12, 0, 0, tzinfo=dt.timezone.utc)
    assert retry_after_seconds({"Retry-After": "Wed, 25 Nov 2026 12:00:09 GMT"}, now) == 9
    assert retry_after_seconds({"Retry-After": "soon"}, now) is None
    assert retry_after_seconds({"Retry-After": "nan"}, now) is None


# --- the import under attack --------------------------------------------------------------------------------
def test_a_redirect_to_another_host_is_refused(project, httpserver):
    other = httpserver.url_for("/v1/boards/acme/jobs").replace("localhost", "127.0.0.1")  # another host name
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_data("", status=302, headers={"Location": other})
    before = role_texts(project)
    code, output = import_board(project, httpserver, "greenhouse", "--retries", "0")
    assert code == 1 and "only redirects on the same host are followed" in output and "Traceback" not in output
    assert role_texts(project) == before


def test_a_redirect_on_the_same_host_is_followed(project, httpserver):
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_data(
        "", status=301, headers={"Location": "/v1/boards/acme-renamed/jobs?content=true&pay_transparency=true"})
    serve_greenhouse(httpserver, board("greenhouse-acme-v1.json"), token="acme-renamed")
    code, output = import_board(project, httpserver, "greenhouse")
    assert code == 0, output and "senior-data-engineer.md" in role_texts(project)


def test_a_redirect_loop_is_a_clean_error(project, httpserver):
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_data("", status=302, headers={"Location": "/loop"})
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/v1/boards/acme/jobs"})
    code, output = import_board(project, httpserver, "greenhouse", "--retries", "0")
    assert code == 1 and "redirect loop" in output and "Traceback" not in output


@pytest.mark.parametrize("depth", [100_000, 100])
def test_deeply_nested_json_is_a_clean_error(project, httpserver, depth):
    httpserver.expect_request("/posting-api/job-board/acme").respond_with_data(
        '{"jobs": ' + "[" * depth + "]" * depth + "}", content_type="application/json")
    code, output = import_board(project, httpserver, "ashby", "--retries", "0")
    assert code == 1 and "nested more than 64 levels deep" in output and "Traceback" not in output


def test_malformed_values_are_errors_of_their_job_only(project, httpserver):
    jobs = [_greenhouse_job(1, first_published="275760-09-13T00:00:00Z"),  # a timestamp beyond datetime
            _greenhouse_job(2, first_published="2026-02-30T09:00:00Z"),  # a day that does not exist
            _greenhouse_job(3, pay_input_ranges=[{"min_cents": 10 ** 400, "max_cents": 10 ** 401,
                                                  "currency_type": "EUR"}]),  # too large for a float
            _greenhouse_job(4, pay_input_ranges=[{"min_cents": 10 ** 30, "max_cents": 10 ** 31,
                                                  "currency_type": "EUR"}]),  # a float, but no salary
            _greenhouse_job(5, title=["not", "text"]),
            _greenhouse_job(6)]
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_json({"jobs": jobs})
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    result = json.loads(output)
    assert code == 1 and "Traceback" not in output
    errors = {p["path"]: p["field"] for p in result["problems"] if p["severity"] == "error"}
    assert errors == {"greenhouse:acme/1": "jobs[0].first_published", "greenhouse:acme/2": "jobs[1].first_published",
                      "greenhouse:acme/3": "jobs[2]", "greenhouse:acme/5": "jobs[4].title"}
    assert {"engineer-4.md", "engineer-6.md"} <= set(role_texts(project))  # the readable jobs synced
    [warning] = [p for p in result["problems"] if p["path"] == "roles/engineer-4.md"]
    assert warning["field"] == "salary" and "no usable amount" in warning["message"]


def test_endless_pagination_stops_at_the_job_limit(project, httpserver, monkeypatch):
    from mkdocs_careers.ats.providers import lever
    monkeypatch.setattr(lever, "PAGE_SIZE", 2)
    template = board("lever-acme.json")[0]

    def pages(request: Request) -> Response:
        skip = int(request.args["skip"])
        return Response(json.dumps([{**template, "id": f"job-{skip + i}"} for i in range(2)]),
                        content_type="application/json")

    httpserver.expect_request("/v0/postings/acme").respond_with_handler(pages)
    before = role_texts(project)
    code, output = import_board(project, httpserver, "lever", "--max-jobs", "30")
    assert code == 1 and "lists more than 30 jobs" in output and "--max-jobs" in output
    assert role_texts(project) == before


def test_a_board_that_repeats_its_page_is_stopped(project, httpserver, monkeypatch):
    from mkdocs_careers.ats.providers import lever
    monkeypatch.setattr(lever, "PAGE_SIZE", 2)
    serve_lever(httpserver, board("lever-acme.json"))  # every skip gets the same two postings
    code, output = import_board(project, httpserver, "lever")
    assert code == 1 and "did not end" in output and "repeats itself" in output


def test_fifty_thousand_jobs_are_refused_clearly(project, httpserver):
    jobs = [_greenhouse_job(n) for n in range(50_000)]
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_json({"jobs": jobs})
    before = role_texts(project)
    code, output = import_board(project, httpserver, "greenhouse")
    assert code == 1 and "lists more than 10,000 jobs" in output and "Nothing was written." in output
    assert role_texts(project) == before


@pytest.mark.parametrize("name", ["../../etc", "acme/jobs", "a b", ".."])
def test_a_board_name_that_is_not_a_token_is_a_usage_error(project, name):
    from cli_helpers import run_cli
    code, output = run_cli("import", "greenhouse", "--board", name, "-f", str(project / "mkdocs.yml"))
    assert code == 2 and "is not a board token" in output


def test_a_server_that_never_answers_times_out(project, httpserver):
    def silent(request: Request) -> Response:
        time.sleep(1.0)  # the hostile server says nothing for longer than the read timeout
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/posting-api/job-board/acme").respond_with_handler(silent)
    code, output = import_board(project, httpserver, "ashby", "--timeout", "0.2", "--retries", "0")
    assert code == 1 and "timed out after 0.2 s" in output


def test_an_http_error_from_the_client_names_the_url(httpserver):
    with HttpClient(retry=NO_RETRY) as client, pytest.raises(HttpError, match=r"127\.0\.0\.1:1/x: connection failed"):
        client.send("GET", "http://127.0.0.1:1/x")
