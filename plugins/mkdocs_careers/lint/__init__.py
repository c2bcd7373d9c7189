"""Lint: the rules run over a loaded site graph, after loading and before any page is built."""

from __future__ import annotations

from pathlib import Path

from ..content.diagnostics import display_path
from ..content.settings import CareersSettings, SettingsError
from ..content.site import CareersSite
from .rules import forget_file_results, run_rules, unknown_rule_problems

# Importing untrusted_content registers its rules: raw-html, empty-body, body-control-character, apply-https.
from .untrusted_content import image_problems


def check_settings(settings: CareersSettings) -> CareersSettings:
    """Settings that name lint rules must name existing ones (checked here: rules live in this layer)."""
    problems = unknown_rule_problems(sorted(settings.disabled_rules))
    if problems:
        raise SettingsError("disabled_rules in mkdocs.yml: " + "; ".join(problems))
    return settings


def lint_site(site: CareersSite, only: set[Path] | None = None, *, remember: bool = True) -> CareersSite:
    """Add every rule's findings to `site.diagnostics`, once each and sorted.

    `only` restricts which files' problems are reported (the CLI checking changed files); every file is
    still loaded and linted, so references between files resolve. What rules work out per file (a body's
    headings, a role's pay-law problems) is kept for the next lint of the same unchanged files (a preview's
    rebuild); a one-off build passes `remember=False` so it is not held for the rest of the build.
    """
    problems = [*site.diagnostics, *image_problems(site), *run_rules(site)]
    drafts = [*site.draft_diagnostics, *run_rules(site, list(site.drafts.values()))]  # listed, never failing
    if only is not None:
        wanted = {display_path(path, site.settings.project_root) for path in only}
        problems = [p for p in problems if p.path in wanted]
        drafts = [p for p in drafts if p.path in wanted]
    site.diagnostics = sorted(set(problems))
    site.draft_diagnostics = sorted(set(drafts))
    if not remember:
        forget_file_results()
    return site
