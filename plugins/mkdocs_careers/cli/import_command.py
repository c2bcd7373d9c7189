"""`careers import PROVIDER --board NAME`: sync role files with a public ATS job board (Greenhouse, Lever, Ashby).

The board is read completely before anything is written: a board that cannot be read (unknown board, HTTP errors
after the retries, a timeout, malformed JSON, a bound of net/client.py broken) writes nothing and exits 1. A job
the import cannot read is skipped with a located error, its role left as it is, and the rest of the board still
syncs; the command then exits 1 too, so a scheduled sync goes red. `--dry-run` prints each file's unified diff and
writes nothing; `--summary-file` writes the report as Markdown (the sync workflow's pull request body), also when
the board could not be read. Facts the import could not map are warnings, located at the role file's field.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..ats.providers import BOARD_NAME, AtsFetchError, BoardLimits, BoardNotFound, providers
from ..content.kinds import KINDS, ROLE
from ..content.site import content_files
from ..net.client import HttpClient, Limits, RetryPolicy

if TYPE_CHECKING:
    from ..ats.sync import SyncPlan
    from ..content.diagnostics import Diagnostic

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# C0/C1 controls and line separators of ATS text are escaped in the report: one finding is one line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_INTRO = ("The ATS owns the facts (title, department, employment type, dates, locations, pay, apply URL, "
          "open/closed); everything else is yours. New jobs arrive as `draft: true` roles: complete them, set "
          "`draft: false` and they are published. Pin a field against the ATS with `ats_pin: [field]`.")


@click.command("import")
@click.argument("provider", required=False, type=click.Choice(sorted(providers())))
@click.option("--board", help="Board name (token) on the ATS. Default: ats.board in mkdocs.yml.")
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True, help="The site's mkdocs.yml.")
@click.option("--dry-run", is_flag=True, help="Print the diff of every file the import would change; write nothing.")
@click.option("--base-url", help="The ATS API's base URL (self-hosted mirrors, EU instances, tests).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (for tools and workflows).")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=20.0, show_default=True,
              help="Seconds to wait for each read of a response.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Extra attempts after HTTP 429/5xx, timeouts and dropped connections (with backoff).")
@click.option("--max-jobs", type=click.IntRange(1), default=BoardLimits.max_jobs, show_default=True,
              help="Refuse a board listing more jobs than this.")
@click.option("--summary-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as Markdown to this file (a pull request body), even when the import "
                   "fails.")
@click.option("--show-config", is_flag=True,
              help="Print provider=... and board=... (empty when no ATS is configured) and stop.")
def import_command(provider: str | None, board: str | None, config_file: Path, dry_run: bool, base_url: str | None,
                   as_json: bool, timeout: float, retries: int, max_jobs: int, summary_file: Path | None,
                   show_config: bool) -> None:
    """Sync roles/ with the public job board of an applicant tracking system.

    The ATS owns the facts (title, department, employment type, posting date, locations, workplace, pay, apply
    URL, open/closed); every other field and an edited body stay the editor's. New jobs become `draft: true`
    roles to complete; jobs that left the board close their role. PROVIDER and --board default to `ats:
    {provider: ..., board: ...}` under the careers plugin in mkdocs.yml.
    """
    # Imported here: ats.sync imports cli.scaffold, so a top-level import would be circular when ats.sync loads first.
    from ..ats.sync import SyncError, apply_plan, plan_sync
    from . import load_settings

    settings = load_settings(config_file, None)
    provider = provider or settings.ats.provider
    board = board or settings.ats.board
    known = providers()
    if board is not None and not BOARD_NAME.match(board):
        raise click.UsageError(f"the board name {board!r} is not a board token (letters, digits, '.', '_', '-')")
    if show_config:
        click.echo(f"provider={provider or ''}\nboard={board or ''}")
        raise SystemExit(EXIT_OK)
    if not provider or provider not in known:
        raise click.UsageError(f"name the ATS: one of {', '.join(sorted(known))} (or set ats.provider in mkdocs.yml)")
    if not board:
        raise click.UsageError("name the board with --board (or set ats.board in mkdocs.yml)")
    chosen = known[provider]
    api = (base_url or settings.ats.base_url or chosen.base_url).rstrip("/")
    fail = _Failure(as_json, summary_file, f"{provider}:{board}")
    try:
        with HttpClient(user_agent="mkdocs-careers ATS import", retry=RetryPolicy(retries=retries),
                        limits=Limits(timeout=timeout)) as client:
            read = chosen.fetch(client, api, board, BoardLimits(max_jobs=max_jobs))
    except BoardNotFound as exc:
        fail(f"{provider} has no board '{board}' ({exc}); {chosen.board_hint}. Nothing was written.")
    except AtsFetchError as exc:
        fail(f"could not read the {provider} board '{board}': {exc}. Nothing was written.")
    roles_dir = settings.content_dir(ROLE)
    schema = settings.project_root / "schemas" / ROLE.schema_file
    known_slugs = {kind.name: [p.stem for p in content_files(settings, kind) if p.suffix == ".md"] for kind in KINDS}
    try:
        plan = plan_sync(read.jobs, provider=provider, board=board, roles_dir=roles_dir,
                         project_root=settings.project_root, today=settings.build_date,
                         schema_path=Path(os.path.relpath(schema, roles_dir)).as_posix(),
                         known_slugs={"people": known_slugs["person"], "case_studies": known_slugs["case_study"]},
                         unreadable=read.problems, default_unit=settings.ats.pay_unit)
    except SyncError as exc:
        fail(str(exc))
    if not dry_run:
        apply_plan(plan)
    if summary_file is not None:
        summary_file.write_text(markdown_report(plan, dry_run), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(json_result(plan, dry_run), indent=2, ensure_ascii=False))
    else:
        _print_text(plan, dry_run)
    raise SystemExit(EXIT_FAILED if plan.errors else EXIT_OK)


class _Failure:
    """Reports a sync that wrote nothing (on stderr, as JSON, and in the summary file) and exits 1."""

    def __init__(self, as_json: bool, summary_file: Path | None, board: str) -> None:
        self.as_json, self.summary_file, self.board = as_json, summary_file, board

    def __call__(self, message: str) -> NoReturn:
        message = one_line(message)
        if self.summary_file is not None:
            self.summary_file.write_text(
                f"Automatic sync with the applicant tracking system (`careers import`), board `{self.board}`.\n\n"
                f"**The import failed; nothing was written.**\n\n{_fenced(message)}\n", encoding="utf-8")
        if self.as_json:
            click.echo(json.dumps({"ok": False, "error": message}, indent=2, ensure_ascii=False))
        else:
            click.echo(f"Error: {message}", err=True)
        raise SystemExit(EXIT_FAILED)


def one_line(text: str) -> str:
    """Text from the ATS as one printable line: control characters and line breaks escaped (`\\n`, `\\x1b`)."""
    return _CONTROL.sub(lambda m: json.dumps(m.group(0))[1:-1], text)


def located(problem: Diagnostic) -> str:
    """`path:line: field: message (hint: ...) [severity rule]`; a job with no role file is named without a line."""
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    text = f"{where}: {problem.field}: {problem.message}" if problem.field else f"{where}: {problem.message}"
    if problem.hint:
        text += f" (hint: {problem.hint})"
    return one_line(f"{text} [{problem.severity.value} {problem.rule}]")


def summary_line(plan: SyncPlan, dry_run: bool) -> str:
    verb = "would be" if dry_run else "were"
    skipped = f"; {plan.skipped} could not be read" if plan.skipped else ""
    held = "; no role was closed (a job without a readable id)" if plan.closing_held else ""
    return (f"{plan.provider}:{plan.board}: {plan.jobs} job{'s' * (plan.jobs != 1)} on the board{skipped}; "
            f"{len(plan.by_action('create'))} new draft role(s), {len(plan.by_action('update'))} updated, "
            f"{len(plan.by_action('close'))} closed {verb} written; {len(plan.unchanged)} unchanged{held}."
            + (" Dry run: nothing was written." if dry_run else ""))


def _print_text(plan: SyncPlan, dry_run: bool) -> None:
    if dry_run:
        for change in plan.changes:
            click.echo(change.diff(), nl=False)
    else:
        for change in plan.changes:
            click.echo(one_line(_change_line(change)))
    for problem in plan.problems:
        click.echo(located(problem))
    click.echo(summary_line(plan, dry_run))
    if plan.errors:
        click.echo(f"Error: {len(plan.errors)} job(s) could not be imported (listed above); the rest of the board "
                   "was synced.", err=True)
    if plan.by_action("create") and not dry_run:
        click.echo("Next: complete each new draft (replace the <<fill in>> markers), set draft: false, then run "
                   "careers check.")


def _change_line(change: Any) -> str:
    fields = f" ({', '.join(change.fields)})" if change.action != "create" and change.fields else ""
    return f"{change.action:>6} {change.shown} ← {change.job}{fields}"


def _fenced(text: str) -> str:
    """A fenced code block that no backtick run inside `text` can close early."""
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence}text\n{text}\n{fence}"


def markdown_report(plan: SyncPlan, dry_run: bool) -> str:
    """The report as the sync workflow's pull request body: errors first, then warnings, then the changes."""
    parts = [f"Automatic sync with the applicant tracking system (`careers import`), board "
             f"`{plan.provider}:{plan.board}`.", f"**{summary_line(plan, dry_run)}**"]
    errors = [located(p) for p in plan.errors]
    warnings = [located(p) for p in plan.problems if p not in plan.errors]
    if errors:
        parts += [f"### Jobs that could not be imported ({len(errors)})",
                  "Each is skipped and its role left as it is; the rest of the board was synced. The sync workflow "
                  "stays red until they are fixed in the ATS.", _fenced("\n".join(errors))]
    if warnings:
        parts += [f"### Warnings ({len(warnings)})", _fenced("\n".join(warnings))]
    if plan.changes:
        parts += ["### Changes", _fenced("\n".join(one_line(_change_line(c)) for c in plan.changes))]
    parts.append(_INTRO)
    return "\n\n".join(parts) + "\n"


def json_result(plan: SyncPlan, dry_run: bool) -> dict[str, Any]:
    return {
        "ok": not plan.errors, "provider": plan.provider, "board": plan.board, "jobs": plan.jobs,
        "skipped": plan.skipped, "closing_held": plan.closing_held, "dry_run": dry_run,
        "changes": [{"path": c.shown, "action": c.action, "job": c.job, "fields": c.fields,
                     **({"diff": c.diff()} if dry_run else {})} for c in plan.changes],
        "unchanged": plan.unchanged,
        "problems": [{"path": d.path, "line": d.line or None, "field": d.field, "message": d.message,
                      "hint": d.hint, "severity": d.severity.value, "rule": d.rule} for d in plan.problems],
    }
