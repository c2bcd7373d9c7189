"""The editor workflow around the CLI: GitHub workflows, pre-commit hooks, the VS Code task's problem
matcher and the README's rules table all agree with what `careers` really does."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from cli_helpers import check, edit, run_cli
from conftest import REPO
from pre_commit.clientlib import load_config, load_manifest

BIN = Path(sys.executable).parent


def workflow(name: str) -> dict:
    return yaml.load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def run_steps(data: dict) -> list[str]:
    return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]


def test_workflows_are_valid_github_actions_workflows():
    files = sorted(str(p) for p in (REPO / ".github" / "workflows").glob("*.yml"))
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_workflow_checks_content_builds_strict_and_runs_the_tests():
    pr = workflow("pr.yml")
    assert "pull_request" in pr["on"]
    steps = run_steps(pr)
    assert "careers check --format github" in steps
    assert "careers schema --check" in steps
    assert "mkdocs build --strict" in steps
    assert "make test" in steps


def test_deploy_workflow_publishes_main_to_pages_and_rebuilds_daily():
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"] and deploy["on"]["schedule"]
    uses = [step.get("uses", "") for job in deploy["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert "mkdocs build --strict" in run_steps(deploy)


def test_pre_commit_files_are_valid_and_match_content_files():
    [hook] = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "careers-check" and hook["entry"] == "careers check"
    config = load_config(str(REPO / ".pre-commit-config.yaml"))
    local = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    for pattern in (hook["files"], local["careers-check"]["files"]):
        assert re.search(pattern, "roles/data-lead.md") and re.search(pattern, "case_studies/x.md")
        assert not re.search(pattern, "content/index.md") and not re.search(pattern, "roles/notes.txt")


def test_pre_commit_hook_blocks_a_commit_with_a_content_error(minimal_project, tmp_path):
    shutil.copy2(REPO / ".pre-commit-config.yaml", minimal_project)
    shutil.copytree(REPO / "schemas", minimal_project / "schemas")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "pc"),
           "SOURCE_DATE_EPOCH": "1795564800", "NO_MKDOCS_2_WARNING": "1"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=minimal_project, env=env, capture_output=True, text=True, timeout=300)

    assert run("git", "init", "-q").returncode == 0
    run("git", "add", "-A")
    passing = run(str(BIN / "pre-commit"), "run", "--files", "roles/data-lead.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    edit(minimal_project / "roles" / "data-lead.md", hiring_manager="nobody")
    failing = run(str(BIN / "pre-commit"), "run", "--files", "roles/data-lead.md")
    assert failing.returncode == 1
    assert "roles/data-lead.md:" in failing.stdout and "no person 'nobody' in people/" in failing.stdout


def test_vscode_task_problem_matcher_reads_check_output(minimal_project):
    tasks = json.loads((REPO / ".vscode" / "tasks.json").read_text(encoding="utf-8"))
    pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
    regexp = re.compile(pattern["regexp"])
    edit(minimal_project / "roles" / "data-lead.md", summary="Leads data.", hiring_manager="nobody")
    run = check(minimal_project, as_json=False)
    problem_lines = [line for line in run.output.splitlines() if line.startswith("roles/")]
    assert len(problem_lines) == 2
    parsed = [regexp.match(line) for line in problem_lines]
    assert all(parsed)
    assert {(m.group(pattern["file"]), m.group(pattern["severity"]), m.group(pattern["code"])) for m in parsed} == {
        ("roles/data-lead.md", "error", "reference"), ("roles/data-lead.md", "warning", "summary-length")}


def test_readme_lint_rules_table_is_the_one_careers_rules_prints():
    code, table = run_cli("rules", "--format", "markdown")
    assert code == 0
    assert table.strip() in (REPO / "README.md").read_text(encoding="utf-8")
