"""The facts every audited page must keep, read from the content models and written as the page shows them.

Values come from the site graph (`load_site`) and are formatted by the same `pages/labels.py` functions as the
page, never scraped from the HTML, so the audit compares what the editor wrote with what survives extraction.
Each fact has a key (`salary.min`, `outcomes.day_90`, ...): the question bank names the answers by these keys.
Facts with no `sources` are not counted in fact recall; they only serve as expected answers (skills, benefits,
interview panels, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.models import CaseStudy, Person, Role
from ..content.money import money
from ..content.site import CareersSite, Entry
from ..pages import labels
from ..pages.hiring import hiring_plan

HTML, MARKDOWN = "html", "markdown"
BOTH: frozenset[str] = frozenset({HTML, MARKDOWN})
ANSWER_ONLY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ExpectedFact:
    key: str  # what the fact is, e.g. "salary.min"; several facts may share a key (each must-have)
    label: str  # how the report names it, e.g. "must-have 2"
    forms: tuple[str, ...]  # the fact as the page shows it; any one form found counts as kept
    sources: frozenset[str] = BOTH  # where fact recall checks it: trafilatura's text, the .md copy, or neither

    @property
    def shown(self) -> str:
        return self.forms[0]


# The fact keys of each subject, for the question bank's validation: an answer must name one of these.
ROLE_KEYS = frozenset({
    "title", "salary.min", "salary.max", "salary.currency", "location.city", "location.country", "workplace",
    "employment_type", "date_posted", "valid_through", "hiring_manager", "outcomes.day_90", "outcomes.day_180",
    "outcomes.day_365", "must_haves", "take_home.hours", "apply.url", "nice_to_haves", "skills", "benefits",
    "incentives", "department", "interview.panel", "scorecard.criterion",
})
PERSON_KEYS = frozenset({"name", "job_title", "tenure", "achievements", "expertise"})
CASE_STUDY_KEYS = frozenset({"title", "leader", "period", "date_published", "metric.before", "metric.after",
                             "stack"})
KEYS_BY_SUBJECT = {"role": ROLE_KEYS, "person": PERSON_KEYS, "case_study": CASE_STUDY_KEYS}


def _one_line(text: str) -> str:
    return " ".join(text.split())  # folded YAML keeps line breaks a page never shows


def _each(key: str, noun: str, items: list[str], sources: frozenset[str] = BOTH) -> list[ExpectedFact]:
    return [ExpectedFact(key, f"{noun} {index}", (_one_line(item),), sources)
            for index, item in enumerate(items, start=1)]


def role_facts(entry: Entry[Role], site: CareersSite) -> list[ExpectedFact]:
    role = entry.model
    facts = [ExpectedFact("title", "title", (role.title,))]
    if role.salary is not None:
        facts += [
            ExpectedFact("salary.min", "salary min", (money(role.salary.min, role.salary.currency),)),
            ExpectedFact("salary.max", "salary max", (money(role.salary.max, role.salary.currency),)),
            ExpectedFact("salary.currency", "currency", (role.salary.currency,)),
        ]
    for index, location in enumerate(role.locations, start=1):
        facts += [ExpectedFact("location.city", f"location {index} city", (location.city,)),
                  ExpectedFact("location.country", f"location {index} country",
                               (labels.country_name(location.country),))]
    facts += [ExpectedFact("location.country", f"remote country {code}", (labels.country_name(code),))
              for code in role.remote_countries]
    facts.append(ExpectedFact("workplace", "workplace", (labels.workplace_label(role.workplace),)))
    facts += [ExpectedFact("employment_type", "employment type", (labels.employment_type_label(kind),))
              for kind in role.employment_type]
    facts += [
        ExpectedFact("date_posted", "posting date", (labels.date_label(role.date_posted),)),
        ExpectedFact("valid_through", "closing date", (labels.closing_label(role),)),
        ExpectedFact("hiring_manager", "hiring manager", (site.hiring_manager(role).model.name,)),
    ]
    for horizon in ("day_90", "day_180", "day_365"):
        days = horizon.removeprefix("day_")
        facts += _each(f"outcomes.{horizon}", f"{days}-day outcome", getattr(role.outcomes, horizon))
    facts += _each("must_haves", "must-have", role.must_haves)
    plan = hiring_plan(role, site.settings.hiring)
    if plan.take_home is not None:
        hours = f"{plan.take_home.hours:g}"
        facts.append(ExpectedFact("take_home.hours", "take-home hours",
                                  (f"{hours} hours", f"{hours}-hour", f"{hours} hour")))
    # A plain-text reader cannot follow a button: the .md copy must carry the apply URL as text.
    facts.append(ExpectedFact("apply.url", "apply URL", (role.apply.url,), frozenset({MARKDOWN})))
    facts += _each("nice_to_haves", "nice-to-have", role.nice_to_haves, ANSWER_ONLY)
    facts += _each("skills", "skill", role.skills, ANSWER_ONLY)
    facts += _each("benefits", "benefit", role.benefits, ANSWER_ONLY)
    facts += _each("incentives", "incentive", role.incentives + ([plan.equity] if plan.equity else []), ANSWER_ONLY)
    facts.append(ExpectedFact("department", "department", (role.department,), ANSWER_ONLY))
    facts += _each("interview.panel", "interview panel", [p.panel for p in plan.interview_loop], ANSWER_ONLY)
    facts += _each("scorecard.criterion", "scorecard criterion", [i.criterion for i in plan.scorecard], ANSWER_ONLY)
    return facts


def person_facts(entry: Entry[Person], site: CareersSite) -> list[ExpectedFact]:
    person = entry.model
    return [
        ExpectedFact("name", "name", (person.name,)),
        ExpectedFact("job_title", "job title", (person.job_title,)),
        # The tenure as labelled, or the joining month said in a sentence ("joined in March 2022").
        ExpectedFact("tenure", "tenure", (labels.tenure_label(person, site.build_date),
                                          labels.month_label(person.since))),
        *_each("achievements", "achievement", person.achievements),
        *_each("expertise", "topic", person.knows_about, ANSWER_ONLY),
    ]


def case_study_facts(entry: Entry[CaseStudy], site: CareersSite) -> list[ExpectedFact]:
    study = entry.model
    facts = [
        ExpectedFact("title", "title", (study.title,)),
        ExpectedFact("leader", "leader", (site.leader(study).model.name,)),
        ExpectedFact("period", "period", (labels.period_label(study),)),
        ExpectedFact("date_published", "publication date", (labels.date_label(study.date_published),)),
    ]
    for metric in study.metrics:
        facts += [ExpectedFact("metric.before", f"'{metric.label}' before", (labels.metric_value(metric.before, metric),)),
                  ExpectedFact("metric.after", f"'{metric.label}' after", (labels.metric_value(metric.after, metric),))]
    facts += _each("stack", "stack item", study.stack)
    return facts


def entry_facts(entry: Entry[Any], site: CareersSite) -> list[ExpectedFact]:
    """Every expected fact of one content file's page."""
    model = entry.model
    if isinstance(model, Role):
        return role_facts(entry, site)
    if isinstance(model, Person):
        return person_facts(entry, site)
    if isinstance(model, CaseStudy):
        return case_study_facts(entry, site)
    raise TypeError(f"no facts for {type(model).__name__}")


def audited_entries(site: CareersSite) -> list[Entry[Any]]:
    """The pages the audit reads: open roles, people, case studies. A closed role's page is `noindex`: answer
    engines do not quote it, so its facts and questions are not counted."""
    return [*site.open_roles, *site.people_sorted, *site.case_studies_sorted]
