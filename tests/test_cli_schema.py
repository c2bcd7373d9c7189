"""`careers schema`: JSON Schema generated from the models, committed under schemas/ for editors, kept
up to date, accepting the demo content and rejecting broken frontmatter (checked with `jsonschema`)."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from cli_helpers import run_cli
from conftest import REPO
from mkdocs_careers.cli.schema_export import schema_text
from mkdocs_careers.content.kinds import KINDS, kind_by_cli_noun

SCHEMA_DIR = REPO / "schemas"
FOLDERS = {"role": "roles", "person": "people", "case-study": "case_studies"}


class EditorYamlLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2 core): dates stay strings, yes/no stay text."""


EditorYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
EditorYamlLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def frontmatter(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8").split("---\n")[1], Loader=EditorYamlLoader)


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = yaml.safe_load((SCHEMA_DIR / kind_by_cli_noun(kind).schema_file).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def leaf_messages(errors) -> list[str]:
    """Messages of every error, including those nested under anyOf (optional fields)."""
    found = []
    for error in errors:
        found.append(error.message)
        found += leaf_messages(error.context or [])
    return found


def test_committed_schemas_match_the_models():
    for file_name, model in [(k.schema_file, k.model) for k in KINDS]:
        assert (SCHEMA_DIR / file_name).read_text(encoding="utf-8") == schema_text(model), (
            f"schemas/{file_name} is out of date: run `make schema`")
    assert run_cli("schema", "--check", "--out", str(SCHEMA_DIR))[0] == 0


def test_schema_command_writes_the_three_files(tmp_path):
    code, output = run_cli("schema", "--out", str(tmp_path / "out"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "case-study.schema.json", "person.schema.json", "role.schema.json"]
    for path in (tmp_path / "out").iterdir():
        assert path.read_bytes() == (SCHEMA_DIR / path.name).read_bytes()
    (tmp_path / "out" / "role.schema.json").write_text("{}", encoding="utf-8")
    code, output = run_cli("schema", "--check", "--out", str(tmp_path / "out"))
    assert code == 1 and "role.schema.json: out of date" in output


@pytest.mark.parametrize("kind", list(FOLDERS))
def test_demo_content_validates_against_the_schema(kind):
    check = validator(kind)
    files = sorted((REPO / FOLDERS[kind]).glob("*.md"))
    assert files
    for path in files:
        errors = [e.message for e in check.iter_errors(frontmatter(path))]
        assert errors == [], f"{path.name}: {errors}"


def test_broken_role_is_rejected_where_the_models_reject_it():
    data = frontmatter(REPO / "roles" / "ml-engineering-manager.md")
    data["departmnet"] = data.pop("department")
    data["employment_type"] = "fulltime"
    data["salary"]["currency"] = "DOLLARS"
    data["valid_through"] = "31/12/2027"
    data["locations"][0]["country"] = "UK"
    messages = " | ".join(leaf_messages(validator("role").iter_errors(data)))
    assert "'department' is a required property" in messages
    assert "Additional properties are not allowed ('departmnet' was unexpected)" in messages
    assert "'DOLLARS' is not one of" in messages and "'UK' is not one of" in messages
    assert "'31/12/2027' is not a 'date'" in messages
    assert "'fulltime' is not valid" in messages


def test_schema_describes_fields_for_hover_help():
    schema = yaml.safe_load((SCHEMA_DIR / "role.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert "Job title only" in schema["properties"]["title"]["description"]
    assert "lint_disable" in schema["properties"]
