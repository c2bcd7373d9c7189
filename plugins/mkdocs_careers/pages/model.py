"""The page model: what one published page says, independent of how it is written out.

Every page (role, person, case study, each index, free pages) becomes one `PageModel`: its `PageMeta`
(title, description, canonical URL, social card, noindex) and an ordered list of `Section`s made of
`Block`s. The HTML templates, the Markdown copy, llms-full.txt, the table of contents, the FAQPage and the
JobPosting `description` are all renderings of this one object, so they cannot disagree. All English
text is decided here (and in `labels.py`/`headings.py`); renderers only choose markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar, overload

from ..content.site import Entry


@dataclass(frozen=True, slots=True)
class Link:
    """A link to a page of this site (`page_path`, site-relative) or to an absolute URL (`url`)."""

    text: str
    page_path: str | None = None
    url: str | None = None
    rel: str = ""  # e.g. "me" for a person's own profiles


@dataclass(frozen=True, slots=True)
class Fact:
    """One labelled fact. `lines` are shown one per line; `date` (ISO) is the machine-readable form."""

    label: str
    lines: tuple[str, ...]
    link: Link | None = None  # the first line links here
    suffix: str = ""  # text after the link, e.g. ", VP Engineering"

    @property
    def text(self) -> str:
        return "; ".join(self.lines) + self.suffix


# --- blocks: the content of a section ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Facts:
    facts: tuple[Fact, ...]
    compact: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    style: Literal["plain", "lede", "answer", "label", "help", "equity", "strong-value"] = "plain"
    prefix: str = ""  # shown before `text`, e.g. "Salary: " (text is emphasised when style is strong-value)


@dataclass(frozen=True, slots=True)
class Item:
    """A list item: an optional bold lead, text, a detail on its own line, a 'current step' marker."""

    text: str = ""
    lead: str = ""
    detail: str = ""
    current: bool = False
    link: Link | None = None  # the lead (or text, without a lead) links here
    note: str = ""  # text after the link, e.g. ": the summary"


@dataclass(frozen=True, slots=True)
class ItemList:
    items: tuple[Item, ...]
    style: Literal["plain", "outcomes", "chips", "links", "loop", "scorecard", "ladder"] = "plain"
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Body:
    """The editor's Markdown body. The HTML renderer is handed its converted HTML by the adapter."""

    markdown: str
    src_uri: str  # resolves the body's relative links in the Markdown copy


@dataclass(frozen=True, slots=True)
class ApplyButton:
    text: str
    url: str
    position: Literal["top", "bottom"] = "top"


@dataclass(frozen=True, slots=True)
class Notice:
    """A banner, e.g. "This role is closed", with a link onwards."""

    title: str
    text: str
    link: Link | None = None


@dataclass(frozen=True, slots=True)
class PersonCard:
    """A person: on a role page a sentence naming them (`lead_in` + linked name + `after`), on their own page
    the profile header."""

    name: str
    link: Link | None
    lines: tuple[str, ...]
    lead_in: str = ""
    after: str = ""
    image: str | None = None
    image_alt: str = ""
    image_size: int = 96
    profile: bool = False  # the person's own page header rather than a card linking to it


@dataclass(frozen=True, slots=True)
class CopyableText:
    """Plain text to paste elsewhere (the hiring brief): server-rendered, a copy button is an enhancement."""

    text: str
    help: str
    copy_label: str


@dataclass(frozen=True, slots=True)
class MetricRow:
    label: str
    before: str
    after: str
    change: str


@dataclass(frozen=True, slots=True)
class Metrics:
    rows: tuple[MetricRow, ...]


@dataclass(frozen=True, slots=True)
class FilterOption:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FilterField:
    param: str  # query-string name, also the `data-` attribute of each row
    label: str
    any_label: str
    options: tuple[FilterOption, ...]


@dataclass(frozen=True, slots=True)
class RoleFilters:
    """The roles index filter form: hidden without JavaScript, where every role is listed anyway."""

    fields: tuple[FilterField, ...]
    open_count: int
    empty_text: str


@dataclass(frozen=True, slots=True)
class RoleRow:
    title: str
    page_path: str
    summary: str
    facts: tuple[Fact, ...]
    filter_values: tuple[tuple[str, str], ...]  # (field param, value) for the filters


S = TypeVar("S")
T = TypeVar("T")


