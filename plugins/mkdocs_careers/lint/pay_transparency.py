"""Pay-transparency laws as data: which laws apply to a role, and what its job ad is missing.

The laws live in `data/pay_transparency.yaml` (jurisdiction, dates, duties, employer threshold, citation,
source and the day it was verified) so they can be updated without code changes. A law applies to an open
role when it is in force on the build date (effective, not superseded), the employer is not known to be
below its threshold, and the role has an office in the jurisdiction or is remote and open to its country.
Offices in countries with regional laws (US, Canada) are placed in a region first (places.py). The
`pay-transparency`, `pay-transparency-advisory` and `location-region` rules in rules.py report the result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..content.loading import load_yaml
from ..content.models import Location, Role, SalaryUnit, Workplace
from ..content.money import money
from .places import Placement, city_key, country_label, dataset_name, place

DATA_FILE = Path(__file__).parent / "data" / "pay_transparency.yaml"
Requirement = Literal["pay_range", "benefits", "application_deadline", "ai_use_statement", "vacancy_statement"]
Severity = Literal["error", "warning"]
LawStatus = Literal["in force", "upcoming", "superseded"]
# Full-time year used to compare hourly, daily, weekly and monthly ranges with an annual limit.
PERIODS_PER_YEAR = {SalaryUnit.HOUR: 2080, SalaryUnit.DAY: 260, SalaryUnit.WEEK: 52, SalaryUnit.MONTH: 12,
                    SalaryUnit.YEAR: 1}


class RangeLimit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_width: float = Field(gt=0, description="Widest allowed range, per year")
    currency: str
    exempt_above: float | None = Field(None, description="No requirement when pay exceeds this, per year")


class Threshold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    employees: int = Field(ge=1, description="The law covers employers with at least this many employees")
    counted: Literal["anywhere", "in_jurisdiction"] = "anywhere"


class Superseded(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    on: dt.date
    by: str


class PayLaw(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: str
    country: str | None = None
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    remote: bool = True
    effective: dt.date
    enforced_from: dt.date | None = None
    superseded: Superseded | None = None
    fallback: bool = False
    severity: Severity = "error"
    requires: tuple[Requirement, ...] = Field(min_length=1)
    range_limit: RangeLimit | None = None
    threshold: Threshold | None = None
    law: str = Field(min_length=1)
    covers: str = ""
    notes: tuple[str, ...] = ()
    source: str = Field(pattern=r"^https://\S+$")
    verified: dt.date

    @model_validator(mode="after")
    def _one_place(self) -> PayLaw:
        if bool(self.country) == bool(self.countries):
            raise ValueError(f"{self.jurisdiction}: give either country or countries")
        if (self.regions or self.cities) and not self.country:
            raise ValueError(f"{self.jurisdiction}: regions and cities need a single country")
        return self

    @property
    def country_codes(self) -> tuple[str, ...]:
        return (self.country,) if self.country else self.countries

    def status(self, on: dt.date) -> LawStatus:
        if self.superseded is not None and self.superseded.on <= on:
            return "superseded"
        return "upcoming" if self.effective > on else "in force"

    def severity_on(self, on: dt.date) -> Severity:
        """A law in force but not yet enforced only warns."""
        if self.enforced_from is not None and on < self.enforced_from:
            return "warning"
        return self.severity

    @property
    def citation(self) -> str:
        return f"{self.jurisdiction}: {self.law}, in force since {self.effective.isoformat()}"

    @property
    def threshold_label(self) -> str:
        if self.threshold is None:
            return "every employer"
        where = f" in {self.jurisdiction}" if self.threshold.counted == "in_jurisdiction" else ""
        return f"{self.threshold.employees}+ employees{where}"


class PayLawBook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    laws: tuple[PayLaw, ...]


@dataclass(frozen=True)
class ApplicableLaw:
    law: PayLaw
    reason: str  # why it applies, e.g. "office in Denver" or "remote and open to US"
    assumed_threshold: bool = False  # the law has a threshold the tool could not check against the headcount


@dataclass(frozen=True)
class PayProblem:
    field: tuple[str | int, ...]
    message: str
    hint: str
    severity: Severity = "error"


@cache
def load_laws(path: Path = DATA_FILE) -> tuple[PayLaw, ...]:
    return PayLawBook.model_validate(load_yaml(path.read_text(encoding="utf-8"))).laws


@cache
def regional_countries(laws: tuple[PayLaw, ...]) -> frozenset[str]:
    """Countries whose laws differ by region, so every office there must be placed in a region."""
    return frozenset(law.country for law in laws if law.country and law.regions)


def placements(role: Role, laws: tuple[PayLaw, ...]) -> list[Placement | None]:
    """The placement of each office in a country with regional laws; None for offices elsewhere."""
    regional = regional_countries(laws)
    return [place(loc.country, loc.city, loc.region) if loc.country in regional else None for loc in role.locations]


def _office_matches(law: PayLaw, location: Location, placement: Placement | None) -> bool:
    if location.country not in law.country_codes:
        return False
    region = placement.region if placement is not None else None
    if law.cities:
        in_city = city_key(location.city) in {city_key(c) for c in law.cities}
        # A city law needs the city; a known region must then agree (New York, NY, not New York, IA).
        return in_city and (region is None or not law.regions or region in law.regions)
    return not law.regions or region in law.regions


def _office_reason(location: Location, placement: Placement | None) -> str:
    if placement is not None and placement.derived_from:
        return f"office in {location.city} (placed in {placement.region} by {placement.derived_from})"
    return f"office in {location.city}"


def _below_threshold(law: PayLaw, headcount: int | None) -> bool:
    return law.threshold is not None and headcount is not None and headcount < law.threshold.employees


def _assumed(law: PayLaw, headcount: int | None) -> bool:
    """True when the threshold is taken as met without knowing it (no headcount, or a local count)."""
    if law.threshold is None:
        return False
    return headcount is None or law.threshold.counted == "in_jurisdiction"


def applicable_laws(role: Role, on: dt.date, laws: tuple[PayLaw, ...] | None = None,
                    headcount: int | None = None) -> list[ApplicableLaw]:
    """Laws in force on `on` that cover the role's offices or, for remote roles, its open countries."""
    book = load_laws() if laws is None else laws
    in_force = [law for law in book if law.status(on) == "in force"]
    where = placements(role, book)
    remote_countries = list(role.remote_countries) if role.workplace is Workplace.REMOTE else []
    found: list[ApplicableLaw] = []
    for law in in_force:
        if law.fallback or _below_threshold(law, headcount):
            continue
        match = next(((loc, p) for loc, p in zip(role.locations, where, strict=True) if _office_matches(law, loc, p)),
                     None)
        if match is not None:
            found.append(ApplicableLaw(law, _office_reason(*match), _assumed(law, headcount)))
        elif law.remote and any(c in law.country_codes for c in remote_countries):
            country = next(c for c in remote_countries if c in law.country_codes)
            found.append(ApplicableLaw(law, f"remote and open to {country}", _assumed(law, headcount)))
    # A fallback (the EU directive) covers only countries where no national rule is in force.
    covered = {c for law in in_force if not law.fallback for c in law.country_codes}
    for law in in_force:
        if not law.fallback or _below_threshold(law, headcount):
            continue
        office = next((loc for loc in role.locations if loc.country in law.country_codes
                       and loc.country not in covered), None)
        open_to = [c for c in remote_countries if c in law.country_codes and c not in covered]
        if office is not None:
            found.append(ApplicableLaw(law, f"office in {office.city}", _assumed(law, headcount)))
        elif open_to:
            found.append(ApplicableLaw(law, f"remote and open to {', '.join(open_to)}", _assumed(law, headcount)))
    return found


