"""Last-modified dates of pages that carry no content date of their own (free pages, people without `updated`).

The order, most truthful first: a date the editor declared in the frontmatter (`updated`, else `date`), then
the date of the last git commit that touched the source file (when the project is a full git checkout and
the file has no uncommitted changes), then the build date. Each is reproducible: the same content, checkout
and build date give the same dates, so two builds stay byte-identical.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

COMMIT_MARK = "\x1fcommit "
GIT_TIMEOUT_SECONDS = 60


class DeclaredDateError(ValueError):
    """A frontmatter date that is not a date."""

    def __init__(self, field: str, value: object) -> None:
        super().__init__(f"{field}: '{value}' is not a date")
        self.field = field
        self.value = value


def declared_date(meta: Mapping[str, Any]) -> dt.date | None:
    """`updated`, else `date` (Material's blog style `date: {created, updated}` too), from a page's frontmatter."""
    for field in ("updated", "date"):
        value = meta.get(field)
        if isinstance(value, Mapping):
            value = value.get("updated") or value.get("created")
        if value is None or value == "":
            continue
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise DeclaredDateError(field, value) from None
    return None


class SourceDates:
    """The last commit date of each committed, unmodified file under `root`; git is asked once, on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._dates: dict[Path, dt.date] | None = None

    def commit_date(self, path: Path) -> dt.date | None:
        if self._dates is None:
            self._dates = git_commit_dates(self.root)
        return self._dates.get(path.resolve())

    def last_modified(self, path: Path | None, declared: dt.date | None, build_date: dt.date) -> dt.date:
        if declared is not None:
            return declared
        committed = self.commit_date(path) if path is not None else None
        return committed or build_date


def git_commit_dates(root: Path) -> dict[Path, dt.date]:
    """Path → UTC date of the newest commit touching it, for files under `root` without uncommitted changes.

    Empty when `root` is not in a git checkout, git is missing, or the clone is shallow (there every file
    would get the date of the oldest fetched commit, which is not when it changed)."""
    git = shutil.which("git")
    if git is None:
        return {}

    def run(*args: str) -> str | None:
        try:
            done = subprocess.run([git, "-c", "core.quotePath=false", "-C", str(root), *args], capture_output=True,
                                  text=True, encoding="utf-8", timeout=GIT_TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    top = run("rev-parse", "--show-toplevel")
    if not top or run("rev-parse", "--is-shallow-repository") != "false\n":
        return {}
    top_dir = Path(top.strip()).resolve()
    log = run("log", f"--format={COMMIT_MARK}%ct", "--name-only", "--no-renames", "--", ".")
    if log is None:
        return {}
    dates: dict[Path, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(COMMIT_MARK):
            current = dt.datetime.fromtimestamp(int(line[len(COMMIT_MARK):]), tz=dt.timezone.utc).date()
        elif line and current is not None:
            dates.setdefault(top_dir / line, current)  # the log is newest first
    status = run("status", "--porcelain", "-z", "--untracked-files=no", "--", ".") or ""
    for record in status.split("\0"):
        if len(record) > 3:  # "XY path": changed since its last commit, so that commit's date would understate it
            dates.pop(top_dir / record[3:], None)
    return dates
