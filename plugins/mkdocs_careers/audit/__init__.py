"""`careers audit`: does the built site keep every fact through AI-style extraction, and does each candidate
question retrieve a passage that answers it? Reads the built `site/` and the content (an adapter, like cli/)."""

from __future__ import annotations

from .build import BuildFailed, build_site
from .extraction import MODES, Mode
from .question_bank import QuestionBank, load_bank
from .report import AuditReport, text_report
from .runner import ContentErrors, run_audit

__all__ = ["MODES", "AuditReport", "BuildFailed", "ContentErrors", "Mode", "QuestionBank", "build_site",
           "load_bank", "run_audit", "text_report"]
