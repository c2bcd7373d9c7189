"""Markdown rendering of the page model: the clean copy published next to each page at `<page URL>index.md`.

AI assistants fetching a page for a user read Markdown far more reliably than a themed HTML page. The copy
renders the same `PageModel` as the HTML page, so it has the same sections, facts and wording; links point
at the other pages' Markdown copies, with absolute URLs.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterator

from ..content.site import CareersSite
from ..pages.model import (
    ApplyButton,
    Block,
    Body,
    Cards,
    CopyableText,
    Fact,
    Facts,
    Item,
    ItemList,
    Link,
    Metrics,
    Notice,
    PageModel,
    Paragraph,
    PersonCard,
    RoleFilters,
    RoleRows,
    Section,
)

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")


def md_text(value: str) -> str:
    """Escape inline Markdown so a frontmatter value is read as text, on one line."""
    text = _INLINE_SPECIAL.sub(r"\\\1", " ".join(value.split()))
    return "\\" + text if text.startswith(("#", "-", "+", ">")) else text


def md_cell(value: str) -> str:
    return md_text(value).replace("|", "\\|")


def markdown_copy_path(page_path: str) -> str:
    """`roles/x/` → `roles/x/index.md`; `` (home) → `index.md`."""
    if not page_path or page_path.endswith("/"):
        return f"{page_path}index.md"
    return f"{page_path}.md"


def absolutize_links(markdown: str, src_uri: str, site: CareersSite) -> str:
    """Relative links in an editor's body point at source files; rewrite them to absolute page URLs."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith(("#", "/")):
            return match.group(0)
        path, _, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        if resolved.endswith(".md"):
            stem = resolved[:-3]
            resolved = stem[: -len("index")] if stem.endswith("index") else stem + "/"
            resolved = "" if resolved in ("./", ".") else resolved
        url = site.url(resolved.lstrip("./") if resolved != "." else "") + (f"#{fragment}" if fragment else "")
        return f"{match.group(1)}{url}{match.group(3)}"

    return _LINK.sub(replace, markdown)


class MarkdownRenderer:
    """Writes page models of one site as Markdown."""

    def __init__(self, site: CareersSite):
        self.site = site

    def render(self, page: PageModel) -> str:
        return "".join(self.render_chunks(page))

    def render_chunks(self, page: PageModel) -> Iterator[str]:
        """The page's Markdown in pieces, a section at a time, for writing it without holding it all (the roles
        index of a 10,000-role site is megabytes). The pieces join to "\n".join(parts).rstrip() + "\n":
        blank parts wait until text follows them, and the last part with text is stripped at the end."""
        if page.kind == "free":  # the editor's own Markdown is the whole page
            body = next(b for s in page.sections for b in s.blocks if isinstance(b, Body))
            yield absolutize_links(body.markdown, body.src_uri, self.site).strip() + "\n"
            return
        parts = itertools.chain([f"# {md_text(page.h1)}", "", f"Page: <{page.meta.url}>", ""],
                                itertools.chain.from_iterable(self._section(section) for section in page.sections))
        pending: list[str] = []  # not written yet: the last part with text and the blank parts after it
        written = False
        for part in parts:
            if pending and part.strip():  # text follows: what is pending is not the end of the page
                chunk = "\n".join(pending)
                yield "\n" + chunk if written else chunk
                written, pending = True, []
            pending.append(part)
        end = "\n".join(pending).rstrip()
        yield ("\n" + end if written else end) + "\n"

    def _section(self, section: Section) -> list[str]:
        parts: list[str] = []
        if section.heading:
            parts += [f"{'#' * section.level} {md_text(section.heading)}", ""]
        for block in section.blocks:
            text = self._block(block)
            if text:
                parts += [text, ""]
        for child in section.children:
            parts += self._section(child)
        return parts

    def _link(self, link: Link) -> str:
        url = self.site.url(markdown_copy_path(link.page_path)) if link.page_path is not None else link.url or ""
        return f"[{md_text(link.text)}]({url})"

    def _fact(self, fact: Fact) -> str:
        value = self._link(fact.link) if fact.link else "; ".join(md_text(line) for line in fact.lines)
        return f"- **{md_text(fact.label)}:** {value}{md_text(fact.suffix)}"

    def _item(self, item: Item) -> str:
        if item.link is not None:
            note = md_text(item.note)
            return self._link(item.link) + ((" " + note if item.note.startswith("(") else ": " + note) if note else "")
        text = ""
        if item.lead:
            text = f"**{md_text(item.lead)}**" + (" (this role)" if item.current else "") + (": " if item.text else "")
        text += md_text(item.text)
        if item.detail:
            text += f" — {md_text(item.detail)}"
        return text

    def _block(self, block: Block) -> str:
        site = self.site
        if isinstance(block, Facts):
            return "\n".join(self._fact(fact) for fact in block.facts)
        if isinstance(block, Paragraph):
            if block.style == "lede":
                return f"> {md_text(block.text)}"
            if block.style == "strong-value":
                return f"{md_text(block.prefix)}**{md_text(block.text)}**."
            return md_text(block.prefix + block.text)
        if isinstance(block, ItemList):
            return "\n".join(f"{f'{n}.' if block.ordered else '-'} {self._item(item)}"
                             for n, item in enumerate(block.items, start=1))
        if isinstance(block, Body):
            return absolutize_links(block.markdown, block.src_uri, site).strip()
        if isinstance(block, ApplyButton):
            # The page repeats its button at the bottom; the copy states it once, near the top.
            return f"[{md_text(block.text)}]({block.url})" if block.position == "top" else ""
        if isinstance(block, Notice):
            link = f" {self._link(block.link)}." if block.link else ""
            return f"**{md_text(block.title)}.** {md_text(block.text)}{link}"
        if isinstance(block, PersonCard):
            if block.profile:
                return "\n".join(f"- {md_text(line)}" for line in block.lines)
            name = self._link(block.link) if block.link else md_text(block.name)
            sentence = f"{md_text(block.lead_in)}{name}{md_text(block.after)}"
            return "\n\n".join([sentence, *(md_text(line) for line in block.lines)])
        if isinstance(block, CopyableText):
            return f"{md_text(block.help)}\n\n```text\n{block.text}\n```"
        if isinstance(block, Metrics):
            rows = [f"| {md_cell(r.label)} | {md_cell(r.before)} | {md_cell(r.after)} | {md_cell(r.change)} |"
                    for r in block.rows]
            return "\n".join(["| Metric | Before | After | Change |", "|---|---|---|---|", *rows])
        if isinstance(block, RoleFilters):
            return ""  # interactive only; every role is listed below
        if isinstance(block, RoleRows):
            lines = []
            for row in block.rows:
                facts = " · ".join(f"{md_text(f.label)}: {md_text(f.text)}" for f in row.facts)
                link = self._link(Link(row.title, page_path=row.page_path))
                lines.append(f"- {link}: {md_text(row.summary)} ({facts})")
            return "\n".join(lines)
        if isinstance(block, Cards):
            cards = []
            for card in block.cards:
                link = self._link(Link(card.title, page_path=card.page_path))
                cards.append("\n\n".join([f"## {link}", *(md_text(line) for line in card.lines)]))
            return "\n\n".join(cards)
        raise TypeError(f"no Markdown rendering for {type(block).__name__}")
