"""Pay-transparency laws as data: which laws apply to a role, and what its job ad is missing.

The laws live in `data/pay_transparency.yaml` (jurisdiction, effective date, requirements, law
name) so they can be updated without code changes. A law applies to an open role when it is in
force on the build date and the role has an office in the jurisdiction, or is remote and open to
the jurisdiction's country. The `pay-transparency` rule in rules.py turns the result into errors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field

from ..content.loading import load_yaml
from ..content.models import Location, Role, SalaryUnit, Workplace
from ..content.money import money

DATA_FILE = Path(__file__).parent / "data" / "pay_transparency.yaml"
Requirement = Literal["pay_range", "benefits", "application_deadline"]
# Full-time year used to compare hourly, daily, weekly and monthly ranges with an annual limit.
PERIODS_PER_YEAR = {SalaryUnit.HOUR: 2080, SalaryUnit.DAY: 260, SalaryUnit.WEEK: 52, SalaryUnit.MONTH: 12,
                    SalaryUnit.YEAR: 1}


class RangeLimit(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_width: float = Field(gt=0, description="Widest allowed range, per year")
    currency: str
    exempt_above: float | None = Field(None, description="No requirement when pay exceeds this, per year")


class PayLaw(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: str
    country: str
    regions: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    remote: bool = True
    effective: dt.date
    requires: tuple[Requirement, ...] = Field(min_length=1)
    range_limit: RangeLimit | None = None
    law: str
    covers: str = ""

    @property
    def citation(self) -> str:
        return f"{self.jurisdiction}: {self.law}, in force since {self.effective.isoformat()}"


class PayLawBook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    laws: tuple[PayLaw, ...]


@dataclass(frozen=True)
class ApplicableLaw:
    law: PayLaw
    reason: str  # why it applies, e.g. "office in Denver, CO" or "remote and open to US"


@dataclass(frozen=True)
class PayProblem:
    field: tuple[str, ...]
    message: str
    hint: str


@cache
def load_laws(path: Path = DATA_FILE) -> tuple[PayLaw, ...]:
    return PayLawBook.model_validate(load_yaml(path.read_text(encoding="utf-8"))).laws


@cache
def _region_codes(country: str) -> dict[str, str]:
    """Every way an editor may write a region (code or name, any case) → its ISO 3166-2 code suffix."""
    lookup: dict[str, str] = {}
    # pycountry leaves its Subdivisions.get override (a list for country_code=) unannotated.
    for sub in pycountry.subdivisions.get(country_code=country) or []:  # type: ignore[no-untyped-call]
        suffix = sub.code.split("-", 1)[1]
        lookup[suffix.casefold()] = suffix
        lookup[sub.name.casefold()] = suffix
    return lookup


def region_code(location: Location) -> str | None:
    if not location.region:
        return None
    written = location.region.strip().replace(".", "").casefold()
    return _region_codes(location.country).get(written)


def _location_matches(law: PayLaw, location: Location) -> bool:
    if location.country != law.country:
        return False
    code = region_code(location)
    if law.cities:
        in_city = location.city.strip().casefold() in {c.casefold() for c in law.cities}
        # A city law needs the city; a written region must then agree (New York, NY, not New York, IA).
        return in_city and (code is None or not law.regions or code in law.regions)
    return not law.regions or code in law.regions


def applicable_laws(role: Role, on: dt.date, laws: tuple[PayLaw, ...] | None = None) -> list[ApplicableLaw]:
    """Laws in force on `on` that cover the role's offices or, for remote roles, its open countries."""
    found: list[ApplicableLaw] = []
    for law in load_laws() if laws is None else laws:
        if law.effective > on:
            continue
        office = next((loc for loc in role.locations if _location_matches(law, loc)), None)
        if office is not None:
            found.append(ApplicableLaw(law, f"office in {office.city}"))
        elif law.remote and role.workplace is Workplace.REMOTE and law.country in role.remote_countries:
            found.append(ApplicableLaw(law, f"remote and open to {law.country}"))
    return found


def _annual(amount: float, unit: SalaryUnit) -> float:
    return amount * PERIODS_PER_YEAR[unit]


def _cited(applicable: list[ApplicableLaw]) -> str:
    """`office in Denver, so Colorado (law)`; laws that apply for the same reason are listed together."""
    by_reason: dict[str, list[str]] = {}
    for item in applicable:
        by_reason.setdefault(item.reason, []).append(f"{item.law.jurisdiction} ({item.law.law})")
    return "; ".join(f"{reason}, so {', '.join(laws)}" for reason, laws in by_reason.items())


def problems(role: Role, on: dt.date, laws: tuple[PayLaw, ...] | None = None) -> list[PayProblem]:
    """What the role's job ad lacks under every applicable law, one problem per missing item."""
    applicable = applicable_laws(role, on, laws)
    found: list[PayProblem] = []
    salary = role.salary

    def exempt(item: ApplicableLaw) -> bool:
        limit = item.law.range_limit
        return bool(limit and limit.exempt_above and salary and salary.currency == limit.currency
                    and _annual(salary.max, salary.unit) > limit.exempt_above)

    needs_pay = [a for a in applicable if "pay_range" in a.law.requires and not exempt(a)]
    if needs_pay and salary is None:
        hint = "add salary: with currency, min, max and unit (min and max both, no open-ended range)"
        for item in needs_pay:
            limit = item.law.range_limit
            if limit is not None and limit.exempt_above:
                hint += (f"; {item.law.jurisdiction} exempts pay above {money(limit.exempt_above, limit.currency)}"
                         " a year: if that applies, add pay-transparency to lint_disable")
        found.append(PayProblem(("salary",), f"no pay range, but the job ad must state one: {_cited(needs_pay)}",
                                hint))
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
                    f"{item.law.law}", f"narrow the range to at most {money(limit.max_width, limit.currency)} a year"))
    needs_benefits = [a for a in applicable if "benefits" in a.law.requires]
    if needs_benefits and not role.benefits:
        found.append(PayProblem(("benefits",), "no benefits listed, but the job ad must describe them: "
                                f"{_cited(needs_benefits)}", "list the role's benefits under benefits:, e.g. "
                                "health insurance, retirement plan, paid time off"))
    needs_deadline = [a for a in applicable if "application_deadline" in a.law.requires]
    if needs_deadline and role.valid_through is None:
        found.append(PayProblem(("valid_through",), "no closing date, but the job ad must state when applications "
                                f"close: {_cited(needs_deadline)}",
                                "set valid_through: to the expected last day to apply, YYYY-MM-DD"))
    return found
