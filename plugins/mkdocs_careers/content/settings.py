"""Site-wide settings of the careers core, independent of MkDocs: the validated plugin options, resolved.

`settings_from_config` is the one place the plugin and `careers check` turn the `careers` options of
mkdocs.yml into settings; the options' schema and defaults are declared once in `options.py`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .appearance_options import AppearanceSettings
from .build_date import BuildDateError, resolve_build_date
from .kinds import ContentKind
from .models import Organization
from .options import AtsOptions, AuditOptions, CareersOptions, HiringDefaults, OutputSettings
from .safety import SafetySettings
from .validation import config_problems


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
    audit: AuditOptions = Field(default_factory=AuditOptions)
    ats: AtsOptions = Field(default_factory=AtsOptions)
    # MkDocs' docs_dir, where local images (a person's `image`) must live; None: `content/` under the root.
    docs_dir: Path | None = None
    safety: SafetySettings = Field(default_factory=SafetySettings)
    appearance: AppearanceSettings = Field(default_factory=AppearanceSettings)  # home, brand, footer, cards

    def content_dir(self, kind: ContentKind | str) -> Path:
        return self.content_dir_as_written(kind).resolve()

    def content_dir_as_written(self, kind: ContentKind | str) -> Path:
        """The folder as configured, symlinks not followed (confinement.py checks where it really leads)."""
        from .kinds import KINDS

        kind = kind if isinstance(kind, ContentKind) else next(k for k in KINDS if k.name == kind)
        return self.project_root / str(getattr(self, kind.dir_option))

    @property
    def assets_dir(self) -> Path:
        return self.docs_dir if self.docs_dir is not None else self.project_root / "content"


class SettingsError(ValueError):
    """mkdocs.yml's careers options are unusable; the message says which option and why."""


def parse_options(options: Mapping[str, Any] | CareersOptions) -> CareersOptions:
    """Validate the plugin options, reporting every problem as `option.path: message (hint: ...)`."""
    if isinstance(options, CareersOptions):
        return options
    try:
        return CareersOptions.model_validate({k: v for k, v in options.items() if v is not None})
    except ValidationError as exc:
        problems = config_problems(exc, CareersOptions)
        raise SettingsError("invalid careers plugin options in mkdocs.yml:\n" +
                            "\n".join(f"  {p}" for p in problems)) from None


def settings_from_config(options: Mapping[str, Any] | CareersOptions, *, site_url: str | None, project_root: Path,
                         use_directory_urls: bool = True,
                         build_date: str | dt.date | None = None,
                         docs_dir: str | Path | None = None) -> CareersSettings:
    """Core settings from the `careers` plugin options; `build_date` (from `careers check --build-date`)
    overrides the configured one."""
    if not site_url:
        raise SettingsError("set site_url in mkdocs.yml (e.g. https://careers.example.com/); JSON-LD, "
                            "canonical URLs and feeds need absolute URLs")
    parsed = parse_options(options)
    try:
        resolved_date = resolve_build_date(build_date or parsed.build_date)
    except BuildDateError as exc:
        raise SettingsError(str(exc)) from None
    try:
        parsed.outputs.indexnow.resolved_key(os.environ)  # a bad INDEXNOW_KEY secret stops here, not in a file name
    except ValueError as exc:
        raise SettingsError(str(exc)) from None
    return CareersSettings(
        organization=parsed.organization,
        site_url=site_url if site_url.endswith("/") else site_url + "/",
        project_root=project_root.resolve(),
        roles_dir=parsed.roles_dir,
        people_dir=parsed.people_dir,
        case_studies_dir=parsed.case_studies_dir,
        use_directory_urls=use_directory_urls,
        build_date=resolved_date,
        disabled_rules=frozenset(parsed.disabled_rules),
        outputs=parsed.outputs,
        hiring=parsed.hiring,
        audit=parsed.audit,
        ats=parsed.ats,
        docs_dir=Path(docs_dir) if docs_dir is not None else None,
        safety=SafetySettings(allow_symlinks=parsed.allow_symlinks, allow_raw_html=parsed.allow_raw_html,
                              limits=parsed.limits, allow_active_files=tuple(parsed.allow_active_files),
                              allow_page_templates=frozenset(parsed.allow_page_templates),
                              allow_classes=frozenset(parsed.allow_classes)),
        appearance=parsed.appearance,
    )
