"""The audit's question bank is data with a checked shape: at least 12 question types, several phrasings each,
placeholders every page can fill, answers that name facts the pages have; a malformed bank is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_helpers import edit
from conftest import PINNED_EPOCH, REPO
from mkdocs_careers.audit.facts import audited_entries, entry_facts
from mkdocs_careers.audit.question_bank import (
    MIN_PHRASINGS,
    PLACEHOLDERS,
    load_bank,
    placeholder_values,
    placeholders_of,
    questions_for,
)
from mkdocs_careers.cli import load_settings
from mkdocs_careers.content.site import load_site
from pydantic import ValidationError

CANDIDATE_TOPICS = {"pay", "location", "remote", "outcomes_90", "outcomes_180", "outcomes_365", "must_haves",
                    "reports_to", "take_home", "interview_stages", "closing_date", "employment_type", "skills",
                    "benefits"}


@pytest.fixture(scope="module")
def demo_site():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
        return load_site(load_settings(REPO / "mkdocs.yml", None))


def test_the_bank_has_at_least_12_question_types_with_several_phrasings_each():
    bank = load_bank()
    role_types = [t for t in bank.question_types if t.subject == "role"]
    assert len(role_types) >= 12
    assert CANDIDATE_TOPICS <= {t.id for t in bank.question_types}
    for question_type in bank.question_types:
        assert len(question_type.phrasings) >= MIN_PHRASINGS, question_type.id
        assert len({p.casefold() for p in question_type.phrasings}) == len(question_type.phrasings)
        # Candidates' words vary: no two phrasings of a type share their first three words.
        openings = [" ".join(p.split()[:3]).casefold() for p in question_type.phrasings]
        assert len(set(openings)) == len(openings), question_type.id


def test_every_placeholder_is_one_the_subject_can_fill():
    for question_type in load_bank().question_types:
        for phrasing in question_type.phrasings:
            assert placeholders_of(phrasing) <= PLACEHOLDERS[question_type.subject], phrasing


def test_every_question_is_filled_from_each_demo_page_and_every_type_is_asked(demo_site):
    bank = load_bank()
    asked: set[str] = set()
    for entry in audited_entries(demo_site):
        facts = entry_facts(entry, demo_site)
        questions = questions_for(bank, entry, entry.page_path, facts, placeholder_values(entry, demo_site))
        assert questions, entry.slug
        for question in questions:
            assert "{" not in question.text and "}" not in question.text, question.text
            assert entry.model.display_name in question.text
            assert question.answers and all(fact.forms for fact in question.answers)
        asked |= {q.type_id for q in questions}
    assert asked == {t.id for t in bank.question_types}


def _bank_file(tmp_path: Path, **changes) -> Path:
    entry = {"id": "pay", "subject": "role", "answer": ["salary.min"], "match": "all",
             "phrasings": ["How much does the {title} pay?", "{title} salary", "What is the {title} paid at {org}?"]}
    entry.update(changes)
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump({"question_types": [entry]}), encoding="utf-8")
    return path


def test_a_well_formed_custom_bank_loads(tmp_path):
    assert [t.id for t in load_bank(_bank_file(tmp_path)).question_types] == ["pay"]


@pytest.mark.parametrize(("changes", "message"), [
    ({"phrasings": ["How much does the {title} pay at {salary}?", "{title} salary", "{title} pay?"]},
     "uses ['salary']"),
    ({"answer": ["salary.median"]}, "answer keys ['salary.median'] are not facts of a role"),
    ({"phrasings": ["How much does the {title} pay?", "{title} salary"]}, "at least 3 items"),
    ({"phrasings": ["How much does it pay?", "{title} salary", "{title} pay?"]}, "does not name its subject"),
    ({"subject": "team"}, "subject"),
])
def test_a_malformed_bank_is_refused_with_the_reason(tmp_path, changes, message):
    with pytest.raises(ValidationError) as error:
        load_bank(_bank_file(tmp_path, **changes))
    assert message in str(error.value)


def test_a_question_is_only_asked_when_the_page_has_its_answer(minimal_project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    edit(minimal_project / "roles" / "data-lead.md", drop=("salary",))
    site = load_site(load_settings(minimal_project / "mkdocs.yml", None))
    entry = site.roles["data-lead"]
    questions = questions_for(load_bank(), entry, entry.page_path, entry_facts(entry, site),
                              placeholder_values(entry, site))
    asked = {q.type_id for q in questions}
    assert "pay" not in asked and "take_home" not in asked  # no salary, and the fixture has no take-home
    assert {"location", "reports_to", "closing_date", "must_haves"} <= asked
    reports_to = next(q for q in questions if q.type_id == "reports_to")
    assert reports_to.text == "Who does the Data Lead report to?"
    assert [fact.shown for fact in reports_to.answers] == ["Jo Smith"]
