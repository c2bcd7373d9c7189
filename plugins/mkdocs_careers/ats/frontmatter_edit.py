"""Round-trip edits of one content file's frontmatter: change a few top-level keys, leave every other byte.

Values are read in the careers YAML dialect (the same loader as the build, libyaml-fast) and each top-level
key's line comes from the composed node tree; every untouched key, comment and blank line is copied through
as text, so its formatting stays byte-identical whatever style the editor used. Changed keys are emitted by
ruamel.yaml; a changed key keeps the comment lines above it, and a mapping edited from the file's own
round-trip node (e.g. `apply` with a new `url`) keeps its comments and flow style, which ruamel carries.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..content.loading import load_yaml

_FENCE = re.compile(r"^---[ \t]*$")
_TRAILING_FILLER = re.compile(r"^(?:#.*)?\s*$")  # blank lines and column-0 comments: they head the next key


class FrontmatterError(ValueError):
    """The file has no frontmatter between two `---` lines, or its YAML does not parse."""


# libyaml's composer when PyYAML has it: locating the keys is most of a sync's time otherwise.
_Composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _dumper() -> YAML:
    """One round-trip emitter for every dump (building a YAML object costs more than a small dump)."""
    return _yaml()


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line the editor wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)  # `key:\n  - item`, the style of `careers new`
    yaml.allow_unicode = True
    return yaml


@dataclass
class Frontmatter:
    """A content file split into its frontmatter lines and its body; edits return a new text."""

    head: str  # the opening fence line
    lines: list[str]  # frontmatter lines, each with its newline
    fence: str  # the closing fence line
    body: str
    data: dict[str, Any]  # the frontmatter as the build reads it
    key_lines: dict[str, int]  # 0-based line of each top-level key within `lines`

    @classmethod
    def parse(cls, text: str) -> Frontmatter:
        all_lines = text.splitlines(keepends=True)
        if not all_lines or not _FENCE.match(all_lines[0].rstrip("\r\n")):
            raise FrontmatterError("the file does not start with a '---' line")
        for index in range(1, len(all_lines)):
            if _FENCE.match(all_lines[index].rstrip("\r\n")):
                lines = all_lines[1:index]
                source = "".join(lines)
                try:
                    data = load_yaml(source)
                    root = yaml.compose(source, Loader=_Composer)
                except yaml.YAMLError as exc:
                    raise FrontmatterError(f"the frontmatter is not valid YAML ({exc})") from None
                data = {} if data is None else data
                if not isinstance(data, dict) or not (root is None or isinstance(root, yaml.MappingNode)):
                    raise FrontmatterError("the frontmatter is not a mapping of fields")
                key_lines = {str(key.value): key.start_mark.line for key, _ in (root.value if root else [])}
                closing = all_lines[index] if all_lines[index].endswith("\n") else all_lines[index] + "\n"
                return cls(all_lines[0], lines, closing, "".join(all_lines[index + 1:]),
                           {str(k): v for k, v in data.items()}, key_lines)
        raise FrontmatterError("the frontmatter has no closing '---' line")

    def text(self) -> str:
        return self.head + "".join(self.lines) + self.fence + self.body

    def value(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def node(self, key: str) -> Any:
        """The key's round-trip node (its comments and flow style included), for edits that keep them."""
        if self._round_trip is None:
            self._round_trip = _yaml().load("".join(self.lines))
        return self._round_trip.get(key)

    _round_trip: CommentedMap | None = None

    def line_of(self, key: str) -> int:
        """1-based line of a key in the whole file (the opening fence is line 1)."""
        return self.key_lines[key] + 2 if key in self.key_lines else 1

    # --- edits: each returns the whole new text (parse it again for further edits) ----------------------
    def with_values(self, changes: dict[str, Any], order: list[str]) -> str:
        """Each key of `changes` set to its value (plain data or a ruamel node), in one pass over the lines.

        A key the file lacks goes right after the last key before it in `order` that the file has (or at
        the end); the lines of every other key, and the comment lines above changed keys, stay as they are.
        """
        operations: list[tuple[int, int, int, list[str]]] = []  # (position, kind, end, lines): replace=1, insert=0
        blocks = _dump_each(changes)
        for rank, key in enumerate(changes):
            block = blocks[key]
            if key in self.key_lines:
                start, end = self._span(key)
                operations.append((start, 1, end, block))
            else:
                before = order[:order.index(key)] if key in order else order
                anchors = [k for k in before if k in self.key_lines]
                position = self._span(anchors[-1])[1] if anchors else self._end_of_content()
                operations.append((position, 0, -rank, block))
        lines = list(self.lines)
        # From the bottom up, so earlier positions stay valid; at one position, replace before inserting, and
        # insert later keys first so that they end up in `changes` order.
        for position, kind, end, block in sorted(operations, key=lambda op: (op[0], op[1], op[2]), reverse=True):
            lines[position:end if kind else position] = block
        return self.head + "".join(lines) + self.fence + self.body

    def with_body(self, body: str) -> str:
        return self.head + "".join(self.lines) + self.fence + body

    def _span(self, key: str) -> tuple[int, int]:
        """Lines [start, end) of a top-level key and its value, without the blank or comment lines after it."""
        start = self.key_lines[key]
        later = [line for line in self.key_lines.values() if line > start]
        end = min(later) if later else len(self.lines)
        while end > start + 1 and _TRAILING_FILLER.match(self.lines[end - 1]):
            end -= 1
        return start, end

    def _end_of_content(self) -> int:
        end = len(self.lines)
        while end > 0 and not self.lines[end - 1].strip():
            end -= 1
        return end


def _dump_each(changes: dict[str, Any]) -> dict[str, list[str]]:
    """The YAML lines of each changed key, from one dump of them all (a dump per key costs as much as one of all):
    the output is cut where the next key, in `changes` order, starts a line at column 0."""
    stream = io.StringIO()
    _dumper().dump(_node(changes), stream)
    keys = list(changes)
    blocks: dict[str, list[str]] = {key: [] for key in keys}
    position = -1
    for line in stream.getvalue().splitlines(keepends=True):
        if position + 1 < len(keys) and line.startswith(f"{keys[position + 1]}:"):
            position += 1
        blocks[keys[max(position, 0)]].append(line)
    return blocks


def _node(value: Any) -> Any:
    """Plain dicts as ruamel maps (keeps key order); ruamel nodes are kept as they are (with their comments)."""
    if isinstance(value, CommentedMap | CommentedSeq):
        return value
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _node(item)
        return node
    if isinstance(value, list):
        return CommentedSeq(_node(item) for item in value)
    return value


def plain(value: Any) -> Any:
    """ruamel's round-trip types as plain Python: dicts, lists, str, int, float, bool, date."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    return value
