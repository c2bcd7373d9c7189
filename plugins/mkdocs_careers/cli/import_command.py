"""`careers import PROVIDER --board NAME`: sync role files with a public ATS job board (Greenhouse, Lever, Ashby).

Everything is fetched before anything is written: a failed or partial fetch (unknown board, HTTP errors after
the retries, a timeout, malformed JSON) writes nothing and exits 1. `--dry-run` prints each file's unified
diff and writes nothing. Facts the import could not map are warnings, located at the role file's field.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..ats.client import AtsFetchError, BoardNotFound, FetchPolicy, JsonClient
from ..ats.providers import providers
from ..content.kinds import KINDS, ROLE
from ..content.site import content_files

if TYPE_CHECKING:
    from ..ats.sync import SyncPlan

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


@click.command("import")
@click.argument("provider", required=False, type=click.Choice(sorted(providers())))
@click.option("--board", help="Board name (token) on the ATS. Default: ats.board in mkdocs.yml.")
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True, help="The site's mkdocs.yml.")
@click.option("--dry-run", is_flag=True, help="Print the diff of every file the import would change; write nothing.")
@click.option("--base-url", help="The ATS API's base URL (self-hosted mirrors, EU instances, tests).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (for tools and workflows).")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Seconds to wait for each response.")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Extra attempts after HTTP 429/5xx, timeouts and dropped connections (with backoff).")
def import_command(provider: str | None, board: str | None, config_file: Path, dry_run: bool, base_url: str | None,
                   as_json: bool, timeout: float, retries: int) -> None:
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
    if not provider or provider not in known:
        raise click.UsageError(f"name the ATS: one of {', '.join(sorted(known))} (or set ats.provider in mkdocs.yml)")
    if not board:
        raise click.UsageError("name the board with --board (or set ats.board in mkdocs.yml)")
    chosen = known[provider]
    api = (base_url or settings.ats.base_url or chosen.base_url).rstrip("/")
    try:
        with JsonClient(FetchPolicy(timeout=timeout, retries=retries)) as client:
            jobs = chosen.fetch(client, api, board)
    except BoardNotFound as exc:
        _fail(as_json, f"{provider} has no board '{board}' ({exc}); {chosen.board_hint}. Nothing was written.")
    except AtsFetchError as exc:
        _fail(as_json, f"could not read the {provider} board '{board}': {exc}. Nothing was written.")
    roles_dir = settings.content_dir(ROLE)
    schema = settings.project_root / "schemas" / ROLE.schema_file
    known_slugs = {kind.name: [p.stem for p in content_files(settings, kind) if p.suffix == ".md"] for kind in KINDS}
    try:
        plan = plan_sync(jobs, provider=provider, board=board, roles_dir=roles_dir, project_root=settings.project_root,
                         today=settings.build_date, schema_path=Path(os.path.relpath(schema, roles_dir)).as_posix(),
                         known_slugs={"people": known_slugs["person"], "case_studies": known_slugs["case_study"]})
    except SyncError as exc:
        _fail(as_json, str(exc))
    if not dry_run:
        apply_plan(plan)
    if as_json:
        click.echo(json.dumps(json_result(plan, dry_run), indent=2, ensure_ascii=False))
    else:
        _print_text(plan, dry_run)
    raise SystemExit(EXIT_OK)


def _fail(as_json: bool, message: str) -> NoReturn:
    if as_json:
        click.echo(json.dumps({"ok": False, "error": message}, indent=2, ensure_ascii=False))
    else:
        click.echo(f"Error: {message}", err=True)
    raise SystemExit(EXIT_FAILED)


def summary_line(plan: SyncPlan, dry_run: bool) -> str:
    verb = "would be" if dry_run else "were"
    return (f"{plan.provider}:{plan.board}: {plan.jobs} job{'s' * (plan.jobs != 1)} on the board; "
            f"{len(plan.by_action('create'))} new draft role(s), {len(plan.by_action('update'))} updated, "
            f"{len(plan.by_action('close'))} closed {verb} written; {len(plan.unchanged)} unchanged."
            + (" Dry run: nothing was written." if dry_run else ""))


def _print_text(plan: SyncPlan, dry_run: bool) -> None:
    if dry_run:
        for change in plan.changes:
            click.echo(change.diff(), nl=False)
    else:
        for change in plan.changes:
            fields = f" ({', '.join(change.fields)})" if change.action != "create" and change.fields else ""
            click.echo(f"{change.action:>6} {change.shown} ← {change.job}{fields}")
    for problem in plan.problems:
        click.echo(f"{problem.format()} [{problem.severity.value} {problem.rule}]")
    click.echo(summary_line(plan, dry_run))
    if plan.by_action("create") and not dry_run:
        click.echo("Next: complete each new draft (replace the <<fill in>> markers), set draft: false, then run "
                   "careers check.")


def json_result(plan: SyncPlan, dry_run: bool) -> dict[str, Any]:
    return {
        "ok": True, "provider": plan.provider, "board": plan.board, "jobs": plan.jobs, "dry_run": dry_run,
        "changes": [{"path": c.shown, "action": c.action, "job": c.job, "fields": c.fields,
                     **({"diff": c.diff()} if dry_run else {})} for c in plan.changes],
        "unchanged": plan.unchanged,
        "problems": [{"path": d.path, "line": d.line, "field": d.field, "message": d.message, "hint": d.hint,
                      "severity": d.severity.value, "rule": d.rule} for d in plan.problems],
    }
