"""Any text in any field of any content type: the careers core either publishes it exactly (JSON-LD read back
by extruct, visible on the page, no injected markup) or rejects it with an error naming file, line and field.

These run the core in-process (load_site → PageRenderer → JSON-LD serialisation) for many examples;
test_fuzz_content_build.py runs fewer examples through real `mkdocs build` subprocesses.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import markdown
import pytest
from content_fuzzing import (
    CASE_STUDY_FIELDS,
    PERSON_FIELDS,
    ROLE_FIELDS,
    YAML_SPECIALS,
    FuzzField,
    Pristine,
    assert_field_published,
    assert_precise_errors,
    element_counts,
    hostile_text,
    rich_project,
    set_field,
    visible_text,
)
from hypothesis import example, given
from hypothesis import strategies as st
from markupsafe import escape
from mkdocs_careers.content.kinds import KINDS
from mkdocs_careers.content.models import Organization
from mkdocs_careers.content.settings import CareersSettings
from mkdocs_careers.content.site import CareersSite, load_site
from mkdocs_careers.jsonld import script_tag
from mkdocs_careers.lint import lint_site
from mkdocs_careers.lint.rules import FAQ_MAX_WORDS, word_count
from mkdocs_careers.pages.builders import entry_page, index_page
from mkdocs_careers.pages.model import PageModel
from mkdocs_careers.render.html import HtmlRenderer, RenderedPage


def load(project: Path) -> CareersSite:
    settings = CareersSettings(
        organization=Organization(name="Example Co", url="https://www.example.com/"),
        site_url="https://careers.example.com/", project_root=project, build_date=dt.date(2026, 11, 25))
    return lint_site(load_site(settings))


def page_html(model: PageModel, rendered: RenderedPage) -> str:
    """A minimal HTML page around the rendered fragment, with the JSON-LD where the plugin puts it."""
    robots = '<meta name="robots" content="noindex">' if model.meta.noindex else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(model.meta.title)}</title>'
            f"{robots}{script_tag(rendered.jsonld)}</head><body>{rendered.html}</body></html>")


def render_pages(site: CareersSite) -> dict[str, str]:
    renderer = HtmlRenderer(site, site_name="Example Careers", language="en")
    pages = {}
    for entry in site.entries():
        model = entry_page(entry, site)
        pages[entry.page_path] = page_html(model, renderer.render(model, markdown.markdown(entry.body)))
    for kind in KINDS:
        model = index_page(kind, site)
        pages[kind.index_path] = page_html(model, renderer.render(model))
    return pages


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Pristine:
    project = rich_project(tmp_path_factory.mktemp("fuzz") / "project")
    site = load(project)
    assert not site.errors, [e.format() for e in site.errors]
    return Pristine(project, {url: element_counts(html) for url, html in render_pages(site).items()})


def must_be_rejected(field: FuzzField, value: str) -> bool:
    if field.path[-1] == "unit":
        return not visible_text(value) and bool(value.strip())  # a unit may be empty, not invisible
    if field.path[-1] == "answer" and word_count(value) > FAQ_MAX_WORDS:
        return True
    return not visible_text(value)


def check_any_text(pristine: Pristine, field: FuzzField, text: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(shutil.copytree(pristine.project, Path(scratch) / "project"))
        value = set_field(project, field, text)
        site = load(project)  # a content mistake is a diagnostic, never an exception
        if must_be_rejected(field, value):
            assert_precise_errors(field, site.errors, (project / field.file).read_text(encoding="utf-8"))
        else:
            assert not site.errors, [e.format() for e in site.errors]
            assert len(site.entries()) == 3  # no page is lost or silently dropped
            assert_field_published(field, value, render_pages(site), pristine.baseline)


@given(field=st.sampled_from(ROLE_FIELDS), text=hostile_text())
@example(field=ROLE_FIELDS[0], text='</script><!--<script>alert(1)</script>')
@example(field=ROLE_FIELDS[2], text=" مرحبا 👩🏽‍💻 \n second line ")
@example(field=ROLE_FIELDS[0], text="\x08backspace")
@example(field=ROLE_FIELDS[6], text="<b>bold</b><img src=x onerror=alert(1)>")  # must_haves[0], a list item
def test_any_text_in_a_role_field_is_published_exactly_or_rejected_precisely(pristine, field, text):
    check_any_text(pristine, field, text)


@given(field=st.sampled_from(PERSON_FIELDS), text=hostile_text())
@example(field=PERSON_FIELDS[-1], text='" onerror="alert(1)')  # image_alt lives in an attribute
def test_any_text_in_a_person_field_is_published_exactly_or_rejected_precisely(pristine, field, text):
    check_any_text(pristine, field, text)


@given(field=st.sampled_from(CASE_STUDY_FIELDS), text=hostile_text())
@example(field=CASE_STUDY_FIELDS[-1], text="")  # a metric's unit may be empty
@example(field=CASE_STUDY_FIELDS[-1], text="\ud7fc")  # but not an unassigned character alone (draws a box)
@example(field=CASE_STUDY_FIELDS[3], text="</li></ul><script>alert(1)</script>")  # topics[0]
def test_any_text_in_a_case_study_field_is_published_exactly_or_rejected_precisely(pristine, field, text):
    check_any_text(pristine, field, text)


@pytest.mark.parametrize("special", YAML_SPECIALS)
def test_unquoted_yaml_special_value_stays_text_or_gets_a_precise_error(tmp_path, special):
    """What an editor types by hand, unquoted: `title: no`, `title: 1e3`, `title: 2026-11-25`, `title: ~`."""
    project = rich_project(tmp_path / "project")
    role = project / ROLE_FIELDS[0].file
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("title: Data Lead\n", f"title: {special}\n", 1), encoding="utf-8")
    site = load(project)
    if site.errors:
        assert [(e.path, e.line, e.field) for e in site.errors] == [("roles/data-lead.md", 2, "title")], \
            [e.format() for e in site.errors]
        assert site.errors[0].hint, site.errors[0].format()
    else:
        # Only values YAML keeps as text get through, and then exactly as typed (`no` is not false).
        assert site.roles["data-lead"].model.title == special
