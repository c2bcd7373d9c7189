"""Site-wide settings of the careers core, independent of MkDocs (the plugin fills them from mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..pages.hiring import HiringConfigError, HiringDefaults, parse_hiring_defaults
from .appearance_options import APPEARANCE_OPTIONS, AppearanceSettings
from .models import Organization
from .output_options import OUTPUT_OPTIONS, OutputSettings


class CareersSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    organization: Organization
    site_url: str = Field(description="Absolute URL of the site root, ending with /")
    project_root: Path
    roles_dir: str = "roles"
    people_dir: str = "people"
    case_studies_dir: str = "case_studies"
    use_directory_urls: bool = True
    build_date: dt.date
    disabled_rules: frozenset[str] = frozenset()
    outputs: OutputSettings = Field(default_factory=OutputSettings)
    hiring: HiringDefaults = Field(default_factory=HiringDefaults)
    appearance: AppearanceSettings = Field(default_factory=AppearanceSettings)  # home, brand, footer, cards

    def content_dir(self, kind: str) -> Path:
        relative = {"role": self.roles_dir, "person": self.people_dir, "case_study": self.case_studies_dir}[kind]
        return (self.project_root / relative).resolve()


class SettingsError(ValueError):
    """mkdocs.yml's careers options are unusable; the message says which option and why."""


def settings_from_config(options: Mapping[str, Any], *, site_url: str | None, project_root: Path,
                         use_directory_urls: bool = True,
                         build_date: str | dt.date | None = None) -> CareersSettings:
    """Core settings from the `careers` plugin options: the one place the plugin and `careers check` share.

    `options` are the plugin's options from mkdocs.yml; `build_date` (from `careers check --build-date`)
    overrides the configured one.
    """
    from ..lint.rules import unknown_rule_problems
    from .build_date import BuildDateError, resolve_build_date

    if not site_url:
        raise SettingsError("set site_url in mkdocs.yml (e.g. https://careers.example.com/); JSON-LD, "
                            "canonical URLs and feeds need absolute URLs")
    try:
        organization = Organization.model_validate(dict(options.get("organization") or {}))
    except ValidationError as exc:
        problems = "; ".join(f"organization.{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"invalid plugin config in mkdocs.yml: {problems}") from None
    try:
        resolved_date = resolve_build_date(build_date or options.get("build_date"))
    except BuildDateError as exc:
        raise SettingsError(str(exc)) from None
    try:
        outputs = OutputSettings.model_validate({key: options.get(key) or {} for key in OUTPUT_OPTIONS})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"invalid plugin config in mkdocs.yml: {problems}") from None
    try:
        appearance = AppearanceSettings.model_validate({key: options.get(key) or {} for key in APPEARANCE_OPTIONS})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SettingsError(f"invalid plugin config in mkdocs.yml: {problems}") from None
    try:
        hiring = parse_hiring_defaults(options.get("hiring") or {})
    except HiringConfigError as exc:
        raise SettingsError(f"invalid hiring option in mkdocs.yml:\n{exc}") from None
    disabled = list(options.get("disabled_rules") or [])
    rule_problems = unknown_rule_problems(disabled)
    if rule_problems:
        raise SettingsError("disabled_rules in mkdocs.yml: " + "; ".join(rule_problems))
    return CareersSettings(
        organization=organization,
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        project_root=project_root.resolve(),
        roles_dir=options.get("roles_dir") or "roles",
        people_dir=options.get("people_dir") or "people",
        case_studies_dir=options.get("case_studies_dir") or "case_studies",
        use_directory_urls=use_directory_urls,
        build_date=resolved_date,
        disabled_rules=frozenset(disabled),
        outputs=outputs,
        hiring=hiring,
        appearance=appearance,
    )
