"""Shared test helpers: real MkDocs builds into temp dirs and real parsers on the output."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
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


def run_build(project: Path, *args: str, epoch: str = PINNED_EPOCH, strict: bool = True) -> BuildResult:
    """Run the real `mkdocs build` command on a project directory."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), *args]
    if strict:
        command.append("--strict")
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=project, timeout=600)
    site_dir = project / "site"
    return BuildResult(project, site_dir, proc.returncode, proc.stdout + proc.stderr)


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
