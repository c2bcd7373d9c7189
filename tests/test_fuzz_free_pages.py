"""Hostile values in every frontmatter key of a free page (issue 29, item 5): markup, control and odd code points,
long text, numbers, dates, lists and mappings. The check never raises and reads the keys MkDocs reads; a real
build either stops with `content/page.md:LINE: key:` or publishes a page where no value became markup; never a
traceback, and each build within a wall-clock budget."""

from __future__ import annotations

import datetime as dt
import math

import lxml.html
import yaml
from cli_helpers import check
from conftest import run_build
from content_fuzzing import hostile_text
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import build_examples
from markupsafe import Markup
from mkdocs.utils.meta import get_data
from mkdocs_careers.content.free_pages import ThemeFacts, free_page_problems, read_page_source, theme_safe_meta
from mkdocs_careers.content.safety import SafetySettings
from untrusted_surface import budget, read_config, surface_project, write_config

# Every key MkDocs, Material's templates (read from material/templates) or the plugin read from a free page.
THEME_KEYS = ["title", "description", "author", "subtitle", "status", "hide", "icon", "template", "location",
              "search", "tags", "comments", "revision_date", "git_revision_date_localized",
              "git_creation_date_localized", "updated", "date"]
ODD_CODE_POINTS = "\ufffe\uffff\ufdd0\U0010fffe\ue000\U000f0000\u202e\u200b\u2028\u0085\x0c\x00\x1b\ud7ff"
scalars = st.one_of(
    hostile_text(), st.text(alphabet=st.sampled_from(ODD_CODE_POINTS + "ab<>\"'&"), max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30), st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(), st.none(), st.dates(min_value=dt.date(1, 1, 1)), st.text(min_size=0, max_size=5_000),
    st.sampled_from(["new", "redirect.html", "main.html", "../../etc/passwd", "material/briefcase", "javascript:x",
                     "https://evil.example/", "../roles/", ["toc"], {"exclude": True}])
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                                            inner, max_size=3),
                      max_leaves=8)
frontmatters = st.dictionaries(st.sampled_from(THEME_KEYS) | st.text(min_size=1, max_size=12), values, max_size=5)
SAFETY = SafetySettings(allow_page_templates=frozenset({"redirect.html", "main.html"}))
THEME = ThemeFacts(has_template=lambda name: name in ("redirect.html", "main.html"),
                   has_icon=lambda name: name == "material/briefcase")


def page_text(frontmatter: dict) -> str | None:
    try:
        front = yaml.safe_dump(frontmatter, allow_unicode=True, sort_keys=False, width=10_000)
    except (yaml.YAMLError, ValueError):
        return None
    return f"---\n{front}---\n# Page\n\nText.\n"


@given(frontmatters)
def test_the_free_page_check_never_raises_and_escapes_what_it_accepts(frontmatter):
    text = page_text(frontmatter)
    if text is None:
        return
    problems = free_page_problems(text, "content/page.md", SAFETY, THEME, "careers.example.com")
    assert all(p.line >= 1 and p.path == "content/page.md" for p in problems)
    if not problems:
        safe = theme_safe_meta(read_page_source(text, "content/page.md", SAFETY).data)
        for key in ("title", "description", "author", "subtitle"):
            if key in safe:
                assert isinstance(safe[key], Markup) and "<" not in safe[key]


@given(st.one_of(frontmatters.map(page_text).filter(bool),
                 st.lists(st.tuples(st.sampled_from(THEME_KEYS) | st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True),
                                    hostile_text()), max_size=5).map(
                     lambda pairs: "".join(f"{k}: {v.splitlines()[0] if v.splitlines() else ''}\n" for k, v in pairs)
                     + "\n# Page\n")))
def test_every_key_mkdocs_reads_is_a_key_the_check_reads(text):
    """Both frontmatter syntaxes (YAML, MultiMarkdown): a key MkDocs would hand the theme is never unchecked."""
    page = read_page_source(text, "content/page.md", SAFETY)
    _, mkdocs_meta = get_data(text)
    if not page.diagnostics:
        assert set(map(str, mkdocs_meta)) <= set(map(str, page.data)), (mkdocs_meta, page.data)


@settings(max_examples=build_examples())
@given(st.dictionaries(st.sampled_from(THEME_KEYS), values, min_size=1, max_size=4))
@example({"title": '"><img src=x onerror=alert(1)>', "status": "new", "hide": ["toc"]})
@example({"title": "x" * 60_000})
@example({"template": "../../x.html", "icon": "../../../etc/passwd"})
@example({"description": "\ufdd0\u202e<script>alert(1)</script>", "updated": math.inf})
def test_a_build_with_hostile_frontmatter_is_refused_with_a_location_or_safe(tmp_path_factory, frontmatter):
    text = page_text(frontmatter)
    if text is None:
        return
    project = surface_project(tmp_path_factory.mktemp("fuzz") / "project")
    (project / "content" / "page.md").write_text(text, encoding="utf-8")
    config = read_config(project)
    config["nav"] = ["index.md", "page.md"]
    write_config(project, config)
    with budget(90):
        run = check(project)
        result = run_build(project)
    assert "Traceback" not in run.output + result.output, run.output + result.output
    reported = [p for p in (run.report or {}).get("diagnostics", []) if p["path"] == "content/page.md"
                and p["severity"] == "error"]
    if result.returncode != 0:
        assert reported, result.output  # the check saw what the build refused
        assert f"content/page.md:{reported[0]['line']}:" in result.output
        return
    assert not reported
    for page in ("page/", ""):
        document = lxml.html.fromstring(result.html(page))
        assert document.xpath("//img[@src='x'] | //*[@onerror or @onload]") == []
        assert not document.xpath("//script[not(@type) or @type!='application/ld+json'][contains(., 'alert(1)')]")
