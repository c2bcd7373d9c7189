"""Every mistake YAML and the content model allow gets a precise error (file, line, field, hint);
none loses or silently drops a page. Loaded in-process through the core, as `careers check` does."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_helpers import load_project, messages, read_frontmatter, write_frontmatter

ROLE = "roles/data-lead.md"


def edit_role(project: Path, **changes) -> Path:
    path = project / ROLE
    data = read_frontmatter(path)
    for key, value in changes.items():
        target = data
        *parents, last = key.split("__")
        for parent in parents:
            target = target[parent]
        target[last] = value
    write_frontmatter(path, data)
    return path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def assert_one_error(project: Path, expected: str) -> None:
    site = load_project(project)
    found = messages(site)
    assert any(expected in m for m in found), found
    assert site.errors, "a content mistake must be an error, never a silent drop"


def test_fixture_is_clean(minimal_project):
    assert messages(load_project(minimal_project)) == []


def test_tab_indentation(minimal_project):
    path = minimal_project / ROLE
    path.write_text(path.read_text(encoding="utf-8").replace("  - city: Chicago", "\t- city: Chicago"),
                    encoding="utf-8")
    assert_one_error(minimal_project, f"{ROLE}:{line_of(path, 'city: Chicago')}: the line is indented with a tab")


def test_duplicate_key(minimal_project):
    path = minimal_project / ROLE
    path.write_text(path.read_text(encoding="utf-8").replace("department: Data\n", "department: Data\ndepartment: BI\n"),
                    encoding="utf-8")
    assert_one_error(minimal_project, f"{ROLE}:{line_of(path, 'department: BI')}: department: duplicate key "
                                      f"(first defined on line {line_of(path, 'department: Data')})")


def test_duplicate_slug_differing_only_in_case(minimal_project):
    (minimal_project / "roles" / "Data-Lead.md").write_bytes((minimal_project / ROLE).read_bytes())
    site = load_project(minimal_project)
    assert any("roles/Data-Lead.md:1: the file name 'Data-Lead.md' is not a valid slug" in m for m in messages(site))
    assert "data-lead" in site.roles  # the valid file is still there, nothing silently replaced


@pytest.mark.parametrize("reference", ["../people/jo-smith", "people/jo-smith", "..", "jo smith"])
def test_reference_with_path_separators_or_dots(minimal_project, reference):
    path = edit_role(minimal_project, hiring_manager=reference)
    assert_one_error(minimal_project, f"{ROLE}:{line_of(path, 'hiring_manager')}: hiring_manager: String should match")


def test_empty_file(minimal_project):
    (minimal_project / ROLE).write_text("", encoding="utf-8")
    assert_one_error(minimal_project, f"{ROLE}:1: the file is empty")


def test_file_without_frontmatter(minimal_project):
    (minimal_project / ROLE).write_text("# Data Lead\n\nJust text.\n", encoding="utf-8")
    assert_one_error(minimal_project, f"{ROLE}:1: the file has no YAML frontmatter")


def test_unclosed_frontmatter(minimal_project):
    (minimal_project / ROLE).write_text("---\ntitle: Data Lead\n", encoding="utf-8")
    assert_one_error(minimal_project, f"{ROLE}:1: the frontmatter is never closed")


def test_binary_file(minimal_project):
    (minimal_project / "roles" / "logo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert_one_error(minimal_project, "roles/logo.md:1: this is a binary file, not Markdown")


def test_not_utf8(minimal_project):
    (minimal_project / ROLE).write_bytes("---\ntitle: Caf\u00e9 Lead\n---\n".encode("latin-1"))
    assert_one_error(minimal_project, f"{ROLE}:2: the file is not valid UTF-8 text")


def test_missing_person(minimal_project):
    path = edit_role(minimal_project, hiring_manager="ana-lopez")
    assert_one_error(minimal_project, f"{ROLE}:{line_of(path, 'hiring_manager')}: hiring_manager: no person "
                                      "'ana-lopez' in people/")


def test_dangling_case_study_reference(minimal_project):
    path = edit_role(minimal_project, case_studies=["warehouse-migration", "lakehouse"])
    assert_one_error(minimal_project, f"{ROLE}:{line_of(path, '- lakehouse')}: case_studies[1]: no case study "
                                      "'lakehouse' in case_studies/")


def test_case_study_with_missing_leader(minimal_project):
    path = minimal_project / "case_studies" / "warehouse-migration.md"
    data = read_frontmatter(path)
    data["leader"] = "nobody"
    write_frontmatter(path, data)
    assert_one_error(minimal_project, f"case_studies/warehouse-migration.md:{line_of(path, 'leader')}: leader: "
                                      "no person 'nobody' in people/")


def test_closing_date_before_posting_date(minimal_project):
    path = edit_role(minimal_project, valid_through="2026-10-01")
    path.write_text(path.read_text(encoding="utf-8").replace("'2026-10-01'", "2026-10-01"), encoding="utf-8")
    assert_one_error(minimal_project, f"{ROLE}:{line_of(path, 'valid_through')}: valid_through: valid_through "
                                      "(2026-10-01) is before date_posted (2026-11-01)")


@pytest.mark.parametrize("field,value,expected", [
    ("salary__min", -5, "salary.min: Input should be greater than 0"),
    ("salary__max", 100, "salary: max (100) is below min (150000); swap them"),
    ("salary__currency", "DOLLARS", "salary.currency: 'DOLLARS' is not an ISO 4217 currency code"),
    ("salary__unit", "fortnight", "salary.unit: 'fortnight' is not allowed; expected 'hour', 'day', 'week', 'month'"),
])
def test_impossible_salaries_and_unknown_codes(minimal_project, field, value, expected):
    edit_role(minimal_project, **{field: value})
    assert_one_error(minimal_project, expected)


def test_unknown_country_code_suggests_gb_for_uk(minimal_project):
    path = minimal_project / ROLE
    data = read_frontmatter(path)
    data["locations"][0]["country"] = "UK"
    write_frontmatter(path, data)
    assert_one_error(minimal_project, f"{ROLE}:{line_of(path, 'country: UK')}: locations[0].country: "
                                      "'UK' is not an ISO 3166-1 alpha-2 country code such as US, GB or DE (use GB")


@pytest.mark.parametrize("value", ["no", "null", "1e3", "2026-01-01", "~", "on", "true"])
def test_yaml_special_values_as_plain_text(minimal_project, value):
    """Unquoted, YAML reads some of these as null, dates or booleans; the error says to quote them."""
    path = minimal_project / ROLE
    path.write_text(path.read_text(encoding="utf-8").replace("department: Data", f"department: {value}"),
                    encoding="utf-8")
    site = load_project(minimal_project)
    if value in ("no", "1e3", "on"):
        # YAML 1.2 reads these as text (no yes/no booleans here), so they are simply the department's name.
        assert messages(site) == [] and site.roles["data-lead"].model.department == value
    else:
        problems = [m for m in messages(site) if "department" in m]
        assert problems and problems[0].startswith(f"{ROLE}:{line_of(path, 'department')}: department:")
        assert "quotes" in problems[0] or "required" in problems[0] or "valid string" in problems[0]


def test_many_problems_in_many_files_are_all_reported(minimal_project):
    edit_role(minimal_project, salary__min=-1, hiring_manager="ghost")
    (minimal_project / "case_studies" / "empty.md").write_text("", encoding="utf-8")
    (minimal_project / "people" / "no-frontmatter.md").write_text("Hello\n", encoding="utf-8")
    found = messages(load_project(minimal_project))
    assert any("salary.min" in m for m in found)
    assert any("case_studies/empty.md:1: the file is empty" in m for m in found)
    assert any("people/no-frontmatter.md:1: the file has no YAML frontmatter" in m for m in found)
