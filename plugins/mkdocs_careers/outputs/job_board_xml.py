"""What the Indeed and LinkedIn XML job feeds share: the job description as HTML, CDATA text nodes and the
places a role is advertised in. The facts themselves come from the page's labels (pages/labels.py) and the
JobPosting builder (jsonld/job_posting.py), so a feed never states a fact differently from the page."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from ..content.models import Location, Role, Workplace
from ..pages.builders import entry_page
from ..render.entry_markdown import once_per_entry
from ..render.html import HtmlRenderer
from ..render.markdown import absolutize_links

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry

# Raw HTML in an editor's body is shown as text, never passed through to a job board.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
# Job boards want literal characters, not HTML entities; only < and > must stay escaped inside the HTML.
_LITERAL_ENTITIES = {"&amp;": "&", "&quot;": '"', "&#34;": '"', "&#39;": "'", "&#x27;": "'"}
_ENTITY = re.compile("|".join(map(re.escape, _LITERAL_ENTITIES)))
_LINK_ATTRIBUTES = frozenset(lxml_html.defs.link_attrs)


# The key of a role's job-board description among the texts rendered once per build (render/entry_markdown.py).
JOB_BOARD_DESCRIPTION = "job-board-description"


def role_descriptions(site: CareersSite) -> Mapping[str, str]:
    """Every open role's job description as HTML, keyed by slug, for both feeds.

    It is the role's JobPosting `description` (the posting sections of its page, without permalinks) with
    absolute links. An adapter that renders the pages passes each one in through `once_per_entry` (key
    `JOB_BOARD_DESCRIPTION`, text from `job_board_description`), so the feeds carry exactly the page's HTML
    and nothing is rendered twice; a role it did not pass is rendered here, its body converted by CommonMark.
    Each description is looked up when a feed asks for it, so they are never all held at once.
    """
    return _RoleDescriptions(site)


class _RoleDescriptions(Mapping[str, str]):
    def __init__(self, site: CareersSite):
        self._site = site
        self._entries = {entry.slug: entry for entry in site.open_roles}
        self._renderer: HtmlRenderer | None = None

    def __getitem__(self, slug: str) -> str:
        entry = self._entries[slug]
        return once_per_entry(JOB_BOARD_DESCRIPTION, entry, self._site, functools.partial(self._render, entry))

    def _render(self, entry: Entry[Role]) -> str:
        site = self._site
        if self._renderer is None:
            self._renderer = HtmlRenderer(site, site_name=site.settings.organization.name, language=None)
        # Raw HTML in the body is shown as text here (the adapter's own conversion sanitises it instead).
        body_html = _MARKDOWN.render(absolutize_links(entry.body, entry.src_uri, site))
        html = self._renderer.posting_html(entry_page(entry, site), body_html, headerlinks=False)
        return job_board_description(html, site.url(entry.page_path))

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


# What XML 1.0 cannot carry (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates); lxml refuses
# to write it. Frontmatter and bodies refuse control characters, but a body's HTML can still hold some: Python-
# Markdown leaves its \x02…\x03 placeholders in a malformed image link, and a rule can be switched off.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def job_board_description(posting_description: str, page_url: str) -> str:
    """A role's JobPosting description HTML as the job boards get it: links absolute, characters literal, and
    only characters XML can carry."""
    return _literal_characters(_absolute_links(_NOT_XML.sub("", posting_description), page_url))


def _absolute_links(html: str, page_url: str) -> str:
    """The page links relative to itself; a job board shows the text elsewhere, so every link is absolute."""
    fragment = lxml_html.fragment_fromstring(html, create_parent="div")
    # The attributes lxml's `rewrite_links` treats as links, without its scan of CSS url()s and <meta refresh>
    # (the body sanitiser removes both; with allow_raw_html they stay as written), which cost as much as
    # parsing: this runs once per open role.
    for element in fragment.iter(etree.Element):
        for name in _LINK_ATTRIBUTES.intersection(element.attrib):
            element.set(name, urljoin(page_url, (element.get(name) or "").strip()))
    inner = (fragment.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in fragment)
    return inner.strip()


def _literal_characters(html: str) -> str:
    return _ENTITY.sub(lambda match: _LITERAL_ENTITIES[match.group(0)], html)


# The HTML each board documents for a description; anything else is mapped onto these or unwrapped (limit_tags).
# Indeed (job description formatting guide): b, strong, em, br, p, ul, li and headings.
INDEED_TAGS = frozenset({"p", "br", "b", "strong", "em", "ul", "li", "h1", "h2", "h3", "h4", "h5", "h6"})
# LinkedIn (job posting description, "a limited set of HTML tags"): paragraphs, line breaks, lists, emphasis.
LINKEDIN_TAGS = frozenset({"p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li"})
_SAME = {"i": "em", "em": "i", "b": "strong", "strong": "b", "ol": "ul"}
_BLOCKS = frozenset({"p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "div", "section",
                     "article", "header", "footer", "aside", "main", "nav", "figure", "figcaption", "blockquote",
                     "table", "thead", "tbody", "tfoot", "tr", "td", "th", "pre", "hr", "details", "summary"})
_DROPPED = frozenset({"img", "script", "style", "svg", "math", "iframe", "object", "embed", "video", "audio",
                      "picture", "source", "template", "noscript", "button", "input", "form", "select", "textarea"})


def limit_tags(html: str, allowed: frozenset[str]) -> str:
    """A description's HTML with only the tags a board supports and no attributes: each other tag is mapped onto
    its nearest supported one (a heading → a bold paragraph, `dt`/`dd` → paragraphs, `ol` → `ul`, `i` ↔ `em`),
    a container unwrapped (its text kept), a link's address written after its text, media dropped."""
    fragment = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in reversed([e for e in fragment.iter(etree.Element) if e is not fragment]):
        _limit(element, allowed)
    inner = (fragment.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in fragment)
    return _literal_characters(inner.strip())  # characters literal, as the boards want them


