"""`careers notify`: after a deploy, tell search engines which pages are new, changed, closed or gone.

It compares the previous build manifest (the live site's, fetched before publishing, or a file) with the new
build's `careers-manifest.json`, then notifies IndexNow and Google's Indexing API (notify/). Nothing is sent
for a channel without its credentials; the report says what to configure. `--dry-run` sends nothing and lists
what each channel would send. Manifests are input: a page URL that is not an https URL under `site_url` stops
the run before anything is sent, and so does a diff that closes or removes most of the open roles at once unless
`--allow-mass-delete` says it is meant (a dry run too, so a deploy can check it before publishing). Exit status: 0 done (leftovers for the next run are not a failure), 1 a
channel or the mass-deletion guard needs a person, 2 wrong usage or an unreadable or foreign manifest.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from ..net.client import HttpClient
from ..notify.google_indexing import GoogleConfigError, notify_google, quota_day, service_account_info
from ..notify.indexnow import notify_indexnow
from ..notify.manifest_diff import (
    CHANGE_ORDER,
    Manifest,
    ManifestDiff,
    ManifestError,
    ManifestPage,
    diff_as_json,
    diff_manifests,
    foreign_urls,
    load_manifest,
    mass_deletion,
)
from ..notify.outcome import ChannelOutcome
from ..notify.state import NotifyState
from ..outputs.manifest import MANIFEST_PATH

EXIT_OK, EXIT_PROBLEMS = 0, 1  # as every `careers` command; usage problems exit 2 (ConfigProblem)

DEFAULT_STATE_FILE = ".careers-notify-state.json"
_CHANNEL_TITLES = {"indexnow": "IndexNow", "google_indexing": "Google Indexing API"}


@click.command("notify")
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default="mkdocs.yml", show_default=True, help="The site's mkdocs.yml (site_url, indexnow, "
                                                             "google_indexing options).")
@click.option("--previous", metavar="URL|FILE",
              help="Manifest of the site before this deploy. Default: the live <site_url>careers-manifest.json "
                   "(fetch it before publishing, see --save-previous).")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="The new build, holding careers-manifest.json and the IndexNow key file. Default: site/ "
                   "beside mkdocs.yml.")
@click.option("--state", "state_file", type=click.Path(dir_okay=False, path_type=Path),
              help=f"Where notifications left for the next run are kept. Default: {DEFAULT_STATE_FILE} beside "
                   "mkdocs.yml.")
@click.option("--google-credentials", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Service account JSON key. Default: the GOOGLE_INDEXING_CREDENTIALS secret (the key itself) "
                   "or GOOGLE_APPLICATION_CREDENTIALS (its path).")
@click.option("--save-previous", type=click.Path(dir_okay=False, path_type=Path),
              help="Only download the previous manifest (--previous) to this file and stop; run it before "
                   "publishing, and pass the file as --previous after publishing.")
@click.option("--dry-run", is_flag=True, help="Send nothing; list what each channel would send.")
@click.option("--allow-mass-delete", is_flag=True,
              help="Send even when most of the open roles are closed or gone at once (otherwise refused).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON report instead of text.")
def notify(config_file: Path, previous: str | None, site_dir: Path | None, state_file: Path | None,
           google_credentials: Path | None, save_previous: Path | None, dry_run: bool, allow_mass_delete: bool,
           as_json: bool) -> None:
    """Notify IndexNow and the Google Indexing API of what changed since the previous deploy."""
    from . import load_settings  # the package imports this module to register the command

    settings = load_settings(config_file, None)
    root = settings.project_root
    previous_source = previous or settings.site_url + MANIFEST_PATH
    with HttpClient(user_agent="mkdocs-careers notify") as client:
        try:
            before, note = load_manifest(previous_source, client)
        except ManifestError as exc:
            raise _config_problem(f"previous manifest: {exc}") from None
        if save_previous is not None:
            save_previous.parent.mkdir(parents=True, exist_ok=True)
            save_previous.write_text(json.dumps({"pages": [_page_json(p) for p in before.pages.values()],
                                                 "build_date": before.build_date}, indent=2) + "\n",
                                     encoding="utf-8")
            click.echo(f"Saved the previous manifest ({len(before.pages)} pages) to {save_previous}"
                       + (f"; note: {note}" if note else ""))
            raise SystemExit(EXIT_OK)
        build_dir = site_dir or root / "site"
        try:
            after, _ = load_manifest(str(build_dir / MANIFEST_PATH))
        except ManifestError as exc:
            raise _config_problem(f"new manifest: {exc} (build the site first, with manifest.enabled)") from None
        _refuse_foreign(before, after, settings.site_url)
        diff = diff_manifests(before, after)
        removed = mass_deletion(diff)
        if removed is not None and not allow_mass_delete:
            click.echo(f"Error: this deploy would tell search engines that {removed[0]} of the {removed[1]} open roles "
                       f"are closed or gone at once ({before.source} → {after.source}); nothing was sent. If that "
                       "is right, run again with --allow-mass-delete.", err=True)
            raise SystemExit(EXIT_PROBLEMS)
        try:  # read before anything is sent, so a broken key stops the run before any channel went out
            info = service_account_info(os.environ, google_credentials)
        except GoogleConfigError as exc:
            raise _config_problem(str(exc)) from None
        state = NotifyState.load(state_file or root / DEFAULT_STATE_FILE)
        outputs = settings.outputs
        outcomes = [notify_indexnow(diff, key=outputs.indexnow.resolved_key(os.environ),
                                    endpoint=outputs.indexnow.endpoint, site_url=settings.site_url, state=state,
                                    client=client, dry_run=dry_run, site_dir=build_dir)]
        outcomes.append(notify_google(diff, info=info, endpoint=outputs.google_indexing.endpoint.rstrip("/"),
                                      daily_quota=outputs.google_indexing.daily_quota, state=state, client=client,
                                      today=quota_day(), dry_run=dry_run))
    if not dry_run:
        state.save()
    if as_json:
        report = {"dry_run": dry_run, "note": note, "changes": diff_as_json(diff),
                  "channels": [o.as_json() for o in outcomes]}
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_report(diff, outcomes, note, dry_run)
    raise SystemExit(EXIT_PROBLEMS if any(o.failed for o in outcomes) else EXIT_OK)


def _refuse_foreign(before: Manifest, after: Manifest, site_url: str) -> None:
    """Every URL of both manifests must be the site's own: nothing is sent for a planted or foreign manifest."""
    problems = foreign_urls(before, site_url) + foreign_urls(after, site_url)
    if problems:
        shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
        raise _config_problem(f"{len(problems)} page URL(s) in the manifests are not https URLs under {site_url}; "
                              "nothing was sent:\n  " + "\n  ".join(shown))


