"""Site search for candidates, in a real browser: Material's client-side search over the real index.

A generated site (the benchmark's generator, 60 roles) is built with the careers plugin and served on
localhost. Typing a skill, a city, a country or a team into Material's search box must list the open
roles that match first, worked out from the frontmatter, not from the index. The index itself must hold
only what candidates search on: one compact entry per page, no site-wide boilerplate, no closed roles.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from browser_support import DESKTOP, new_page, served
from conftest import REPO, BuildResult, run_build

sys.path.insert(0, str(REPO / "bench"))
from synthetic_content import PINNED_BUILD_DATE, write_careers_project  # noqa: E402

pytestmark = pytest.mark.browser
ROLES = 60
RESULT_LINKS = ".md-search-result__list > .md-search-result__item > .md-search-result__link"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> BuildResult:
    project = tmp_path_factory.mktemp("search-site")
    write_careers_project(project, ROLES)
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def search_url(search_site: BuildResult) -> Iterator[str]:
    with served(search_site.site) as url:
        yield url


def open_roles(project: Path) -> dict[str, dict]:
    """Frontmatter of every open role, by page path (read from the files, independently of the build)."""
    roles = {}
    for path in sorted((project / "roles").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        if front.get("closed") or front["valid_through"] < PINNED_BUILD_DATE:
            continue
        roles[f"roles/{path.stem}/"] = front
    return roles


def search(browser, base: str, query: str) -> list[str]:
    """Type `query` into Material's search box; the page paths of the results, best first."""
    page = new_page(browser, base, DESKTOP)
    try:
        page.goto(base)
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query, delay=20)  # Material searches on key events, as a candidate types
        page.wait_for_selector(RESULT_LINKS, timeout=20_000)
        hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.href)")
    finally:
        page.context.close()
    return [href.removeprefix(base).split("#")[0] for href in hrefs]


def places(front: dict) -> list[dict]:
    return front.get("locations", [])


CASES: dict[str, tuple[str, Callable[[dict], bool]]] = {
    "skill": ("Kubernetes", lambda f: "Kubernetes" in f["skills"]),
    "city": ("Toronto", lambda f: any(loc["city"] == "Toronto" for loc in places(f))),
    "country": ("Germany", lambda f: any(loc["country"] == "DE" for loc in places(f))
                or "DE" in f.get("remote_countries", [])),
    "team": ("Finance", lambda f: f["department"] == "Finance"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_search_lists_the_matching_open_roles_first(case, browser, search_site, search_url):
    query, matches = CASES[case]
    roles = open_roles(search_site.project)
    expected = {path for path, front in roles.items() if matches(front)}
    assert len(expected) >= 2, f"the generated site needs at least two open roles matching {query!r}"
    results = search(browser, search_url, query)
    first = results[: len(expected)]
    assert set(first) == expected or (len(first) >= 10 and set(first) <= expected), (
        f"search for {query!r} ({case}) listed {results}, expected the roles {sorted(expected)} first")


def test_the_index_holds_one_compact_entry_per_page_without_boilerplate(search_site):
    index = json.loads((search_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    roles = open_roles(search_site.project)
    role_docs = {doc["location"]: doc for doc in docs if doc["location"].startswith("roles/") and doc["location"] != "roles/"}
    assert set(role_docs) == set(roles), "every open role is one search entry, and no closed role is searchable"
    for path, doc in role_docs.items():
        front = roles[path]
        assert doc["title"] == front["title"]
        for fact in [front["department"], *front["skills"], *front["must_haves"], front["summary"],
                     *(item["question"] for item in front["faq"])]:
            assert fact in doc["text"], f"{path}: {fact!r} is not searchable"
        for boilerplate in ["take-home", "scorecard", "Hiring brief", "career ladder", front["faq"][0]["answer"]]:
            assert boilerplate not in doc["text"]
    assert "interview loop" not in json.dumps(docs).casefold()
