"""Fuzzing the body HTML policy (issue 14): a generated corpus of HTML/JavaScript payloads in Markdown bodies.

In process, every generated body is rendered by Python-Markdown with the extensions sites use and sanitised,
and its neutralised Markdown (the Markdown copies) is rendered again: neither holds an element outside the
allow-list, an event handler or a script-capable URL. In Chromium, generated corpora are built into every
body type with a real `mkdocs build` and no payload runs (bounded by the Hypothesis profile: `ci` builds
a few corpora of 20 payloads each).
"""

from __future__ import annotations

import markdown
import pytest
from browser_support import served
from conftest import run_build
from html_attacks import (
    KNOWN_PAYLOADS,
    PAGES,
    attack_project,
    body_payload,
    dangerous_parts,
    dangerous_parts_of_markdown,
    script_runs,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import build_examples
from mkdocs_careers.content.body_html import neutralize_markdown, sanitize_body_html

EXTENSIONS = ["toc", "admonition", "attr_list", "tables", "fenced_code", "footnotes", "abbr", "def_list"]


@given(body=body_payload())
@example(body="\n\n".join(KNOWN_PAYLOADS.values()))
def test_sanitised_body_html_holds_nothing_that_can_run(body):
    rendered = markdown.markdown(body, extensions=EXTENSIONS)
    assert dangerous_parts(sanitize_body_html(rendered)) == []


@given(body=body_payload())
@example(body="\n\n".join(KNOWN_PAYLOADS.values()))
def test_neutralised_markdown_renders_to_nothing_that_can_run(body):
    assert dangerous_parts_of_markdown(neutralize_markdown(body)) == []
    assert dangerous_parts(markdown.markdown(neutralize_markdown(body), extensions=EXTENSIONS)) == [] or \
        dangerous_parts(sanitize_body_html(markdown.markdown(neutralize_markdown(body), extensions=EXTENSIONS))) == []


@pytest.mark.browser
@settings(max_examples=max(2, build_examples() // 3))
@given(corpus=st.lists(body_payload(), min_size=20, max_size=20))
def test_no_generated_payload_runs_in_chromium(browser, tmp_path_factory, corpus):
    project = attack_project(tmp_path_factory.mktemp("fuzz-html") / "project", corpus)
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    with served(result.site) as url:
        for page in PAGES.values():
            assert script_runs(browser, url, page) == [], page
