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
from contextlib import contextmanager
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
# Every host but the local site fails to resolve, inside Chromium: nothing leaves the machine, runs are the same
# with or without a network, and no request has to round-trip through Python (routing any request would also
# switch Chromium's HTTP cache off, so every page would fetch the theme's scripts and styles again).
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
# The demo's apply links point at an external host; tests that follow one get a stand-in form from it.
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


@contextmanager
def served(site: Path) -> Iterator[str]:
    """A built site served over HTTP on 127.0.0.1 (a free port), like a static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(demo_build: BuildResult) -> Iterator[str]:
    """The built demo site, served."""
    with served(demo_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    require_file(CHROMIUM, "Chromium", "apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, OFFLINE])
        yield instance
        instance.close()


def new_page(browser, site_url: str, viewport: dict, *, answer_apply_host: bool = False, **context_options):
    """A page in a fresh context (no shared storage or permissions); the browser only reaches the local site.

    With `answer_apply_host`, the demo's apply host answers with a stand-in form, so the Apply button can be
    followed (only then is anything routed).
    """
    context = browser.new_context(viewport=viewport, **context_options)
    if answer_apply_host:
        context.route(f"{APPLY_HOST}**", lambda route: route.fulfill(
            status=200, content_type="text/html",
            body="<!doctype html><title>Application form</title><h1>Apply</h1>"))
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


# axe-core rule tags for WCAG 2.2 level AA (every earlier version and level included).
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
# After a resize the theme fades parts in (Material's navigation tabs at desktop width): wait for the layout and
# every finite animation to end, so contrast is measured on the page a reader sees.
SETTLED = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const finite = document.getAnimations().filter(a => a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    return require_file(AXE, "axe-core", "npm ci").read_text(encoding="utf-8")


def axe_violations(page, axe_source: str, viewport: dict) -> list[dict]:
    """axe-core's WCAG 2.2 AA violations on the loaded page at `viewport`, once the layout has settled.

    Several widths can be checked on one page load (the document is the same, the layout is not); only
    violations come back in full (passes report one node each), which keeps the result small.
    """
    page.set_viewport_size(viewport)
    page.evaluate(SETTLED)
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", WCAG_22_AA)
    assert result["passes"], "axe ran no checks"
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node["failureSummary"].split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)
