"""Accessibility: zero axe-core violations at WCAG 2.2 AA on every kind of page, at phone and desktop widths.

axe-core comes from npm (package-lock.json pins it; `make test` runs `npm ci`) and runs inside the real page
after the site's own scripts, so the filters and the copy button added by JavaScript are checked too.
"""

from __future__ import annotations

import pytest
from browser_support import AXE, DESKTOP, PHONE, WCAG_22_AA, describe, new_page, require_file

pytestmark = pytest.mark.browser
PAGES = {
    "home": "",
    "roles index": "roles/",
    "roles index, filtered to nothing": "roles/?search=underwater+basket+weaving",
    "open role": "roles/ai-product-manager/",
    "remote contract role": "roles/analytics-experimentation-lead/",
    "closed role": "roles/mlops-engineering-lead/",
    "person": "people/priya-raman/",
    "people index": "people/",
    "case study": "case-studies/experimentation-platform/",
    "case studies index": "case-studies/",
    "free page": "how-we-hire/",
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    return require_file(AXE, "axe-core", "npm ci").read_text(encoding="utf-8")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_wcag_22_aa_violations(browser, site_url, axe_source, path, viewport):
    page = new_page(browser, site_url, viewport)
    page.goto(site_url + path)
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
    page.context.close()
    assert result["passes"], "axe ran no checks"
    assert result["violations"] == [], describe(result["violations"])
