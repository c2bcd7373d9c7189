"""Shared test helpers: real MkDocs builds into temp dirs and real parsers on the output."""

from __future__ import annotations

import faulthandler
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import extruct
import hypothesis_profiles  # noqa: F401  (registers the Hypothesis profiles and loads $HYPOTHESIS_PROFILE)
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
# The pinned build date of every test build: 2026-11-25 00:00 UTC.
PINNED_EPOCH = "1795564800"
DEMO_PARTS = ("mkdocs.yml", "content", "roles", "people", "case_studies")
# Fixtures for the real-browser tests (served demo site, Chromium), registered once for the whole suite.
pytest_plugins = ["browser_support", "serve_support"]


@dataclass
class BuildResult:
    project: Path
    site: Path
    returncode: int
    output: str

    def html(self, url_path: str) -> str:
        target = self.site / url_path
        if url_path.endswith("/") or not url_path:
            target = target / "index.html"
        return target.read_text(encoding="utf-8")

    def graph(self, url_path: str) -> list[dict]:
        """The page's single JSON-LD @graph, parsed back with extruct."""
        return single_graph(self.html(url_path))


def single_graph(html: str) -> list[dict]:
    blocks = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    assert blocks[0]["@context"] == "https://schema.org"
    return blocks[0]["@graph"]


def nodes_of_type(graph: list[dict], type_name: str) -> list[dict]:
    def types(node: dict) -> list[str]:
        value = node.get("@type", [])
        return value if isinstance(value, list) else [value]

    return [n for n in graph if type_name in types(n)]


def one_node(graph: list[dict], type_name: str) -> dict:
    found = nodes_of_type(graph, type_name)
    assert len(found) == 1, f"expected one {type_name}, found {len(found)}"
    return found[0]


def copy_project(source: Path, destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in DEMO_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, destination / part)
        elif src.is_file():
            shutil.copy2(src, destination / part)
    return destination


# A build that runs longer than this is a hang: the worker dumps every thread's stack and exits.
BUILD_TIMEOUT = 600


def run_build(project: Path, *args: str, epoch: str = PINNED_EPOCH, strict: bool = True,
              isolated: bool = False) -> BuildResult:
    """Run the real `mkdocs build` command on a project directory.

    By default in this process, through MkDocs' own click command (what `mkdocs build` runs): starting Python
    and importing MkDocs, Material and the plugin costs more than building a small site, and the suite runs
    about a hundred builds. An exception escaping the command is written into the output as the traceback a
    real `mkdocs build` would print. `isolated=True` runs a fresh `python -m mkdocs` process instead, for what
    only a process shows (start-up, environment, concurrent builds).
    """
    env = {"SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "COLUMNS": "80"}
    arguments = ["build", "-f", str(project / "mkdocs.yml"), *args, *(["--strict"] if strict else [])]
    if isolated:
        proc = subprocess.run([sys.executable, "-m", "mkdocs", *arguments], capture_output=True, text=True,
                              env={**os.environ, **env}, cwd=project, timeout=BUILD_TIMEOUT)
        return BuildResult(project, project / "site", proc.returncode, proc.stdout + proc.stderr)
    returncode, output = _build_in_process(project, arguments, env)
    return BuildResult(project, project / "site", returncode, output)


def _build_in_process(project: Path, arguments: list[str], env: dict[str, str]) -> tuple[int, str]:
    from click.testing import CliRunner
    from mkdocs.__main__ import cli
    from mkdocs.utils import DuplicateFilter

    previous = Path.cwd()
    os.chdir(project)
    faulthandler.dump_traceback_later(BUILD_TIMEOUT, exit=True)
    try:
        result = CliRunner().invoke(cli, arguments, env=env, catch_exceptions=True)
    finally:
        faulthandler.cancel_dump_traceback_later()
        os.chdir(previous)
        # MkDocs adds its console handler per command run and removes it only when the run's state is
        # garbage-collected; a leftover handler would write the next build's log into this run's closed stream.
        mkdocs_logger = logging.getLogger("mkdocs")
        for handler in [h for h in mkdocs_logger.handlers if h.name == "MkDocsStreamHandler"]:
            mkdocs_logger.removeHandler(handler)
        # Each run also adds a filter that drops messages it logged before: a second build in this process
        # would not print a content error the first one printed. A real `mkdocs build` starts with none.
        build_logger = logging.getLogger("mkdocs.commands.build")
        for log_filter in [f for f in build_logger.filters if isinstance(f, DuplicateFilter)]:
            build_logger.removeFilter(log_filter)
    output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        output += "".join(traceback.format_exception(result.exception))
    return result.exit_code, output


def careers_plugin_build(project: Path, *, command: str | None = None, dirty: bool = False,
                         site_dir: Path | None = None):
    """MkDocs' build function (not the command) on the project, from its folder, for tests that look at the
    careers plugin instance afterwards; returns it. With `command`, the build starts and shuts the plugins down
    as `mkdocs <command>` does. The caller pins the build date."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    previous = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), **({"site_dir": str(site_dir)} if site_dir else {}))
        if command is not None:
            config.plugins.on_startup(command=command, dirty=dirty)
        build(config, dirty=dirty)
        if command is not None:
            config.plugins.on_shutdown()
    finally:
        os.chdir(previous)
    return config.plugins["careers"]


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> BuildResult:
    """The shipped demo site, built once per test session with the pinned build date."""
    project = copy_project(REPO, tmp_path_factory.mktemp("demo"))
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def minimal_project(tmp_path) -> Path:
    """A small fixture site (one role, one person, one case study) to break in error tests."""
    return copy_project(FIXTURES / "minimal", tmp_path / "project")


def load_vocabulary() -> dict:
    return json.loads((Path(__file__).parent / "data" / "schemaorg-vocabulary.json").read_text(encoding="utf-8"))


# --- content helpers shared by several test modules ---------------------------------------------------
PINNED = "2026-11-25"


def demo_roles() -> dict[str, dict]:
    roles = {}
    for path in sorted((REPO / "roles").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        roles[path.stem] = yaml.safe_load(front)
    return roles


def is_open(front: dict) -> bool:
    return not front.get("closed") and (front.get("valid_through") is None or str(front["valid_through"]) >= PINNED)


OPEN = sorted(slug for slug, front in demo_roles().items() if is_open(front))
CLOSED = sorted(slug for slug, front in demo_roles().items() if not is_open(front))


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def leftovers(project: Path) -> list[str]:
    """Staging or backup folders an atomic build left next to site/ (there must be none)."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-staging-", ".site-old-")))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def failed_build(project: Path) -> BuildResult:
    result = run_build(project)
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    return result


def load_linted(project: Path):
    """What the plugin and `careers check` run before any page is built (load, validate, lint), in-process,
    with the project's own mkdocs.yml and the pinned build date."""
    from mkdocs_careers.cli import load_settings
    from mkdocs_careers.content.site import load_site
    from mkdocs_careers.lint import lint_site

    return lint_site(load_site(load_settings(project / "mkdocs.yml", "2026-11-25")))


def content_problems(project: Path) -> str:
    """Every problem the build would print, one `file:line: field: message (hint: ...)` per line; errors expected."""
    site = load_linted(project)
    assert site.errors, "expected content errors"
    return "\n".join(d.format() for d in site.diagnostics)
