"""Material's search index gets compact careers pages: only the facts candidates search on.

Material's search plugin indexes `page.content` in its `on_page_context` (priority 0), splitting it into
one entry per heading with an id. A careers page's full HTML would put every section, including the
boilerplate every role repeats, into the index the browser downloads. So, for careers pages only:

1. `offer` (called by the careers plugin at priority 50, right after it rendered the page) keeps the full
   HTML aside and puts a compact HTML of the page's `SearchFacts` (pages/search_facts.py) in `page.content`:
   one heading, one paragraph per fact, so the page is one search entry pointing at the page itself;
2. Material's search plugin indexes that compact HTML (cheap to parse, small in the index);
3. `restore` (priority -50) puts the full HTML back before the theme renders the page.

Pages whose facts are None (closed roles) are excluded with Material's own `search: exclude` page meta.
Without Material's search plugin the swap is harmless: the full HTML is back before anything renders it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from mkdocs.structure.pages import Page

from ..content.kinds import ContentKind
from ..content.site import CareersSite, Entry
from ..pages.search_facts import SearchFacts, entry_search_facts, index_search_facts


def compact_search_html(facts: SearchFacts, extra_html: str = "") -> str:
    """The page as Material's search parser should see it: a title heading and one paragraph per fact."""
    # The heading needs an id to start a section; as the first section it points at the page, not an anchor.
    parts = [f'<h1 id="search-title">{escape(facts.title)}</h1>']
    parts.extend(f"<p>{escape(fact)}</p>" for fact in facts.facts if fact)
    if extra_html:
        parts.append(extra_html)
    return "\n".join(parts)


class SearchContentSwap:
    """Holds the full HTML of careers pages while Material's search indexes their compact version."""

    def __init__(self) -> None:
        self._full_html: dict[str, str] = {}

    def offer(self, page: Page, facts: SearchFacts | None, extra_html: str = "") -> None:
        """Show the search plugin `facts` instead of the page's full HTML (None: leave the page out of search)."""
        if facts is None:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
            return
        if facts.boost is not None:
            page.meta["search"] = {**(page.meta.get("search") or {}), "boost": facts.boost}
        self._full_html[page.file.src_uri] = page.content or ""
        page.content = compact_search_html(facts, extra_html)

    def offer_careers_page(self, page: Page, site: CareersSite, entry: Entry[Any] | None, kind: ContentKind | None,
                           intro_html: str = "") -> None:
        """`offer` a role, person, case study or index page its facts; any other page is indexed as it is."""
        if entry is not None:
            self.offer(page, entry_search_facts(entry, site))
        elif kind is not None:
            # An index page keeps the editor's own intro text; the entries it lists are found on their pages.
            self.offer(page, index_search_facts(kind, site), extra_html=intro_html)

    def restore(self, page: Page) -> None:
        """Put the full HTML back (after the search plugin indexed the compact one, before the theme renders)."""
        full = self._full_html.pop(page.file.src_uri, None)
        if full is not None:
            page.content = full
