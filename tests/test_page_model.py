"""One page model feeds every output: the HTML page, its Markdown copy and llms-full.txt carry the same
sections and facts, and a page's meta, Open Graph and JSON-LD descriptions are the same text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import one_node
from lxml import html as lxml_html

# Every page the demo publishes with a Markdown copy: entries, the three index pages and free pages.
KIND_PAGES = ("roles/", "people/", "case-studies/")


def demo_pages(site: Path) -> list[str]:
    """Site-relative URL paths of every page that has a Markdown copy next to it."""
    return sorted(f"{p.parent.relative_to(site).as_posix()}/".removeprefix("./")
                  for p in site.rglob("index.md") if (p.parent / "index.html").is_file())


def article(build, path: str) -> lxml_html.HtmlElement:
    page = lxml_html.fromstring(build.html(path))
    return page.xpath("//article")[0]


def html_headings(build, path: str) -> list[str]:
    """Section headings of the page content (h2/h3 with an id), permalink glyphs removed."""
    found = []
    for node in article(build, path).xpath(".//h2[@id] | .//h3[@id]"):
        for link in node.xpath(".//a[contains(@class,'headerlink')]"):
            link.drop_tree()
        found.append(" ".join(node.text_content().split()))
    return found


def markdown_headings(text: str) -> list[str]:
    """`##`/`###` headings outside code blocks, with Markdown links and escapes reduced to their text."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    found = []
    for line in text.splitlines():
        match = re.match(r"^(#{2,3}) (.+)$", line)
        if match:
            found.append(plain_markdown(match.group(2)))
    return found


def plain_markdown(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"\\(.)", r"\1", text).split())


def html_facts(build, path: str) -> dict[str, str]:
    """Label → value of the page's facts boxes (not the compact ones in listings)."""
    facts = {}
    for box in article(build, path).xpath(".//dl[contains(@class,'careers-facts') and "
                                          "not(contains(@class,'careers-facts--compact'))]"):
        for term in box.xpath(".//dt"):
            value = term.getnext()
            for line_break in value.xpath(".//br"):  # one fact, several lines (e.g. two offices)
                line_break.tail = "; " + (line_break.tail or "")
            facts[term.text_content()] = " ".join(value.text_content().split())
    return facts


def markdown_facts(text: str) -> dict[str, str]:
    return {plain_markdown(label): plain_markdown(value)
            for label, value in re.findall(r"^- \*\*(.+?):\*\* (.+)$", text, re.M)}


def copy_of(build, path: str) -> str:
    return (build.site / path / "index.md").read_text(encoding="utf-8")


def test_every_page_has_a_copy_and_the_demo_has_every_page_kind(demo_build):
    pages = demo_pages(demo_build.site)
    for prefix in KIND_PAGES:
        assert prefix in pages, f"{prefix} has no Markdown copy"
        assert any(p.startswith(prefix) and p != prefix for p in pages), f"no {prefix} entry page"
    assert "" in pages  # the home page


@pytest.mark.parametrize("path", ["roles/ml-engineering-manager/", "roles/data-platform-lead/",
                                  "people/amara-okafor/", "case-studies/cutting-model-rollbacks/",
                                  "roles/", "people/", "case-studies/"])
def test_named_pages_are_among_the_demo_pages(demo_build, path):
    assert path in demo_pages(demo_build.site)


def test_html_and_markdown_copy_have_the_same_sections_and_facts_on_every_page(demo_build):
    checked = 0
    for path in demo_pages(demo_build.site):
        text = copy_of(demo_build, path)
        assert html_headings(demo_build, path) == markdown_headings(text), path
        assert html_facts(demo_build, path) == markdown_facts(text), path
        checked += 1
    assert checked >= 18


def test_llms_full_txt_holds_each_open_roles_copy_unchanged(demo_build):
    full = (demo_build.site / "llms-full.txt").read_text(encoding="utf-8")
    open_roles = [p for p in demo_pages(demo_build.site) if p.startswith("roles/") and p != "roles/"
                  and 'name="robots" content="noindex"' not in demo_build.html(p)]
    assert len(open_roles) == 5
    for path in open_roles:
        copy = copy_of(demo_build, path)
        assert copy in full, path  # the same rendering: same sections, same facts, same words
        assert markdown_headings(copy) == html_headings(demo_build, path)


def test_closed_role_is_not_in_llms_full_txt(demo_build):
    full = (demo_build.site / "llms-full.txt").read_text(encoding="utf-8")
    closed = [p for p in demo_pages(demo_build.site) if p.startswith("roles/") and p != "roles/"
              and 'name="robots" content="noindex"' in demo_build.html(p)]
    assert closed
    for path in closed:
        assert f"Page: <https://careers.northwind-labs.example/{path}>" not in full


def test_role_copy_keeps_how_we_hire_ladder_and_equity(demo_build):
    """The sections the old hand-written copy lost: they come from the same model as the page now."""
    text = copy_of(demo_build, "roles/ml-engineering-manager/")
    for heading in html_headings(demo_build, "roles/ml-engineering-manager/"):
        assert heading in markdown_headings(text)
    assert "take-home exercise" in text and "Interview stages" in text and "scorecard" in text
    assert "Career path" in text and "stock options" in text.lower()


def test_person_copy_lists_open_roles(demo_build):
    page = demo_build.html("people/amara-okafor/")
    text = copy_of(demo_build, "people/amara-okafor/")
    assert "Open roles hiring into" in unescape(page)
    assert "## Open roles hiring into Amara Okafor's team" in text


@pytest.mark.parametrize("path", ["roles/", "people/", "case-studies/", "roles/ml-engineering-manager/",
                                  "people/amara-okafor/", "case-studies/cutting-model-rollbacks/", ""])
def test_meta_og_and_jsonld_descriptions_are_one_text(demo_build, path):
    page = lxml_html.fromstring(demo_build.html(path))
    meta = page.xpath("//meta[@name='description']/@content")
    og = page.xpath("//meta[@property='og:description']/@content")
    twitter = page.xpath("//meta[@name='twitter:description']/@content")
    graph = demo_build.graph(path)
    webpage = next(n for n in graph if n.get("@id", "").endswith("#webpage"))
    assert len(meta) == len(og) == 1, path
    assert meta[0] == og[0] == twitter[0] == webpage["description"], path
    title = page.xpath("//title")[0].text_content()
    assert page.xpath("//meta[@property='og:title']/@content")[0] in title


def test_index_page_lists_what_its_item_list_says(demo_build):
    for path in ("roles/", "people/", "case-studies/"):
        item_list = one_node(demo_build.graph(path), "ItemList")
        names = [item["name"] for item in item_list["itemListElement"]]
        text = article(demo_build, path).text_content()
        assert names and all(name in text for name in names), path


def test_toc_comes_from_the_model_and_the_body(demo_build):
    page = lxml_html.fromstring(demo_build.html("roles/ml-engineering-manager/"))
    toc = [" ".join(a.text_content().split()) for a in page.xpath("//nav[contains(@class,'md-nav--secondary')]//a")]
    headings = html_headings(demo_build, "roles/ml-engineering-manager/")
    h2 = [h for h in headings if h in toc]
    assert h2 and h2 == [h for h in headings if h in h2]  # same order
    assert "How the London and Berlin team works across two offices" in toc  # the editor's own heading
