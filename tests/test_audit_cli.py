"""`careers audit` end to end: it builds the demo with the real `mkdocs build`, prints a well-formed report
(text or JSON), reads its thresholds from mkdocs.yml, lets flags override them and exits 0/1/2 accordingly.
Whether the demo passes its thresholds is not asserted here: the pages, not the instrument, decide that."""

from __future__ import annotations

import json

import pytest
import yaml
from cli_helpers import edit, run_cli
from conftest import OPEN, REPO, copy_project
from mkdocs_careers.content.options import AuditOptions
from pydantic import ValidationError

REASONS = {"wrong-page", "right-page-without-answer", "answer-not-on-page"}


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory) -> tuple[int, dict]:
    project = copy_project(REPO, tmp_path_factory.mktemp("audit-demo"))
    code, output = run_cli("audit", "-f", str(project / "mkdocs.yml"), "--json")
    assert code in (0, 1), output
    return code, json.loads(output)


def is_share(value) -> bool:
    return isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value <= 1


def test_audit_json_on_the_built_demo_is_a_well_formed_report(demo_report):
    code, report = demo_report
    summary = report["summary"]
    assert is_share(summary["fact_recall"]) and is_share(summary["answerability"])
    assert code == (0 if summary["passed"] else 1)
    assert report["mode"] == "headings" and report["build_date"] == "2026-11-25" and report["built"] is True
    assert report["thresholds"] == {"min_fact_recall": 1.0, "min_answerability": 0.75}  # from the demo's mkdocs.yml

    demo = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert demo["plugins"][1]["careers"]["audit"] == report["thresholds"]
    pages = {page["page"]: page for page in report["pages"]}
    assert {f"roles/{slug}/" for slug in OPEN} <= set(pages)
    assert {p["kind"] for p in pages.values()} == {"role", "person", "case_study"}
    assert summary["audited_pages"] == len(pages) and summary["indexed_pages"] > len(pages)
    for page in pages.values():
        assert is_share(page["fact_recall"]) and is_share(page["answerability"])
        assert page["file_found"] and page["copy_found"]
        assert page["questions"] > 0 and 0 <= page["answered"] <= page["questions"]
        for source in ("html", "markdown"):
            facts = page["facts"][source]
            assert facts["checked"] > 0 and facts["kept"] + len(facts["lost"]) == facts["checked"]
    assert summary["facts_checked"] == sum(p["facts"]["html"]["checked"] + p["facts"]["markdown"]["checked"]
                                           for p in pages.values())
    assert summary["questions"] == sum(p["questions"] for p in pages.values())
    assert summary["answered"] == sum(p["answered"] for p in pages.values())
    assert summary["answerability"] == pytest.approx(summary["answered"] / summary["questions"])

    types = report["question_types"]
    assert len(types) >= 12 and sum(t["questions"] for t in types) == summary["questions"]
    assert all(is_share(t["answerability"]) for t in types)
    assert len(report["failures"]) == summary["questions"] - summary["answered"]
    for failure in report["failures"]:
        assert failure["reason"] in REASONS and failure["page"] in pages and failure["expected_answer"]
        assert failure["winner"]["rank"] == 1 and failure["winner"]["text"]
        if failure["reason"] == "wrong-page":
            assert failure["winner"]["page"] != failure["page"] and failure["expected"]["rank"] > 1
        if failure["expected"] is not None:
            assert failure["expected"]["page"] == failure["page"]


def test_audit_reads_an_existing_build_in_windows_mode_with_text_output(demo_build):
    code, output = run_cli("audit", "-f", str(demo_build.project / "mkdocs.yml"), "--site-dir", str(demo_build.site),
                           "--mode", "windows")
    assert code in (0, 1), output
    assert f"Audit of {demo_build.site} (windows passages" in output
    assert "roles/ml-engineering-manager/" in output
    assert "Fact recall: " in output and "Answerability: " in output
    assert output.rstrip().endswith(("PASS", "FAIL: below the threshold"))


def test_thresholds_come_from_mkdocs_yml_and_flags_override_them(demo_build, tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("min_fact_recall: 1.0", "min_fact_recall: 0")
                      .replace("min_answerability: 0.75", "min_answerability: 0"), encoding="utf-8")
    site = str(demo_build.site)
    code, output = run_cli("audit", "-f", str(config), "--site-dir", site, "--json")
    assert code == 0 and json.loads(output)["thresholds"] == {"min_fact_recall": 0, "min_answerability": 0}
    code, output = run_cli("audit", "-f", str(config), "--site-dir", site, "--json", "--min-answerability", "1",
                           "--min-fact-recall", "0.5")
    report = json.loads(output)
    assert report["thresholds"] == {"min_fact_recall": 0.5, "min_answerability": 1.0}
    assert code == (0 if report["summary"]["answerability"] == 1 else 1)


def test_usage_problems_exit_2(demo_build, tmp_path):
    config = str(demo_build.project / "mkdocs.yml")
    code, output = run_cli("audit", "-f", config, "--no-build", "--site-dir", str(tmp_path))
    assert code == 2 and "holds no built site" in output
    code, output = run_cli("audit", "-f", config, "--site-dir", str(demo_build.site), "--min-answerability", "2")
    assert code == 2 and "must be between 0 and 1" in output


def test_the_audit_option_refuses_a_threshold_outside_0_to_1():
    assert AuditOptions().model_dump() == {"min_fact_recall": 1.0, "min_answerability": 0.85}
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        AuditOptions(min_answerability=1.5)
    with pytest.raises(ValidationError, match="extra"):
        AuditOptions.model_validate({"min_recall": 0.5})


def test_a_site_that_does_not_build_exits_1_with_the_build_output(minimal_project):
    edit(minimal_project / "roles" / "data-lead.md", hiring_manager="jo-smyth")
    code, output = run_cli("audit", "-f", str(minimal_project / "mkdocs.yml"))
    assert code == 1
    assert "hiring_manager: no person 'jo-smyth' in people/" in output
    assert "the site does not build" in output


# The candidate questions about roles: the types a careers page must answer first.
CORE_ROLE_QUESTIONS = {"pay", "location", "remote", "outcomes_90", "outcomes_180", "outcomes_365", "must_haves",
                       "reports_to", "take_home", "interview_stages", "closing_date", "employment_type"}


def test_demo_passes_its_audit_thresholds(demo_report):
    code, report = demo_report
    assert code == 0, report["summary"]
    assert report["summary"]["fact_recall"] == 1.0


def test_demo_answers_the_core_role_questions(demo_report):
    """Top-1 over every page of the site (people, case studies and free pages compete too)."""
    _, report = demo_report
    core = [t for t in report["question_types"] if t["type"] in CORE_ROLE_QUESTIONS]
    assert {t["type"] for t in core} == CORE_ROLE_QUESTIONS
    answered = sum(t["answered"] for t in core) / sum(t["questions"] for t in core)
    assert answered >= 0.85, [(t["type"], t["answered"], t["questions"]) for t in core]
