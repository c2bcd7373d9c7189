"""PNG social cards: one 1200×630 card per role, person and case study, in og:image/twitter:image with size and
alt text; what each card says (its layout, embedded in the PNG) matches the page; byte-reproducible; cached
between builds so unchanged cards are not redrawn."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_build
from lxml import html as lxml_html
from mkdocs_careers.content.appearance_options import BrandOptions, SocialCardOptions
from mkdocs_careers.outputs.social_cards import CardLayout, CardRenderer, read_layout
from PIL import Image

SITE = "https://careers.northwind-labs.example/"
KIND_FOLDERS = {"roles": "roles", "people": "people", "case_studies": "case-studies"}


def demo_pages() -> list[str]:
    return [f"{url}/{path.stem}/" for folder, url in KIND_FOLDERS.items() for path in sorted((REPO / folder).glob("*.md"))]


def head_meta(tree, key: str) -> list[str]:
    return tree.xpath(f"//head/meta[@property='{key}' or @name='{key}']/@content")


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


@pytest.mark.parametrize("page", demo_pages())
def test_every_role_person_and_case_study_has_a_1200x630_png_card_in_its_head(demo_build, page):
    tree = lxml_html.fromstring(demo_build.html(page))
    kind, slug = page.strip("/").split("/")
    card_url = f"{SITE}assets/careers/cards/{kind}/{slug}.png"
    assert head_meta(tree, "og:image") == [card_url]
    assert head_meta(tree, "twitter:image") == [card_url]
    assert head_meta(tree, "twitter:card") == ["summary_large_image"]
    assert head_meta(tree, "og:image:width") == ["1200"] and head_meta(tree, "og:image:height") == ["630"]
    assert head_meta(tree, "og:image:type") == ["image/png"]
    alt = head_meta(tree, "og:image:alt")
    assert alt and alt == head_meta(tree, "twitter:image:alt") and alt[0].strip()
    png = (demo_build.site / card_url.removeprefix(SITE)).read_bytes()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (1200, 630)
    layout = read_layout(png)
    h1 = texts(tree, "//article//h1")[0]
    assert layout["title"] == h1
    if kind == "roles":
        facts = dict(zip(texts(tree, "//dl[@class='careers-facts']//dt"),
                         texts(tree, "//dl[@class='careers-facts']//dd"), strict=True))
        lines = layout["lines"]
        assert facts["Workplace"] in lines[0]
        assert lines[1] == facts["Salary"]
        assert lines[2] in (f"Apply by {facts['Apply by']}", facts["Apply by"])
        assert layout["eyebrow"] == f"Open role · {facts['Department']}"
        assert layout["logo"] == "assets/logo.svg"
    elif kind == "people":
        job_title, tenure = layout["lines"]
        card_text = texts(tree, "//div[contains(@class, 'careers-card--profile')]//p")
        assert card_text[0] == f"{job_title}, Northwind Labs" and card_text[1] == tenure
        assert layout["picture"] == tree.xpath("//div[contains(@class, 'careers-card--profile')]/img/@src")[0] \
            .replace("../../", "")
        assert layout["initials"] == "".join(word[0] for word in h1.split()[::len(h1.split()) - 1])
    else:
        first = tree.xpath("//div[@class='careers-metric']")[0]
        before = texts(first, ".//span[@class='careers-metric__before']")[0].removeprefix("Before: ")
        after = texts(first, ".//strong[@class='careers-metric__after']")[0].removeprefix("After: ")
        change = texts(first, ".//span[@class='careers-metric__change']")[0]
        assert layout["highlight"] == f"{before} → {after}"
        label = texts(first, ".//p[@class='careers-metric__label']")[0]
        assert layout["lines"] == [f"{label} {change}"]


def test_cards_are_reused_from_the_cache_and_redrawn_only_when_their_content_changes(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    first = run_build(project)
    assert first.returncode == 0, first.output
    total = sum(1 for folder in KIND_FOLDERS for _ in (REPO / folder).glob("*.md"))
    assert f"social cards: {total} drawn, 0 reused from the cache" in first.output
    cards = {p.relative_to(first.site): p.read_bytes() for p in (first.site / "assets/careers/cards").rglob("*.png")}
    assert len(cards) == total
    cache = project / ".cache" / "careers-social-cards"
    cached_times = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")}

    second = run_build(project)
    assert second.returncode == 0, second.output
    assert f"social cards: 0 drawn, {total} reused from the cache" in second.output
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.png")} == cached_times  # nothing rewritten
    assert {p.relative_to(second.site): p.read_bytes()
            for p in (second.site / "assets/careers/cards").rglob("*.png")} == cards

    role = project / "roles" / "ai-product-manager.md"
    role.write_text(role.read_text(encoding="utf-8").replace("title: AI Product Manager",
                                                             "title: Senior AI Product Manager"), encoding="utf-8")
    third = run_build(project)
    assert third.returncode == 0, third.output
    assert f"social cards: 1 drawn, {total - 1} reused from the cache" in third.output
    changed = (third.site / "assets/careers/cards/roles/ai-product-manager.png").read_bytes()
    assert read_layout(changed)["title"] == "Senior AI Product Manager"
    # The old card's cache entry is gone: the cache holds exactly the cards of the last build.
    assert len(list(cache.glob("*.png"))) == total


def test_same_layout_gives_the_same_bytes(tmp_path):
    renderer = CardRenderer(REPO / "content", SocialCardOptions(), REPO)
    layout = CardLayout(kind="person", eyebrow="Leadership · Example Co", title="Zoë Ångström-Núñez",
                        lines=["Head of Ünicode, 日本語チーム", "Since May 2024 (2 years)"], organization="Example Co",
                        site="careers.example.com", initials="ZÅ", logo="assets/logo.svg",
                        picture="assets/people/priya-raman.svg")
    first, second = renderer.draw(layout), renderer.draw(layout)
    assert first == second
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(renderer.draw(layout)).hexdigest()
    assert read_layout(first)["title"] == "Zoë Ångström-Núñez"


def test_long_titles_are_wrapped_and_cut_inside_the_card():
    renderer = CardRenderer(REPO / "content", SocialCardOptions(), REPO)
    title = " ".join(["Extraordinarily"] * 30)
    png = renderer.draw(CardLayout(kind="role", eyebrow="Open role · Research", title=title, lines=["x", "y", "z"],
                                   organization="Example Co", site="careers.example.com"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630)
        # The right margin stays clear of text: the title was wrapped (and cut with …), not drawn past the edge.
        margin = image.convert("RGB").crop((1200 - 60, 0, 1200, 630 - 96))
        assert margin.getextrema() == ((255, 255), (255, 255), (255, 255))


def test_a_missing_font_is_a_clear_error(tmp_path):
    from mkdocs_careers.outputs.social_cards import SocialCardError

    with pytest.raises(SocialCardError, match=r"font .*missing\.ttf not found \(hint: install Debian's fonts-dejavu-core"):
        CardRenderer(REPO / "content", SocialCardOptions(font="missing.ttf"), tmp_path)


def test_brand_colours_are_used_on_the_cards():
    renderer = CardRenderer(REPO / "content", SocialCardOptions(), REPO)
    brand = BrandOptions(primary="#00695c")
    from mkdocs_careers.outputs.social_cards import _brand_colours

    colours = _brand_colours(brand)
    png = renderer.draw(CardLayout(kind="case_study", eyebrow="Case study", title="T", lines=["l"], highlight="1 → 2",
                                   organization="O", site="s", **colours))
    with Image.open(io.BytesIO(png)) as image:
        assert image.convert("RGB").getpixel((5, 5)) == (0x00, 0x69, 0x5C)  # the brand stripe


def test_readme_shows_a_social_card():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r'src="(docs/screenshots/social-card-[^"]+\.png)"', readme)
    assert shown and all((REPO / path).is_file() for path in shown)
    with Image.open(Path(REPO, shown[0])) as image:
        assert image.size == (1200, 630)


@pytest.mark.parametrize("title", ["</script><!--", "مرحبا بالعالم", "\u202eevil\u202c", "👩🏽‍💻 Lead " * 12, "Ж" * 400])
def test_hostile_text_draws_a_card(title):
    renderer = CardRenderer(REPO / "content", SocialCardOptions(), REPO)
    png = renderer.draw(CardLayout(kind="role", eyebrow=title, title=title, lines=[title, title, title],
                                   organization=title, site="careers.example.com"))
    assert read_layout(png)["title"] == title
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (1200, 630)
