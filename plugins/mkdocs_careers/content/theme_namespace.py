"""Ids and classes from content kept out of the theme's namespace: what a body may name and how.

Material finds its own parts by id (`#__config` holds its configuration, `#__search`, `#__drawer`, ...) and styles
them by class (`.md-dialog`, `.md-status`); careers.js finds the roles-index filters by `careers-` classes. A body
that sets `{: #__config }` on a paragraph of JSON is found by `querySelector("#__config")` before the real
configuration, and `{: .md-dialog }` hides text on the page that still reaches the feeds and AI copies. So:

- an id (or a link's `name`) in the theme's namespace (`__`, `md-`, `careers-`, `filter-`) is renamed with the
  `user-content-` prefix, and same-page links to it follow (GitHub does the same to rendered READMEs);
- a class is kept only if Markdown, its usual extensions or Material's documented content styles produce it
  (admonitions, footnotes, code highlighting, buttons, ...) or the site allows it (`allow_classes`);
- a `title` that holds `<` is dropped: Material's `content.tooltips` feature writes titles into the page as HTML.

The sanitiser (body_html.py) applies `safe_attribute` to every attribute it keeps; `namespace_removals` lists
what it changes in an editor's raw HTML or attribute list, for the located warnings of the `raw-html` rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from pygments.token import STANDARD_TYPES

USER_CONTENT_PREFIX = "user-content-"
_THEME_ID = re.compile(r"^(?:__|md-|careers-|filter-)", re.I)

# Python-Markdown's admonition types as Material styles them, plus its `inline end` placement.
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite", "inline", "end",
})
# What Markdown and the extensions this project documents emit into a body: admonitions and details, the toc
# marker and permalinks, footnotes, code highlighting (codehilite, pymdownx.highlight), task lists, tabs, emoji,
# and the content styles Material documents for authors (buttons, grid cards, annotations, icon sizes).
CONTENT_CLASSES = frozenset({
    "admonition", "admonition-title", "toc", "toctitle", "headerlink",
    "footnote", "footnote-ref", "footnote-backref",
    "codehilite", "highlight", "highlighttable", "linenos", "linenodiv", "linenotable", "linenums", "hll",
    "filename", "normal", "special", "lineno", "code",
    "task-list", "task-list-item", "task-list-control", "task-list-indicator",
    "tabbed-set", "tabbed-alternate", "tabbed-labels", "tabbed-content", "tabbed-block",
    "arithmatex", "critic", "emoji", "twemoji", "keys",
    "md-button", "md-button--primary", "annotate", "grid", "cards", "lg", "middle",
}) | ADMONITION_TYPES | frozenset(name for name in STANDARD_TYPES.values() if name)
# Class prefixes of generated names: fenced code's `language-python`, pymdownx.keys' `key-ctrl`.
CONTENT_CLASS_PREFIXES = ("language-", "key-")


def is_theme_id(value: str) -> bool:
    """True for an id the theme or the careers templates may use (`__config`, `md-...`, `careers-...`)."""
    return bool(_THEME_ID.match(value))


def content_id(value: str) -> str:
    """The id as published: one in the theme's namespace gets the `user-content-` prefix."""
    return USER_CONTENT_PREFIX + value if is_theme_id(value) else value


def class_allowed(name: str, extra: frozenset[str] = frozenset()) -> bool:
    """A class a body may carry: a content class, or one the site allows (`name`, or `prefix-*` patterns)."""
    if name in CONTENT_CLASSES or name in extra or name.startswith(CONTENT_CLASS_PREFIXES):
        return True
    return any(pattern.endswith("*") and name.startswith(pattern[:-1]) for pattern in extra)


def refused_classes(value: str, extra: frozenset[str] = frozenset()) -> list[str]:
    return [name for name in value.split() if not class_allowed(name, extra)]


def title_allowed(value: str) -> bool:
    """Material's tooltips put a title into the page with innerHTML: one that holds `<` could add elements."""
    return "<" not in value


def _href_with_content_fragment(url: str) -> str:
    """A link to an anchor on this site follows the anchor's rename (`#__config` → `#user-content-__config`)."""
    base, hash_sign, fragment = url.partition("#")
    if not hash_sign or not is_theme_id(fragment):
        return url
    parts = urlsplit(base)
    if parts.scheme or parts.netloc:
        return url  # another site's anchors keep their names
    return f"{base}#{content_id(fragment)}"


def safe_attribute(tag: str, name: str, value: str, extra_classes: frozenset[str] = frozenset()) -> str | None:
    """The attribute's published value under the namespace policy, or None to drop it."""
    if name == "id" or (name == "name" and tag == "a"):
        return content_id(value)
    if name == "class":
        kept = [cls for cls in value.split() if class_allowed(cls, extra_classes)]
        return " ".join(kept) or None
    if name == "title":
        return value if title_allowed(value) else None
    if name == "href" and tag == "a":
        return _href_with_content_fragment(value)
    return value


def namespace_removals(tag: str, attributes: Iterable[tuple[str, str | None]],
                       extra_classes: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
    """What the policy changes in one element an editor wrote: (what, its new name when renamed, else None)."""
    found: list[tuple[str, str | None]] = []
    of = f" of <{tag}>" if tag else ""
    for name, value in attributes:
        if value is None:
            continue
        if (name == "id" or (name == "name" and tag == "a")) and is_theme_id(value):
            found.append((f"{name} '{value}'{of}", content_id(value)))
        elif name == "class":
            found += [(f"class '{cls}'{of}", None) for cls in refused_classes(value, extra_classes)]
        elif name == "title" and not title_allowed(value):
            found.append((f"title{of} holding '<'", None))
    return found
