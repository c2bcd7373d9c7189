"""Pay transparency: roles located in (or remote-open to) a jurisdiction whose law requires pay in job
ads must publish it, with the law's effective date honoured against the build date."""

from __future__ import annotations

import pytest
from cli_helpers import add_lint_fixture, check, edit
from mkdocs_careers.lint.pay_transparency import load_laws

RULE = "pay-transparency"
NYC_FIXTURE = "roles/new-york-city-no-salary.md"
REMOTE_FIXTURE = "roles/remote-us-no-salary.md"
SALARY = {"currency": "USD", "min": 120000, "max": 150000, "unit": "year"}


def pay_problems(run, path):
    return {p["field"]: p for p in run.problems(path, RULE)}


def test_laws_cover_every_required_jurisdiction_with_a_law_name_and_date():
    laws = load_laws()
    assert {law.jurisdiction for law in laws} >= {
        "Colorado", "California", "Washington", "New York State", "New York City", "Illinois", "Minnesota",
        "New Jersey", "Maryland", "Washington DC", "Hawaii", "Vermont", "Massachusetts", "Ontario",
        "British Columbia"}
    for law in laws:
        assert law.law and law.effective.year >= 2021 and law.requires


def test_remote_role_open_to_us_without_salary_names_colorado_and_its_law(minimal_project):
    add_lint_fixture(minimal_project, "remote-us-no-salary")
    run = check(minimal_project)
    assert run.exit_code == 1
    problem = pay_problems(run, REMOTE_FIXTURE)["salary"]
    assert problem["severity"] == "error"
    assert problem["line"] == 1  # the field is missing: the problem points at the frontmatter
    assert "remote and open to US, so Colorado (Colorado Equal Pay for Equal Work Act" in problem["message"]
    for jurisdiction in ("California", "New York City", "Illinois", "Washington DC", "Massachusetts"):
        assert jurisdiction in problem["message"]
    assert "min, max" in problem["hint"]


def test_remote_role_open_to_us_with_salary_benefits_and_closing_date_passes(minimal_project):
    role = add_lint_fixture(minimal_project, "remote-us-no-salary")
    edit(role, salary=SALARY)
    run = check(minimal_project)
    assert run.exit_code == 0, run.output
    assert pay_problems(run, REMOTE_FIXTURE) == {}


def test_new_york_city_role_without_salary_cites_local_law_32(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    run = check(minimal_project, str(role))
    problem = pay_problems(run, NYC_FIXTURE)["salary"]
    assert "office in New York, so New York State (New York Labor Law 194-b), New York City (" in problem["message"]
    assert "Local Law 32 of 2022" in problem["message"]
    assert "New York State" in problem["message"] and "Labor Law 194-b" in problem["message"]
    assert "California" not in problem["message"]  # an office in New York is not a remote US role


def test_new_york_city_role_with_salary_passes(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, salary=SALARY)
    assert pay_problems(check(minimal_project, str(role)), NYC_FIXTURE) == {}


def test_a_borough_counts_as_new_york_city(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[{"city": "Brooklyn", "region": "New York", "country": "US"}])
    message = pay_problems(check(minimal_project), NYC_FIXTURE)["salary"]["message"]
    assert "office in Brooklyn, so New York State (New York Labor Law 194-b), New York City" in message


def test_colorado_also_requires_benefits_and_a_closing_date(minimal_project):
    role = add_lint_fixture(minimal_project, "remote-us-no-salary")
    edit(role, salary=SALARY, benefits=[], valid_through=None)
    problems = pay_problems(check(minimal_project), REMOTE_FIXTURE)
    assert set(problems) == {"benefits", "valid_through"}
    assert "Washington" in problems["benefits"]["message"] and "Colorado" in problems["benefits"]["message"]
    assert "SB 23-105" in problems["valid_through"]["message"]


def test_closing_date_requirement_starts_on_its_effective_date(minimal_project):
    role = add_lint_fixture(minimal_project, "remote-us-no-salary")
    edit(role, salary=SALARY, valid_through=None, date_posted="2023-06-01")
    before = check(minimal_project, "--build-date", "2023-12-31")
    assert pay_problems(before, REMOTE_FIXTURE) == {}
    after = check(minimal_project, "--build-date", "2024-01-01")
    assert set(pay_problems(after, REMOTE_FIXTURE)) == {"valid_through"}


@pytest.mark.parametrize(("build_date", "expected"), [("2025-10-28", False), ("2025-10-29", True)])
def test_massachusetts_law_applies_from_its_effective_date(minimal_project, build_date, expected):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, date_posted="2025-10-01", locations=[{"city": "Boston", "region": "MA", "country": "US"}])
    problems = pay_problems(check(minimal_project, "--build-date", build_date), NYC_FIXTURE)
    assert ("salary" in problems) is expected
    if expected:
        assert "Massachusetts" in problems["salary"]["message"] and "c. 149" in problems["salary"]["message"]


