"""Job feeds of the open roles, newest first: JSON Feed 1.1 with a `_job` extension, and RSS 2.0.

The `_job` object carries the structured facts job aggregators need (location, workplace, salary,
employment type, closing date, apply URL), taken from the same model as the page and its JobPosting.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from ..jsonld.job_posting import valid_through_value
from ..jsonld.serialize import json_number
from ..pages import labels as formatting
from ..render.entry_markdown import entry_markdown
from .job_board_xml import element_chunks

if TYPE_CHECKING:
    from ..content.models import Role
    from ..content.site import CareersSite, Entry

JSON_FEED_PATH = "roles/feed.json"
RSS_FEED_PATH = "roles/feed.xml"


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def feed_title(site: CareersSite) -> str:
    return site.settings.outputs.feeds.title or f"Open roles at {site.settings.organization.name}"


def job_extension(entry: Entry[Role], site: CareersSite) -> dict[str, Any]:
    role = entry.model
    salary = role.salary
    return {
        "location": formatting.location_label(role),
        "countries": role.country_codes,
        "workplace": role.workplace.value,
        "employment_type": [t.google_value for t in role.employment_type],
        "salary": None if salary is None else {
            "currency": salary.currency, "min": json_number(salary.min),
            "max": json_number(salary.max), "unit": salary.unit.google_value,
            "label": formatting.salary_label(salary)},
        "date_posted": role.date_posted.isoformat(),
        "valid_through": valid_through_value(role),
        "department": role.department,
        "apply_url": role.apply.url,
        "direct_apply": role.apply.direct,
        "identifier": entry.slug,
    }


def json_feed(site: CareersSite) -> str:
    return "".join(json_feed_chunks(site))


class _ItemsAsTheyAreEncoded(list):  # type: ignore[type-arg]
    """A JSON array whose items are built one at a time while the encoder writes them.

    The feed carries every open role's text; json's pure-Python encoder (used with `indent`) only asks a
    list for its length and its items in order, so the output is byte-identical to encoding a full list."""

    def __init__(self, count: int, items: Iterator[dict[str, Any]]):
        super().__init__()
        self._count, self._items = count, items

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._items


def json_feed_chunks(site: CareersSite) -> Iterator[str]:
    """The JSON Feed piece by piece, so a big site writes it without holding it whole."""
    items = _ItemsAsTheyAreEncoded(len(site.open_roles), (_feed_item(entry, site) for entry in site.open_roles))
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed_title(site),
        "home_page_url": site.url("roles/"),
        "feed_url": site.url(JSON_FEED_PATH),
        "description": f"Every open role at {site.settings.organization.name}, newest first, with salary, "
                       "location and closing date.",
        "language": "en",
        "authors": [{"name": site.settings.organization.name, "url": site.settings.organization.url}],
        "items": items,
    }
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(feed)
    yield "\n"


def _feed_item(entry: Entry[Role], site: CareersSite) -> dict[str, Any]:
    role = entry.model
    url = site.url(entry.page_path)
    return {
        "id": url,
        "url": url,
        "external_url": role.apply.url,
        "title": role.title,
        "summary": role.summary,
        "content_text": entry_markdown(entry, site),
        "date_published": _midnight_utc(role.date_posted).isoformat(),
        "date_modified": _midnight_utc(role.last_modified).isoformat(),
        "tags": [role.department, formatting.workplace_label(role.workplace)],
        "_job": job_extension(entry, site),
    }


def rss_feed_chunks(site: CareersSite) -> Iterator[str]:
    """The RSS feed as text: feedgen's channel, then one item at a time (each drawn by feedgen), so the items
    of every open role are never held at once. The text is what feedgen's `rss_str(pretty=True)` of the
    whole feed gives, byte for byte."""
    channel = FeedGenerator()
    channel.title(feed_title(site))
    channel.link(href=site.url(RSS_FEED_PATH), rel="self")
    channel.link(href=site.url("roles/"), rel="alternate")  # feedgen uses the last link as the channel <link>
    channel.description(f"Every open role at {site.settings.organization.name}, newest first.")
    channel.language("en")
    # The build date, not the wall clock: two builds of the same content give the same feed.
    channel.lastBuildDate(_midnight_utc(site.build_date))
    channel.generator("mkdocs-careers")
    head, closing, tail = channel.rss_str(pretty=True).decode("utf-8").rpartition("  </channel>")
    if not closing:  # a feedgen that lays the channel out otherwise: let it write the whole feed
        for entry in site.open_roles:
            channel.add_entry(_rss_item(entry, site), order="append")
        yield channel.rss_str(pretty=True).decode("utf-8")
        return
    yield head
    yield from element_chunks((_rss_item(entry, site).rss_entry() for entry in site.open_roles), level=2)
    yield closing + tail


def _rss_item(entry: Entry[Role], site: CareersSite) -> FeedEntry:
    role = entry.model
    url = site.url(entry.page_path)
    item = FeedEntry()
    item.guid(url, permalink=True)
    item.link(href=url)
    item.title(role.title)
    item.description(f"{role.summary} {formatting.role_fact_line(role)}.")
    item.pubDate(_midnight_utc(role.date_posted))
    item.category(term=role.department)
    return item
