"""Settings for building untrusted content (pull requests from strangers): symlinks, raw HTML, size limits and
the allow-lists for active files in docs_dir, free pages' templates and body classes.

The options are declared in `options.py` (`allow_symlinks`, `allow_raw_html`, `limits`, `allow_active_files`,
`allow_page_templates`, `allow_classes`); `settings_from_config`
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
    allow_active_files: tuple[str, ...] = ()
    allow_page_templates: frozenset[str] = frozenset()
    allow_classes: frozenset[str] = frozenset()


# The three allow-lists as options (options.py declares them at the plugin's top level).
ACTIVE_FILES_HELP = ("docs_dir files (glob patterns such as 'embeds/*.html') published although they can run "
                     "script or configure the web host (.html, .js, .php, _headers, ...) or are SVGs with script; "
                     "keep them under CODEOWNERS review")
PAGE_TEMPLATES_HELP = "Theme templates a free page may choose with `template:` (e.g. redirect.html); none by default"
CLASSES_HELP = ("Classes a body may set besides the content classes (admonitions, code highlighting, ...); "
                "'prefix-*' allows a family")
