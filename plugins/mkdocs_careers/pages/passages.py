"""Self-contained passages: the sentences that make each section of a role page answer a question on its own.

Answer engines cut a page into passages and quote the one that best matches the question, often without the
heading or the rest of the page. So every section opens with a sentence that names its subject (the role and
the employer) and states its fact in the words candidates ask with ("salary", "deadline", "reports to",
"requirements", "interview process", "remote"), and the key facts stand together, in prose, near the top.
`careers audit` measures how well this works; `tests/test_extraction.py` checks that main-content extractors
keep every fact.
"""

from __future__ import annotations

from ..content.models import CaseStudy, EmploymentType, Person, Role, Workplace
from . import labels
from .hiring import HiringPlan


def _places(role: Role) -> str:
    places = [labels.place_label(loc) for loc in role.locations]
    if len(places) <= 1:
        return "".join(places)
    return ", ".join(places[:-1]) + " or " + places[-1]


def _countries(role: Role) -> str:
    names = [labels.country_name(code) for code in role.remote_countries]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def workplace_sentence(role: Role) -> str:
    """Where the work happens, answering "is it remote?" for every workplace, not only remote ones."""
    if role.workplace is Workplace.REMOTE:
        where = "that country" if len(role.remote_countries) == 1 else "one of those countries"
        offices = (f" The team's office is in {_places(role)}, but you never need to come in." if role.locations
                   else "")
        return (f"The {role.title} is a fully remote job: you work from home anywhere in {_countries(role)} and "
                f"must live in {where}; there is no office you must come into.{offices}")
    if role.workplace is Workplace.HYBRID:
        return (f"The {role.title} is a hybrid job: you work at the office in {_places(role)} part of the week and "
                "remote from home the rest. It is not a fully remote job, and it is not fully on-site either.")
    return (f"The {role.title} is an on-site job: you work at the office in {_places(role)} every day, not from "
            "home. It is not a remote or hybrid job.")


def where_intro(role: Role, organization: str) -> str:
    """The 'where you work' passage: city and country, office days, and whether it is remote."""
    country = {labels.country_name(loc.country) for loc in role.locations} | {
        labels.country_name(code) for code in role.remote_countries}
    return (f"{workplace_sentence(role)} Location of the {role.title} at {organization}: "
            f"{_places(role) or _countries(role)} ({'country' if len(country) == 1 else 'countries'}: "
            f"{', '.join(sorted(country))}).")


_EMPLOYMENT_PHRASES = {
    EmploymentType.FULL_TIME: "full-time employee (not a contract)",
    EmploymentType.PART_TIME: "part-time employee (not full-time)",
    EmploymentType.CONTRACTOR: "contract role for an independent contractor (not an employee, not full-time "
                               "employment)",
    EmploymentType.TEMPORARY: "temporary position (not permanent)",
    EmploymentType.INTERN: "internship",
    EmploymentType.VOLUNTEER: "volunteer position (unpaid)",
    EmploymentType.PER_DIEM: "per diem work, paid by the day",
}


def employment_sentence(role: Role) -> str:
    phrases = [_EMPLOYMENT_PHRASES.get(t, labels.employment_type_label(t).lower()) for t in role.employment_type]
    return f"Employment type of the {role.title}: {' or '.join(phrases)}, in the {role.department} team."


def closing_sentence(role: Role, subject: str) -> str:
    posted = labels.date_label(role.date_posted)
    if role.valid_through is None:
        return (f"There is no closing date: applications for the {subject} stay open until the role is filled "
                f"(posted {posted}).")
    return (f"Applications are open until {labels.date_label(role.valid_through)}: that is the closing date, the "
            f"deadline to apply (the job was posted and published on {posted}).")


def key_facts(role: Role, organization: str, manager: Person) -> str:
    """The role's key facts as one short prose passage: type, place, pay, deadline, manager, how to apply."""
    kind = labels.employment_label(role.employment_type).lower()
    where = (f"remote from {_countries(role)}" if role.workplace is Workplace.REMOTE
             else f"{labels.workplace_label(role.workplace).lower()} in {_places(role)}")
    pay = (f"It pays {labels.salary_label(role.salary)} (base salary)." if role.salary is not None
           else "The pay is not published.")
    return " ".join([
        f"The {role.title} at {organization} is a {kind} job, {where}.",
        pay,
        closing_sentence(role, role.title),
        f"The {role.title} reports to {manager.name}, {manager.job_title}.",
        f"Apply online at {role.apply.url}",
    ])


