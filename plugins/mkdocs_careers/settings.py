"""Site-wide settings of the careers core, independent of MkDocs (the plugin fills them from mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .models import Organization
from .outputs.settings import OutputSettings


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

    def content_dir(self, kind: str) -> Path:
        relative = {"role": self.roles_dir, "person": self.people_dir, "case_study": self.case_studies_dir}[kind]
        return (self.project_root / relative).resolve()
