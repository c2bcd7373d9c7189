"""The body HTML policy: what HTML a Markdown body may publish, enforced with nh3 (the ammonia sanitiser).

Bodies come from pull requests, so raw HTML in them (`<script>`, `<img onerror>`, `<iframe src=data:...>`) and
`javascript:` links must never reach a page, the JobPosting `description`, a Markdown copy or the search index.
The allow-list keeps everything Markdown and the extensions this project uses produce (tables with alignment,
admonitions, attr_list classes and ids, images, links with http(s)/mailto/tel/relative URLs, headings with ids
and permalinks, code blocks with highlighting classes, footnotes, abbreviations, details) and drops the rest.

Three pure functions share the one allow-list:
- `sanitize_body_html`: the rendered HTML of a page (the plugin calls it in `on_page_content`);
- `neutralize_markdown`: the Markdown source, raw HTML and script links rewritten the same way (for Markdown
  copies, llms-full.txt and anything else that publishes the body as Markdown);
- `removed_html`: each element, attribute or link the policy removes from a body, with its line (the
  `raw-html` lint rule).
`allow_raw_html: true` in mkdocs.yml switches all of it off for trusted sites.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Protocol
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt

from .diagnostics import Diagnostic
from .theme_namespace import namespace_removals, safe_attribute

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
})
# id and class on every element: attr_list, heading ids, admonitions, footnotes and highlighting need them.
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang"}),
    "a": frozenset({"href", "name"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "align", "style"}),
    "th": frozenset({"colspan", "rowspan", "align", "style", "scope"}),
    "col": frozenset({"span"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
ALLOWED_STYLE_PROPERTIES = frozenset({"text-align"})  # Markdown tables align columns with inline styles
# Removed with everything inside them: their content is code, styling or an embedded document, never text.
REMOVED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "embed", "noscript",
                                  "textarea", "select", "title", "xmp", "noembed", "noframes", "frameset",
                                  "math", "svg"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "background"})


def sanitize_body_html(html: str, extra_classes: frozenset[str] = frozenset()) -> str:
    """The HTML with only allowed elements, attributes and URL schemes left (relative URLs are kept), and its
    ids and classes out of the theme's namespace (theme_namespace.py; `extra_classes` are the site's own)."""

    def attribute_filter(tag: str, name: str, value: str) -> str | None:
        return safe_attribute(tag, name, value, extra_classes)

    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
        link_rel=None,  # keep links as the author wrote them; target= is not allowed, so no tab-nabbing
        strip_comments=True,
        attribute_filter=attribute_filter,
    )


def might_hold_html(markdown: str) -> bool:
    """Cheap pre-check: only a body with a tag, an attribute list, a character reference, a script-capable scheme
    or a link whose destination has another scheme needs parsing (most bodies have none; parsing costs ~1 ms)."""
    if "<" in markdown or "{" in markdown or _ENTITY.search(markdown) or _SCRIPT_SCHEME.search(markdown):
        return True
    if "](" not in markdown and "]:" not in markdown:
        return False
    return any(not _url_allowed(found.group(1) or found.group(2) or "") for found in _ANY_DESTINATION.finditer(markdown))


_ENTITY = re.compile(r"&(?:#\w+|[a-z][a-z0-9]*);", re.I)
_ANY_DESTINATION = re.compile(r"\]\(\s*([^)\s]*)|^[ \t]*\[[^\]\n]+\]:[ \t]*(\S*)", re.M)


_SCRIPT_SCHEME = re.compile(r"(?:javascript|vbscript|data|file)\s*:", re.I)


@dataclass(frozen=True)
class Removal:
    """One thing the policy removes from a body: `line` is 0-based within the body."""

    line: int
    what: str
    renamed_to: str | None = None  # an id kept under a new name (theme_namespace.py) rather than removed


def removal_message(removal: Removal) -> tuple[str, str]:
    """The message and hint of the `raw-html` warning for one removal (any page's body)."""
    if removal.renamed_to is not None:
        return (f"the {removal.what} is published as '{removal.renamed_to}': the theme uses names like it",
                "choose an id that does not start with '__', 'md-', 'careers-' or 'filter-'")
    if removal.what.startswith(("class ", "title")):
        return (f"the {removal.what} is removed from the published page",
                "use a content class (admonitions, code highlighting, md-button); add a class of the site's own "
                "CSS to allow_classes in mkdocs.yml" if removal.what.startswith("class ")
                else "write the title without '<': Material shows titles as HTML tooltips")
    return (f"the {removal.what} is removed from the published page",
            "write it in Markdown (links [text](https://...), images ![alt](path), tables, "
            "attr_list {: .class }); raw HTML is only published with allow_raw_html: true")


class _TagLister(HTMLParser):
    """Every start tag in a raw HTML snippet, with its attributes (the browser's view, not a regex's)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs, self.getpos()[0] - 1))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _url_allowed(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", url)  # browsers ignore spaces and controls inside a scheme
    scheme = urlsplit(cleaned).scheme.casefold()
    return not scheme or scheme in ALLOWED_URL_SCHEMES


def _snippet_removals(snippet: str, first_line: int, extra_classes: frozenset[str]) -> list[Removal]:
    lister = _TagLister()
    lister.feed(snippet)
    lister.close()
    found: list[Removal] = []
    for tag, attrs, offset in lister.tags:
        line = first_line + offset
        if tag not in ALLOWED_TAGS:
            found.append(Removal(line, f"<{tag}> element" + (" and its content" if tag in REMOVED_WITH_CONTENT
                                                              else "")))
            continue
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name not in allowed:
                found.append(Removal(line, f"{name}= attribute of <{tag}>"))
            elif name in _URL_ATTRIBUTES and value is not None and not _url_allowed(value):
                found.append(Removal(line, f"{name}= URL '{_short(value)}' of <{tag}>"))
            elif name == "style" and value and not _only_text_align(value):
                found.append(Removal(line, f"style= properties other than text-align on <{tag}>"))
        found += [Removal(line, what, renamed) for what, renamed in namespace_removals(
            tag, [(name, value) for name, value in attrs if name in allowed], extra_classes)]
    return found


def _only_text_align(style: str) -> bool:
    properties = [part.split(":", 1)[0].strip().casefold() for part in style.split(";") if part.strip()]
    return all(name in ALLOWED_STYLE_PROPERTIES for name in properties)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _accept_every_link(url: str) -> bool:
    return True


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    # See every link, including javascript: ones, to report and neutralise them (markdown-it drops them).
    md.validateLink = _accept_every_link  # type: ignore[method-assign]
    return md


_MARKDOWN = _parser()


def removed_html(markdown: str, extra_classes: frozenset[str] = frozenset()) -> list[Removal]:
    """Each element, attribute and link URL the policy removes from a Markdown body, and each id or class it
    keeps out of the theme's namespace, in body order (`extra_classes`: the classes the site allows)."""
    if not might_hold_html(markdown):
        return []
    found: list[Removal] = []
    for token in _MARKDOWN.parse(markdown):
        line = token.map[0] if token.map else 0
        if token.type == "html_block":
            found.extend(_snippet_removals(token.content, line, extra_classes))
        elif token.type == "inline":
            for name in _refused_attr_list_keys(token.content):
                found.append(Removal(line, f"{name}= attribute set with {{: ... }}"))
            for offset, names in _attr_list_names(token.content):
                found += [Removal(line + offset, f"{what} set with {{: ... }}", renamed)
                          for what, renamed in namespace_removals("", names, extra_classes)]
            for child in token.children or []:
                if child.type == "html_inline":
                    found.extend(_snippet_removals(child.content, line, extra_classes))
                elif child.type in ("link_open", "image"):
                    attribute = "href" if child.type == "link_open" else "src"
                    url = str(child.attrGet(attribute) or "")
                    if not _url_allowed(url):
                        kind = "link" if child.type == "link_open" else "image"
                        found.append(Removal(line, f"{kind} URL '{_short(url)}'"))
    return sorted(found, key=lambda removal: removal.line)


def neutralize_markdown(markdown: str) -> str:
    """The Markdown body with its raw HTML sanitised by the same policy and script links made inert.

    Raw HTML blocks are replaced by their sanitised HTML; inline tags are sanitised in place; a link or image
    whose URL has a disallowed scheme keeps its text but loses the URL. Code spans and blocks are untouched.
    """
    if not might_hold_html(markdown):
        return markdown
    lines = markdown.split("\n")
    tokens = _MARKDOWN.parse(markdown)
    for token in reversed(tokens):  # bottom up, so earlier line numbers stay valid
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "html_block":
            # Python-Markdown may still read Markdown links in what CommonMark calls an HTML block.
            cleaned = _clean_inline_text(sanitize_body_html(token.content)).strip("\n")
            lines[start:end] = _same_line_count(cleaned.split("\n"), end - start)
        elif token.type == "inline":
            text = "\n".join(lines[start:end])
            cleaned = _outside_code_spans(text, _clean_inline_text)
            if cleaned != text:
                lines[start:end] = _same_line_count(cleaned.split("\n"), end - start)
    # Reference definitions, wherever a lenient parser may find one (markdown-it and Python-Markdown differ).
    code = {n for t in tokens if t.type in ("fence", "code_block") and t.map for n in range(*t.map)}
    for index, line in enumerate(lines):
        if index not in code and "]:" in line:
            lines[index] = _DEFINITION.sub(_inert_definition, line)
    return "\n".join(lines)


def _same_line_count(replacement: list[str], count: int) -> list[str]:
    """Pad with blank lines, so every later line keeps its number (diagnostics point into the original file)."""
    return replacement + [""] * (count - len(replacement))


# `](destination` of an inline link or image, and `[label]: destination` of a reference definition.
_INLINE_DESTINATION = re.compile(r"\]\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)")
_DEFINITION = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.M)


