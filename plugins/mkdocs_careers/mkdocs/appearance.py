"""MkDocs side of the careers site's appearance: brand theming, careers chrome, home page and social cards.

The plugin calls one method per MkDocs event; the work is done by the core (pages/brand.py, pages/home.py,
render/home.py, outputs/social_cards.py). Kept apart from plugin.py so that file stays a thin event list.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from ..content.appearance_options import AppearanceSettings, FooterLink
from ..content.config_location import option_line
from ..content.diagnostics import ContentError, Diagnostic, display_path
from ..content.site import CareersSite
from ..pages.brand import brand_contrast_problems, brand_css
from ..pages.builders import FreePage
from ..pages.home import HomeOptionsError, HomePage, build_home_page, home_options, unknown_featured_roles
from ..pages.model import PageMeta
from ..render.home import home_html, home_markdown
from .theme import add_theme_overrides

if TYPE_CHECKING:
    from ..outputs.social_cards import CardStats

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent.parent / "assets"
SITE_CSS = "assets/careers/careers-site.css"
BRAND_CSS = "assets/careers/brand.css"


class Appearance:
    """State of one build's appearance: validated options, the card files and which page gets which card."""

    def __init__(self, settings: AppearanceSettings, config_file: Path, project_root: Path):
        self.settings = settings
        self.config_file = config_file
        self.shown_config = display_path(config_file, project_root)
        self.cards: dict[str, tuple[str, str]] = {}  # page path → (card path, alt text)
        self.card_stats: CardStats | None = None  # set when cards are drawn

    def _line(self, *option: str | int) -> int:
        return option_line(self.config_file, option)

    # --- on_config ---------------------------------------------------------------------------------
    def configure(self, config: MkDocsConfig, logo: str | None) -> None:
        """Check brand contrast (fails the build), then set theme overrides, logo, favicon, palette, footer."""
        brand = self.settings.brand
        lines = {name: self._line("brand", name) for name in ("primary", "accent")}
        problems = brand_contrast_problems(brand, config_path=self.shown_config, line_of=lines)
        if problems:
            raise PluginError(str(ContentError(problems)))
        add_theme_overrides(config.theme)  # the footer partial lives there too
        if brand.logo or (logo and not logo.startswith(("http://", "https://"))):
            config.theme["logo"] = config.theme.get("logo") or brand.logo or logo
        if brand.favicon:
            config.theme["favicon"] = brand.favicon
        if brand.primary:
            _custom_palette(config)
        footer = self.settings.footer
        config.extra["generator"] = footer.theme_attribution
        config.extra["careers_footer"] = {"label": "Company and legal", "links": [], "legal": []}
        for css in (SITE_CSS, BRAND_CSS):
            if css == BRAND_CSS and not brand.is_set:
                continue
            if css not in config.extra_css:
                config.extra_css.append(css)

    # --- on_files ------------------------------------------------------------------------------------
    def add_files(self, files: Files, config: MkDocsConfig, site: CareersSite | None) -> None:
        """Stylesheets, footer links resolved to pages, and the social cards (when the content is valid)."""
        files.append(File.generated(config, SITE_CSS, abs_src_path=str(ASSETS / "careers-site.css")))
        brand = self.settings.brand
        if brand.is_set:
            font_urls = [Path(f.path).name for f in brand.font.files] if brand.font else []
            problems = []
            for index, font_file in enumerate(brand.font.files if brand.font else []):
                source = files.get_file_from_path(font_file.path.lstrip("/"))
                if source is None:
                    problems.append(Diagnostic(self.shown_config, self._line("brand", "font", "files", index, "path"),
                                               f"plugins.careers.brand.font.files[{index}].path",
                                               f"no file '{font_file.path}' in {Path(config.docs_dir).name}/",
                                               "put the font file inside docs_dir and give its path from there"))
                    continue
                font_urls[index] = _relative(BRAND_CSS, source.url)
            problems += self._footer_links(files, config)
            if problems:
                raise PluginError(str(ContentError(problems)))
            files.append(File.generated(config, BRAND_CSS, content=brand_css(brand, font_urls)))
        else:
            problems = self._footer_links(files, config)
            if problems:
                raise PluginError(str(ContentError(problems)))
        if site is not None and self.settings.social_cards.enabled:
            self._add_cards(files, config, site)

    def _footer_links(self, files: Files, config: MkDocsConfig) -> list[Diagnostic]:
        footer = self.settings.footer
        problems: list[Diagnostic] = []
        resolved: dict[str, list[dict[str, str]]] = {"links": [], "legal": []}
        named: list[tuple[str, tuple[str | int, ...], FooterLink]] = [
            ("links", ("footer", "links", i, "url"), link) for i, link in enumerate(footer.links)]
        legal_options = {"Applicant privacy notice": "privacy_notice", "Equal opportunity": "equal_opportunity",
                         "Accessibility": "accessibility"}
        named += [("legal", ("footer", legal_options[link.label]), link) for link in footer.legal_links()]
        for group, option, link in named:
            url = _page_url(link, files)
            if url is None:
                problems.append(Diagnostic(
                    self.shown_config, self._line(*option), "plugins.careers." + _dotted(option),
                    f"no page '{link.url}' in {Path(config.docs_dir).name}/",
                    "create that page, or give a full URL such as https://www.example.com/privacy"))
                continue
            resolved[group].append({"label": link.label, "url": url})
        config.extra["careers_footer"].update(resolved)
        return problems

    def _add_cards(self, files: Files, config: MkDocsConfig, site: CareersSite) -> None:
        # Imported here: Pillow costs about 4 MB and its import time on every build, and cards are optional.
        from ..outputs.social_cards import CardStats, SocialCardError, build_social_cards

        self.cards.clear()
        self.card_stats = CardStats()
        try:
            cards = build_social_cards(site, self.settings.brand, self.settings.social_cards,
                                       docs_dir=Path(config.docs_dir), stats=self.card_stats)
        except SocialCardError as exc:
            raise PluginError(f"careers: {exc}") from None
        for card in cards:
            files.append(File.generated(config, card.dest_path, abs_src_path=str(card.source)))
            self.cards[card.page_path] = (site.asset_url(card.dest_path) or card.dest_path, card.layout.alt)
        log.info(f"social cards: {self.card_stats.drawn} drawn, {self.card_stats.reused} reused from the cache")

    # --- pages ---------------------------------------------------------------------------------------
    def page_meta(self, page: Page, *, careers_index: bool) -> None:
        """Careers pages without the docs sidebar; the home and index pages (card grids) without the TOC too."""
        if not self.settings.footer.hide_navigation:
            return
        hide = list(page.meta.get("hide") or [])
        wanted = ["navigation"] + (["toc"] if page.is_homepage or careers_index else [])
        page.meta["hide"] = hide + [item for item in wanted if item not in hide]

    def home_model(self, page: Page, site: CareersSite, files: Files | None) -> HomePage | None:
        """The home page's cards from the site graph and its options (mkdocs.yml, then its frontmatter);
        None when the data-driven home page is switched off."""
        try:
            options = home_options(self.settings.home, page.meta)
        except HomeOptionsError as exc:
            raise PluginError(f"{Path(page.file.src_dir or '').name}/{page.file.src_uri}:1: {exc}") from None
        if not options.enabled:
            return None
        unknown = unknown_featured_roles(site, options)
        if unknown:
            raise PluginError(str(ContentError([
                Diagnostic(self.shown_config, self._line("home", "featured_roles", index),
                           f"plugins.careers.home.featured_roles[{index}]", f"no role '{slug}' in roles/", hint)
                for index, slug, hint in unknown])))
        how_we_hire = None
        if options.how_we_hire_page and files is not None:
            target = files.get_file_from_path(options.how_we_hire_page)
            how_we_hire = target.url if target is not None else None
        return build_home_page(site, options, page_title=page.title, how_we_hire_path=how_we_hire)

    def home_page_html(self, page: Page, body_html: str, site: CareersSite, files: Files | None,
                       use_directory_urls: bool) -> str:
        """The home page: hero and cards from the site graph, with the editor's Markdown where configured."""
        home = self.home_model(page, site, files)
        if home is None:
            return body_html
        html = home_html(home, body_html=body_html, organization=site.settings.organization.name,
                         page_path=page.url, use_directory_urls=use_directory_urls)
        # The editor's `# Heading` became the hero: its table-of-contents entry would link to nothing.
        items = []
        for item in page.toc.items:
            items.extend([item] if f'id="{item.id}"' in html else item.children)
        page.toc = TableOfContents(items)
        return html

    def home_copy(self, free: FreePage, page: Page, site: CareersSite, files: Files) -> FreePage:
        """The home page's Markdown copy with the same sections and facts as its HTML (other pages unchanged)."""
        if not free.is_homepage:
            return free
        home = self.home_model(page, site, files)
        if home is None:
            return free
        return dataclasses.replace(free, markdown=home_markdown(home, body_markdown=free.markdown, url=site.url))

    def with_card_image(self, meta: PageMeta) -> PageMeta:
        """The page's head meta with its PNG social card (1200×630, with alt text), when it has one."""
        if meta.page_path not in self.cards:
            return meta
        from ..outputs.social_cards import HEIGHT, WIDTH  # loaded already: the cards were drawn

        url, alt = self.cards[meta.page_path]
        card = dataclasses.replace(meta.card, image=url, image_alt=alt, image_width=WIDTH, image_height=HEIGHT,
                                   image_type="image/png")
        return dataclasses.replace(meta, card=card)


def _custom_palette(config: MkDocsConfig) -> None:
    """Material applies a named palette's colours with higher priority than extra CSS; `custom` lets ours win."""
    palette = config.theme.get("palette")
    entries = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    if not entries:
        config.theme["palette"] = {"scheme": "default", "primary": "custom", "accent": "custom"}
        return
    for entry in entries:
        if isinstance(entry, dict) and entry.get("scheme", "default") != "slate":
            entry["primary"] = "custom"
            entry["accent"] = "custom"


def _page_url(link: FooterLink, files: Files) -> str | None:
    if link.url.startswith(("http://", "https://", "mailto:")):
        return link.url
    target = files.get_file_from_path(link.url.lstrip("/"))
    return target.url if target is not None else None


def _relative(from_file: str, to_url: str) -> str:
    import posixpath

    return posixpath.relpath(to_url, posixpath.dirname(from_file))


def _dotted(option: tuple[Any, ...]) -> str:
    text = ""
    for part in option:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
