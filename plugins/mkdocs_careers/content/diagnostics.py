"""Content problems as data: one `Diagnostic` per problem, formatted as `file:line: field: message`.

Everything that can go wrong with an editor's file ends up here, so the plugin, the CLI and
the tests all report problems the same way and never show a Python traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, pointing at the line and the frontmatter field to change."""

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    rule: str = "schema"

    def format(self) -> str:
        where = f"{self.path}:{self.line}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


@dataclass
class ContentError(Exception):
    """Raised when content has errors; carries every diagnostic, never a traceback for the editor."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        count = len(self.diagnostics)
        lines = "\n".join(f"  {d.format()}" for d in self.diagnostics)
        super().__init__(f"{count} content error{'s' if count != 1 else ''}:\n{lines}")


def display_path(path: Path, root: Path | None) -> str:
    """Paths relative to the project root read better in messages and match GitHub annotations."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


class FieldProblem(ValueError):
    """A field validator's error with a hint of its own; validation.py turns it into the diagnostic's hint."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint
