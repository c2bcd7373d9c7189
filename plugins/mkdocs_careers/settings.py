"""Site-wide settings of the careers core, independent of MkDocs (the plugin fills them from mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .hiring import HiringDefaults
from .models import Organization


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
    default_image: str | None = None
    hiring: HiringDefaults = Field(default_factory=HiringDefaults)

    def content_dir(self, kind: str) -> Path:
        relative = {"role": self.roles_dir, "person": self.people_dir, "case_study": self.case_studies_dir}[kind]
        return (self.project_root / relative).resolve()
