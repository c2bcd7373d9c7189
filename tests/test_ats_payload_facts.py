"""Facts only from what an ATS payload states, per job: boards shaped like real ones (tests/data/ats/README.md)
served on 127.0.0.1 and imported with the real CLI.

Pay units come from the payload's interval or whole-word phrases, never from a place name; region words become
country sets, never towns; an open-ended range is refused, not clipped; per-location ranges stay tied to their
office; one job the import cannot read is skipped with a located error while the rest of the board syncs."""

from __future__ import annotations

import json

import pytest
from ats_boards import board, import_board, new_project, role_texts, serve_ashby, serve_greenhouse, serve_lever
from cli_helpers import read_frontmatter
from mkdocs_careers.ats.locations import REGIONS

UNITS = "greenhouse-units.json"


@pytest.fixture
def project(tmp_path):
    return new_project(tmp_path)


@pytest.fixture
def units_import(project, httpserver):
    serve_greenhouse(httpserver, board(UNITS))
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    return project, code, json.loads(output)


def role(project, slug):
    return read_frontmatter(project / "roles" / f"{slug}.md")


def problems_of(result, path):
    return [p for p in result["problems"] if p["path"] == path]


# --- pay units ------------------------------------------------------------------------------------------------
def test_a_place_name_in_the_range_title_never_sets_the_unit(units_import):
    project, code, _ = units_import
    # "Dayton, OH" is a place, not "per day": the blurb says hourly.
    lead, _ = role(project, "warehouse-lead")
    assert lead["salary"] == {"currency": "USD", "min": 21, "max": 27, "unit": "hour"}
    # "12-month contract" states no unit, nor does "Monday ... Holiday and Sunday": the configured default.
    analyst, _ = role(project, "contract-analyst")
    assert analyst["salary"] == {"currency": "USD", "min": 65000, "max": 80000, "unit": "year"}
    nurse, _ = role(project, "weekend-nurse")
    assert nurse["salary"]["unit"] == "year"


def test_the_title_states_the_unit_before_the_blurb(units_import):
    project, _, result = units_import
    supervisor, _ = role(project, "shift-supervisor")
    assert supervisor["salary"] == {"currency": "USD", "min": 40, "max": 55, "unit": "hour"}  # "Hourly rate"
    assert problems_of(result, "roles/shift-supervisor.md") == []


def test_the_sites_pay_unit_is_the_default_when_the_payload_states_none(project, httpserver):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      ats:\n        pay_unit: month\n", encoding="utf-8")
    serve_greenhouse(httpserver, board(UNITS))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    assert role(project, "contract-analyst")[0]["salary"]["unit"] == "month"
    assert role(project, "warehouse-lead")[0]["salary"]["unit"] == "hour"  # stated: the default does not apply


def test_contradictory_units_are_a_warning_and_the_range_is_not_written(project, httpserver):
    data = board(UNITS)
    data["jobs"][1]["pay_input_ranges"][0]["blurb"] = "Paid hourly or as an annual salary, depending on the client."
    serve_greenhouse(httpserver, data)
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    assert code == 0
    [problem] = problems_of(json.loads(output), "roles/contract-analyst.md")
    assert problem["field"] == "salary" and "per year and per hour" in problem["message"]
    assert role(project, "contract-analyst")[0]["salary"]["currency"].startswith("<<fill in")


def test_lever_and_ashby_intervals_give_the_unit(project, httpserver):
    serve_lever(httpserver, board("lever-acme.json"))
    serve_ashby(httpserver, board("ashby-quirks.json"))
    assert import_board(project, httpserver, "lever")[0] == 0
    assert role(project, "technical-writer")[0]["salary"]["unit"] == "hour"  # per-hour-wage
    import_board(project, httpserver, "ashby")
    assert role(project, "support-engineer")[0]["salary"] == {"currency": "SGD", "min": 6000, "max": 8000,
                                                               "unit": "month"}  # "1 MONTH"


# --- ranges ---------------------------------------------------------------------------------------------------
def test_untitled_ranges_take_the_office_their_blurb_names(units_import):
    project, _, result = units_import
    manager, _ = role(project, "operations-manager")
    assert manager["pay_ranges"] == [
        {"label": "New York City", "currency": "USD", "min": 150000, "max": 180000, "unit": "year",
         "city": "New York City"},
        {"label": "San Francisco", "currency": "USD", "min": 160000, "max": 200000, "unit": "year",
         "city": "San Francisco"}]
    assert problems_of(result, "roles/operations-manager.md") == []


def test_an_open_ended_range_is_refused_not_clipped(project, httpserver):
    serve_ashby(httpserver, board("ashby-quirks.json"))
    code, output = import_board(project, httpserver, "ashby", "--json")
    principal, _ = role(project, "principal-engineer")
    assert principal["salary"]["currency"].startswith("<<fill in")  # never CAD 180,000 exactly
    messages = [p["message"] for p in problems_of(json.loads(output), "roles/principal-engineer.md")
                if p["field"] == "salary"]
    assert messages and "CAD 180,000+" in messages[0] and "open-ended" in messages[0]


