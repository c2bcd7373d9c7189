"""`careers check`: every problem as file:line: field: message with a hint, exit codes 0/1/2, GitHub
annotations, JSON, a path filter, and a per-page readiness summary; plain on a pipe, rich on a TTY."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cli_helpers import add_lint_fixture, check, edit, line_of
from conftest import PINNED_EPOCH, REPO, copy_project

ROLE = "roles/data-lead.md"


def careers(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """The installed `careers` entry point, as an editor or CI runs it."""
    command = [str(Path(sys.executable).with_name("careers")), *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, **env})


def test_demo_content_is_clean(tmp_path):
    project = copy_project(REPO, tmp_path / "demo")
    result = careers(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings in 13 files (build date 2026-11-25)." in result.stdout


def test_errors_are_listed_as_file_line_field_message_hint_and_exit_1(minimal_project):
    study = edit(minimal_project / "case_studies" / "warehouse-migration.md",
                 metrics=[{"label": "Cost", "before": "lots", "after": 3}])
    role = edit(minimal_project / ROLE, hiring_manager="jo-smyth")
    run = check(minimal_project, as_json=False)
    assert run.exit_code == 1
    assert (f"case_studies/warehouse-migration.md:{line_of(study, 'before: lots')}: metrics[0].before: Input should "
            "be a valid number" in run.output)
    assert "(hint: write a plain number without currency signs or commas, e.g. 120000) [error schema]" in run.output
    assert (f"roles/data-lead.md:{line_of(role, 'hiring_manager')}: hiring_manager: no person 'jo-smyth' in people/ "
            "(hint: did you mean 'jo-smith'?) [error reference]") in run.output
    assert "Traceback" not in run.output


def test_warnings_are_marked_as_warnings_and_do_not_fail_without_strict(minimal_project):
    edit(minimal_project / ROLE, summary="Leads data.")
    run = check(minimal_project, as_json=False)
    assert run.exit_code == 0
    assert "summary: summary has 11 characters; it should have at least 50" in run.output
    assert "[warning summary-length]" in run.output
    assert "0 errors, 1 warning in 3 files" in run.output
    assert check(minimal_project, "--strict", as_json=False).exit_code == 1


def test_usage_errors_exit_2(minimal_project):
    assert check(minimal_project, "--format", "xml").exit_code == 2
    assert check(minimal_project, str(minimal_project / "missing.md")).exit_code == 2
    outside = check(minimal_project, str(minimal_project / "content" / "index.md"), as_json=False)
    assert outside.exit_code == 2 and "is not a content file in roles/, people/, case_studies/" in outside.output
    bad_date = check(minimal_project, "--build-date", "25/11/2026", as_json=False)
    assert bad_date.exit_code == 2 and "--build-date '25/11/2026' is not a YYYY-MM-DD date" in bad_date.output


def test_missing_or_broken_mkdocs_yml_exits_2(tmp_path, minimal_project):
    result = careers(tmp_path, "check")
    assert result.returncode == 2 and "mkdocs.yml" in result.stderr
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://careers.example.com/\n", ""),
                      encoding="utf-8")
    result = careers(minimal_project, "check")
    assert result.returncode == 2 and "set site_url in mkdocs.yml" in result.stderr


def test_paths_limit_the_report_but_references_still_resolve(minimal_project):
    edit(minimal_project / "people" / "jo-smith.md", summary="Jo leads data.")
    add_lint_fixture(minimal_project, "new-york-city-no-salary")
    only_role = check(minimal_project, str(minimal_project / ROLE))
    assert only_role.exit_code == 0 and only_role.report["diagnostics"] == []
    assert [p["path"] for p in only_role.report["pages"]] == [ROLE]
    folder = check(minimal_project, str(minimal_project / "roles"))
    assert {p["path"] for p in folder.report["diagnostics"]} == {"roles/new-york-city-no-salary.md"}
    assert folder.exit_code == 1


def test_github_format_prints_workflow_annotations(minimal_project, tmp_path):
    role = edit(minimal_project / ROLE, summary="Leads data.", hiring_manager="nobody")
    summary = tmp_path / "step-summary.md"
    run = check(minimal_project, "--format", "github", as_json=False, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert run.exit_code == 1
    lines = run.output.splitlines()
    assert (f"::error file=roles/data-lead.md,line={line_of(role, 'hiring_manager')},title=careers reference::"
            "hiring_manager: no person 'nobody' in people/ (hint: create people/nobody.md or use an existing slug)"
            in lines)
    assert any(line.startswith("::warning file=roles/data-lead.md,line=") and "title=careers summary-length::"
               in line for line in lines)
    assert "| roles/data-lead.md | role | open | 1 | 1 |" in summary.read_text(encoding="utf-8")


def test_github_annotation_escapes_newlines_and_percent_signs(minimal_project):
    edit(minimal_project / ROLE, outcomes={"day_90": ["Raise NPS by 10%"], "day_180": ["Be\nbetter"],
                                           "day_365": ["Hire 3 people"]})
    run = check(minimal_project, "--format", "github", as_json=False)
    [annotation] = [line for line in run.output.splitlines() if "outcome-measurable" in line]
    assert "'Be%0Abetter' has no number" in annotation


def test_json_report_has_diagnostics_and_readiness(minimal_project):
    add_lint_fixture(minimal_project, "new-york-city-no-salary")
    run = check(minimal_project)
    assert run.exit_code == 1
    report = run.report
    assert report["build_date"] == "2026-11-25" and report["errors"] == 1 and report["warnings"] == 0
    [problem] = report["diagnostics"]
    assert set(problem) == {"path", "line", "field", "message", "hint", "severity", "rule"}
    pages = {page["path"]: page for page in report["pages"]}
    nyc = pages["roles/new-york-city-no-salary.md"]
    assert nyc["status"] == "open" and nyc["errors"] == 1
    assert nyc["url"] == "https://careers.example.com/roles/new-york-city-no-salary/"
    assert "baseSalary" in nyc["missing_job_posting_properties"]
    assert pages["people/jo-smith.md"]["status"] == "published"


def test_readiness_lists_only_properties_the_job_posting_would_lack(minimal_project):
    pages = {p["path"]: p for p in check(minimal_project).report["pages"]}
    # The fixture role has an office, salary and closing date; it has no skills or incentives.
    assert pages[ROLE]["missing_job_posting_properties"] == ["skills", "incentiveCompensation"]
    edit(minimal_project / ROLE, workplace="remote", locations=[], remote_countries=["GB"], skills=["SQL"],
         valid_through=None)
    pages = {p["path"]: p for p in check(minimal_project).report["pages"]}
    assert pages[ROLE]["missing_job_posting_properties"] == ["validThrough", "incentiveCompensation"]


def test_invalid_file_is_listed_as_invalid(minimal_project):
    edit(minimal_project / ROLE, date_posted="someday")
    pages = {p["path"]: p for p in check(minimal_project).report["pages"]}
    assert pages[ROLE]["status"] == "invalid" and pages[ROLE]["kind"] == ""


def test_build_date_decides_which_roles_are_open(minimal_project):
    pages = {p["path"]: p for p in check(minimal_project, "--build-date", "2028-01-01").report["pages"]}
    assert pages[ROLE]["status"] == "closed"


def test_plain_output_on_a_pipe_has_no_colour_codes(minimal_project):
    edit(minimal_project / ROLE, summary="Leads data.")
    result = careers(minimal_project, "check", "--strict")
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout
    assert result.stdout.splitlines()[0].startswith("roles/data-lead.md:")
    assert "Readiness per page:" in result.stdout


def test_rich_output_on_a_terminal_has_colours_and_a_summary_table(minimal_project):
    edit(minimal_project / ROLE, summary="Leads data.")
    result = careers(minimal_project, "check", FORCE_COLOR="1", COLUMNS="160")
    assert result.returncode == 0
    assert "\x1b[" in result.stdout  # ANSI colour codes
    assert "Readiness per page" in result.stdout and "┃" in result.stdout and "Missing JobPosting" in result.stdout
    assert "summary-length" in result.stdout


def test_markup_in_content_cannot_style_the_terminal(minimal_project):
    edit(minimal_project / ROLE, outcomes={"day_90": ["[bold red]Trust[/] the team"], "day_180": ["Cut cost 5%"],
                                           "day_365": ["Hire 3 people"]})
    result = careers(minimal_project, "check", FORCE_COLOR="1", COLUMNS="200")
    assert "[bold red]Trust[/] the team" in result.stdout


def test_json_output_is_parseable_even_with_content_errors(minimal_project):
    (minimal_project / "roles" / "broken.md").write_text("no frontmatter here\n", encoding="utf-8")
    result = careers(minimal_project, "check", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["diagnostics"][0]["message"] == "the file has no YAML frontmatter"


def test_help_documents_every_command():
    result = subprocess.run([str(Path(sys.executable).with_name("careers")), "--help"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    for command in ("check", "new", "schema", "rules"):
        assert command in result.stdout
