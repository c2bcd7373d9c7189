"""Plan and apply an ATS sync: which role files to create, update or close, as exact new texts.

`plan_sync` reads the roles folder and the fetched jobs and returns every file's old and new text (nothing is
written); `apply_plan` writes them. Matching: a role's `ats` block (provider, board, id); a role without one
whose `apply.url` is one of the job's URLs (Lever's apply or hosted page) is adopted. A job the board lists but
the import could not read (`JobProblem`) is an error in the plan, located at its role when it has one, and its
role is left exactly as it is (never closed); the rest of the board syncs. Ownership: only ATS-owned fields
(`ATS_OWNED_FIELDS`) not listed in the role's `ats_pin` are written; the body only while it is still what the import last wrote
(its digest is `ats.body_sha256`). A job that left the board closes its role (`closed: true`,
`closed_on`); a new job becomes a `draft: true` role from the `careers new` template. Running the same sync
twice changes nothing the second time.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..cli.scaffold import scaffold, slug_for
from ..content.diagnostics import Diagnostic, Severity
from ..content.kinds import ROLE
from ..content.models import ATS_OWNED_FIELDS, Role, SalaryUnit
from ..content.placeholders import is_placeholder
from .frontmatter_edit import Frontmatter, FrontmatterError, plain
from .jobs import AtsJob, JobProblem
from .mapping import RoleFacts, map_job

ROLE_FIELD_ORDER = list(Role.model_fields)
LIST_FIELDS = frozenset({"locations", "remote_countries", "pay_ranges"})
PROBLEM_RULE = "ats-import"
HEADING_RULE = "generic-heading"


class SyncError(Exception):
    """The roles folder cannot be synced safely (e.g. a role file does not parse); nothing was written."""


@dataclass
class FileChange:
    path: Path
    shown: str
    action: str  # "create", "update" or "close"
    job: str  # the job's label, e.g. greenhouse:acme/4012
    old: str | None
    new: str
    fields: list[str] = field(default_factory=list)

    def diff(self) -> str:
        old_lines = (self.old or "").splitlines(keepends=True)
        lines = difflib.unified_diff(old_lines, self.new.splitlines(keepends=True),
                                     fromfile="/dev/null" if self.old is None else f"a/{self.shown}",
                                     tofile=f"b/{self.shown}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


@dataclass
class SyncPlan:
    provider: str
    board: str
    jobs: int
    changes: list[FileChange] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    skipped: int = 0  # jobs on the board that could not be read
    closing_held: bool = False  # some job had no readable id: no role was closed this time

    def by_action(self, action: str) -> list[FileChange]:
        return [change for change in self.changes if change.action == action]

    @property
    def errors(self) -> list[Diagnostic]:
        return [problem for problem in self.problems if problem.severity is Severity.ERROR]


@dataclass
class _RoleFile:
    path: Path
    shown: str
    text: str
    front: Frontmatter


def plan_sync(jobs: list[AtsJob], *, provider: str, board: str, roles_dir: Path, project_root: Path,
              today: dt.date, schema_path: str, known_slugs: dict[str, list[str]] | None = None,
              unreadable: list[JobProblem] | None = None, default_unit: SalaryUnit = SalaryUnit.YEAR) -> SyncPlan:
    unreadable = unreadable or []
    read_ids = {job.id for job in jobs}
    skipped = sum(problem.id is None or problem.id not in read_ids for problem in unreadable)  # not second copies
    plan = SyncPlan(provider=provider, board=board, jobs=len(jobs) + skipped, skipped=skipped)
    files = _read_roles(roles_dir, project_root)
    tracked: dict[str, _RoleFile] = {}
    by_url: dict[str, _RoleFile] = {}
    for role in files:
        source = role.front.value("ats") or {}
        if isinstance(source, dict) and source.get("provider") == provider and str(source.get("board")) == board:
            tracked[str(source.get("id"))] = role
        elif not source:
            url = (role.front.value("apply") or {}).get("url") if isinstance(role.front.value("apply"), dict) else None
            if isinstance(url, str):
                by_url[url] = role
    taken = {role.path.stem for role in files}
    for problem in unreadable:
        _report_unreadable(plan, problem, tracked, by_url, read_ids)
    plan.closing_held = any(problem.id is None for problem in unreadable)
    for job in jobs:
        facts = map_job(job, default_unit=default_unit)
        match = tracked.pop(job.id) if job.id in tracked else next(
            (by_url.pop(url) for url in (job.url, *job.other_urls) if url in by_url), None)
        if match is None:
            slug = _new_slug(job, taken)
            taken.add(slug)
            path = roles_dir / f"{slug}.md"
            shown = _shown(path, project_root)
            template = scaffold(ROLE, job.title, today=today, schema_path=schema_path, known_slugs=known_slugs)
            new = _apply_facts(template, job, facts, pins=set(), today=today, creating=True)
            _record(plan, FileChange(path, shown, "create", job.label, None, new, sorted(facts.values)), facts)
            continue
        role = match
        pins = {str(pin) for pin in role.front.value("ats_pin", []) or []}
        new = _apply_facts(role.text, job, facts, pins=pins, today=today, creating=False)
        if new == role.text:
            plan.unchanged.append(role.shown)
        else:
            change = FileChange(role.path, role.shown, "update", job.label, role.text, new,
                                _changed_fields(role.text, new))
            plan.changes.append(change)
        _report(plan, role.shown, new, facts)
    for job_id, role in sorted(tracked.items(), key=lambda item: item[1].shown):
        if plan.closing_held:
            plan.unchanged.append(role.shown)
            continue
        closed = _close(role, today)
        label = f"{provider}:{board}/{job_id}"
        if closed == role.text:
            plan.unchanged.append(role.shown)
        else:
            plan.changes.append(FileChange(role.path, role.shown, "close", label, role.text, closed,
                                           _changed_fields(role.text, closed)))
    plan.changes.sort(key=lambda change: change.shown)
    return plan


def apply_plan(plan: SyncPlan) -> None:
    """Write every changed file; each through a temporary file and a rename, so none is left half-written."""
    for change in plan.changes:
        change.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=change.path.parent, prefix=f".{change.path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(change.new)
            os.replace(temporary, change.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _read_roles(roles_dir: Path, project_root: Path) -> list[_RoleFile]:
    if not roles_dir.is_dir():
        return []
    files, problems = [], []
    for path in sorted(roles_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        try:
            files.append(_RoleFile(path, _shown(path, project_root), text, _parse(text)))
        except FrontmatterError as exc:
            problems.append(f"{_shown(path, project_root)}: {exc}")
    if problems:
        raise SyncError("cannot tell which roles belong to the ATS while these files do not parse (fix them, "
                        "then import again):\n  " + "\n  ".join(problems))
    return files


def _shown(path: Path, project_root: Path) -> str:
    try:
        return path.resolve().relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _new_slug(job: AtsJob, taken: set[str]) -> str:
    base = slug_for(job.title) or f"{job.provider}-job"
    if base not in taken:
        return base
    suffix = slug_for(job.id)[-12:].strip("-") or "job"
    candidate, number = f"{base}-{suffix}", 2
    while candidate in taken:
        candidate, number = f"{base}-{suffix}-{number}", number + 1
    return candidate


def _default(key: str) -> Any:
    return [] if key in LIST_FIELDS else (False if key == "closed" else None)


@lru_cache(maxsize=256)
def _parse(text: str) -> Frontmatter:
    """Parsed once per text: a sync reads the same file several times (callers never mutate the result)."""
    return Frontmatter.parse(text)


def _differs(front: Frontmatter, key: str, desired: Any) -> bool:
    """Whether writing `desired` changes the file (an absent key already means its default)."""
    if key not in front.data:
        return bool(plain(desired) != _default(key))
    return bool(front.value(key) != plain(desired))


def _merged(front: Frontmatter, key: str, desired: Any) -> Any:
    """The ATS value, keeping what the editor added inside it: `apply.direct`, an office's street or postcode."""
    current = front.value(key)
    if key == "apply" and isinstance(current, dict):
        node = copy.deepcopy(front.node(key))  # a copy of the file's node: its comments and flow style stay
        if current.get("url") != desired["url"]:
            node["url"] = desired["url"]
        return node
    if key == "employment_type" and isinstance(current, list) and isinstance(desired, str):
        return [desired]  # the editor's list form of a single type is the same fact
    if key == "locations" and isinstance(current, list):
        merged = []
        for office in desired:
            same = next((old for old in current if isinstance(old, dict) and old.get("city") == office["city"]
                         and old.get("country") == office["country"]), None)
            merged.append({**same, **office} if same else office)
        return merged
    return desired


