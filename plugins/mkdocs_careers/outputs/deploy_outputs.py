"""The files a deploy hands to search engines and job boards: the build manifest, Indeed's and LinkedIn's XML
job feeds and the IndexNow key file. Each is switched on or off in mkdocs.yml (content/options.py)."""

from __future__ import annotations

import os
from collections.abc import Sequence
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


def deploy_outputs(site: CareersSite, free_pages: list[FreePage],
                   page_sources: Sequence[PageSource] = ()) -> dict[str, str | bytes]:
    options = site.settings.outputs
    files: dict[str, str | bytes] = {}
    if options.manifest.enabled:
        files[MANIFEST_PATH] = manifest_json(site, free_pages, page_sources)
    if options.indeed_feed.enabled or options.linkedin_feed.enabled:
        descriptions = role_descriptions(site)
        if options.indeed_feed.enabled:
            files[INDEED_FEED_PATH] = indeed_feed(site, descriptions)
        if options.linkedin_feed.enabled:
            files[LINKEDIN_FEED_PATH] = linkedin_feed(site, descriptions)
    key = options.indexnow.resolved_key(os.environ)
    if key is not None:
        files[indexnow_key_path(key)] = key + "\n"
    return files
