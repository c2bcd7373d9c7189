"""How a role is hired and what it offers beyond salary: site-wide defaults merged with each role's own values.

Most roles share one take-home format, interview loop, scorecard and equity plan, so they are written once
under the plugin's `hiring:` option in mkdocs.yml; a role's `hiring_process`, `equity` and `career_ladder`
replace the matching default part as a whole (no deep merge, so what an editor sees is what is published).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from pydantic import Field, ValidationError

from ..content.loading import format_field_path
from ..content.models import (
    CareerStep,
    ContentModel,
    InterviewLoop,
    InterviewPanel,
    Role,
    Scorecard,
    ScorecardItem,
    TakeHome,
    Text,
)
from ..content.validation import TYPE_HINTS  # the same hints as content errors


class HiringDefaults(ContentModel):
    """The plugin's `hiring:` option: what every role shows unless its frontmatter says otherwise."""

    take_home: TakeHome | None = Field(None, description="Default take-home: summary, hours (2-4), assessed")
    interview_loop: InterviewLoop | None = Field(None, description="Default three-panel loop: panel, who, focus")
    scorecard: Scorecard | None = Field(None, description="Default 5-item scorecard: criterion, evidence")
    equity: Text | None = Field(None, description="Default equity text, e.g. the option plan and vesting")


class HiringConfigError(ValueError):
    """The `hiring:` option in mkdocs.yml is invalid; the message lists every problem with a hint."""


def parse_hiring_defaults(data: Any) -> HiringDefaults:
    """Validate the `hiring:` option, reporting every problem as `hiring.<field>: message (hint: ...)`."""
    try:
        return HiringDefaults.model_validate(data or {})
    except ValidationError as exc:
        problems = [_describe(error) for error in exc.errors(include_url=False)]
        raise HiringConfigError("\n".join(f"  {problem}" for problem in problems)) from None


def _describe(error: Any) -> str:
    loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and "[" in part))
    kind = error["type"]
    message = str(error.get("ctx", {}).get("error", error["msg"])) if kind == "value_error" else error["msg"]
    hint = TYPE_HINTS.get(kind, "")
    if kind == "extra_forbidden":
        allowed = _allowed_fields(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        message = "unknown field"
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields here: {', '.join(allowed)}"
    return f"{format_field_path(('hiring', *loc))}: {message}" + (f" (hint: {hint})" if hint else "")


def _allowed_fields(parent: tuple) -> list[str]:
    models = {(): HiringDefaults, ("take_home",): TakeHome, ("interview_loop",): InterviewPanel,
              ("scorecard",): ScorecardItem}
    key = tuple(part for part in parent if not isinstance(part, int))
    return sorted(models.get(key, HiringDefaults).model_fields)


@dataclass(frozen=True)
class HiringPlan:
    """What one role page shows under "How we hire" and "Offer and growth", after merging defaults."""

    take_home: TakeHome | None
    interview_loop: list[InterviewPanel]
    scorecard: list[ScorecardItem]
    equity: str | None
    career_ladder: list[CareerStep]

    @property
    def has_process(self) -> bool:
        return bool(self.take_home or self.interview_loop or self.scorecard)


def hiring_plan(role: Role, defaults: HiringDefaults) -> HiringPlan:
    own = role.hiring_process
    return HiringPlan(
        take_home=own.take_home or defaults.take_home,
        interview_loop=list(own.interview_loop or defaults.interview_loop or []),
        scorecard=list(own.scorecard or defaults.scorecard or []),
        equity=role.equity or defaults.equity,
        career_ladder=list(role.career_ladder or []),
    )
