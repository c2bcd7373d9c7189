"""Two builds of the same content on the same build date are byte-identical; a build that crashes
half-way leaves the previous site/ byte-for-byte intact and no staging folder behind."""

from __future__ import annotations

import shutil

from conftest import REPO, copy_project, run_build
from test_content_errors import tree_digest


def test_two_builds_with_the_same_build_date_are_byte_identical(tmp_path):
    first = copy_project(REPO, tmp_path / "first")
    second = copy_project(REPO, tmp_path / "second")
    assert run_build(first).returncode == 0
    assert run_build(second).returncode == 0
    # Different folders, same content and date: the outputs must not depend on paths or the clock.
    assert tree_digest(first / "site") == tree_digest(second / "site")
    shutil.rmtree(second / "site")
    assert run_build(second).returncode == 0
    assert tree_digest(first / "site") == tree_digest(second / "site")


def test_a_later_build_date_changes_only_date_dependent_outputs(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    assert run_build(project).returncode == 0
    before = (project / "site" / "roles" / "feed.xml").read_text(encoding="utf-8")
    assert run_build(project, epoch="1795651200").returncode == 0  # one day later
    after = (project / "site" / "roles" / "feed.xml").read_text(encoding="utf-8")
    assert before != after and "Thu, 26 Nov 2026" in after


def test_crash_mid_build_leaves_previous_site_intact(minimal_project):
    assert run_build(minimal_project).returncode == 0
    before = tree_digest(minimal_project / "site")
    # A hook that fails while pages are being written: half the new site exists only in staging.
    (minimal_project / "crash_hook.py").write_text(
        "def on_post_page(output, page, config):\n"
        "    if page.file.src_uri.startswith('roles/data-lead'):\n"
        "        raise RuntimeError('simulated crash while writing pages')\n"
        "    return output\n", encoding="utf-8")
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - crash_hook.py\n", encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode != 0 and "simulated crash" in result.output
    assert tree_digest(minimal_project / "site") == before
    assert not list(minimal_project.glob(".site-staging-*")) and not list(minimal_project.glob(".site-old-*"))


def test_first_build_failure_creates_no_site_folder(minimal_project):
    (minimal_project / "roles" / "data-lead.md").write_text("", encoding="utf-8")
    assert run_build(minimal_project).returncode != 0
    assert not (minimal_project / "site").exists()
    assert not list(minimal_project.glob(".site-*"))
