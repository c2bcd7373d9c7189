"""Facts agree everywhere: for every open role, the visible page, its JobPosting, its Markdown copy,
llms.txt and both feeds state the same salary, location, dates and apply URL."""

from __future__ import annotations

import json
import re

import llms_txt
import pytest
from conftest import OPEN, demo_roles, one_node
from lxml import etree
from lxml import html as lxml_html
from mkdocs_careers.pages.labels import date_label

SITE = "https://careers.northwind-labs.example/"


def visible_facts(build, slug: str) -> dict[str, str]:
    page = lxml_html.fromstring(build.html(f"roles/{slug}/"))
    facts = page.xpath("//div[@class='careers-posting']/dl[contains(@class,'careers-facts')]")[0]
    values = {dt.text_content(): " ".join(dt.getnext().text_content().split()) for dt in facts.xpath(".//dt")}
    values["apply_url"] = page.xpath("//p[@class='careers-apply']/a/@href")[0]
    return values


def markdown_facts(build, slug: str) -> dict[str, str]:
    text = (build.site / "roles" / slug / "index.md").read_text(encoding="utf-8")
    facts = dict(re.findall(r"^- \*\*(.+?):\*\* (.+)$", text, re.M))
    facts["apply_url"] = re.search(r"^\[Apply for the .+ role\]\((.+)\)$", text, re.M).group(1)
    return facts


@pytest.mark.parametrize("slug", OPEN)
def test_facts_agree_across_page_jsonld_markdown_llms_and_feeds(demo_build, slug):
    front = demo_roles()[slug]
    page = visible_facts(demo_build, slug)
    job = one_node(demo_build.graph(f"roles/{slug}/"), "JobPosting")
    md = markdown_facts(demo_build, slug)
    feed = json.loads((demo_build.site / "roles" / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if i["url"] == f"{SITE}roles/{slug}/")
    rss = etree.fromstring((demo_build.site / "roles" / "feed.xml").read_bytes())
    rss_item = next(i for i in rss.iter("item") if i.findtext("link") == f"{SITE}roles/{slug}/")
    llms = llms_txt.parse_llms_file((demo_build.site / "llms.txt").read_text(encoding="utf-8"))
    llms_line = next(link for link in llms["sections"]["Open roles"] if f"/roles/{slug}/" in link["url"])

    # Salary: one label everywhere it is written for people, the same numbers where it is data.
    salary_label = page["Salary"]
    assert md["Salary"] == salary_label == item["_job"]["salary"]["label"]
    assert salary_label in llms_line["desc"] and salary_label in rss_item.findtext("description")
    value = job["baseSalary"]["value"]
    assert (value["minValue"], value["maxValue"], job["baseSalary"]["currency"]) == (
        item["_job"]["salary"]["min"], item["_job"]["salary"]["max"], item["_job"]["salary"]["currency"])
    assert (value["minValue"], value["maxValue"]) == (front["salary"]["min"], front["salary"]["max"])

    # Dates: closing and posting dates.
    assert page["Apply by"] == md["Apply by"]
    assert f"apply by {page['Apply by']}" in llms_line["desc"]
    assert page["Apply by"] == date_label(front["valid_through"])
    assert job["validThrough"].startswith(str(front["valid_through"]))
    assert item["_job"]["valid_through"] == job["validThrough"]
    assert page["Posted"] == date_label(front["date_posted"])
    assert job["datePosted"] == item["_job"]["date_posted"] == str(front["date_posted"])
    assert page["Posted"] == md["Posted"]

    # Apply URL.
    assert page["apply_url"] == front["apply"]["url"] == item["_job"]["apply_url"] == item["external_url"]
    assert md["apply_url"] == front["apply"]["url"]

    # Location and workplace.
    assert page["Workplace"] == md["Workplace"]
    assert item["_job"]["workplace"] == front["workplace"]
    if front["workplace"] == "remote":
        assert [c["name"] for c in job["applicantLocationRequirements"]] == front["remote_countries"]
        assert item["_job"]["countries"][-len(front["remote_countries"]):] == front["remote_countries"]
    else:
        cities = [p["address"]["addressLocality"] for p in job["jobLocation"]]
        for city in cities:
            assert city in page["Location"] and city in md["Location"] and city in item["_job"]["location"]
            assert city in llms_line["desc"]
    assert page["Location"].replace(" ", "") == md["Location"].replace(";", "").replace(" ", "")

    # Employment type and title.
    types = job["employmentType"] if isinstance(job["employmentType"], list) else [job["employmentType"]]
    assert types == item["_job"]["employment_type"]
    assert page["Employment type"] == md["Employment type"]
    assert job["title"] == item["title"] == llms_line["title"] == rss_item.findtext("title") == front["title"]
