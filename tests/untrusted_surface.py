"""Helpers for the docs_dir, free-page frontmatter and theme-namespace attacks (issues 29 and 30): a project with
attr_list on, files added to docs_dir, free pages written with frontmatter, and a wall-clock budget per test."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from cli_helpers import check
from conftest import FIXTURES, copy_project, run_build

# A hang is the failure: each test (a `careers check` and a build or two of the small fixture) gets this long.
BUDGET_SECONDS = 120
RUN = "alert(1);window.__pwned=1"


class BudgetExceeded(BaseException):
    """Raised in the test when its wall-clock budget is spent (a BaseException, so no `except Exception` in the
    build can mistake it for an ordinary build failure)."""


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Raise BudgetExceeded in this (main) thread once `seconds` of wall-clock time have passed."""
    def expired(signum: int, frame: object) -> None:
        raise BudgetExceeded(f"past its {seconds} s budget: a hang")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def within_budget() -> Iterator[None]:
    with budget(BUDGET_SECONDS):
        yield


def surface_project(destination: Path, **careers_options: object) -> Path:
    """The minimal fixture with the Markdown extensions the demo uses (attr_list sets ids and classes)."""
    project = copy_project(FIXTURES / "minimal", destination)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = [{"toc": {"permalink": True}}, "admonition", "attr_list", "tables"]
    config["plugins"][0]["careers"].update(careers_options)
    config["plugins"].append("search")
    write_config(project, config)
    return project


def read_config(project: Path) -> dict:
    return yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))


def write_config(project: Path, config: dict) -> None:
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def set_careers_options(project: Path, **options: object) -> None:
    config = read_config(project)
    config["plugins"][0]["careers"].update(options)
    write_config(project, config)


def add_file(project: Path, relative: str, content: str | bytes) -> Path:
    path = project / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def free_page(project: Path, name: str, frontmatter: dict | None, body: str = "# A page\n\nSome text.\n") -> Path:
    front = "" if frontmatter is None else "---\n" + yaml.safe_dump(frontmatter, sort_keys=False,
                                                                        allow_unicode=True, width=10_000) + "---\n"
    return add_file(project, name, front + body)


def refused_everywhere(project: Path, path: str, rule: str) -> tuple[list[dict], str]:
    """`careers check` and the build both refuse `path` with a located `rule` error, without a traceback; the
    check's problems of that file and the build's output are returned."""
    run = check(project)
    assert run.exit_code == 1, run.output
    problems = run.problems(path, rule)
    assert problems, run.output
    assert all(p["severity"] == "error" and p["line"] >= 1 for p in problems)
    result = run_build(project)
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert f"{path}:{problems[0]['line']}:" in result.output, result.output
    return problems, result.output
