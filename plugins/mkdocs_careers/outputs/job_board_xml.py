"""What the Indeed and LinkedIn XML job feeds share: the job description as HTML, CDATA text nodes and the
places a role is advertised in. The facts themselves come from the page's labels (pages/labels.py) and the
JobPosting builder (jsonld/job_posting.py), so a feed never states a fact differently from the page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree
from markdown_it import MarkdownIt

from ..content.models import Location, Role, Workplace
from ..render.markdown import role_markdown

if TYPE_CHECKING:
    from ..content.site import CareersSite, Entry

# Raw HTML in an editor's body is shown as text, never passed through to a job board.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
# Job boards want literal characters, not HTML entities; only < and > must stay escaped inside the HTML.
_LITERAL_ENTITIES = {"&amp;": "&", "&quot;": '"', "&#39;": "'"}
_ENTITY = re.compile("|".join(map(re.escape, _LITERAL_ENTITIES)))


def description_html(entry: Entry[Role], site: CareersSite) -> str:
    """The role's full posting (the same text as its Markdown copy) as simple HTML for job boards."""
    html = _MARKDOWN.render(role_markdown(entry, site))
    return _ENTITY.sub(lambda match: _LITERAL_ENTITIES[match.group(0)], html).strip()


def role_descriptions(site: CareersSite) -> dict[str, str]:
    """Every open role's description, keyed by slug: rendered once per build and shared by both feeds
    (Markdown rendering is most of a feed's cost on a large site)."""
    return {entry.slug: description_html(entry, site) for entry in site.open_roles}


def text_element(parent: etree._Element, tag: str, value: str | int | None) -> etree._Element | None:
    """A child element whose text is wrapped in CDATA, as both specs ask; None values are left out.

    CDATA cannot hold "]]>": such a (rare) value is written as escaped text, which XML parsers read the same.
    """
    if value is None or value == "":
        return None
    element = etree.SubElement(parent, tag)
    text = str(value)
    element.text = etree.CDATA(text) if "]]>" not in text else text
    return element


def plain_element(parent: etree._Element, tag: str, value: str | int) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text = str(value)
    return element


def feed_bytes(root: etree._Element) -> bytes:
    etree.indent(root)
    document: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


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
