"""Facts agree everywhere: for every open role, the visible page, its JobPosting, its Markdown copy,
llms.txt, both feeds and both job-board XML feeds (Indeed, LinkedIn) state the same salary, location, dates and
apply URL."""

from __future__ import annotations

import datetime as dt
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


@pytest.mark.parametrize("slug", OPEN)
def test_job_board_feeds_state_the_page_and_jsonld_facts(demo_build, slug):
    page = visible_facts(demo_build, slug)
    job = one_node(demo_build.graph(f"roles/{slug}/"), "JobPosting")
    indeed = [j for j in etree.fromstring((demo_build.site / "roles" / "indeed.xml").read_bytes()).iter("job")
              if j.findtext("requisitionid") == slug]
    linkedin = next(j for j in etree.fromstring((demo_build.site / "roles" / "linkedin.xml").read_bytes()).iter("job")
                    if j.findtext("partnerJobId") == slug)
    assert indeed, f"{slug} is missing from indeed.xml"

    for item in indeed:
        # Title, page, dates as the page shows them (its <time datetime>), salary in the page's words.
        assert item.findtext("title") == job["title"] == linkedin.findtext("title")
        assert item.findtext("url") == job["url"] == f"{SITE}roles/{slug}/"
        assert item.findtext("date") == job["datePosted"]
        assert date_label(dt.date.fromisoformat(item.findtext("date"))) == page["Posted"]
        assert date_label(dt.date.fromisoformat(item.findtext("expirationdate"))) == page["Apply by"]
        assert job["validThrough"].startswith(item.findtext("expirationdate"))
        assert item.findtext("salary") == page["Salary"]
        assert item.findtext("jobtype") == page["Employment type"]
        assert item.findtext("company") == linkedin.findtext("company")
        assert page["Salary"] in item.findtext("description") and page["Apply by"] in item.findtext("description")
    # The job description is the JobPosting's: the same text, with links made absolute for a job board.
    def text_of(html: str) -> str:
        return " ".join(lxml_html.fragment_fromstring(html, create_parent="div").text_content().split())

    assert text_of(indeed[0].findtext("description")) == text_of(job["description"]) == text_of(
        linkedin.findtext("description"))
    # One Indeed job per office of the JobPosting, or per country a remote hire may live in.
    offices = [p["address"]["addressLocality"] for p in job.get("jobLocation", [])]
    if offices:
        assert [i.findtext("city") for i in indeed] == offices
        assert all(city in page["Location"] for city in offices)
    else:
        assert [i.findtext("country") for i in indeed] == [c["name"] for c in job["applicantLocationRequirements"]]

    # LinkedIn: apply URL, workplace, salary numbers and period, employment type, as in the JSON-LD.
    assert linkedin.findtext("applyUrl") == page["apply_url"]
    assert linkedin.findtext("workplaceTypes") == page["Workplace"]
    value = job["baseSalary"]["value"]
    salary = linkedin.find("salaries/salary")
    assert (float(salary.findtext("lowEnd/amount")), float(salary.findtext("highEnd/amount"))) == (
        value["minValue"], value["maxValue"])
    assert salary.findtext("lowEnd/currencyCode") == job["baseSalary"]["currency"]
    assert salary.findtext("period") == {"HOUR": "HOURLY", "DAY": "DAILY", "WEEK": "WEEKLY", "MONTH": "MONTHLY",
                                         "YEAR": "YEARLY"}[value["unitText"]]
    types = job["employmentType"] if isinstance(job["employmentType"], list) else [job["employmentType"]]
    assert linkedin.findtext("jobtype") == {"CONTRACTOR": "CONTRACT", "INTERN": "INTERNSHIP"}.get(types[0], types[0])
    if offices:
        assert linkedin.findtext("city") == offices[0]
    else:
        assert linkedin.findtext("country") == job["applicantLocationRequirements"][0]["name"]
