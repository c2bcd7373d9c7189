"""Reading content files: frontmatter split, YAML parsed with a line number for every field.

The YAML dialect is YAML 1.2-like on purpose: `yes`/`no`/`on`/`off` stay strings (a country
code `NO` or an answer "no" must not turn into a boolean), duplicate keys are errors, and every
value's line is recorded so a problem can point at the exact line an editor must change.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .body_html import Removal
from .diagnostics import Diagnostic, Severity
from .safety import ContentLimits

FieldPath = tuple[str | int, ...]

_FRONTMATTER_FENCE = re.compile(r"^---[ \t]*$")


# libyaml's C parser when PyYAML was built with it: parsing is most of the load time for large sites.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _CareersYamlLoader(_SafeLoader):  # type: ignore[valid-type, misc]
    """SafeLoader without YAML 1.1's yes/no/on/off booleans (only true/false are booleans)."""


_CareersYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_CareersYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        # `2026-02-30` looks like a date but is none. PyYAML would raise a bare ValueError (a traceback);
        # keeping the text lets validation name the field and line, and lets a text field keep it.
        return loader.construct_scalar(node)


_CareersYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)

# Values up to this length are looked up in the load's shared strings (`parse_document(strings=...)`).
_SHARED_STRING_MAX_CHARS = 160


def _construct_str(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    # The same benefits, skills, places and field names recur in thousands of files; within one load each
    # distinct value is one string object (about 1 KB per role of a large site), as the models keep them.
    value: str = loader.construct_scalar(node)
    shared: dict[str, str] | None = getattr(loader, "shared_strings", None)
    if shared is None or len(value) > _SHARED_STRING_MAX_CHARS:
        return value
    return shared.setdefault(value, value)


_CareersYamlLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)


class _FieldShape:
    """The field paths of a frontmatter, in order, and where each one is: shared by every file with them."""

    __slots__ = ("paths", "_positions")

    def __init__(self, paths: tuple[FieldPath, ...]):
        self.paths = paths
        self._positions: dict[FieldPath, int] | None = None  # built on the first lookup (a problem to locate)

    def position(self, path: FieldPath) -> int | None:
        if self._positions is None:
            self._positions = {p: i for i, p in enumerate(self.paths)}
        return self._positions.get(path)


# One shape per distinct frontmatter layout, not per file; kept for the process (a preview adds one per new
# layout an editor saves).
_SHAPES: dict[tuple[FieldPath, ...], _FieldShape] = {}


class FieldLines(Mapping[FieldPath, int]):
    """The line of every field of one file, kept small: a site holds one for each of thousands of files.

    Files with the same fields (the roles of a site have much the same frontmatter) share one `_FieldShape`;
    each file adds only its line numbers, four bytes each. A dict per file was about 2 KB.
    """

    __slots__ = ("_shape", "_lines")

    def __init__(self, lines: Mapping[FieldPath, int] | None = None):
        paths = tuple(lines or ())
        shape = _SHAPES.get(paths)
        if shape is None:
            shape = _SHAPES[paths] = _FieldShape(paths)
        self._shape = shape
        self._lines = array("I", (lines or {}).values())

    def __getitem__(self, path: FieldPath) -> int:
        position = self._shape.position(tuple(path))
        if position is None:
            raise KeyError(path)
        return self._lines[position]

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and self._shape.position(path) is not None

    def __iter__(self) -> Iterator[FieldPath]:
        return iter(self._shape.paths)

    def __len__(self) -> int:
        return len(self._shape.paths)

    def __repr__(self) -> str:
        return f"FieldLines({dict(self)!r})"


@dataclass
class SourceDocument:
    """One content file after parsing: frontmatter data, the line of every field, and the body.

    `data` is emptied once it is validated into a model (`load_site`), so big sites hold one copy.
    """

    path: Path
    display_path: str
    slug: str
    data: dict[str, Any]
    lines: Mapping[FieldPath, int]  # a dict while the YAML is walked, then FieldLines
    body: str
    body_line: int
    frontmatter_line: int = 1
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # What the body HTML policy removed from the body (body_html.neutralize_document), for the raw-html rule.
    html_removals: tuple[Removal, ...] = ()

    def line_of(self, path: FieldPath) -> int:
        """The line of `path`, or of its nearest recorded parent (a missing field points at its parent)."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.frontmatter_line


def format_field_path(path: FieldPath) -> str:
    """`('outcomes', 'day_90', 2)` → `outcomes.day_90[2]`, the way editors see nested YAML."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_DEFAULT_LIMITS = ContentLimits()


