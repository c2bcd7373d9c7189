"""Editors' own pages in docs_dir (free pages): what their frontmatter may set, read exactly as MkDocs reads it.

MkDocs and Material print free pages' frontmatter into every page of the site without escaping it: `title` and
`description` into <head>, `status` into a class attribute of the navigation, `icon` into an `{% include %}`,
`template` chooses the page's template (Material's `redirect.html` writes `location` into a script). A pull request
that adds `status: 'new"><img src=x onerror=alert(1)>'` to one page would run script on every page. So each key a
theme template reads is either text (escaped before the theme sees it: `theme_safe_meta`) or validated against
what the theme accepts (`meta_problems`); `template` is refused unless the site allows it by name
(`allow_page_templates`), and `location` only goes with an allowed `redirect.html` and to the site's own pages.

`careers check` and the build read each page's frontmatter here (`read_page_source`, with MkDocs' two syntaxes:
a `---` YAML block or MultiMarkdown `key: value` lines) and report every problem with its file and line; the
build checks MkDocs' own reading again before rendering, so nothing unchecked reaches a template.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .body_html import removal_message, removed_html, unclosed_comment_problem
from .diagnostics import Diagnostic, Severity
from .loading import SourceDocument, _parse_frontmatter
from .safety import SafetySettings
from .source_dates import DeclaredDateError, declared_date
from .text_hygiene import CONTROL_CHARACTER, has_visible_character, invisible_character_problem

RULE = "free-page"
# MkDocs' own frontmatter syntaxes (mkdocs/utils/meta.py): the same patterns, so both read the same keys.
_YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")

# Text the theme prints (in <head>, the header, the navigation): published escaped; at most this many characters.
TEXT_KEYS = {"title": 300, "subtitle": 300, "author": 300, "description": 1000}
# Material's `hide:` values (partials/*.html test `"toc" in page.meta.hide`).
HIDE_VALUES = frozenset({"navigation", "toc", "footer", "feedback", "path", "tags"})
# Material draws these statuses without configuration; `extra.status` in mkdocs.yml adds the site's own.
BUILT_IN_STATUSES = frozenset({"new", "deprecated"})
# Set by git plugins, never by hand: Material prints them as they are.
PLUGIN_DATE_KEYS = ("revision_date", "git_revision_date_localized", "git_creation_date_localized")
REDIRECT_TEMPLATE = "redirect.html"
_ICON_NAME = re.compile(r"^[a-z0-9]+(?:[-_/][a-z0-9]+)*$")
_TEMPLATE_NAME = re.compile(r"^[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\.html$")
_TAG_MARKUP = re.compile(r"[<>&\"'`]")
_URL_UNSAFE = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ThemeFacts:
    """What the site's theme accepts, as the adapter found it: status names, templates and icons that exist."""

    statuses: frozenset[str] = BUILT_IN_STATUSES
    has_template: Callable[[str], bool] = lambda name: False
    has_icon: Callable[[str], bool] = lambda name: False