@pytest.mark.parametrize(("location", "jurisdiction"), [
    ({"city": "Denver", "region": "Colorado", "country": "US"}, "Colorado"),
    ({"city": "San Francisco", "region": "CA", "country": "US"}, "California"),
    ({"city": "Seattle", "region": "WA", "country": "US"}, "Washington"),
    ({"city": "Chicago", "region": "Illinois", "country": "US"}, "Illinois"),
    ({"city": "Minneapolis", "region": "MN", "country": "US"}, "Minnesota"),
    ({"city": "Newark", "region": "NJ", "country": "US"}, "New Jersey"),
    ({"city": "Baltimore", "region": "MD", "country": "US"}, "Maryland"),
    ({"city": "Washington", "region": "D.C.", "country": "US"}, "Washington DC"),
    ({"city": "Honolulu", "region": "HI", "country": "US"}, "Hawaii"),
    ({"city": "Burlington", "region": "VT", "country": "US"}, "Vermont"),
    ({"city": "Buffalo", "region": "NY", "country": "US"}, "New York State"),
    ({"city": "Vancouver", "region": "British Columbia", "country": "CA"}, "British Columbia"),
    ({"city": "Toronto", "region": "ON", "country": "CA"}, "Ontario"),
])
def test_each_jurisdiction_requires_pay_for_an_office_there(minimal_project, location, jurisdiction):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[location])
    message = pay_problems(check(minimal_project), NYC_FIXTURE)["salary"]["message"]
    assert message.startswith(f"no pay range, but the job ad must state one: office in {location['city']}, so ")
    assert f"{jurisdiction} (" in message


def test_an_office_outside_every_jurisdiction_needs_no_salary(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[{"city": "Austin", "region": "TX", "country": "US"}])
    assert pay_problems(check(minimal_project), NYC_FIXTURE) == {}


@pytest.mark.parametrize(("salary", "ok"), [
    ({"currency": "CAD", "min": 100000, "max": 160000, "unit": "year"}, False),  # CAD 60,000 wide
    ({"currency": "CAD", "min": 100000, "max": 150000, "unit": "year"}, True),   # exactly CAD 50,000
    ({"currency": "CAD", "min": 150000, "max": 210000, "unit": "year"}, True),   # pay above CAD 200,000: exempt
    ({"currency": "CAD", "min": 40, "max": 70, "unit": "hour"}, False),          # CAD 62,400 a year
])
def test_ontario_range_is_at_most_cad_50000_unless_pay_exceeds_cad_200000(minimal_project, salary, ok):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[{"city": "Toronto", "region": "Ontario", "country": "CA"}], salary=salary)
    problems = pay_problems(check(minimal_project), NYC_FIXTURE)
    assert ("salary" not in problems) is ok, problems
    if not ok:
        assert "Ontario allows at most CA$50,000" in problems["salary"]["message"]


def test_ontario_law_is_not_applied_before_2026(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, date_posted="2025-11-01", locations=[{"city": "Toronto", "region": "ON", "country": "CA"}])
    assert pay_problems(check(minimal_project, "--build-date", "2025-12-31"), NYC_FIXTURE) == {}


def test_closed_role_is_not_advertised_so_needs_no_salary(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, closed=True)
    assert pay_problems(check(minimal_project), NYC_FIXTURE) == {}


def test_max_below_min_is_an_error(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, salary={**SALARY, "min": 160000})
    [problem] = check(minimal_project).problems(NYC_FIXTURE)
    assert problem["field"] == "salary" and "is below min" in problem["message"]


def test_open_ended_range_is_an_error(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, salary={"currency": "USD", "min": 120000, "unit": "year"})
    [problem] = check(minimal_project).problems(NYC_FIXTURE)
    assert problem["field"] == "salary.max" and problem["message"] == "required field is missing"


def test_rule_can_be_disabled_for_one_file(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, lint_disable=["pay-transparency"])
    assert check(minimal_project).exit_code == 0


def test_ontario_role_without_salary_is_told_about_the_high_pay_exemption(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[{"city": "Toronto", "region": "ON", "country": "CA"}])
    hint = pay_problems(check(minimal_project), NYC_FIXTURE)["salary"]["hint"]
    assert "Ontario exempts roles whose maximum pay (salary.max) is above CA$200,000 a year" in hint
    assert "lint_disable" in hint
