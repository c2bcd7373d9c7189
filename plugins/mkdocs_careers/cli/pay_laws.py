"""`careers rules --pay-laws`: every pay-transparency law in the data, with its status on the build date.

Editors and maintainers use it to see what `careers check` enforces (in force, upcoming with its date,
superseded), which employers each law covers, and when each rule was last verified against its source, so
stale rules are easy to spot. It reads lint/data/pay_transparency.yaml, the same data the check uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..lint.pay_transparency import PayLaw, load_laws

REQUIREMENT_LABELS = {"pay_range": "pay range", "benefits": "benefits", "application_deadline": "closing date",
                      "ai_use_statement": "AI-use statement", "vacancy_statement": "vacancy statement"}


def status_label(law: PayLaw, on: dt.date) -> str:
    """'in force since …', 'upcoming: in force from …' or 'superseded on … by …', as of `on`."""
    status = law.status(on)
    if status == "superseded" and law.superseded is not None:
        return f"superseded on {law.superseded.on.isoformat()} by {law.superseded.by}"
    if status == "upcoming":
        return f"upcoming: in force from {law.effective.isoformat()}"
    label = f"in force since {law.effective.isoformat()}"
    if law.enforced_from is not None and on < law.enforced_from:
        label += f", enforced from {law.enforced_from.isoformat()}"
    return label


def coverage_label(law: PayLaw, headcount: int | None) -> str:
    label = law.threshold_label
    if law.threshold is not None and headcount is not None and headcount < law.threshold.employees:
        label += f" (not you: organization.headcount is {headcount})"
    return label


def duties_label(law: PayLaw) -> str:
    duties = ", ".join(REQUIREMENT_LABELS[r] for r in law.requires)
    return duties if law.severity == "error" else f"{duties} (advised: the law allows it later)"


def pay_laws_text(on: dt.date, headcount: int | None, laws: Iterable[PayLaw] | None = None) -> list[str]:
    lines = [f"Pay-transparency laws on {on.isoformat()} (not legal advice; each rule names its source):", ""]
    for law in load_laws() if laws is None else laws:
        lines += [f"{law.jurisdiction}: {status_label(law, on)}",
                  f"  requires: {duties_label(law)}; covers: {coverage_label(law, headcount)}",
                  f"  law: {law.law}",
                  *(f"  note: {note}" for note in law.notes),
                  f"  source: {law.source} (verified {law.verified.isoformat()})", ""]
    return lines


def pay_laws_markdown(on: dt.date, headcount: int | None, laws: Iterable[PayLaw] | None = None) -> list[str]:
    lines = [f"| Jurisdiction | Status on {on.isoformat()} | Requires | Covers | Law | Source | Verified |",
             "|---|---|---|---|---|---|---|"]
    for law in load_laws() if laws is None else laws:
        cells = [law.jurisdiction, status_label(law, on), duties_label(law), coverage_label(law, headcount),
                 law.law, f"<{law.source}>", law.verified.isoformat()]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines
