"""Human-readable labels for facts (money, dates, places). One function per fact, used by every
output, so the page, the Markdown copy, llms.txt and the feeds always print the same text."""

from __future__ import annotations

import datetime as dt

import pycountry

from ..content.models import CaseStudy, EmploymentType, Location, Metric, Person, Role, Salary, Workplace
from ..content.money import money

_UNIT_WORDS = {"hour": "per hour", "day": "per day", "week": "per week", "month": "per month", "year": "per year"}




def salary_label(salary: Salary | None) -> str:
    if salary is None:
        return "Not published"
    amount = money(salary.min, salary.currency)
    if salary.max != salary.min:
        amount += f"–{money(salary.max, salary.currency)}"
    return f"{amount} {salary.currency} {_UNIT_WORDS[salary.unit.value]}"


def pay_labels(role: Role) -> tuple[str, ...]:
    """The salary, then each labelled range when the role has several (per location, level or tier)."""
    ranges = tuple(f"{r.label + ': ' if r.label else ''}{salary_label(r)}" for r in role.pay_ranges)
    return (salary_label(role.salary), *ranges)


def pay_label(role: Role) -> str:
    """`pay_labels` on one line: "$170,000–$225,000 USD per year (New York City: ...; San Francisco: ...)"."""
    envelope, *ranges = pay_labels(role)
    return f"{envelope} ({'; '.join(ranges)})" if ranges else envelope


def date_label(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value:%B} {value.day}, {value.year}"


def closing_label(role: Role) -> str:
    return date_label(role.valid_through) if role.valid_through else "Open until filled"


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def place_label(location: Location) -> str:
    """City, region and country: how listings and headings name the place."""
    region = location.region if location.region != location.city else None
    return ", ".join(p for p in (location.city, region, country_name(location.country)) if p)


def address_label(location: Location) -> str:
    """The full address as marked up in JobPosting.jobLocation, so every marked-up part is visible."""
    region = " ".join(p for p in (location.region if location.region != location.city else None,
                                  location.postal_code) if p)
    return ", ".join(p for p in (location.street, location.city, region, country_name(location.country)) if p)


def location_label(role: Role) -> str:
    """Where the job is, in the words a candidate would search for."""
    offices = " · ".join(place_label(loc) for loc in role.locations)
    if role.workplace is Workplace.REMOTE:
        countries = ", ".join(country_name(c) for c in role.remote_countries)
        return f"Remote ({countries})" + (f" · {offices}" if offices else "")
    return offices


_WORKPLACE_WORDS = {Workplace.ONSITE: "On-site", Workplace.HYBRID: "Hybrid", Workplace.REMOTE: "Remote"}
_EMPLOYMENT_WORDS = {EmploymentType.FULL_TIME: "Full-time", EmploymentType.PART_TIME: "Part-time",
                     EmploymentType.PER_DIEM: "Per diem"}


def workplace_label(workplace: Workplace) -> str:
    return _WORKPLACE_WORDS[workplace]


def employment_type_label(employment_type: EmploymentType) -> str:
    return _EMPLOYMENT_WORDS.get(employment_type, employment_type.value.capitalize())


def employment_label(types: list[EmploymentType]) -> str:
    return ", ".join(employment_type_label(t) for t in types)


def tenure_label(person: Person, today: dt.date) -> str:
    months = (today.year - person.since.year) * 12 + today.month - person.since.month
    years, rest = divmod(max(months, 0), 12)
    if years == 0:
        span = f"{max(rest, 1)} month{'s' if rest != 1 else ''}"
    else:
        span = f"{years} year{'s' if years != 1 else ''}"
    return f"Since {person.since:%B} {person.since.year} ({span})"


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def metric_value(value: float, metric: Metric) -> str:
    unit = metric.unit
    if not unit:
        return number(value)
    return f"{number(value)}{unit}" if unit in {"%", "x", "×"} else f"{number(value)} {unit}"


def metric_change(metric: Metric) -> str:
    if metric.unit == "%":
        # A change between two percentages is stated in percentage points, not as a relative change.
        points = metric.after - metric.before
        sign = "+" if points > 0 else "−" if points < 0 else ""
        return f"{sign}{number(abs(points))} pp"
    change = metric.change_percent
    if change is None:
        return "new"
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return f"{sign}{abs(change):.0f}%"


def month_label(value: dt.date) -> str:
    return f"{value:%B} {value.year}"


def period_label(study: CaseStudy) -> str:
    start = month_label(study.period.start)
    if study.period.end is None:
        return f"{start} – ongoing"
    return f"{start} – {month_label(study.period.end)}"


def remote_countries_label(role: Role) -> str:
    return ", ".join(country_name(c) for c in role.remote_countries)


def role_fact_line(role: Role) -> str:
    """One line per role: where, how, how much, until when (llms.txt and the RSS feed)."""
    where = location_label(role)
    return "; ".join([
        f"{workplace_label(role.workplace)}, {where}" if role.workplace is not Workplace.REMOTE else where,
        pay_label(role),
        employment_label(role.employment_type),
        f"apply by {closing_label(role)}" if role.valid_through else "open until filled",
    ])
