"""`careers new`: a file with every field present and commented, named after the title, pointing
editors at the JSON Schema, never overwriting; its placeholders are errors until filled in."""

from __future__ import annotations

import shutil
import typing
from pathlib import Path

import pytest
from cli_helpers import check, read_frontmatter, run_cli, write_frontmatter
from conftest import REPO
from mkdocs_careers.cli.scaffold import _is_model, _shape
from mkdocs_careers.content.kinds import kind_by_cli_noun
from mkdocs_careers.content.placeholders import is_placeholder
from pydantic import BaseModel

# kind on the command line → (folder, an existing valid file of that kind in the minimal fixture)
KINDS = {"role": ("roles", "data-lead"), "person": ("people", "jo-smith"),
         "case-study": ("case_studies", "warehouse-migration")}


@pytest.fixture
def project(minimal_project: Path) -> Path:
    shutil.copytree(REPO / "schemas", minimal_project / "schemas")
    return minimal_project


def new(project: Path, *args: str) -> tuple[int, str]:
    return run_cli("new", *args, "-f", str(project / "mkdocs.yml"))


def test_new_role_is_named_after_its_title_and_points_at_the_schema(project):
    code, output = new(project, "role", "Senior Data Engineer")
    assert code == 0, output
    created = project / "roles" / "senior-data-engineer.md"
    assert "Created roles/senior-data-engineer.md" in output
    lines = created.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "---"
    assert lines[1] == "# yaml-language-server: $schema=../schemas/role.schema.json"
    assert (created.parent / "../schemas/role.schema.json").resolve() == project / "schemas" / "role.schema.json"
    data, _ = read_frontmatter(created)
    assert data["title"] == "Senior Data Engineer" and data["date_posted"].isoformat() == "2026-11-25"


def test_person_slug_is_transliterated_from_the_name(project):
    code, _ = new(project, "person", "Ana López-Ortega")
    assert code == 0
    data, _ = read_frontmatter(project / "people" / "ana-lopez-ortega.md")
    assert data["name"] == "Ana López-Ortega"


def test_title_with_yaml_special_characters_stays_text(project):
    assert new(project, "case-study", 'Lead: "Data" # 1')[0] == 0
    data, _ = read_frontmatter(project / "case_studies" / "lead-data-1.md")
    assert data["title"] == 'Lead: "Data" # 1'


def test_existing_file_is_never_overwritten(project):
    existing = project / "roles" / "data-lead.md"
    before = existing.read_bytes()
    code, output = new(project, "role", "Data Lead")
    assert code == 1
    assert "roles/data-lead.md already exists; it was not changed" in output
    assert existing.read_bytes() == before


def test_title_without_letters_is_a_usage_error(project):
    code, output = new(project, "role", "!!!")
    assert code == 2 and "is not a valid file name" in output


def test_hiring_manager_comment_lists_existing_people(project):
    new(project, "role", "Staff Analyst")
    text = (project / "roles" / "staff-analyst.md").read_text(encoding="utf-8")
    assert "# Slug of the hiring manager's file in people/ (required). Existing: jo-smith" in text


def fields_missing(model: type[BaseModel], data: dict, prefix: str = "") -> list[str]:
    """Model fields (recursively) absent from scaffolded data."""
    missing = []
    for name, info in model.model_fields.items():
        if name not in data:
            missing.append(prefix + name)
            continue
        shape, core = _shape(info.annotation)
        value = data[name]
        if value in (None, []):  # optional, left empty: present is enough
            continue
        if _is_model(core):
            item = value[0] if shape == "list" else value
            missing += fields_missing(core, item, f"{prefix}{name}.")
    return missing


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_present_and_commented(project, kind):
    folder, _ = KINDS[kind]
    new(project, kind, "Something New")
    created = project / folder / "something-new.md"
    data, _ = read_frontmatter(created)
    assert fields_missing(kind_by_cli_noun(kind).model, data) == []
    lines = created.read_text(encoding="utf-8").split("---\n")[1].splitlines()
    for index, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith(("#", "- #")) and ":" in line and not line.lstrip(
                ).startswith("- \""):
            above = lines[index - 1].strip()
            assert above.startswith(("#", "- #")), f"field without a comment: {line!r}"


@pytest.mark.parametrize("kind", list(KINDS))
def test_placeholders_are_errors_until_filled(project, kind):
    folder, _ = KINDS[kind]
    new(project, kind, "Something New")
    created = project / folder / "something-new.md"
    run = check(project, str(created))
    assert run.exit_code == 1
    problems = run.problems()
    assert problems and {p["rule"] for p in problems} == {"placeholder"}
    text_lines = created.read_text(encoding="utf-8").splitlines()
    for problem in problems:
        assert "<<fill in" in text_lines[problem["line"] - 1], problem


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_file_passes_check_once_placeholders_are_filled(project, kind):
    folder, good_slug = KINDS[kind]
    new(project, kind, "Something New")
    created = project / folder / "something-new.md"
    data, _ = read_frontmatter(created)
    good, good_body = read_frontmatter(project / folder / f"{good_slug}.md")

    def has_placeholder(value: typing.Any) -> bool:
        if isinstance(value, dict):
            return any(has_placeholder(v) for v in value.values())
        if isinstance(value, list):
            return any(has_placeholder(v) for v in value)
        return is_placeholder(value)

    # An editor fills in each field that has a marker (here: with the values of a known-good file).
    filled = {key: good[key] for key, value in data.items() if has_placeholder(value) and key in good}
    data = {key: value for key, value in data.items() if not has_placeholder(value) or key in good}
    data.update(filled)
    write_frontmatter(created, data, good_body)
    run = check(project, str(created))
    assert run.exit_code == 0, run.output
    assert run.problems() == []
