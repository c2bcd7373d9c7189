"""The audit's results: fact recall and answerability per page, per question type and for the site, as a
JSON-ready dict and as text for people."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import Mode
from .facts import HTML, MARKDOWN, ExpectedFact
from .retrieval import Ranked, Verdict


@dataclass(frozen=True)
class FactCheck:
    fact: ExpectedFact
    source: str  # "html" (trafilatura's text of the page) or "markdown" (the .md copy)
    kept: bool


@dataclass
class PageAudit:
    page: str  # site-relative URL path
    url: str
    kind: str  # role, person, case_study
    name: str
    file_found: bool = True
    copy_found: bool | None = None  # None: Markdown copies are switched off
    permalink_glyphs: int = 0  # "¶" left in the extracted text by heading permalinks
    checks: list[FactCheck] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def lost(self) -> list[FactCheck]:
        return [c for c in self.checks if not c.kept]

    @property
    def fact_recall(self) -> float:
        return _share(sum(c.kept for c in self.checks), len(self.checks))

    @property
    def answerability(self) -> float:
        return _share(sum(v.answered for v in self.verdicts), len(self.verdicts))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass
class AuditReport:
    site_dir: str
    mode: Mode
    build_date: str
    min_fact_recall: float
    min_answerability: float
    pages: list[PageAudit]
    indexed_pages: int
    passages: int
    built: bool = False  # built by this run (into site_dir, which is gone afterwards when it was temporary)

    @property
    def checks(self) -> list[FactCheck]:
        return [c for p in self.pages for c in p.checks]

    @property
    def verdicts(self) -> list[Verdict]:
        return [v for p in self.pages for v in p.verdicts]

    @property
    def fact_recall(self) -> float:
        checks = self.checks
        return _share(sum(c.kept for c in checks), len(checks))

    @property
    def answerability(self) -> float:
        verdicts = self.verdicts
        return _share(sum(v.answered for v in verdicts), len(verdicts))

    @property
    def passed(self) -> bool:
        # Rounded like the report prints them, so "100.0%" never fails a 1.0 threshold on a float's last bit.
        return (round(self.fact_recall, 6) >= self.min_fact_recall
                and round(self.answerability, 6) >= self.min_answerability)

    def by_type(self) -> list[dict[str, Any]]:
        groups: dict[str, list[Verdict]] = defaultdict(list)
        for verdict in self.verdicts:
            groups[verdict.question.type_id].append(verdict)
        rows = []
        for type_id, verdicts in groups.items():
            answered = sum(v.answered for v in verdicts)
            reasons: dict[str, int] = defaultdict(int)
            for verdict in verdicts:
                if not verdict.answered:
                    reasons[verdict.reason] += 1
            rows.append({"type": type_id, "questions": len(verdicts), "answered": answered,
                         "answerability": _share(answered, len(verdicts)), "failures": dict(sorted(reasons.items()))})
        return rows

    def as_dict(self) -> dict[str, Any]:
        checks, verdicts = self.checks, self.verdicts
        return {
            "site_dir": self.site_dir,
            "built": self.built,
            "mode": self.mode,
            "build_date": self.build_date,
            "thresholds": {"min_fact_recall": self.min_fact_recall, "min_answerability": self.min_answerability},
            "summary": {
                "passed": self.passed,
                "fact_recall": self.fact_recall,
                "facts_checked": len(checks),
                "facts_lost": sum(not c.kept for c in checks),
                "answerability": self.answerability,
                "questions": len(verdicts),
                "answered": sum(v.answered for v in verdicts),
                "audited_pages": len(self.pages),
                "indexed_pages": self.indexed_pages,
                "passages": self.passages,
            },
            "pages": [_page_dict(p) for p in self.pages],
            "question_types": self.by_type(),
            "failures": [_verdict_dict(v) for v in verdicts if not v.answered],
        }


def _page_dict(page: PageAudit) -> dict[str, Any]:
    def source(name: str) -> dict[str, Any]:
        checks = [c for c in page.checks if c.source == name]
        return {"checked": len(checks), "kept": sum(c.kept for c in checks),
                "lost": [{"key": c.fact.key, "fact": c.fact.label, "shown": c.fact.shown} for c in checks
                         if not c.kept]}

    return {"page": page.page, "url": page.url, "kind": page.kind, "name": page.name,
            "file_found": page.file_found, "copy_found": page.copy_found,
            "fact_recall": page.fact_recall, "answerability": page.answerability,
            "questions": len(page.verdicts), "answered": sum(v.answered for v in page.verdicts),
            "permalink_glyphs": page.permalink_glyphs,
            "facts": {HTML: source(HTML), MARKDOWN: source(MARKDOWN)}}


def _ranked_dict(ranked: Ranked | None) -> dict[str, Any] | None:
    if ranked is None:
        return None
    return {"page": ranked.passage.page, "heading": ranked.passage.heading, "rank": ranked.rank,
            "score": round(ranked.score, 4), "text": ranked.passage.preview(60)}


def _verdict_dict(verdict: Verdict) -> dict[str, Any]:
    question = verdict.question
    return {"question": question.text, "type": question.type_id, "page": question.page,
            "subject": question.subject, "reason": verdict.reason,
            "expected_answer": [fact.shown for fact in question.answers], "match": question.match,
            "winner": _ranked_dict(verdict.winner), "expected": _ranked_dict(verdict.expected)}


REASON_TEXT = {
    "wrong-page": "another page's passage won",
    "right-page-without-answer": "a passage of the right page won, but not one holding the answer",
    "answer-not-on-page": "no passage of the page holds the answer (lost in extraction, or split apart)",
}


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def text_report(report: AuditReport, *, failures: int | None = None) -> list[str]:
    """The report for people: per page, per question type, the failing questions, then the verdict."""
    built = "built now, " if report.built else ""
    lines = [f"Audit of {report.site_dir} ({built}{report.mode} passages, build date {report.build_date})", "",
             "Per page (fact recall: trafilatura text and .md copy; answerability: top-1 BM25 passage):"]
    width = max((len(p.page) for p in report.pages), default=4)
    for page in report.pages:
        lines.append(f"  {page.page.ljust(width)}  facts {_percent(page.fact_recall):>6}  "
                     f"answers {_percent(page.answerability):>6} ({sum(v.answered for v in page.verdicts)}/"
                     f"{len(page.verdicts)})" + (f"  ¶ ×{page.permalink_glyphs}" if page.permalink_glyphs else ""))
        if not page.file_found:
            lines.append("      page not found in the built site")
        if page.copy_found is False:
            lines.append("      Markdown copy not found")
        for check in page.lost:
            where = "trafilatura text" if check.source == HTML else ".md copy"
            lines.append(f"      lost in {where}: {check.fact.label}: {check.fact.shown}")
    lines += ["", "Per question type:"]
    for row in sorted(report.by_type(), key=lambda r: (r["answerability"], r["type"])):
        lines.append(f"  {row['type']:<22} {_percent(row['answerability']):>6} ({row['answered']}/{row['questions']})")
    failed = [v for v in report.verdicts if not v.answered]
    if failed:
        shown = failed if failures is None else failed[:failures]
        lines += ["", f"Questions whose top-1 passage does not answer them ({len(failed)}):"]
        for verdict in shown:
            question = verdict.question
            lines.append(f"  [{question.type_id}] {question.text}  ({question.page})")
            lines.append(f"      why: {REASON_TEXT[verdict.reason]}")
            if verdict.winner is not None:
                lines.append(f"      won: {verdict.winner.passage.page} “{verdict.winner.passage.preview(14)}”")
            if verdict.expected is not None:
                lines.append(f"      expected (rank {verdict.expected.rank}): “{verdict.expected.passage.preview(14)}”")
            else:
                lines.append(f"      expected answer: {'; '.join(f.shown for f in question.answers)[:160]}")
        if len(shown) < len(failed):
            lines.append(f"  … {len(failed) - len(shown)} more (use --json for all)")
    checks, verdicts = report.checks, report.verdicts
    lines += ["",
              f"Fact recall:   {_percent(report.fact_recall)} ({sum(c.kept for c in checks)}/{len(checks)} facts kept; "
              f"threshold {_percent(report.min_fact_recall)})",
              f"Answerability: {_percent(report.answerability)} ({sum(v.answered for v in verdicts)}/{len(verdicts)} "
              f"questions answered top-1; threshold {_percent(report.min_answerability)})",
              "PASS" if report.passed else "FAIL: below the threshold"]
    return lines
