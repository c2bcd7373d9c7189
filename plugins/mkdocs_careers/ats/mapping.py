"""An `AtsJob` → the ATS-owned fields of a role's frontmatter, plus the draft body and what could not be mapped.

Facts come only from what the payload states. Pay: cents are already units (providers convert); the unit is
Lever's `interval` (`per-year-salary`, ...) or Ashby's component `interval` (`1 YEAR`, ...); Greenhouse states
none, so whole-word phrases of the range's title, then of its blurb ("annual", "per hour", "day rate", ...) say
it, and otherwise the site's `ats.pay_unit` (default `year`): a place name such as "Dayton" or a "12-month
contract" never does. An unknown or contradictory unit, a range without currency and an open-ended range
("CA$180K+") are warnings and that range is not written (never clipped to a fixed amount). Several ranges
become `pay_ranges` (each labelled, and tied to its office by `city` when its title or blurb names one) and
`salary` is their envelope (lowest minimum to highest maximum), which JobPosting's `baseSalary` carries; when
ranges differ in currency or unit there is no envelope and `salary` is the first range. Employment types map
from each ATS's words to ours.

HTML descriptions are sanitised (nh3) before they are converted to Markdown (markdownify), so no script, style
or event attribute survives; line breaks and block boundaries (`<br>`, `<div>`) are kept. Headings are placed
under the page's own sections (the highest becomes `###`, below the page's `##` headings), and a heading the
generic-heading rule would flag ("Requirements", "What You'll Do") becomes bold text, reported to the sync's
pull request instead of failing a strict build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import markdownify
import nh3

from ..content.code_hints import currency_suggestion
from ..content.models import EmploymentType, SalaryUnit
from ..lint.rules import generic_heading_reason
from .jobs import AtsJob, AtsPay
from .locations import resolve_location, resolve_places

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "h1", "h2", "h3", "h4", "h5", "h6",
                "blockquote", "code", "pre", "hr", "div", "section", "article", "header", "footer", "span"}
MAX_AMOUNT = 1e12  # above any real pay in any currency: a larger number is a broken value, not a salary
BODY_TOP_HEADING = 3  # the page's own sections are `##`: an imported body's headings sit below them
# ATS words (lowercased, letters only) → our employment types.
EMPLOYMENT_TYPES = {
    "fulltime": EmploymentType.FULL_TIME, "permanent": EmploymentType.FULL_TIME,
    "regularfulltime": EmploymentType.FULL_TIME, "fulltimeregular": EmploymentType.FULL_TIME,
    "fulltimeemployee": EmploymentType.FULL_TIME, "permanentfulltime": EmploymentType.FULL_TIME,
    "parttime": EmploymentType.PART_TIME, "regularparttime": EmploymentType.PART_TIME,
    "parttimeregular": EmploymentType.PART_TIME, "parttimeemployee": EmploymentType.PART_TIME,
    "contract": EmploymentType.CONTRACTOR, "contractor": EmploymentType.CONTRACTOR,
    "freelance": EmploymentType.CONTRACTOR, "freelancer": EmploymentType.CONTRACTOR,
    "contracttohire": EmploymentType.CONTRACTOR, "contracttoperm": EmploymentType.CONTRACTOR,
    "contracttopermanent": EmploymentType.CONTRACTOR,
    "temporary": EmploymentType.TEMPORARY, "temp": EmploymentType.TEMPORARY, "fixedterm": EmploymentType.TEMPORARY,
    "fixedtermcontract": EmploymentType.TEMPORARY, "seasonal": EmploymentType.TEMPORARY,
    "intern": EmploymentType.INTERN, "internship": EmploymentType.INTERN,
    "volunteer": EmploymentType.VOLUNTEER, "perdiem": EmploymentType.PER_DIEM,
}
WORKPLACES = {"onsite": "onsite", "inoffice": "onsite", "office": "onsite", "hybrid": "hybrid", "remote": "remote"}
_UNITS = {unit.value: unit for unit in SalaryUnit}
_LEVER_INTERVAL = re.compile(r"per-(hour|day|week|month|year)(?:-[a-z]+)?", re.IGNORECASE)
_ASHBY_INTERVAL = re.compile(r"\s*1\s+(hour|day|week|month|year)\s*", re.IGNORECASE)
# Whole-word phrases that state a pay unit in free text. A phrase never matches inside a word or a hyphenated
# compound: "Dayton", "Monday", "Holiday" and "12-month contract" state nothing.
_UNIT_PHRASES = {
    SalaryUnit.YEAR: ("annual", "annually", "annualized", "annualised", "per year", "a year", "each year",
                      "yearly", "per annum", "p.a.", "/year", "/yr"),
    SalaryUnit.MONTH: ("monthly", "per month", "a month", "/month", "/mo"),
    SalaryUnit.WEEK: ("weekly", "per week", "a week", "/week", "/wk"),
    SalaryUnit.DAY: ("day rate", "daily rate", "per day", "a day", "/day", "daily"),
    SalaryUnit.HOUR: ("hourly", "per hour", "an hour", "/hour", "/hr"),
}
_UNIT_PATTERNS = {unit: re.compile("|".join(
    (r"(?<![\w-])" if phrase[0].isalnum() else "") + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w-])"
    for phrase in phrases), re.IGNORECASE) for unit, phrases in _UNIT_PHRASES.items()}
# Words of a range title that are not a place: "NYC Salary Range" names New York City.
_RANGE_WORDS = re.compile(r"\b(?:base|salary|pay|compensation|hourly|annual|range|zone|tier|band|rate|for|in|the)\b",
                          re.IGNORECASE)
_BR = "\ue000"  # stands for a line break while markdownify collapses whitespace


@dataclass
class RoleFacts:
    """Frontmatter values (plain YAML data) of the ATS-owned fields the job publishes; absent means unknown."""

    values: dict[str, Any]
    body: str | None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, message)
    demoted_headings: list[str] = field(default_factory=list)  # generic headings of the body made bold text


def map_job(job: AtsJob, *, default_unit: SalaryUnit = SalaryUnit.YEAR) -> RoleFacts:
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
        values.update(_pay(job.pay, problems, default_unit, values.get("locations") or []))
    values["apply"] = {"url": job.url}
    body, demoted = (html_to_markdown_with_headings(job.description_html) if job.description_html
                     else (None, []))
    return RoleFacts(values=values, body=body, problems=problems, demoted_headings=demoted)


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


def stated_unit(text: str | None) -> tuple[SalaryUnit | None, list[SalaryUnit]]:
    """The one unit a free text states in whole words, and every unit it states (several: contradictory)."""
    found = [unit for unit, pattern in _UNIT_PATTERNS.items() if text and pattern.search(text)]
    return (found[0] if len(found) == 1 else None), found


def pay_unit(pay: AtsPay, default: SalaryUnit = SalaryUnit.YEAR) -> tuple[SalaryUnit | None, str | None]:
    """Our unit for a range, and why there is none: from the ATS's interval when it has one, else from the
    words of the range's title, then its blurb, else `default` (the site's `ats.pay_unit`)."""
    if pay.interval is not None:
        interval = pay.interval.strip()
        match = _LEVER_INTERVAL.fullmatch(interval) or _ASHBY_INTERVAL.fullmatch(interval)
        if match:
            return _UNITS[match.group(1).casefold()], None
        return None, f"the pay interval '{pay.interval}' is not hour, day, week, month or year"
    for name, text in (("title", pay.label), ("text", pay.blurb)):
        unit, every = stated_unit(text)
        if unit is not None:
            return unit, None
        if every:
            said = " and ".join(f"per {u.value}" for u in every)
            return None, f"the pay range's {name} '{_short(text or '')}' says {said}; state one unit in the ATS"
    return default, None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _amount(item: AtsPay, value: float) -> str:
    return f"{item.currency.upper()} {_number(value):,}"


def _pay(pay: list[AtsPay], problems: list[tuple[str, str]], default_unit: SalaryUnit,
         offices: list[dict[str, str]]) -> dict[str, Any]:
    ranges: list[dict[str, Any]] = []
    for item in pay:
        unit, why = pay_unit(item, default_unit)
        if unit is None:
            problems.append(("salary", f"{why}; this range is not written"))
            continue
        if not item.currency.strip():
            problems.append(("salary", "a pay range has no currency; this range is not written"))
            continue
        if currency_suggestion(item.currency) != item.currency.strip().upper():
            problems.append(("salary", f"the pay range's currency '{_short(item.currency)}' is not an ISO 4217 code "
                                       "such as USD; this range is not written"))
            continue
        low, high = item.minimum, item.maximum
        if low is None and high is None:
            problems.append(("salary", f"a {item.currency} pay range has no amount"))
            continue
        if low is None or high is None:
            shown = f"{_amount(item, low)}+" if low is not None else f"up to {_amount(item, high or 0)}"
            problems.append(("salary", f"the pay range {shown} is open-ended; it is not written as a fixed amount "
                                       "(give it a maximum and a minimum in the ATS, or set salary here and pin it)"))
            continue
        if not (0 < low < MAX_AMOUNT and 0 < high < MAX_AMOUNT):
            problems.append(("salary", f"a {item.currency} pay range has no usable amount ({low:g} to {high:g})"))
            continue
        entry: dict[str, Any] = {}
        city = _range_office(item, offices) if len(pay) > 1 else None
        label = item.label or city
        if label and len(pay) > 1:
            entry["label"] = label
        entry.update(currency=item.currency.strip().upper(), min=_number(min(low, high)), max=_number(max(low, high)),
                     unit=unit.value)
        if city:
            entry["city"] = city
        ranges.append(entry)
    if len(ranges) > 1 and any("label" not in r for r in ranges):
        problems.append(("pay_ranges", "a pay range has no title saying what it applies to; give each range a "
                                       "title in the ATS (e.g. the office it is for)"))
    if not ranges:
        return {}
    same = {(r["currency"], r["unit"]) for r in ranges}
    if len(same) == 1:
        salary = {"currency": ranges[0]["currency"], "min": min(r["min"] for r in ranges),
                  "max": max(r["max"] for r in ranges), "unit": ranges[0]["unit"]}
    else:
        salary = {k: v for k, v in ranges[0].items() if k not in ("label", "city")}
    return {"salary": salary, "pay_ranges": ranges if len(ranges) > 1 else []}


def _range_office(item: AtsPay, offices: list[dict[str, str]]) -> str | None:
    """The office (its city) a range's title, else its blurb, names: by the city's own name, or by a name that
    resolves to it ("NYC Salary Range"); None unless exactly one office fits."""
    for text in (item.label, item.blurb):
        if not text:
            continue
        named = {o["city"] for o in offices if re.search(rf"(?<!\w){re.escape(o['city'])}(?!\w)", text, re.I)}
        if not named and text is item.label:
            place = re.sub(r"\s+", " ", _RANGE_WORDS.sub(" ", text)).strip(" -–—:,()")
            location, _ = resolve_location(place) if place else (None, None)
            named = {o["city"] for o in offices if location and (o["city"], o["country"]) == (
                location["city"], location["country"])}
        if len(named) == 1:
            return named.pop()
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _BodyConverter(markdownify.MarkdownConverter):
    """markdownify with line breaks kept and headings placed under the page's sections (generic ones demoted)."""

    def __init__(self, top_level: int, **options: Any) -> None:
        super().__init__(**options)
        self.shift = BODY_TOP_HEADING - top_level
        self.demoted: list[str] = []

    def convert_br(self, el: Any, text: str, parent_tags: set[str]) -> str:
        return f"{_BR}\n"

    def convert_hN(self, n: int, el: Any, text: str, parent_tags: set[str]) -> str:
        if "_inline" in parent_tags:
            return text
        heading = " ".join(text.split())
        if not heading:
            return ""
        if generic_heading_reason(heading):
            self.demoted.append(heading)
            return f"\n\n**{heading}**\n\n"
        return str(super().convert_hN(min(n + self.shift, 6), el, text, parent_tags))  # type: ignore[misc]


def html_to_markdown_with_headings(html: str) -> tuple[str, list[str]]:
    """Sanitised, then converted: the draft body an editor starts from, and the generic headings made bold."""
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"},
                      link_rel=None)
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", clean)]
    converter = _BodyConverter(min(levels, default=BODY_TOP_HEADING), heading_style="ATX", bullets="-",
                               strip=["img"])
    text = converter.convert(clean)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(rf"[ \t]*{_BR}\n", "  \n", text).replace(_BR, "")
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n", converter.demoted


def html_to_markdown(html: str) -> str:
    return html_to_markdown_with_headings(html)[0]
