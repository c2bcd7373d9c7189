"""Settings of how the careers site looks: the data-driven home page, brand theming, footer chrome, social cards.

Declared once as pydantic models (like output_options.py): the plugin validates the `home:`, `brand:`,
`footer:` and `social_cards:` options of `mkdocs.yml` through them, and the README documents them from here.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .css_values import is_css_string

HomeSection = Literal["roles", "content", "leaders", "case_studies", "how_we_hire"]
DEFAULT_HOME_SECTIONS: tuple[HomeSection, ...] = ("roles", "leaders", "case_studies", "how_we_hire", "content")
# A site-relative path (inside docs_dir) or nothing: fonts, logos and favicons are served by the site itself.
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HomeOptions(_Options):
    """The `home:` option; the home page's own frontmatter `home:` mapping overrides any of these fields."""

    enabled: bool = Field(True, description="Render the home page's hero, role, leader and case-study cards")
    headline: str | None = Field(None, description="Hero headline; defaults to the home page's first heading")
    promise: str | None = Field(None, description="One-line promise under the headline; defaults to "
                                                  "organization.description")
    cta_label: str = Field("See open roles", description="Label of the hero's call to action (links to the roles)")
    max_roles: int = Field(6, ge=1, description="How many open-role cards the home page shows at most")
    role_layout: Literal["grouped", "featured"] = Field(
        "grouped", description="grouped: by department; featured: featured_roles first, then the newest")
    featured_roles: list[str] = Field(default_factory=list, description="Role slugs shown first (when open)")
    max_leaders: int = Field(4, ge=0, description="How many leader cards (longest tenure first); 0 hides them")
    max_case_studies: int = Field(3, ge=0, description="How many case-study cards (newest first); 0 hides them")
    how_we_hire_page: str | None = Field("how-we-hire.md", description="Page the 'how we hire' strip links to "
                                                                      "(inside docs_dir), when it exists")
    sections: list[HomeSection] = Field(
        default_factory=lambda: list(DEFAULT_HOME_SECTIONS),
        description="Order of the sections below the hero; 'content' is the editor's own Markdown")


class FontFile(_Options):
    path: str = Field(description="Font file inside docs_dir (.woff2, .woff, .ttf or .otf)")
    weight: int = Field(400, ge=100, le=900)
    style: Literal["normal", "italic"] = "normal"

    @field_validator("path")
    @classmethod
    def _self_hosted(cls, value: str) -> str:
        if not is_css_string(value):
            raise ValueError("a font path is one line of printable text (it is written into the site's CSS)")
        if _REMOTE.match(value):
            raise ValueError("font files must be self-hosted (a path inside docs_dir): a third-party font "
                             "service would see every candidate who opens the site")
        if not value.lower().endswith((".woff2", ".woff", ".ttf", ".otf")):
            raise ValueError("use a .woff2, .woff, .ttf or .otf file")
        return value


class BrandFont(_Options):
    family: str = Field(description="Font family name, e.g. Inter")
    files: list[FontFile] = Field(min_length=1, description="The font files, one per weight/style")

    @field_validator("family")
    @classmethod
    def _one_css_string(cls, value: str) -> str:
        if not value.strip() or not is_css_string(value):
            raise ValueError("a font family name is one line of printable text (it is written into the site's "
                             "CSS as a string)")
        return value


class BrandOptions(_Options):
    """The `brand:` option: colours, logo, favicon and self-hosted fonts, turned into the site's CSS."""

    primary: str | None = Field(None, description="Header, buttons and links, e.g. '#0b5cad'")
    accent: str | None = Field(None, description="Hovered links and buttons, focus rings, e.g. '#b4005a'")
    text_on_primary: str = Field("#ffffff", description="Text on the primary colour (header, buttons)")
    text_on_accent: str = Field("#ffffff", description="Text on the accent colour (hovered buttons)")
    background: str = Field("#ffffff", description="Page background the colours are checked against")
    logo: str | None = Field(None, description="Header logo inside docs_dir; defaults to organization.logo")
    favicon: str | None = Field(None, description="Favicon inside docs_dir")
    font: BrandFont | None = Field(None, description="Self-hosted text font")

    @field_validator("primary", "accent", "text_on_primary", "text_on_accent", "background")
    @classmethod
    def _css_colour(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from coloraide import Color  # imported here: only sites that set colours pay for it

        try:
            Color(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a CSS colour (use e.g. '#0b5cad')") from None
        return value

    @property
    def is_set(self) -> bool:
        return any((self.primary, self.accent, self.logo, self.favicon, self.font))


class FooterLink(_Options):
    label: str
    url: str = Field(description="A full URL or a page inside docs_dir, e.g. privacy.md")


class FooterOptions(_Options):
    """The `footer:` option: the organisation's links and the legal pages an employer needs."""

    links: list[FooterLink] = Field(default_factory=list, description="The organisation's own links")
    privacy_notice: str | None = Field(None, description="Applicant privacy notice: a page inside docs_dir or URL")
    equal_opportunity: str | None = Field(None, description="Equal-opportunity statement: page or URL")
    accessibility: str | None = Field(None, description="Accessibility statement: page or URL")
    theme_attribution: bool = Field(False, description="Show 'Made with Material for MkDocs'")
    hide_navigation: bool = Field(True, description="Careers pages without the docs sidebar (top tabs stay)")

    def legal_links(self) -> list[FooterLink]:
        named = (("Applicant privacy notice", self.privacy_notice),
                 ("Equal opportunity", self.equal_opportunity), ("Accessibility", self.accessibility))
        return [FooterLink(label=label, url=url) for label, url in named if url]


class SocialCardOptions(_Options):
    """The `social_cards:` option: a 1200×630 PNG per role, person and case study."""

    enabled: bool = True
    cache_dir: str = Field(".cache/careers-social-cards", description="Cache folder, relative to mkdocs.yml")
    font: str | None = Field(None, description="A .ttf/.otf file for the cards (relative to mkdocs.yml); "
                                               "default: DejaVu Sans (Debian package fonts-dejavu-core)")
    font_bold: str | None = Field(None, description="Bold .ttf/.otf file; default: DejaVu Sans Bold")


# The plugin options (one nested mapping each in mkdocs.yml) that configure the appearance.
APPEARANCE_OPTIONS = ("home", "brand", "footer", "social_cards")


class AppearanceSettings(_Options):
    home: HomeOptions = Field(default_factory=HomeOptions)
    brand: BrandOptions = Field(default_factory=BrandOptions)
    footer: FooterOptions = Field(default_factory=FooterOptions)
    social_cards: SocialCardOptions = Field(default_factory=SocialCardOptions)
