"""Role pages in a real browser, at phone and desktop widths: facts and Apply above the fold, a working copy
button, an Apply button that leads to the role's application URL, and no sideways scrolling anywhere."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from browser_support import ARTIFACTS, DESKTOP, PHONE, new_page
from conftest import CLOSED, OPEN, demo_roles
from lxml import html as lxml_html

pytestmark = pytest.mark.browser
SHOWCASE = "ai-product-manager"  # the role in the README screenshot
FACTS_ABOVE_THE_FOLD = ["Location", "Workplace", "Salary", "Employment type", "Apply by"]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def every_page(site: Path) -> list[str]:
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


@pytest.mark.parametrize("slug", OPEN)
def test_title_facts_and_apply_button_are_above_the_fold_on_a_phone(phone_page, site_url, slug):
    page = phone_page
    page.goto(f"{site_url}roles/{slug}/")
    # The Apply button on a phone is the bar stuck to the bottom of the screen; the facts end above it.
    bar = page.locator(".careers-apply-bar").bounding_box()
    assert bar is not None
    fold = min(PHONE["height"], bar["y"])
    wanted = {"title": page.locator("article h1")}
    apply_box = page.locator(".careers-apply-bar a").bounding_box()
    assert apply_box is not None and apply_box["y"] + apply_box["height"] <= PHONE["height"]
    for label in FACTS_ABOVE_THE_FOLD:
        wanted[label] = page.locator(f"dl.careers-facts div:has(> dt:text-is('{label}')) > dd").first
    for name, locator in wanted.items():
        box = locator.bounding_box()
        assert box is not None, f"{name} is not rendered"
        assert box["y"] + box["height"] <= fold, f"{name} ends at {box['y'] + box['height']:.0f}px, below the fold"


@pytest.mark.parametrize("slug", OPEN)
def test_apply_button_goes_to_the_roles_application_url(browser, site_url, slug):
    page = new_page(browser, site_url, PHONE, answer_apply_host=True)
    page.goto(f"{site_url}roles/{slug}/")
    title = demo_roles()[slug]["title"]
    button = page.get_by_role("link", name=f"Apply for the {title} role").first
    with page.expect_navigation():
        button.click()
    assert page.url == demo_roles()[slug]["apply"]["url"]
    assert page.title() == "Application form"
    page.context.close()


@pytest.mark.parametrize("slug", CLOSED)
def test_closed_role_has_no_apply_button(phone_page, site_url, slug):
    page = phone_page
    page.goto(f"{site_url}roles/{slug}/")
    assert page.locator(".careers-apply").count() == 0
    assert page.get_by_text("This role is closed").is_visible()


def test_copy_button_puts_the_server_rendered_brief_on_the_clipboard(browser, site_url, demo_build):
    page = new_page(browser, site_url, DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}roles/{SHOWCASE}/")
    page.get_by_role("button", name="Copy hiring brief").click()
    page.get_by_text("Copied to the clipboard.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    # The same text is in the built HTML file: the brief never depends on JavaScript.
    served = lxml_html.fromstring(demo_build.html(f"roles/{SHOWCASE}/")).get_element_by_id("hiring-brief-text")
    assert copied == served.text_content()
    front = demo_roles()[SHOWCASE]
    assert copied.startswith(f"Role: {front['title']} at Northwind Labs\n")
    for item in front["outcomes"]["day_90"] + front["must_haves"] + front["nice_to_haves"]:
        assert f"- {item}\n" in copied + "\n"
    assert "<" not in copied  # plain text, pasteable anywhere
    page.context.close()


def test_copy_button_is_added_only_by_javascript(browser, site_url):
    page = new_page(browser, site_url, PHONE, java_script_enabled=False)
    page.goto(f"{site_url}roles/{SHOWCASE}/")
    assert page.get_by_role("button", name="Copy hiring brief").count() == 0
    assert page.locator("#hiring-brief-text").is_visible()
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_no_page_scrolls_sideways(browser, site_url, demo_build, viewport):
    page = new_page(browser, site_url, viewport)
    too_wide = {}
    for path in every_page(demo_build.site):
        page.goto(site_url + path)
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll_width > inner_width:
            too_wide[path or "/"] = scroll_width
    page.context.close()
    assert len(every_page(demo_build.site)) >= 15
    assert too_wide == {}, f"pages wider than {viewport['width']}px: {too_wide}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_role_page_screenshot_is_saved_as_an_artifact(browser, site_url, viewport):
    page = new_page(browser, site_url, viewport)
    page.goto(f"{site_url}roles/{SHOWCASE}/")
    ARTIFACTS.mkdir(exist_ok=True)
    above_the_fold = ARTIFACTS / f"role-page-{viewport['width']}.png"
    full = ARTIFACTS / f"role-page-{viewport['width']}-full.png"
    page.screenshot(path=str(above_the_fold))
    page.screenshot(path=str(full), full_page=True)
    page.context.close()
    assert png_size(above_the_fold) == (viewport["width"], viewport["height"])
    width, height = png_size(full)
    assert width == viewport["width"] and height > viewport["height"]
