"""Brand theming: the `brand:` colours checked against WCAG 2.2 AA contrast, and the CSS that applies them.

Pure functions. Every colour pair the theme draws with a brand colour is listed once (`brand_pairs`); a
pair below its minimum is reported as a located problem together with the nearest colour (same hue,
closest by CIEDE2000) that passes every pair that brand colour is part of.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tinycss2.serializer import serialize_string_value

if TYPE_CHECKING:
    from coloraide import Color

from ..content.appearance_options import BrandOptions
from ..content.diagnostics import Diagnostic

# WCAG 2.2 success criterion 1.4.3 (text, AA): 4.5:1. The pairs below are all text (links, button labels,
# header titles), so they need 4.5:1; focus outlines in the accent colour need 3:1 and are covered by it.
TEXT_MINIMUM = 4.5
# Lightness steps (OKLCh, 0..1) when searching for the nearest passing colour.
_SEARCH_STEP = 0.002


def _color(value: str) -> Color:
    # Imported on first use: coloraide costs about 4 MB and 0.05 s to import, and most sites set no brand colours.
    from coloraide import Color

    return Color(value)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio (1 to 21) of two opaque CSS colours."""
    return float(_color(foreground).contrast(_color(background), method="wcag21"))


def effective_accent(brand: BrandOptions) -> str | None:
    """Without an accent, hovered links and buttons keep the primary colour (Material's own accents are
    lighter than its primaries and would fail the check on a white page)."""
    return brand.accent or brand.primary


@dataclass(frozen=True)
class BrandPair:
    option: str  # brand option adjusted when this pair fails: "primary" or "accent"
    colour: str  # that option's colour
    other: str  # the colour it is drawn with
    other_option: str  # where `other` comes from, for the message
    colour_is_text: bool  # True: the brand colour is the text colour; False: it is the background
    used_for: str
    minimum: float = TEXT_MINIMUM

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.colour, self.other)

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum

    def describe(self) -> str:
        text, back = (self.colour, self.other) if self.colour_is_text else (self.other, self.colour)
        return f"text {text} on {back} ({self.used_for})"


def brand_pairs(brand: BrandOptions) -> list[BrandPair]:
    """Every pair of colours the theme draws with a brand colour, in the light scheme."""
    pairs: list[BrandPair] = []
    if brand.primary:
        pairs += [
            BrandPair("primary", brand.primary, brand.text_on_primary, "text_on_primary", False,
                      "header, navigation tabs and primary buttons"),
            BrandPair("primary", brand.primary, brand.background, "background", True,
                      "links and outlined buttons on the page"),
        ]
    accent = effective_accent(brand)
    if accent and brand.accent:  # a primary used as accent is already checked above
        pairs += [
            BrandPair("accent", accent, brand.background, "background", True, "hovered links and focus outlines"),
            BrandPair("accent", accent, brand.text_on_accent, "text_on_accent", False, "hovered buttons"),
        ]
    elif accent and brand.text_on_accent != brand.text_on_primary:
        pairs.append(BrandPair("primary", accent, brand.text_on_accent, "text_on_accent", False, "hovered buttons"))
    return pairs


def nearest_passing_colour(colour: str, needs: Iterable[tuple[str, float]]) -> str | None:
    """The closest colour (CIEDE2000) of the same hue and chroma, changing only OKLCh lightness, whose
    contrast with every `(other colour, minimum)` reaches the minimum; None if no lightness does."""
    wanted = list(needs)
    original = _color(colour).convert("srgb")
    base = original.convert("oklch")
    start = float(base["lightness"])
    best: tuple[float, str] | None = None
    for direction in (-1, 1):
        step = 1
        while True:
            lightness = start + direction * step * _SEARCH_STEP
            if not 0.0 <= lightness <= 1.0:
                break
            candidate = base.clone().set("lightness", lightness).convert("srgb").fit("srgb")
            hex_value = candidate.to_string(hex=True)
            if all(contrast_ratio(hex_value, other) >= minimum for other, minimum in wanted):
                distance = float(original.delta_e(_color(hex_value), method="2000"))
                if best is None or distance < best[0]:
                    best = (distance, hex_value)
                break
            step += 1
    return best[1] if best else None


