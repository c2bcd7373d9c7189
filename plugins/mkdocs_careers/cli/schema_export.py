"""JSON Schema for the frontmatter of each content type, generated from the models that validate it.

Editors' YAML language servers read these files (committed under `schemas/`, written by
`careers schema`) for completion and underlining; nothing is maintained twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content.kinds import KINDS

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def content_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}


def schema_text(model: type[BaseModel]) -> str:
    """Stable, diff-friendly text: the committed files are compared with this in tests and CI."""
    return json.dumps(content_schema(model), indent=2, ensure_ascii=False) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        target = out_dir / kind.schema_file
        target.write_text(schema_text(kind.model), encoding="utf-8")
        written.append(target)
    return written


def outdated_schemas(out_dir: Path) -> list[Path]:
    """Schema files in `out_dir` that are missing or differ from the models."""
    stale = []
    for kind in KINDS:
        target = out_dir / kind.schema_file
        if not target.is_file() or target.read_text(encoding="utf-8") != schema_text(kind.model):
            stale.append(target)
    return stale
