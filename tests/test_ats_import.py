"""`careers import` against real HTTP servers on 127.0.0.1 serving Greenhouse, Lever and Ashby fixture boards.

Covers the lifecycle (new job → draft, changed pay → update, job gone → closed, never deleted), idempotency
(a second run changes no byte), editor edits and comments surviving, pins, dry runs and the network failures
that must write nothing (404 board, 5xx, malformed JSON, timeouts, a partial fetch).
"""

from __future__ import annotations

import json
import time

import pytest
from ats_boards import board, import_board, new_project, role_texts, serve_ashby, serve_greenhouse, serve_lever
from cli_helpers import check, read_frontmatter
from werkzeug import Request, Response

GREENHOUSE_V1 = "greenhouse-acme-v1.json"
GREENHOUSE_V2 = "greenhouse-acme-v2.json"


@pytest.fixture
def project(tmp_path):
    return new_project(tmp_path)


@pytest.fixture
def waits(monkeypatch):
    """The waits between attempts, recorded instead of slept."""
    from mkdocs_careers.net import client
    recorded: list[float] = []
    monkeypatch.setattr(client, "pause", recorded.append)
    return recorded


def test_greenhouse_first_import_creates_one_draft_per_job_with_the_ats_facts(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    code, output = import_board(project, httpserver, "greenhouse")
    assert code == 0, output
    created = set(role_texts(project)) - {"data-lead.md"}
    assert created == {"senior-data-engineer.md", "developpeur-se-backend.md", "customer-support-specialist.md"}
    front, body = read_frontmatter(project / "roles" / "senior-data-engineer.md")
    assert front["draft"] is True
    assert front["ats"]["provider"] == "greenhouse" and front["ats"]["board"] == "acme" and front["ats"]["id"] == "4001"
    assert front["title"] == "Senior Data Engineer" and front["department"] == "Data"  # the leaf department
    assert front["employment_type"] == "full_time"  # from the "Employment Type" custom field
    assert str(front["date_posted"]) == "2026-11-02"
    # Several offices: the leaf offices of the tree, mapped to city, state and country.
    assert front["locations"] == [{"city": "New York City", "region": "NY", "country": "US"},
                                  {"city": "San Francisco", "region": "CA", "country": "US"}]
    assert front["workplace"] == "onsite"
    # Several pay ranges in cents: each labelled and tied to the office its title names; salary is their envelope.
    assert front["salary"] == {"currency": "USD", "min": 170000, "max": 225000, "unit": "year"}
    assert front["pay_ranges"] == [
        {"label": "New York City", "currency": "USD", "min": 170000, "max": 210000, "unit": "year",
         "city": "New York City"},
        {"label": "San Francisco Bay Area", "currency": "USD", "min": 180000, "max": 225000, "unit": "year",
         "city": "San Francisco"}]
    assert front["apply"] == {"url": "https://boards.greenhouse.io/acme/jobs/4001", "direct": True}
    # Entity-escaped HTML became sanitised Markdown: no entities, no script, no event handler; the generic ATS
    # heading became bold text (it would fail a strict build as a heading).
    assert "**About the team**" in body and "#" not in body and "You’ll build pipelines for **R&D** & analytics." in body
    assert "- Own the ingestion layer" in body and "[here](https://example.com/why)" in body
    assert "&lt;" not in body and "&amp;" not in body and "alert" not in body and "steal" not in body
    # The GEO layer is left to the editor, as `careers new` placeholders.
    assert front["summary"].startswith("<<fill in") and front["hiring_manager"].startswith("<<fill in")


def test_unicode_title_remote_job_and_job_without_pay(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    french, body = read_frontmatter(project / "roles" / "developpeur-se-backend.md")
    assert french["title"] == "Développeur·se Backend"
    assert french["locations"] == [{"city": "Zürich", "country": "CH"}]
    assert french["salary"]["currency"].startswith("<<fill in")  # no pay in the ATS: left for the editor
    assert "«\u00a0backend\u00a0»" in body  # &nbsp; kept as the character it stands for
    remote, body = read_frontmatter(project / "roles" / "customer-support-specialist.md")
    assert remote["workplace"] == "remote" and remote["remote_countries"] == ["US"] and remote["locations"] == []
    assert remote["employment_type"] == "part_time"
    assert remote["salary"] == {"currency": "USD", "min": 24, "max": 31.5, "unit": "hour"}  # "Hourly rate"
    assert "onerror" not in body and "<img" not in body


def test_second_import_changes_nothing(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    first = role_texts(project)
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    assert code == 0
    result = json.loads(output)
    assert result["changes"] == [] and len(result["unchanged"]) == 3
    assert role_texts(project) == first  # byte for byte


def test_drafts_are_listed_by_check_without_failing_it(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    run = check(project)
    assert run.exit_code == 0, run.output
    assert run.problems() == []  # the published content is clean
    drafts = {d["path"]: d["problems"] for d in run.report["drafts"]}
    assert set(drafts) == {"roles/senior-data-engineer.md", "roles/developpeur-se-backend.md",
                           "roles/customer-support-specialist.md"}
    summary = [p for p in drafts["roles/senior-data-engineer.md"] if p["field"] == "summary"]
    assert summary and summary[0]["rule"] == "placeholder" and summary[0]["line"] > 1
    statuses = {p["path"]: p["status"] for p in run.report["pages"]}
    assert statuses["roles/senior-data-engineer.md"] == "draft"
    text_run = check(project, as_json=False)
    assert text_run.exit_code == 0 and "Drafts (not published" in text_run.output


EDITED_SUMMARY = "Lead the pipelines that feed every product decision, from raw events to trusted tables."


def _edit_as_editor(path):
    """What an editor does to a draft: fill GEO fields with a comment, write a body, publish it."""
    text = path.read_text(encoding="utf-8")
    text = text.replace('summary: "<<fill in>>"', f"summary: {EDITED_SUMMARY}  # reviewed by Jo")
    text = text.replace('hiring_manager: "<<fill in>>"', "hiring_manager: jo-smith")
    text = text.replace("draft: true", "draft: false   # published 2026-11-20")
    head, _, _ = text.rpartition("---\n")
    return path.write_text(head + "---\nOur own story of the role, written by the team.\n", encoding="utf-8")


def test_next_sync_updates_pay_closes_gone_jobs_adds_new_ones_and_keeps_editor_edits(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    engineer = project / "roles" / "senior-data-engineer.md"
    _edit_as_editor(engineer)
    before = engineer.read_text(encoding="utf-8")
    httpserver.clear()
    serve_greenhouse(httpserver, board(GREENHOUSE_V2))
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    assert code == 0, output
    actions = {c["path"]: c["action"] for c in json.loads(output)["changes"]}
    assert actions == {"roles/senior-data-engineer.md": "update", "roles/developpeur-se-backend.md": "close",
                       "roles/product-designer.md": "create"}
    after = engineer.read_text(encoding="utf-8")
    # Only the changed pay range line differs; the editor's lines, comments and body are untouched.
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines(), strict=True) if old != new]
    assert changed == [("    max: 210000", "    max: 215000")]
    assert f"summary: {EDITED_SUMMARY}  # reviewed by Jo" in after
    assert after.endswith("---\nOur own story of the role, written by the team.\n")
    closed, _ = read_frontmatter(project / "roles" / "developpeur-se-backend.md")
    assert closed["closed"] is True and str(closed["closed_on"]) == "2026-11-25"  # the pinned build date
    assert (project / "roles" / "developpeur-se-backend.md").exists()  # closed, never deleted
    designer, _ = read_frontmatter(project / "roles" / "product-designer.md")
    assert designer["draft"] is True
    assert [loc["city"] for loc in designer["locations"]] == ["London", "Berlin"]  # "London or Berlin"
    # Mixed currencies: no envelope, salary is the first range and both ranges are listed.
    assert designer["salary"]["currency"] == "GBP"
    assert [r["currency"] for r in designer["pay_ranges"]] == ["GBP", "EUR"]
    snapshot = role_texts(project)
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    assert role_texts(project) == snapshot  # idempotent after changes too


def test_a_job_coming_back_reopens_its_role(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    httpserver.clear()
    serve_greenhouse(httpserver, board(GREENHOUSE_V2))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    httpserver.clear()
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    front, _ = read_frontmatter(project / "roles" / "developpeur-se-backend.md")
    assert front["closed"] is False and front["closed_on"] is None


def test_pinned_fields_keep_the_editors_value(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    path = project / "roles" / "senior-data-engineer.md"
    text = path.read_text(encoding="utf-8").replace('title: "Senior Data Engineer"', "title: Senior Data Engineer, Platform")
    path.write_text(text.replace("ats_pin: []", "ats_pin: [title, pay_ranges]"), encoding="utf-8")
    httpserver.clear()
    serve_greenhouse(httpserver, board(GREENHOUSE_V2))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    front, _ = read_frontmatter(path)
    assert front["title"] == "Senior Data Engineer, Platform"
    assert front["pay_ranges"][0]["max"] == 210000  # pinned: the ATS's new 215000 is not taken


def test_existing_role_with_the_same_apply_url_is_adopted_not_duplicated(project, httpserver):
    data = board(GREENHOUSE_V1)
    data["jobs"][0]["absolute_url"] = "https://jobs.example.com/apply/data-lead"
    serve_greenhouse(httpserver, data)
    before = (project / "roles" / "data-lead.md").read_text(encoding="utf-8")
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    assert "senior-data-engineer.md" not in role_texts(project)
    front, body = read_frontmatter(project / "roles" / "data-lead.md")
    assert front["ats"] == {"provider": "greenhouse", "board": "acme", "id": "4001"}  # body was the editor's
    assert front["title"] == "Senior Data Engineer" and "draft" not in front
    assert body == before.split("---\n", 2)[2]  # the editor's body is kept


def test_dry_run_prints_a_unified_diff_and_writes_nothing(project, httpserver):
    serve_greenhouse(httpserver, board(GREENHOUSE_V1))
    before = role_texts(project)
    code, output = import_board(project, httpserver, "greenhouse", "--dry-run")
    assert code == 0
    assert role_texts(project) == before
    assert "--- /dev/null\n+++ b/roles/senior-data-engineer.md\n" in output
    assert "+title: \"Senior Data Engineer\"" in output
    assert "Dry run: nothing was written." in output


def test_provider_and_board_can_come_from_mkdocs_yml(project, httpserver):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"      ats:\n        provider: lever\n        board: acme\n"
                      f"        base_url: {httpserver.url_for('/').rstrip('/')}\n", encoding="utf-8")
    serve_lever(httpserver, board("lever-acme.json"))
    from cli_helpers import run_cli
    code, output = run_cli("import", "-f", str(config))
    assert code == 0, output
    assert "machine-learning-engineer.md" in role_texts(project)


def test_lever_board(project, httpserver):
    serve_lever(httpserver, board("lever-acme.json"))
    code, output = import_board(project, httpserver, "lever")
    assert code == 0, output
    engineer, body = read_frontmatter(project / "roles" / "machine-learning-engineer.md")
    assert engineer["workplace"] == "hybrid" and engineer["department"] == "Engineering"
    assert engineer["locations"] == [{"city": "Berlin", "country": "DE"}, {"city": "Hamburg", "country": "DE"}]
    assert engineer["salary"] == {"currency": "EUR", "min": 85000, "max": 105000, "unit": "year"}
    # Lever publishes no publication date (createdAt is when the posting was created): the sync date.
    assert str(engineer["date_posted"]) == "2026-11-25"
    assert engineer["apply"]["url"].endswith("/apply")
    assert "**What you'll do**" in body and "- Train & evaluate models" in body and "We sponsor visas." in body
    writer, _ = read_frontmatter(project / "roles" / "technical-writer.md")
    # workplaceType "unspecified": the location text says Remote, the posting's country says where.
    assert writer["workplace"] == "remote" and writer["remote_countries"] == ["CA"]
    assert writer["employment_type"] == "contractor"
    assert writer["salary"] == {"currency": "CAD", "min": 55, "max": 70, "unit": "hour"}
    assert str(writer["date_posted"]) == "2026-11-25"  # no createdAt: the sync date


def test_lever_board_is_read_page_by_page(project, httpserver, monkeypatch):
    from mkdocs_careers.ats.providers import lever
    monkeypatch.setattr(lever, "PAGE_SIZE", 1)
    postings = board("lever-acme.json")
    for skip, page in ((0, postings[:1]), (1, postings[1:]), (2, [])):
        httpserver.expect_request("/v0/postings/acme", query_string={"mode": "json", "skip": str(skip), "limit": "1"}
                                  ).respond_with_json(page)
    assert import_board(project, httpserver, "lever")[0] == 0
    assert {"machine-learning-engineer.md", "technical-writer.md"} <= set(role_texts(project))


def test_ashby_board(project, httpserver):
    serve_ashby(httpserver, board("ashby-acme.json"))
    code, output = import_board(project, httpserver, "ashby")
    assert code == 0, output
    names = set(role_texts(project))
    assert "internal-transfer-only.md" not in names  # isListed: false
    staff, body = read_frontmatter(project / "roles" / "staff-backend-engineer.md")
    assert staff["locations"] == [{"city": "Toronto", "region": "Ontario", "country": "CA"},
                                  {"city": "Vancouver", "region": "British Columbia", "country": "CA"}]
    assert staff["workplace"] == "onsite" and staff["employment_type"] == "full_time"
    # Two compensation tiers (the equity component is not base pay).
    assert staff["salary"] == {"currency": "CAD", "min": 180000, "max": 240000, "unit": "year"}
    assert [r["label"] for r in staff["pay_ranges"]] == ["Staff", "Senior Staff"]
    assert "**What you will do**" in body  # a generic ATS heading becomes bold text
    sales, _ = read_frontmatter(project / "roles" / "solutions-engineer.md")
    assert sales["workplace"] == "remote" and sales["remote_countries"] == ["US"]
    assert sales["apply"]["url"] == "https://jobs.ashbyhq.com/acme/0f8a7c4e-aaaa-4bbb-8ccc-000000000002"


def test_unmappable_location_is_a_located_warning_not_a_guess(project, httpserver):
    data = board(GREENHOUSE_V1)
    job = data["jobs"][1]
    job["location"] = {"name": "Springfield"}
    job["offices"] = []
    serve_greenhouse(httpserver, data)
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    assert code == 0
    problems = [p for p in json.loads(output)["problems"] if p["path"] == "roles/developpeur-se-backend.md"]
    assert len(problems) == 1 and problems[0]["field"] == "locations" and problems[0]["severity"] == "warning"
    assert "could be several cities" in problems[0]["message"] and "Springfield, IL, US" in problems[0]["message"]
    path = project / "roles" / "developpeur-se-backend.md"
    assert path.read_text(encoding="utf-8").splitlines()[problems[0]["line"] - 1].startswith("locations:")
    front, _ = read_frontmatter(path)
    assert front["locations"][0]["city"].startswith("<<fill in")  # left for the editor


# --- network failures: all or nothing ----------------------------------------------------------------------
def test_unknown_board_is_a_clear_error(project, httpserver):
    httpserver.expect_request("/v1/boards/nope/jobs").respond_with_json({"status": 404, "error": "Job not found"},
                                                                         status=404)
    before = role_texts(project)
    code, output = import_board(project, httpserver, "greenhouse", board_name="nope")
    assert code == 1
    assert "greenhouse has no board 'nope'" in output and "HTTP 404" in output and "boards.greenhouse.io/<token>" in output
    assert role_texts(project) == before


def test_server_error_is_retried_with_backoff_then_succeeds(project, httpserver, waits):
    data = board(GREENHOUSE_V1)
    httpserver.expect_oneshot_request("/v1/boards/acme/jobs").respond_with_data("upstream down", status=503)
    httpserver.expect_oneshot_request("/v1/boards/acme/jobs").respond_with_data("oops", status=500)
    serve_greenhouse(httpserver, data)
    code, output = import_board(project, httpserver, "greenhouse", "--retries", "2")
    assert code == 0, output
    assert waits == [1.0, 2.0]  # exponential backoff: 1 s, then 2 s
    assert len(role_texts(project)) == 4


def test_rate_limit_honours_retry_after(project, httpserver, waits):
    httpserver.expect_oneshot_request("/posting-api/job-board/acme").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"})
    serve_ashby(httpserver, board("ashby-acme.json"))
    assert import_board(project, httpserver, "ashby", "--retries", "1")[0] == 0
    assert waits == [7.0]  # longer than the backoff's 1 s


def test_persistent_server_errors_write_nothing(project, httpserver, waits):
    httpserver.expect_request("/v0/postings/acme").respond_with_data("broken", status=502)
    before = role_texts(project)
    code, output = import_board(project, httpserver, "lever", "--retries", "1")
    assert code == 1
    assert "HTTP 502" in output and "(gave up after 2 attempts)" in output and "Nothing was written." in output
    assert role_texts(project) == before


def test_a_partial_fetch_writes_nothing(project, httpserver, monkeypatch, waits):
    """Lever's second page cannot be read: no file is written, not even the first page's roles."""
    from mkdocs_careers.ats.providers import lever
    monkeypatch.setattr(lever, "PAGE_SIZE", 1)
    postings = board("lever-acme.json")
    httpserver.expect_request("/v0/postings/acme", query_string={"mode": "json", "skip": "0", "limit": "1"}
                              ).respond_with_json(postings[:1])
    httpserver.expect_request("/v0/postings/acme", query_string={"mode": "json", "skip": "1", "limit": "1"}
                              ).respond_with_data("down", status=500)
    before = role_texts(project)
    code, output = import_board(project, httpserver, "lever", "--retries", "0")
    assert code == 1 and "skip=1" in output and "Nothing was written." in output
    assert role_texts(project) == before


@pytest.mark.parametrize("payload, expected", [
    ('{"jobs": [', "is not valid JSON"),
    ('{"jobs": {"id": 1}}', "'jobs' is not a list of jobs"),
    ("<html>maintenance</html>", "is not valid JSON"),
])
def test_a_board_that_cannot_be_read_is_a_clear_error(project, httpserver, payload, expected):
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_data(payload, content_type="application/json")
    before = role_texts(project)
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    assert code == 1
    result = json.loads(output)
    assert result["ok"] is False and expected in result["error"]
    assert role_texts(project) == before


def test_slow_response_times_out_and_writes_nothing(project, httpserver):
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response(json.dumps(board("ashby-acme.json")), content_type="application/json")

    httpserver.expect_request("/posting-api/job-board/acme").respond_with_handler(slow)
    before = role_texts(project)
    code, output = import_board(project, httpserver, "ashby", "--timeout", "0.3", "--retries", "0")
    assert code == 1
    assert "timed out after 0.3 s" in output
    assert role_texts(project) == before


def test_unknown_provider_and_missing_board_are_usage_errors(project, httpserver):
    from cli_helpers import run_cli
    code, output = run_cli("import", "workday", "--board", "x", "-f", str(project / "mkdocs.yml"))
    assert code == 2 and "workday" in output
    code, output = run_cli("import", "greenhouse", "-f", str(project / "mkdocs.yml"))
    assert code == 2 and "--board" in output