# --- places ---------------------------------------------------------------------------------------------------
def countries(region):
    codes = REGIONS[region]
    return sorted(codes() if callable(codes) else codes)


def test_region_words_are_country_sets_or_a_problem_never_towns(units_import):
    project, _, result = units_import
    apac, _ = role(project, "account-executive")  # "Remote - APAC"
    assert apac["workplace"] == "remote" and apac["locations"] == []
    assert sorted(apac["remote_countries"]) == countries("apac")
    assert {"JP", "SG", "AU", "IN"} <= set(apac["remote_countries"]) and "UG" not in apac["remote_countries"]
    for slug, word in (("regional-director", "Asia"), ("sales-lead", "LATAM")):
        front, _ = role(project, slug)  # an office job named by a region: nothing is guessed
        assert front["locations"][0]["city"].startswith("<<fill in")
        [problem] = [p for p in problems_of(result, f"roles/{slug}.md") if p["field"] == "locations"]
        assert f"'{word}' names a region, not an office" in problem["message"]


def test_a_country_next_to_its_capital_is_not_a_town_elsewhere(units_import):
    project, _, result = units_import
    manager, _ = role(project, "country-manager")  # "Mexico | Mexico City"
    assert manager["locations"] == [{"city": "Mexico City", "country": "MX"}]
    assert problems_of(result, "roles/country-manager.md") == []


def test_a_remote_region_on_ashby_gives_its_countries(project, httpserver):
    serve_ashby(httpserver, board("ashby-quirks.json"))
    import_board(project, httpserver, "ashby")
    support, _ = role(project, "support-engineer")  # "Remote - Asia", isRemote
    assert support["workplace"] == "remote" and sorted(support["remote_countries"]) == countries("asia")
    assert "PH" in support["remote_countries"] and support["locations"] == []


def test_ashby_flat_secondary_address_string_locations_street_and_postcode(project, httpserver):
    serve_ashby(httpserver, board("ashby-quirks.json"))
    import_board(project, httpserver, "ashby")
    principal, _ = role(project, "principal-engineer")
    assert principal["locations"] == [
        {"city": "Toronto", "region": "Ontario", "country": "CA", "postal_code": "M5V 2T6",
         "street": "100 King St W"},
        {"city": "Vancouver", "region": "BC", "country": "CA"},  # a plain string
        {"city": "Montréal", "region": "Quebec", "country": "CA", "postal_code": "H2Y 1C6",
         "street": "1 Place Ville Marie"}]  # the documented flat address
    assert principal["employment_type"] == "temporary"  # "Seasonal"
    assert role(project, "support-engineer")[0]["employment_type"] == "contractor"  # "Contract to Hire"


def lever_location_warning(project, httpserver, location: str, country: str) -> tuple[int, dict]:
    """Import the Lever board with its first posting at `location` in `country`; the location warning of its role."""
    postings = board("lever-acme.json")
    postings[0]["categories"]["allLocations"] = [location]
    postings[0]["country"] = country
    serve_lever(httpserver, postings)
    code, output = import_board(project, httpserver, "lever", "--json")
    [warning] = [p for p in problems_of(json.loads(output), "roles/machine-learning-engineer.md")
                 if p["field"] == "locations"]
    return code, warning


def test_a_small_town_from_a_bare_name_is_kept_with_a_located_warning(project, httpserver):
    code, warning = lever_location_warning(project, httpserver, "Latham", "US")
    assert code == 0
    assert "Latham, NY, US, a town of" in warning["message"] and warning["severity"] == "warning"
    assert role(project, "machine-learning-engineer")[0]["locations"] == [{"city": "Latham", "region": "NY",
                                                                          "country": "US"}]


def test_a_city_in_another_country_than_the_jobs_is_a_warning(project, httpserver):
    _, warning = lever_location_warning(project, httpserver, "Hamburg, Germany", "US")
    assert "the ATS gives the job's country as US" in warning["message"]


# --- per-job degradation ---------------------------------------------------------------------------------------
def test_one_unreadable_job_is_skipped_and_the_rest_of_the_board_syncs(project, httpserver):
    serve_ashby(httpserver, board("ashby-quirks.json"))
    code, output = import_board(project, httpserver, "ashby", "--json")
    result = json.loads(output)
    assert code == 1 and result["ok"] is False and result["skipped"] == 1  # the run is red
    assert {"principal-engineer.md", "support-engineer.md"} <= set(role_texts(project))
    assert "data-scientist.md" not in role_texts(project)
    [error] = [p for p in result["problems"] if p["severity"] == "error"]
    assert error["path"] == "ashby:acme/0f8a7c4e-bbbb-4bbb-8ccc-000000000012"
    assert error["field"] == "jobs[1].publishedAt" and "'2026-13-45T00:00:00.000+00:00'" in error["message"]


