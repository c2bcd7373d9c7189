"""The `careers` command: check content without building, scaffold new files, export JSON Schema.

It reads the same `careers` options from mkdocs.yml as the plugin (through MkDocs' own config
loader and the shared `settings_from_config`) and runs the same core (`load_site`), so a clean
`careers check` means the build will not fail on content. Output is rich (colour, a summary
table) on a terminal and plain lines otherwise, so CI logs, pre-commit and editors can parse it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..content.build_date import BuildDateError, resolve_build_date
from ..content.diagnostics import Diagnostic, Severity, display_path
from ..content.kinds import KINDS, kind_by_cli_noun
from ..content.models import slug_is_valid
from ..content.settings import CareersSettings, SettingsError, settings_from_config
from ..content.site import CareersSite, content_files, load_site
from ..lint import check_settings, lint_site
from ..lint.rules import BUILT_IN_CHECKS, RULES
from ..mkdocs.config import options_of
from ..mkdocs.docs_dir_policy import add_docs_dir_diagnostics
from .drafts import draft_lines, drafts_json
from .pay_laws import pay_laws_markdown, pay_laws_text
from .readiness import PageReadiness, page_readiness
from .scaffold import scaffold, slug_for
from .schema_export import outdated_schemas, write_schemas

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from rich.console import Console

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
FC = TypeVar("FC", bound=Callable[..., Any])


class ConfigProblem(click.ClickException):
    """mkdocs.yml cannot be used: a usage problem (exit 2), not a content problem."""

    exit_code = EXIT_USAGE


# Annotated so modules registered below (which import it back) get its type through the import cycle.
config_file_option: Callable[[FC], FC] = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default="mkdocs.yml",
    show_default=True, help="The site's mkdocs.yml (content folders, organization, build date, disabled rules).")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="mkdocs-careers", prog_name="careers")
def main() -> None:
    """Check, scaffold and describe the content of a careers site.

    Roles, people and case studies are Markdown files with YAML frontmatter in roles/, people/
    and case_studies/. Typical use: `careers new role "Data Lead"`, fill in the file, then
    `careers check` before opening a pull request.
    """


# --- careers check -------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@config_file_option
@click.option("--format", "output_format", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="text for people, github for GitHub Actions annotations, json for tools.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors. On by default when "
                                           "mkdocs.yml sets strict: true, as the site build then fails on them.")
@click.option("--build-date", metavar="YYYY-MM-DD",
              help="Check as of this date: it decides which roles are open and which laws are in force. "
                   "Default: build_date in mkdocs.yml, then SOURCE_DATE_EPOCH, then today.")
def check(paths: tuple[Path, ...], config_file: Path, output_format: str, strict: bool,
          build_date: str | None) -> None:
    """Validate content without building the site.

    Every problem is reported as FILE:LINE: FIELD: MESSAGE (hint: what to change), errors and
    warnings alike, followed by a readiness summary per page. PATHS limits the report to those
    files or folders; all content is still loaded so links between files are checked.

    Exit status: 0 no errors (warnings are allowed unless --strict or strict: true in
    mkdocs.yml), 1 problems found, 2 wrong usage or an unusable mkdocs.yml.
    """
    settings, site_strict, config = load_site_config(config_file, build_date)
    strict = strict or site_strict  # `careers check` passes exactly when `mkdocs build` would
    only = content_paths(settings, paths) if paths else None
    site = lint_site(load_site(settings), only=only)
    if only is None:  # docs_dir: generated outputs, active files, free pages, as the build checks them
        add_docs_dir_diagnostics(site, config)
    shown = {display_path(p, settings.project_root) for p in only} if only is not None else None
    pages = page_readiness(site, shown)
    if output_format == "json":
        click.echo(json.dumps(json_report(site, pages), indent=2, ensure_ascii=False))
    elif output_format == "github":
        for problem in site.diagnostics:
            click.echo(github_annotation(problem))
        click.echo("\n".join(plain_summary(site, pages)))
        write_github_step_summary(site, pages)
    else:
        print_text_report(site, pages)
    if output_format != "json" and draft_lines(site):
        click.echo("\n".join(draft_lines(site)))
    failed = bool(site.errors) or (strict and bool(site.warnings))
    raise SystemExit(EXIT_PROBLEMS if failed else EXIT_OK)


def load_settings(config_file: Path, build_date: str | None) -> CareersSettings:
    """The plugin's options from mkdocs.yml, validated by MkDocs itself (so `!ENV` and the like work)."""
    return load_site_config(config_file, build_date)[0]


