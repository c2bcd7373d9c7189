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
        assert build["wall_s"] > 0 and build["peak_rss_mb"] > 0
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
