"""Property-based tests over every text field: the build either succeeds and the JSON-LD reads back the
exact input text (with no injected markup), or it fails with a clear file/line/field error. Never a
traceback, never markup injection."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import extruct
import pytest
from conftest import FIXTURES, copy_project, one_node, run_build, single_graph
from content_helpers import load_project, read_frontmatter, write_frontmatter
from hypothesis import event, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from mkdocs_careers.jsonld import script_tag
from mkdocs_careers.render import PageRenderer

NASTY = [
    "</script><script>alert(1)</script>", "<!-- x -->", "<img src=x onerror=alert(1)>", "\"><svg onload=1>",
    "no", "null", "1e3", "2026-01-01", "~", "on", "yes", "  leading and trailing  ", "line\nbreak", "tab\there",
    "&amp; &lt;b&gt;", "\u202eevil RTL override", "مرحبا بالعالم", "שלום עולם", "👩\u200d💻 🚀 ✨", "]]>", "{{ config }}",
    "{% raw %}", "\\u003c/script\\u003e", "C# & F#", "*bold* _it_ [link](http://x)", "x" * 5000,
]
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(min_size=1, max_size=120),
    st.text(alphabet=st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=300),
    st.lists(st.sampled_from(NASTY), min_size=2, max_size=4).map(" ".join),
)

# (content file, frontmatter path, how to find the value again in the JSON-LD graph; None = visible only)
FIELDS = {
    "role.title": ("roles/data-lead.md", ("title",), lambda g: one_node(g, "JobPosting")["title"]),
    "role.department": ("roles/data-lead.md", ("department",), None),
    "role.summary": ("roles/data-lead.md", ("summary",), lambda g: one_node(g, "WebPage")["description"]),
    "role.outcome": ("roles/data-lead.md", ("outcomes", "day_90", 0),
                     lambda g: one_node(g, "JobPosting")["responsibilities"][0]),
    "role.must_have": ("roles/data-lead.md", ("must_haves", 0), lambda g: one_node(g, "JobPosting")["qualifications"][0]),
    "role.city": ("roles/data-lead.md", ("locations", 0, "city"),
                  lambda g: one_node(g, "JobPosting")["jobLocation"][0]["address"]["addressLocality"]),
    "role.faq_question": ("roles/data-lead.md", ("faq", 0, "question"),
                          lambda g: one_node(g, "FAQPage")["mainEntity"][0]["name"]),
    "role.search_intent": ("roles/data-lead.md", ("search_intents", "about"), None),
    "person.name": ("people/jo-smith.md", ("name",), lambda g: one_node(g, "Person")["name"]),
    "person.job_title": ("people/jo-smith.md", ("job_title",), lambda g: one_node(g, "Person")["jobTitle"]),
    "person.achievement": ("people/jo-smith.md", ("achievements", 0), lambda g: one_node(g, "Person")["award"][0]),
    "case_study.title": ("case_studies/warehouse-migration.md", ("title",), lambda g: one_node(g, "Article")["headline"]),
    "case_study.metric_label": ("case_studies/warehouse-migration.md", ("metrics", 0, "label"), None),
    "case_study.stack": ("case_studies/warehouse-migration.md", ("stack", 0),
                         lambda g: one_node(g, "Article")["keywords"][0]),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_project(FIXTURES / "minimal", tmp_path_factory.mktemp("fuzz") / "pristine")


def set_path(data: dict, path: tuple, value: object) -> None:
    target = data
    for part in path[:-1]:
        if isinstance(target, dict) and part not in target:
            target[part] = {}
        target = target[part]
    target[path[-1]] = value


def render(project: Path, relative: str):
    """Render the page of one content file through the core, as the plugin does."""
    site = load_project(project)
    if site.errors:
        return site, None
    renderer = PageRenderer(site, site_name="Example Careers", language="en")
    slug = Path(relative).stem
    entry, method = {
        "roles": (site.roles.get(slug), renderer.role_page),
        "people": (site.people.get(slug), renderer.person_page),
        "case_studies": (site.case_studies.get(slug), renderer.case_study_page),
    }[relative.split("/")[0]]
    page = method(entry, "<p>Body.</p>")
    document = f"<!doctype html><html><head>{script_tag(page.jsonld)}</head><body>{page.html}</body></html>"
    return site, document


def tag_shape(document: str) -> list[str]:
    """The element structure of a page; a value that injects markup changes it."""
    return [el.tag for el in lxml_html.fromstring(document).iter() if isinstance(el.tag, str)]


def visible_text(document: str) -> str:
    return " ".join(lxml_html.fromstring(document).body.text_content().split())


def benign_value(field: str) -> str:
    return "Plain Words" if field != "role.faq_question" else "Plain question?"


@pytest.mark.parametrize("field", sorted(FIELDS))
@given(value=TEXT)
def test_any_text_round_trips_or_fails_clearly(pristine, tmp_path_factory, field, value):
    relative, path, read_back = FIELDS[field]
    project = tmp_path_factory.mktemp("case") / "p"
    shutil.copytree(pristine, project)
    source = project / relative

    def write(text: str) -> None:
        data = read_frontmatter(pristine / relative)
        set_path(data, path, text)
        write_frontmatter(source, data)

    write(benign_value(field))
    _, benign_document = render(project, relative)
    assert benign_document is not None

    write(value)
    site, document = render(project, relative)
    event("rejected" if document is None else "rendered")
    if document is None:
        # Rejected: the edited file's problem is located and names its field; other files may only report
        # the knock-on broken reference (a case study whose leader is now invalid). One clean line each.
        own = [p for p in site.errors if p.path == relative]
        assert own and all(p.line >= 1 and (p.field or p.rule == "syntax") for p in own), site.errors
        assert all(p.rule == "reference" for p in site.errors if p.path != relative), site.errors
        assert all("Traceback" not in p.format() for p in site.errors)
        return
    graph = single_graph(document)
    # The editor's text is what YAML reads from the file (YAML itself folds exotic line breaks such as NEL).
    written = read_frontmatter(source)
    for part in path:
        written = written[part]
    if read_back is not None:
        assert read_back(graph) == written  # exactly the editor's text, unicode, markup and spaces included
    assert tag_shape(document) == tag_shape(benign_document), "the value changed the page's markup"
    if written.isprintable():
        assert " ".join(written.split()) in visible_text(document)


@settings(max_examples=4)
@given(value=st.sampled_from(NASTY[:4] + NASTY[10:14]))
def test_real_mkdocs_build_keeps_the_title_exact(tmp_path_factory, value):
    project = copy_project(FIXTURES / "minimal", tmp_path_factory.mktemp("build") / "p")
    data = read_frontmatter(project / "roles/data-lead.md")
    data["title"] = value
    write_frontmatter(project / "roles/data-lead.md", data)
    result = run_build(project)
    assert result.returncode == 0, result.output
    html = result.html("roles/data-lead/")
    blocks = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert len(blocks) == 1 and one_node(blocks[0]["@graph"], "JobPosting")["title"] == value
    head = html.split("</head>")[0]
    assert len(re.findall(r"<script\b", head)) == len(re.findall(r"</script>", head))
    if "<script>alert" in value:
        assert "<script>alert" not in html  # escaped in the visible page and in the JSON-LD
