"""Concurrent builds into one site/ (issue 14): never a traceback, a clear message when another build holds the
output, always one complete build published, and no staging, backup or half-swapped folder left behind."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import PINNED_EPOCH, leftovers, run_build, tree_digest

BUSY = "another build is writing"


def start_build(project: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_simultaneous_builds_publish_one_complete_site_without_tracebacks(minimal_project):
    reference = run_build(minimal_project)
    assert reference.returncode == 0, reference.output
    expected = tree_digest(reference.site)
    builds = [start_build(minimal_project) for _ in range(8)]
    outputs = [(build.wait(timeout=300), build.stdout.read()) for build in builds if build.stdout is not None]
    for code, output in outputs:
        assert "Traceback" not in output, output
        assert code == 0 or BUSY in output, output
    assert any(code == 0 for code, _ in outputs)
    assert tree_digest(minimal_project / "site") == expected
    assert leftovers(minimal_project) == []


def test_a_build_finding_the_output_locked_stops_with_a_clear_message(minimal_project):
    first = run_build(minimal_project)
    assert first.returncode == 0, first.output
    before = tree_digest(first.site)
    with open(minimal_project / ".site.lock", "ab") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # another build is in the middle of writing site/
        started = time.monotonic()
        result = run_build(minimal_project, isolated=True)  # another process holds the lock
        waited = time.monotonic() - started
    assert result.returncode == 1 and "Traceback" not in result.output
    assert f"careers: {BUSY} {minimal_project.resolve() / 'site'}" in result.output
    assert "wait for it to finish and build again" in result.output
    assert waited >= 10  # it waited for the other build's swap before giving up
    assert tree_digest(minimal_project / "site") == before
    assert leftovers(minimal_project) == []


def test_lock_and_backup_folders_are_ignored_by_git():
    ignored = (Path(__file__).resolve().parents[1] / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {".site-staging-*/", ".site-old-*/", ".site.lock"} <= set(ignored)
