"""Self-contained passages: the sentences that make each section of a role page answer a question on its own.

Answer engines cut a page into passages and quote the one that best matches the question, often without the
heading or the rest of the page. So every section opens with a sentence that names its subject (the role and
the employer) and states its fact in the words candidates ask with ("salary", "deadline", "reports to",
"requirements", "interview process", "remote"), and the key facts stand together, in prose, near the top.
`careers audit` measures how well this works; `tests/test_extraction.py` checks that main-content extractors
keep every fact.
"""

from __future__ import annotations

from ..content.models import Person, Role, Workplace
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
        offices = f" The team also has an office in {_places(role)}." if role.locations else ""
        return (f"It is a fully remote job: you can work from home anywhere in {_countries(role)}, and you must "
                f"live in {'that country' if len(role.remote_countries) == 1 else 'one of those countries'}."
                + offices)
    if role.workplace is Workplace.HYBRID:
        return (f"It is a hybrid job based in {_places(role)}: part of the week you work in the office, the rest "
                "remote from home.")
    return (f"It is an on-site job based in {_places(role)}: you work from the office, not from home; it is not a "
            "remote role.")


def closing_sentence(role: Role, subject: str) -> str:
    if role.valid_through is None:
        return (f"There is no closing date: applications for the {subject} are open until the role is filled "
                f"(posted on {labels.date_label(role.date_posted)}).")
    return (f"The closing date for applications is {labels.date_label(role.valid_through)}, the deadline to apply "
            f"for the {subject}; the job was posted on {labels.date_label(role.date_posted)}.")


def key_facts(role: Role, organization: str, manager: Person) -> str:
    """The role's key facts as one short prose passage: pay, place, workplace, type, deadline, manager, apply."""
    subject = f"{role.title} at {organization}"
    kind = labels.employment_label(role.employment_type).lower()
    if role.salary is None:
        pay = f"The pay for the {role.title} is not published."
    else:
        pay = f"The {role.title} job pays {labels.salary_label(role.salary)} (base salary)."
    return " ".join([
        f"The {subject} is a {kind} position in the {role.department} team.",
        workplace_sentence(role),
        pay,
        closing_sentence(role, role.title),
        f"The {role.title} reports to {manager.name}, {manager.job_title}.",
        f"Apply online at {role.apply.url}",
    ])


def outcomes_intro(role: Role, organization: str, days: int) -> str:
    subject = f"the {role.title} at {organization}"
    if days == 90:
        return (f"The 90-day goals: in the first 90 days (the first three months), {subject} is expected to "
                "deliver these outcomes:")
    if days == 180:
        return (f"The 180-day goals: by day 180 (six months in), {subject} is expected to deliver these "
                "outcomes:")
    return (f"The one-year goals: after the first year (365 days, twelve months), success for {subject} means "
            "these results:")


def requirements_intro(role: Role, organization: str) -> str:
    return (f"What you need for the {role.title} job at {organization}: the requirements every candidate must "
            "meet, with the qualifications and experience the role asks for.")


def nice_to_haves_intro(role: Role) -> str:
    return f"Preferred qualifications that help but are not required for the {role.title}:"


def skills_intro(role: Role) -> str:
    return f"The {role.title} works with these skills, tools and technologies:"


def pay_prefix(role: Role, organization: str) -> str:
    return f"The {role.title} role at {organization} pays a salary of "


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
    return f"The {role.title} take-home assignment takes about {plan.take_home.hours:g} hours. {plan.take_home.summary}"


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
