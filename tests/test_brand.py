"""Brand theming: WCAG 2.2 AA contrast of every brand colour pair, the located build failure with the nearest
passing colour, and the generated CSS (custom properties, self-hosted @font-face, never a font CDN)."""

from __future__ import annotations

import re

import pytest
from appearance_helpers import HARBOUR_PALETTE, careers_options, edit_careers_options, use_harbour_palette
from conftest import REPO, copy_project, run_build
from lxml import html as lxml_html
from mkdocs_careers.content.appearance_options import BrandOptions
from mkdocs_careers.pages.brand import brand_contrast_problems, brand_pairs, contrast_ratio, nearest_passing_colour

LOW_CONTRAST_PRIMARY = "#7fa7ff"  # a light blue: 2.37:1 against white


def test_contrast_ratio_matches_the_wcag_formula():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_brand_colour_pair_the_theme_uses_is_checked():
    pairs = brand_pairs(BrandOptions(primary="#283593", accent="#ad1457"))
    described = {(p.option, p.other_option) for p in pairs}
    assert described == {("primary", "text_on_primary"), ("primary", "background"),
                         ("accent", "background"), ("accent", "text_on_accent")}
    assert all(p.passes for p in pairs)


@pytest.mark.parametrize("colour", ["#7fa7ff", "#ff9900", "#9ccc65", "#f06292"])
def test_nearest_passing_colour_passes_every_pair_and_keeps_the_hue(colour):
    needs = [("#ffffff", 4.5)]
    suggestion = nearest_passing_colour(colour, needs)
    assert suggestion is not None and re.fullmatch(r"#[0-9a-f]{6}", suggestion)
    assert contrast_ratio(suggestion, "#ffffff") >= 4.5
    # Nearest: one lightness step lighter would fail again.
    from coloraide import Color

    lighter = Color(suggestion).convert("oklch")
    lighter["lightness"] += 0.01
    assert contrast_ratio(lighter.convert("srgb").fit("srgb").to_string(hex=True), "#ffffff") < 4.5
    hue_before = Color(colour).convert("oklch")["hue"]
    hue_after = Color(suggestion).convert("oklch")["hue"]
    assert abs(hue_before - hue_after) < 8


def test_passing_brand_reports_nothing():
    assert brand_contrast_problems(BrandOptions(**HARBOUR_PALETTE), config_path="mkdocs.yml") == []


def test_low_contrast_brand_colour_fails_the_build_with_a_located_message_and_the_nearest_passing_colour(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    edit_careers_options(project, brand={"primary": LOW_CONTRAST_PRIMARY, "accent": "#ad1457"})
    result = run_build(project)
    assert result.returncode != 0
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    primary_line = next(i for i, line in enumerate(lines, 1) if LOW_CONTRAST_PRIMARY in line)
    match = re.search(rf"mkdocs\.yml:{primary_line}: plugins\.careers\.brand\.primary: text #ffffff on "
                      rf"{LOW_CONTRAST_PRIMARY} \(header, navigation tabs and primary buttons\) has a contrast of "
                      r"2\.\d\d:1, below the 4\.5:1 that WCAG 2\.2 AA requires for text \(hint: the nearest passing "
                      r"colour is (#[0-9a-f]{6})", result.output)
    assert match, result.output
    assert f"text {LOW_CONTRAST_PRIMARY} on #ffffff (links and outlined buttons on the page)" in result.output
    assert not (project / "site").exists()  # nothing published
    # The suggestion is a real fix: the same build with it passes.
    edit_careers_options(project, brand={"primary": match.group(1), "accent": "#ad1457"})
    fixed = run_build(project)
    assert fixed.returncode == 0, fixed.output


@pytest.mark.parametrize(("font_path", "expected"), [
    ("https://fonts.gstatic.com/s/inter/v1/inter.woff2", r"brand\.font\.files\[0\]\.path: font files must be self-hosted"),
    ("assets/fonts/inter.woff2", r"mkdocs\.yml:\d+: plugins\.careers\.brand\.font\.files\[0\]\.path: no file "
                                 r"'assets/fonts/inter\.woff2' in content/"),
], ids=["font CDN", "missing font file"])
def test_fonts_must_be_self_hosted_files(tmp_path, font_path, expected):
    project = copy_project(REPO, tmp_path / "project")
    edit_careers_options(project, brand={"primary": "#283593", "font": {"family": "Inter", "files": [{"path": font_path}]}})
    result = run_build(project)
    assert result.returncode != 0
    assert re.search(expected, result.output), result.output


def test_brand_css_sets_materials_colours_logo_favicon_and_a_self_hosted_font(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    use_harbour_palette(project)
    result = run_build(project)
    assert result.returncode == 0, result.output
    css = (result.site / "assets" / "careers" / "brand.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #00695c;" in css and "--md-accent-fg-color: #b3261e;" in css
    assert "--md-primary-bg-color: #ffffff;" in css
    assert '@font-face { font-family: "Brand Sans"; src: url("../fonts/brand-sans.ttf") format("truetype")' in css
    assert (result.site / "assets" / "fonts" / "brand-sans.ttf").is_file()
    assert '--md-text-font: "Brand Sans";' in css
    home = result.html("")
    tree = lxml_html.fromstring(home)
    assert tree.xpath("//link[@rel='stylesheet' and contains(@href, 'assets/careers/brand.css')]")
    # Material's named palette is switched to `custom`, so the brand colours are not overridden by it.
    assert tree.xpath("//body/@data-md-color-primary") == ["custom"]
    assert tree.xpath("//link[@rel='icon']/@href") == ["assets/logo.svg"]
    assert set(tree.xpath("//a[contains(@class, 'md-logo')]//img/@src")) == {"assets/logo.svg"}
    # No request ever goes to a third-party font service.
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home


def test_demo_brand_is_configured_in_mkdocs_yml():
    import yaml

    options = careers_options(yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")))
    assert brand_contrast_problems(BrandOptions(**options["brand"]), config_path="mkdocs.yml") == []
