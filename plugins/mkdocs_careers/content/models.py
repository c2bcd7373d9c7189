"""Content models: the one source of truth for validation, JSON Schema and every output.

Each frontmatter field is declared once here, with its description; `careers schema` exports
these models as JSON Schema and the README's field tables mirror them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import typing
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar

import pycountry
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .code_hints import country_suggestion, currency_suggestion
from .diagnostics import FieldProblem
from .text_hygiene import CONTROL_CHARACTER, has_visible_character, invisible_character_problem
from .urls import check_absolute_url, check_image_reference

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_COUNTRIES = frozenset(c.alpha_2 for c in pycountry.countries)
_CURRENCIES = frozenset(c.alpha_3 for c in pycountry.currencies)

T = TypeVar("T")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if not has_visible_character(value):
        raise FieldProblem("has no visible character (only spaces, zero-width, filler or unassigned characters)",
                           "write the text; characters pasted from elsewhere may look like text but draw nothing")
    return value


def _empty_or_visible(value: str) -> str:
    """An optional text may be left empty; text that is there must draw something, as a required one must."""
    return _not_blank(value) if value.strip() else value


def _no_control_characters(value: str) -> str:
    found = CONTROL_CHARACTER.search(value)
    if found:
        raise ValueError(f"contains the invisible control character U+{ord(found.group()):04X} at character "
                         f"{found.start() + 1}; delete it (it often comes from text pasted from a PDF)")
    problem = invisible_character_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _country_code(value: str) -> str:
    if value not in _COUNTRIES:
        suggestion = country_suggestion(value)
        hint = f"use {suggestion}" if suggestion else "look the code up at https://www.iso.org/obp/ui/#search"
        raise FieldProblem(f"'{value}' is not an ISO 3166-1 alpha-2 country code such as US, GB, DE or CA", hint)
    return value


def _currency_code(value: str) -> str:
    if value not in _CURRENCIES:
        suggestion = currency_suggestion(value)
        hint = f"use {suggestion}" if suggestion else "write the three capital letters of the currency, e.g. USD"
        raise FieldProblem(f"'{value}' is not an ISO 4217 currency code such as USD, EUR or GBP", hint)
    return value


def _one_or_many(value: object) -> object:
    """Editors may write `employment_type: full_time` for the common single-value case."""
    return [value] if isinstance(value, str) else value


Text = Annotated[str, AfterValidator(_not_blank), AfterValidator(_no_control_characters)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, description="File name of another content file, without .md")]
# The JSON Schema lists the codes too, so editors get completion for them (`careers schema`).
CountryCode = Annotated[str, AfterValidator(_country_code), Field(
    description="ISO 3166-1 alpha-2 code, e.g. US, GB, DE", json_schema_extra={"enum": sorted(_COUNTRIES)})]
CurrencyCode = Annotated[str, AfterValidator(_currency_code), Field(
    description="ISO 4217 code, e.g. USD, EUR, GBP", json_schema_extra={"enum": sorted(_CURRENCIES)})]
AbsoluteUrl = Annotated[str, AfterValidator(check_absolute_url), Field(description="Absolute http(s) URL")]
# An https URL or a path inside docs_dir; load_site checks the path is an image file inside the project.
ImageReference = Annotated[str, AfterValidator(_not_blank), AfterValidator(check_image_reference), Field(
    description="Absolute http(s) URL or a path inside content/, e.g. assets/people/ana.jpg")]
LintDisable = Annotated[list[Annotated[str, Field(pattern=SLUG_PATTERN)]], Field(
    default_factory=list, description="Lint rule ids switched off for this file only, e.g. [summary-length]; "
                                      "`careers rules` lists them")]


# Models with the same given fields share one `__pydantic_fields_set__` (see ContentModel.model_post_init).
_SHARED_FIELD_SETS: dict[frozenset[str], set[str]] = {}


class ContentModel(BaseModel):
    """Strict base: unknown keys are errors (with a did-you-mean), so typos never vanish silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    def model_post_init(self, context: Any, /) -> None:
        # Pydantic keeps a set of the given field names on every instance: about 4 KB of a role's 17 KB, 40 MB
        # at 10,000 roles. Files with the same fields share one set instead. Safe because content models are
        # frozen (nothing adds to the set in place) and pydantic copies the set before changing a copy's.
        given = self.__pydantic_fields_set__
        shared = _SHARED_FIELD_SETS.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(self, "__pydantic_fields_set__", shared)


