"""Lighthouse (npm `lighthouse`, pinned in package-lock.json) on every kind of page of the served demo site.

SEO, Accessibility and Best practices are 100 on the home page, the roles index, an open role, a person
and a case study; a closed role loses SEO points only to the intended `noindex` (`is-crawlable`); the
roles index has no layout shift (its filter form holds its place before careers.js shows it). One
Lighthouse run per page with only the categories asserted, in Lighthouse's default (mobile) settings,
driving Debian's Chromium headless.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from browser_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, LIGHTHOUSE, require_file
from conftest import CLOSED, OPEN

pytestmark = pytest.mark.browser
CATEGORIES = ("seo", "accessibility", "best-practices")
PAGES = {
    "home": "",
    "roles index": "roles/",
    "open role": f"roles/{OPEN[0]}/",
    "person": "people/priya-raman/",
    "case study": "case-studies/experimentation-platform/",
    "closed role": f"roles/{CLOSED[0]}/",
}
# Failures that are intended: a closed role's page stays online for old links but is `noindex`.
INTENDED_FAILURES = {"closed role": {"is-crawlable"}}
LAYOUT_SHIFT_AUDIT = "cumulative-layout-shift"
LIGHTHOUSE_TIMEOUT_SECONDS = 240


def lighthouse_report(url: str, name: str, extra_audits: tuple[str, ...] = ()) -> dict:
    require_file(LIGHTHOUSE, "Lighthouse", "npm ci")
    require_file(CHROMIUM, "Chromium", "apt-get install chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    report_path = ARTIFACTS / f"lighthouse-{name.replace(' ', '-')}.json"
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
               f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}"]
    if extra_audits:  # added to the categories' audits, not instead of them
        command.append(f"--only-audits={','.join(extra_audits)}")
    proc = subprocess.run(command, capture_output=True, text=True, timeout=LIGHTHOUSE_TIMEOUT_SECONDS,
                          env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report.get("runtimeError") is None, report["runtimeError"]
    return report


def failing_audits(report: dict, category: str) -> dict[str, str]:
    """Audit id → what Lighthouse says is wrong, for every weighted audit of the category that did not pass."""
    failed = {}
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            items = audit.get("details", {}).get("items", [])
            failed[ref["id"]] = f"{audit['title']}: {json.dumps(items)[:600]}"
    return failed


@pytest.mark.parametrize("name", PAGES.keys())
def test_lighthouse_scores_100_on_every_kind_of_page(site_url, name):
    path = PAGES[name]
    layout_shift = (LAYOUT_SHIFT_AUDIT,) if path == "roles/" else ()
    report = lighthouse_report(site_url + path, name, layout_shift)
    assert report["finalDisplayedUrl"] == site_url + path
    for category in CATEGORIES:
        failed = failing_audits(report, category)
        intended = INTENDED_FAILURES.get(name, set())
        assert set(failed) <= intended, f"{category}: {json.dumps(failed, indent=1)}"
        if not intended:
            assert report["categories"][category]["score"] == 1, category
    for audit in intended:  # the intended failure did happen: the page is noindex
        assert report["audits"][audit]["score"] == 0, audit
    if layout_shift:
        assert report["audits"][LAYOUT_SHIFT_AUDIT]["numericValue"] == 0
