"""The error catalogue: every mistake YAML and the content folders allow gets one precise message naming the
file, the line and (where there is one) the field, with a hint; the build fails without a traceback, and no
content file is ever dropped without a word. Extends test_content_errors.py, which covers the first cases.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import line_of, load_linted, replace_in, run_build
from mkdocs_careers.content.diagnostics import Severity

ROLE = "roles/data-lead.md"
PERSON = "people/jo-smith.md"
STUDY = "case_studies/warehouse-migration.md"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@dataclass(frozen=True)
class Mistake:
    """One editor mistake: how to make it, and the exact messages it must produce (file:line: field: text)."""

    id: str
    make: Callable[[Path], list[str]]  # breaks the project, returns the expected message prefixes
    warning_only: bool = False  # a warning: the plain build succeeds, --strict fails


CATALOGUE: list[Mistake] = []


def mistake(*, warning_only: bool = False):
    def register(make: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
        CATALOGUE.append(Mistake(make.__name__, make, warning_only))
        return make

    return register


# --- YAML syntax ---------------------------------------------------------------------------------------------
@mistake()
def tab_indentation(project: Path) -> list[str]:
    replace_in(project / ROLE, "  region: IL", "\tregion: IL")
    return [f"{ROLE}:{line_of(project / ROLE, 'region: IL')}: locations: the line is indented with a tab "
            "(hint: YAML only allows spaces for indentation"]


@mistake()
def duplicate_key(project: Path) -> list[str]:
    replace_in(project / ROLE, "department: Data\n", "department: Data\ntitle: Data Manager\n")
    line = line_of(project / ROLE, "title: Data Manager")
    return [f"{ROLE}:{line}: title: duplicate key (first defined on line 2) (hint: remove one of the two"]


@mistake()
def quote_closed_lines_later(project: Path) -> list[str]:
    replace_in(project / ROLE, "title: Data Lead", "title: 'Data Lead")
    replace_in(project / ROLE, "summary: Lead the data team", "summary: We're the data team")
    line = line_of(project / ROLE, "We're the data team")
    return [f"{ROLE}:2: title: invalid YAML: a quoted value is not closed on this line and runs on to line {line} "
            "(hint: add the closing quote"]


@mistake()
def value_starting_with_a_star(project: Path) -> list[str]:
    replace_in(project / ROLE, "department: Data", "department: *Data")
    return [f"{ROLE}:3: department: invalid YAML: found undefined alias (hint: a value starting with * is read "
            "as a YAML alias; put the value in quotes)"]


@mistake()
def unquoted_value_read_as_a_number(project: Path) -> list[str]:
    replace_in(project / PERSON, "job_title: Head of Data", "job_title: 1_000")
    return [f"{PERSON}:3: job_title: expected text, but YAML read a number (1000) "
            "(hint: put the value in quotes to keep it as text)"]


@mistake()
def control_character_in_body(project: Path) -> list[str]:
    replace_in(project / ROLE, "You will lead", "You will\x01 lead")
    return [f"{ROLE}:{line_of(project / ROLE, 'You will')}: body: contains the invisible control character U+0001 at "
            "character 9 of the line (hint: delete it; it often comes from text pasted from a PDF)"]


@mistake()
def value_left_empty(project: Path) -> list[str]:
    replace_in(project / ROLE, "department: Data", "department:")
    return [f"{ROLE}:3: department: expected text, but YAML read no value (empty, null, ~ or a # comment)"]


# --- files and file names ------------------------------------------------------------------------------------
@mistake()
def empty_file(project: Path) -> list[str]:
    (project / "people" / "ana-lopez.md").write_text("", encoding="utf-8")
    return ["people/ana-lopez.md:1: the file is empty (hint: start it with '---'"]


@mistake()
def file_without_frontmatter(project: Path) -> list[str]:
    (project / "case_studies" / "notes.md").write_text("# Notes\n\nJust text.\n", encoding="utf-8")
    return ["case_studies/notes.md:1: the file has no YAML frontmatter (hint: the first line must be '---'"]


@mistake()
def frontmatter_never_closed(project: Path) -> list[str]:
    (project / "roles" / "ml-lead.md").write_text("---\ntitle: ML Lead\n\nBody text.\n", encoding="utf-8")
    return ["roles/ml-lead.md:1: the frontmatter is never closed (hint: add a line with only '---'"]


@mistake()
def binary_file_named_md(project: Path) -> list[str]:
    (project / "roles" / "logo.md").write_bytes(PNG_HEADER)
    return ["roles/logo.md:1: this is a binary file, not Markdown (hint: content folders may only hold .md"]


@mistake()
def file_not_in_utf8(project: Path) -> list[str]:
    (project / "people" / "zoe.md").write_bytes(b"---\nname: Zo\xeb\n---\n")
    return ["people/zoe.md:2: the file is not valid UTF-8 text (hint: save the file as UTF-8"]


@mistake(warning_only=True)
def binary_file_in_a_content_folder(project: Path) -> list[str]:
    (project / "roles" / "photo.jpg").write_bytes(PNG_HEADER)
    return ["roles/photo.jpg:1: not a Markdown file, so it is not published (hint: move it out of roles/"]


@mistake(warning_only=True)
def role_in_a_subfolder(project: Path) -> list[str]:
    (project / "roles" / "engineering").mkdir()
    shutil.copy(project / ROLE, project / "roles" / "engineering" / "platform-lead.md")
    return ["roles/engineering:1: folders inside roles/ are not read, so nothing in it is published "
            "(hint: move its .md files up into roles/)"]


@mistake()
def same_slug_in_two_spellings(project: Path) -> list[str]:
    shutil.copy(project / ROLE, project / "roles" / "Data-Lead.md")
    return ["roles/Data-Lead.md:1: the file name 'Data-Lead.md' is not a valid slug, and once lowercased it "
            "duplicates data-lead.md (hint: merge the two files or give this one another name)"]


@mistake()
def file_name_that_is_not_a_slug(project: Path) -> list[str]:
    shutil.copy(project / ROLE, project / "roles" / "Data Lead (copy).md")
    return ["roles/Data Lead (copy).md:1: the file name 'Data Lead (copy).md' is not a valid slug "
            "(hint: rename it to lowercase letters, digits and hyphens, e.g. data-lead-copy.md)"]


# --- references ----------------------------------------------------------------------------------------------
@mistake()
def reference_with_a_path(project: Path) -> list[str]:
    replace_in(project / ROLE, "hiring_manager: jo-smith", "hiring_manager: ../people/jo-smith")
    return [f"{ROLE}:{line_of(project / ROLE, 'hiring_manager')}: hiring_manager: '../people/jo-smith' is not a "
            "slug (the other file's name, without folder and without .md) (hint: slugs use lowercase letters"]


@mistake()
def reference_with_dot_dot_and_md(project: Path) -> list[str]:
    replace_in(project / ROLE, "case_studies: [warehouse-migration]", "case_studies: [../../etc/passwd.md]")
    return [f"{ROLE}:{line_of(project / ROLE, 'case_studies:')}: case_studies[0]: '../../etc/passwd.md' is not a "
            "slug"]


@mistake()
def dangling_case_study_reference(project: Path) -> list[str]:
    replace_in(project / ROLE, "case_studies: [warehouse-migration]", "case_studies: [warehouse-migraton]")
    return [f"{ROLE}:{line_of(project / ROLE, 'case_studies:')}: case_studies[0]: no case study "
            "'warehouse-migraton' in case_studies/ (hint: did you mean 'warehouse-migration'?)"]


@mistake()
def case_study_led_by_nobody(project: Path) -> list[str]:
    replace_in(project / STUDY, "leader: jo-smith", "leader: ana-lopez")
    return [f"{STUDY}:3: leader: no person 'ana-lopez' in people/ (hint: create people/ana-lopez.md"]


@mistake()
def reference_to_a_person_whose_file_is_broken(project: Path) -> list[str]:
    """The person's own error is the one to fix; the role and case study are not also told 'no person'."""
    replace_in(project / PERSON, "since: 2021-03-01", "since: March 2021")
    return [f"{PERSON}:4: since: Input should be a valid date"]


