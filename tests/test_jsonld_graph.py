"""Every page carries one JSON-LD @graph with stable @ids that resolve, using only real schema.org terms."""

from __future__ import annotations

import pytest
import yaml
from conftest import REPO, load_vocabulary, nodes_of_type, one_node

VOCAB = load_vocabulary()
# Keys of the JSON-LD syntax itself, not schema.org properties.
KEYWORDS = {"@context", "@graph", "@id", "@type"}


def all_pages(build) -> list[str]:
    return sorted(str(p.relative_to(build.site).parent) + "/" for p in build.site.rglob("index.html"))


def _ancestors(type_name: str) -> set[str]:
    seen, stack = set(), [type_name]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(VOCAB["types"].get(current, []))
    return seen


def _walk(node, path="$"):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{index}]")


def vocabulary_problems(graph: list[dict]) -> list[str]:
    problems = []
    for path, node in _walk(graph):
        types = node.get("@type")
        if types is None:
            continue
        for type_name in types if isinstance(types, list) else [types]:
            if type_name not in VOCAB["types"]:
                problems.append(f"{path}: unknown type {type_name}")
                continue
            ancestors = _ancestors(type_name)
            for key in node:
                if key in KEYWORDS:
                    continue
                prop = VOCAB["properties"].get(key)
                if prop is None:
                    problems.append(f"{path}: unknown property {key}")
                elif prop["superseded"]:
                    problems.append(f"{path}: {key} is superseded")
                elif not ancestors & set(prop["domain"]):
                    # schema.org's Role pattern: a Role stands in for the property's normal value.
                    role_pattern = "Role" in ancestors and key in {"worksFor", "roleName", "startDate", "endDate"}
                    if not role_pattern:
                        problems.append(f"{path}: {key} is not a property of {type_name}")
    return problems


def test_vocabulary_copy_is_release_30():
    assert VOCAB["release"] == "30.0" and "JobPosting" in VOCAB["types"]


def test_every_page_has_one_graph_with_resolving_ids_and_breadcrumbs(demo_build):
    pages = all_pages(demo_build)
    assert len(pages) >= 15
    for page in pages:
        url_path = "" if page == "./" else page
        graph = demo_build.graph(url_path)
        defined = [n["@id"] for n in graph if "@id" in n]
        assert len(defined) == len(set(defined)), f"{page}: an @id is defined twice"
        for _, node in _walk(graph):
            if set(node) == {"@id"}:
                assert node["@id"] in defined, f"{page}: dangling reference {node['@id']}"
        assert len(nodes_of_type(graph, "Organization")) == 1, page
        crumbs = one_node(graph, "BreadcrumbList")["itemListElement"]
        assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
        assert crumbs[0]["item"] == "https://careers.northwind-labs.example/"
        assert vocabulary_problems(graph) == [], page


def test_ids_are_stable_across_pages(demo_build):
    ids = {one_node(demo_build.graph(p), "Organization")["@id"] for p in ["", "roles/", "people/"]}
    assert ids == {"https://careers.northwind-labs.example/#organization"}


def test_home_page_has_organization_and_website(demo_build):
    graph = demo_build.graph("")
    organization = one_node(graph, "Organization")
    assert organization["name"] == "Northwind Labs"
    assert organization["url"] == "https://www.northwind-labs.example/"
    assert organization["logo"]["url"] == "https://careers.northwind-labs.example/assets/logo.svg"
    assert organization["sameAs"]
    website = one_node(graph, "WebSite")
    assert website["publisher"] == {"@id": organization["@id"]}
    assert website["url"] == "https://careers.northwind-labs.example/"


def _front(folder: str, slug: str) -> dict:
    return yaml.safe_load((REPO / folder / f"{slug}.md").read_text(encoding="utf-8").split("---\n")[1])


@pytest.mark.parametrize("slug", sorted(p.stem for p in (REPO / "people").glob("*.md")))
def test_person_page_is_profile_page_with_person(demo_build, slug):
    front = _front("people", slug)
    graph = demo_build.graph(f"people/{slug}/")
    page = one_node(graph, "ProfilePage")
    person = one_node(graph, "Person")
    assert page["mainEntity"] == {"@id": person["@id"]}
    assert person["name"] == front["name"] and person["jobTitle"] == front["job_title"]
    assert person["description"] == front["summary"]
    assert person["award"] == front["achievements"]
    assert person["knowsAbout"] == front.get("knows_about", [])
    assert person["sameAs"] == front.get("same_as", [])
    assert person["image"].startswith("https://careers.northwind-labs.example/")
    role = person["worksFor"]
    assert role["@type"] == "EmployeeRole" and role["startDate"] == str(front["since"])
    assert role["roleName"] == front["job_title"]
    assert role["worksFor"] == {"@id": "https://careers.northwind-labs.example/#organization"}
    led = sorted(p.stem for p in (REPO / "case_studies").glob("*.md") if _front("case_studies", p.stem)["leader"] == slug)
    subject_ids = sorted(ref["@id"] for ref in person.get("subjectOf", []))
    assert subject_ids == sorted(f"https://careers.northwind-labs.example/case-studies/{s}/#article" for s in led)


@pytest.mark.parametrize("slug", sorted(p.stem for p in (REPO / "case_studies").glob("*.md")))
def test_case_study_page_is_article_with_author_and_metrics(demo_build, slug):
    front = _front("case_studies", slug)
    graph = demo_build.graph(f"case-studies/{slug}/")
    article = one_node(graph, "Article")
    assert article["headline"] == front["title"]
    assert article["datePublished"] == str(front["date_published"])
    assert article["keywords"] == front["stack"]
    author = one_node(graph, "Person")
    assert article["author"] == {"@id": author["@id"]}
    assert author["url"] == f"https://careers.northwind-labs.example/people/{front['leader']}/"
    assert article["about"]
    html = demo_build.html(f"case-studies/{slug}/")
    for metric in front["metrics"]:
        assert metric["label"] in html
    assert str(front["period"]["start"]) in html


def test_compact_drops_only_missing_and_empty_values():
    from mkdocs_careers.jsonld.serialize import compact

    data = {"name": "Ana", "none": None, "blank": "", "zero": 0, "no": False, "list": [None, "", {}, [], 1],
            "nested": {"gone": {"inner": None}, "kept": {"value": 0.0}}, "empty_after": [{"x": None}],
            "tuple": ()}
    assert compact(data) == {"name": "Ana", "zero": 0, "no": False, "list": [1],
                             "nested": {"kept": {"value": 0.0}}, "tuple": ()}
