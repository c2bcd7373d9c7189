"""Shared pieces of the fuzz tests: every free-text field of every content type, hostile text strategies,
writing frontmatter with a real YAML emitter, and the checks a page must pass for any text.

A field is described once (`FuzzField`): which file it lives in, its path in the frontmatter, which page
shows it, and where the page's JSON-LD must carry it back exactly (or `None` when it is only visible text).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

import extruct
import lxml.html
import yaml
from conftest import FIXTURES, copy_project, nodes_of_type
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from mkdocs_careers.content.diagnostics import Diagnostic
from mkdocs_careers.content.loading import format_field_path
from mkdocs_careers.content.text_hygiene import has_visible_character, invisible_character_problem

ROLE_FILE = "roles/data-lead.md"
PERSON_FILE = "people/jo-smith.md"
CASE_STUDY_FILE = "case_studies/warehouse-migration.md"
PAGE_OF_FILE = {ROLE_FILE: "roles/data-lead/", PERSON_FILE: "people/jo-smith/",
                CASE_STUDY_FILE: "case-studies/warehouse-migration/"}
# Every page of the fixture site; fuzzed text also shows up on listings and on pages that link to its owner.
ALL_PAGES = ("", "roles/", "people/", "case-studies/", *PAGE_OF_FILE.values())
# 40 words: an FAQ answer must have 40-120 words, so fuzzed answers are padded to stay valid.
ANSWER_PADDING = " ".join(["Yes, the team works this way and plans the week together on Monday."] * 4)

Graph = list[dict[str, Any]]


def _one(graph: Graph, type_name: str) -> dict[str, Any]:
    found = nodes_of_type(graph, type_name)
    assert len(found) == 1, f"expected one {type_name} node, found {len(found)}"
    return found[0]


@dataclass(frozen=True)
class FuzzField:
    file: str
    path: tuple[str | int, ...]
    # Reads the field back out of the page's JSON-LD graph: a string, or a list the value must be in.
    jsonld: Callable[[Graph], str | list[str]] | None = None
    attribute: str | None = None  # shown as this attribute's value (e.g. an image's alt) instead of as text

    @property
    def name(self) -> str:
        return f"{self.file}:{format_field_path(self.path)}"

    @property
    def page(self) -> str:
        return PAGE_OF_FILE[self.file]

    def wrap(self, text: str) -> str:
        """The value written to the file: FAQ answers are padded so the 40-120 word rule still holds."""
        if self.path[-1] == "answer":
            return f"{ANSWER_PADDING} {text} {ANSWER_PADDING[:40]}"
        return text


def _job(graph: Graph) -> dict[str, Any]:
    return _one(graph, "JobPosting")


def _address(graph: Graph) -> dict[str, Any]:
    return _job(graph)["jobLocation"][0]["address"]


def _faq(graph: Graph) -> dict[str, Any]:
    return _one(graph, "FAQPage")["mainEntity"][0]


ROLE_FIELDS = [
    FuzzField(ROLE_FILE, ("title",), lambda g: _job(g)["title"]),
    FuzzField(ROLE_FILE, ("department",)),
    FuzzField(ROLE_FILE, ("summary",), lambda g: _one(g, "WebPage")["description"]),
    FuzzField(ROLE_FILE, ("outcomes", "day_90", 0), lambda g: _job(g)["responsibilities"]),
    FuzzField(ROLE_FILE, ("outcomes", "day_180", 0), lambda g: _job(g)["responsibilities"]),
    FuzzField(ROLE_FILE, ("outcomes", "day_365", 0), lambda g: _job(g)["responsibilities"]),
    FuzzField(ROLE_FILE, ("must_haves", 0), lambda g: _job(g)["qualifications"]),
    FuzzField(ROLE_FILE, ("nice_to_haves", 0)),
    FuzzField(ROLE_FILE, ("skills", 0), lambda g: _job(g)["skills"]),
    FuzzField(ROLE_FILE, ("benefits", 0), lambda g: _job(g)["jobBenefits"]),
    FuzzField(ROLE_FILE, ("incentives", 0), lambda g: _job(g)["incentiveCompensation"]),
    FuzzField(ROLE_FILE, ("faq", 0, "question"), lambda g: _faq(g)["name"]),
    FuzzField(ROLE_FILE, ("faq", 0, "answer"), lambda g: _faq(g)["acceptedAnswer"]["text"]),
    FuzzField(ROLE_FILE, ("locations", 0, "city"), lambda g: _address(g)["addressLocality"]),
    FuzzField(ROLE_FILE, ("locations", 0, "region"), lambda g: _address(g)["addressRegion"]),
    FuzzField(ROLE_FILE, ("locations", 0, "postal_code"), lambda g: _address(g)["postalCode"]),
    FuzzField(ROLE_FILE, ("locations", 0, "street"), lambda g: _address(g)["streetAddress"]),
    *[FuzzField(ROLE_FILE, ("search_intents", key)) for key in (
        "about", "outcomes_90", "outcomes_180", "outcomes_365", "must_haves", "nice_to_haves", "skills",
        "compensation", "faq")],
]
PERSON_FIELDS = [
    FuzzField(PERSON_FILE, ("name",), lambda g: _one(g, "Person")["name"]),
    FuzzField(PERSON_FILE, ("job_title",), lambda g: _one(g, "Person")["jobTitle"]),
    FuzzField(PERSON_FILE, ("summary",), lambda g: _one(g, "Person")["description"]),
    FuzzField(PERSON_FILE, ("achievements", 0), lambda g: _one(g, "Person")["award"]),
    FuzzField(PERSON_FILE, ("knows_about", 0), lambda g: _one(g, "Person")["knowsAbout"]),
    FuzzField(PERSON_FILE, ("image_alt",), attribute="alt"),
]
CASE_STUDY_FIELDS = [
    FuzzField(CASE_STUDY_FILE, ("title",), lambda g: _one(g, "Article")["headline"]),
    FuzzField(CASE_STUDY_FILE, ("summary",), lambda g: _one(g, "Article")["description"]),
    FuzzField(CASE_STUDY_FILE, ("stack", 0), lambda g: _one(g, "Article")["keywords"]),
    FuzzField(CASE_STUDY_FILE, ("topics", 0), lambda g: [t["name"] for t in _one(g, "Article")["about"]]),
    FuzzField(CASE_STUDY_FILE, ("metrics", 0, "label")),
    FuzzField(CASE_STUDY_FILE, ("metrics", 0, "unit")),
]
ALL_FIELDS = ROLE_FIELDS + PERSON_FIELDS + CASE_STUDY_FIELDS

# --- hostile text ------------------------------------------------------------------------------------------
YAML_SPECIALS = ["no", "No", "NO", "yes", "on", "off", "y", "n", "null", "Null", "NULL", "~", "1e3", "-1e3",
                 "0x1F", "0o17", "012", "1_000", ".inf", "-.Inf", ".nan", "2026-11-25", "2026-11-25T10:00:00Z",
                 "12:30:00", "true", "False", "-", "? key", ": value", "- item", "#comment", "&anchor", "*alias",
                 "!tag", "!!str", "%YAML 1.2", "@handle", "`tick", "|", ">", "'", '"', "---", "...", "{a: 1}",
                 "[1, 2]", "key: value", "<<: *base"]
MARKUP = ["</script><!--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"'><b>bold</b>",
          "&amp; &lt; &#60; &#x3C;", "]]>", "<!--", "-->", "</title></head>", "<![CDATA[x]]>", "{{ 7*7 }}",
          "{% raw %}", "${jndi:x}", "\\u003c/script\\u003e", "<a href=\"javascript:alert(1)\">x</a>",
          "</dd></dl><h2 id=\"x\">", "<style>*{}</style>", "# not a heading", "**not bold**", "[link](http://x)"]
SCRIPTS = ["مرحبا بالعالم", "שלום עולם", "\u202eevil\u202c", "Zoë Saldaña-Ñúñez", "数据负责人", "データ", "데이터",
           "👩🏽‍💻🚀", "🏳️‍🌈 pride", "e\u0301", "\u200b\u200d\ufeff", "ẞ ﬁ Ⅻ", "\u2028\u2029", "x\ty"]

_characters = st.characters(blacklist_categories=("Cs",))  # lone surrogates cannot be written to a UTF-8 file
_fragment = st.one_of(st.sampled_from(YAML_SPECIALS + MARKUP + SCRIPTS), st.text(_characters, max_size=40))
_whitespace = st.sampled_from(["", " ", "  ", "\n", "\t", " \n "])


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Unicode, RTL, emoji, markup, YAML look-alikes, control characters, padding, newlines and long strings."""
    core = draw(st.one_of(
        st.sampled_from(MARKUP),
        st.sampled_from(YAML_SPECIALS),
        st.sampled_from(SCRIPTS),
        st.text(_characters, min_size=1, max_size=80),
        st.lists(_fragment, min_size=1, max_size=6).map(" ".join),
        st.tuples(_fragment, st.integers(50, 400)).map(lambda pair: (pair[0] or "long ") * pair[1]),
    ))
    return draw(_whitespace) + core + draw(_whitespace)


