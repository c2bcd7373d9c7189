"""The careers site in a real browser: screenshots of every page kind at 375 and 1280 px, no sideways scrolling,
no overlapping elements in the hero and the cards, exactly the open roles on the home page, the sticky Apply
bar on phones, and zero axe WCAG 2.2 AA violations with a second (custom) brand palette."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import pytest
from appearance_helpers import use_harbour_palette
from browser_support import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    SETTLED,
    axe_violations,
    describe,
    new_page,
    served,
)
from conftest import OPEN, REPO, copy_project, run_build

pytestmark = pytest.mark.browser
PAGE_KINDS = {
    "home": "",
    "roles-index": "roles/",
    "role": "roles/ai-product-manager/",
    "closed-role": "roles/mlops-engineering-lead/",
    "person": "people/priya-raman/",
    "people-index": "people/",
    "case-study": "case-studies/experimentation-platform/",
    "case-studies-index": "case-studies/",
    "free-page": "how-we-hire/",
    "legal-page": "privacy/",
}
VIEWPORTS = {"375px": PHONE, "1280px": DESKTOP}


@pytest.fixture(scope="module")
def harbour_site_url(tmp_path_factory) -> Iterator[str]:
    """The demo re-branded with the README's second palette (teal, self-hosted font), served on 127.0.0.1."""
    project = copy_project(REPO, tmp_path_factory.mktemp("harbour"))
    use_harbour_palette(project)
    build = run_build(project)
    assert build.returncode == 0, build.output
    with served(build.site) as url:
        yield url


def overlaps(a: dict, b: dict, tolerance: float = 0.5) -> bool:
    return (a["x"] + a["width"] - tolerance > b["x"] and b["x"] + b["width"] - tolerance > a["x"]
            and a["y"] + a["height"] - tolerance > b["y"] and b["y"] + b["height"] - tolerance > a["y"])


def inside(inner: dict, outer: dict, tolerance: float = 0.5) -> bool:
    return (inner["x"] >= outer["x"] - tolerance and inner["y"] >= outer["y"] - tolerance
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + tolerance
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + tolerance)


def boxes(locator) -> list[dict]:
    return [box for box in (locator.nth(i).bounding_box() for i in range(locator.count())) if box]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_screenshot_and_no_sideways_scrolling(browser, site_url, kind):
    """One page load per kind, laid out at both widths in turn."""
    page = new_page(browser, site_url, PHONE)
    page.goto(site_url + PAGE_KINDS[kind])
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    too_wide = {}
    for viewport in VIEWPORTS.values():
        page.set_viewport_size(viewport)
        page.evaluate(SETTLED)
        page.screenshot(path=str(ARTIFACTS / f"careers-{kind}-{viewport['width']}.png"), full_page=True)
        page.screenshot(path=str(ARTIFACTS / f"careers-{kind}-{viewport['width']}-fold.png"))
        scroll_width, client_width = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll_width > client_width:
            too_wide[viewport["width"]] = scroll_width
    page.context.close()
    assert too_wide == {}, f"{kind} scrolls sideways (viewport width: page width): {too_wide}"


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_hero_and_cards_have_no_overlapping_elements(browser, site_url, viewport):
    page = new_page(browser, site_url, viewport)
    page.goto(site_url)
    hero = page.locator(".careers-hero").bounding_box()
    parts = boxes(page.locator(".careers-hero > *, .careers-hero__actions > *"))
    top_level = boxes(page.locator(".careers-hero > *"))
    assert len(top_level) == 3
    for a, b in combinations(top_level, 2):
        assert not overlaps(a, b), f"hero parts overlap: {a} {b}"
    assert all(inside(part, hero) for part in parts), "a hero element sticks out of the hero"
    actions = boxes(page.locator(".careers-hero__actions > *"))
    assert not overlaps(*actions), "the call to action overlaps the role count"
    tiles = page.locator(".careers-tile")
    tile_boxes = boxes(tiles)
    assert len(tile_boxes) == tiles.count() >= len(OPEN) + 3
    for a, b in combinations(tile_boxes, 2):
        assert not overlaps(a, b), f"cards overlap: {a} {b}"
    for index in range(tiles.count()):
        tile = tiles.nth(index)
        box = tile_boxes[index]
        children = boxes(tile.locator(":scope > *, :scope dl dt, :scope dl dd"))
        assert children and all(inside(child, box) for child in children), f"card {index}: text outside the card"
        direct = boxes(tile.locator(":scope > *"))
        for a, b in combinations(direct, 2):
            assert not overlaps(a, b), f"card {index}: elements overlap"
        facts = boxes(tile.locator(":scope dl dt, :scope dl dd"))
        for a, b in combinations(facts, 2):
            assert not overlaps(a, b), f"card {index}: facts overlap"
    page.context.close()