# `<scheme:...>`: an autolink in CommonMark, a raw tag to Python-Markdown; either way not for other schemes.
_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>", re.I)


def _inert_autolink(match: re.Match[str]) -> str:
    return match.group(0) if _url_allowed(match.group(1)) else match.group(1)


def _destination_allowed(destination: str) -> bool:
    return _url_allowed(html.unescape(destination.strip("<>")))


def _inert_destination(match: re.Match[str]) -> str:
    return match.group(0) if _destination_allowed(match.group(1)) else "](#"


def _inert_definition(match: re.Match[str]) -> str:
    return match.group(0) if _destination_allowed(match.group(2)) else f"{match.group(1)}#"


# attr_list's `{: #id .class key="value" }`: ids and classes are fine, other keys only if the policy allows them.
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_PAIR = re.compile(r"""([^\s=#.'"{}]+)=("[^"]*"|'[^']*'|[^\s}]*)""")
_ANY_ALLOWED_ATTRIBUTE = frozenset().union(*ALLOWED_ATTRIBUTES.values())


def _attr_list_key_allowed(name: str, value: str) -> bool:
    name = name.casefold()
    if name not in _ANY_ALLOWED_ATTRIBUTE or name == "style":
        return False
    return name not in _URL_ATTRIBUTES or _url_allowed(html.unescape(value.strip("'\"")))


