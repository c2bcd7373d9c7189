"""Settings for building untrusted content (pull requests from strangers): symlinks, raw HTML and size limits.

The options are declared in `options.py` (`allow_symlinks`, `allow_raw_html`, `limits`); `settings_from_config`
gathers them here for the core. The README's "Building untrusted pull requests" section documents them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# A role file of the demo site is 4-8 KB; 1 MB is far above any real page and far below what hurts a runner.
DEFAULT_MAX_FILE_KB = 1024
# Values in one file's frontmatter after YAML aliases are expanded; the demo's largest role has about 150.
DEFAULT_MAX_YAML_VALUES = 10_000


class ContentLimits(BaseModel):
    """Per-file resource limits, so a hostile file is refused in milliseconds instead of exhausting the runner."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_file_kb: int = Field(DEFAULT_MAX_FILE_KB, gt=0, description="Largest content file, in KB (1024 bytes)")
    max_yaml_values: int = Field(DEFAULT_MAX_YAML_VALUES, gt=0,
                                 description="Most values one frontmatter may hold once YAML aliases are expanded")

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_kb * 1024


class SafetySettings(BaseModel):
    """What a build of untrusted content may read and publish."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_symlinks: bool = Field(False, description="Follow symbolic links that stay inside the project; links "
                                                    "leading outside are always refused")
    allow_raw_html: bool = Field(False, description="Publish raw HTML in Markdown bodies unsanitised (trusted "
                                                    "sites only)")
    limits: ContentLimits = Field(default_factory=ContentLimits)
