"""Indeed's and LinkedIn's XML job feeds: parsed with lxml and checked against each spec's required elements,
limits and formatting rules; open roles only; each can be switched off."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
import yaml
from conftest import CLOSED, OPEN, demo_roles, one_node, run_build
from lxml import etree
from lxml import html as lxml_html
from mkdocs_careers.outputs.job_board_xml import job_board_description, text_element
from mkdocs_careers.outputs.linkedin_feed import partner_job_id

SITE = "https://careers.northwind-labs.example/"
INDEED_REQUIRED = ("title", "date", "referencenumber", "requisitionid", "url", "company", "description")
LINKEDIN_REQUIRED = ("partnerJobId", "company", "title", "description", "location", "applyUrl")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Job boards want literal characters: the only entities allowed in a description escape a literal < or >.
HTML_ENTITY = re.compile(r"&(?!lt;|gt;)#?[a-z0-9]+;", re.I)


def feed(build, name: str) -> etree._Element:
    root = etree.fromstring((build.site / "roles" / name).read_bytes())
    assert root.tag == "source"
    return root


def test_indeed_feed_lists_every_open_role_with_the_required_elements(demo_build):
    root = feed(demo_build, "indeed.xml")
    jobs = root.findall("job")
    assert {job.findtext("requisitionid") for job in jobs} == set(OPEN)
    for job in jobs:
        for tag in INDEED_REQUIRED:
            assert (job.findtext(tag) or "").strip(), f"{job.findtext('referencenumber')}: no <{tag}>"
        assert ISO_DATE.match(job.findtext("date"))
        assert job.findtext("url") == f"{SITE}roles/{job.findtext('requisitionid')}/"
        assert job.findtext("country") and (job.findtext("city") or demo_roles()[job.findtext("requisitionid")][
            "workplace"] == "remote")
        assert not HTML_ENTITY.search(job.findtext("description"))
        assert re.search(r"<(dl|h2|ul|p)\b", job.findtext("description"))  # real HTML in CDATA, not entities
    references = [job.findtext("referencenumber") for job in jobs]
    assert len(references) == len(set(references))  # one per job and location
    london_berlin = [job for job in jobs if job.findtext("requisitionid") == "ml-engineering-manager"]
    assert [j.findtext("city") for j in london_berlin] == ["London", "Berlin"]
    assert [j.findtext("referencenumber") for j in london_berlin] == [
        "ml-engineering-manager-london-gb", "ml-engineering-manager-berlin-de"]
    single = next(job for job in jobs if job.findtext("requisitionid") != "ml-engineering-manager" and job.findtext(
        "city"))  # one place: its number names the place too, so a second place changes nothing
    assert single.findtext("referencenumber") == "-".join(
        [single.findtext("requisitionid"), single.findtext("city").lower().replace(" ", "-"),
         single.findtext("country").lower()])


def test_indeed_feed_wraps_every_value_in_cdata(demo_build):
    text = (demo_build.site / "roles" / "indeed.xml").read_text(encoding="utf-8")
    sections = re.findall(r"<!\[CDATA\[.*?\]\]>", text, re.S)
    assert len(sections) >= len(OPEN) * len(INDEED_REQUIRED)
    without_cdata = re.sub(r"<!\[CDATA\[.*?\]\]>", "CDATA", text, flags=re.S)
    assert set(re.findall(r"<(\w+)>([^<]*)</\1>", without_cdata)) <= {(tag, "CDATA") for tag, _ in re.findall(
        r"<(\w+)>(CDATA)</\1>", without_cdata)}  # no leaf holds bare text


def test_feed_description_is_the_pages_job_posting_description_with_absolute_links(minimal_project):
    """One source: the feeds carry the posting HTML the role page rendered (its JobPosting description), not
    a second rendering of the role; only its relative links become absolute."""
    role = minimal_project / "roles" / "data-lead.md"
    role.write_text(role.read_text(encoding="utf-8") + "\nYou report to [Jo](../people/jo-smith.md) and read "
                    "[the case study](../../case-studies/warehouse-migration/#results).\n", encoding="utf-8")
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0, result.output
    posting = one_node(result.graph("roles/data-lead/"), "JobPosting")
    page_html = lxml_html.fragment_fromstring(posting["description"], create_parent="div")
    minimal_site = "https://careers.example.com/"
    page_links = [urljoin(f"{minimal_site}roles/data-lead/", href) for *_, href, _ in page_html.iterlinks()]
    assert page_links == [f"{minimal_site}people/jo-smith/", f"{minimal_site}case-studies/warehouse-migration/#results"]
    for name in ("indeed.xml", "linkedin.xml"):
        job = etree.fromstring((result.site / "roles" / name).read_bytes()).find("job")
        feed_html = lxml_html.fragment_fromstring(job.findtext("description"), create_parent="div")
        # Neither board supports links: each link's text stays, followed by its absolute address.
        assert list(feed_html.iterlinks()) == [], name
        text = " ".join(feed_html.text_content().split())
        assert "You report to Jo (https://careers.example.com/people/jo-smith/)" in text, name
        assert "the case study (https://careers.example.com/case-studies/warehouse-migration/#results)" in text, name
        assert text.replace(" (https://careers.example.com/people/jo-smith/)", "").replace(
            " (https://careers.example.com/case-studies/warehouse-migration/#results)", "") == " ".join(
            page_html.text_content().split()), name


def test_every_link_attribute_becomes_absolute_as_lxml_would_make_it():
    """The feed's link rewriting against lxml's own `rewrite_links`, on every kind of link a posting holds."""
    posting = ('<h2 id="x">Pay <a class="headerlink" href="#x">¶</a></h2><p>See <a href=" ../team/ ">the team'
               '</a>, <a href="https://other.example/a?b=1&amp;c=2">a partner</a> and <a href="mailto:jobs@x.example">'
               'mail</a>.</p><blockquote cite="notes/"><p><img src="../../assets/chart.png" alt="Chart"></p>'
               '</blockquote><!-- a comment --><p>Q&amp;A</p>')
    page_url = "https://careers.example/roles/data-lead/"
    expected = lxml_html.fragment_fromstring(posting, create_parent="div")
    expected.rewrite_links(lambda href: urljoin(page_url, href))
    got = lxml_html.fragment_fromstring(job_board_description(posting, page_url), create_parent="div")
    assert [link[1:] for link in got.iterlinks()] == [link[1:] for link in expected.iterlinks()]
    assert [link[2] for link in got.iterlinks()] == [
        "https://careers.example/roles/data-lead/#x", "https://careers.example/roles/team/",
        "https://other.example/a?b=1&c=2", "mailto:jobs@x.example", "https://careers.example/roles/data-lead/notes/",
        "https://careers.example/assets/chart.png"]
    assert "Q&A" in job_board_description(posting, page_url)  # characters literal, as the boards show them


@pytest.mark.parametrize("slug", CLOSED)
def test_closed_roles_are_in_neither_feed(demo_build, slug):
    for name in ("indeed.xml", "linkedin.xml"):
        assert f"roles/{slug}/" not in (demo_build.site / "roles" / name).read_text(encoding="utf-8")


def test_linkedin_feed_meets_the_limits_of_the_spec(demo_build):
    root = feed(demo_build, "linkedin.xml")
    jobs = root.findall("job")
    assert int(root.findtext("expectedJobCount")) == len(jobs) == len(OPEN)
    assert root.findtext("publisherURL") == SITE and root.findtext("lastBuildDate").endswith("GMT")
    assert {job.findtext("partnerJobId") for job in jobs} == set(OPEN)
    for job in jobs:
        for tag in LINKEDIN_REQUIRED:
            assert (job.findtext(tag) or "").strip(), f"{job.findtext('partnerJobId')}: no <{tag}>"
        assert len(job.findtext("partnerJobId")) <= 40
        assert len(job.findtext("description")) >= 100
        assert job.findtext("applyUrl").startswith("https://")
        assert job.findtext("workplaceTypes") in {"On-site", "Hybrid", "Remote"}
        assert job.findtext("jobtype") in {"FULL_TIME", "PART_TIME", "CONTRACT", "TEMPORARY", "INTERNSHIP",
                                           "VOLUNTEER", "OTHER"}
        assert not HTML_ENTITY.search(job.findtext("description"))
        salary = job.find("salaries/salary")
        if salary is not None:
            assert float(salary.findtext("lowEnd/amount")) <= float(salary.findtext("highEnd/amount"))
            assert salary.findtext("type") == "BASE_SALARY"


def test_partner_job_id_is_at_most_40_characters_stable_and_unique():
    short = "data-lead"
    long_a = "senior-staff-machine-learning-platform-engineer-berlin"
    long_b = "senior-staff-machine-learning-platform-engineer-munich"
    assert partner_job_id(short) == short
    assert len(partner_job_id(long_a)) <= 40 and partner_job_id(long_a) == partner_job_id(long_a)
    assert partner_job_id(long_a) != partner_job_id(long_b)


def add_options(project, text: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_each_output_can_be_switched_off(minimal_project):
    add_options(minimal_project, "      indeed_feed: {enabled: false}\n      linkedin_feed: {enabled: false}\n"
                                 "      manifest: {enabled: false}\n")
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    for path in ("roles/indeed.xml", "roles/linkedin.xml", "careers-manifest.json"):
        assert not (result.site / path).exists(), path
    assert (result.site / "roles" / "feed.json").exists()


def test_indexnow_key_file_is_published_only_when_a_key_is_configured(minimal_project, monkeypatch):
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    assert {p.name for p in result.site.glob("*.txt")} == {"robots.txt", "llms.txt", "llms-full.txt"}
    monkeypatch.setenv("INDEXNOW_KEY", "key-from-the-environment")
    result = run_build(minimal_project)
    assert (result.site / "key-from-the-environment.txt").read_text() == "key-from-the-environment\n"
    add_options(minimal_project, "      indexnow: {key: key-in-mkdocs-yml}\n")
    result = run_build(minimal_project)
    assert (result.site / "key-in-mkdocs-yml.txt").read_text() == "key-in-mkdocs-yml\n"


def test_invalid_indexnow_key_is_a_clear_config_error(minimal_project):
    add_options(minimal_project, "      indexnow: {key: 'too short'}\n")
    result = run_build(minimal_project)
    assert result.returncode != 0 and "indexnow.key" in result.output and "Traceback" not in result.output


def test_special_characters_survive_both_feeds(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    summary = "Lead R&D data work: <b>not markup</b>, \"quoted\" and ]]> kept."
    text = role.read_text(encoding="utf-8").replace(
        "summary: Lead the data team that turns raw events into decisions.", f"summary: '{summary}'")
    role.write_text(text, encoding="utf-8")
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0, result.output
    for name in ("indeed.xml", "linkedin.xml"):
        job = etree.fromstring((result.site / "roles" / name).read_bytes()).find("job")
        description = job.findtext("description")
        assert "R&D data work" in description and '"quoted"' in description and "]]&gt; kept" in description
        assert "&lt;b&gt;not markup&lt;/b&gt;" in description and "<b>" not in description
        assert not HTML_ENTITY.search(description)
    indeed_raw = (result.site / "roles" / "indeed.xml").read_text(encoding="utf-8")
    assert "R&D data work" in indeed_raw  # inside CDATA, literally: no entity


def test_a_malformed_image_link_leaves_both_feeds_valid_xml(minimal_project):
    """Python-Markdown leaves its \\x02…\\x03 placeholders in the src of this malformed image (found by fuzzing):
    XML cannot carry them, so the feeds drop them instead of the build stopping with a traceback."""
    role = minimal_project / "roles" / "data-lead.md"
    role.write_text(role.read_text(encoding="utf-8") + '\n![x](x" onerror="alert(1))[click-l](javascript:alert(1))\n'
                    "\nAfter the image.\n", encoding="utf-8")
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    for name in ("indeed.xml", "linkedin.xml"):
        description = etree.fromstring((result.site / "roles" / name).read_bytes()).find("job").findtext(
            "description")
        assert "After the image." in description, name
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", description), name
        assert lxml_html.fragment_fromstring(description, create_parent="div").find(".//img") is None, name
        assert "onerror" not in description, name


def test_a_value_holding_the_cdata_terminator_is_escaped_text_instead():
    root = etree.Element("job")
    text_element(root, "title", "Lead ]]> & <Ops>")
    text_element(root, "company", "Example & Co")
    xml = etree.tostring(root, encoding="unicode")
    assert "<company><![CDATA[Example & Co]]></company>" in xml
    assert etree.fromstring(xml).findtext("title") == "Lead ]]> & <Ops>"


def test_expired_role_leaves_both_feeds(minimal_project):
    result = run_build(minimal_project, epoch="1830297600")  # 2028-01-01: data-lead expired on 2027-12-31
    assert result.returncode == 0, result.output
    assert feed(result, "indeed.xml").findall("job") == []
    linkedin = feed(result, "linkedin.xml")
    assert linkedin.findall("job") == [] and linkedin.findtext("expectedJobCount") == "0"


def test_an_editors_own_feed_file_in_docs_dir_is_refused_unless_the_generated_one_is_off(minimal_project):
    """A docs_dir file never replaces a generated feed (a pull request could publish fake jobs to Indeed): it is a
    located error. A site that publishes a hand-made feed switches the generated one off and allows the file by
    name; the other feed is generated as usual."""
    own = '<?xml version="1.0" encoding="utf-8"?>\n<source><job><title>Hand-made</title></job></source>\n'
    (minimal_project / "content" / "roles").mkdir(parents=True)
    (minimal_project / "content" / "roles" / "indeed.xml").write_text(own, encoding="utf-8")
    refused = run_build(minimal_project, strict=False)
    assert refused.returncode != 0 and "Traceback" not in refused.output
    assert "content/roles/indeed.xml:1: would replace a job-board feed (roles/indeed.xml)" in refused.output
    config = yaml.safe_load((minimal_project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["careers"].update(indeed_feed={"enabled": False}, allow_active_files=["roles/indeed.xml"])
    (minimal_project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0, result.output
    assert (result.site / "roles" / "indeed.xml").read_text(encoding="utf-8") == own
    linkedin = etree.fromstring((result.site / "roles" / "linkedin.xml").read_bytes())
    assert linkedin.find("job/partnerJobId").text == "data-lead"  # the other feed is generated as usual


# --- what the boards accept ------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, allowed", [
    ("indeed.xml", {"p", "br", "b", "strong", "em", "ul", "li", "h1", "h2", "h3", "h4", "h5", "h6"}),
    ("linkedin.xml", {"p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li"}),
])
def test_descriptions_use_only_the_tags_each_board_supports(demo_build, name, allowed):
    for job in feed(demo_build, name).findall("job"):
        html = lxml_html.fragment_fromstring(job.findtext("description"), create_parent="div")
        tags = {element.tag for element in html.iter() if element is not html}
        assert tags <= allowed, (job.findtext("title"), tags - allowed)
        assert all(not element.attrib for element in html.iter() if element is not html)
        assert len(html.text_content()) >= 100  # the posting is still all there


def test_indeed_reference_numbers_do_not_change_when_a_place_is_added_or_removed(minimal_project):
    def references():
        result = run_build(minimal_project)
        assert result.returncode == 0, result.output
        return {job.findtext("city"): job.findtext("referencenumber") for job in feed(result, "indeed.xml")}

    role = minimal_project / "roles" / "data-lead.md"
    one = references()
    chicago = "  - city: Chicago\n    region: IL\n    country: US\n"
    role.write_text(role.read_text(encoding="utf-8").replace(chicago, chicago + "  - city: Denver\n    region: CO\n"
                                                             "    country: US\n"), encoding="utf-8")
    two = references()
    role.write_text(role.read_text(encoding="utf-8").replace(chicago, ""), encoding="utf-8")
    denver_only = references()
    assert one == {"Chicago": "data-lead-chicago-us"}
    assert two == {"Chicago": "data-lead-chicago-us", "Denver": "data-lead-denver-us"}
    assert denver_only == {"Denver": "data-lead-denver-us"}


def test_each_indeed_job_carries_the_pay_range_of_its_own_office(minimal_project):
    from cli_helpers import edit
    role = minimal_project / "roles" / "data-lead.md"
    edit(role, locations=[{"city": "Chicago", "region": "IL", "country": "US"},
                          {"city": "New York City", "region": "NY", "country": "US"}],
         salary={"currency": "USD", "min": 150000, "max": 210000, "unit": "year"},
         pay_ranges=[{"label": "Chicago", "city": "Chicago", "currency": "USD", "min": 150000, "max": 180000,
                      "unit": "year"},
                     {"label": "New York City", "city": "New York City", "currency": "USD", "min": 170000,
                      "max": 210000, "unit": "year"}])
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    salaries = {job.findtext("city"): job.findtext("salary") for job in feed(result, "indeed.xml")}
    assert "150,000" in salaries["Chicago"] and "180,000" in salaries["Chicago"] and "210,000" not in salaries["Chicago"]
    assert "170,000" in salaries["New York City"] and "210,000" in salaries["New York City"]
    linkedin = feed(result, "linkedin.xml").find("job/salaries/salary")  # one job per role: the envelope
    assert (linkedin.findtext("lowEnd/amount"), linkedin.findtext("highEnd/amount")) == ("150000", "210000")


def test_linkedin_poster_email_and_company_id_from_mkdocs_yml(minimal_project):
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output  # defaults only: a note, not a warning that stops --strict
    assert "LinkedIn rejects jobs without linkedin_feed.company_id" in result.output
    job = feed(result, "linkedin.xml").find("job")
    assert job.find("posterEmail") is None and job.find("companyId") is None
    add_options(minimal_project, "      linkedin_feed:\n        poster_email: jobs@example.com\n")
    result = run_build(minimal_project)
    assert result.returncode != 0 and "WARNING" in result.output and "linkedin_feed.company_id" in result.output
    add_options(minimal_project, "        company_id: '1035'\n")
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    job = feed(result, "linkedin.xml").find("job")
    assert (job.findtext("posterEmail"), job.findtext("companyId")) == ("jobs@example.com", "1035")