def outcomes_intro(role: Role, organization: str, days: int) -> str:
    subject = f"the {role.title} at {organization}"
    if days == 90:
        return (f"The 90-day goals: in the first 90 days (the first quarter, three months), {subject} is expected "
                "to deliver these outcomes and objectives:")
    if days == 180:
        return (f"The 180-day goals: by day 180 (month six, the first 6 months), {subject} is expected to deliver "
                "these outcomes and objectives:")
    return (f"The one-year goals (first-year goals): after 365 days, 12 months in, success for {subject} means "
            "these results and outcomes:")


def requirements_intro(role: Role, organization: str) -> str:
    return (f"To be qualified for the {role.title} position at {organization}, you need to meet these "
            "requirements: the must-have qualifications and experience every candidate brings.")


def nice_to_haves_intro(role: Role) -> str:
    return f"Nice to have for the {role.title}, but optional: these preferred extras help a candidate stand out."


def skills_intro(role: Role) -> str:
    return f"The {role.title} works with these skills, tools and technologies:"


def pay_prefix(role: Role, organization: str) -> str:
    return f"How much the {role.title} position at {organization} pays: the compensation offered is a salary of "


def process_summary(role: Role, organization: str, plan: HiringPlan) -> str:
    """The interview process in one sentence: how many stages, the take-home's length, the panels."""
    stages: list[str] = []
    if plan.take_home:
        stages.append(f"a take-home exercise of about {plan.take_home.hours:g} hours")
    if plan.interview_loop:
        names = ", ".join(panel.panel for panel in plan.interview_loop)
        stages.append(f"{len(plan.interview_loop)} interview panels ({names})")
    count = (1 if plan.take_home else 0) + len(plan.interview_loop)
    sentence = (f"The interview process for the {role.title} at {organization} has {count} "
                f"stage{'s' if count != 1 else ''}: " + " and then ".join(stages) + ".")
    if plan.scorecard:
        sentence += f" Every candidate is assessed on the same {len(plan.scorecard)}-item scorecard."
    return sentence


def take_home_intro(role: Role, plan: HiringPlan) -> str:
    assert plan.take_home is not None
    return (f"How long the {role.title} take-home assignment (homework before the interviews) takes: about "
            f"{plan.take_home.hours:g} hours of work. {plan.take_home.summary}")


def interview_stages_intro(role: Role, plan: HiringPlan) -> str:
    return (f"The {role.title} interview stages, in order: {len(plan.interview_loop)} panels, each with the people "
            "you meet and what they focus on.")


def ladder_intro(role: Role, organization: str) -> str:
    return (f"The career path for the {role.title} at {organization}: the ladder this role sits on, from the first "
            "step to the most senior.")


def reports_to(role: Role, organization: str, manager: Person, tenure: str) -> tuple[str, str]:
    """The sentence naming who the hire reports to, as (text before the manager's name, text after it)."""
    return (f"The {role.title} reports to ",
            f", {manager.job_title} at {organization} ({tenure[0].lower()}{tenure[1:]}), the hiring manager for "
            "this role.")


def person_facts(person: Person, organization: str, tenure: str) -> str:
    """A leader's role and tenure in one sentence, with their headline achievement."""
    since = tenure[0].lower() + tenure[1:]
    return (f"{person.name} is the {person.job_title} at {organization} and has worked there {since}. "
            f"{person.name}'s best-known achievement: {person.achievements[0]}")


def achievements_intro(person: Person, organization: str) -> str:
    return f"What {person.name}, {person.job_title} at {organization}, has achieved, with the numbers:"


def case_study_facts(study: CaseStudy, organization: str, leader: Person) -> str:
    """Who led the work, when, with which stack and with what result, in prose."""
    results = "; ".join(f"{m.label}: {labels.metric_value(m.before, m)} before, {labels.metric_value(m.after, m)} "
                        f"after ({labels.metric_change(m)})" for m in study.metrics)
    return (f"The {study.title} case study at {organization} was led by {leader.name}, {leader.job_title}. The work "
            f"ran {labels.period_label(study)}, and the stack used was "
            f"{', '.join(study.stack)}. Results: {results}.")


def results_intro(study: CaseStudy, leader: Person) -> str:
    return f"The results of {study.title}, led by {leader.name}, in numbers (before and after):"


def faq_intro(role: Role, organization: str) -> str:
    return f"Questions candidates ask about the {role.title} role at {organization}, answered by the hiring team."


def scorecard_intro(role: Role, count: int) -> str:
    return (f"How {role.title} candidates are evaluated: every interviewer assesses the same {count} criteria and "
            "scores them against the evidence listed.")


def benefits_intro(role: Role, organization: str) -> str:
    return f"The benefits that come with the {role.title} role at {organization}:"


def incentives_intro(role: Role) -> str:
    return f"Bonuses and equity the {role.title} receives on top of the salary:"
