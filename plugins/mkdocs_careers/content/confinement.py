"""Keeping a build inside its repository: no content file, folder or image may lead outside the project root.

A pull request can add a symbolic link (`roles/x.md -> /etc/passwd`, `people -> /home/runner/.ssh`); a build
that follows it publishes whatever it points at. Every path the careers core reads is checked here first: it
must resolve inside the project root, and it must not be a symbolic link at all unless `allow_symlinks: true`
is set (then links inside the project are followed, links leading out are still refused).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic

RULE = "confinement"
_ALLOW_HINT = "set allow_symlinks: true under the careers plugin in mkdocs.yml to follow links inside the project"


@dataclass(frozen=True)
class Escape:
    """Why a path may not be read: the message and the hint of its diagnostic."""

    message: str
    hint: str


def path_escape(path: Path, root: Path, *, allow_symlinks: bool) -> Escape | None:
    """None when `path` may be read: it resolves inside `root` and, unless allowed, passes through no symlink.

    Both sides are compared as written and as resolved, so a project that itself lives under a symlinked
    folder (macOS /tmp) is fine while a link inside the project is noticed.
    """
    written_root, real_root = Path(os.path.abspath(root)), Path(os.path.realpath(root))
    written, real = Path(os.path.abspath(path)), Path(os.path.realpath(path))
    try:
        inside = real.relative_to(real_root)
    except ValueError:
        how = "is a symbolic link that leads" if written != real else "is"
        return Escape(f"{how} outside the project (to {real}), so it is not read",
                      "content must be a real file inside the repository; remove the link or copy the file in")
    try:
        as_written = written.relative_to(written_root)
    except ValueError:
        return Escape(f"is outside the project ({written}), so it is not read",
                      "keep content inside the folder of mkdocs.yml")
    if inside != as_written and not allow_symlinks:
        return Escape(f"is a symbolic link (to {inside.as_posix()}), so it is not read",
                      f"replace the link with the file itself, or {_ALLOW_HINT}")
    return None


@dataclass
class FolderScan:
    """The entries of one content folder that may be read, and a located problem for each refused one."""

    entries: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def scan_folder(folder: Path, root: Path, shown_folder: str, *, allow_symlinks: bool) -> FolderScan:
    """List `folder` (hidden names skipped), refusing the folder or any entry that escapes `root`.

    Only the folder and the entries that are links are resolved: one `scandir` serves thousands of files.
    """
    scan = FolderScan()
    if not os.path.lexists(folder):
        return scan
    escape = path_escape(folder, root, allow_symlinks=allow_symlinks)
    if escape is not None:
        scan.diagnostics.append(Diagnostic(shown_folder, 1, "", f"the folder {escape.message}", escape.hint,
                                           rule=RULE))
        return scan
    if not folder.is_dir():
        return scan
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                escape = path_escape(path, root, allow_symlinks=allow_symlinks)
                if escape is not None:
                    scan.diagnostics.append(Diagnostic(f"{shown_folder}/{entry.name}", 1, "", escape.message,
                                                       escape.hint, rule=RULE))
                    continue
                if not path.exists():
                    scan.diagnostics.append(Diagnostic(f"{shown_folder}/{entry.name}", 1, "",
                                                       "is a symbolic link to nothing", "remove the link",
                                                       rule=RULE))
                    continue
            scan.entries.append(path)
    scan.entries.sort()
    return scan