def _limit(element: Any, allowed: frozenset[str]) -> None:
    tag = str(element.tag).lower()
    if tag == "a":
        href, text = element.get("href", ""), element.text_content().strip()
        address = href.removeprefix("mailto:")
        if address and address != text and not address.startswith("#"):
            element.tail = f" ({address})" + (element.tail or "")
    element.attrib.clear()
    if tag in _DROPPED:
        element.drop_tree()
        return
    if tag not in allowed and _SAME.get(tag) in allowed:
        tag = element.tag = _SAME[tag]
    if tag in allowed:
        return
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "dt", "th", "summary"):
        strong = next(t for t in ("strong", "b", "em") if t in allowed)
        element.tag = "p"
        inner = etree.Element(strong)
        inner.text, element.text = element.text, None
        for child in list(element):
            inner.append(child)
        element.append(inner)
    elif tag in _BLOCKS and tag not in ("hr", "table", "thead", "tbody", "tfoot", "dl") and not any(
            str(child.tag).lower() in _BLOCKS for child in element):
        element.tag = "p"  # a container of text only is a paragraph (dd, div, td, pre ...)
    elif tag == "hr":
        element.drop_tree()
    else:
        element.drop_tag()  # a container of blocks, or an inline tag: its content stays


def text_element(parent: etree._Element | None, tag: str, value: str | int | None) -> etree._Element | None:
    """A child element (a top-level one without `parent`) whose text is wrapped in CDATA, as both specs ask;
    None values are left out.

    CDATA cannot hold "]]>": such a (rare) value is written as escaped text, which XML parsers read the same.
    """
    if value is None or value == "":
        return None
    element = etree.Element(tag) if parent is None else etree.SubElement(parent, tag)
    text = str(value)
    element.text = etree.CDATA(text) if "]]>" not in text else text
    return element


def plain_element(parent: etree._Element | None, tag: str, value: str | int) -> etree._Element:
    element = etree.Element(tag) if parent is None else etree.SubElement(parent, tag)
    element.text = str(value)
    return element


def feed_chunks(root_tag: str, children: Iterable[etree._Element]) -> Iterator[str]:
    """The feed document as text, one top-level element at a time, indented as `etree.indent` would indent
    the whole tree: the tree of every open role's description is never held at once."""
    yield f"<?xml version='1.0' encoding='utf-8'?>\n<{root_tag}>\n"
    yield from element_chunks(children, level=1)
    yield f"</{root_tag}>\n"


def element_chunks(elements: Iterable[etree._Element], *, level: int) -> Iterator[str]:
    """Each element as text on its own lines, indented as pretty-printing the whole document indents elements
    `level` deep: a feed is written one item at a time with the bytes of the whole tree."""
    for element in elements:
        etree.indent(element, level=level)
        yield "  " * level + etree.tostring(element, encoding="unicode") + "\n"


@dataclass(frozen=True)
class JobPlace:
    """One place a job is advertised in: an office, or a country a remote hire may live in."""

    country: str
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    street: str | None = None


def job_places(role: Role) -> list[JobPlace]:
    """Offices first; a remote role without offices is advertised in each country a hire may live in."""
    places = [_office(loc) for loc in role.locations]
    if not places and role.workplace is Workplace.REMOTE:
        places = [JobPlace(country=code) for code in role.remote_countries]
    return places


def _office(location: Location) -> JobPlace:
    return JobPlace(country=location.country, city=location.city, region=location.region,
                    postal_code=location.postal_code, street=location.street)
