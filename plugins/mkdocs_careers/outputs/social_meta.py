"""Open Graph and Twitter card tags for link previews, escaped, never duplicating the theme's tags."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class SocialCard:
    og_type: str  # website | profile | article
    title: str
    description: str
    url: str
    site_name: str
    image: str | None = None
    image_alt: str | None = None
    twitter_site: str | None = None
    published: str | None = None
    # Size and type of `image`, for previews that lay out before loading it (set for the PNG social cards).
    image_width: int | None = None
    image_height: int | None = None
    image_type: str | None = None


def social_meta_tags(card: SocialCard, existing_head: str = "") -> str:
    """Tags already present in the head (e.g. from Material's social plugin) are not emitted twice."""
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", card.og_type),
        ("property", "og:site_name", card.site_name),
        ("property", "og:title", card.title),
        ("property", "og:description", card.description),
        ("property", "og:url", card.url),
    ]
    if card.image:
        tags += [("property", "og:image", card.image)]
        if card.image_type:
            tags += [("property", "og:image:type", card.image_type)]
        if card.image_width and card.image_height:
            tags += [("property", "og:image:width", str(card.image_width)),
                     ("property", "og:image:height", str(card.image_height))]
        if card.image_alt:
            tags += [("property", "og:image:alt", card.image_alt)]
    if card.published and card.og_type == "article":
        tags += [("property", "article:published_time", card.published)]
    tags += [
        ("name", "twitter:card", "summary_large_image" if card.image else "summary"),
        ("name", "twitter:title", card.title),
        ("name", "twitter:description", card.description),
    ]
    if card.image:
        tags += [("name", "twitter:image", card.image)]
        if card.image_alt:
            tags += [("name", "twitter:image:alt", card.image_alt)]
    if card.twitter_site:
        tags += [("name", "twitter:site", card.twitter_site)]
    lines = []
    for attribute, key, value in tags:
        if f'{attribute}="{key}"' in existing_head:
            continue
        lines.append(f'<meta {attribute}="{key}" content="{escape(value, quote=True)}">')
    return "\n".join(lines)