# --- impossible values ---------------------------------------------------------------------------------------
@mistake()
def closing_date_before_posting_date(project: Path) -> list[str]:
    replace_in(project / ROLE, "valid_through: 2027-12-31", "valid_through: 2026-10-01")
    return [f"{ROLE}:6: valid_through: valid_through (2026-10-01) is before date_posted (2026-11-01) "
            "(hint: set valid_through on or after date_posted)"]


@mistake()
def date_that_does_not_exist(project: Path) -> list[str]:
    replace_in(project / ROLE, "date_posted: 2026-11-01", "date_posted: 2026-02-30")
    return [f"{ROLE}:5: date_posted: Input should be a valid date or datetime, day value is outside expected "
            "range (hint: write the date as YYYY-MM-DD"]


@mistake()
def case_study_ending_before_it_started(project: Path) -> list[str]:
    replace_in(project / STUDY, "  end: 2024-12-01", "  end: 2024-08-01")
    return [f"{STUDY}:5: period: end (2024-08-01) is before start (2024-09-01)"]


@mistake()
def negative_salary(project: Path) -> list[str]:
    replace_in(project / ROLE, "  min: 150000", "  min: -150000")
    return [f"{ROLE}:{line_of(project / ROLE, 'min: -150000')}: salary.min: Input should be greater than 0 "
            "(hint: use a positive number)"]


