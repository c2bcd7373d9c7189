"""The line index of a content file: every field's line, for problems that point at it, kept small per file."""

from __future__ import annotations

import sys

import pytest
from mkdocs_careers.content.loading import FieldLines, parse_document

ROLE = """---
title: Data Lead
locations:
  - city: Chicago
    country: US
  - city: Toronto
    country: CA
faq:
  - question: Is this role hybrid?
    answer: >-
      Yes, two days a week.
---
Body.
"""


def _doc(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return parse_document(path, f"roles/{name}.md", name)


def test_every_field_and_list_item_has_its_line(tmp_path):
    doc = _doc(tmp_path, "a", ROLE)
    assert isinstance(doc.lines, FieldLines)
    assert doc.lines[("title",)] == 2
    assert doc.lines[("locations", 1, "city")] == 6
    assert doc.lines[("faq", 0, "answer")] == 10
    assert ("locations", 1, "country") in doc.lines and ("salary",) not in doc.lines
    with pytest.raises(KeyError):
        doc.lines[("salary",)]
    # A missing field points at its nearest parent, else at the frontmatter.
    assert doc.line_of(("locations", 1, "region")) == 6
    assert doc.line_of(("salary", "min")) == 1
    assert dict(doc.lines)[("locations", 0, "country")] == 5


def test_files_with_the_same_fields_share_their_layout_and_keep_only_their_line_numbers(tmp_path):
    first = _doc(tmp_path, "a", ROLE)
    # The same fields, all but the title one line further down.
    second = _doc(tmp_path, "b", ROLE.replace("title: Data Lead\n", "title: Data Lead\n\n"))
    assert list(first.lines) == list(second.lines)
    assert first.lines._shape is second.lines._shape
    assert second.lines[("faq", 0, "answer")] == first.lines[("faq", 0, "answer")] + 1
    other = _doc(tmp_path, "c", ROLE.replace("  - city: Toronto\n    country: CA\n", ""))
    assert other.lines._shape is not first.lines._shape
    # Per file: the line numbers (4 bytes each) and two references; a dict per file was about 2 KB.
    per_file = sys.getsizeof(first.lines) + sys.getsizeof(first.lines._lines)
    assert per_file < 64 + 4 * len(first.lines) + 100