def _apply_facts(text: str, job: AtsJob, facts: RoleFacts, *, pins: set[str], today: dt.date,
                 creating: bool) -> str:
    front = _parse(text)
    values = dict(facts.values)
    if creating:
        values.setdefault("date_posted", today)
        values["apply"] = {"url": job.url, "direct": True}
    changes: dict[str, Any] = {}
    for key in ATS_OWNED_FIELDS:
        if key in pins or key not in values:
            continue
        desired = values[key] if creating else _merged(front, key, values[key])
        if _differs(front, key, desired):
            changes[key] = desired
    if "closed" not in pins and front.value("closed") is True:  # back on the board: open again
        changes["closed"] = False
        if "closed_on" not in pins and front.value("closed_on") is not None:
            changes["closed_on"] = None
    if creating:
        changes["draft"] = True
    body, source = _body_and_source(front, job, facts, creating)
    if _differs(front, "ats", source):
        changes["ats"] = source
    text = front.with_values(changes, ROLE_FIELD_ORDER) if changes else text
    return text if body == front.body else _parse(text).with_body(body)


def _body_and_source(front: Frontmatter, job: AtsJob, facts: RoleFacts, creating: bool
                     ) -> tuple[str, dict[str, Any]]:
    """The body to keep or import, and the `ats` block recording the job (and the digest of an imported body)."""
    source = front.value("ats") or {}
    source = source if isinstance(source, dict) else {}
    desired: dict[str, Any] = {"provider": job.provider, "board": job.board, "id": job.id}
    if "body_sha256" in source:
        desired["body_sha256"] = source["body_sha256"]
    body = front.body
    untouched = (creating or not body.strip() or all(is_placeholder(line) for line in body.split("\n") if line.strip())
                 or source.get("body_sha256") == body_digest(body))
    if facts.body is None or not untouched:
        return body, desired
    new_body = "\n" + facts.body
    desired["body_sha256"] = body_digest(new_body)
    return new_body, desired


