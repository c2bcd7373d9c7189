"""Texts a build needs again later, kept in an anonymous temporary file instead of in memory.

Each open role's job-board description is collected while its page renders and read again when the feeds are
written after the last page: at 10,000 roles holding them all was tens of megabytes for the whole page loop.
The file has no name (it disappears when closed or when the process ends) and is never part of the site.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from typing import IO


class TextSpool:
    """Append-only: `keep(text)` writes the text and returns how to read it back."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()
        self._end = 0

    def keep(self, text: str) -> Callable[[], str]:
        data = text.encode("utf-8")
        self._file.seek(self._end)
        self._file.write(data)
        start, self._end = self._end, self._end + len(data)
        return functools.partial(self._read, start, len(data))

    def _read(self, start: int, length: int) -> str:
        self._file.seek(start)
        return self._file.read(length).decode("utf-8")

    def close(self) -> None:
        self._file.close()
