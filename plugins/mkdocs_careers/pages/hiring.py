"""How a role is hired and what it offers beyond salary: site-wide defaults merged with each role's own values.

Most roles share one take-home format, interview loop, scorecard and equity plan, so they are written once
under the plugin's `hiring:` option in mkdocs.yml; a role's `hiring_process`, `equity` and `career_ladder`
replace the matching default part as a whole (no deep merge, so what an editor sees is what is published).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.models import CareerStep, InterviewPanel, Role, ScorecardItem, TakeHome
from ..content.options import HiringDefaults


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
