"""The question bank (`questions.yaml`, kept as data) and the concrete questions it asks about a site.

Each question type is validated on load: a known subject, answer keys that the facts of that subject have,
several phrasings, and only placeholders that every page of the subject can fill. Questions are then filled
from each audited page's content and carry the forms of their expected answer facts.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..content.models import CaseStudy, Person, Role
from ..content.site import CareersSite, Entry
from .facts import KEYS_BY_SUBJECT, ExpectedFact

Subject = Literal["role", "person", "case_study"]
MIN_PHRASINGS = 3
# What a phrasing may say about its subject: never the answer itself.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "role": frozenset({"title", "org", "department"}),
    "person": frozenset({"name", "org", "job_title"}),
    "case_study": frozenset({"title", "org"}),
}
# Every phrasing names its subject, or the question could not be told apart from the same one about another page.
NAMING_PLACEHOLDER = {"role": "title", "person": "name", "case_study": "title"}


def placeholders_of(phrasing: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(phrasing) if name is not None}


class QuestionType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    subject: Subject
    answer: list[str] = Field(min_length=1, description="Fact keys (audit/facts.py) that answer the question")
    match: Literal["all", "any"] = "any"
    phrasings: list[str] = Field(min_length=MIN_PHRASINGS)

    @model_validator(mode="after")
    def _consistent(self) -> QuestionType:
        unknown_keys = sorted(set(self.answer) - KEYS_BY_SUBJECT[self.subject])
        if unknown_keys:
            raise ValueError(f"{self.id}: answer keys {unknown_keys} are not facts of a {self.subject}")
        for phrasing in self.phrasings:
            used = placeholders_of(phrasing)
            unknown = used - PLACEHOLDERS[self.subject]
            if unknown:
                raise ValueError(f"{self.id}: '{phrasing}' uses {sorted(unknown)}; a {self.subject} question can "
                                 f"use {sorted(PLACEHOLDERS[self.subject])}")
            if NAMING_PLACEHOLDER[self.subject] not in used:
                raise ValueError(f"{self.id}: '{phrasing}' does not name its subject with "
                                 f"{{{NAMING_PLACEHOLDER[self.subject]}}}")
        if len(set(self.phrasings)) != len(self.phrasings):
            raise ValueError(f"{self.id}: a phrasing is listed twice")
        return self


class QuestionBank(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question_types: list[QuestionType] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> QuestionBank:
        ids = [t.id for t in self.question_types]
        if len(set(ids)) != len(ids):
            raise ValueError("question type ids must be unique")
        return self


def load_bank(path: Path | None = None) -> QuestionBank:
    """The bank shipped with the package, or another file of the same shape."""
    text = (path.read_text(encoding="utf-8") if path is not None
            else resources.files(__package__).joinpath("questions.yaml").read_text(encoding="utf-8"))
    return QuestionBank.model_validate(yaml.safe_load(text))


@dataclass(frozen=True)
class Question:
    text: str
    type_id: str
    page: str  # site-relative URL path of the page that should answer it
    subject: str  # the role's title, the person's name, ...
    answers: tuple[ExpectedFact, ...]
    match: Literal["all", "any"]


def placeholder_values(entry: Entry[Any], site: CareersSite) -> dict[str, str]:
    model = entry.model
    org = site.settings.organization.name
    if isinstance(model, Role):
        return {"title": model.title, "org": org, "department": model.department}
    if isinstance(model, Person):
        return {"name": model.name, "org": org, "job_title": model.job_title}
    if isinstance(model, CaseStudy):
        return {"title": model.title, "org": org}
    raise TypeError(f"no question placeholders for {type(model).__name__}")


def questions_for(bank: QuestionBank, entry: Entry[Any], page: str, facts: list[ExpectedFact],
                  values: dict[str, str]) -> list[Question]:
    """Every phrasing of every question type about this page whose answer facts the page has."""
    questions = []
    for question_type in bank.question_types:
        if question_type.subject != entry.kind.name:
            continue
        answers = tuple(f for f in facts if f.key in question_type.answer)
        if not answers:
            continue
        questions += [Question(p.format(**values), question_type.id, page, entry.model.display_name, answers,
                               question_type.match) for p in question_type.phrasings]
    return questions
