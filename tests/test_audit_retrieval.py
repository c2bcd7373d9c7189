"""BM25 top-1 scoring of `careers audit` on a small synthetic site whose right and wrong passages are known:
trafilatura extracts the pages, passages are cut at headings (or into windows), every page competes."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_careers.audit.extraction import extract_site, is_noindex, window_passages
from mkdocs_careers.audit.facts import ExpectedFact
from mkdocs_careers.audit.question_bank import Question
from mkdocs_careers.audit.retrieval import PassageIndex

FILLER = ("The team plans its work in writing, reviews designs together and keeps a short weekly meeting so "
          "that everybody knows what the others are doing and why it matters to the customers we serve.")

PAGES = {
    "roles/alpha/index.html": ("Alpha Engineer", [
        ("What the Alpha Engineer is paid", "The Alpha Engineer is paid £90,000 a year in base salary."),
        ("Who the Alpha Engineer reports to", "The Alpha Engineer reports to Kim Lee, the Head of Platform."),
        ("Where the Alpha Engineer career ladder leads", "Alpha Engineer, then Senior Alpha Engineer, then Staff."),
    ]),
    "roles/beta/index.html": ("Beta Analyst", [
        ("What the Beta Analyst is paid", "The Beta Analyst salary is £60,000 a year in base salary."),
        ("Who the Beta Analyst reports to", "The Beta Analyst reports to Ola Berg, the Head of Analytics."),
    ]),
    "benefits/index.html": ("Benefits", [
        ("How much vacation do employees get", "Everybody gets 28 days of paid vacation plus public holidays."),
    ]),
    "roles/closed/index.html": ("Gamma Lead", [
        ("What the Gamma Lead was paid", "The Gamma Lead was paid £70,000 a year."),
    ]),
}


def page_html(title: str, sections: list[tuple[str, str]], noindex: bool = False) -> str:
    robots = '<meta name="robots" content="noindex">' if noindex else ""
    body = "".join(f"<h2>{heading}</h2><p>{text} {FILLER}</p>" for heading, text in sections)
    return (f"<!doctype html><html lang='en'><head><title>{title}</title>{robots}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/roles/'>Roles</a></nav><main><article><h1>{title}</h1>"
            f"<p>{FILLER}</p>{body}</article></main><footer>© Example Co</footer></body></html>")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "site"
    for file, (title, sections) in PAGES.items():
        path = root / file
        path.parent.mkdir(parents=True)
        path.write_text(page_html(title, sections, noindex="closed" in file), encoding="utf-8")
    (root / "404.html").write_text(page_html("Not found", [("Page not found", "Kim Lee " * 20)]), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def index(site) -> PassageIndex:
    pages = [p for p in extract_site(site, "https://example.com/") if not p.noindex]
    return PassageIndex([passage for page in pages for passage in page.passages("headings")])


def question(text: str, page: str, *answers: str, match="any") -> Question:
    return Question(text, "test", page, page, tuple(ExpectedFact("k", a, (a,)) for a in answers), match)


def test_pages_are_extracted_and_cut_at_their_headings(site):
    pages = {p.page: p for p in extract_site(site, "https://example.com/")}
    assert set(pages) == {"roles/alpha/", "roles/beta/", "benefits/", "roles/closed/"}  # never the 404 page
    assert pages["roles/closed/"].noindex and not pages["roles/alpha/"].noindex
    headings = [p.heading for p in pages["roles/alpha/"].passages("headings")]
    assert headings == ["Alpha Engineer", "What the Alpha Engineer is paid", "Who the Alpha Engineer reports to",
                        "Where the Alpha Engineer career ladder leads"]
    pay = pages["roles/alpha/"].passages("headings")[1]
    assert "£90,000" in pay.text and "Kim Lee" not in pay.text
    assert "Home" not in pages["roles/alpha/"].text  # navigation is boilerplate to the extractor


def test_the_right_passage_of_the_right_page_answers(index):
    verdict = index.ask(question("What base salary is the Alpha Engineer paid?", "roles/alpha/", "£90,000"))
    assert verdict.answered and verdict.reason == "answered"
    assert verdict.winner.passage.heading == "What the Alpha Engineer is paid"
    assert verdict.expected == verdict.winner and verdict.expected.rank == 1


def test_another_pages_passage_winning_is_a_wrong_page_failure(index):
    # Asked with the other role's words, the Beta page wins; Alpha's pay passage is still ranked.
    verdict = index.ask(question("What is the Beta Analyst salary?", "roles/alpha/", "£90,000"))
    assert verdict.reason == "wrong-page" and not verdict.answered
    assert verdict.winner.passage.page == "roles/beta/"
    assert verdict.expected.passage.heading == "What the Alpha Engineer is paid" and verdict.expected.rank > 1


def test_the_right_page_with_the_wrong_passage_is_reported_with_the_expected_one(index):
    verdict = index.ask(question("Where does the Alpha Engineer career ladder lead?", "roles/alpha/", "Kim Lee"))
    assert verdict.reason == "right-page-without-answer"
    assert verdict.winner.passage.heading == "Where the Alpha Engineer career ladder leads"
    assert verdict.expected.passage.heading == "Who the Alpha Engineer reports to"


def test_an_answer_no_passage_holds_is_reported_as_not_on_the_page(index):
    verdict = index.ask(question("Who does the Alpha Engineer report to?", "roles/alpha/", "Pat Doe"))
    assert verdict.reason == "answer-not-on-page" and verdict.expected is None
    assert verdict.winner.passage.heading == "Who the Alpha Engineer reports to"


def test_match_all_needs_every_answer_fact_in_one_passage(index):
    both = question("Who does the Alpha Engineer report to?", "roles/alpha/", "Kim Lee", "£90,000", match="all")
    assert index.ask(both).reason == "answer-not-on-page"
    either = question("Who does the Alpha Engineer report to?", "roles/alpha/", "Kim Lee", "£90,000", match="any")
    assert index.ask(either).answered


def test_noindex_pages_do_not_compete(index):
    pages = {passage.page for passage in index.passages}
    assert "roles/closed/" not in pages and "roles/alpha/" in pages


def test_windows_cover_every_word_with_half_overlap():
    words = [f"w{i}" for i in range(310)]
    windows = window_passages("p/", " ".join(words))
    assert all(len(w.text.split()) == 120 for w in windows)
    assert [w.text.split()[0] for w in windows[:4]] == ["w0", "w60", "w120", "w180"]
    assert windows[-1].text.split()[-1] == "w309"
    assert {word for w in windows for word in w.text.split()} == set(words)
    assert len(window_passages("p/", "just a few words")) == 1 and window_passages("p/", "") == []


def test_is_noindex_reads_the_robots_meta_tag():
    assert is_noindex('<html><head><meta name="Robots" content="NOINDEX, follow"></head><body></body></html>')
    assert not is_noindex('<html><head><meta name="robots" content="index"></head><body></body></html>')