class BuiltOnRead(Sequence[T], Generic[S, T]):
    """Items made from their sources whenever they are read, one at a time, and never kept.

    The roles index of a 10,000-role site lists every open role with its facts: built up front, its rows
    were about 20 MB, held twice (for the page and for its Markdown copy) while the index was rendered, and
    that decided the build's peak memory. Each renderer reads the rows once.
    """

    __slots__ = ("_sources", "_make")

    def __init__(self, sources: Sequence[S], make: Callable[[S], T]):
        self._sources = sources
        self._make = make

    def __len__(self) -> int:
        return len(self._sources)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._make(source) for source in self._sources[index]]
        return self._make(self._sources[index])

    def __iter__(self) -> Iterator[T]:
        return map(self._make, self._sources)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"BuiltOnRead({len(self)} items)"


@dataclass(frozen=True, slots=True)
class RoleRows:
    rows: Sequence[RoleRow]  # on the roles index: BuiltOnRead from the team's open roles


@dataclass(frozen=True, slots=True)
class Card:
    """One item of an index listing (a person or a case study): its own heading links to its page."""

    title: str
    page_path: str
    slug: str
    lines: tuple[str, ...]
    image: str | None = None
    image_alt: str = ""


@dataclass(frozen=True, slots=True)
class Cards:
    cards: tuple[Card, ...]
    style: Literal["people", "list"] = "list"


Block = (Facts | Paragraph | ItemList | Body | ApplyButton | Notice | PersonCard | CopyableText | Metrics
         | RoleFilters | RoleRows | Cards)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what stands under it. A section without a heading groups blocks (e.g. the facts box)."""

    id: str
    heading: str | None
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()
    level: int = 2
    kind: str = ""  # what the section is about: "faq", "outcomes", "how-we-hire", ... (renderers may style it)
    in_posting: bool = False  # part of the job description: JobPosting.description is rendered from these

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class SocialCardMeta:
    og_type: Literal["website", "profile", "article"] = "website"
    image: str | None = None  # absolute URL
    image_alt: str | None = None
    published: str | None = None  # ISO date, articles only
    # Size and type of `image`, for previews that lay out before loading it (set for the PNG social cards).
    image_width: int | None = None
    image_height: int | None = None
    image_type: str | None = None


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Everything a page's <head> says about it, decided once."""

    title: str  # <title>, og:title, twitter:title
    description: str  # meta description, og:description, JSON-LD description
    page_path: str  # site-relative, e.g. roles/x/ ('' for home)
    url: str  # canonical absolute URL
    name: str  # what breadcrumbs, listings and JSON-LD call the page, e.g. the role's title
    card: SocialCardMeta = field(default_factory=SocialCardMeta)
    noindex: bool = False
    breadcrumbs: tuple[tuple[str, str], ...] = ()  # (name, absolute url) from home to this page
    markdown_copy: bool = True  # a Markdown copy is published at <url>index.md
    feed_links: bool = False  # the head links the job feeds


@dataclass(frozen=True, slots=True)
class FaqEntry:
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class PageModel:
    meta: PageMeta
    h1: str
    h1_id: str
    sections: tuple[Section, ...]
    kind: str  # "role", "person", "case_study", "index", "free"
    source: Entry[Any] | None = None  # the content file this page renders (entity pages only)

    @property
    def listed(self) -> list[tuple[str, str]]:
        """(name, site-relative path) of every item an index page lists, in page order."""
        items: list[tuple[str, str]] = []
        for section in self.walk():
            for block in section.blocks:
                if isinstance(block, RoleRows):
                    items += [(row.title, row.page_path) for row in block.rows]
                elif isinstance(block, Cards):
                    items += [(card.title, card.page_path) for card in block.cards]
        return items

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    @property
    def headings(self) -> list[Section]:
        """Sections with a heading, in page order: the table of contents."""
        return [s for s in self.walk() if s.heading]

    @property
    def faq(self) -> list[FaqEntry]:
        """The Q&A pairs (FAQPage): each child of the "faq" section is a question with its answer."""
        entries = []
        for section in self.walk():
            if section.kind != "faq":
                continue
            for child in section.children:
                answer = next((b.text for b in child.blocks if isinstance(b, Paragraph)), "")
                entries.append(FaqEntry(child.heading or "", answer))
        return entries

    @property
    def posting_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.in_posting)