def _refused_attr_list_keys(text: str) -> list[str]:
    if "{" not in text:
        return []
    return [name for block in _ATTR_LIST.finditer(text) for name, value in _ATTR_LIST_PAIR.findall(block.group(1))
            if not _attr_list_key_allowed(name, value)]


# `#id` and `.class` shorthands of an attribute list, and its title= pair (the namespace policy's concerns).
_ATTR_LIST_SHORTHAND = re.compile(r"""(?:^|(?<=\s))([#.])([^\s#.{}'"=]+)""")


def _attr_list_names(text: str) -> list[tuple[int, list[tuple[str, str | None]]]]:
    """The ids, classes and titles each attribute list in an inline text sets, with its line offset in the text."""
    if "{" not in text:
        return []
    found: list[tuple[int, list[tuple[str, str | None]]]] = []
    for block in _ATTR_LIST.finditer(text):
        inside = block.group(1)
        names: list[tuple[str, str | None]] = [
            ("id" if sign == "#" else "class", name) for sign, name in _ATTR_LIST_SHORTHAND.findall(inside)]
        names += [(key.casefold(), html.unescape(value.strip("'\""))) for key, value in _ATTR_LIST_PAIR.findall(inside)
                  if key.casefold() in ("id", "class", "title")]
        found.append((text.count("\n", 0, block.start()), names))
    return found


