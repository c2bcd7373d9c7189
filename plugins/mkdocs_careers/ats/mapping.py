"""An `AtsJob` → the ATS-owned fields of a role's frontmatter, plus the draft body and what could not be mapped.

Pay: cents are already units (providers convert); each range's interval maps to our `unit`; several ranges
become `pay_ranges` (each labelled) and `salary` is their envelope (lowest minimum to highest maximum), which
JobPosting's `baseSalary` carries. When ranges differ in currency or unit there is no envelope: `salary` is
the first range. Employment types map from each ATS's words to ours. HTML descriptions are sanitised (nh3)
before they are converted to Markdown (markdownify), so no script, style or event attribute survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import markdownify
import nh3

from ..content.models import EmploymentType, SalaryUnit
from .jobs import AtsJob, AtsPay
from .locations import resolve_places

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h1", "h2", "h3", "h4", "h5", "h6",
                "blockquote", "code", "pre", "hr"}
# ATS words (lowercased, letters only) → our employment types.
EMPLOYMENT_TYPES = {
    "fulltime": EmploymentType.FULL_TIME, "permanent": EmploymentType.FULL_TIME,
    "parttime": EmploymentType.PART_TIME,
    "contract": EmploymentType.CONTRACTOR, "contractor": EmploymentType.CONTRACTOR,
    "freelance": EmploymentType.CONTRACTOR, "freelancer": EmploymentType.CONTRACTOR,
    "temporary": EmploymentType.TEMPORARY, "temp": EmploymentType.TEMPORARY, "fixedterm": EmploymentType.TEMPORARY,
    "intern": EmploymentType.INTERN, "internship": EmploymentType.INTERN,
    "volunteer": EmploymentType.VOLUNTEER, "perdiem": EmploymentType.PER_DIEM,
}
WORKPLACES = {"onsite": "onsite", "inoffice": "onsite", "office": "onsite", "hybrid": "hybrid", "remote": "remote"}
_UNIT_WORDS = (("hour", SalaryUnit.HOUR), ("day", SalaryUnit.DAY), ("daily", SalaryUnit.DAY),
               ("week", SalaryUnit.WEEK), ("month", SalaryUnit.MONTH), ("year", SalaryUnit.YEAR),
               ("annual", SalaryUnit.YEAR))


@dataclass
class RoleFacts:
    """Frontmatter values (plain YAML data) of the ATS-owned fields the job publishes; absent means unknown."""

    values: dict[str, Any]
    body: str | None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, message)


def map_job(job: AtsJob) -> RoleFacts:
    values: dict[str, Any] = {"title": job.title}
    problems: list[tuple[str, str]] = []
    if job.department:
        values["department"] = job.department
    if job.employment_type:
        kind = employment_type(job.employment_type)
        if kind is None:
            problems.append(("employment_type", f"the ATS's employment type '{job.employment_type}' has no "
                                                f"equivalent here"))
        else:
            values["employment_type"] = kind.value
    if job.date_posted:
        values["date_posted"] = job.date_posted
    values.update(_places(job, problems))
    if job.pay is not None:
        values.update(_pay(job.pay, problems))
    values["apply"] = {"url": job.url}
    return RoleFacts(values=values, body=html_to_markdown(job.description_html) if job.description_html else None,
                     problems=problems)


def employment_type(word: str) -> EmploymentType | None:
    return EMPLOYMENT_TYPES.get(re.sub(r"[^a-z]", "", word.casefold()))


def _places(job: AtsJob, problems: list[tuple[str, str]]) -> dict[str, Any]:
    resolved = resolve_places(job.places, remote=job.remote, country_hint=job.country_hint)
    problems += [("locations", problem) for problem in resolved.problems]
    if resolved.problems and not (resolved.locations or resolved.remote_countries):
        return {}  # nothing usable: the role keeps what it has
    explicit = WORKPLACES.get(re.sub(r"[^a-z]", "", (job.workplace or "").casefold()))
    workplace = explicit or ("remote" if resolved.remote else "hybrid" if resolved.hybrid else "onsite")
    values: dict[str, Any] = {"workplace": workplace, "locations": resolved.locations}
    values["remote_countries"] = resolved.remote_countries if workplace == "remote" else []
    return values


def pay_unit(pay: AtsPay) -> SalaryUnit | None:
    """Our unit from the ATS's interval ("per-year-salary", "1 YEAR"); Greenhouse has none: its range title
    may say "hourly", otherwise the range is yearly (Greenhouse's pay transparency ranges are salaries)."""
    words = (pay.interval or pay.label or "").casefold()
    if pay.interval and re.fullmatch(r"\s*(?:[2-9]|\d{2,})\s+\w+", pay.interval):
        return None  # "2 WEEK": pay per several units has no schema.org unit
    for word, unit in _UNIT_WORDS:
        if word in words:
            return unit
    return SalaryUnit.YEAR if pay.interval is None else None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _pay(pay: list[AtsPay], problems: list[tuple[str, str]]) -> dict[str, Any]:
    ranges: list[dict[str, Any]] = []
    for item in pay:
        unit = pay_unit(item)
        low, high = item.minimum or item.maximum, item.maximum or item.minimum
        if unit is None:
            problems.append(("salary", f"the pay interval '{item.interval}' is not hour, day, week, month or year"))
            continue
        if not low or not high or low <= 0:
            problems.append(("salary", f"a {item.currency} pay range has no amount"))
            continue
        entry: dict[str, Any] = {"label": item.label} if item.label and len(pay) > 1 else {}
        entry.update(currency=item.currency.upper(), min=_number(min(low, high)), max=_number(max(low, high)),
                     unit=unit.value)
        ranges.append(entry)
    if not ranges:
        return {}
    same = {(r["currency"], r["unit"]) for r in ranges}
    if len(same) == 1:
        salary = {"currency": ranges[0]["currency"], "min": min(r["min"] for r in ranges),
                  "max": max(r["max"] for r in ranges), "unit": ranges[0]["unit"]}
    else:
        salary = {k: v for k, v in ranges[0].items() if k != "label"}
    return {"salary": salary, "pay_ranges": ranges if len(ranges) > 1 else []}


def html_to_markdown(html: str) -> str:
    """Sanitised, then converted: the draft body an editor starts from."""
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"},
                      link_rel=None)
    text = markdownify.markdownify(clean, heading_style="ATX", bullets="-", strip=["img"])
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
