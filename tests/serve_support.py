"""A real `mkdocs serve` in a child process for the preview tests: start it, fetch pages, wait for an edit.

Registered as a pytest plugin in conftest.py, so the `start_preview` fixture is available to every test module.
"""

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
