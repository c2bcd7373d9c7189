"""`careers audit`: does the built site keep every fact through AI-style extraction, and does each candidate
question retrieve a passage that answers it? Reads the built `site/` and the content (an adapter, like cli/).

Only the passage modes live here: the CLI imports the heavy parts (trafilatura, bm25s, numpy) when the audit
runs, so other `careers` commands start as fast as before.
"""

from __future__ import annotations

from typing import Literal

Mode = Literal["headings", "windows"]
MODES: tuple[Mode, ...] = ("headings", "windows")