def parse_document(path: Path, display_path: str, slug: str,
                   limits: ContentLimits = _DEFAULT_LIMITS, *, raw: bytes | None = None,
                   strings: dict[str, str] | None = None) -> SourceDocument:
    """Parse one file; problems become diagnostics on the returned document, never exceptions.

    `raw`: the file's first `limits.max_file_bytes + 1` bytes when the caller has read them already.
    `strings`: shared by the files of one load, so a value repeated across files is one string object.
    """
    doc = SourceDocument(path=path, display_path=display_path, slug=slug, data={}, lines={}, body="", body_line=1)
    if raw is None and path.stat().st_size <= limits.max_file_bytes:
        with path.open("rb") as handle:
            raw = handle.read(limits.max_file_bytes + 1)  # the file may have grown since stat
    if raw is None or len(raw) > limits.max_file_bytes:
        size = max(path.stat().st_size, len(raw or b""))
        doc.diagnostics.append(Diagnostic(display_path, 1, "", f"the file is {size / 1024:,.0f} KB; content files "
                                          f"may be at most {limits.max_file_kb:,} KB", "split the text or shorten "
                                          "it; a site that needs larger pages can raise limits.max_file_kb in "
                                          "mkdocs.yml", rule="limits"))
        return doc
    encoding = utf16_encoding(raw)
    if encoding is not None:
        doc.diagnostics.append(_problem(doc, 1, f"the file is {encoding} text, not UTF-8",
                                        "save the file as UTF-8 in your editor (in VS Code: click the encoding "
                                        "in the status bar, then 'Save with Encoding' → UTF-8)"))
        return doc
    if b"\x00" in raw:
        doc.diagnostics.append(_problem(doc, 1, "this is a binary file, not Markdown",
                                        "content folders may only hold .md text files"))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.diagnostics.append(_problem(doc, line, "the file is not valid UTF-8 text",
                                        "save the file as UTF-8 in your editor"))
        return doc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        doc.diagnostics.append(_problem(doc, 1, "the file is empty",
                                        "start it with '---', the frontmatter fields, then '---' and the body"))
        return doc
    lines = text.split("\n")
    if not _FRONTMATTER_FENCE.match(lines[0]):
        doc.diagnostics.append(_problem(doc, 1, "the file has no YAML frontmatter",
                                        "the first line must be '---', followed by the fields and a closing '---'"))
        return doc
    closing = next((i for i in range(1, len(lines)) if _FRONTMATTER_FENCE.match(lines[i])), None)
    if closing is None:
        doc.diagnostics.append(_problem(doc, 1, "the frontmatter is never closed",
                                        "add a line with only '---' after the last field"))
        return doc
    yaml_text = "\n".join(lines[1:closing])
    rest = "\n".join(lines[closing + 1 :])
    doc.body = rest.strip("\n") + "\n"
    # The body's first line is after the fence and any blank lines stripped above (for line numbers in it).
    doc.body_line = closing + 2 + len(rest) - len(rest.lstrip("\n"))
    doc.frontmatter_line = 1
    _parse_frontmatter(doc, yaml_text, line_offset=1, max_values=limits.max_yaml_values, strings=strings)
    return doc