def brand_contrast_problems(brand: BrandOptions, *, config_path: str,
                            line_of: dict[str, int] | None = None) -> list[Diagnostic]:
    """One located problem per failing pair, with the nearest colour that passes all of that option's pairs.

    `line_of` maps a brand option name (e.g. "primary") to its line in mkdocs.yml.
    """
    pairs = brand_pairs(brand)
    problems = []
    for pair in pairs:
        if pair.passes:
            continue
        needs = [(other.other, other.minimum) for other in pairs if other.option == pair.option]
        suggestion = nearest_passing_colour(pair.colour, needs)
        hint = (f"the nearest passing colour is {suggestion}: set brand.{pair.option} to '{suggestion}'"
                if suggestion else f"change brand.{pair.other_option}; no shade of this hue passes against it")
        lines = line_of or {}
        problems.append(Diagnostic(
            config_path, lines.get(pair.option, 1), f"plugins.careers.brand.{pair.option}",
            f"{pair.describe()} has a contrast of {pair.ratio:.2f}:1, below the {pair.minimum:g}:1 that "
            f"WCAG 2.2 AA requires for text", hint, rule="brand-contrast"))
    return problems


def _mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `other` in sRGB, as hex."""
    mixed = _color(colour).mix(_color(other), amount, space="srgb")
    return str(mixed.to_string(hex=True))


def brand_css(brand: BrandOptions, font_urls: list[str] | None = None) -> str:
    """CSS custom properties for Material's light scheme, plus @font-face rules for a self-hosted font.

    `font_urls` are the URLs of `brand.font.files` relative to the CSS file, in the same order.
    """
    rules: list[str] = []
    if brand.font is not None:
        urls = font_urls or [f.path for f in brand.font.files]
        for font_file, url in zip(brand.font.files, urls, strict=True):
            font_format = {"woff2": "woff2", "woff": "woff", "ttf": "truetype", "otf": "opentype"}[
                url.rsplit(".", 1)[-1].lower()]
            rules.append(f'@font-face {{ font-family: "{_css_string(brand.font.family)}"; '
                         f'src: url("{_css_string(url)}") format("{font_format}"); '
                         f"font-weight: {font_file.weight}; font-style: {font_file.style}; font-display: swap; }}")
    properties: list[tuple[str, str]] = []
    text_on_primary, text_on_accent = _hex(brand.text_on_primary), _hex(brand.text_on_accent)
    if brand.primary:
        primary = _hex(brand.primary)
        properties += [
            ("--md-primary-fg-color", primary),
            ("--md-primary-fg-color--light", primary),
            ("--md-primary-fg-color--dark", _mix(primary, "#000000", 0.2)),
            ("--md-primary-bg-color", text_on_primary),
            ("--md-primary-bg-color--light", text_on_primary),
            ("--md-typeset-a-color", primary),
        ]
    accent = effective_accent(brand)
    if accent:
        accent = _hex(accent)
        properties += [
            ("--md-accent-fg-color", accent),
            ("--md-accent-fg-color--transparent", _mix(_hex(brand.background), accent, 0.1)),
            ("--md-accent-bg-color", text_on_accent),
            ("--md-accent-bg-color--light", text_on_accent),
        ]
    if brand.font is not None:
        properties.append(("--md-text-font", f'"{_css_string(brand.font.family)}"'))
    if properties:
        body = "\n".join(f"  {name}: {value};" for name, value in properties)
        # Material scopes its palettes to elements below :root; the dark (slate) scheme keeps its own colours.
        rules.append(f':root > :not([data-md-color-scheme="slate"]) {{\n{body}\n}}')
    return "/* Generated by mkdocs-careers from the brand: option in mkdocs.yml. */\n" + "\n".join(rules) + "\n"


def _hex(colour: str) -> str:
    """Any CSS colour the options accepted, as #rrggbb: nothing from mkdocs.yml reaches the CSS verbatim."""
    return str(_color(colour).convert("srgb").fit("srgb").to_string(hex=True))


def _css_string(value: str) -> str:
    """The inside of a double-quoted CSS string (CSS Syntax's escapes: quotes, backslashes, line breaks)."""
    return str(serialize_string_value(value))
