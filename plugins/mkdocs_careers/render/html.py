"""HTML rendering of the page model, independent of any site generator.

The adapter passes in the editor's body already converted to HTML (the generator owns Markdown
extensions) and gets back the page HTML, the JobPosting description and the JSON-LD graph.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..content.site import CareersSite
from ..jsonld import page_graph
from ..pages.model import PageModel

# The generator's permalink anchors in the body: not part of a job description's text.
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)


@dataclass(frozen=True)
class RenderedPage:
    """Everything an adapter publishes for one page besides the head tags (which come from `page.meta`)."""

    html: str
    jsonld: dict[str, Any]
    # The JobPosting `description` (the posting sections without permalinks); None on pages without one.
    posting_description: str | None = None


def relative_url(from_path: str, to_path: str) -> str:
    """Link from one site-relative directory URL (`roles/x/`) to another path or asset."""
    base = from_path if from_path.endswith("/") or not from_path else posixpath.dirname(from_path) + "/"
    target = to_path.lstrip("/")
    rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if to_path.endswith("/") and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


@functools.cache
def _environment() -> Environment:
    """One Jinja environment per process: templates are compiled once, not once per build or per test."""
    return Environment(
        loader=PackageLoader("mkdocs_careers.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # package files: never changed while a build runs, so no stat per template use
    )


def link_resolver(page_path: str, use_directory_urls: bool) -> Callable[..., str]:
    """`rel(target, asset=False)` for templates: a link from `page_path` to a page path, asset or full URL."""

    def rel(target: str, asset: bool = False) -> str:
        if target.startswith(("http://", "https://")):
            return target
        if not asset and not use_directory_urls and target.endswith("/"):
            target = target.rstrip("/") + ".html"
        return relative_url(page_path, target)

    return rel


class HtmlRenderer:
    """Renders page models of one site into HTML fragments; holds the Jinja environment (autoescape on)."""

    def __init__(self, site: CareersSite, *, site_name: str, language: str | None):
        self.site = site
        self.site_name = site_name
        self.language = language
        self.env = _environment()

    def _rel(self, page_path: str) -> Callable[..., str]:
        return link_resolver(page_path, self.site.settings.use_directory_urls)

    def posting_html(self, page: PageModel, body_html: str, *, headerlinks: bool) -> str:
        """The job description (the sections marked `in_posting`); without permalinks for JobPosting."""
        template = self.env.get_template("posting.html")
        return template.render(sections=page.posting_sections, rel=self._rel(page.meta.page_path),
                               body_html=Markup(body_html), headerlinks=headerlinks).strip()

    def render(self, page: PageModel, body_html: str = "") -> RenderedPage:
        rel = self._rel(page.meta.page_path)
        body = Markup(body_html)
        posting = ""
        description = None
        if page.posting_sections:
            posting = self.posting_html(page, body_html, headerlinks=True)
            # The same HTML without its permalinks (ours and the body's): rendering the posting twice would
            # double the most expensive template of a large site.
            description = _HEADERLINK.sub("", posting)
        html = self.env.get_template("page.html").render(page=page, rel=rel, body_html=body,
                                                         posting_html=Markup(posting))
        graph = page_graph(page, self.site, description_html=description, site_name=self.site_name,
                           language=self.language)
        return RenderedPage(html=html, jsonld=graph, posting_description=description)
