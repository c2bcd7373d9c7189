"""Reproducible output: the same content and the same build date give a byte-identical site/, whichever
directory it is built in and whatever Python's string hashing seed is (set iteration order)."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import PINNED_EPOCH, REPO, copy_project, run_build


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_identical(first: Path, second: Path) -> None:
    a, b = tree(first), tree(second)
    assert a.keys() == b.keys(), sorted(a.keys() ^ b.keys())
    differing = [name for name in a if a[name] != b[name]]
    assert not differing, f"{len(differing)} files differ, e.g. {differing[:10]}"


def build(project: Path, *, hash_seed: str, epoch: str | None = PINNED_EPOCH) -> Path:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, env=env, cwd=project, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return project / "site"


def test_two_builds_of_the_demo_with_the_same_build_date_are_byte_identical(tmp_path):
    first = build(copy_project(REPO, tmp_path / "first"), hash_seed="1")
    second = build(copy_project(REPO, tmp_path / "elsewhere" / "second"), hash_seed="2")
    assert_identical(first, second)


def test_build_date_in_mkdocs_yml_pins_every_date_in_the_output(tmp_path):
    """Without SOURCE_DATE_EPOCH, `build_date:` alone decides every date the build writes (the feeds' build
    date, the gzip timestamp), so a build on another day produces the same bytes. The sitemap's lastmod
    values are content dates, never the build date."""
    project = copy_project(REPO, tmp_path / "project")
    config_path = project / "mkdocs.yml"
    pinned = dt.date(2027, 1, 15)  # not today, whenever the test runs
    assert pinned != dt.datetime.now(dt.timezone.utc).date()
    text = config_path.read_text(encoding="utf-8")
    config_path.write_text(text.replace("  - careers:\n", f"  - careers:\n      build_date: {pinned}\n"),
                           encoding="utf-8")
    assert yaml.safe_load(config_path.read_text(encoding="utf-8"))["plugins"][1]["careers"]["build_date"] == pinned
    site = build(project, hash_seed="3", epoch=None)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") > 0 and f"<lastmod>{pinned}</lastmod>" not in sitemap
    assert "<lastBuildDate>Fri, 15 Jan 2027 00:00:00 +0000</lastBuildDate>" in (
        site / "roles" / "feed.xml").read_text(encoding="utf-8")
    with gzip.open(site / "sitemap.xml.gz") as compressed:
        compressed.read()
        assert compressed.mtime == 0  # no timestamp at all in the archive header


def test_rebuilding_in_place_gives_the_same_bytes(tmp_path):
    """The second build swaps a fresh tree in over the first: nothing of the old tree lingers or differs."""
    project = copy_project(REPO, tmp_path / "project")
    first = run_build(project)
    assert first.returncode == 0, first.output
    before = tree(first.site)
    second = run_build(project)
    assert second.returncode == 0, second.output
    assert tree(second.site) == before
