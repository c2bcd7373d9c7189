"""Fact recall of `careers audit` on a real build of the small fixture site: a fact that trafilatura drops from
the page (or that the .md copy lacks) is reported by name and value; a fact that survives is not."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import PINNED_EPOCH, run_build
from mkdocs_careers.audit.extraction import extract_page
from mkdocs_careers.audit.facts import MARKDOWN, ExpectedFact
from mkdocs_careers.audit.report import text_report
from mkdocs_careers.audit.runner import fact_checks, run_audit
from mkdocs_careers.cli import load_settings

ROLE_PAGE = "roles/data-lead/"
POSTED = "November 1, 2026"  # the fixture role's date_posted as the page labels it
APPLY_URL = "https://jobs.example.com/apply/data-lead"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("audit-facts") / "project"
    shutil.copytree(Path(__file__).parent / "fixtures" / "minimal", project)
    result = run_build(project)
    assert result.returncode == 0, result.output
    return project


@pytest.fixture
def settings(built, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    return load_settings(built / "mkdocs.yml", None)


def copy_site(built: Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    return site


def role_audit(report):
    return next(page for page in report.pages if page.page == ROLE_PAGE)


def lost(page, source: str) -> dict[str, str]:
    return {check.fact.label: check.fact.shown for check in page.lost if check.source == source}


def test_facts_that_survive_extraction_are_not_reported(built, settings):
    page = role_audit(run_audit(settings, built / "site"))
    kept = {check.fact.label for check in page.checks if check.kept}
    assert {"title", "salary min", "salary max", "currency", "location 1 city", "location 1 country", "workplace",
            "employment type", "posting date", "closing date", "90-day outcome 1", "must-have 1"} <= kept
    assert {c.source for c in page.checks if c.fact.label == "posting date" and c.kept} == {"html", "markdown"}
    assert "posting date" not in lost(page, "html")


def audit_after_editing(built, settings, tmp_path, file: str, change):
    """The role page's audit on the build as it is, and the whole report once `change` rewrote one file of a copy."""
    before = role_audit(run_audit(settings, built / "site"))
    site = copy_site(built, tmp_path)
    path = site / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return before, run_audit(settings, site)


def wrap_in_time(html: str) -> str:
    """Crafted page: the same visible date, but inside <time> (which trafilatura deletes with its text)."""
    assert POSTED in html
    parts = re.split(r"(<script\b.*?</script>)", html, flags=re.S)  # JSON-LD keeps its strings as they are
    crafted = "".join(part if part.startswith("<script") else
                      part.replace(POSTED, f'<time datetime="2026-11-01">{POSTED}</time>') for part in parts)
    assert crafted.count("<time") >= 1
    return crafted


def test_a_date_inside_a_time_element_is_dropped_by_trafilatura_and_reported(built, settings, tmp_path):
    before, report = audit_after_editing(built, settings, tmp_path, f"{ROLE_PAGE}index.html", wrap_in_time)
    page = role_audit(report)
    assert lost(page, "html") == {**lost(before, "html"), "posting date": POSTED}
    assert "posting date" not in lost(page, "markdown")  # the .md copy still has it
    assert page.fact_recall < 1 and report.fact_recall < 1 and not report.passed
    assert f"      lost in trafilatura text: posting date: {POSTED}" in text_report(report)
    json_page = next(p for p in report.as_dict()["pages"] if p["page"] == ROLE_PAGE)
    assert {"key": "date_posted", "fact": "posting date", "shown": POSTED} in json_page["facts"]["html"]["lost"]


def drop_apply_url(markdown: str) -> str:
    assert APPLY_URL in markdown
    return markdown.replace(APPLY_URL, "https://jobs.example.com/")


def test_a_markdown_copy_without_the_apply_url_is_reported(built, settings, tmp_path):
    before, report = audit_after_editing(built, settings, tmp_path, f"{ROLE_PAGE}index.md", drop_apply_url)
    page = role_audit(report)
    assert lost(page, MARKDOWN) == {**lost(before, MARKDOWN), "apply URL": APPLY_URL}
    assert "apply URL" not in {c.fact.label for c in page.checks if c.source == "html"}  # a .md-copy-only fact


def test_a_missing_page_loses_every_fact(built, settings, tmp_path):
    site = copy_site(built, tmp_path)
    (site / ROLE_PAGE / "index.html").unlink()
    page = role_audit(run_audit(settings, site))
    assert not page.file_found
    assert lost(page, "html") and all(not c.kept for c in page.checks if c.source == "html")


def test_facts_match_whole_values_only():
    text = "Cut the median time from 12 days to 3 days. Paid £195,000 a year."
    page = extract_page(f"<html><body><article><h1>Role</h1><p>{text}</p><p>{text}</p></article></body></html>",
                        "roles/x/index.html")
    facts = [ExpectedFact("a", "two days", ("2 days",)), ExpectedFact("b", "pay", ("£95,000",)),
             ExpectedFact("c", "three days", ("3 days",))]
    assert {c.fact.label: c.kept for c in fact_checks(facts, "html", page.text)} == {
        "two days": False, "pay": False, "three days": True}
