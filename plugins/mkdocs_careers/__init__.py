"""mkdocs-careers: GEO-optimised careers pages from Markdown roles, people and case studies.

The public API is the generator-independent core: load and validate content into a `CareersSite`,
render pages and JSON-LD, and build the machine-readable outputs. `plugin.py` (MkDocs) and `cli.py`
(`careers` command) are thin adapters over it.
"""

from .content.diagnostics import ContentError, Diagnostic, Severity
from .content.models import CaseStudy, Organization, Person, Role
from .content.settings import CareersSettings, SettingsError, settings_from_config
from .content.site import CareersSite, Entry, load_site
from .outputs import FreePage, build_outputs
from .render.html import PageRenderer, RenderedPage

__all__ = [
    "CareersSettings",
    "CareersSite",
    "CaseStudy",
    "ContentError",
    "Diagnostic",
    "Entry",
    "FreePage",
    "Organization",
    "PageRenderer",
    "Person",
    "RenderedPage",
    "Role",
    "SettingsError",
    "Severity",
    "build_outputs",
    "load_site",
    "settings_from_config",
]
