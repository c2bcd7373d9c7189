"""`careers new`: a new content file with every field present, commented and marked `<<fill in>>`.

The file is generated from the same models that validate it, so it can never list a field that
does not exist or miss one that does. Its first frontmatter line points YAML language servers at
the committed JSON Schema. Values an editor must decide are placeholders, which `careers check`
reports as errors until they are replaced.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import types
import typing
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from slugify import slugify

from ..content.kinds import ContentKind
from ..content.placeholders import placeholder

# Dates that are "today" for a new file; every other date is the editor's to decide.
TODAY_FIELDS = frozenset({"date_posted", "date_published"})
# Optional lists shown with one item to fill in or delete: objects, so their fields are visible, and
# lists that lint rules expect (benefits for pay-transparency laws, same_as for person-same-as).
EXAMPLE_ITEM_FIELDS = frozenset({"locations", "faq", "benefits", "same_as"})


def slug_for(title: str) -> str:
    """`ML Engineering Manager` → `ml-engineering-manager`; accents are transliterated (`López` → `lopez`)."""
    return slugify(title, max_length=80, word_boundary=True)


def scaffold(kind: ContentKind, title: str, *, today: dt.date, schema_path: str,
             known_slugs: dict[str, list[str]] | None = None) -> str:
    """The text of a new content file of `kind`."""
    model = kind.model
    writer = _Writer(today=today, title_field=kind.title_field, title=title, known=known_slugs or {})
    doc = inspect.getdoc(model)
    assert doc is not None  # every content model has a docstring (pydantic's BaseModel has one to inherit)
    lines = ["---", f"# yaml-language-server: $schema={schema_path}",
             f"# {doc.splitlines()[0]}",
             "# Replace every <<fill in>> marker; `careers check` reports any left. Optional fields may stay",
             "# empty or be deleted. The README's 'Editing the site' section explains each field."]
    lines += writer.fields(model, indent=0, top=True)
    lines += ["---", "", placeholder(kind.body_hint), ""]
    return "\n".join(lines)


class _Writer:
    def __init__(self, *, today: dt.date, title_field: str, title: str, known: dict[str, list[str]]):
        self.today = today
        self.title_field = title_field
        self.title = title
        self.known = known

    def fields(self, model: type[BaseModel], indent: int, top: bool = False) -> list[str]:
        lines: list[str] = []
        for name, info in model.model_fields.items():
            lines += self.field(name, info, indent, top)
        return lines

    def field(self, name: str, info: FieldInfo, indent: int, top: bool) -> list[str]:
        pad = " " * indent
        required = info.is_required()
        comment = f"{pad}# {info.description or name.replace('_', ' ').capitalize()}"
        if "(optional)" not in comment:
            comment += " (required)" if required else " (optional)"
        existing = self._existing_slugs(name)
        if existing:
            comment += f". Existing: {', '.join(existing[:10])}{', ...' if len(existing) > 10 else ''}"
        shape, core = _shape(info.annotation)
        if not required and info.default is None and (shape == "list" or (_is_model(core) and not top)):
            # Optional and empty by default (e.g. a part of the hiring process that falls back to the
            # site-wide defaults): present, commented, and null so it validates as "not given". Top-level
            # models such as salary stay expanded: they are recommended, not fallbacks.
            return [comment, f"{pad}{name}:"]
        if top and name == self.title_field:
            return [comment, f"{pad}{name}: {json.dumps(self.title, ensure_ascii=False)}"]
        if shape == "list":
            if _is_model(core) and (required or name in EXAMPLE_ITEM_FIELDS):
                item = self.fields(core, indent + 4)
                item[0] = f"{pad}  - {item[0].lstrip()}"
                return [comment, f"{pad}{name}:", *item]
            if required or name in EXAMPLE_ITEM_FIELDS:
                return [comment, f"{pad}{name}:", f"{pad}  - {self.scalar(name, core, required=True)}"]
            return [comment, f"{pad}{name}: []"]
        if _is_model(core):
            return [comment, f"{pad}{name}:", *self.fields(core, indent + 2)]
        value = self.scalar(name, core, required, info.default)
        return [comment, f"{pad}{name}: {value}".rstrip()]

    def scalar(self, name: str, core: Any, required: bool, default: Any = None) -> str:
        if core is bool:
            return "true" if default is True else "false"
        if not required:
            return '""' if default == "" else ""
        if core is dt.date:
            return self.today.isoformat() if name in TODAY_FIELDS else _quoted(placeholder("YYYY-MM-DD"))
        if isinstance(core, type) and issubclass(core, Enum):
            return _quoted(placeholder("one of " + ", ".join(str(m.value) for m in core)))
        if core in (int, float):
            return _quoted(placeholder("a number"))
        return _quoted(placeholder())

    def _existing_slugs(self, name: str) -> list[str]:
        folder = {"hiring_manager": "people", "leader": "people", "case_studies": "case_studies"}.get(name)
        return self.known.get(folder, []) if folder else []


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _shape(annotation: Any) -> tuple[str, Any]:
    """("list", item type) or ("one", type), looking through Annotated and `X | None`."""
    tp = _strip(annotation)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _shape(options[0])
    if origin is list:
        return "list", _strip(typing.get_args(tp)[0])
    return "one", tp
