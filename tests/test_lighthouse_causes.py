"""What cost the demo its Lighthouse points, each checked on the built output without a browser.

robots.txt has only directives validators know (Content-Signal is opt-in, see test_machine_outputs.py);
every sitemap URL has a truthful, reproducible lastmod; every page links its Markdown copy; no `<link>`
matches the `link[rel=alternate]` selector that makes Material fetch a `sitemap.xml` beside its href;
Material's search dialog has an accessible name. test_lighthouse.py runs Lighthouse itself.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import yaml
from conftest import CLOSED, OPEN, PINNED, REPO, demo_roles, failed_build, replace_in, run_build
from lxml import etree
from lxml import html as lxml_html
from mkdocs.theme import Theme
from mkdocs_careers.mkdocs.theme import OVERRIDES_DIR, add_theme_overrides

SITE = "https://careers.northwind-labs.example/"
MINIMAL_SITE = "https://careers.example.com/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ALTERNATE = "contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')"


def lastmods(site: Path) -> dict[str, str | None]:
    root = etree.fromstring((site / "sitemap.xml").read_bytes())
    return {u.findtext("s:loc", namespaces=SITEMAP_NS): u.findtext("s:lastmod", namespaces=SITEMAP_NS)
            for u in root.findall("s:url", SITEMAP_NS)}


def frontmatter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def role_date(front: dict) -> dt.date:
    return front.get("updated") or front["date_posted"]


# --- sitemap lastmod ------------------------------------------------------------------------------------
def test_every_sitemap_url_has_the_date_of_what_the_page_shows(demo_build):
    entries = lastmods(demo_build.site)
    assert len(entries) >= 18
    assert [url for url, lastmod in entries.items() if lastmod is None] == []
    for name in ("index", "how-we-hire", "benefits"):  # free pages: `updated` in their frontmatter
        url = SITE if name == "index" else f"{SITE}{name}/"
        assert entries[url] == str(frontmatter(REPO / "content" / f"{name}.md")["updated"]), url
    roles = {slug: front for slug, front in demo_roles().items() if slug in OPEN}
    studies = {p.stem: frontmatter(p) for p in (REPO / "case_studies").glob("*.md")}
    people = {p.stem: frontmatter(p) for p in (REPO / "people").glob("*.md")}
    for slug, person in people.items():  # a person: their own `updated`, or what their page lists, if newer
        shown = [s["date_published"] for s in studies.values() if s["leader"] == slug]
        shown += [role_date(r) for r in roles.values() if r["hiring_manager"] == slug]
        assert entries[f"{SITE}people/{slug}/"] == str(max([person["updated"], *shown])), slug
    assert entries[f"{SITE}people/"] == str(max(p["updated"] for p in people.values()))
    assert entries[f"{SITE}case-studies/"] == str(max(s["date_published"] for s in studies.values()))
    newest_open = max(role_date(r) for r in roles.values())
    assert str(newest_open) <= entries[f"{SITE}roles/"] <= PINNED
    assert PINNED not in entries.values(), "every demo page has a content date: none falls back to the build date"


def git(project: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.com", "-C", str(project), *args],
                   check=True, capture_output=True, env=env)


def test_a_page_without_a_date_gets_its_last_commit_date_else_the_build_date(minimal_project):
    """The home page of the fixture declares no date: outside git it is dated by the build date; in a git
    checkout by its last commit; once edited and not yet committed, by the build date again."""
    first = run_build(minimal_project)
    assert first.returncode == 0, first.output
    assert lastmods(first.site)[MINIMAL_SITE] == PINNED
    git(minimal_project, "init", "-q")
    git(minimal_project, "add", "content", "roles", "people", "case_studies", "mkdocs.yml")
    git(minimal_project, "commit", "-q", "-m", "content", date="2026-03-04T23:30:00+00:00")
    committed = run_build(minimal_project)
    assert committed.returncode == 0, committed.output
    dates = lastmods(committed.site)
    assert dates[MINIMAL_SITE] == "2026-03-04"
    # jo-smith declares no `updated`: the commit, or the open role hiring into their team if newer.
    assert dates[f"{MINIMAL_SITE}people/jo-smith/"] == "2026-11-01"
    replace_in(minimal_project / "content" / "index.md", "See the", "Read the")
    edited = run_build(minimal_project)
    assert lastmods(edited.site)[MINIMAL_SITE] == PINNED
    again = run_build(minimal_project)
    assert (again.site / "sitemap.xml").read_bytes() == (edited.site / "sitemap.xml").read_bytes()


def test_a_declared_date_wins_and_a_wrong_one_is_a_located_error(minimal_project):
    home = minimal_project / "content" / "index.md"
    home.write_text("---\nupdated: 2026-05-06\n---\n\n" + home.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    assert lastmods(result.site)[MINIMAL_SITE] == "2026-05-06"
    replace_in(home, "updated: 2026-05-06", "updated: next week")
    failed = failed_build(minimal_project)
    assert "content/index.md:2: updated: 'next week' is not a date (hint: write it as YYYY-MM-DD" in failed.output


# --- head links -----------------------------------------------------------------------------------------
def test_every_page_links_its_markdown_copy_without_waking_materials_language_fetch(demo_build):
    pages = sorted(demo_build.site.rglob("index.html"))
    assert len(pages) == len(lastmods(demo_build.site)) + len(CLOSED)  # every page: indexable ones and closed roles
    for page in pages:
        tree = lxml_html.parse(str(page))
        relative = page.relative_to(demo_build.site).with_name("index.md").as_posix()
        assert (demo_build.site / relative).is_file(), relative
        copies = tree.xpath(f"/html/head/link[{ALTERNATE}][@type='text/markdown']/@href")
        assert copies == [SITE + relative], page
        # Material's JavaScript fetches `sitemap.xml` beside every element matching link[rel=alternate], an
        # exact attribute match: a 404 and a console error for a feed or a copy (Lighthouse: best practices).
        assert tree.xpath("//link[@rel='alternate']") == [], page


def test_no_markdown_link_when_copies_are_switched_off(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      llms_txt:\n        markdown_copies: false\n",
                      encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    assert not (result.site / "roles" / "data-lead" / "index.md").exists()
    assert 'type="text/markdown"' not in result.html("roles/data-lead/")


# --- Material's search dialog -----------------------------------------------------------------------------
def test_materials_search_dialog_has_an_accessible_name(demo_build):
    for path in ("", "roles/", f"roles/{OPEN[0]}/"):
        tree = lxml_html.fromstring(demo_build.html(path))
        dialogs = tree.xpath("//*[@role='dialog']")
        assert [d.get("aria-label") for d in dialogs] == ["Search"], path
        # The rest is Material's own partial, unchanged: its search form and input are still there.
        assert dialogs[0].xpath(".//form[@name='search']//input[@data-md-component='search-query']"), path


def test_the_sites_own_theme_overrides_still_win_over_ours(tmp_path):
    theme = Theme(name="material", custom_dir=str(tmp_path))
    add_theme_overrides(theme)
    add_theme_overrides(theme)  # on every rebuild of `mkdocs serve`: added once
    assert theme.dirs[:2] == [str(tmp_path), str(OVERRIDES_DIR)]
    assert theme.dirs.count(str(OVERRIDES_DIR)) == 1
    plain = Theme(name="mkdocs")
    add_theme_overrides(plain)  # the override is Material's markup: other themes are left alone
    assert str(OVERRIDES_DIR) not in plain.dirs