def load_site_config(config_file: Path, build_date: str | None) -> tuple[CareersSettings, bool, MkDocsConfig]:
    """The careers settings, the site's own `strict:` (the build fails on warnings when it is true) and the
    MkDocs configuration."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the banner is for site builders, not for this check
    try:
        with _quiet_mkdocs():
            config = load_config(config_file=str(config_file))
    except ConfigurationError as exc:
        raise ConfigProblem(f"{config_file}: {exc}") from None
    plugin = config.plugins.get("careers")
    if plugin is None:
        raise ConfigProblem(f"{config_file}: the careers plugin is not enabled (add it under plugins:)")
    try:
        settings = check_settings(settings_from_config(
            options_of(plugin.config), site_url=config.site_url,
            project_root=Path(config.config_file_path).resolve().parent,
            use_directory_urls=config.use_directory_urls, build_date=build_date, docs_dir=config.docs_dir))
    except SettingsError as exc:
        message = str(exc)
        if build_date and "build_date" in message:
            message = message.replace("build_date", "--build-date", 1)
        raise ConfigProblem(f"{config_file}: {message}") from None
    return settings, bool(config.strict), config


@contextmanager
def _quiet_mkdocs() -> Iterator[None]:
    """Loading the config logs MkDocs' own INFO chatter; only its real problems matter here."""
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def content_paths(settings: CareersSettings, paths: Iterable[Path]) -> set[Path]:
    """The content files named by PATHS (files, or folders to search); anything else is a usage error."""
    every = {p.resolve() for kind in KINDS for p in content_files(settings, kind) if p.is_file()}
    chosen: set[Path] = set()
    for path in paths:
        resolved = path.resolve()
        if resolved.is_dir():
            chosen |= {p for p in every if p.is_relative_to(resolved)}
        elif resolved in every:
            chosen.add(resolved)
        else:
            folders = ", ".join(f"{settings.content_dir(k.name).name}/" for k in KINDS)
            raise click.BadParameter(f"{path} is not a content file in {folders}", param_hint="PATHS")
    return chosen


def severity_label(problem: Diagnostic) -> str:
    return f"[{problem.severity.value} {problem.rule}]"


def counts_line(site: CareersSite, pages: list[PageReadiness]) -> str:
    errors, warnings = len(site.errors), len(site.warnings)
    return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {len(pages)} file{'s' * (len(pages) != 1)} (build date {site.build_date.isoformat()}).")


READINESS_COLUMNS = ("File", "Type", "Status", "Errors", "Warnings", "Missing JobPosting properties")


def readiness_rows(pages: list[PageReadiness]) -> list[tuple[str, ...]]:
    return [(p.path, p.kind.replace("_", " ") or "-", p.status, str(p.errors), str(p.warnings),
             ", ".join(p.missing) or "-") for p in pages]


def plain_summary(site: CareersSite, pages: list[PageReadiness]) -> list[str]:
    rows = [READINESS_COLUMNS, *readiness_rows(pages)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(READINESS_COLUMNS) - 1)]
    lines = ["", "Readiness per page:"]
    for row in rows:
        lines.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
    lines.append(counts_line(site, pages))
    return lines


def print_text_report(site: CareersSite, pages: list[PageReadiness]) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal:
        for problem in site.diagnostics:
            click.echo(f"{problem.format()} {severity_label(problem)}")
        click.echo("\n".join(plain_summary(site, pages)))
        return
    _print_rich_report(console, site, pages)


