"""Content rules beyond types: each has an id, a one-line rationale, a severity and a check.

Rules read the validated graph and yield findings; they never render anything. A rule can be
disabled site-wide (plugin config `disabled_rules`) or per file (frontmatter `lint_disable`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, Severity
from .loading import FieldPath, format_field_path
from .models import Role, Workplace

if TYPE_CHECKING:
    from .site import CareersSite, Entry

FAQ_MIN_WORDS = 40
FAQ_MAX_WORDS = 120


@dataclass(frozen=True)
class Finding:
    field: FieldPath
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    rationale: str
    severity: Severity
    kinds: tuple[str, ...]
    check: Callable[[Entry, CareersSite], Iterator[Finding]]


RULES: list[Rule] = []


def rule(rule_id: str, rationale: str, severity: Severity, *kinds: str):
    def register(func: Callable[[Entry, CareersSite], Iterator[Finding]]):
        RULES.append(Rule(rule_id, rationale, severity, kinds, func))
        return func

    return register


def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text))


@rule("role-workplace", "Google needs an address or the remote countries to show a job to the right people.",
      Severity.ERROR, "role")
def _role_workplace(entry: Entry, site: CareersSite) -> Iterator[Finding]:
    role: Role = entry.model
    if role.workplace is Workplace.REMOTE and not role.remote_countries:
        yield Finding(("workplace",), "remote_countries is required when workplace is remote",
                      "list the countries a hire may live in, e.g. remote_countries: [US, CA]")
    if role.workplace is not Workplace.REMOTE and not role.locations:
        yield Finding(("workplace",), f"locations is required when workplace is {role.workplace.value}",
                      "add at least one office under locations: with city and country")
    if role.workplace is not Workplace.REMOTE and role.remote_countries:
        yield Finding(("remote_countries",), f"remote_countries only applies to remote roles, not "
                      f"{role.workplace.value}", "remove remote_countries or set workplace: remote")


@rule("role-dates", "A closing date before the posting date would publish an already-expired job.",
      Severity.ERROR, "role")
def _role_dates(entry: Entry, site: CareersSite) -> Iterator[Finding]:
    role: Role = entry.model
    if role.valid_through is not None and role.valid_through < role.date_posted:
        yield Finding(("valid_through",), f"valid_through ({role.valid_through}) is before date_posted "
                      f"({role.date_posted})", "set valid_through on or after date_posted")
    if role.updated is not None and role.updated < role.date_posted:
        yield Finding(("updated",), f"updated ({role.updated}) is before date_posted ({role.date_posted})",
                      "set updated on or after date_posted")


@rule("faq-answer-length", f"Answers of {FAQ_MIN_WORDS}-{FAQ_MAX_WORDS} words are long enough to be useful "
      "and short enough for assistants to quote whole.", Severity.ERROR, "role")
def _faq_answer_length(entry: Entry, site: CareersSite) -> Iterator[Finding]:
    for index, item in enumerate(entry.model.faq):
        words = word_count(item.answer)
        if not FAQ_MIN_WORDS <= words <= FAQ_MAX_WORDS:
            direction = "expand" if words < FAQ_MIN_WORDS else "shorten"
            yield Finding(("faq", index, "answer"), f"answer has {words} words; it must have "
                          f"{FAQ_MIN_WORDS}-{FAQ_MAX_WORDS}", f"{direction} the answer to {FAQ_MIN_WORDS}-"
                          f"{FAQ_MAX_WORDS} words")


def run_rules(site: CareersSite) -> list[Diagnostic]:
    results: list[Diagnostic] = []
    for entry in site.entries():
        for current in RULES:
            if entry.kind.name not in current.kinds or current.id in site.settings.disabled_rules:
                continue
            if current.id in getattr(entry.model, "lint_disable", ()):
                continue
            for finding in current.check(entry, site):
                results.append(Diagnostic(entry.source.display_path, entry.source.line_of(finding.field),
                                          format_field_path(finding.field), finding.message, finding.hint,
                                          current.severity, current.id))
    return results
