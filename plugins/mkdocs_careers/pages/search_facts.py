"""What a careers page contributes to the site search: only the facts candidates search on.

A role page shows much more than a candidate types into a search box (the how-we-hire section, the
hiring brief and the career ladder repeat on every role; outcomes and the story are long prose). The
site search indexes only a role's title, team, location and workplace, pay, employment type, summary,
skills, must-haves and FAQ questions; a person's name, job title, summary and topics; a case study's
title, summary, stack, topics and leader. Closed roles are left out: candidates search for open jobs.
This module decides *which* facts are searchable, as plain text; an adapter (mkdocs/search_index.py)
hands them to the search engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content.kinds import CASE_STUDY, PERSON, ROLE, ContentKind
from ..content.models import CaseStudy, Person, Role
from ..content.site import CareersSite, Entry
from . import labels

# Roles are what candidates come for: a role ranks above a person or case study that matches as well.
ROLE_BOOST = 2.0


@dataclass(frozen=True)
class SearchFacts:
    """The searchable text of one page: a title and short plain-text facts (one per line of the result)."""

    title: str
    facts: tuple[str, ...]
    boost: float | None = None


def _joined(items: list[str], separator: str = ", ") -> str:
    return separator.join(item for item in items if item)


def role_search_facts(entry: Entry[Role], site: CareersSite) -> SearchFacts | None:
    role = entry.model
    if not site.role_status(role).is_open:
        return None
    # Words must not start with punctuation: Material's default separator splits on spaces and hyphens only,
    # and its prefix search would not find "Germany" in "(Germany," (as the page's "Remote (Germany)" has it).
    offices = [labels.place_label(loc) for loc in role.locations]
    remote = f"Remote from {labels.remote_countries_label(role)}" if role.remote_countries else ""
    overview = _joined([role.department, *offices, remote, labels.workplace_label(role.workplace), labels.salary_label(role.salary)
                        if role.salary else "", labels.employment_label(role.employment_type)], " · ")
    facts = [overview, role.summary]
    if role.skills:
        facts.append(f"Skills: {_joined(role.skills)}")
    facts.extend(role.must_haves)
    facts.extend(item.question for item in role.faq)
    return SearchFacts(title=role.title, facts=tuple(facts), boost=ROLE_BOOST)


def person_search_facts(entry: Entry[Person], site: CareersSite) -> SearchFacts:
    person = entry.model
    facts = [f"{person.job_title}, {site.settings.organization.name}", person.summary]
    if person.knows_about:
        facts.append(f"Knows about: {_joined(person.knows_about)}")
    return SearchFacts(title=person.name, facts=tuple(facts))


def case_study_search_facts(entry: Entry[CaseStudy], site: CareersSite) -> SearchFacts:
    study = entry.model
    leader = site.people.get(study.leader)
    facts = [study.summary, f"Stack: {_joined(study.stack)}"]
    if study.topics:
        facts.append(f"Topics: {_joined(study.topics)}")
    if leader is not None:
        facts.append(f"Led by {leader.model.name}")
    return SearchFacts(title=study.title, facts=tuple(facts))


def entry_search_facts(entry: Entry[Any], site: CareersSite) -> SearchFacts | None:
    """The searchable facts of a role, person or case study page; None leaves the page out of search."""
    if entry.kind is ROLE:
        return role_search_facts(entry, site)
    if entry.kind is PERSON:
        return person_search_facts(entry, site)
    if entry.kind is CASE_STUDY:
        return case_study_search_facts(entry, site)
    raise ValueError(f"no search facts for {entry.kind.name}")


def index_search_facts(kind: ContentKind, site: CareersSite) -> SearchFacts:
    """An index page is found by its name; the entries it lists are found on their own pages."""
    return SearchFacts(title=kind.label, facts=(f"{kind.label} at {site.settings.organization.name}",))
