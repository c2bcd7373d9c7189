"""PNG social cards (1200×630) for every role, person and case study, drawn with Pillow and cached.

Link previews (LinkedIn, Slack, X) need a raster image; Material's social plugin fetches its fonts from
Google Fonts and cannot show a role's facts, so the cards are drawn here from a `CardLayout`: the exact
text and images of a card, nothing else. The layout is hashed (with the fonts and images it uses) into the
cache key, so a build redraws only cards whose content changed, and it is embedded in the PNG (an iTXt
chunk) so tests and tools can read what a card says without OCR. Same layout, same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from ..content.appearance_options import BrandOptions, SocialCardOptions
from ..content.kinds import CASE_STUDY, PERSON, ROLE
from ..content.models import CaseStudy, Person, Role
from ..content.site import CareersSite, Entry
from ..pages import labels

WIDTH, HEIGHT = 1200, 630
LAYOUT_CHUNK = "careers:layout"  # iTXt keyword holding the card's layout as JSON
# Bumped when the drawing code changes, so cached cards drawn by an older version are not reused.
RENDERER_VERSION = "3"
# Debian's fonts-dejavu-core (named in the Makefile): free, with wide Unicode coverage for names and places.
DEFAULT_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEFAULT_BOLD_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
MATERIAL_INDIGO = "#4051b5"  # Material's default primary, for sites without brand colours
_MARGIN = 72


class SocialCardError(RuntimeError):
    """A card cannot be drawn (a missing font file); the message says what to install or configure."""


@dataclass(frozen=True)
class CardLayout:
    """Everything a card shows. Tests compare it with the page; its hash is the cache key."""

    kind: str  # role | person | case_study
    eyebrow: str  # small line above the title, e.g. "Open role · Product"
    title: str
    lines: list[str]  # facts under the title
    highlight: str = ""  # big figure (case studies: "6 → 22 per month")
    organization: str = ""
    site: str = ""  # the site's host, bottom left
    picture: str | None = None  # image file (person photo) inside docs_dir, drawn in a circle
    initials: str = ""  # drawn instead of the picture when there is none
    logo: str | None = None  # company logo file inside docs_dir
    background: str = "#ffffff"
    primary: str = MATERIAL_INDIGO
    text_on_primary: str = "#ffffff"
    text: str = "#1f1f1f"
    alt: str = field(default="", compare=False)  # og:image:alt; not drawn

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class SocialCardFile:
    page_path: str  # the page it belongs to, e.g. roles/x/
    dest_path: str  # where the PNG is published, e.g. assets/careers/cards/roles/x.png
    source: Path  # the PNG in the cache folder; copied from there, so a big site's cards are never all in memory
    layout: CardLayout
    reused: bool  # taken from the cache rather than drawn


@dataclass
class CardStats:
    drawn: int = 0
    reused: int = 0


def card_path(entry: Entry) -> str:  # type: ignore[type-arg]
    return f"assets/careers/cards/{entry.kind.url_prefix}/{entry.slug}.png"


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p[:1].isalpha()]
    if not parts:
        return name[:1].upper()
    return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")).upper()


def _brand_colours(brand: BrandOptions) -> dict[str, str]:
    return {"primary": brand.primary or MATERIAL_INDIGO, "text_on_primary": brand.text_on_primary,
            "background": brand.background}


def _local(path: str | None) -> str | None:
    """Only files the site ships are drawn: a URL would need a network fetch during the build."""
    if not path or path.startswith(("http://", "https://", "//")):
        return None
    return path.lstrip("/")


def role_layout(site: CareersSite, entry: Entry[Role], brand: BrandOptions) -> CardLayout:
    role = entry.model
    org = site.settings.organization
    closing = labels.closing_label(role)
    facts = [f"{labels.location_label(role) or labels.workplace_label(role.workplace)} · {labels.workplace_label(role.workplace)}",
             labels.salary_label(role.salary),
             f"Apply by {closing}" if role.valid_through else closing]
    return CardLayout(kind=ROLE.name, eyebrow=f"Open role · {role.department}", title=role.title, lines=facts,
                      organization=org.name, site=_host(site), logo=_local(brand.logo or org.logo),
                      alt=f"{role.title} at {org.name}: {'; '.join(facts)}", **_brand_colours(brand))


def person_layout(site: CareersSite, entry: Entry[Person], brand: BrandOptions) -> CardLayout:
    person = entry.model
    org = site.settings.organization
    tenure = labels.tenure_label(person, site.build_date)
    return CardLayout(kind=PERSON.name, eyebrow=f"Leadership · {org.name}", title=person.name,
                      lines=[person.job_title, tenure], organization=org.name, site=_host(site),
                      picture=_local(person.image), initials=initials(person.name),
                      logo=_local(brand.logo or org.logo),
                      alt=f"{person.name}, {person.job_title} at {org.name}", **_brand_colours(brand))


def case_study_layout(site: CareersSite, entry: Entry[CaseStudy], brand: BrandOptions) -> CardLayout:
    study = entry.model
    org = site.settings.organization
    metric = study.metrics[0]  # the headline metric, as on the home page's case-study cards
    highlight = f"{labels.metric_value(metric.before, metric)} → {labels.metric_value(metric.after, metric)}"
    return CardLayout(kind=CASE_STUDY.name, eyebrow=f"Case study · {org.name}", title=study.title,
                      lines=[f"{metric.label} ({labels.metric_change(metric)})"], highlight=highlight,
                      organization=org.name, site=_host(site), logo=_local(brand.logo or org.logo),
                      alt=f"Case study: {study.title}. {metric.label}: {highlight}", **_brand_colours(brand))


def card_layouts(site: CareersSite, brand: BrandOptions) -> Iterator[tuple[Entry, CardLayout]]:  # type: ignore[type-arg]
    for role in site.roles.values():
        yield role, role_layout(site, role, brand)
    for person in site.people.values():
        yield person, person_layout(site, person, brand)
    for study in site.case_studies.values():
        yield study, case_study_layout(site, study, brand)


def _host(site: CareersSite) -> str:
    url = site.settings.site_url
    return url.split("://", 1)[-1].rstrip("/")


class CardRenderer:
    """Draws cards; resolves image paths inside `docs_dir` and loads the fonts once."""

    def __init__(self, docs_dir: Path, options: SocialCardOptions, project_root: Path):
        self.docs_dir = docs_dir
        regular = Path(project_root, options.font) if options.font else DEFAULT_FONT
        bold = Path(project_root, options.font_bold) if options.font_bold else DEFAULT_BOLD_FONT
        for font in (regular, bold):
            if not font.is_file():
                raise SocialCardError(
                    f"social card font {font} not found (hint: install Debian's fonts-dejavu-core with "
                    f"`apt-get install fonts-dejavu-core`, or set social_cards.font and font_bold in mkdocs.yml)")
        self.regular_path, self.bold_path = regular, bold
        self._fonts: dict[tuple[int, bool], ImageFont.FreeTypeFont] = {}
        self._images: dict[tuple[str, int], Image.Image | None] = {}
        self._fingerprint = hashlib.sha256(
            RENDERER_VERSION.encode() + regular.read_bytes() + bold.read_bytes()).hexdigest()

    def cache_key(self, layout: CardLayout) -> str:
        digest = hashlib.sha256(self._fingerprint.encode() + layout.to_json().encode())
        for image in (layout.picture, layout.logo):
            path = self._image_file(image)
            if path is not None:
                digest.update(path.read_bytes())
        return digest.hexdigest()

    def _image_file(self, image: str | None) -> Path | None:
        if image is None:
            return None
        path = (self.docs_dir / image).resolve()
        if not path.is_file() or not path.is_relative_to(self.docs_dir.resolve()):
            return None
        return path

    def _font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        key = (size, bold)
        if key not in self._fonts:  # loading a font file is a large part of drawing one card
            # Pillow's basic layout, not libraqm: the same pixels on every machine (raqm is optional and its
            # versions differ), and no raqm failure on hostile text. Complex-script shaping is the price.
            self._fonts[key] = ImageFont.truetype(str(self.bold_path if bold else self.regular_path), size,
                                                  layout_engine=ImageFont.Layout.BASIC)
        return self._fonts[key]

    def _raster(self, image: str | None, size: int) -> Image.Image | None:
        """The image as a size×size RGBA square; each file is decoded once per build (logos repeat on every card)."""
        if image is None:
            return None
        key = (image, size)
        if key not in self._images:
            self._images[key] = self._decode(image, size)
        return self._images[key]

    def _decode(self, image: str, size: int) -> Image.Image | None:
        path = self._image_file(image)
        if path is None:
            return None
        try:
            if path.suffix.lower() in (".svg", ".svgz"):
                import resvg_py  # SVG logos and avatars: a self-contained renderer, no system library

                png = resvg_py.svg_to_bytes(svg_path=str(path), width=size, height=size, skip_system_fonts=True,
                                            font_files=[str(self.regular_path), str(self.bold_path)],
                                            font_family="DejaVu Sans", sans_serif_family="DejaVu Sans")
                picture = Image.open(io.BytesIO(bytes(png)))
            else:
                picture = Image.open(path)
            picture.load()
        except (OSError, ValueError, SyntaxError):
            return None  # an unreadable image leaves the initials / the organisation name instead
        return _square(picture.convert("RGBA"), size)

    def draw(self, layout: CardLayout) -> bytes:
        canvas = Image.new("RGB", (WIDTH, HEIGHT), layout.background)
        draw = ImageDraw.Draw(canvas)
        draw.rectangle((0, 0, 24, HEIGHT), fill=layout.primary)  # brand stripe
        draw.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill=layout.primary)  # footer band
        text_right = WIDTH - _MARGIN
        if layout.kind == PERSON.name:
            text_right = WIDTH - _MARGIN - 320 - 48
            self._draw_portrait(canvas, layout, box=(WIDTH - _MARGIN - 320, 110, 320))
        left = _MARGIN
        y = 72
        draw.text((left, y), layout.eyebrow, font=self._font(30, bold=True), fill=layout.primary)
        y += 58
        title_font, title_lines = self._fit(layout.title, text_right - left, sizes=(68, 60, 52, 46, 40), max_lines=3)
        for line in title_lines:
            draw.text((left, y), line, font=title_font, fill=layout.text)
            y += int(title_font.size * 1.18)
        y += 18
        if layout.highlight:
            figure_font, figure_lines = self._fit(layout.highlight, text_right - left, sizes=(84, 72, 60, 48),
                                                  max_lines=1, bold=True)
            draw.text((left, y), figure_lines[0], font=figure_font, fill=layout.primary)
            y += int(figure_font.size * 1.25)
        fact_font = self._font(34)
        for fact in layout.lines:
            if y > HEIGHT - 96 - 50:
                break
            _, fact_lines = self._fit(fact, text_right - left, sizes=(34,), max_lines=1)
            draw.text((left, y), fact_lines[0], font=fact_font, fill=layout.text)
            y += 50
        self._draw_footer(canvas, layout)
        return _png(canvas, layout)

    def _draw_portrait(self, canvas: Image.Image, layout: CardLayout, box: tuple[int, int, int]) -> None:
        x, y, size = box
        mask = Image.new("L", (size, size), 0)
        ImageDraw.Draw(mask).ellipse((0, 0, size - 1, size - 1), fill=255)
        picture = self._raster(layout.picture, size)
        if picture is None:
            disc = Image.new("RGBA", (size, size), layout.primary)
            font = self._font(int(size * 0.36), bold=True)
            ImageDraw.Draw(disc).text((size / 2, size / 2), layout.initials, font=font,
                                      fill=layout.text_on_primary, anchor="mm")
            picture = disc
        canvas.paste(picture, (x, y), mask)

    def _draw_footer(self, canvas: Image.Image, layout: CardLayout) -> None:
        draw = ImageDraw.Draw(canvas)
        band_top = HEIGHT - 96
        x = _MARGIN
        logo = self._raster(layout.logo, 56)
        if logo is not None:
            # On a light chip: a logo in the brand colour would vanish into the band of the same colour.
            draw.rounded_rectangle((x, band_top + 14, x + 68, band_top + 82), radius=14, fill=layout.background)
            canvas.paste(logo, (x + 6, band_top + 20), logo)
            x += 68 + 20
        font = self._font(32, bold=True)
        draw.text((x, band_top + 48), layout.organization, font=font, fill=layout.text_on_primary, anchor="lm")
        site_font = self._font(26)
        draw.text((WIDTH - _MARGIN, band_top + 48), layout.site, font=site_font, fill=layout.text_on_primary,
                  anchor="rm")

    def _fit(self, text: str, width: int, *, sizes: tuple[int, ...], max_lines: int,
             bold: bool = True) -> tuple[ImageFont.FreeTypeFont, list[str]]:
        """The largest size at which `text` wraps into `max_lines`; at the smallest, the last line is cut with …"""
        font = self._font(sizes[0], bold)
        lines: list[str] = []
        for size in sizes:
            font = self._font(size, bold)
            lines = _wrap(text, font, width)
            if len(lines) <= max_lines:
                return font, lines
        kept = lines[:max_lines]
        last = kept[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1].rstrip()
        kept[-1] = last + "…"
        return font, kept


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def _square(picture: Image.Image, size: int) -> Image.Image:
    side = min(picture.size)
    left, top = (picture.width - side) // 2, (picture.height - side) // 2
    return picture.crop((left, top, left + side, top + side)).resize((size, size), Image.Resampling.LANCZOS)


def _png(canvas: Image.Image, layout: CardLayout) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt(LAYOUT_CHUNK, layout.to_json())
    out = io.BytesIO()
    canvas.save(out, format="PNG", pnginfo=info, compress_level=6)
    return out.getvalue()


def read_layout(png: bytes) -> dict[str, object]:
    """The layout a card was drawn from (for tests and tools): the JSON in its iTXt chunk."""
    with Image.open(io.BytesIO(png)) as image:
        text = image.text[LAYOUT_CHUNK]  # type: ignore[attr-defined]
    loaded: dict[str, object] = json.loads(text)
    return loaded


def build_social_cards(site: CareersSite, brand: BrandOptions, options: SocialCardOptions, *,
                       docs_dir: Path, stats: CardStats | None = None) -> list[SocialCardFile]:
    """Every card of the site, drawn or taken from the cache folder (`options.cache_dir`, under the project)."""
    renderer = CardRenderer(docs_dir, options, site.settings.project_root)
    cache = (site.settings.project_root / options.cache_dir).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    counts = stats if stats is not None else CardStats()
    cards = []
    for entry, layout in card_layouts(site, brand):
        key = renderer.cache_key(layout)
        cached = cache / f"{key}.png"
        reused = cached.is_file()
        if reused:
            counts.reused += 1
        else:
            temporary = cached.with_suffix(".tmp")
            temporary.write_bytes(renderer.draw(layout))
            temporary.replace(cached)  # never a half-written card in the cache, even if the build is killed
            counts.drawn += 1
        cards.append(SocialCardFile(page_path=entry.page_path, dest_path=card_path(entry), source=cached,
                                    layout=layout, reused=reused))
    # Cards of deleted pages or old content would pile up for ever: the cache keeps what this build used.
    used = {card.source.name for card in cards}
    for stale in cache.glob("*.png"):
        if stale.name not in used:
            stale.unlink(missing_ok=True)
    return cards