def utf16_encoding(raw: bytes) -> str | None:
    """'UTF-16' when the bytes are UTF-16 text (a byte-order mark, or ASCII interleaved with zero bytes)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = raw[:512]
    if len(sample) >= 8:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.7 and even.count(0) < len(even) * 0.1:
            return "UTF-16 (little-endian)"
        if even.count(0) > len(even) * 0.7 and odd.count(0) < len(odd) * 0.1:
            return "UTF-16 (big-endian)"
    return None


def _problem(doc: SourceDocument, line: int, message: str, hint: str, field_name: str = "") -> Diagnostic:
    return Diagnostic(path=doc.display_path, line=line, field=field_name, message=message, hint=hint, rule="syntax")


_TOP_LEVEL_KEY = re.compile(r"^([^\s#:'\"-][^:]*?)\s*:(?:\s|$)")


def _field_of_line(yaml_lines: list[str], index: int) -> str:
    """The top-level field a frontmatter line belongs to, so a syntax error can still name its field."""
    for line in reversed(yaml_lines[: index + 1]):
        if not line.strip() or line[0] in " #":
            continue  # blank, comment or indented: part of the field that starts further up
        match = _TOP_LEVEL_KEY.match(line)
        return match.group(1) if match else ""
    return ""


def _parse_frontmatter(doc: SourceDocument, yaml_text: str, line_offset: int, max_values: int,
                       strings: dict[str, str] | None = None) -> None:
    yaml_lines = yaml_text.split("\n")
    tab_line = next((i for i, ln in enumerate(yaml_lines) if ln[: len(ln) - len(ln.lstrip())].count("\t")), None)
    if tab_line is not None:
        doc.diagnostics.append(_problem(doc, tab_line + 1 + line_offset, "the line is indented with a tab",
                                        "YAML only allows spaces for indentation; replace the tab with spaces",
                                        _field_of_line(yaml_lines, tab_line)))
        return
    loader = _CareersYamlLoader(yaml_text)
    loader.shared_strings = strings
    try:
        node = loader.get_single_node()
        if node is None:
            doc.diagnostics.append(_problem(doc, 1, "the frontmatter is empty", "add the fields between the '---' lines"))
            return
        if not isinstance(node, yaml.MappingNode):
            doc.diagnostics.append(_problem(doc, node.start_mark.line + 1 + line_offset,
                                            "the frontmatter must be a list of 'field: value' lines",
                                            "write one 'field: value' per line"))
            return
        if not _within_budget(doc, node, line_offset, max_values):
            return
        lines: dict[FieldPath, int] = {}
        _record_lines(doc, lines, node, (), line_offset, set())
        doc.lines = FieldLines(lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
            # An unclosed quote is only noticed at the end; point at where the quote was opened.
            mark = exc.context_mark
            problem = "a quoted value is never closed"
        runaway = _runaway_quote(yaml_lines, mark.line) if mark else None
        if runaway is not None and mark is not None:
            # A quote left open swallows the next lines until some later quote closes it; the parser only
            # stumbles further down. Point at where the quote was opened.
            problem = f"a quoted value is not closed on this line and runs on to line {mark.line + 1 + line_offset}"
            mark = yaml.Mark("", 0, runaway, 0, None, None)  # type: ignore[arg-type]  # stubs omit Optional buffer
        line = (mark.line + 1 + line_offset) if mark else 1
        field_name = _field_of_line(yaml_lines, mark.line) if mark else ""
        doc.diagnostics.append(_problem(doc, line, f"invalid YAML: {problem}", _yaml_hint(problem), field_name))
        return
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error we know of is marked
        doc.diagnostics.append(_problem(doc, 1, f"invalid YAML: {exc}", "check the frontmatter syntax"))
        return
    finally:
        loader.dispose()
    doc.data = data


_OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"-][^:]*:\s+)?(['"])(.*)$""")


