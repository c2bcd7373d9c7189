"""Runs the audit on a built site: fact recall per page, then every question of the bank against one BM25
index of all indexable pages' passages."""

from __future__ import annotations

from pathlib import Path

from ..content.diagnostics import Diagnostic
from ..content.settings import CareersSettings
from ..content.site import load_site
from ..lint import lint_site
from ..render.markdown import markdown_copy_path
from . import Mode
from .extraction import ExtractedPage, extract_site, html_file_of, page_path_of
from .facts import HTML, MARKDOWN, ExpectedFact, audited_entries, entry_facts
from .question_bank import QuestionBank, load_bank, placeholder_values, questions_for
from .report import AuditReport, FactCheck, PageAudit
from .retrieval import PassageIndex
from .text import markdown_as_text, mentions, normalize

PERMALINK_GLYPH = "¶"


class ContentErrors(Exception):
    """The content has errors, so there are no trustworthy facts to audit (the build would fail too)."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} content error(s)")
        self.diagnostics = diagnostics


def fact_checks(facts: list[ExpectedFact], source: str, text: str | None) -> list[FactCheck]:
    """Which facts meant for `source` survive in `text` (None: the file is missing, so every fact is lost)."""
    normalized = normalize(text) if text is not None else None
    return [FactCheck(fact, source, normalized is not None and mentions(normalized, fact.forms))
            for fact in facts if source in fact.sources]


def run_audit(settings: CareersSettings, site_dir: Path, mode: Mode = "headings", *,
              bank: QuestionBank | None = None, min_fact_recall: float | None = None,
              min_answerability: float | None = None) -> AuditReport:
    site = lint_site(load_site(settings))
    if site.errors:
        raise ContentErrors(site.errors)
    bank = bank or load_bank()
    extracted = {page.page: page for page in extract_site(site_dir, settings.site_url)}
    # Answer engines do not quote noindex pages (closed roles), so those pages do not compete either.
    indexed = [page for page in extracted.values() if not page.noindex]
    index = PassageIndex([passage for page in indexed for passage in page.passages(mode)])
    copies = settings.outputs.llms_txt.markdown_copies

    audits = []
    for entry in audited_entries(site):
        page_path = page_path_of(html_file_of(entry.page_path, settings.use_directory_urls))
        page: ExtractedPage | None = extracted.get(page_path)
        facts = entry_facts(entry, site)
        audit = PageAudit(page_path, site.url(entry.page_path), entry.kind.name, entry.model.display_name,
                          file_found=page is not None)
        audit.checks += fact_checks(facts, HTML, page.text if page is not None else None)
        if page is not None:
            audit.permalink_glyphs = page.text.count(PERMALINK_GLYPH)
        if copies:
            copy = site_dir / markdown_copy_path(entry.page_path)
            audit.copy_found = copy.is_file()
            markdown = markdown_as_text(copy.read_text(encoding="utf-8")) if audit.copy_found else None
            audit.checks += fact_checks(facts, MARKDOWN, markdown)
        values = placeholder_values(entry, site)
        audit.verdicts = [index.ask(q) for q in questions_for(bank, entry, page_path, facts, values)]
        audits.append(audit)
    return AuditReport(
        site_dir=str(site_dir), mode=mode, build_date=site.build_date.isoformat(),
        min_fact_recall=settings.audit.min_fact_recall if min_fact_recall is None else min_fact_recall,
        min_answerability=settings.audit.min_answerability if min_answerability is None else min_answerability,
        pages=audits, indexed_pages=len(indexed), passages=len(index.passages))
