"""Turning parsed files into models, and every validation failure into a located diagnostic.

Pydantic reports where a value is wrong as a path (`loc`); the loader knows which line each
path sits on. Joining the two gives `roles/x.md:12: salary.max: ...` with a hint.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .diagnostics import Diagnostic, FieldProblem
from .loading import FieldPath, SourceDocument, format_field_path
from .placeholders import is_placeholder, placeholder_lines, placeholder_paths

M = TypeVar("M", bound=BaseModel)

TYPE_HINTS = {
    "string_type": "put the value in quotes, e.g. \"...\"",
    "list_type": "write a list: one '- item' per line under the field",
    "date_type": "write the date as YYYY-MM-DD, e.g. 2026-03-31",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD, e.g. 2026-03-31",
    "date_parsing": "write the date as YYYY-MM-DD, e.g. 2026-03-31",
    "float_parsing": "write a plain number without currency signs or commas, e.g. 120000",
    "float_type": "write a plain number without currency signs or commas, e.g. 120000",
    "bool_parsing": "write true or false",
    "bool_type": "write true or false",
    "enum": "use one of the allowed values listed",
    "missing": "add the field; see the README's field table for this content type",
    "string_pattern_mismatch": "slugs use lowercase letters, digits and single hyphens, e.g. ana-lopez",
    "too_short": "add at least one item",
    "model_type": "write the nested fields indented under this field",
    "model_attributes_type": "write the nested fields indented under this field",
    "greater_than": "use a positive number",
}


def validate_document(doc: SourceDocument, model_cls: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """Validate one parsed file against its model; return the model (or None) and every problem."""
    placeholders = _placeholder_diagnostics(doc, model_cls)
    try:
        return model_cls.model_validate(doc.data), placeholders
    except ValidationError as exc:
        # A marker in a typed field (a date, a number) is reported once, as a placeholder, not as a type error.
        errors = [e for e in exc.errors(include_url=False) if not is_placeholder(e.get("input"))]
        return None, placeholders + [_to_diagnostic(doc, error, model_cls) for error in errors]


_FIELD_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}


def partial_model(doc: SourceDocument, model_cls: type[M], problems: list[Diagnostic]) -> M:
    """The model with only the fields that validated, unchecked as a whole (`model_construct`).

    Lint rules run on it so a too-short FAQ answer is reported in the same run as a misspelt field elsewhere;
    a rule that needs a missing field is skipped by the caller.
    """
    broken = {problem.field.split(".")[0].split("[")[0] for problem in problems}
    values: dict[str, Any] = {}
    for name, info in model_cls.model_fields.items():
        if name in broken or name not in doc.data:
            continue
        adapter = _FIELD_ADAPTERS.get((model_cls, name))
        if adapter is None:
            adapter = _FIELD_ADAPTERS.setdefault((model_cls, name), TypeAdapter(info.rebuild_annotation()))
        try:
            values[name] = adapter.validate_python(doc.data[name])
        except ValidationError:
            continue
    model = model_cls.model_construct(**values)
    for name in broken:
        # model_construct filled in the field's default; a rule must not read "no salary" for a broken one.
        model.__dict__.pop(name, None)
    return model


def _placeholder_diagnostics(doc: SourceDocument, model_cls: type[BaseModel]) -> list[Diagnostic]:
    """`careers new` markers left in the frontmatter or the body: never publishable."""
    problems = []
    for path in placeholder_paths(doc.data):
        named = tuple(p for p in path if isinstance(p, str))
        parent = _model_at(model_cls, named[:-1]) if named else None
        info = parent.model_fields.get(named[-1]) if parent is not None else None
        hint = f"replace the marker with: {info.description}" if info is not None and info.description \
            else "replace the marker with the real value"
        problems.append(Diagnostic(doc.display_path, doc.line_of(path), format_field_path(path),
                                   "placeholder value is not filled in", hint, rule="placeholder"))
    for line in placeholder_lines(doc.body):
        problems.append(Diagnostic(doc.display_path, doc.body_line + line - 1, "body",
                                   "placeholder text is not filled in", "write the page text in its place",
                                   rule="placeholder"))
    return problems


def _to_diagnostic(doc: SourceDocument, error: Any, model_cls: type[BaseModel]) -> Diagnostic:
    loc: FieldPath = tuple(part for part in error["loc"] if not _is_union_tag(part))
    kind = error["type"]
    field = format_field_path(loc)
    if kind == "extra_forbidden":
        parent = _model_at(model_cls, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields here: {', '.join(allowed)}"
        return Diagnostic(doc.display_path, doc.line_of(loc), field, "unknown field", hint)
    message = _message(error, loc)
    hint = TYPE_HINTS.get(kind, "")
    raised = error.get("ctx", {}).get("error")
    if isinstance(raised, FieldProblem) and raised.hint:
        hint = raised.hint
    if message == "must not be empty":
        hint = "write the text after the colon, or remove the field if it is optional"
    if kind in {"string_type", "list_type"} and isinstance(error.get("input"), (bool, dt.date, int, float)):
        hint = "YAML read this as a number, date or true/false; put it in quotes to keep it as text"
    if kind == "string_type" and isinstance(error.get("input"), (bool, dt.date, int, float)):
        hint = "put the value in quotes to keep it as text"  # the message already says what YAML read
    if kind == "string_type" and error.get("input") is None:
        hint = "write the text after the colon; put it in quotes if it is literally null or ~ or starts with #"
    if kind == "missing" and isinstance(loc[-1], str):
        parent = _model_at(model_cls, loc[:-1])
        info = parent.model_fields.get(str(loc[-1])) if parent else None
        if info is not None and info.description:
            hint = f"add '{loc[-1]}:' ({info.description})"
    return Diagnostic(doc.display_path, doc.line_of(loc), field, message, hint)


def config_problems(exc: ValidationError, model_cls: type[BaseModel], prefix: FieldPath = ()) -> list[str]:
    """Every problem of a configuration mapping (mkdocs.yml options) as `path: message (hint: ...)`.

    The same messages and hints as content errors; configuration has no line numbers of its own. `prefix`
    is where the validated value sits inside `model_cls` (for one option validated on its own).
    """
    problems = []
    for error in exc.errors(include_url=False):
        loc: FieldPath = prefix + tuple(part for part in error["loc"] if not _is_union_tag(part))
        kind = error["type"]
        hint = TYPE_HINTS.get(kind, "")
        message = _message(error, loc)
        if kind == "extra_forbidden":
            parent = _model_at(model_cls, loc[:-1])
            allowed = sorted(parent.model_fields) if parent else []
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            message = "unknown option"
            hint = f"did you mean '{close[0]}'?" if close else f"allowed options here: {', '.join(allowed)}"
        problems.append(f"{format_field_path(loc)}: {message}" + (f" (hint: {hint})" if hint else ""))
    return problems


def _message(error: Any, loc: FieldPath) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "string_pattern_mismatch":  # only slugs have a pattern
        return f"'{error.get('input')}' is not a slug (the other file's name, without folder and without .md)"
    if kind == "string_type":
        return f"expected text, but YAML read {_yaml_reading(error.get('input'))}"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if kind == "enum":
        return f"'{error.get('input')}' is not allowed; expected {error['ctx']['expected']}"
    return str(error["msg"])


def _yaml_reading(value: Any) -> str:
    """What YAML made of an unquoted value, in an editor's words (`null`, `~` and `#...` read as nothing)."""
    if value is None:
        return "no value (empty, null, ~ or a # comment)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (dt.date, dt.datetime)):
        return f"a date ({value.isoformat()})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "nested fields"
    return type(value).__name__


def _is_union_tag(part: Any) -> bool:
    """Pydantic inserts type names such as 'str' or 'function-after[...]' into loc for unions."""
    return isinstance(part, str) and ("[" in part or part in {"str", "float", "int", "date", "none", "list"})


def _model_at(model_cls: type[BaseModel], path: FieldPath) -> type[BaseModel] | None:
    """The model class that owns the field at `path`, used to suggest field names for typos."""
    current: Any = model_cls
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Find the model inside `list[X]`, `X | None` or `Annotated[...]`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if args else annotation
            if origin in (typing.Union, types.UnionType) and len(args) != 1:
                return annotation
        else:
            return annotation