@mistake()
def salary_minimum_above_maximum(project: Path) -> list[str]:
    replace_in(project / ROLE, "  min: 150000", "  min: 200000")
    return [f"{ROLE}:{line_of(project / ROLE, 'salary:')}: salary: max (180000) is below min (200000); swap them"]


@mistake()
def unknown_currency(project: Path) -> list[str]:
    replace_in(project / ROLE, "  currency: USD", "  currency: XYZ")
    return [f"{ROLE}:{line_of(project / ROLE, 'currency: XYZ')}: salary.currency: 'XYZ' is not an ISO 4217 "
            "currency code"]


@mistake()
def unknown_country(project: Path) -> list[str]:
    replace_in(project / ROLE, "    country: US", "    country: UK")
    return [f"{ROLE}:{line_of(project / ROLE, 'country: UK')}: locations[0].country: 'UK' is not an ISO 3166-1 "
            "alpha-2 country code such as US, GB, DE or CA (hint: use GB)"]


# --- the checks ----------------------------------------------------------------------------------------------
def content_files(project: Path) -> list[Path]:
    return [p for folder in ("roles", "people", "case_studies") for p in sorted((project / folder).iterdir())]


@pytest.mark.parametrize("case", CATALOGUE, ids=lambda case: case.id)
def test_mistake_gives_exactly_its_message(minimal_project, case: Mistake):
    """In-process through the loader and the lint step (the build and the CLI print these same lines)."""
    expected = case.make(minimal_project)
    site = load_linted(minimal_project)
    problems = [d.format() for d in site.diagnostics]
    for message in expected:
        assert any(p.startswith(message) for p in problems), f"{message!r} not in:\n" + "\n".join(problems)
    assert len(problems) == len(expected), "\n".join(problems)  # one precise message, no follow-on noise
    assert bool(site.errors) != case.warning_only


# A few mistakes through the real `mkdocs build --strict`: the message reaches the terminal as loaded.
BUILD_SMOKE = [c for c in CATALOGUE if c.id in {"tab_indentation", "unknown_country"}][:2] + \
    [c for c in CATALOGUE if c.warning_only][:1]


@pytest.mark.parametrize("case", BUILD_SMOKE, ids=lambda case: case.id)
def test_mistake_fails_the_real_build_with_exactly_its_message(minimal_project, case: Mistake):
    expected = case.make(minimal_project)
    result = run_build(minimal_project, strict=True)
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    problems = re.findall(r"(?:^|\s)((?:roles|people|case_studies)/[^:\n]*:\d+: [^\n]*)", result.output, re.M)
    for message in expected:
        assert any(p.startswith(message) for p in problems), f"{message!r} not in:\n" + "\n".join(problems)
    assert len(problems) == len(expected), "\n".join(problems)
    assert not (minimal_project / "site").exists()
    assert not list(minimal_project.glob(".site-staging-*"))


@pytest.mark.parametrize("case", [c for c in CATALOGUE if c.warning_only], ids=lambda case: case.id)
def test_warning_leaves_other_pages_published_unless_strict(minimal_project, case: Mistake):
    expected = case.make(minimal_project)
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0, result.output
    assert expected[0] in result.output
    assert (result.site / "roles" / "data-lead" / "index.html").is_file()


@pytest.mark.parametrize("case", CATALOGUE, ids=lambda case: case.id)
def test_no_content_file_is_dropped_without_a_word(minimal_project, case: Mistake):
    """Every file in a content folder becomes a page or is named by a diagnostic: nothing vanishes."""
    case.make(minimal_project)
    site = load_linted(minimal_project)
    published = {entry.source.path.resolve() for entry in site.entries()}
    named = {d.path for d in site.diagnostics}
    for path in content_files(minimal_project):
        shown = path.relative_to(minimal_project).as_posix()
        assert path.resolve() in published or shown in named, f"{shown} vanished without a diagnostic"
    if not case.warning_only:
        assert any(d.severity is Severity.ERROR for d in site.diagnostics)
