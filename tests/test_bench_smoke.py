"""The benchmark still runs: `bench/run_benchmark.py` at N = 20, every build variant and the serve check.

Timings are not checked (the machine may be busy); what is checked is that the generated content passes
the real loader and every lint rule (the generator verifies itself), that every build succeeds, and that
the report and the JSON hold every variant at every size. Without this the benchmark rots unnoticed when
a new lint rule rejects the synthetic content.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "run_benchmark.py"
VARIANTS = ("careers", "bare", "bare-same-text")
SMOKE_SIZES = (20, 40)


def test_benchmark_runs_every_variant_and_the_serve_check(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    sizes = ",".join(map(str, SMOKE_SIZES))
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--sizes", sizes, "--serve-size", str(SMOKE_SIZES[0]), "--serve-timeout",
         "120", "--workdir", str(tmp_path / "work"), "--json", str(results)],
        capture_output=True, text=True, timeout=900, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = proc.stdout
    data = json.loads(results.read_text(encoding="utf-8"))

    measured = {(build["variant"], build["n"]) for build in data["builds"]}
    assert measured == {(variant, n) for variant in VARIANTS for n in SMOKE_SIZES}
    for build in data["builds"]:
        assert build["pages"] == build["n"] + build["n"] // 10 + build["n"] // 20
        assert build["search_index_bytes"] > 0 and build["role_page_bytes"] > 0
        assert build["wall_s"] > 0 and build["peak_rss_mb"] > 0 and 0 <= build["sys_s"] <= build["cpu_s"]
        site = tmp_path / "work" / f"{build['variant']}-{build['n']}" / "site"
        role_pages = list((site / "roles").glob("*/index.html"))
        assert len(role_pages) == build["n"], f"{build['variant']} N={build['n']} wrote {len(role_pages)} role pages"
    for variant in VARIANTS:
        for n in SMOKE_SIZES:
            assert any(line.startswith(f"| {n} | ") and f"| {variant} |" in line for line in report.splitlines()), (
                f"no report row for {variant} at N={n}:\n{report}")
    assert f"| {SMOKE_SIZES[0]} | " in report.split("## Ratios", 1)[1]

    assert [serve["options"] for serve in data["serve"]] == ["--dirty", ""]  # the incremental and the full preview
    for serve in data["serve"]:
        assert serve["n"] == SMOKE_SIZES[0]
        assert 0 < serve["edit_to_served_s"] <= serve["edit_to_index_served_s"]
    assert "`mkdocs serve --dirty`, N = 20" in report and "`mkdocs serve`, N = 20" in report
    assert not (tmp_path / "work" / ".trash").exists()  # old output is deleted once everything is measured


def test_old_output_is_set_aside_by_a_rename_and_deleted_after_the_measurements(tmp_path: Path) -> None:
    """Deleting the previous site just before a timed build would charge the kernel's inode bookkeeping for
    those deletions to the build (see `set_aside`): the old site is renamed away, and deleted at the end."""
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import run_benchmark
    finally:
        sys.path.remove(str(SCRIPT.parent))
    for attempt in range(2):
        page = tmp_path / "careers-20" / "site" / "roles" / "a" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"build {attempt}", encoding="utf-8")
        inode = page.stat().st_ino
        run_benchmark.set_aside(tmp_path / "careers-20" / "site", tmp_path)
        assert not (tmp_path / "careers-20" / "site").exists()
        kept = [p for p in (tmp_path / ".trash").rglob("index.html") if p.read_text(encoding="utf-8") == f"build {attempt}"]
        assert [p.stat().st_ino for p in kept] == [inode]  # moved, not copied
    run_benchmark.set_aside(tmp_path / "missing", tmp_path)  # nothing to move is fine
    run_benchmark.empty_trash(tmp_path)
    assert not (tmp_path / ".trash").exists()
