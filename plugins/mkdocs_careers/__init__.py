"""mkdocs-careers: GEO-optimised careers pages from Markdown roles, people and case studies.

The public API is the generator-independent core: load and validate content into a `CareersSite`, lint
it, build each page's `PageModel`, and render it (HTML, Markdown, JSON-LD) and the machine-readable
outputs. `mkdocs/` (the `careers` MkDocs plugin) and `cli/` (the `careers` command) are thin adapters.
"""

from .content.diagnostics import ContentError, Diagnostic, Severity
from .content.kinds import KINDS, ContentKind
from .content.models import CaseStudy, Organization, Person, Role
from .content.settings import CareersSettings, SettingsError, settings_from_config
from .content.site import CareersSite, Entry, load_site
from .lint import lint_site
from .outputs import build_outputs
from .pages.builders import FreePage, entry_page, free_page, index_page
from .pages.model import PageMeta, PageModel, Section
from .render.html import HtmlRenderer, RenderedPage
from .render.markdown import MarkdownRenderer

__all__ = [
    "KINDS",
    "CareersSettings",
    "CareersSite",
    "CaseStudy",
    "ContentError",
    "ContentKind",
    "Diagnostic",
    "Entry",
    "FreePage",
    "HtmlRenderer",
    "MarkdownRenderer",
    "Organization",
    "PageMeta",
    "PageModel",
    "Person",
    "RenderedPage",
    "Role",
    "Section",
    "SettingsError",
    "Severity",
    "build_outputs",
    "entry_page",
    "free_page",
    "index_page",
    "lint_site",
    "load_site",
    "settings_from_config",
]
