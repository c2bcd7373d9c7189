"""`mkdocs serve`: editing a file in roles/ (outside docs_dir) rebuilds the preview, and a content error
is shown in the terminal and on the page without stopping the server, even in strict mode."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import PINNED_EPOCH

WAIT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


class Preview:
    def __init__(self, project: Path, log: Path, *options: str):
        self.port = free_port()
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a",
             f"127.0.0.1:{self.port}", *options],
            cwd=project, stdout=log.open("w"), stderr=subprocess.STDOUT,
            env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"})

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def wait_for_page(self, path: str, condition: Callable[[str], bool]) -> str:
        deadline = time.monotonic() + WAIT_SECONDS
        last = None
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"mkdocs serve exited:\n{self.output()}"
            last = fetch(self.url(path))
            if last is not None and condition(last):
                return last
            time.sleep(0.3)
        raise AssertionError(f"/{path} never matched; last page:\n{last}\nserver log:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def start_preview(tmp_path) -> Iterator[Callable[[Path], Preview]]:
    started: list[Preview] = []

    def start(project: Path, *options: str) -> Preview:
        preview = Preview(project, tmp_path / f"serve-{len(started)}.log", *options)
        started.append(preview)
        return preview

    yield start
    for preview in started:
        preview.stop()


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_strict(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text("strict: true\n" + config.read_text(encoding="utf-8"), encoding="utf-8")


def test_content_error_during_serve_is_shown_and_the_server_keeps_running(minimal_project, start_preview):
    make_strict(minimal_project)
    role = minimal_project / "roles" / "data-lead.md"
    preview = start_preview(minimal_project)
    preview.wait_for_page("roles/data-lead/", lambda html: "application/ld+json" in html and "Data Lead" in html)

    replace_in(role, "  min: 150000", "  min: lots")
    page = preview.wait_for_page("roles/data-lead/", lambda html: "content error" in html)
    assert "roles/data-lead.md:14" in page and "salary.min" in page and "plain number" in page
    assert "JobPosting" not in page
    assert "roles/data-lead.md:14: salary.min:" in preview.output()
    home = fetch(preview.url(""))
    assert home is not None and "content error" in home  # every page says the preview is incomplete

    replace_in(role, "  min: lots", "  min: 150000")
    page = preview.wait_for_page("roles/data-lead/", lambda html: "JobPosting" in html)
    assert "content error" not in page
    assert preview.process.poll() is None


def test_serve_starts_with_broken_content_and_shows_the_problem(minimal_project, start_preview):
    make_strict(minimal_project)
    replace_in(minimal_project / "people" / "jo-smith.md", "since: 2021-03-01", "since: someday")
    replace_in(minimal_project / "roles" / "data-lead.md", "summary: Lead the data team that turns raw events "
               "into decisions.", "summary: Leads data.")
    preview = start_preview(minimal_project)
    page = preview.wait_for_page("people/jo-smith/", lambda html: "content error" in html)
    assert "people/jo-smith.md:4" in page and "since" in page
    # A lint warning is printed too, but neither it nor the error stops a strict preview.
    assert "WARNING" in preview.output() and "summary-length" not in page
    assert "summary has 11 characters" in preview.output()
