"""The data-driven home page as HTML: hero, role, leader and case-study cards, how-we-hire strip, editor's text.

Server-rendered with Jinja (autoescape on); nothing needs JavaScript. Takes the `HomePage` model from
pages/home.py and the editor's own Markdown already converted to HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..pages.home import HomePage
from .html import _environment, link_resolver
from .markdown import md_text

_FIRST_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.S)
_FIRST_MARKDOWN_H1 = re.compile(r"^\s*# [^\n]*\n+")
# The same section headings as home.html, so the page and its Markdown copy have the same outline.
SECTION_HEADINGS = {"roles": "Open roles", "leaders": "The leaders you would work with",
                    "case_studies": "What our teams changed, in numbers", "how_we_hire": "How we hire"}


_ENV = _environment()  # the renderer's: templates compile once per process


def without_leading_h1(body_html: str) -> str:
    """The editor's Markdown minus its opening `# Heading`, which the hero shows instead (one h1 per page)."""
    return _FIRST_H1.sub("", body_html, count=1)


def home_html(home: HomePage, *, body_html: str, organization: str, page_path: str = "",
              use_directory_urls: bool = True) -> str:
    context: dict[str, Any] = {"home": home, "rel": link_resolver(page_path, use_directory_urls), "organization": organization, "headings": SECTION_HEADINGS,
                               "body_html": Markup(without_leading_h1(body_html))}
    return _ENV.get_template("home.html").render(context)


def home_markdown(home: HomePage, *, body_markdown: str, url: Callable[[str], str]) -> str:
    """The home page's Markdown copy (for `index.md`, llms.txt readers): the same sections and facts as the
    HTML, in the same order, with absolute links (`url` turns a site-relative page path into one)."""
    hero = home.hero
    lines = [f"# {md_text(hero.headline)}", ""]
    if hero.promise:
        lines += [md_text(hero.promise), ""]
    lines += [f"[{md_text(hero.cta_label)}]({url(hero.cta_path)}): {hero.open_count} open "
              f"role{'' if hero.open_count == 1 else 's'}.", ""]
    body = _FIRST_MARKDOWN_H1.sub("", body_markdown, count=1).strip()
    for section in home.sections:
        if section == "content":
            if body:
                lines += [body, ""]
            continue
        items = _section_items(home, section, url)
        if items is None:
            continue
        lines += [f"## {SECTION_HEADINGS[section]}", "", *items, ""]
    return "\n".join(lines).rstrip() + "\n"


def _section_items(home: HomePage, section: str, url: Callable[[str], str]) -> list[str] | None:
    if section == "roles":
        if not home.role_cards:
            return ["There are no open roles right now."]
        items = [f"- [{md_text(c.title)}]({url(c.page_path)}): {md_text(c.team)} · {md_text(c.where)} · "
                 f"{md_text(c.pay)} · Apply by {md_text(c.closing)}" for c in home.role_cards]
        if home.more_roles:
            items += ["", f"[See all {home.open_count} open roles]({url(home.hero.cta_path)})"]
        return items
    if section == "leaders" and home.leaders:
        return [f"- [{md_text(p.name)}]({url(p.page_path)}): {md_text(p.job_title)} · {md_text(p.tenure)}"
                for p in home.leaders]
    if section == "case_studies" and home.case_studies:
        return [f"- [{md_text(s.title)}]({url(s.page_path)}): {md_text(s.metric_label)}: {md_text(s.before)} → "
                f"{md_text(s.after)} ({s.change}), led by {md_text(s.leader)}" for s in home.case_studies]
    if section == "how_we_hire" and home.hiring:
        hiring = home.hiring
        items = []
        if hiring.take_home_hours:
            items.append(f"- A paid take-home of about {hiring.take_home_hours:g} hours, on a real problem from the team")
        if hiring.panels:
            items.append(f"- {len(hiring.panels)} interview panels: " + ", ".join(md_text(p) for p, _ in hiring.panels))
        if hiring.scorecard:
            items.append(f"- {len(hiring.scorecard)} scorecard criteria, published on every role: "
                         + ", ".join(md_text(c) for c in hiring.scorecard))
        if hiring.page_path:
            items += ["", f"[Read how we hire, step by step]({url(hiring.page_path)})"]
        return items
    return None
