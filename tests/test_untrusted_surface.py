"""Pull requests that reach the theme through docs_dir, free pages' frontmatter, element ids and classes (issues 29
and 30): each attack as a regression test through `careers check` and the real build, under a wall-clock budget.

Generated outputs cannot be replaced from docs_dir; files that run script are refused unless allowed by name; free
pages' frontmatter is escaped or validated as the theme expects; ids and classes stay out of the theme's namespace;
an unclosed comment, a form feed in the brand font and a killed build are handled. The Chromium checks of the same
attacks are in test_browser_untrusted_surface.py, the frontmatter fuzzing in test_fuzz_free_pages.py.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import pytest
from cli_helpers import check, edit
from conftest import PINNED_EPOCH, leftovers, load_linted, run_build, single_graph
from mkdocs_careers.content.body_html import removed_html, sanitize_body_html, unclosed_comment_line
from test_untrusted_content import _limited as limited  # CPU and address-space limits for a child process
from untrusted_surface import (
    RUN,
    add_file,
    free_page,
    read_config,
    refused_everywhere,
    set_careers_options,
    surface_project,
    within_budget,  # noqa: F401  (the fixture every test here uses)
    write_config,
)

pytestmark = pytest.mark.usefixtures("within_budget")
ROLE = "roles/data-lead.md"
MATERIAL_ASSETS = Path(__import__("material").__file__).parent / "templates" / "assets"


@pytest.fixture
def project(tmp_path) -> Path:
    return surface_project(tmp_path / "project")


def built_clean(project: Path):
    result = run_build(project)
    assert result.returncode == 0, result.output
    return result


# --- 1. Generated outputs are the plugin's ------------------------------------------------------------------
def _theme_file(folder: str, stem: str, suffix: str) -> str:
    [name] = [p.name for p in (MATERIAL_ASSETS / folder).glob(f"{stem}.*{suffix}")]
    return f"assets/{folder}/{name}"


GENERATED = {
    "sitemap": ("sitemap.xml", "the sitemap"),
    "sitemap-gz": ("sitemap.xml.gz", "the sitemap"),
    "robots": ("robots.txt", "robots.txt"),
    "llms": ("llms.txt", "llms.txt"),
    "llms-full": ("llms-full.txt", "llms-full.txt"),
    "json-feed": ("roles/feed.json", "the roles feed"),
    "rss-feed": ("roles/feed.xml", "the roles feed"),
    "indeed": ("roles/indeed.xml", "a job-board feed"),
    "linkedin": ("roles/linkedin.xml", "a job-board feed"),
    "manifest": ("careers-manifest.json", "the build manifest"),
    "indexnow-key": ("0123456789abcdef0123456789abcdef.txt", "the IndexNow key file"),
    "search-index": ("search/search_index.json", "the search index"),
    "404": ("404.html", "the theme's 404.html"),
    "theme-css": (_theme_file("stylesheets", "main", ".min.css"), "a file of the theme"),
    "plugin-css": ("assets/careers/careers.css", "the careers plugin's assets"),
    "role-page": ("roles/data-lead/index.html", "the page roles/data-lead/"),
    "role-page-source": ("roles/data-lead.md", "the page roles/data-lead/"),
    "person-copy-as-page": ("people/jo-smith/index.md", "the page people/jo-smith/"),
    "roles-index-readme": ("roles/README.md", "the open roles index page"),
    "case-sensitivity": ("Sitemap.XML", "the sitemap"),
}


@pytest.mark.parametrize(("path", "what"), list(GENERATED.values()), ids=list(GENERATED))
def test_a_docs_dir_file_cannot_replace_a_generated_output(project, path, what):
    set_careers_options(project, indexnow={"key": "0123456789abcdef0123456789abcdef"})
    built = built_clean(project)  # the previous site/, which a refused build must leave as it was
    before = (built.site / "sitemap.xml").read_bytes()
    add_file(project, path, "https://evil.example/\n")
    problems, output = refused_everywhere(project, f"content/{path}", "generated-output")
    assert any(f"would replace {what}" in p["message"] for p in problems), problems
    assert (built.site / "sitemap.xml").read_bytes() == before
    assert "evil.example" not in (built.site / "sitemap.xml").read_text(encoding="utf-8")


def test_two_docs_dir_pages_with_one_address_are_refused(project):
    free_page(project, "hiring.md", None)
    free_page(project, "hiring/index.md", None)
    [problem] = refused_everywhere(project, "content/hiring/index.md", "generated-output")[0]
    assert "like content/hiring.md" in problem["message"]


def test_every_output_the_build_writes_is_listed_as_generated(project):
    """The collision check lists outputs without building them; this compares the list with a real build."""
    from mkdocs_careers.content.site import load_site
    from mkdocs_careers.outputs.reserved_paths import generated_paths

    built = built_clean(project)
    site = load_site(load_linted(project).settings)
    listed = set(generated_paths(site, ["index.md"]))
    written = {p.relative_to(built.site).as_posix() for p in built.site.rglob("*") if p.is_file()}
    careers_outputs = {p for p in written if p.endswith((".md", ".txt", ".xml", ".gz", ".json"))
                       and not p.startswith(("assets/", "search/"))}
    assert careers_outputs <= listed, careers_outputs - listed
    assert {"roles/data-lead/index.html", "people/index.html"} <= listed


# --- 2. No active content from docs_dir ------------------------------------------------------------------------
SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n'
ACTIVE_FILES = {
    "html": ("login.html", f"<html><body><script>{RUN}</script></body></html>"),
    "htm": ("careers/apply.HTM", "<script>alert(1)</script>"),
    "js": ("assets/app.js", "alert(1)"),
    "mjs": ("assets/app.mjs", "alert(1)"),
    "theme-bundle": (_theme_file("javascripts", "bundle", ".min.js"), "alert(1)"),
    "php": ("apply.php", "<?php system($_GET['c']); ?>"),
    "xml-xhtml": ("feed.xml", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'),
    "netlify-redirects": ("_redirects", "/*  https://evil.example/  301"),
    "headers": ("_headers", "/*\n  Content-Security-Policy: none"),
    "svg-script": ("assets/x.svg", SCRIPT_SVG),
}


@pytest.mark.parametrize(("path", "content"), list(ACTIVE_FILES.values()), ids=list(ACTIVE_FILES))
def test_a_file_that_can_run_script_is_refused_unless_allowed_by_name(project, path, content):
    add_file(project, path, content)
    [problem, *_] = refused_everywhere(project, f"content/{path}", "active-file")[0]
    assert "allow_active_files" in problem["hint"]
    if path.startswith("assets/javascripts/"):
        return  # a theme file stays the theme's even when allowed: the collision is refused on its own
    set_careers_options(project, allow_active_files=[path.replace(Path(path).name, "*")])
    run = check(project)
    assert run.problems(f"content/{path}", "active-file") == [], run.output
    result = built_clean(project)
    assert (result.site / path).read_bytes() == (project / "content" / path).read_bytes()


def test_the_theme_404_page_cannot_be_replaced(project):
    add_file(project, "404.html", "<script>alert(404)</script>")
    problems, _ = refused_everywhere(project, "content/404.html", "generated-output")
    set_careers_options(project, allow_active_files=["404.html"])  # allowing the file does not allow the swap
    assert check(project).problems("content/404.html", "generated-output")


SVG_ATTACKS = {
    "onload": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "foreign-object": '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/'
                      'xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject></svg>',
    "javascript-link": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a '
                       'xlink:href="java\tscript:alert(1)"><rect width="9" height="9"/></a></svg>',
    "set-href": '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/>'
                '<rect width="9" height="9"/></a></svg>',
    "xhtml-script": '<svg xmlns="http://www.w3.org/2000/svg"><h:script xmlns:h="http://www.w3.org/1999/xhtml">'
                    'alert(1)</h:script></svg>',
    "stylesheet-pi": '<?xml-stylesheet type="text/xsl" href="evil.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "entities": '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
    "external-use": '<svg xmlns="http://www.w3.org/2000/svg"><use href="https://evil.example/x.svg#a"/></svg>',
    "not-xml": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</svg>',
}


@pytest.mark.parametrize("svg", list(SVG_ATTACKS.values()), ids=list(SVG_ATTACKS))
def test_an_svg_with_active_content_is_refused_at_its_line(project, svg):
    add_file(project, "assets/drawing.svg", "\n" + svg + "\n")
    [problem, *_] = refused_everywhere(project, "content/assets/drawing.svg", "active-file")[0]
    assert problem["line"] in (1, 2)


def test_a_plain_svg_logo_is_published_as_it_is(project):
    logo = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">'
            '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><title>Logo</title>'
            '<a href="https://www.example.com/"><rect width="9" height="9" fill="url(#g)"/></a>'
            '<use xlink:href="#g"/><image href="photo.png" width="2" height="2"/></svg>\n')
    add_file(project, "assets/logo.svg", logo)
    assert check(project).problems("content/assets/logo.svg") == []
    assert (built_clean(project).site / "assets" / "logo.svg").read_text(encoding="utf-8") == logo


@pytest.mark.parametrize(("content", "refused"), [
    ("careers.example.com\n", False), ("CAREERS.example.com.\n", False), ("evil.example\n", True),
    ("careers.example.com\nevil.example\n", True)], ids=["site host", "same host spelled otherwise", "other host",
                                                       "two hosts"])
def test_cname_must_name_the_site_url_host(project, content, refused):
    add_file(project, "CNAME", content)
    if refused:
        [problem] = refused_everywhere(project, "content/CNAME", "active-file")[0]
        assert "careers.example.com" in problem["hint"]
    else:
        assert check(project).problems("content/CNAME") == []
        assert (built_clean(project).site / "CNAME").read_text(encoding="utf-8") == content


def test_a_page_or_folder_name_with_markup_is_refused(project):
    free_page(project, "<img src=x onerror=alert(1)>/page.md", None, "Text without a heading.\n")
    refused_everywhere(project, "content/<img src=x onerror=alert(1)>", "active-file")


# --- 3. Free pages' frontmatter --------------------------------------------------------------------------------
def test_redirect_template_with_a_script_location_is_impossible(project):
    free_page(project, "go.md", {"template": "redirect.html", "location": '"+alert(1)+"'})
    problems, _ = refused_everywhere(project, "content/go.md", "free-page")
    assert {(p["field"], p["line"]) for p in problems} == {("template", 2), ("location", 3)}
    # Allowed by the site, the template still only redirects to this site's own pages, with a plain URL.
    set_careers_options(project, allow_page_templates=["redirect.html"])
    assert [p["field"] for p in check(project).problems("content/go.md")] == ["location"]
    for location in ("javascript:alert(1)", "https://evil.example/", "//evil.example/x", "jobs/ onload=x"):
        free_page(project, "go.md", {"template": "redirect.html", "location": location})
        [problem] = check(project).problems("content/go.md")
        assert problem["field"] == "location", location
    free_page(project, "go.md", {"template": "redirect.html", "location": "../roles/"})
    assert check(project).problems("content/go.md") == []
    html = built_clean(project).html("go/")
    assert 'location.replace(["../roles/"' in html


@pytest.mark.parametrize("template", ["../../../../etc/passwd", "missing.html", "main.html"])
def test_a_template_a_free_page_names_is_refused_with_a_location_never_a_traceback(project, template):
    free_page(project, "tpl.md", {"template": template})
    [problem] = refused_everywhere(project, "content/tpl.md", "free-page")[0]
    assert problem["field"] == "template" and problem["line"] == 2
    set_careers_options(project, allow_page_templates=[template])
    problems = check(project).problems("content/tpl.md")
    if template == "main.html":
        assert problems == [] and built_clean(project).html("tpl/")
    else:
        assert [p["message"] for p in problems] == [f"there is no template '{template}' in the theme"]
        assert "Traceback" not in run_build(project).output


@pytest.mark.parametrize(("key", "value"), [
    ("icon", "../../../etc/passwd"), ("icon", "material/no-such-icon"), ("icon", ["material/account"]),
    ("status", 'new"><img src=x onerror=alert(1)><span class="'), ("status", ["new"]),
    ("hide", "navigation"), ("hide", ["navigation", "sidebar"]), ("hide", 5),
    ("search", 5), ("search", {"exclude": "yes"}), ("tags", "<b>hiring</b>"), ("tags", ["<img src=x>"]),
    ("revision_date", "<img src=x onerror=alert(1)>"), ("comments", "yes"), ("updated", "last week"),
    ("title", {"a": "<script>"}), ("title", "x" * 301), ("description", "line\fbreak"),
    ("author", "\u202eevil"), ("title", " "),
], ids=lambda value: re.sub(r"\W+", "-", str(value))[:30])
def test_a_theme_level_key_with_a_value_the_theme_cannot_take_is_a_located_error(project, key, value):
    free_page(project, "page.md", {"updated": "2026-11-01", key: value} if key != "updated" else {key: value})
    problems, _ = refused_everywhere(project, "content/page.md", "free-page")
    assert [p["field"] for p in problems] == [key]
    assert problems[0]["line"] == (3 if key != "updated" else 2)


def test_theme_level_keys_the_theme_accepts_are_kept(project):
    config = read_config(project)
    config["extra"] = {"status": {"beta": "In beta"}}
    write_config(project, config)
    free_page(project, "page.md", {"title": "Benefits & pay", "icon": "material/briefcase", "status": "beta",
                                   "hide": ["toc"], "search": {"boost": 2}, "tags": ["Pay"], "comments": False,
                                   "subtitle": "What we offer"})
    assert check(project).problems("content/page.md") == []
    html = built_clean(project).html("page/")
    assert "md-status--beta" in html and "<title>Benefits &amp; pay - Example Careers</title>" in html


TEXT_PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>&amp;'


@pytest.mark.parametrize("key", ["title", "description", "author", "subtitle"])
def test_frontmatter_text_the_theme_prints_is_escaped_on_every_page(project, key):
    free_page(project, "page.md", {key: TEXT_PAYLOAD})
    config = read_config(project)
    config["nav"] = ["index.md", "page.md"]
    write_config(project, config)
    assert check(project).problems("content/page.md") == []
    result = built_clean(project)
    for page in ("page/", "", "roles/data-lead/"):
        document = lxml.html.fromstring(result.html(page))
        injected = "//img[@src='x'] | //script[not(@type='application/ld+json')][contains(., 'alert(2)')]"
        assert document.xpath(injected) == [], (page, key)
    search = (result.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "<img src=x" not in search and "<script>" not in search
    if key == "title":  # the machine outputs get the plain text, escaped once by their own format
        names = [node.get("name") for node in single_graph(result.html("page/"))]
        assert TEXT_PAYLOAD in names, names


def test_multimarkdown_style_frontmatter_is_checked_like_yaml(project):
    add_file(project, "page.md", "Status: new\"><img src=x onerror=alert(1)>\nTemplate: redirect.html\n\n# Page\n")
    problems, _ = refused_everywhere(project, "content/page.md", "free-page")
    assert {(p["field"], p["line"]) for p in problems} == {("status", 1), ("template", 2)}


def test_a_role_body_starting_with_key_value_lines_is_text_not_frontmatter(project):
    edit(project / ROLE, body="template: redirect.html\nlocation: \"+alert(1)+\"\n\nThe role.\n")
    result = built_clean(project)
    html = result.html("roles/data-lead/")
    assert "location.replace" not in html and "template: redirect.html" in html


# --- 4. Ids and classes stay out of the theme's namespace -----------------------------------------------------------
def test_theme_ids_are_renamed_and_theme_classes_removed_with_a_located_warning(project):
    body = ('{"base": "https://evil.example/", "features": []}\n{: #__config }\n\nHidden text\n{: .md-dialog }\n\n'
            '<div id="__search" class="careers-role-item note">Raw</div>\n\n## Md Notes\n\n[Back](#__config)\n')
    edit(project / ROLE, body=body)
    run = check(project)
    warnings = run.problems(ROLE, "raw-html")
    assert {w["message"].split(" is ")[0] for w in warnings} == {
        "the id '__config' set with {: ... }", "the class 'md-dialog' set with {: ... }",
        "the id '__search' of <div>", "the class 'careers-role-item' of <div>"}
    lines = {w["line"] for w in warnings}
    text = (project / ROLE).read_text(encoding="utf-8").splitlines()
    assert lines == {text.index("{: #__config }") + 1, text.index("{: .md-dialog }") + 1,
                     text.index('<div id="__search" class="careers-role-item note">Raw</div>') + 1}
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.output
    document = lxml.html.fromstring(result.html("roles/data-lead/"))
    assert [e.tag for e in document.xpath("//*[@id='__config']")] == ["script"]  # Material's own, only
    assert document.xpath("//p[@id='user-content-__config']") and document.xpath("//a[@href='#user-content-__config']")
    assert not document.xpath("//*[@id='__search' and not(self::input)]")
    assert document.xpath("//div[@id='user-content-__search' and @class='note']")
    assert not document.xpath("//article//*[contains(@class, 'md-dialog') or contains(@class, 'careers-role-item')]")
    assert document.xpath("//h2[@id='user-content-md-notes']")  # an automatic heading id follows the same rule
    assert document.xpath("//nav//a[@href='#user-content-md-notes']")  # and so does its table-of-contents link


def test_a_title_holding_markup_is_dropped_because_tooltips_print_titles_as_html():
    html = '<p><abbr title="&lt;img src=x onerror=alert(1)&gt;">X</abbr><abbr title="a &amp; b">Y</abbr></p>'
    assert sanitize_body_html(html) == '<p><abbr>X</abbr><abbr title="a &amp; b">Y</abbr></p>'
    [removal] = removed_html('<abbr title="<img src=x onerror=alert(1)>">X</abbr>')
    assert removal.what == "title of <abbr> holding '<'"


def test_allow_classes_keeps_the_sites_own_classes(project):
    edit(project / ROLE, body="Lead text\n{: .lead .brand-note }\n")
    assert len(check(project).problems(ROLE, "raw-html")) == 2
    set_careers_options(project, allow_classes=["lead", "brand-*"])
    assert check(project).problems(ROLE, "raw-html") == []
    assert 'class="lead brand-note"' in built_clean(project).html("roles/data-lead/")


def test_free_pages_bodies_get_the_same_warnings(project):
    free_page(project, "page.md", None, "# Page\n\nText\n{: #__drawer .md-dialog }\n")
    warnings = check(project).problems("content/page.md", "raw-html")
    assert [w["line"] for w in warnings] == [4, 4]


# --- 5. Unclosed comments, CSS values, staging folders ------------------------------------------------------------
def test_an_unclosed_comment_in_a_body_is_a_located_error_in_every_page_type(project):
    edit(project / ROLE, body="First paragraph.\n\n<!-- a note never closed\n\nThe rest of the role.\n")
    free_page(project, "page.md", None, "# Page\n\nText <!-- here\n\nmore\n")
    run = check(project)
    [role] = run.problems(ROLE, "html-comment")
    [page] = run.problems("content/page.md", "html-comment")
    text = (project / ROLE).read_text(encoding="utf-8").splitlines()
    assert role["line"] == text.index("<!-- a note never closed") + 1 and page["line"] == 3
    result = run_build(project)
    assert result.returncode != 0 and f"{ROLE}:{role['line']}: body: an HTML comment" in result.output


@pytest.mark.parametrize(("body", "line"), [
    ("a <!-- x --> b", None), ("a <!--> b", None), ("`<!--` in code", None), ("```\n<!--\n```\n", None),
    ("a\n\n<!-- x\n\nb -->\n", None), ("a\n\n<!-- x\n", 2), ("a -->\n\n<!-- b\n", 2), ("p <!-- q\n\nr -->", None)])
def test_unclosed_comment_detection(body, line):
    assert unclosed_comment_line(body) == line


@pytest.mark.parametrize("family", ["Inter\f}body{display:none}", "Inter\n", "Inter\x00"])
def test_a_brand_font_name_that_would_break_out_of_its_css_string_is_refused(project, family, caplog):
    add_file(project, "assets/inter.woff2", b"wOF2")
    set_careers_options(project, brand={"primary": "#283593", "font": {"family": family,
                                                                        "files": [{"path": "assets/inter.woff2"}]}})
    run = check(project, as_json=False)
    assert run.exit_code != 0 and "brand.font.family: a font family name" in caplog.text
    assert "Traceback" not in run.output
    result = run_build(project)
    assert result.returncode != 0 and "brand.font.family" in result.output and "Traceback" not in result.output


def test_a_brand_font_name_with_quotes_is_one_css_string(project):
    import tinycss2

    add_file(project, "assets/inter.woff2", b"wOF2")
    family = 'Inter "Display" \\ Pro'
    set_careers_options(project, brand={"primary": "#283593", "font": {"family": family,
                                                                        "files": [{"path": "assets/inter.woff2"}]}})
    css = (built_clean(project).site / "assets" / "careers" / "brand.css").read_text(encoding="utf-8")
    families = [token.value for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
                if rule.type == "at-rule" for declaration in tinycss2.parse_blocks_contents(rule.content)
                if getattr(declaration, "name", "") == "font-family"
                for token in declaration.value if token.type == "string"]
    assert families == [family]


BLOCKING_HOOK = '''
import pathlib, time

def on_post_build(config, **kwargs):
    pathlib.Path(config.config_file_path).with_name("building").write_text("now")
    time.sleep(600)  # stands in for a slow build; the test kills it here
'''


def _start_blocked_build(project: Path) -> subprocess.Popen[str]:
    (project / "hooks.py").write_text(BLOCKING_HOOK, encoding="utf-8")
    config = read_config(project)
    config["hooks"] = ["hooks.py"]
    write_config(project, config)
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=project,
                            env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"})
    deadline = time.monotonic() + 100
    while not (project / "building").exists():  # waiting for an event, bounded: the build reached the hook
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[0]
        time.sleep(0.05)
    return proc


def test_a_build_ended_by_sigterm_leaves_no_staging_folder(project):
    proc = _start_blocked_build(project)
    assert leftovers(project) != []  # the staging folder exists while the build runs
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == -signal.SIGTERM  # still ends as killed, for the CI runner
    assert leftovers(project) == []


def test_a_build_killed_outright_leaves_its_staging_folder_to_the_next_build(project):
    proc = _start_blocked_build(project)
    proc.kill()
    proc.wait(timeout=60)
    [stale] = leftovers(project)
    (project / "hooks.py").write_text("", encoding="utf-8")
    built_clean(project)
    assert leftovers(project) == []
    assert not (project / stale).exists()


def test_a_running_builds_staging_folder_is_not_removed_by_another_build(project):
    proc = _start_blocked_build(project)
    try:
        [running] = leftovers(project)
        second = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")],
                                capture_output=True, text=True, cwd=project, timeout=100,
                                env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"})
        assert second.returncode != 0 and "another build is writing" in second.stdout + second.stderr
        assert (project / running).is_dir()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)


# --- 6. All of it at once, in a fresh process, under a memory cap --------------------------------------------------
@pytest.mark.parametrize("command", ["check", "build"])
def test_every_surface_attack_at_once_is_refused_within_time_and_memory(project, command):
    for path, content in ACTIVE_FILES.values():
        add_file(project, path, content)
    add_file(project, "sitemap.xml", "<urlset/>")
    free_page(project, "go.md", {"template": "redirect.html", "location": '"+alert(1)+"'})
    free_page(project, "how.md", {"status": 'new"><img src=x onerror=alert(1)>', "icon": "../x"})
    edit(project / ROLE, body="x\n\n<!-- never closed\n")
    arguments = ["-c", "from mkdocs_careers.cli import main; main()", "check"] if command == "check" else [
        "-m", "mkdocs", "build"]
    proc = subprocess.run([sys.executable, *arguments, "-f", str(project / "mkdocs.yml")], capture_output=True,
                          text=True, timeout=100, preexec_fn=limited(60, 1024 * 1024 * 1024), cwd=project,
                          env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"})
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Traceback" not in output
    for located in ("content/login.html:1:", "content/sitemap.xml:1:", "content/go.md:2: template:",
                    "content/how.md:2: status:", "content/how.md:3: icon:", "content/assets/x.svg:1:"):
        assert located in output, (located, output)