def _close(role: _RoleFile, today: dt.date) -> str:
    pins = {str(pin) for pin in role.front.value("ats_pin", []) or []}
    if "closed" in pins or role.front.value("closed") is True:
        return role.text
    changes: dict[str, Any] = {"closed": True}
    if "closed_on" not in pins:
        changes["closed_on"] = today
    return role.front.with_values(changes, ROLE_FIELD_ORDER)


def _changed_fields(old: str, new: str) -> list[str]:
    before, after = _parse(old), _parse(new)
    keys = list(dict.fromkeys([*before.data, *after.data]))
    changed = [k for k in keys if before.value(k) != after.value(k)]
    return changed + (["body"] if before.body != after.body else [])


def _record(plan: SyncPlan, change: FileChange, facts: RoleFacts) -> None:
    plan.changes.append(change)
    _report(plan, change.shown, change.new, facts)


def _report(plan: SyncPlan, shown: str, text: str, facts: RoleFacts) -> None:
    front = _parse(text)
    for key, message in facts.problems:
        plan.problems.append(Diagnostic(shown, front.line_of(key), key, message,
                                        "fix it in the ATS, or set the field here and add it to ats_pin",
                                        Severity.WARNING, PROBLEM_RULE))
    if facts.body is not None and front.body.strip() == facts.body.strip():
        body_line = len(front.lines) + 3
        for heading in facts.demoted_headings:
            plan.problems.append(Diagnostic(
                shown, body_line + _line_in(front.body, f"**{heading}**"), "body",
                f"the ATS heading '{heading}' is generic, so the import made it bold text",
                "write the heading as the question the section answers, e.g. 'What will I build in my first "
                "year?' (edit the body here: the import then leaves it to you)", Severity.WARNING, HEADING_RULE))


def _line_in(body: str, needle: str) -> int:
    for number, line in enumerate(body.split("\n")):
        if needle in line:
            return number
    return 0


def _report_unreadable(plan: SyncPlan, problem: JobProblem, tracked: dict[str, _RoleFile],
                       by_url: dict[str, _RoleFile], read_ids: set[str]) -> None:
    """A job the import could not read: an error at its role (left as it is) or at the job in the ATS. A second
    copy of a job that was read (the board lists it twice) is only a warning: the first copy synced."""
    duplicate = problem.id is not None and problem.id in read_ids
    role = None
    if problem.id is not None and problem.id not in read_ids:
        role = tracked.pop(problem.id, None)
    if role is None and problem.id not in read_ids:
        role = next((by_url.pop(url) for url in problem.urls if url in by_url), None)
    if role is not None:
        plan.unchanged.append(role.shown)
    where = role.shown if role is not None else problem.label
    plan.problems.append(Diagnostic(where, role.front.line_of("ats") if role is not None else 0,
                                    problem.where, f"{problem.label} could not be imported: {problem.message}",
                                    "fix the job in the ATS (its other jobs were synced); until then this role is "
                                    "left as it is" if role is not None else "fix the job in the ATS; the other "
                                    "jobs were synced", Severity.WARNING if duplicate else Severity.ERROR,
                                    PROBLEM_RULE))