def _print_rich_report(console: Console, site: CareersSite, pages: list[PageReadiness]) -> None:
    from rich.table import Table
    from rich.text import Text

    for problem in site.diagnostics:
        colour = "red" if problem.severity is Severity.ERROR else "yellow"
        line = Text()  # Text.append never parses markup, so no content can inject console styles
        line.append(f"{problem.path}:{problem.line}", style="bold")
        line.append(": ")
        if problem.field:
            line.append(problem.field, style="cyan")
            line.append(": ")
        line.append(problem.message)
        if problem.hint:
            line.append(f" (hint: {problem.hint})", style="dim")
        line.append(f" {problem.severity.value}", style=f"bold {colour}")
        line.append(f" {problem.rule}", style=colour)
        console.print(line)
    table = Table(title="Readiness per page", title_justify="left")
    for column in READINESS_COLUMNS:
        table.add_column(column, no_wrap=column == "File")
    for page, row in zip(pages, readiness_rows(pages), strict=True):
        style = "red" if page.errors else ("yellow" if page.warnings else "green")
        table.add_row(*(Text(cell) for cell in row), style=style)
    console.print(table)
    colour = "red" if site.errors else ("yellow" if site.warnings else "green")
    console.print(Text(counts_line(site, pages), style=f"bold {colour}"))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Diagnostic) -> str:
    """A GitHub Actions workflow command: shown on the pull request's changed line."""
    command = "error" if problem.severity is Severity.ERROR else "warning"
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    if problem.hint:
        message += f" (hint: {problem.hint})"
    properties = (f"file={_escape_property(problem.path)},line={problem.line},"
                  f"title={_escape_property(f'careers {problem.rule}')}")
    return f"::{command} {properties}::{_escape_data(message)}"


