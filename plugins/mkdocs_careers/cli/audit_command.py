"""`careers audit`: build (or read) the site, then measure fact recall after trafilatura extraction and how many
candidate questions retrieve an answering passage with BM25; exit 1 below the thresholds in mkdocs.yml."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..audit import MODES, Mode
from . import EXIT_OK, EXIT_PROBLEMS, config_file_option, load_settings

if TYPE_CHECKING:
    from ..audit.report import AuditReport

FAILURES_SHOWN = 40  # the text report lists this many failing questions; --json lists them all


def _share(_context: click.Context, _parameter: click.Parameter, value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 1:
        raise click.BadParameter("must be between 0 and 1, e.g. 0.85")
    return value


@click.command("audit")
@config_file_option
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="A built site to audit. Without --build it is read as it is; without --site-dir the site is "
                   "built into a temporary folder.")
@click.option("--build/--no-build", "build", default=None,
              help="Build with `mkdocs build` first (default: only when --site-dir is not given). --no-build "
                   "without --site-dir reads mkdocs.yml's site_dir.")
@click.option("--mode", type=click.Choice(MODES), default="headings", show_default=True,
              help="How pages are cut into passages: at headings, or into 120-word windows (half overlapping).")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON, for tools.")
@click.option("--min-fact-recall", type=float, callback=_share,
              help="Override audit.min_fact_recall from mkdocs.yml (0 to 1).")
@click.option("--min-answerability", type=float, callback=_share,
              help="Override audit.min_answerability from mkdocs.yml (0 to 1).")
def audit(config_file: Path, site_dir: Path | None, build: bool | None, mode: Mode, as_json: bool,
          min_fact_recall: float | None, min_answerability: float | None) -> None:
    """Measure how well the built site survives AI extraction and answers candidates' questions.

    For every open role, person and case study: (a) which frontmatter facts trafilatura's text of the
    page and its .md copy lost; (b) for each question of the bank (audit/questions.yaml), filled from the
    page's fields, whether the top BM25 passage among all pages' passages is on that page and holds the
    answer. Prints a score per page and for the site.

    Exit status: 0 at or above the thresholds (audit: in mkdocs.yml, or the flags), 1 below them or when
    the build or the content fails, 2 wrong usage or an unusable mkdocs.yml.
    """
    # Imported here: trafilatura, bm25s and numpy take half a second, which `careers check` should not pay.
    from ..audit.build import BuildFailed, build_site
    from ..audit.runner import ContentErrors, run_audit

    settings = load_settings(config_file, None)
    if build is None:
        build = site_dir is None
    with _site_folder(config_file, site_dir, build) as folder:
        if not build and not (folder / "index.html").is_file():
            raise click.UsageError(f"{folder} holds no built site (no index.html); build it or pass --build")
        try:
            if build:
                build_site(config_file, folder)
            report = run_audit(settings, folder, mode, min_fact_recall=min_fact_recall,
                               min_answerability=min_answerability)
            report.built = build
        except BuildFailed as failed:
            click.echo(failed.output, err=True)
            click.echo("careers audit: the site does not build; fix the problems above first", err=True)
            raise SystemExit(EXIT_PROBLEMS) from None
        except ContentErrors as errors:
            for problem in errors.diagnostics:
                click.echo(problem.format(), err=True)
            click.echo("careers audit: the content has errors; run `careers check`", err=True)
            raise SystemExit(EXIT_PROBLEMS) from None
    _print(report, as_json)
    raise SystemExit(EXIT_OK if report.passed else EXIT_PROBLEMS)


@contextmanager
def _site_folder(config_file: Path, site_dir: Path | None, build: bool) -> Iterator[Path]:
    """The folder to audit: --site-dir, a temporary build folder, or mkdocs.yml's own site_dir."""
    if site_dir is not None:
        yield site_dir.resolve()
    elif build:
        with tempfile.TemporaryDirectory(prefix="careers-audit-") as temporary:
            yield Path(temporary) / "site"
    else:
        yield _configured_site_dir(config_file)


def _configured_site_dir(config_file: Path) -> Path:
    from mkdocs.config import load_config

    return Path(load_config(config_file=str(config_file)).site_dir)  # load_settings has validated it already


def _print(report: AuditReport, as_json: bool) -> None:
    from ..audit.report import text_report

    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(text_report(report, failures=FAILURES_SHOWN)))