def location_problems(role: Role, laws: tuple[PayLaw, ...] | None = None) -> list[PayProblem]:
    """Offices in the US or Canada that cannot be placed in a state or province: pay laws depend on it."""
    book = load_laws() if laws is None else laws
    found: list[PayProblem] = []
    for index, (loc, placement) in enumerate(zip(role.locations, placements(role, book), strict=True)):
        if placement is None or placement.region is not None:
            continue
        example = "region: CO (or region: Colorado)" if loc.country == "US" else "region: ON (or region: Ontario)"
        if placement.problem == "invalid":
            message = (f"'{loc.region}' is not a state, province or region of {country_label(loc.country)}, so its "
                       "pay-transparency laws cannot be applied")
        elif placement.problem == "ambiguous":
            message = (f"no region, and there is a {loc.city} in {', '.join(placement.candidates)}; state and "
                       "provincial pay-transparency laws depend on which")
        else:
            message = (f"no region, and {loc.city} is not in {dataset_name()}; state and provincial "
                       "pay-transparency laws depend on the region")
        found.append(PayProblem(("locations", index, "region"), message,
                                f"write the ISO 3166-2 code or the name, e.g. {example}"))
    return found


def _annual(amount: float, unit: SalaryUnit) -> float:
    return amount * PERIODS_PER_YEAR[unit]


