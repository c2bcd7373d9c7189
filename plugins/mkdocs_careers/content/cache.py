"""Loaded and validated content files, kept between loads so a rebuild re-parses only what changed.

`load_site(settings, cache=...)` asks the cache for every file. A file whose size and modification time
are unchanged is not read again; one whose stat changed is read and hashed, and only re-parsed and
re-validated when its bytes changed (an editor saving without a change costs one read). The preview
server (`mkdocs serve`) keeps one cache for its whole life, so editing one role re-parses one file.
The cache also says which files changed in the last load, which the preview uses to rebuild only the
pages that show them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .body_html import neutralize_document, unclosed_comment_problem
from .diagnostics import Diagnostic, Severity
from .loading import SourceDocument, parse_document
from .safety import ContentLimits
from .validation import partial_model, validate_document


@dataclass
class LoadedFile:
    """One content file as parsed and validated: the document, its model (None if invalid) and problems."""

    signature: tuple[int, int]  # (st_mtime_ns, st_size): unchanged means the file was not touched
    digest: str
    doc: SourceDocument
    model: Any | None
    problems: list[Diagnostic]
    draft: bool = False  # the frontmatter says `draft: true` (read before the raw data is dropped)
    partial: Any | None = None  # when validation failed: the fields that did validate (validation.partial_model)

    @property
    def unparsable(self) -> bool:
        """The file has syntax errors (YAML, encoding, fences), so it was not validated against its model."""
        return any(d.severity is Severity.ERROR for d in self.doc.diagnostics)


@dataclass
class LoadStats:
    parsed: list[Path] = field(default_factory=list)  # read and parsed in the last load (new or changed)
    reused: int = 0  # taken from the cache unchanged
    removed: list[Path] = field(default_factory=list)  # cached before, gone now


class ContentCache:
    """Parsed and validated content files by path, reused while their bytes do not change."""

    def __init__(self) -> None:
        self._files: dict[tuple[Path, str, type, ContentLimits, bool, frozenset[str]], LoadedFile] = {}
        self._seen: set[tuple[Path, str, type, ContentLimits, bool, frozenset[str]]] = set()
        self.stats = LoadStats()
        # Values shared by the files parsed in one load (loading._construct_str); dropped when the load ends.
        self._strings: dict[str, str] = {}

    def begin(self) -> None:
        """Start a load: statistics and the set of files seen are reset."""
        self._seen = set()
        self.stats = LoadStats()
        self._strings = {}

    def load(self, path: Path, display_path: str, slug: str, model_cls: type, *, limits: ContentLimits,
             neutralize: bool, allowed_classes: frozenset[str] = frozenset()) -> LoadedFile:
        """The file parsed within `limits`, its body made safe when `neutralize` (no raw HTML), and validated."""
        key = (path, display_path, model_cls, limits, neutralize, allowed_classes)
        self._seen.add(key)
        cached = self._files.get(key)
        stat = path.stat()
        signature = (stat.st_mtime_ns, stat.st_size)
        if cached is not None and cached.signature == signature:
            self.stats.reused += 1
            return cached
        with path.open("rb") as handle:  # never more than a file may hold: parse_document refuses the rest
            raw = handle.read(limits.max_file_bytes + 1)
        digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
        if cached is not None and cached.digest == digest:
            cached.signature = signature  # saved without a change: nothing to parse
            self.stats.reused += 1
            return cached
        doc = parse_document(path, display_path, slug, limits, raw=raw, strings=self._strings)
        comment = unclosed_comment_problem(doc.body, doc.display_path, doc.body_line)  # before the HTML is cleaned
        if neutralize:  # every output (page, copies, JobPosting) gets the safe body
            neutralize_document(doc, allowed_classes)
        loaded = LoadedFile(signature=signature, digest=digest, doc=doc, model=None, problems=[],
                            draft=doc.data.get("draft") is True)
        if not loaded.unparsable:
            loaded.model, loaded.problems = validate_document(doc, model_cls)
            if loaded.model is None:
                loaded.partial = partial_model(doc, model_cls, loaded.problems)
            else:
                doc.data = {}  # the model holds the values now; the raw YAML copy would double big sites' memory
            loaded.problems += [comment] if comment is not None else []
        self._files[key] = loaded
        self.stats.parsed.append(path)
        return loaded

    def end(self) -> None:
        """Finish a load: forget files that were not asked for (deleted or renamed)."""
        self._strings = {}  # the models keep the strings; the lookup table is only needed while parsing
        gone = [key for key in self._files if key not in self._seen]
        for key in gone:
            del self._files[key]
        self.stats.removed = sorted({key[0] for key in gone})
