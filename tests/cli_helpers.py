"""Helpers for driving the real `careers` CLI (click's runner, in process) on fixture projects."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from conftest import FIXTURES, PINNED_EPOCH
from mkdocs_careers.cli import main
from mkdocs_careers.content.loading import load_yaml

LINT_FIXTURES = FIXTURES / "lint"


@dataclass
class CheckRun:
    exit_code: int
    output: str
    report: dict[str, Any] | None = None

    def problems(self, path: str | None = None, rule: str | None = None) -> list[dict[str, Any]]:
        assert self.report is not None, self.output
        return [d for d in self.report["diagnostics"]
                if (path is None or d["path"] == path) and (rule is None or d["rule"] == rule)]


def run_cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"SOURCE_DATE_EPOCH": PINNED_EPOCH, **(env or {})},
                                catch_exceptions=False)
    return result.exit_code, result.output


def check(project: Path, *args: str, as_json: bool = True, env: dict[str, str] | None = None) -> CheckRun:
    """`careers check -f project/mkdocs.yml ARGS`, by default as JSON so tests read structured results."""
    fmt = ["--format", "json"] if as_json else []
    code, output = run_cli("check", "-f", str(project / "mkdocs.yml"), *fmt, *args, env=env)
    report = json.loads(output) if as_json and code in (0, 1) else None
    return CheckRun(code, output, report)


def read_frontmatter(path: Path) -> tuple[dict[str, Any], str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return load_yaml(front), body


def write_frontmatter(path: Path, data: dict[str, Any], body: str) -> None:
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def edit(path: Path, *, drop: tuple[str, ...] = (), body: str | None = None, **changes: Any) -> Path:
    """Change frontmatter fields of a content file (None values are written as null)."""
    data, old_body = read_frontmatter(path)
    for key in drop:
        data.pop(key, None)
    data.update(changes)
    write_frontmatter(path, data, old_body if body is None else body)
    return path


def add_lint_fixture(project: Path, name: str) -> Path:
    """Copy `tests/fixtures/lint/roles/<name>.md` into the project's roles/."""
    target = project / "roles" / f"{name}.md"
    shutil.copy2(LINT_FIXTURES / "roles" / f"{name}.md", target)
    return target


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
