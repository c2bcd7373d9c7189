"""Imported roles on the real site: drafts never publish nor fail the build; completed imports build with --strict
and their JobPosting carries exactly the ATS facts (title, dates, places, pay envelope, employment type, apply URL).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from ats_boards import board, import_board, new_project, serve_ashby, serve_greenhouse, serve_lever
from conftest import nodes_of_type, one_node, run_build
from lxml import html as lxml_html
from mkdocs_careers.content.placeholders import is_placeholder
from ruamel.yaml import YAML

DRAFTS = ("senior-data-engineer", "developpeur-se-backend", "customer-support-specialist")


def _fill_in(path, *, keep_body: bool = False) -> None:
    """What an editor does before publishing an imported draft: replace every placeholder, set draft: false (and,
    unless `keep_body`, rewrite the body's headings and add the statements some laws require)."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.load(front)
    data["hiring_manager"] = "jo-smith"
    data["summary"] = f"Join the {data['department']} team and ship measurable results in your first 90 days."
    data["outcomes"] = {"day_90": ["Ship 2 improvements to production by day 90"],
                        "day_180": ["Cut the team's cycle time by 20%"],
                        "day_365": ["Lead 3 projects that each move a company metric by 10%"]}
    data["must_haves"] = ["3 years of experience in a similar role"]
    data["benefits"] = ["Health insurance from the first day"]
    data["faq"] = []
    data["valid_through"] = dt.date(2027, 3, 31)
    if is_placeholder(str(data["salary"].get("currency"))):
        data["salary"] = {"currency": "CHF", "min": 120000, "max": 140000, "unit": "year"}
    data["draft"] = False
    assert not [v for v in json.loads(json.dumps(data, default=str)).values() if is_placeholder(str(v))]
    if keep_body:
        with path.open("w", encoding="utf-8") as stream:
            stream.write("---\n")
            yaml.dump(data, stream)
            stream.write("---\n" + body)
        return
    # The ATS's headings ("About the team") are generic: the editor rewrites them as a candidate's question.
    body = re.sub(r"^(#+) .*$", r"\1 What will you achieve in your first year with us?", body, flags=re.MULTILINE)
    # Statements some job-ad laws require (e.g. Ontario's), which no ATS board publishes: the editor adds them.
    body += ("\nThis posting is for an existing vacancy. We do not use artificial intelligence to screen, assess or "
             "select applicants.\n")
    with path.open("w", encoding="utf-8") as stream:
        stream.write("---\n")
        yaml.dump(data, stream)
        stream.write("---\n" + body)


def test_drafts_are_not_published_and_do_not_fail_the_build(tmp_path, httpserver):
    project = new_project(tmp_path)
    serve_greenhouse(httpserver, board("greenhouse-acme-v1.json"))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    result = run_build(project)  # --strict: the drafts' placeholders would be errors in published roles
    assert result.returncode == 0, result.output
    for slug in DRAFTS:
        assert not (result.site / "roles" / slug).exists()
        for output in ("sitemap.xml", "llms.txt", "roles/feed.json"):
            assert slug not in (result.site / output).read_text(encoding="utf-8")
    assert (result.site / "roles" / "data-lead" / "index.html").exists()


def test_generic_headings_of_a_body_the_ats_owns_never_fail_a_strict_build(tmp_path, httpserver):
    """A body still as the import wrote it is the ATS's text: its headings (here as an older import wrote them,
    "## Requirements") are reported by `careers import`, not by the build; once an editor edits it, they are the
    editor's to fix."""
    from cli_helpers import check
    from mkdocs_careers.ats.sync import body_digest

    project = new_project(tmp_path)
    serve_greenhouse(httpserver, board("greenhouse-acme-v1.json"))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    path = project / "roles" / "senior-data-engineer.md"
    legacy = "\n## Requirements\n\n- Five years of Python\n\n## What you'll do\n\nBuild the pipelines.\n"
    head, _, _ = path.read_text(encoding="utf-8").rpartition("---\n")
    head = re.sub(r"body_sha256: \S+", f"body_sha256: {body_digest(legacy)}", head)
    path.write_text(head + "---\n" + legacy, encoding="utf-8")
    _fill_in(path, keep_body=True)
    assert check(project).problems(rule="generic-heading") == []
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert (result.site / "roles" / "senior-data-engineer" / "index.html").exists()
    path.write_text(path.read_text(encoding="utf-8").replace("Build the pipelines.", "Build our pipelines."),
                    encoding="utf-8")
    findings = check(project).problems(path="roles/senior-data-engineer.md", rule="generic-heading")
    assert [f["message"] for f in findings] == ["heading 'Requirements' is generic", "heading 'What you'll do' is generic"]


@pytest.fixture(scope="module")
def imported_build(tmp_path_factory):
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        project = new_project(tmp_path_factory.mktemp("imported"))
        serve_greenhouse(server, board("greenhouse-acme-v1.json"))
        serve_lever(server, board("lever-acme.json"))
        serve_ashby(server, board("ashby-acme.json"))
        for provider in ("greenhouse", "lever", "ashby"):
            code, output = import_board(project, server, provider)
            assert code == 0, output
    finally:
        server.stop()
    imported = sorted(p for p in (project / "roles").glob("*.md") if p.name != "data-lead.md")
    for path in imported:
        _fill_in(path)
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result, {p.stem: YAML(typ="safe").load(p.read_text(encoding="utf-8").split("---\n")[1]) for p in imported}


def test_every_imported_role_builds_with_a_job_posting_of_the_ats_facts(imported_build):
    result, fronts = imported_build
    assert len(fronts) == 7
    for slug, front in fronts.items():
        graph = result.graph(f"roles/{slug}/")
        job = one_node(graph, "JobPosting")
        assert job["title"] == front["title"]
        assert job["datePosted"] == str(front["date_posted"])
        assert job["validThrough"] == "2027-03-31T23:59:59"
        assert job["employmentType"] == front["employment_type"].upper()
        salary = front["salary"]
        assert job["baseSalary"]["currency"] == salary["currency"]
        assert job["baseSalary"]["value"]["unitText"] == salary["unit"].upper()
        assert (job["baseSalary"]["value"]["minValue"], job["baseSalary"]["value"]["maxValue"]) == (
            salary["min"], salary["max"])
        assert job["directApply"] is True
        assert job["identifier"]["value"] == slug
        if front["workplace"] == "remote":
            assert job["jobLocationType"] == "TELECOMMUTE"
            assert [c["name"] for c in job["applicantLocationRequirements"]] == front["remote_countries"]
        else:
            places = [(p["address"]["addressLocality"], p["address"]["addressCountry"]) for p in job["jobLocation"]]
            assert places == [(loc["city"], loc["country"]) for loc in front["locations"]]
        assert nodes_of_type(graph, "Organization")
        assert "<script" not in job["description"] and "onerror" not in job["description"]


def test_several_pay_ranges_are_in_the_page_and_the_envelope_in_job_posting(imported_build):
    result, fronts = imported_build
    front = fronts["senior-data-engineer"]
    job = one_node(result.graph("roles/senior-data-engineer/"), "JobPosting")
    low = min(r["min"] for r in front["pay_ranges"])
    high = max(r["max"] for r in front["pay_ranges"])
    assert (job["baseSalary"]["value"]["minValue"], job["baseSalary"]["value"]["maxValue"]) == (low, high)
    shown = "$170,000–$225,000 USD per year (New York City: $170,000–$210,000 USD per year; San Francisco Bay Area: " \
            "$180,000–$225,000 USD per year)"
    page = " ".join(lxml_html.fromstring(result.html("roles/senior-data-engineer/")).text_content().split())
    assert shown in page
    assert shown in (result.site / "roles" / "senior-data-engineer" / "index.md").read_text(encoding="utf-8")
    assert shown in (result.site / "llms.txt").read_text(encoding="utf-8")


def test_a_pay_range_tied_to_a_city_the_role_has_no_office_in_is_an_error(minimal_project):
    from cli_helpers import check, edit
    path = minimal_project / "roles" / "data-lead.md"
    edit(path, pay_ranges=[{"label": "Atlantis", "currency": "USD", "min": 150000, "max": 170000, "unit": "year",
                            "city": "Atlantis"},
                           {"label": "Chicago", "currency": "USD", "min": 160000, "max": 180000, "unit": "year",
                            "city": "Chicago"}])
    [finding] = check(minimal_project).problems(path="roles/data-lead.md", rule="role-workplace")
    assert finding["field"] == "pay_ranges[0].city" and "'Atlantis' is not the city" in finding["message"]
