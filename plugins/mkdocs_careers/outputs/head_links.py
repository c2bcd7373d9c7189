"""The `<link rel="alternate">` tags of a page's <head>: its Markdown copy and, on the roles index, the job feeds.

Material's JavaScript takes every element matching `link[rel=alternate]` for a language version of the
site and fetches the `sitemap.xml` beside its href, so a feed at `roles/feed.json` or a copy at
`roles/x/index.md` costs a 404 and a console error on every page view. That CSS selector compares the
whole attribute value, while HTML defines `rel` as a set of space-separated tokens: `rel="alternate "` is
exactly the `alternate` link type to browsers, feed readers and crawlers (which split the tokens), and
Material's language switcher leaves it alone.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..pages.model import PageMeta
from ..render.markdown import markdown_copy_path
from .job_feeds import JSON_FEED_PATH, RSS_FEED_PATH, feed_title

if TYPE_CHECKING:
    from ..content.site import CareersSite

# The trailing space is deliberate: see the module docstring.
ALTERNATE = "alternate "
MARKDOWN_TYPE = "text/markdown"


def alternate_link(media_type: str, href: str, title: str | None = None) -> str:
    title_attribute = f' title="{escape(title)}"' if title else ""
    return f'<link rel="{ALTERNATE}" type="{media_type}"{title_attribute} href="{escape(href)}">'


def markdown_copy_url(meta: PageMeta, site: CareersSite) -> str | None:
    """Where the page's Markdown copy is published, or None when it has none."""
    if not (meta.markdown_copy and site.settings.outputs.llms_txt.markdown_copies):
        return None
    return site.url(markdown_copy_path(meta.page_path))


def alternate_links(meta: PageMeta, site: CareersSite) -> list[str]:
    links = []
    copy_url = markdown_copy_url(meta, site)
    if copy_url is not None:
        links.append(alternate_link(MARKDOWN_TYPE, copy_url))
    if meta.feed_links and site.settings.outputs.feeds.enabled:
        title = feed_title(site)
        links.append(alternate_link("application/feed+json", site.url(JSON_FEED_PATH), title))
        links.append(alternate_link("application/rss+xml", site.url(RSS_FEED_PATH), title))
    return links
