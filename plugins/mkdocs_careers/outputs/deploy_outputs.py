"""The files a deploy hands to search engines and job boards: the build manifest, Indeed's and LinkedIn's XML
job feeds and the IndexNow key file. Each is switched on or off in mkdocs.yml (content/options.py).

The job-board feeds carry each open role's posting as HTML: an adapter that renders the pages asks for them
after the pages (`job_board_outputs`), so the feeds reuse the page's own HTML instead of rendering it again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from .indeed_feed import INDEED_FEED_PATH, indeed_feed
from .job_board_xml import role_descriptions
from .linkedin_feed import LINKEDIN_FEED_PATH, linkedin_feed
from .manifest import MANIFEST_PATH, manifest_json

if TYPE_CHECKING:
    from ..content.site import CareersSite
    from ..pages.builders import FreePage
    from .sitemap import PageSource


def indexnow_key_path(key: str) -> str:
    """Where the IndexNow protocol looks for the key by default: `<key>.txt` at the site root."""
    return f"{key}.txt"


def deploy_outputs(site: CareersSite, free_pages: list[FreePage], page_sources: Sequence[PageSource] = (),
                   *, job_boards: bool = True) -> dict[str, str | bytes | Iterator[str]]:
    """The deploy files; with `job_boards=False` without the job-board feeds (the adapter writes them after
    the pages, see `job_board_outputs`)."""
    options = site.settings.outputs
    files: dict[str, str | bytes | Iterator[str]] = {}
    if options.manifest.enabled:
        files[MANIFEST_PATH] = manifest_json(site, free_pages, page_sources)
    if job_boards:
        files.update(job_board_outputs(site))
    key = options.indexnow.resolved_key(os.environ)
    if key is not None:
        files[indexnow_key_path(key)] = key + "\n"
    return files


def job_board_paths(site: CareersSite) -> list[str]:
    options = site.settings.outputs
    return [path for path, enabled in ((INDEED_FEED_PATH, options.indeed_feed.enabled),
                                       (LINKEDIN_FEED_PATH, options.linkedin_feed.enabled)) if enabled]


def job_board_outputs(site: CareersSite, paths: Sequence[str] | None = None) -> dict[str, Iterator[str]]:
    """Indeed's and LinkedIn's XML feeds (the enabled ones, or those of `paths`) as chunks of text, sharing
    each role's description; each feed is built while it is written."""
    paths = job_board_paths(site) if paths is None else paths
    if not paths:
        return {}
    descriptions = role_descriptions(site)
    feeds = {INDEED_FEED_PATH: indeed_feed, LINKEDIN_FEED_PATH: linkedin_feed}
    return {path: feeds[path](site, descriptions) for path in paths}
