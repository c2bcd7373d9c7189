"""Hostile text in every field at once, through a real `mkdocs build` (with Material and its search plugin):
the build succeeds, extruct reads every value back exactly from the right JSON-LD property, each value is
visible, and no page gains an element. Text a field cannot hold fails the build with `file:line: field:`
and no traceback. Fewer examples than the in-process fuzz tests, because each one is a full build.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import run_build
from content_fuzzing import (
    ALL_FIELDS,
    ALL_PAGES,
    SCRIPTS,
    FuzzField,
    Pristine,
    assert_field_published,
    element_counts,
    hostile_text,
    rich_project,
    set_field,
    visible_text,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import build_examples
from mkdocs_careers.lint.rules import word_count

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Every format character (bidi controls, zero-width, tags) and the blank-looking fillers.
_INVISIBLE = re.compile("[" + "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")
                        + "\u115f\u1160\u3164\uffa0\u2800\u034f]")
FIELDS_BY_NAME = {f.name: f for f in ALL_FIELDS}


def publishable(text: str) -> str:
    """Hostile but valid: no control, bidi or zero-width characters, not blank (the error path, tested below
    and in test_untrusted_content.py)."""
    cleaned = _INVISIBLE.sub("", _CONTROL.sub("", text))
    return cleaned if visible_text(cleaned) else f"{cleaned}x"


def values_strategy() -> st.SearchStrategy[dict[str, str]]:
    text = hostile_text().map(publishable)
    answer = text.filter(lambda t: word_count(t) <= 30)  # padded answers must stay within 40-120 words
    return st.fixed_dictionaries({name: answer if name.endswith("answer") else text for name in FIELDS_BY_NAME})


def every_field(*choices: str) -> dict[str, str]:
    """An explicit example: the given texts spread over all fields, in turn."""
    return {name: choices[i % len(choices)] for i, name in enumerate(FIELDS_BY_NAME)}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Pristine:
    """The rich fixture site with Material's search plugin on, built once for each page's element counts."""
    project = rich_project(tmp_path_factory.mktemp("fuzz-build") / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].insert(0, "search")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    baseline = {url: element_counts(result.html(url)) for url in ALL_PAGES}
    shutil.rmtree(result.site)
    return Pristine(project, baseline)


def fresh_copy(pristine: Pristine, tmp_path_factory) -> Path:
    return Path(shutil.copytree(pristine.project, tmp_path_factory.mktemp("example") / "project"))


@settings(max_examples=build_examples())
@given(values=values_strategy())
@example(values=every_field("</script><!--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                            '"\'><b>bold</b>', "]]> --> <!--"))
@example(values=every_field(*(publishable(text) for text in SCRIPTS[:10])))
@example(values=every_field("no", "null", "1e3", "2026-11-25", "~", "on", " padded ", "two\nlines"))
def test_hostile_text_in_every_field_survives_a_real_build(pristine, tmp_path_factory, values):
    project = fresh_copy(pristine, tmp_path_factory)
    written = {name: set_field(project, FIELDS_BY_NAME[name], text) for name, text in values.items()}
    # Not --strict: hostile text rightly draws GEO-quality warnings (too short, no number); not the point here.
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    pages = {url: result.html(url) for url in ALL_PAGES}
    for name, value in written.items():
        assert_field_published(FIELDS_BY_NAME[name], value, pages, pristine.baseline)
    json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))


REJECTED = ["", "   ", "\n", "\x00", "Data\x08Lead", "\x1b[31mred", "tab\x0bvertical", "nel\x85", "del\x7f",
            "Data \u202eLead", "\u200b\u200b", "Lead\u2066"]


@settings(max_examples=build_examples())
# FAQ answers are padded to 40 words by set_field, so an empty answer is not empty there.
@given(field=st.sampled_from([f for f in ALL_FIELDS if f.path[-1] not in ("unit", "answer")]),
       text=st.sampled_from(REJECTED))
@example(field=FIELDS_BY_NAME["roles/data-lead.md:faq[0].question"], text="\x00")
def test_text_a_field_cannot_hold_fails_the_build_naming_file_line_and_field(pristine, tmp_path_factory,
                                                                            field: FuzzField, text):
    project = fresh_copy(pristine, tmp_path_factory)
    set_field(project, field, text)
    result = run_build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.output, result.output
    located = re.findall(rf"^\s*{re.escape(field.file)}:(\d+): {re.escape(field.name.split(':')[1])}: ",
                         result.output, re.M)
    assert located, result.output
    assert not (project / "site").exists()  # nothing half-built is published

