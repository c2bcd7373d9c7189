"""Where the editors' own pages (free pages, index intro texts) came from, for the sitemap's lastmod.

A declared `updated`/`date` that is not a date is a located diagnostic, like any other content problem.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from ..content.diagnostics import Diagnostic
from ..content.source_dates import DeclaredDateError, declared_date
from ..outputs import PageSource


def page_source(page_path: str, file: File, project_root: Path) -> PageSource | Diagnostic:
    """The page's source file and its declared date, or the diagnostic for a date that is not one."""
    text = file.content_string
    meta = file.page.meta if file.page is not None else get_data(text)[1]
    path = Path(file.abs_src_path) if file.abs_src_path else None
    try:
        declared = declared_date(meta)
    except DeclaredDateError as exc:
        line = next((number for number, content in enumerate(text.splitlines(), start=1)
                     if re.match(rf"{exc.field}\s*:", content)), 1)
        shown = os.path.relpath(path, project_root) if path is not None else file.src_uri
        return Diagnostic(shown, line, exc.field, f"'{exc.value}' is not a date",
                          hint="write it as YYYY-MM-DD, e.g. 2026-11-25")
    return PageSource(page_path, path, declared)
