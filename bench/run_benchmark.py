"""Build benchmark: the careers plugin against bare mkdocs-material over the same pages (`make bench`).

For each N it generates N roles, N/10 people and N/20 case studies into a temp dir, plus a bare
project with the same number of plain Markdown pages and the same body text, and builds each in a
fresh child process, measuring wall time, CPU time, peak RSS, output bytes and bytes per page. A
third build, bare pages carrying the same *visible* text as the careers pages, separates the
plugin's own cost from the cost of publishing more text. Optionally it also times `mkdocs serve`
rebuilding one edited role. Timings are not tests: run it on a quiet machine and read the table.

    python bench/run_benchmark.py                       # N = 100, 1000, 5000, 10000 and the serve check
    python bench/run_benchmark.py --sizes 100,1000 --repeat 3 --no-serve
    python bench/run_benchmark.py --profile 1000        # pyinstrument report of one careers build
"""

from __future__ import annotations

import argparse
import compileall
import importlib.metadata
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_content import Counts, role_slug, write_bare_project, write_careers_project  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
PINNED_EPOCH = "1795564800"  # 2026-11-25, the tests' build date: the same roles are open in every run
BUILD_ENV = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
VARIANTS = ("careers", "bare", "bare-same-text")
TRASH = ".trash"  # under the workdir: old output waits here until every measurement is done

# Runs one command as its only child and reports that child's resources. A fresh wrapper per build
# means RUSAGE_CHILDREN holds exactly one build, so ru_maxrss is that build's peak RSS.
_MEASURE = textwrap.dedent("""\
    import json, resource, subprocess, sys, time
    start = time.perf_counter()
    proc = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"returncode": proc.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                      "sys": usage.ru_stime,
                      "maxrss_kb": usage.ru_maxrss, "output": proc.stdout.decode(errors="replace")[-3000:]}))
    """)


@dataclass
class BuildMeasurement:
    variant: str
    n: int
    pages: int
    wall_s: float
    cpu_s: float
    sys_s: float  # the kernel's part of cpu_s (file system work), from the run with the least CPU
    peak_rss_mb: float
    output_bytes: int
    search_index_bytes: int
    role_page_bytes: float  # mean size of one role page's index.html
    page_bytes: float  # mean size of one content page's index.html (roles, people, case studies)
    runs: list[dict] = field(default_factory=list)


def set_aside(path: Path, workdir: Path) -> None:
    """Move `path` out of the way without deleting it: deleted later, after every timing (`empty_trash`).

    On ext4, a process creating files shortly after thousands were deleted spends seconds in the kernel:
    choosing an inode, ext4 skips every recently deleted one (`recently_deleted` in the kernel profile,
    about 3 s of system time at 1,000 roles, 0.3 s otherwise). Deleting the last build's site just before
    the next one made each build pay for its predecessor, and the variant writing more files the most.
    """
    if not path.exists():
        return
    trash = workdir / TRASH  # on the same filesystem as `path`: a rename, not a copy
    trash.mkdir(exist_ok=True)
    os.replace(path, Path(tempfile.mkdtemp(dir=trash)) / path.name)


def empty_trash(workdir: Path) -> None:
    shutil.rmtree(workdir / TRASH, ignore_errors=True)


def measure_build(project: Path) -> dict:
    """One `mkdocs build` in a fresh process tree, into a site/ that does not exist (no old output to clean or
    swap, and no output deleted just before: see `set_aside`)."""
    set_aside(project / "site", project.parent)
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "mkdocs", "build", "-q",
               "-f", str(project / "mkdocs.yml")]
    proc = subprocess.run(command, capture_output=True, text=True, env=BUILD_ENV, cwd=project, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"measuring wrapper failed:\n{proc.stderr}")
    result = json.loads(proc.stdout)
    if result["returncode"] != 0:
        raise SystemExit(f"build of {project} failed:\n{result['output']}")
    return result


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def mean_page_bytes(site: Path, folders: tuple[str, ...]) -> float:
    sizes = [page.stat().st_size for folder in folders for page in (site / folder).glob("*/index.html")]
    return statistics.fmean(sizes) if sizes else 0.0


def project_for(variant: str, n: int, workdir: Path) -> Path:
    project = workdir / f"{variant}-{n}"
    if not project.exists():
        if variant == "careers":
            write_careers_project(project, n)
        else:
            write_bare_project(project, n, same_visible_text=variant == "bare-same-text")
    return project


def run_size(variants: list[str], n: int, workdir: Path, repeat: int) -> list[BuildMeasurement]:
    """Every variant at one size, `repeat` rounds. The variants take turns within a round, so on a machine
    whose speed drifts (a shared VM) each ratio compares builds run minutes, not a quarter of an hour, apart."""
    projects = {variant: project_for(variant, n, workdir) for variant in variants}
    runs: dict[str, list[dict]] = {variant: [] for variant in variants}
    for _ in range(repeat):
        for variant in variants:
            runs[variant].append(measure_build(projects[variant]))
    return [measurement(variant, n, projects[variant], runs[variant]) for variant in variants]