def _page_json(page: ManifestPage) -> dict[str, Any]:
    return {"url": page.url, "kind": page.kind, "open": page.is_open, "hash": page.hash}


def _config_problem(message: str) -> click.ClickException:
    from . import ConfigProblem

    return ConfigProblem(message)


def _print_report(diff: ManifestDiff, outcomes: list[ChannelOutcome], note: str | None, dry_run: bool) -> None:
    if note:
        click.echo(f"Note: {note}")
    counts = diff.counts()
    dates = f"{diff.previous.build_date or 'none'} → {diff.current.build_date or '?'}"
    click.echo(f"Changes since the previous deploy (build date {dates}): "
               + ", ".join(f"{counts[c]} {c}" for c in CHANGE_ORDER))
    for change in diff.changes:
        click.echo(f"  {change.change:<8} {change.url}")
    for outcome in outcomes:
        title = _CHANNEL_TITLES.get(outcome.channel, outcome.channel)
        click.echo(f"{title}: {outcome.status}" + (f": {outcome.message}" if outcome.message else ""))
        lines = outcome.planned if dry_run or outcome.status == "not-configured" else outcome.sent
        verb = "would send" if dry_run or outcome.status == "not-configured" else "sent"
        for line in lines:
            click.echo(f"  {verb}: {line}")
        for line in outcome.rejected:
            click.echo(f"  rejected: {line}")
        for line in outcome.pending:
            click.echo(f"  next run: {line}")



