"""Accessibility: zero axe-core violations at WCAG 2.2 AA on every kind of page, at phone and desktop widths.

axe-core comes from npm (package-lock.json pins it; `make test` runs `npm ci`) and runs inside the real page
after the site's own scripts, so the filters and the copy button added by JavaScript are checked too. Each page
is loaded once and checked at both widths.
"""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, PHONE, axe_violations, describe, new_page

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


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_wcag_22_aa_violations_on_a_phone_or_a_desktop(browser, site_url, axe_source, path):
    page = new_page(browser, site_url, PHONE)
    page.goto(site_url + path)
    found = {viewport["width"]: axe_violations(page, axe_source, viewport) for viewport in (PHONE, DESKTOP)}
    page.context.close()
    for width, violations in found.items():
        assert violations == [], f"at {width}px:\n{describe(violations)}"
