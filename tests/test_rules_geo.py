"""GEO and content-quality rules: each has a failing and a passing case, an id, a severity and a
rationale, and can be switched off per file (`lint_disable`) or site-wide (`disabled_rules`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import check, edit, line_of, read_frontmatter, run_cli
from mkdocs_careers.lint.rules import RULES

ROLE, PERSON, STUDY = "roles/data-lead.md", "people/jo-smith.md", "case_studies/warehouse-migration.md"
WORDS_30 = " ".join(["word"] * 30)
WORDS_60 = " ".join(["word"] * 60)


def outcomes(day_90: str) -> dict:
    return {"day_90": [day_90], "day_180": ["Cut the time to answer ad-hoc questions by 50%"],
            "day_365": ["Hire 3 analytics engineers by 2027-11-01"]}


def metric(before: float, after: float) -> list[dict]:
    return [{"label": "Monthly warehouse cost", "before": before, "after": after, "unit": "USD"}]


# rule id, file, (field changes that break it), (field changes that satisfy it), expected problem field
CASES = [
    ("location-region", ROLE, {"locations": [{"city": "Springfield", "country": "US"}]},
     {"locations": [{"city": "Springfield", "region": "IL", "country": "US"}]}, "locations[0].region"),
    # No pay for an office in Germany: the EU directive's transposition is pending there, so a warning.
    ("pay-transparency-advisory", ROLE, {"locations": [{"city": "Berlin", "country": "DE"}], "salary": None},
     {"salary": {"currency": "EUR", "min": 90000, "max": 110000, "unit": "year"}}, "salary"),
    ("role-workplace", ROLE, {"workplace": "remote", "locations": []},
     {"workplace": "remote", "locations": [], "remote_countries": ["GB"]}, "workplace"),
    ("role-dates", ROLE, {"valid_through": "2026-10-01"}, {"valid_through": "2026-11-02"}, "valid_through"),
    ("faq-answer-length", ROLE, {"faq": [{"question": "Is it hybrid?", "answer": WORDS_30}]},
     {"faq": [{"question": "Is it hybrid?", "answer": WORDS_60}]}, "faq[0].answer"),
    ("outcome-measurable", ROLE, {"outcomes": outcomes("Build trust with the data team")},
     {"outcomes": outcomes("Build trust with all eight people on the data team")}, "outcomes.day_90[0]"),
    ("role-title", ROLE, {"title": "Data Lead (Remote, $180k)"}, {"title": "Data Lead, Analytics Platform"},
     "title"),
    ("case-study-evidence", STUDY, {"metrics": metric(50000, 50000)}, {"metrics": metric(50000, 30000)},
     "metrics"),
    ("person-achievement-numbers", PERSON, {"achievements": ["Is a great leader"]},
     {"achievements": ["Led a team of twelve"]}, "achievements[0]"),
    ("person-same-as", PERSON, {"same_as": []}, {"same_as": ["https://github.com/jo-smith-example"]}, "same_as"),
    ("generic-heading", ROLE, {"search_intents": {"about": "About"}},
     {"search_intents": {"about": "Why the data team needs a lead in Chicago now"}}, "search_intents.about"),
    ("apply-https", ROLE, {"apply": {"url": "http://jobs.example.com/data-lead", "direct": False}},
     {"apply": {"url": "https://jobs.example.com/data-lead", "direct": False}}, "apply.url"),
    ("summary-length", PERSON, {"summary": "Jo leads data."},
     {"summary": "Jo leads the data team and has shipped three warehouse migrations."}, "summary"),
]


def test_every_rule_has_a_case_here_and_a_one_line_rationale():
    # pay-transparency: test_rules_pay_transparency.py; raw-html, empty-body and body-control-character (the
    # body): test_untrusted_content.py
    tested = {case[0] for case in CASES} | {"pay-transparency", "raw-html", "empty-body", "body-control-character"}
    assert tested == {r.id for r in RULES}
    for current in RULES:
        assert current.rationale.endswith(".") and "\n" not in current.rationale and len(current.rationale) < 160


def test_minimal_fixture_passes_every_rule(minimal_project):
    run = check(minimal_project)
    assert run.exit_code == 0 and run.report["diagnostics"] == [], run.output


@pytest.mark.parametrize(("rule_id", "path", "breaking", "fixing", "field"), CASES, ids=[c[0] for c in CASES])
def test_rule_fails_on_the_bad_case_and_passes_on_the_good_one(minimal_project, rule_id, path, breaking, fixing,
                                                               field):
    severity = next(r.severity.value for r in RULES if r.id == rule_id)
    edit(minimal_project / path, **breaking)
    failing = check(minimal_project)
    [problem] = failing.problems(path, rule_id)
    assert problem["field"] == field and problem["severity"] == severity and problem["hint"]
    assert failing.exit_code == (1 if severity == "error" else 0)

    edit(minimal_project / path, **fixing)
    passing = check(minimal_project)
    assert passing.problems(path, rule_id) == [], passing.output


def test_warnings_fail_only_with_strict(minimal_project):
    edit(minimal_project / PERSON, summary="Jo leads data.")
    assert check(minimal_project).exit_code == 0
    assert check(minimal_project, "--strict").exit_code == 1


def test_case_study_needs_a_date_range(minimal_project):
    data, _ = read_frontmatter(minimal_project / STUDY)
    edit(minimal_project / STUDY, period={"start": data["period"]["start"]})
    [problem] = check(minimal_project).problems(STUDY, "case-study-evidence")
    assert problem["field"] == "period" and "no end date" in problem["message"]


def test_generic_heading_in_the_body_points_at_its_line(minimal_project):
    role = minimal_project / ROLE
    edit(role, body="You will lead a team of six.\n\n## Responsibilities\n\nOwn the roadmap.\n\n"
                    "## How the data team decides what to build each quarter\n\nWith a written plan.\n")
    [problem] = check(minimal_project).problems(ROLE, "generic-heading")
    assert problem["field"] == "body" and problem["line"] == line_of(role, "## Responsibilities")
    assert problem["message"] == "heading 'Responsibilities' is generic"


def test_headings_inside_code_blocks_are_not_headings(minimal_project):
    edit(minimal_project / ROLE, body="Our notes:\n\n```\n# Overview\n```\n")
    assert check(minimal_project).problems(ROLE, "generic-heading") == []


def test_long_summary_does_not_fit_a_meta_description(minimal_project):
    edit(minimal_project / ROLE, summary="Lead the data team. " * 10)
    [problem] = check(minimal_project).problems(ROLE, "summary-length")
    assert problem["message"].startswith("summary has 199 characters")


def test_rule_disabled_for_one_file_only(minimal_project):
    edit(minimal_project / PERSON, summary="Jo leads data.", lint_disable=["summary-length"])
    edit(minimal_project / ROLE, summary="Leads data.")
    run = check(minimal_project)
    assert run.problems(PERSON) == []
    assert [p["rule"] for p in run.problems(ROLE)] == ["summary-length"]


def test_unknown_rule_in_lint_disable_is_an_error_with_a_suggestion(minimal_project):
    person = edit(minimal_project / PERSON, lint_disable=["summary-lenght"])
    [problem] = check(minimal_project).problems(PERSON)
    assert problem["rule"] == "lint-disable" and problem["line"] == line_of(person, "lint_disable")
    assert "did you mean 'summary-length'?" in problem["message"]


def set_disabled_rules(project: Path, rules: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"      disabled_rules: {rules}\n", encoding="utf-8")


def test_rule_disabled_site_wide_in_mkdocs_yml(minimal_project):
    edit(minimal_project / PERSON, summary="Jo leads data.")
    edit(minimal_project / ROLE, summary="Leads data.")
    set_disabled_rules(minimal_project, "[summary-length]")
    assert check(minimal_project).report["diagnostics"] == []


def test_unknown_rule_in_disabled_rules_is_a_configuration_error(minimal_project):
    set_disabled_rules(minimal_project, "[generic-headings]")
    run = check(minimal_project)
    assert run.exit_code == 2
    assert "disabled_rules in mkdocs.yml: 'generic-headings' is not a lint rule id (did you mean " \
           "'generic-heading'?)" in run.output


def test_rules_command_lists_every_rule_with_severity_and_rationale():
    code, output = run_cli("rules")
    assert code == 0
    for current in RULES:
        assert f"{current.severity.value}" in output and current.id in output and current.rationale in output
