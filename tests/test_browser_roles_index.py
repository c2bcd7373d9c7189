"""The roles index in a real browser: every role server-rendered, filters that agree with the data, shareable URLs."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import PHONE, new_page
from conftest import OPEN, demo_roles

pytestmark = pytest.mark.browser
ROWS = ".careers-role-item"


def countries_of(front: dict) -> set[str]:
    """Where a candidate may work from, read straight from the frontmatter: offices plus remote countries."""
    return {loc["country"] for loc in front.get("locations", [])} | set(front.get("remote_countries", []))


def types_of(front: dict) -> set[str]:
    value = front["employment_type"]
    return {value} if isinstance(value, str) else set(value)


def titles_where(predicate) -> list[str]:
    return sorted(demo_roles()[slug]["title"] for slug in OPEN if predicate(demo_roles()[slug]))


def visible_titles(page) -> list[str]:
    return sorted(page.locator(f"{ROWS}:visible h3 a").all_inner_texts())


def assert_visible_titles(page, expected: list[str], timeout_ms: int = 5000) -> None:
    """Filtering runs in the page's event handlers; poll briefly instead of racing them on a loaded machine."""
    waited = 0
    while visible_titles(page) != expected and waited < timeout_ms:
        page.wait_for_timeout(50)
        waited += 50
    assert visible_titles(page) == expected


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_every_open_role_is_listed_without_javascript(browser, site_url):
    page = new_page(browser, site_url, PHONE, java_script_enabled=False)
    page.goto(site_url + "roles/")
    assert_visible_titles(page, titles_where(lambda front: True))
    assert not page.locator("form.careers-filters").is_visible()  # no controls that cannot work
    page.context.close()


def test_country_filter_lists_roles_remote_open_to_that_country(phone_page, site_url):
    page = phone_page
    page.goto(site_url + "roles/")
    remote_ca = titles_where(lambda f: f["workplace"] == "remote" and "CA" in f.get("remote_countries", []))
    assert remote_ca, "the demo needs a role that is remote-open to Canada"
    page.get_by_label("Country").select_option("CA")
    expected = titles_where(lambda f: "CA" in countries_of(f))
    assert_visible_titles(page, expected)
    assert set(remote_ca) <= set(expected)
    assert query_of(page) == {"country": ["CA"]}
    assert page.locator("[data-careers-count]").inner_text() == f"Showing {len(expected)} of {len(OPEN)} open roles"


@pytest.mark.parametrize("country", ["DE", "ES", "US"])
def test_every_country_option_agrees_with_the_listed_locations(phone_page, site_url, country):
    page = phone_page
    page.goto(f"{site_url}roles/?country={country}")
    assert_visible_titles(page, titles_where(lambda f: country in countries_of(f)))


def test_workplace_filter_shows_only_remote_roles(phone_page, site_url):
    page = phone_page
    page.goto(site_url + "roles/")
    page.get_by_label("Workplace").select_option("remote")
    expected = titles_where(lambda f: f["workplace"] == "remote")
    assert_visible_titles(page, expected)
    for row in page.locator(f"{ROWS}:visible").all():
        assert "Remote" in row.inner_text()
    assert query_of(page) == {"workplace": ["remote"]}


def test_shared_url_restores_the_filtered_view(browser, site_url):
    """A filtered view opened from a link (a new browser context, nothing remembered) shows the same roles."""
    page = new_page(browser, site_url, PHONE)
    page.goto(f"{site_url}roles/?workplace=remote&type=full_time")
    assert page.get_by_label("Workplace").input_value() == "remote"
    assert page.get_by_label("Employment type").input_value() == "full_time"
    assert_visible_titles(page, titles_where(lambda f: f["workplace"] == "remote" and "full_time" in types_of(f)))
    page.context.close()


def test_department_filter_hides_other_departments(phone_page, site_url):
    page = phone_page
    page.goto(site_url + "roles/")
    page.get_by_label("Department").select_option("Product")
    assert_visible_titles(page, titles_where(lambda f: f["department"] == "Product"))
    visible_sections = page.locator("section.careers-department:visible h2").all_inner_texts()
    assert [" ".join(h.replace("¶", "").split()) for h in visible_sections] == ["Product jobs at Northwind Labs"]


def test_text_search_matches_what_rows_show_and_is_in_the_url(phone_page, site_url):
    page = phone_page
    page.goto(site_url + "roles/")
    page.get_by_label("Search roles").fill("toronto")
    expected = titles_where(lambda f: any(loc["city"] == "Toronto" for loc in f.get("locations", [])))
    assert expected and visible_titles(page) == expected
    assert query_of(page) == {"search": ["toronto"]}


def test_no_match_shows_empty_state_and_clear_restores_all(phone_page, site_url):
    page = phone_page
    page.goto(site_url + "roles/?search=underwater+basket+weaving")
    assert_visible_titles(page, [])
    assert page.locator("[data-careers-empty]").is_visible()
    assert page.locator("[data-careers-count]").inner_text() == f"Showing 0 of {len(OPEN)} open roles"
    page.get_by_role("button", name="Clear filters").click()
    assert_visible_titles(page, titles_where(lambda f: True))
    assert not page.locator("[data-careers-empty]").is_visible()
    assert urlsplit(page.url).query == ""
    assert page.locator("[data-careers-count]").inner_text() == f"Showing all {len(OPEN)} open roles"


def test_unknown_filter_value_in_a_link_shows_all_roles(phone_page, site_url):
    page = phone_page
    page.goto(f"{site_url}roles/?department=Underwater+Basket+Weaving")
    assert page.get_by_label("Department").input_value() == ""
    assert_visible_titles(page, titles_where(lambda f: True))