class EmploymentType(str, Enum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    CONTRACTOR = "contractor"
    TEMPORARY = "temporary"
    INTERN = "intern"
    VOLUNTEER = "volunteer"
    PER_DIEM = "per_diem"
    OTHER = "other"

    @property
    def google_value(self) -> str:
        return self.value.upper()



# What editors may write: one value or a non-empty list (the JSON Schema must accept both, like the model).
EmploymentTypes = Annotated[list[EmploymentType], Field(min_length=1)]


class Workplace(str, Enum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


class SalaryUnit(str, Enum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def google_value(self) -> str:
        return self.value.upper()


class Location(ContentModel):
    city: Text = Field(description="City, e.g. Berlin")
    region: Text | None = Field(None, description="State, province or region, e.g. CA or Ontario")
    country: CountryCode
    postal_code: Text | None = Field(None, description="Postal code (optional)")
    street: Text | None = Field(None, description="Street address (optional)")


class Salary(ContentModel):
    currency: CurrencyCode
    min: float = Field(gt=0, description="Lowest pay in the range, in `unit`s")
    max: float = Field(gt=0, description="Highest pay in the range, in `unit`s (equal to min for a fixed rate)")
    unit: SalaryUnit = Field(description="What the amounts pay for: hour, day, week, month or year")

    @model_validator(mode="after")
    def _max_not_below_min(self) -> Salary:
        if self.max < self.min:
            raise ValueError(f"max ({self.max:g}) is below min ({self.min:g}); swap them")
        return self


class PayRange(Salary):
    """One of several pay ranges of a role (per location, level or tier); `salary` is their envelope."""

    label: Text | None = Field(None, description="What the range applies to, e.g. 'New York City' or 'Senior'")
    city: Text | None = Field(None, description="The office this range is paid in: the city of one of the role's "
                                                "locations (job boards show it with that office)")


# Fields `careers import` writes from the applicant tracking system (ATS); every other field is the editor's.
# A role lists some of them under `ats_pin` to keep its own value against the ATS.
AtsOwnedField = Literal["title", "department", "employment_type", "date_posted", "locations", "workplace",
                        "remote_countries", "salary", "pay_ranges", "apply", "closed", "closed_on"]
ATS_OWNED_FIELDS: tuple[str, ...] = typing.get_args(AtsOwnedField)


class AtsSource(ContentModel):
    """Where `careers import` found the role: written by the import, used to match the job on the next run."""

    provider: Annotated[str, Field(pattern=SLUG_PATTERN, description="ATS the role comes from, e.g. greenhouse")]
    board: Text = Field(description="Job board name (token) on that ATS")
    id: Text = Field(description="The job's id on that ATS")
    body_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        None, description="Digest of the Markdown body the import last wrote; an edited body is never replaced")

    def wrote(self, body: str) -> bool:
        """Whether a body, as the build reads it, is still the text the import wrote (the ATS owns it)."""
        return self.body_sha256 == hashlib.sha256(("\n" + body).encode("utf-8")).hexdigest()


class Outcomes(ContentModel):
    day_90: list[Text] = Field(min_length=1, description="What the hire has achieved after 90 days (measurable)")
    day_180: list[Text] = Field(min_length=1, description="What the hire has achieved after 180 days (measurable)")
    day_365: list[Text] = Field(min_length=1, description="What the hire has achieved after one year (measurable)")


class FaqItem(ContentModel):
    question: Text = Field(description="The question as a candidate would ask it")
    answer: Text = Field(description="A direct answer of 40 to 120 words")


class Apply(ContentModel):
    url: AbsoluteUrl = Field(description="Where candidates apply")
    direct: bool = Field(False, description="true when the application is completed on this page/URL without "
                                            "extra sign-up (schema.org directApply)")


class SearchIntents(ContentModel):
    """Overrides for the role page's section headings; each reads as a candidate's search query."""

    about: Text | None = Field(None, description="Heading of the 'about the role' section")
    outcomes_90: Text | None = Field(None, description="Heading of the 90-day outcomes")
    outcomes_180: Text | None = Field(None, description="Heading of the 180-day outcomes")
    outcomes_365: Text | None = Field(None, description="Heading of the one-year outcomes")
    must_haves: Text | None = Field(None, description="Heading of the must-haves")
    nice_to_haves: Text | None = Field(None, description="Heading of the nice-to-haves")
    skills: Text | None = Field(None, description="Heading of the skills list")
    compensation: Text | None = Field(None, description="Heading of salary, benefits and incentives")
    faq: Text | None = Field(None, description="Heading of the Q&A section")
    how_we_hire: Text | None = Field(None, description="Heading of the take-home, interviews and scorecard section")


# --- How we hire, offer and growth (site-wide defaults in hiring.py, per-role overrides here) ------------
TAKE_HOME_HOURS = (2, 4)
INTERVIEW_PANELS = 3
SCORECARD_ITEMS = 5


def _take_home_hours(value: float) -> float:
    low, high = TAKE_HOME_HOURS
    if not low <= value <= high:
        raise ValueError(f"a take-home must take {low} to {high} hours, not {value:g}: respect candidates' time "
                         f"and trim the exercise to fit")
    return value


def _exactly(count: int, what: str, example: str) -> Callable[[list[T]], list[T]]:
    def check(items: list[T]) -> list[T]:
        if len(items) != count:
            raise ValueError(f"{what} has exactly {count} items, found {len(items)} ({example})")
        return items

    return check


def _one_current_step(steps: list[CareerStep]) -> list[CareerStep]:
    current = [step.title for step in steps if step.current]
    if len(current) != 1:
        found = "none" if not current else ", ".join(current)
        raise ValueError(f"mark exactly one step with 'current: true' (the step this role sits on); found {found}")
    return steps


class TakeHome(ContentModel):
    summary: Text = Field(description="What the exercise is, e.g. 'A 2-page memo on an anonymized incident "
                                      "timeline'")
    hours: Annotated[float, AfterValidator(_take_home_hours)] = Field(
        description="Realistic time it takes, from 2 to 4 hours")
    assessed: list[Text] = Field(min_length=1, description="What is assessed, e.g. 'Prioritization'")


class InterviewPanel(ContentModel):
    panel: Text = Field(description="Name of the panel, e.g. 'Hiring manager'")
    who: Text = Field(description="Who runs it, e.g. 'Priya Raman, Director of Product, AI'")
    focus: Text = Field(description="What it assesses, e.g. 'Outcome alignment'")


class ScorecardItem(ContentModel):
    criterion: Text = Field(description="What is scored, e.g. 'Outcome ownership'")
    evidence: Text | None = Field(None, description="What good evidence looks like")


InterviewLoop = Annotated[list[InterviewPanel], AfterValidator(_exactly(
    INTERVIEW_PANELS, "the interview loop", "hiring manager, technical peer, people/ops"))]
Scorecard = Annotated[list[ScorecardItem], AfterValidator(_exactly(
    SCORECARD_ITEMS, "the scorecard", "publish the 5 criteria every interviewer rates"))]


class HiringProcess(ContentModel):
    """A role's own hiring process; each part left out falls back to the site-wide `hiring` defaults."""

    take_home: TakeHome | None = Field(None, description="The take-home exercise: summary, hours (2-4), assessed")
    interview_loop: InterviewLoop | None = Field(None, description="The three interview panels: panel, who, focus")
    scorecard: Scorecard | None = Field(None, description="The 5 criteria candidates are assessed on")


class CareerStep(ContentModel):
    title: Text = Field(description="Title of the step, e.g. 'Team Lead'")
    current: bool = Field(False, description="true for the step this role sits on")
    summary: Text | None = Field(None, description="What changes at this step, e.g. 'Leads 2 teams'")


CareerLadder = Annotated[list[CareerStep], AfterValidator(_one_current_step)]


class Role(ContentModel):
    """An open (or closed) position: `roles/<slug>.md`. The Markdown body is the 'about the role' text."""

    title: Text = Field(description="Job title only, e.g. 'ML Engineering Manager' (no location, no salary)")
    department: Text = Field(description="Team or department, used to group the roles index")
    employment_type: Annotated[list[EmploymentType], BeforeValidator(
        _one_or_many, json_schema_input_type=EmploymentType | EmploymentTypes)] = Field(
        min_length=1, description="One or more of full_time, part_time, contractor, temporary, intern, "
                                  "volunteer, per_diem, other")
    date_posted: dt.date = Field(description="Date the role was first published, YYYY-MM-DD")
    valid_through: dt.date | None = Field(None, description="Closing date, YYYY-MM-DD; the role closes after it")
    closed: bool = Field(False, description="true closes the role now, whatever valid_through says")
    updated: dt.date | None = Field(None, description="Date of the last material change (sitemap lastmod); "
                                                      "defaults to date_posted")
    locations: list[Location] = Field(default_factory=list, description="Offices the role is attached to; "
                                                                        "required unless workplace is remote")
    workplace: Workplace = Field(description="onsite, hybrid or remote")
    remote_countries: list[CountryCode] = Field(default_factory=list, description="Countries a remote hire may "
                                                                                  "live in; required when remote")
    salary: Salary | None = Field(None, description="Pay range; pay-transparency laws in many US states and "
                                                    "Canadian provinces require it in job ads")
    pay_ranges: list[PayRange] = Field(default_factory=list, description="Several pay ranges (e.g. per location "
                                       "or level), each with a label; salary is then their envelope")
    hiring_manager: Slug = Field(description="Slug of the hiring manager's file in people/")
    summary: Text = Field(description="One or two sentences for listings and the meta description")
    outcomes: Outcomes = Field(description="Measurable outcomes after 90, 180 and 365 days")
    must_haves: list[Text] = Field(min_length=1, description="What a hire must bring")
    nice_to_haves: list[Text] = Field(default_factory=list, description="What helps but is not required")
    skills: list[Text] = Field(default_factory=list, description="Skills, tools and languages")
    benefits: list[Text] = Field(default_factory=list, description="Benefits offered with the role")
    incentives: list[Text] = Field(default_factory=list, description="Bonuses and equity, e.g. milestone bonuses")
    faq: list[FaqItem] = Field(default_factory=list, description="Questions candidates ask, with 40-120 word answers")
    case_studies: list[Slug] = Field(default_factory=list, description="Slugs of related files in case_studies/")
    apply: Apply = Field(description="How candidates apply")
    search_intents: SearchIntents = Field(default_factory=SearchIntents,
                                          description="Optional overrides for the page's section headings")
    lint_disable: LintDisable
    hiring_process: HiringProcess = Field(default_factory=HiringProcess,
                                          description="This role's take-home, interview loop and scorecard; "
                                                      "overrides the site-wide hiring defaults")
    career_ladder: CareerLadder | None = Field(None, description="The ladder the role sits on, e.g. Technical "
                                                                 "Lead → Team Lead → Group Manager")
    equity: Text | None = Field(None, description="The equity offered with the role; overrides the site-wide "
                                                  "default")
    draft: bool = Field(False, description="true keeps the role off the site; `careers check` still lists it")
    closed_on: dt.date | None = Field(None, description="Date the role was closed (set by `careers import` when "
                                                        "the job left the ATS)")
    ats: AtsSource | None = Field(None, description="The role's job in the applicant tracking system; written by "
                                                    "`careers import`")
    ats_pin: list[AtsOwnedField] = Field(default_factory=list, description="ATS-owned fields this file keeps "
                                         "against the ATS, e.g. [title]")

    @property
    def display_name(self) -> str:
        return self.title

    @property
    def last_modified(self) -> dt.date:
        return self.updated or self.date_posted

    @property
    def country_codes(self) -> list[str]:
        """Every country a candidate can work from: office countries plus remote countries, in order."""
        seen: dict[str, None] = {}
        for code in [loc.country for loc in self.locations] + list(self.remote_countries):
            seen.setdefault(code, None)
        return list(seen)


class Person(ContentModel):
    """A leader's bio: `people/<slug>.md`. The Markdown body is the bio."""

    name: Text = Field(description="Full name")
    job_title: Text = Field(description="Current title, e.g. 'VP Engineering'")
    since: dt.date = Field(description="Date they joined, YYYY-MM-DD (tenure)")
    summary: Text = Field(description="One or two sentences for listings and the meta description")
    achievements: list[Text] = Field(min_length=1, description="Concrete achievements, with numbers")
    knows_about: list[Text] = Field(default_factory=list, description="Topics they are expert in")
    same_as: list[AbsoluteUrl] = Field(default_factory=list, description="Profile URLs (LinkedIn, GitHub, ...)")
    image: ImageReference | None = Field(None, description="Photo: absolute URL or a path inside content/, e.g. "
                                                           "assets/people/ana.jpg")
    image_alt: Text | None = Field(None, description="Alternative text of the photo (defaults to the name)")
    updated: dt.date | None = Field(None, description="Date of the last change to this page, YYYY-MM-DD "
                                                      "(the sitemap's last-modified date)")
    lint_disable: LintDisable

    @property
    def display_name(self) -> str:
        return self.name


class Period(ContentModel):
    start: dt.date = Field(description="First day of the work, YYYY-MM-DD")
    end: dt.date | None = Field(None, description="Last day, YYYY-MM-DD; omit if ongoing")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self

    @property
    def iso_interval(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat() if self.end else '..'}"


class Metric(ContentModel):
    label: Text = Field(description="What was measured, e.g. 'Model rollback incidents per quarter'")
    before: float = Field(description="Value before the work")
    after: float = Field(description="Value after the work")
    unit: Annotated[str, AfterValidator(_no_control_characters), AfterValidator(_empty_or_visible)] = Field(
        "", description="Unit shown after the numbers, e.g. %, ms, per quarter")

    @property
    def change_percent(self) -> float | None:
        if self.before == 0:
            return None
        return (self.after - self.before) / abs(self.before) * 100


class CaseStudy(ContentModel):
    """A one-page case study: `case_studies/<slug>.md`. The Markdown body is the story."""

    title: Text = Field(description="Headline")
    leader: Slug = Field(description="Slug of the person in people/ who led the work")
    date_published: dt.date = Field(description="Publication date, YYYY-MM-DD")
    period: Period = Field(description="When the work happened")
    metrics: list[Metric] = Field(min_length=1, description="Before/after numbers")
    stack: list[Text] = Field(min_length=1, description="Technologies used")
    summary: Text = Field(description="One or two sentences for listings and the meta description")
    topics: list[Text] = Field(default_factory=list, description="What the case study is about (schema.org about)")
    lint_disable: LintDisable

    @property
    def display_name(self) -> str:
        return self.title


class Organization(ContentModel):
    """The employer, configured once in mkdocs.yml under the plugin's `organization` key."""

    name: Text
    url: AbsoluteUrl
    logo: ImageReference | None = Field(None, description="Absolute URL or a path inside content/")
    same_as: list[AbsoluteUrl] = Field(default_factory=list)
    description: Text | None = None
    headcount: int | None = Field(None, ge=1, description="Number of employees (all countries); pay-transparency "
                                  "laws for larger employers are skipped when it is below their threshold")


def slug_is_valid(slug: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, slug) is not None