def visible_text(text: str) -> bool:
    """Text the fields need (something visible, no control, bidi or zero-width characters): the success path.

    Which format characters real writing needs (joiners in emoji and Persian, flag tags) is decided by the
    product's text_hygiene module, whose own cases are in test_untrusted_content.py.
    """
    return (bool(text.strip()) and not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
            and has_visible_character(text) and invisible_character_problem(text) is None)


# --- writing content -----------------------------------------------------------------------------------------
def split_frontmatter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    # The fences are whole lines, as the product's loader reads them (a value may contain "---").
    _, frontmatter, body = re.split(r"^---[ \t]*\n", text, maxsplit=2, flags=re.M)
    return yaml.safe_load(frontmatter), body


def write_frontmatter(path: Path, data: dict[str, Any], body: str) -> str:
    """Write with PyYAML's emitter, so any string round-trips; return the YAML text.

    Text is written as UTF-8 as an editor would, unless PyYAML cannot round-trip it that way (it writes
    a raw NEL, U+0085, which YAML then reads as a line break): then non-ASCII is written as escapes.
    """
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**9)  # no wrapping: a wrapped line could start with "---"
    if yaml.safe_load(dumped) != data:
        dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=False, width=10**9)
    assert yaml.safe_load(dumped) == data  # the emitter itself round-trips
    # A value whose YAML has a line break YAML honours but str.split does not (U+2028, U+0085...) can make
    # the file's frontmatter fence ambiguous; such files are not representable, so hypothesis skips them.
    representable = (all(line != "---" for line in dumped.splitlines()) and "\u2028" not in dumped
                     and "\u2029" not in dumped and "\x85" not in dumped)
    if currently_in_test_context():
        assume(representable)
    else:
        assert representable, "fixture content must be representable in a frontmatter file"
    path.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")
    return dumped


