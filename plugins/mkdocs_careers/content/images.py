"""Checking image references (a person's `image`): an https URL, or an image file that exists inside docs_dir.

A missing file would publish a broken `<img>`, an `og:image` and JSON-LD pointing at a 404; a path that leads
out of the repository (`../../etc/passwd`, a symlink) must never be read or published; a text file renamed
`.jpg` is no photo. Each problem is a message and a hint for a located diagnostic.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path, PurePosixPath

from .confinement import path_escape

# Leading bytes of each raster format browsers show; SVG is XML text and is recognised by its root element.
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (b"ftypavif", b"ftypavis"),
}
IMAGE_SUFFIXES = (*_SIGNATURES, ".svg")


def is_remote(reference: str) -> bool:
    return reference.startswith(("https://", "http://"))


def local_image_problem(reference: str, docs_dir: Path, root: Path, *, allow_symlinks: bool) -> tuple[str, str] | None:
    """(message, hint) when a local image path cannot be published as an image, else None."""
    docs_name = docs_dir.name
    relative = PurePosixPath(reference.lstrip("/"))
    target = Path(os.path.normpath(docs_dir / relative))
    escape = path_escape(target, root, allow_symlinks=allow_symlinks)
    if escape is not None:
        return f"'{reference}' {escape.message}", escape.hint
    escape = path_escape(target, docs_dir, allow_symlinks=True)  # inside the project, but is it published?
    if escape is not None:
        return (f"'{reference}' is outside {docs_name}/, so it would not be published",
                f"put the photo in {docs_name}/assets/people/ and write assets/people/<file>")
    if not target.is_file():
        return f"there is no file '{reference}' in {docs_name}/", _nearby_hint(target, docs_dir)
    suffix = target.suffix.casefold()
    if suffix not in IMAGE_SUFFIXES:
        return (f"'{reference}' is not an image file (it ends in '{target.suffix or 'no extension'}')",
                f"use a photo in one of these formats: {', '.join(IMAGE_SUFFIXES)}")
    if not _content_matches(target, suffix):
        return (f"'{reference}' does not hold {suffix[1:].upper()} image data",
                "export the photo again from an image editor, or fix its file extension")
    return None


def _content_matches(path: Path, suffix: str) -> bool:
    with path.open("rb") as handle:
        head = handle.read(512)
    if suffix == ".svg":
        text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
        return text.startswith("<") and "<svg" in head.decode("utf-8", errors="replace")
    if suffix == ".avif":
        return head[4:12] in _SIGNATURES[suffix]
    if suffix == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return head.startswith(_SIGNATURES[suffix])


def _nearby_hint(target: Path, docs_dir: Path) -> str:
    folder = target.parent
    if folder.is_dir() and folder.resolve().is_relative_to(docs_dir.resolve()):
        names = sorted(p.name for p in folder.iterdir() if p.suffix.casefold() in IMAGE_SUFFIXES)
        close = difflib.get_close_matches(target.name, names, n=1, cutoff=0.6)
        if close:
            shown = target.parent.relative_to(docs_dir).as_posix()
            return f"did you mean '{shown}/{close[0]}'?"
    return f"add the photo to {docs_dir.name}/ (e.g. {docs_dir.name}/assets/people/) or use an https URL"