@dataclass
class PageSource:
    """One free page as MkDocs reads it: its frontmatter (with the line of each key) and its body."""

    display_path: str
    data: dict[Any, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_page_source(text: str, display_path: str, safety: SafetySettings) -> PageSource:
    """The page's frontmatter and body, split the way MkDocs splits them (`mkdocs.utils.meta.get_data`).

    The YAML is parsed with the careers loader (line numbers, alias and size limits), so a hostile free page is
    refused before MkDocs' own parser would expand it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page = PageSource(display_path)
    if block := _YAML_BLOCK.match(text):
        yaml_text = block.group(1)
        rest = text[block.end():]
        page.body = rest.lstrip("\n")
        page.body_line = text.count("\n", 0, block.end()) + 1 + len(rest) - len(page.body)
        if any(line.strip() and not line.lstrip().startswith("#") for line in yaml_text.split("\n")):
            doc = SourceDocument(path=Path(display_path), display_path=display_path, slug="", data={}, lines={},
                                 body="", body_line=1)
            _parse_frontmatter(doc, yaml_text, line_offset=1, max_values=safety.limits.max_yaml_values)
            page.diagnostics += [_as_free_page(problem) for problem in doc.diagnostics]
            page.data = doc.data if isinstance(doc.data, dict) else {}
            page.lines = {str(path[0]): line for path, line in doc.lines.items() if len(path) == 1}
        return page
    lines = text.split("\n")
    key: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            break
        if found := _META_LINE.match(line):
            key = found.group("key").lower().strip()
            value = found.group("value").strip()
            page.data[key] = f"{page.data[key]} {value}" if key in page.data else value
            page.lines.setdefault(key, index + 1)
        elif (more := _META_MORE.match(line)) and key:
            page.data[key] += " " + more.group("value").strip()
        else:
            break
        index += 1
    rest = "\n".join(lines[index:])
    page.body = rest.lstrip("\n")
    page.body_line = index + 1 + rest.count("\n", 0, len(rest) - len(page.body))
    return page


def _as_free_page(problem: Diagnostic) -> Diagnostic:
    return Diagnostic(problem.path, problem.line, problem.field, problem.message,
                      problem.hint.replace("'---' lines", "'---' lines of the page"), problem.severity, problem.rule)


def meta_problems(meta: Mapping[Any, Any], theme: ThemeFacts, safety: SafetySettings, site_host: str
                  ) -> list[tuple[str, str, str]]:
    """(key, message, hint) for each frontmatter value the theme would print or act on unsafely."""
    problems: list[tuple[str, str, str]] = []
    for key, limit in TEXT_KEYS.items():
        if key in meta:
            problem = _text_problem(meta[key], limit, required=key == "title")
            if problem:
                problems.append((key, *problem))
    template = meta.get("template")
    if "template" in meta:
        problem = _template_problem(template, theme, safety)
        if problem:
            problems.append(("template", *problem))
    if "location" in meta:
        problem = _location_problem(meta["location"], template, safety, site_host)
        if problem:
            problems.append(("location", *problem))
    if "status" in meta and not (isinstance(meta["status"], str) and meta["status"] in theme.statuses):
        known = ", ".join(sorted(theme.statuses))
        problems.append(("status", f"'{_shown(meta['status'])}' is not a status of the theme",
                         f"use one of: {known} (a site adds its own under extra.status in mkdocs.yml)"))
    if "hide" in meta:
        hide = meta["hide"]
        if not isinstance(hide, list) or not all(isinstance(item, str) and item in HIDE_VALUES for item in hide):
            problems.append(("hide", f"'{_shown(hide)}' is not a list of parts the theme can hide",
                             f"write a list of: {', '.join(sorted(HIDE_VALUES))}"))
    if "icon" in meta:
        icon = meta["icon"]
        if not isinstance(icon, str) or not _ICON_NAME.match(icon) or not theme.has_icon(icon):
            problems.append(("icon", f"'{_shown(icon)}' is not an icon of the theme",
                             "name one of the theme's icons, e.g. material/briefcase (letters, digits, '-' and '/')"))
    for key in PLUGIN_DATE_KEYS:
        if key in meta:
            problems.append((key, "is set by a git plugin, not in the frontmatter", f"remove {key}:"))
    if "search" in meta and not _search_options_valid(meta["search"]):
        problems.append(("search", f"'{_shown(meta['search'])}' is not a search option",
                         "write search: {exclude: true} or search: {boost: 2}"))
    if "tags" in meta:
        tags = meta["tags"]
        if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() and not _TAG_MARKUP.search(t)
                                                 and not CONTROL_CHARACTER.search(t) for t in tags):
            problems.append(("tags", "tags must be a list of plain words", "write tags: [Hiring, Engineering] "
                             "without < > & or quotes"))
    if "comments" in meta and not isinstance(meta["comments"], bool):
        problems.append(("comments", f"'{_shown(meta['comments'])}' is not true or false", "write comments: true"))
    try:
        declared_date(meta)
    except DeclaredDateError as exc:
        problems.append((exc.field, f"'{_shown(exc.value)}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-25"))
    return problems


def _shown(value: object, limit: int = 60) -> str:
    text = re.sub(r"[\x00-\x1f\x7f]", "?", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_problem(value: object, limit: int, *, required: bool) -> tuple[str, str] | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)):
        return "must be text", "write one line of text (quote it if it holds ':' or '#')"
    text = str(value)
    if CONTROL_CHARACTER.search(text):
        return "contains a control character", "delete it; it often comes from text pasted from a PDF"
    if (invisible := invisible_character_problem(text)) is not None:
        return invisible, ""
    if len(text) > limit:
        return f"is {len(text):,} characters long; at most {limit:,} are shown", "shorten it"
    if required and not has_visible_character(text):
        return "has no visible character", "write the page's title, or remove title: to use its first heading"
    return None


def _template_problem(template: object, theme: ThemeFacts, safety: SafetySettings) -> tuple[str, str] | None:
    if not isinstance(template, str) or template not in safety.allow_page_templates:
        return (f"'{_shown(template)}': free pages may not choose their template",
                "remove template:; a site that needs one lists it under allow_page_templates in mkdocs.yml")
    if not _TEMPLATE_NAME.match(template) or ".." in template.split("/") or not theme.has_template(template):
        return f"there is no template '{_shown(template)}' in the theme", "name a template the theme has"
    return None


def _location_problem(location: object, template: object, safety: SafetySettings, site_host: str
                      ) -> tuple[str, str] | None:
    if template != REDIRECT_TEMPLATE or REDIRECT_TEMPLATE not in safety.allow_page_templates:
        return ("is only used by the redirect template, which this page does not use",
                "remove location:; a site that needs redirects allows redirect.html in allow_page_templates")
    if not isinstance(location, str) or not location or _URL_UNSAFE.search(location):
        return (f"'{_shown(location)}' is not a plain URL", "write the address of a page of this site, e.g. ../jobs/")
    parts = urlsplit(location)
    if parts.scheme and parts.scheme not in ("http", "https") or not parts.scheme and location.startswith("//"):
        return (f"'{_shown(location)}' is not a web address", "write the address of a page of this site")
    if parts.netloc and parts.hostname != site_host:
        return (f"'{_shown(location)}' leads to another site", "redirect only to pages of this site (site_url)")
    return None


def _search_options_valid(value: object) -> bool:
    if not isinstance(value, dict) or not set(value) <= {"exclude", "boost"}:
        return False
    boost = value.get("boost", 1)
    return isinstance(value.get("exclude", False), bool) and isinstance(boost, (int, float)) and not isinstance(
        boost, bool)


def theme_safe_meta(meta: Mapping[Any, Any]) -> dict[Any, Any]:
    """The frontmatter the theme may print: every text key escaped (as Markup, so Jinja does not escape it twice)."""
    safe = dict(meta)
    for key in TEXT_KEYS:
        value = safe.get(key)
        if value is not None and not isinstance(value, Markup):
            safe[key] = escape(str(value))
    return safe


def free_page_problems(text: str, display_path: str, safety: SafetySettings, theme: ThemeFacts, site_host: str,
                       disabled_rules: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """Every problem of one free page: its frontmatter keys, an unclosed comment and the HTML its body loses."""
    page = read_page_source(text, display_path, safety)
    found = list(page.diagnostics)
    for key, message, hint in meta_problems(page.data, theme, safety, site_host):
        found.append(Diagnostic(display_path, page.lines.get(key, 1), key, message, hint, rule=RULE))
    comment = unclosed_comment_problem(page.body, display_path, page.body_line)
    if comment is not None:
        found.append(comment)
    if not safety.allow_raw_html and "raw-html" not in disabled_rules:
        for removal in removed_html(page.body, safety.allow_classes):
            message, hint = removal_message(removal)
            found.append(Diagnostic(display_path, page.body_line + removal.line, "body", message, hint,
                                    Severity.WARNING, rule="raw-html"))
    return found