def test_an_unreadable_job_leaves_its_role_open_while_vanished_jobs_close(project, httpserver):
    serve_greenhouse(httpserver, board("greenhouse-acme-v1.json"))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    engineer = project / "roles" / "senior-data-engineer.md"
    before = engineer.read_text(encoding="utf-8")
    data = board("greenhouse-acme-v1.json")
    data["jobs"][0]["pay_input_ranges"][0]["currency_type"] = None  # job 4001 cannot be read
    del data["jobs"][1]  # job 4002 left the board
    httpserver.clear()
    serve_greenhouse(httpserver, data)
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    result = json.loads(output)
    assert code == 1
    assert engineer.read_text(encoding="utf-8") == before  # left exactly as it is, not closed
    assert {c["path"]: c["action"] for c in result["changes"]} == {"roles/developpeur-se-backend.md": "close"}
    [error] = [p for p in result["problems"] if p["severity"] == "error"]
    assert error["path"] == "roles/senior-data-engineer.md" and error["line"] > 1
    assert error["field"] == "jobs[0].pay_input_ranges[0].currency_type"


def test_a_job_without_a_readable_id_holds_every_closing(project, httpserver):
    serve_greenhouse(httpserver, board("greenhouse-acme-v1.json"))
    assert import_board(project, httpserver, "greenhouse")[0] == 0
    data = board("greenhouse-acme-v1.json")
    data["jobs"][1]["id"] = None  # which role is it? none is closed until the board is readable again
    data["jobs"][2]["id"] = {"nested": True}
    httpserver.clear()
    serve_greenhouse(httpserver, data)
    code, output = import_board(project, httpserver, "greenhouse", "--json")
    result = json.loads(output)
    assert code == 1 and result["closing_held"] is True
    assert [c["action"] for c in result["changes"]] == []
    assert not read_frontmatter(project / "roles" / "developpeur-se-backend.md")[0]["closed"]


def test_the_summary_file_puts_the_failure_in_the_pull_request_body(project, httpserver, tmp_path):
    serve_ashby(httpserver, board("ashby-quirks.json"))
    summary = tmp_path / "pr-body.md"
    code, _ = import_board(project, httpserver, "ashby", "--summary-file", str(summary))
    body = summary.read_text(encoding="utf-8")
    assert code == 1
    assert "### Jobs that could not be imported (1)" in body
    assert "ashby:acme/0f8a7c4e-bbbb-4bbb-8ccc-000000000012: jobs[1].publishedAt:" in body
    assert "### Warnings" in body and "open-ended" in body
    httpserver.clear()
    httpserver.expect_request("/posting-api/job-board/acme").respond_with_data("down", status=503)
    code, _ = import_board(project, httpserver, "ashby", "--retries", "0", "--summary-file", str(summary))
    body = summary.read_text(encoding="utf-8")
    assert code == 1 and "**The import failed; nothing was written.**" in body and "HTTP 503" in body


# --- bodies ---------------------------------------------------------------------------------------------------
def test_imported_headings_sit_below_the_page_sections_and_generic_ones_become_bold(project, httpserver):
    serve_ashby(httpserver, board("ashby-quirks.json"))
    _, output = import_board(project, httpserver, "ashby", "--json")
    _, body = role(project, "principal-engineer")
    assert "### How you will shape our storage engine in 2027" in body  # h2 → h3, below the page's own h2s
    assert "**Principal Engineer**" in body and "**Requirements**" in body  # generic: made bold, reported
    assert "\n# " not in body and "\n## " not in body
    notes = [p for p in problems_of(json.loads(output), "roles/principal-engineer.md") if p["rule"] == "generic-heading"]
    assert [n["message"].split("'")[1] for n in notes] == ["Principal Engineer", "Requirements"]
    lines = (project / "roles" / "principal-engineer.md").read_text(encoding="utf-8").splitlines()
    assert lines[notes[1]["line"] - 1] == "**Requirements**"


def test_line_breaks_and_greenhouse_pay_blocks_keep_their_lines(units_import):
    project, _, _ = units_import
    _, body = role(project, "warehouse-lead")
    assert "Mon–Fri  \nDay shift  \nNo weekends" in body  # <br> is a Markdown hard break
    assert "**Dayton, OH**" not in body and "Dayton, OH\n\nShift pay depends on experience.\n\n$21—$27 USD" in body


# --- matching -------------------------------------------------------------------------------------------------
def test_a_role_holding_levers_hosted_url_is_adopted(project, httpserver):
    postings = board("lever-acme.json")
    data_lead = project / "roles" / "data-lead.md"
    text = data_lead.read_text(encoding="utf-8")
    apply_url = read_frontmatter(data_lead)[0]["apply"]["url"]
    data_lead.write_text(text.replace(apply_url, postings[0]["hostedUrl"]), encoding="utf-8")
    serve_lever(httpserver, postings)
    assert import_board(project, httpserver, "lever")[0] == 0
    assert "machine-learning-engineer.md" not in role_texts(project)
    front, _ = read_frontmatter(data_lead)
    assert front["ats"]["id"] == postings[0]["id"] and front["title"] == "Machine Learning Engineer"
