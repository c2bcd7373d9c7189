"""Open Graph and Twitter card tags for link previews, from the page meta, escaped, never duplicating the
theme's own tags."""

from __future__ import annotations

from html import escape

from ..pages.model import PageMeta


def social_meta_tags(meta: PageMeta, *, site_name: str, twitter_site: str | None, existing_head: str = "") -> str:
    """Tags already present in the head (e.g. from Material's social plugin) are not emitted twice."""
    card = meta.card
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", card.og_type),
        ("property", "og:site_name", site_name),
        ("property", "og:title", meta.title),
        ("property", "og:description", meta.description),
        ("property", "og:url", meta.url),
    ]
    if card.image:
        tags += [("property", "og:image", card.image)]
        if card.image_alt:
            tags += [("property", "og:image:alt", card.image_alt)]
    if card.published and card.og_type == "article":
        tags += [("property", "article:published_time", card.published)]
    tags += [
        ("name", "twitter:card", "summary_large_image" if card.image else "summary"),
        ("name", "twitter:title", meta.title),
        ("name", "twitter:description", meta.description),
    ]
    if card.image:
        tags += [("name", "twitter:image", card.image)]
    if twitter_site:
        tags += [("name", "twitter:site", twitter_site)]
    lines = []
    for attribute, key, value in tags:
        if f'{attribute}="{key}"' in existing_head:
            continue
        lines.append(f'<meta {attribute}="{key}" content="{escape(value, quote=True)}">')
    return "\n".join(lines)
