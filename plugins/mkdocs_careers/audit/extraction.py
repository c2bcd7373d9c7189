"""Main-text extraction of a built site with trafilatura, and the passages an answer engine would index.

trafilatura is the main-content extractor many LLM data pipelines run on web pages: what it drops, those
pipelines never see. Fact recall is checked on its default plain-text output; passages are cut from its XML
output, whose `<head>` elements mark the headings the page kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura

from . import Mode

WINDOW_WORDS = 120
WINDOW_STRIDE = 60  # windows overlap by half, so an answer is never only split across two windows


@dataclass(frozen=True)
class Passage:
    page: str  # site-relative URL path of the page it comes from, e.g. roles/data-lead/
    heading: str  # the heading it sits under ('' before the first heading, or a window's first words)
    text: str  # the heading and what stands under it, as extracted

    def preview(self, words: int = 30) -> str:
        split = self.text.split()
        return " ".join(split[:words]) + (" …" if len(split) > words else "")


@dataclass(frozen=True)
class ExtractedPage:
    page: str  # site-relative URL path
    file: str  # site-relative file, e.g. roles/data-lead/index.html
    text: str  # trafilatura's plain text ('' when it found no main content)
    sections: tuple[tuple[str, str], ...]  # (heading, text under it) in page order, from the XML output
    noindex: bool

    def passages(self, mode: Mode) -> list[Passage]:
        if mode == "headings":
            return [Passage(self.page, heading, f"{heading}\n{text}".strip())
                    for heading, text in self.sections if (heading + text).strip()]
        return window_passages(self.page, self.text)


def window_passages(page: str, text: str, size: int = WINDOW_WORDS, stride: int = WINDOW_STRIDE) -> list[Passage]:
    words = text.split()
    starts = range(0, max(len(words) - size, 0) + 1, stride) if words else range(0)
    passages = [Passage(page, " ".join(words[s:s + 8]), " ".join(words[s:s + size])) for s in starts]
    if words and (len(words) - size) % stride and len(words) > size:  # the tail the last stride did not reach
        passages.append(Passage(page, " ".join(words[-size:][:8]), " ".join(words[-size:])))
    return passages


def page_path_of(file: str) -> str:
    """`roles/x/index.html` → `roles/x/`; `index.html` → ``; `about.html` (no directory URLs) → `about.html`."""
    if file == "index.html":
        return ""
    if file.endswith("/index.html"):
        return file[: -len("index.html")]
    return file


def html_file_of(page_path: str, use_directory_urls: bool) -> str:
    """The built file of a page path: `roles/x/` → `roles/x/index.html` (or `roles/x.html`)."""
    if not page_path:
        return "index.html"
    if page_path.endswith("/"):
        return f"{page_path}index.html" if use_directory_urls else page_path[:-1] + ".html"
    return page_path


def site_html_files(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site but the 404 page (served for missing URLs, never indexed)."""
    return sorted(p for p in site_dir.rglob("*.html") if p.relative_to(site_dir).as_posix() != "404.html")


def is_noindex(html: str) -> bool:
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return False
    contents = tree.xpath("//meta[translate(@name, 'ROBOTS', 'robots')='robots']/@content")
    return any("noindex" in str(value).lower() for value in contents)


def extract_page(html: str, file: str, url: str | None = None) -> ExtractedPage:
    """trafilatura's plain text of the page, and its text cut at the headings it kept."""
    text = trafilatura.extract(html, url=url, output_format="txt") or ""
    xml = trafilatura.extract(html, url=url, output_format="xml") or ""
    return ExtractedPage(page_path_of(file), file, text, tuple(_sections(xml)), is_noindex(html))


def _sections(xml: str) -> Iterator[tuple[str, str]]:
    if not xml:
        return
    root = lxml.etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return
    heading = ""
    parts: list[str] = []
    for element in main:
        text = " ".join(" ".join(element.itertext()).split())
        if element.tag == "head":
            yield heading, "\n".join(parts)
            heading, parts = text, []
        elif text:
            parts.append(text)
    yield heading, "\n".join(parts)


def extract_site(site_dir: Path, site_url: str) -> list[ExtractedPage]:
    pages = []
    for path in site_html_files(site_dir):
        file = path.relative_to(site_dir).as_posix()
        pages.append(extract_page(path.read_text(encoding="utf-8"), file, site_url + page_path_of(file)))
    return pages
