"""The data-driven home page as HTML: hero, role, leader and case-study cards, how-we-hire strip, editor's text.

Server-rendered with Jinja (autoescape on); nothing needs JavaScript. Takes the `HomePage` model from
pages/home.py and the editor's own Markdown already converted to HTML.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..pages.home import HomePage
from .html import relative_url

_FIRST_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.S)


def _environment() -> Environment:
    return Environment(loader=PackageLoader("mkdocs_careers.render", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


_ENV = _environment()


def without_leading_h1(body_html: str) -> str:
    """The editor's Markdown minus its opening `# Heading`, which the hero shows instead (one h1 per page)."""
    return _FIRST_H1.sub("", body_html, count=1)


def home_html(home: HomePage, *, body_html: str, organization: str, page_path: str = "",
              use_directory_urls: bool = True) -> str:
    def rel(target: str, asset: bool = False) -> str:
        if target.startswith(("http://", "https://")):
            return target
        if not asset and not use_directory_urls and target.endswith("/"):
            target = target.rstrip("/") + ".html"
        return relative_url(page_path, target)

    context: dict[str, Any] = {"home": home, "rel": rel, "organization": organization,
                               "body_html": Markup(without_leading_h1(body_html))}
    return _ENV.get_template("home.html").render(context)
