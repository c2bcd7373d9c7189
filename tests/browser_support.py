"""Real-browser test support: the built demo site served on localhost and Debian's headless Chromium.

Registered as a plugin by conftest.py, so every test module can use these fixtures. A missing browser,
axe-core or Java is a test FAILURE with the command that installs it, never a skip: CI must not pass
without running these checks.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, BuildResult

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a sandbox-less container and a quiet, offline browser: no update checks, no sync, no first-run UI.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
ARTIFACTS = REPO / "test-artifacts"
PHONE = {"width": 375, "height": 667}  # iPhone SE, the smallest common phone viewport
DESKTOP = {"width": 1280, "height": 800}
# The demo's apply links point at an external host; requests to it are answered locally so nothing leaves the machine.
APPLY_HOST = "https://jobs.northwind-labs.example/"


def require_file(path: Path, what: str, install: str) -> Path:
    if not path.exists():
        pytest.fail(f"{what} not found at {path}; install it with `{install}` (`make test` does this)", pytrace=False)
    return path


def require_java() -> str:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found; install it with `apt-get install default-jre-headless` (`make browser-deps` "
                    "does this)", pytrace=False)
    return java


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def site_url(demo_build: BuildResult) -> Iterator[str]:
    """The built demo site served over HTTP on 127.0.0.1 (a free port), like a static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(demo_build.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    require_file(CHROMIUM, "Chromium", "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def new_page(browser, site_url: str, viewport: dict, **context_options):
    """A page in a fresh context (no shared storage or permissions) that only talks to the local site.

    The apply host gets a stand-in form so the Apply button can be followed; everything else off-site
    (Material's Google Fonts stylesheet) is blocked, so runs are the same with or without a network.
    """
    context = browser.new_context(viewport=viewport, **context_options)

    def handle(route) -> None:
        url = route.request.url
        if url.startswith(site_url):
            route.continue_()
        elif url.startswith(APPLY_HOST):
            route.fulfill(status=200, content_type="text/html",
                          body="<!doctype html><title>Application form</title><h1>Apply</h1>")
        else:
            route.abort()

    context.route("**/*", handle)
    return context.new_page()


@pytest.fixture
def phone_page(browser, site_url):
    page = new_page(browser, site_url, PHONE)
    yield page
    page.context.close()


@pytest.fixture
def desktop_page(browser, site_url):
    page = new_page(browser, site_url, DESKTOP)
    yield page
    page.context.close()
