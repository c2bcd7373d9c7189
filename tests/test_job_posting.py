"""Role pages carry a JobPosting that meets Google's job-posting guidelines, with values from the content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CLOSED, OPEN, REPO, demo_roles, is_open, nodes_of_type, one_node
from lxml import html as lxml_html

GOOGLE_EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM",
                           "OTHER"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_demo_has_open_and_closed_roles():
    assert len(OPEN) >= 5 and len(CLOSED) >= 1


@pytest.mark.parametrize("slug", OPEN)
def test_open_role_has_job_posting_with_required_properties(demo_build, slug):
    front = demo_roles()[slug]
    graph = demo_build.graph(f"roles/{slug}/")
    job = one_node(graph, "JobPosting")
    assert job["title"] == front["title"]
    assert job["datePosted"] == str(front["date_posted"])
    assert ISO_DATE.match(job["datePosted"])
    organization = one_node(graph, "Organization")
    assert job["hiringOrganization"] == {"@id": organization["@id"]}
    assert organization["name"] == "Northwind Labs"
    assert job["description"].startswith("<")
    if front["workplace"] == "remote":
        assert job["jobLocationType"] == "TELECOMMUTE"
        assert [c["name"] for c in job["applicantLocationRequirements"]] == front["remote_countries"]
        assert all(c["@type"] == "Country" for c in job["applicantLocationRequirements"])
    else:
        assert "jobLocationType" not in job and "applicantLocationRequirements" not in job
        countries = [place["address"]["addressCountry"] for place in job["jobLocation"]]
        assert countries == [loc["country"] for loc in front["locations"]]
        for place in job["jobLocation"]:
            assert place["@type"] == "Place" and place["address"]["@type"] == "PostalAddress"


@pytest.mark.parametrize("slug", OPEN)
def test_open_role_has_recommended_properties(demo_build, slug):
    front = demo_roles()[slug]
    job = one_node(demo_build.graph(f"roles/{slug}/"), "JobPosting")
    types = job["employmentType"] if isinstance(job["employmentType"], list) else [job["employmentType"]]
    expected = front["employment_type"] if isinstance(front["employment_type"], list) else [front["employment_type"]]
    assert types == [t.upper() for t in expected]
    assert set(types) <= GOOGLE_EMPLOYMENT_TYPES
    if front.get("valid_through"):
        assert job["validThrough"] == f"{front['valid_through']}T23:59:59"
    salary = job["baseSalary"]
    assert salary["@type"] == "MonetaryAmount" and salary["currency"] == front["salary"]["currency"]
    value = salary["value"]
    assert value["@type"] == "QuantitativeValue"
    assert value["unitText"] == front["salary"]["unit"].upper()
    assert (value["minValue"], value["maxValue"]) == (front["salary"]["min"], front["salary"]["max"])
    assert job["identifier"] == {"@type": "PropertyValue", "name": "Northwind Labs", "value": slug}
    assert job["directApply"] is bool(front["apply"].get("direct", False))
    outcomes = front["outcomes"]
    assert job["responsibilities"] == outcomes["day_90"] + outcomes["day_180"] + outcomes["day_365"]
    assert job["qualifications"] == front["must_haves"]
    assert job["skills"] == front["skills"]
    assert job["jobBenefits"] == front["benefits"]
    assert job["incentiveCompensation"] == front["incentives"]


@pytest.mark.parametrize("slug", OPEN)
def test_everything_marked_up_is_visible(demo_build, slug):
    page = demo_build.html(f"roles/{slug}/")
    job = one_node(demo_build.graph(f"roles/{slug}/"), "JobPosting")
    article = lxml_html.fromstring(page).xpath("//article")[0]
    for permalink in article.xpath(".//a[@class='headerlink']"):
        permalink.drop_tree()
    text = " ".join(article.text_content().split())
    for item in [job["title"], *job["responsibilities"], *job["qualifications"], *job["skills"],
                 *job["jobBenefits"], *job["incentiveCompensation"], slug]:
        assert " ".join(item.split()) in text, item
    # The description is the visible posting's HTML: its text appears on the page as-is.
    description_text = " ".join(lxml_html.fragment_fromstring(job["description"], create_parent="div")
                                .text_content().split())
    assert description_text in text


@pytest.mark.parametrize("slug", CLOSED)
def test_closed_role_has_no_job_posting_but_stays_reachable(demo_build, slug):
    page = demo_build.html(f"roles/{slug}/")
    graph = demo_build.graph(f"roles/{slug}/")
    assert nodes_of_type(graph, "JobPosting") == []
    assert '<meta name="robots" content="noindex">' in page
    assert "This role is closed" in page
    assert 'href="../"' in page  # the banner links to the open roles


@pytest.mark.parametrize("index", ["roles/", "people/", "case-studies/", ""])
def test_index_pages_have_no_job_posting(demo_build, index):
    assert nodes_of_type(demo_build.graph(index), "JobPosting") == []


def test_roles_index_lists_open_roles_grouped_by_department(demo_build):
    page = lxml_html.fromstring(demo_build.html("roles/"))
    titles = [a.text_content() for a in page.xpath("//li[contains(@class,'careers-role-item')]//h3/a")]
    assert sorted(titles) == sorted(demo_roles()[s]["title"] for s in OPEN)
    departments = {demo_roles()[s]["department"] for s in OPEN}
    headings = [h.text_content() for h in page.xpath("//section[contains(@class,'careers-department')]/h2")]
    assert len(headings) == len(departments)
    for item in page.xpath("//li[contains(@class,'careers-role-item')]"):
        labels = [dt.text_content() for dt in item.xpath(".//dt")]
        assert labels == ["Location", "Workplace", "Salary", "Employment type", "Apply by"]


def test_faq_markup_equals_visible_text(demo_build):
    for slug in OPEN:
        page = lxml_html.fromstring(demo_build.html(f"roles/{slug}/"))
        faq = one_node(demo_build.graph(f"roles/{slug}/"), "FAQPage")
        blocks = page.xpath("//div[@class='careers-qa']")
        assert len(blocks) == len(faq["mainEntity"]) >= 2
        for block, question in zip(blocks, faq["mainEntity"], strict=True):
            visible_q = block.xpath("./h3")[0]
            for link in visible_q.xpath("./a[@class='headerlink']"):
                link.drop_tree()
            assert visible_q.text_content() == question["name"]
            assert block.xpath("./p")[0].text_content() == question["acceptedAnswer"]["text"]
            assert 40 <= len(question["acceptedAnswer"]["text"].split()) <= 120


def test_role_headings_are_intent_based_not_generic(demo_build):
    generic = {"responsibilities", "requirements", "about the role", "benefits", "faq", "qualifications"}
    for slug in OPEN:
        page = lxml_html.fromstring(demo_build.html(f"roles/{slug}/"))
        title = demo_roles()[slug]["title"]
        headings = [" ".join(h.text_content().replace("¶", "").split()) for h in page.xpath("//article//h2")]
        assert headings, slug
        assert not [h for h in headings if h.lower() in generic]
        assert any(title in h and "90 days" in h for h in headings)


def test_role_pages_are_not_in_site_navigation(demo_build):
    home = demo_build.html("")
    for slug in OPEN + CLOSED:
        assert f"roles/{slug}/" not in home.split('<div class="md-content"')[0]


def test_demo_open_roles_stay_open_for_months():
    """The demo must not silently expire: every open demo role is open well beyond the pinned date."""
    for slug in OPEN:
        closing = demo_roles()[slug].get("valid_through")
        assert closing is None or str(closing) >= "2027-06-01", slug


def test_demo_covers_required_role_shapes():
    roles = demo_roles().values()
    assert any(r["workplace"] == "remote" for r in roles if is_open(r))
    assert any(r["workplace"] == "hybrid" and len(r["locations"]) > 1 for r in roles)
    assert any(r["salary"]["unit"] == "hour" and "contractor" in r["employment_type"] for r in roles)
    assert len(list(Path(REPO, "people").glob("*.md"))) >= 3
    assert len(list(Path(REPO, "case_studies").glob("*.md"))) >= 2