def set_path(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def rich_project(destination: Path) -> Path:
    """The minimal fixture plus every optional text field, so each one is rendered and can be fuzzed."""
    project = copy_project(FIXTURES / "minimal", destination)
    role, body = split_frontmatter(project / ROLE_FILE)
    # An office outside the US and Canada: there `region` is free text, while a US or Canadian office must name a
    # real state or province (rule location-region, tested in test_rules_pay_transparency.py).
    role["locations"][0].update({"city": "Berlin", "region": "Berlin", "country": "DE", "postal_code": "10115",
                                 "street": "1 Main Street"})
    role.update({"nice_to_haves": ["Experience with dbt"], "skills": ["SQL"], "benefits": ["Parental leave"],
                 "incentives": ["Milestone bonus"],
                 # Intent-based, as the generic-heading rule requires of every override.
                 "search_intents": {"about": "What the Data Lead owns at Example Co",
                                    "outcomes_90": "What the Data Lead delivers in 90 days",
                                    "outcomes_180": "What the Data Lead delivers by day 180",
                                    "outcomes_365": "What the Data Lead delivers after one year",
                                    "must_haves": "What you need to be hired as Data Lead",
                                    "nice_to_haves": "What helps you stand out as Data Lead",
                                    "skills": "Which tools the Data Lead uses every week",
                                    "compensation": "How much the Data Lead earns, with bonuses",
                                    "faq": "What candidates ask about the Data Lead role"}})
    write_frontmatter(project / ROLE_FILE, role, body)
    person, body = split_frontmatter(project / PERSON_FILE)
    person.update({"knows_about": ["Data platforms"], "image": "https://cdn.example.com/jo.jpg",
                   "image_alt": "Jo Smith smiling"})
    write_frontmatter(project / PERSON_FILE, person, body)
    study, body = split_frontmatter(project / CASE_STUDY_FILE)
    study["topics"] = ["Data warehousing"]
    write_frontmatter(project / CASE_STUDY_FILE, study, body)
    return project


def set_field(project: Path, field: FuzzField, text: str) -> str:
    """Write `text` into one field of the project; return the exact value written."""
    data, body = split_frontmatter(project / field.file)
    value = field.wrap(text)
    set_path(data, field.path, value)
    write_frontmatter(project / field.file, data, body)
    return value


# --- checks --------------------------------------------------------------------------------------------------
def single_graph(html: str) -> Graph:
    blocks = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert len(blocks) == 1, f"expected one JSON-LD block, found {len(blocks)}"
    return blocks[0]["@graph"]


def element_counts(html: str) -> Counter:
    """How many elements of each tag a page has: fuzzed text must never add or remove one."""
    root = lxml.html.document_fromstring(html)
    return Counter(el.tag for el in root.iter() if isinstance(el.tag, str))


def _same_text(a: str) -> str:
    return a.replace("\r\n", "\n").replace("\r", "\n")  # HTML parsers normalise line breaks, JSON does not


def assert_field_published(field: FuzzField, value: str, pages: dict[str, str], baseline: dict[str, Counter]) -> None:
    """The value is in the right JSON-LD property exactly, visible (escaped) on its page, and injects nothing."""
    for url, html in pages.items():
        assert element_counts(html) == baseline[url], f"markup injected into {url or 'home'} by {field.name}"
        head = html.split("</head>", 1)[0]
        assert head.count("<script") == head.count("</script>"), f"script element broken on {url or 'home'}"
    html = pages[field.page]
    if field.jsonld is not None:
        found = field.jsonld(single_graph(html))
        if isinstance(found, list):
            assert value in found, f"{field.name}: {value!r} not in {found!r}"
        else:
            assert found == value, f"{field.name}: JSON-LD has {found!r}, expected {value!r}"
    root = lxml.html.document_fromstring(html)
    if field.attribute:
        values = [el.get(field.attribute) for el in root.iter("img")]
        assert value in values, f"{field.name}: {value!r} not in {field.attribute} attributes {values!r}"
    else:
        body = root.find("body")
        assert _same_text(value) in body.text_content(), f"{field.name}: {value!r} is not visible on {field.page}"


def assert_precise_errors(field: FuzzField, errors: list[Diagnostic], file_text: str) -> None:
    """A rejected value gets errors naming the file, the fuzzed field and the line it is on."""
    assert errors, "expected an error"
    expected_field = format_field_path(field.path)
    lines = file_text.split("\n")
    for error in errors:
        assert error.path == field.file, error.format()
        assert error.field == expected_field, error.format()
        assert 1 < error.line <= len(lines), error.format()
        line = lines[error.line - 1].lstrip()
        key = field.path[-1]
        assert line.startswith(f"{key}:") or line.startswith("- ") or f"{key}:" in line, (error.format(), line)
        assert "Traceback" not in error.format() and "\n" not in error.format(), error.format()


@dataclass(frozen=True)
class Pristine:
    """The fixture site with every optional text field filled, and each page's element counts."""

    project: Path
    baseline: dict[str, Counter] = dataclass_field(repr=False)