def measurement(variant: str, n: int, project: Path, runs: list[dict]) -> BuildMeasurement:
    site = project / "site"
    counts = Counts.for_roles(n)
    # Noise (other processes, cold caches) only ever adds time, so the fastest run is the best estimate.
    return BuildMeasurement(
        variant=variant, n=n, pages=counts.pages,
        wall_s=min(r["wall"] for r in runs), cpu_s=min(r["cpu"] for r in runs),
        sys_s=min(runs, key=lambda r: r["cpu"])["sys"],
        peak_rss_mb=min(r["maxrss_kb"] for r in runs) / 1024,
        output_bytes=tree_bytes(site), search_index_bytes=(site / "search" / "search_index.json").stat().st_size,
        role_page_bytes=mean_page_bytes(site, ("roles",)),
        page_bytes=mean_page_bytes(site, ("roles", "people", "case-studies")),
        runs=[{k: v for k, v in r.items() if k != "output"} for r in runs],
    )


# --- mkdocs serve --------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, deadline: float, process: subprocess.Popen) -> float:
    """Poll until the page at `url` contains `needle`; return the time it happened."""
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited with {process.returncode}")
        body = fetch(url)
        if body is not None and needle in body:
            return time.monotonic()
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {needle!r} in time")


def measure_serve(n: int, workdir: Path, timeout: float, *options: str) -> dict:
    """Start `mkdocs serve` on loopback, edit one role's title, and time until the rebuilt page is served.

    `options` go to `mkdocs serve`, e.g. `--dirty` (the incremental preview; `make serve` uses it).
    """
    project = workdir / f"serve-{n}{''.join(options)}"
    set_aside(project, workdir)
    write_careers_project(project, n)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    slug = role_slug(1)
    role_file = project / "roles" / f"{slug}.md"
    log_path = workdir / f"serve-{n}{''.join(options)}.log"
    started = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml"),
             *options],
            cwd=project, env=BUILD_ENV, stdout=log, stderr=subprocess.STDOUT)
        try:
            text = role_file.read_text(encoding="utf-8")
            old_title = next(line for line in text.splitlines() if line.startswith("title: "))[len("title: "):]
            ready = wait_for(base + f"roles/{slug}/", f"<h1 id=\"{slug}\">{old_title}</h1>",
                             started + timeout, process)
            time.sleep(2)  # let the file watcher settle before the edit
            new_title = f"{old_title} edited"
            edited = time.monotonic()
            role_file.write_text(text.replace(f"title: {old_title}", f"title: {new_title}", 1), encoding="utf-8")
            served = wait_for(base + f"roles/{slug}/", f"<h1 id=\"{slug}\">{new_title}</h1>", edited + timeout, process)
            # The roles index is written after the page in the same rebuild: wait for it as well.
            index_served = wait_for(base + "roles/", new_title, edited + timeout, process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return {"n": n, "options": " ".join(options), "first_build_served_s": ready - started,
            "edit_to_served_s": served - edited, "edit_to_index_served_s": index_served - edited,
            "log": str(log_path)}


# --- report --------------------------------------------------------------------------------------------------
def machine_info() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.rstrip() if shutil.which("free") else ""
    return {
        "nproc": os.cpu_count(), "cpu": cpu, "free -h": memory, "python": platform.python_version(),
        "mkdocs": importlib.metadata.version("mkdocs"), "mkdocs-material": importlib.metadata.version("mkdocs-material"),
        "PyYAML libyaml": _has_libyaml(), "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _has_libyaml() -> bool:
    import yaml

    return bool(getattr(yaml, "__with_libyaml__", False))


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def render_report(results: list[BuildMeasurement], serves: list[dict], machine: dict) -> str:
    by = {(r.variant, r.n): r for r in results}
    sizes = sorted({r.n for r in results})
    out = ["## Builds", "",
           "| N roles | pages | build | wall s | CPU s | of it sys s | peak RSS MB | output MB | search index MB | "
           "index bytes/role | bytes/role page | bytes/page |",
           "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        for variant in VARIANTS:
            r = by.get((variant, n))
            if r:
                out.append(f"| {n} | {r.pages} | {variant} | {r.wall_s:.2f} | {r.cpu_s:.2f} | {r.sys_s:.2f} | "
                           f"{r.peak_rss_mb:.0f} | "
                           f"{r.output_bytes / 1e6:.1f} | {r.search_index_bytes / 1e6:.2f} | "
                           f"{r.search_index_bytes / n:,.0f} | {r.role_page_bytes:,.0f} | {r.page_bytes:,.0f} |")
    out += ["", "## Ratios (targets: time and memory ≤ 1.5 × bare at N ≥ 1000)", "",
            "| N roles | wall careers/bare | CPU careers/bare | RSS careers/bare | "
            "wall careers/same-text | CPU careers/same-text | RSS careers/same-text |",
            "|---:|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        c, b, s = by.get(("careers", n)), by.get(("bare", n)), by.get(("bare-same-text", n))
        if not (c and b):
            continue
        same = (f"{ratio(c.wall_s, s.wall_s)} | {ratio(c.cpu_s, s.cpu_s)} | {ratio(c.peak_rss_mb, s.peak_rss_mb)}"
                if s else "n/a | n/a | n/a")
        out.append(f"| {n} | {ratio(c.wall_s, b.wall_s)} | {ratio(c.cpu_s, b.cpu_s)} | "
                   f"{ratio(c.peak_rss_mb, b.peak_rss_mb)} | {same} |")
    out += ["", "## Scaling", ""]
    for variant in VARIANTS:
        small = by.get((variant, 1000))
        for large_n, target in ((5000, "5.5"), (10000, "11")):
            large = by.get((variant, large_n))
            if small and large:
                out.append(f"- {variant}: time({large_n})/time(1000) = {ratio(large.wall_s, small.wall_s)} wall, "
                           f"{ratio(large.cpu_s, small.cpu_s)} CPU (target ≤ {target} for careers)")
    role_sizes = [by[("careers", n)].role_page_bytes for n in sizes if ("careers", n) in by]
    if len(role_sizes) > 1:
        spread = (max(role_sizes) - min(role_sizes)) / min(role_sizes) * 100
        out.append(f"- careers bytes per role page: {', '.join(f'{s:,.0f}' for s in role_sizes)} "
                   f"(spread {spread:.1f}% across N; the role texts are the same, only linked names differ)")
    if serves:
        out += ["", "## mkdocs serve", ""]
    for serve in serves:
        command = " ".join(["mkdocs serve", serve["options"]]).strip()
        out.append(f"- `{command}`, N = {serve['n']}: first build served after {serve['first_build_served_s']:.1f} s; "
                   f"after editing one role's title the rebuilt page was served {serve['edit_to_served_s']:.2f} s "
                   f"later, the roles index listing the new title {serve['edit_to_index_served_s']:.2f} s later.")
    out += ["", "## Machine", ""]
    for key, value in machine.items():
        if key == "free -h":
            out += ["", "```text", f"$ free -h\n{value}", "```", ""]
        else:
            out.append(f"- {key}: {value}")
    return "\n".join(out)


def profile(n: int, workdir: Path) -> Path:
    project = workdir / f"careers-{n}"
    if not project.exists():
        write_careers_project(project, n)
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"profile-careers-{n}.txt"
    shutil.rmtree(project / "site", ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(target), "-m", "mkdocs", "build",
                    "-q", "-f", str(project / "mkdocs.yml")], cwd=project, env=BUILD_ENV, check=True)
    return target


def precompile_plugin() -> None:
    """Write the plugin's bytecode once, as pip does for every package it installs (MkDocs, Material).

    The plugin is installed editable, so nothing compiled it; where PYTHONDONTWRITEBYTECODE is set, every
    timed build would otherwise compile the plugin's modules again and charge that to the careers side.
    """
    import mkdocs_careers

    compileall.compile_dir(Path(mkdocs_careers.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,5000,10000", help="comma-separated numbers of roles (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds per size (each builds every variant once, in turn); the fastest build counts")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="which builds to run (default: all three)")
    parser.add_argument("--serve-size", type=int, default=1000, help="N for the mkdocs serve rebuild check")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild check")
    parser.add_argument("--serve-timeout", type=float, default=600, help="seconds to wait for each serve step")
    parser.add_argument("--profile", type=int, metavar="N", help="only write a pyinstrument profile of a careers build")
    parser.add_argument("--workdir", type=Path, help="where to generate projects (default: a temp dir, removed)")
    parser.add_argument("--json", type=Path, help="also write the raw measurements as JSON to this file")
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="careers-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            print(f"profile written to {profile(args.profile, workdir)}")
            return 0
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        variants = [v for v in args.variants.split(",") if v]
        unknown = set(variants) - set(VARIANTS)
        if unknown:
            parser.error(f"unknown variants {sorted(unknown)}; choose from {', '.join(VARIANTS)}")
        machine = machine_info()
        precompile_plugin()
        results = []
        for n in sizes:
            print(f"building {', '.join(variants)} with N={n} ({args.repeat} round(s)) ...", file=sys.stderr,
                  flush=True)
            results += run_size(variants, n, workdir, args.repeat)
        serves = [] if args.no_serve else [measure_serve(args.serve_size, workdir, args.serve_timeout, *options)
                                           for options in (("--dirty",), ())]
        machine["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(render_report(results, serves, machine))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"machine": machine, "builds": [asdict(r) for r in results],
                                             "serve": serves}, indent=2), encoding="utf-8")
    finally:
        empty_trash(workdir)
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