def _allowed_attr_list(match: re.Match[str]) -> str:
    def keep(pair: re.Match[str]) -> str:
        return pair.group(0) if _attr_list_key_allowed(pair.group(1), pair.group(2)) else ""

    return _ATTR_LIST_PAIR.sub(keep, match.group(0))


# Anything a lenient HTML-in-Markdown parser (Python-Markdown) may read as a tag, autolinks excepted.
_LOOSE_TAG = re.compile(r"<(?![a-z][a-z0-9+.-]{1,31}:)(/?)([a-z][a-z0-9:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>", re.I)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def _outside_code_spans(text: str, clean: Callable[[str], str]) -> str:
    """Apply `clean` to the text between code spans: `<script>` inside backticks is shown, never run."""
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [clean(text[last:span.start()]), span.group(0)]
        last = span.end()
    return "".join([*parts, clean(text[last:])])


def _clean_inline_text(text: str) -> str:
    text = _ATTR_LIST.sub(_allowed_attr_list, text)
    text = _AUTOLINK.sub(_inert_autolink, text)
    text = _LOOSE_TAG.sub(_allowed_tag, text)
    return _INLINE_DESTINATION.sub(_inert_destination, text)


def _allowed_tag(match: re.Match[str]) -> str:
    """The tag rebuilt with its allowed attributes only, or nothing when the element is not allowed."""
    closing, name = match.group(1), match.group(2).casefold()
    if name not in ALLOWED_TAGS:
        return ""
    if closing:
        return f"</{name}>"
    lister = _TagLister()
    lister.feed(match.group(0))
    lister.close()
    if not lister.tags:
        return ""
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(name, frozenset())
    kept = [(key, value) for key, value in lister.tags[0][1] if key in allowed and value is not None
            and not (key in _URL_ATTRIBUTES and not _url_allowed(value))
            and not (key == "style" and not _only_text_align(value))]
    attributes = "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in kept)
    return f"<{name}{attributes}{' /' if match.group(0).endswith('/>') else ''}>"


def neutralize_document(document: HasBody, extra_classes: frozenset[str] = frozenset()) -> None:
    """Record what the policy removes from a parsed file's body (for the `raw-html` rule, with lines), then
    replace the body by its neutralised Markdown: every output starts from the same safe text."""
    if not might_hold_html(document.body):
        return
    document.html_removals = tuple(removed_html(document.body, extra_classes))
    document.body = neutralize_markdown(document.body)


class HasBody(Protocol):
    body: str
    html_removals: tuple[Removal, ...]


COMMENT_RULE = "html-comment"


def unclosed_comment_line(markdown: str) -> int | None:
    """The 0-based line of an `<!--` that no `-->` after it closes, outside code; None when there is none.

    A browser (and the sanitiser) reads everything after an unclosed `<!--` as the comment, so the rest of the
    body would silently disappear from the page. Lines are those of the block holding the `<!--`."""
    if "<!--" not in markdown:
        return None
    pieces: list[tuple[int, str]] = []  # (line, text) of everything that is not code, in body order
    for token in _MARKDOWN.parse(markdown):
        line = token.map[0] if token.map else 0
        if token.type == "html_block":
            pieces.append((line, token.content))
        elif token.type == "inline":
            pieces += [(line, child.content) for child in token.children or []
                       if child.type in ("text", "html_inline")]
    opened: int | None = None
    for line, text in pieces:
        position = 0
        while True:
            if opened is None:
                start = text.find("<!--", position)
                if start == -1:
                    break
                opened, position = line, start + 2  # `<!-->` and `<!--->` close themselves
            end = text.find("-->", position)
            if end == -1:
                break
            opened, position = None, end + 3
    return opened


def unclosed_comment_problem(body: str, display_path: str, body_line: int) -> Diagnostic | None:
    """The located error for an unclosed `<!--` in a body (any page), or None."""
    line = unclosed_comment_line(body)
    if line is None:
        return None
    return Diagnostic(display_path, body_line + line, "body",
                      "an HTML comment '<!--' is never closed, so everything after it would disappear from the page",
                      "close it with '-->' or write the text as &lt;!-- to show it", rule=COMMENT_RULE)