def test_home_page_shows_exactly_the_open_roles(phone_page, site_url):
    phone_page.goto(site_url)
    cards = phone_page.locator("li.careers-role-card")
    shown = sorted(cards.nth(i).get_attribute("data-role") for i in range(cards.count()) if cards.nth(i).is_visible())
    assert shown == OPEN
    phone_page.get_by_role("link", name="See open roles").click()
    assert phone_page.url == f"{site_url}roles/"


def test_apply_bar_stays_reachable_on_a_phone_without_covering_content(browser, site_url):
    page = new_page(browser, site_url, PHONE, answer_apply_host=True)
    page.goto(f"{site_url}roles/ai-product-manager/")
    bar = page.locator(".careers-apply-bar")
    fold = PHONE["height"]
    # On load: Apply, pay, location and the closing date are all visible above the bar.
    bar_box = bar.bounding_box()
    assert bar_box is not None and abs(bar_box["y"] + bar_box["height"] - fold) <= 1
    for label in ("Location", "Salary", "Apply by"):
        fact = page.locator(f"dl.careers-facts div:has(> dt:text-is('{label}')) > dd").first.bounding_box()
        assert fact is not None and fact["y"] + fact["height"] <= bar_box["y"], f"{label} is hidden by the Apply bar"
    # Half-way down the posting, the bar is still at the bottom of the screen.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    middle = bar.bounding_box()
    assert middle is not None and abs(middle["y"] + middle["height"] - fold) <= 1
    # At the end it rests in its own space, below the last section: nothing is left underneath it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    end = bar.bounding_box()
    previous = page.locator(".careers-apply-bar").locator("xpath=preceding-sibling::*[1]").bounding_box()
    assert end is not None and previous is not None and previous["y"] + previous["height"] <= end["y"] + 0.5
    with page.expect_navigation():
        bar.get_by_role("link").click()
    assert page.title() == "Application form"
    page.context.close()


def test_apply_bar_is_not_shown_on_a_desktop(desktop_page, site_url):
    desktop_page.goto(f"{site_url}roles/ai-product-manager/")
    assert not desktop_page.locator(".careers-apply-bar").is_visible()
    assert desktop_page.locator(".careers-apply--top a").is_visible()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_second_brand_palette_has_no_wcag_22_aa_violations(browser, harbour_site_url, axe_source, kind):
    page = new_page(browser, harbour_site_url, PHONE)
    page.goto(harbour_site_url + PAGE_KINDS[kind])
    primary = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color').trim()")
    assert primary == "#00695c"  # the palette under test is really applied
    found = {}
    for viewport in VIEWPORTS.values():
        found[viewport["width"]] = axe_violations(page, axe_source, viewport)
        page.screenshot(path=str(ARTIFACTS / f"careers-harbour-{kind}-{viewport['width']}-fold.png"))
    page.context.close()
    for width, violations in found.items():
        assert violations == [], f"at {width}px:\n{describe(violations)}"


def test_demo_legal_page_has_no_wcag_22_aa_violations(browser, site_url, axe_source):
    page = new_page(browser, site_url, PHONE)
    page.goto(site_url + PAGE_KINDS["legal-page"])
    found = {viewport["width"]: axe_violations(page, axe_source, viewport) for viewport in VIEWPORTS.values()}
    page.context.close()
    for width, violations in found.items():
        assert violations == [], f"at {width}px:\n{describe(violations)}"