def write_github_step_summary(site: CareersSite, pages: list[PageReadiness]) -> None:
    """The readiness table on the workflow run's summary page, when running in GitHub Actions."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["## Careers content check", "", counts_line(site, pages), "",
             "| " + " | ".join(READINESS_COLUMNS) + " |", "|" + "---|" * len(READINESS_COLUMNS)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in readiness_rows(pages)]
    with open(target, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def json_report(site: CareersSite, pages: list[PageReadiness]) -> dict[str, Any]:
    return {
        "build_date": site.build_date.isoformat(),
        "errors": len(site.errors),
        "warnings": len(site.warnings),
        "diagnostics": [{"path": d.path, "line": d.line, "field": d.field, "message": d.message, "hint": d.hint,
                         "severity": d.severity.value, "rule": d.rule} for d in site.diagnostics],
        "pages": [page.as_dict() for page in pages],
        "drafts": drafts_json(site),
    }


# --- careers new ---------------------------------------------------------------------------------
@main.command("new")
@click.argument("kind_noun", metavar="KIND", type=click.Choice([k.cli_noun for k in KINDS]))
@click.argument("title")
@config_file_option
@click.option("--slug", help="File name (without .md) to use instead of the one derived from TITLE.")
def new(kind_noun: str, title: str, config_file: Path, slug: str | None) -> None:
    """Create a new role, person or case study called TITLE (a person's full name for `person`).

    The file name comes from TITLE: `careers new role "ML Engineering Manager"` creates
    roles/ml-engineering-manager.md. Every field is present and commented; replace each
    <<fill in>> marker, then run `careers check`. An existing file is never overwritten.
    """
    if not title.strip():
        raise click.BadParameter("must not be empty", param_hint="TITLE")
    settings = load_settings(config_file, None)
    slug = slug or slug_for(title)
    if not slug_is_valid(slug):
        raise click.BadParameter(f"'{slug}' is not a valid file name: use lowercase letters, digits and hyphens",
                                 param_hint="--slug" if slug else "TITLE")
    kind = kind_by_cli_noun(kind_noun)
    folder = settings.content_dir(kind)
    target = folder / f"{slug}.md"
    shown = display_path(target, settings.project_root)
    schema = settings.project_root / "schemas" / kind.schema_file
    known = {k.name: [p.stem for p in content_files(settings, k) if p.suffix == ".md"] for k in KINDS}
    text = scaffold(kind, title, today=settings.build_date, known_slugs={
        "people": known["person"], "case_studies": known["case_study"]},
        schema_path=Path(os.path.relpath(schema, folder)).as_posix())
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        raise click.ClickException(f"{shown} already exists; it was not changed (choose another title or "
                                   f"pass --slug)") from None
    click.echo(f"Created {shown}")
    click.echo(f"Next: replace every <<fill in>> marker, then run: careers check {shown}")
    if not schema.is_file():
        click.echo(f"Note: {display_path(schema, settings.project_root)} is missing; run `careers schema` so "
                   f"editors get completion.", err=True)


# --- careers schema ------------------------------------------------------------------------------
@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default="schemas", show_default=True,
              help="Folder to write role.schema.json, person.schema.json and case-study.schema.json into.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if the files are missing or differ from the models.")
def schema(out: Path, check_only: bool) -> None:
    """Write JSON Schema files for the frontmatter of roles, people and case studies.

    They are generated from the models that validate the content, for YAML language servers
    (e.g. VS Code's YAML extension) to autocomplete and underline frontmatter.
    """
    if check_only:
        stale = outdated_schemas(out)
        for path in stale:
            click.echo(f"{path}: out of date; run `careers schema --out {out}`")
        raise SystemExit(EXIT_PROBLEMS if stale else EXIT_OK)
    for path in write_schemas(out):
        click.echo(f"Wrote {path}")


# --- careers rules -------------------------------------------------------------------------------
@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True)
@click.option("--pay-laws", is_flag=True, help="List the pay-transparency laws instead: status on the build date "
              "(in force, upcoming, superseded), who they cover, citation, source and verified date.")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False, path_type=Path), default="mkdocs.yml",
              show_default=True, help="With --pay-laws: mkdocs.yml for build_date and organization.headcount "
              "(optional).")
@click.option("--build-date", metavar="YYYY-MM-DD", help="With --pay-laws: the date to report the status on.")
def rules_command(output_format: str, pay_laws: bool, config_file: Path, build_date: str | None) -> None:
    """List the lint rules: id, severity, what they apply to and why.

    Switch a rule off for one file with `lint_disable: [rule-id]` in its frontmatter, or for the
    whole site with `disabled_rules: [rule-id]` under the careers plugin in mkdocs.yml.
    """
    if pay_laws:
        on, headcount = _pay_law_context(config_file, build_date)
        show = pay_laws_markdown if output_format == "markdown" else pay_laws_text
        click.echo("\n".join(show(on, headcount)))
        return
    rows = rules_table()
    if output_format == "markdown":
        click.echo("| Rule | Severity | Applies to | Can be disabled | Why |")
        click.echo("|---|---|---|---|---|")
        for rule_id, *rest in rows:
            click.echo("| " + " | ".join([f"`{rule_id}`", *rest]) + " |")
        return
    width = max(len(row[0]) for row in rows)
    for rule_id, severity, kinds, can_disable, rationale in rows:
        fixed = "" if can_disable == "yes" else " (always on)"
        click.echo(f"{rule_id.ljust(width)}  {severity:<7}  {kinds}{fixed}: {rationale}")


def _pay_law_context(config_file: Path, build_date: str | None) -> tuple[dt.date, int | None]:
    """The build date and headcount from mkdocs.yml when there is one, else --build-date or today."""
    if config_file.is_file():
        settings = load_settings(config_file, build_date)
        return settings.build_date, settings.organization.headcount
    try:
        return resolve_build_date(build_date), None
    except BuildDateError as exc:
        raise click.BadParameter(str(exc), param_hint="--build-date") from None


def rules_table() -> list[tuple[str, str, str, str, str]]:
    """(id, severity, applies to, can be disabled, rationale) for every rule and built-in check."""
    rows = [(r.id, r.severity.value, ", ".join(k.replace("_", " ") for k in r.kinds), "yes", r.rationale)
            for r in RULES]
    rows += [(c.id, c.severity.value, "all files", "no", c.rationale) for c in BUILT_IN_CHECKS]
    return rows


# `careers notify` lives in its own module, which uses the shared options above.
from .notify_command import notify  # noqa: E402

main.add_command(notify)
from .import_command import import_command  # noqa: E402  (needs `load_settings` above)

main.add_command(import_command)

from .audit_command import audit  # noqa: E402  (last: the command uses load_settings and the options above)

main.add_command(audit)

if __name__ == "__main__":
    main()