def _runaway_quote(yaml_lines: list[str], error_index: int) -> int | None:
    """The line above a YAML error that opens a quote it does not close, if closing it there fixes the error."""
    for index in range(error_index - 1, -1, -1):
        match = _OPENING_QUOTE.match(yaml_lines[index])
        if not match:
            continue
        quote, rest = match.groups()
        rest = rest.replace("''", "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote in rest:
            return None  # the nearest quoted value is closed on its own line: not a runaway quote
        repaired = [*yaml_lines[:index], yaml_lines[index] + quote, *yaml_lines[index + 1 :]]
        try:
            yaml.compose("\n".join(repaired), Loader=_CareersYamlLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            return index if mark is not None and mark.line > error_index else None
        return index
    return None


def _yaml_hint(problem: str) -> str:
    if "never closed" in problem or "not closed on this line" in problem:
        return "add the closing quote at the end of the value"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Lead: Data\""
    if "found character" in problem and "cannot start any token" in problem:
        return "quote values that start with special characters such as @, ` or %"
    if "could not find expected ':'" in problem:
        return "each line needs 'field: value'; check the indentation and quotes on this line"
    if "undefined alias" in problem:
        return "a value starting with * is read as a YAML alias; put the value in quotes"
    if "constructor for the tag" in problem:
        return "a value starting with ! is read as a YAML tag; put the value in quotes"
    if "block sequence entries are not allowed" in problem or "mapping keys are not allowed" in problem:
        return "a value starting with '- ' or '? ' must be quoted; list items go on their own lines below the field"
    return "check quotes and indentation on this line and the one before"


# The same field paths (`outcomes.day_90[0]`, ...) occur in every file; sharing one tuple per path keeps
# the line index of a site with thousands of files small.
_SHARED_PATHS: dict[FieldPath, FieldPath] = {}


def _within_budget(doc: SourceDocument, root: yaml.MappingNode, offset: int, max_values: int) -> bool:
    """Refuse frontmatter that expands past `max_values` values through aliases, or whose aliases loop.

    YAML aliases (`*name`) reuse a node, so nine nested aliases describe a billion values in a few lines
    ("billion laughs"). The expanded size is counted per distinct node, once, without expanding anything.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def expanded(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise _AliasLoop(node)
        in_progress.add(key)
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(expanded(k) + expanded(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(expanded(item) for item in node.value)
        else:
            total = 1
        in_progress.discard(key)
        sizes[key] = min(total, max_values + 1)  # capped: the count itself must not grow without bound
        return sizes[key]

    for key_node, value_node in root.value:
        field_name = str(key_node.value)
        line = key_node.start_mark.line + 1 + offset
        try:
            size = expanded(value_node)
        except _AliasLoop as loop:
            doc.diagnostics.append(Diagnostic(doc.display_path, line, field_name, "the value contains itself "
                                              f"through a YAML alias (anchor on line {loop.node.start_mark.line + 1 + offset})",
                                              "write the value out instead of using &anchor and *alias", rule="limits"))
            return False
        except RecursionError:
            doc.diagnostics.append(Diagnostic(doc.display_path, line, field_name, "the value is nested too deeply",
                                              "write a flat list or a few levels of fields", rule="limits"))
            return False
        if size > max_values:
            doc.diagnostics.append(Diagnostic(
                doc.display_path, line, field_name, f"the value expands to more than {max_values:,} values "
                "through YAML aliases (&anchor / *alias)", "write the value out without aliases; a site that needs "
                "more can raise limits.max_yaml_values in mkdocs.yml", rule="limits"))
            return False
    return True


class _AliasLoop(Exception):
    def __init__(self, node: yaml.Node):
        super().__init__("alias loop")
        self.node = node


def _record_lines(doc: SourceDocument, lines: dict[FieldPath, int], node: yaml.Node, path: FieldPath, offset: int,
                  seen_nodes: set[int]) -> None:
    """Walk the composed YAML tree once: remember every field's line, and report duplicate keys.

    A node reached a second time is an alias: its field keeps the alias's line, and its inside is not walked
    again (the parts' lines are the anchor's; walking every copy would be exponential for nested aliases).
    """
    path = _SHARED_PATHS.setdefault(path, path)
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if id(node) in seen_nodes:
        if path:
            doc.diagnostics.append(Diagnostic(
                doc.display_path, lines[path], format_field_path(path), "the value is a copy of the one "
                f"anchored on line {node.start_mark.line + 1 + offset} (YAML alias)", "write the value out: the "
                "file then reads the same to people and tools that do not expand aliases", Severity.WARNING,
                rule="syntax"))
        return
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 1 + offset
            if key in seen:
                doc.diagnostics.append(
                    Diagnostic(path=doc.display_path, line=key_line, field=format_field_path(path + (key,)),
                               message=f"duplicate key (first defined on line {seen[key]})",
                               hint="remove one of the two; YAML would silently keep only the last", rule="syntax")
                )
                continue
            seen[key] = key_line
            child = _SHARED_PATHS.setdefault(path + (key,), path + (key,))
            lines[child] = key_line
            _record_lines(doc, lines, value_node, child, offset, seen_nodes)
            lines[child] = key_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(doc, lines, item, path + (index,), offset, seen_nodes)


def load_yaml(text: str) -> Any:
    """Parse a whole YAML document in the careers dialect (for data files shipped with the package)."""
    return yaml.load(text, Loader=_CareersYamlLoader)  # a SafeLoader subclass: no arbitrary objects
