"""Intent-based section headings for role pages: each reads like a candidate's search query.

Generic headings ("Responsibilities") tell a search engine or an assistant nothing about which
question a section answers; these are generated from the role's own facts and can be
overridden per role with `search_intents`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import Role, Workplace
from .labels import country_name


@dataclass(frozen=True)
class RoleHeadings:
    about: str
    outcomes_90: str
    outcomes_180: str
    outcomes_365: str
    must_haves: str
    nice_to_haves: str
    skills: str
    compensation: str
    faq: str
    hiring_manager: str
    case_studies: str
    how_we_hire: str
    hiring_brief: str
    key_facts: str
    where: str


def _where(role: Role) -> str:
    if role.workplace is Workplace.REMOTE:
        if len(role.remote_countries) == 1:
            return f"remote in {country_name(role.remote_countries[0])}"
        return "remote"
    cities = [loc.city for loc in role.locations]
    joined = cities[0] if len(cities) == 1 else ", ".join(cities[:-1]) + " or " + cities[-1]
    return f"{'hybrid' if role.workplace is Workplace.HYBRID else 'on-site'} in {joined}"


def role_headings(role: Role, organization_name: str) -> RoleHeadings:
    title = role.title
    overrides = role.search_intents
    generated = RoleHeadings(
        about=f"{title} job at {organization_name}, {_where(role)}",
        outcomes_90=f"What the {title} owns in the first 90 days",
        outcomes_180=f"What the {title} delivers by day 180",
        outcomes_365=f"What success looks like for the {title} after one year",
        must_haves=f"What you need to be hired as {title}",
        nice_to_haves=f"Nice-to-haves: what helps a {title} candidate stand out",
        skills=f"Skills and tools the {title} uses",
        compensation=f"{title} salary, bonuses, equity and career path",
        faq=f"Questions candidates ask about the {title} role",
        hiring_manager=f"Who the {title} reports to",
        case_studies=f"Work the {role.department} team has shipped",
        how_we_hire=f"Interview process for the {title} role: take-home, interviews and scorecard",
        hiring_brief=f"Hiring brief for the {title} role, ready to copy",
        key_facts=f"{title} at {organization_name}: salary, location and deadline",
        where=f"Where the {title} works: office, hybrid or remote, and employment type",
    )
    values = {name: getattr(overrides, name, None) or getattr(generated, name)
              for name in generated.__dataclass_fields__}
    return RoleHeadings(**values)


@dataclass(frozen=True)
class CaseStudyHeadings:
    results: str
    story: str
    topics: str
    related_roles: str


def case_study_headings(title: str, leader_name: str) -> CaseStudyHeadings:
    return CaseStudyHeadings(
        results=f"{title}: the results in numbers",
        story=f"How {leader_name}'s team did it",
        topics="What this case study is about",
        related_roles="Open roles that continue this work",
    )