def _cited(applicable: list[ApplicableLaw]) -> str:
    """`office in Denver, so Colorado (law)`; laws that apply for the same reason are listed together."""
    by_reason: dict[str, list[str]] = {}
    for item in applicable:
        by_reason.setdefault(item.reason, []).append(f"{item.law.jurisdiction} ({item.law.law})")
    text = "; ".join(f"{reason}, so {', '.join(laws)}" for reason, laws in by_reason.items())
    assumed = [f"{a.law.jurisdiction} {a.law.threshold_label}" for a in applicable if a.assumed_threshold]
    if assumed:
        text += f" (employer-size thresholds assumed met: {', '.join(dict.fromkeys(assumed))})"
    return text


def _threshold_hint(applicable: list[ApplicableLaw], headcount: int | None) -> str:
    if not any(a.assumed_threshold for a in applicable):
        return ""
    if headcount is None:
        return ("; set organization.headcount in mkdocs.yml so laws for larger employers than yours are skipped, "
                "or add pay-transparency to lint_disable if one does not cover you")
    return (f"; organization.headcount ({headcount}) counts employees everywhere, so local thresholds are assumed "
            "met: if one is not, add pay-transparency to lint_disable")


def _notes(applicable: list[ApplicableLaw]) -> str:
    notes = [f"{a.law.jurisdiction}: {note}" for a in applicable for note in a.law.notes]
    return f"; also: {'; '.join(dict.fromkeys(notes))}" if notes else ""


# Whether the ad says AI screens applicants, and whether the vacancy exists: one sentence each, in any words.
_SENTENCE = re.compile(r"[^.!?\n]+")
_AI_WORDS = re.compile(r"\b(ai|artificial intelligence|automated|algorithm\w*)\b", re.IGNORECASE)
_SCREENING_WORDS = re.compile(r"\b(screen\w*|assess\w*|select\w*|applica\w*|candidat\w*|hiring)\b", re.IGNORECASE)
_VACANCY_WORDS = re.compile(r"\b(vacanc(y|ies)|existing (position|role|opening|job))\b", re.IGNORECASE)


def says_ai_use(text: str) -> bool:
    return any(_AI_WORDS.search(s) and _SCREENING_WORDS.search(s) for s in _SENTENCE.findall(text))


def says_vacancy(text: str) -> bool:
    return bool(_VACANCY_WORDS.search(text))


def advertised_text(role: Role, body: str) -> str:
    """Everything the role page shows in words: body, summary, benefits and the Q&A."""
    parts = [role.summary, body, *role.benefits, *(f"{item.question}\n{item.answer}" for item in role.faq)]
    return "\n".join(parts)


_STATEMENTS: dict[Requirement, tuple[Callable[[str], bool], str, str]] = {
    "ai_use_statement": (says_ai_use, "the job ad does not say whether artificial intelligence screens, assesses or selects "
                         "applicants", "add a sentence to the role's text or Q&A, e.g. 'We do not use artificial "
                         "intelligence to screen, assess or select applicants.'"),
    "vacancy_statement": (says_vacancy, "the job ad does not say whether it is for an existing vacancy",
                          "add a sentence to the role's text or Q&A, e.g. 'This posting is for an existing vacancy.'"),
}


def _exemption(limit: RangeLimit) -> str:
    """The exemption stated precisely: it is the range's maximum (salary.max, annualised) that counts."""
    if not limit.exempt_above:
        return ""
    return (f" (the limit does not apply when salary.max is above {money(limit.exempt_above, limit.currency)} "
            "a year)")


def problems(role: Role, on: dt.date, laws: tuple[PayLaw, ...] | None = None, *, body: str = "",
             headcount: int | None = None) -> list[PayProblem]:
    """What the role's job ad lacks under every applicable law, one problem per missing item and severity.

    A requirement that some law makes an error is reported once, as an error, citing those laws; laws that
    only advise (severity warning, or not yet enforced) are reported as a warning when no law demands it.
    """
    applicable = applicable_laws(role, on, laws, headcount)
    salary = role.salary

    def exempt(item: ApplicableLaw) -> bool:
        limit = item.law.range_limit
        return bool(limit and limit.exempt_above and salary and salary.currency == limit.currency
                    and _annual(salary.max, salary.unit) > limit.exempt_above)

    def needing(requirement: Requirement) -> tuple[list[ApplicableLaw], Severity]:
        items = [a for a in applicable if requirement in a.law.requires
                 and not (requirement == "pay_range" and exempt(a))]
        errors = [a for a in items if a.law.severity_on(on) == "error"]
        return (errors, "error") if errors else (items, "warning")

    def extra(items: list[ApplicableLaw]) -> str:
        return _threshold_hint(items, headcount) + _notes(items)

    found: list[PayProblem] = []
    needs_pay, pay_severity = needing("pay_range")
    if needs_pay and salary is None:
        hint = "add salary: with currency, min, max and unit (min and max both, no open-ended range)"
        for item in needs_pay:
            limit = item.law.range_limit
            if limit is not None and limit.exempt_above:
                hint += (f"; {item.law.jurisdiction} exempts roles whose maximum pay (salary.max) is above "
                         f"{money(limit.exempt_above, limit.currency)} a year: state that range, or if the law "
                         "does not apply, add pay-transparency to lint_disable")
        verb = "must state one" if pay_severity == "error" else "should state one"
        found.append(PayProblem(("salary",), f"no pay range, but the job ad {verb}: {_cited(needs_pay)}",
                                hint + extra(needs_pay), pay_severity))
    if salary is not None:
        for item in needs_pay:
            limit = item.law.range_limit
            if limit is None or salary.currency != limit.currency:
                continue
            width = _annual(salary.max - salary.min, salary.unit)
            if width > limit.max_width:
                per_year = "" if salary.unit is SalaryUnit.YEAR else " (annualised)"
                found.append(PayProblem(
                    ("salary",), f"the range is {money(width, salary.currency)} a year wide{per_year}; "
                    f"{item.law.jurisdiction} allows at most {money(limit.max_width, limit.currency)} under "
                    f"{item.law.law}{_exemption(limit)}",
                    f"narrow the range to at most {money(limit.max_width, limit.currency)} a year", pay_severity))
    needs_benefits, benefits_severity = needing("benefits")
    if needs_benefits and not role.benefits:
        found.append(PayProblem(("benefits",), "no benefits listed, but the job ad must describe them: "
                                f"{_cited(needs_benefits)}", "list the role's benefits under benefits:, e.g. "
                                "health insurance, retirement plan, paid time off" + extra(needs_benefits),
                                benefits_severity))
    needs_deadline, deadline_severity = needing("application_deadline")
    if needs_deadline and role.valid_through is None:
        found.append(PayProblem(("valid_through",), "no closing date, but the job ad must state when applications "
                                f"close: {_cited(needs_deadline)}",
                                "set valid_through: to the expected last day to apply, YYYY-MM-DD"
                                + extra(needs_deadline), deadline_severity))
    text = advertised_text(role, body)
    for requirement, (said, message, hint) in _STATEMENTS.items():
        items, severity = needing(requirement)
        if items and not said(text):
            found.append(PayProblem(("body",), f"{message}: {_cited(items)}", hint + extra(items), severity))
    return found
