"""What a candidate reads on a role page and the roles index, server-rendered: how we hire (site-wide defaults,
per-role overrides), offer and growth, the copyable brief, and roles-index filter data that agrees with the rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import OPEN, REPO, BuildResult, demo_roles, failed_build, line_of, one_node, replace_in, run_build
from lxml import html as lxml_html
from mkdocs_careers.pages.role_filters import FILTER_PARAMS


def demo_hiring_defaults() -> dict:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    careers = next(p["careers"] for p in config["plugins"] if isinstance(p, dict) and "careers" in p)
    return careers["hiring"]


def page_tree(build: BuildResult, url_path: str):
    tree = lxml_html.fromstring(build.html(url_path))
    for permalink in tree.xpath("//a[@class='headerlink']"):
        permalink.drop_tree()
    return tree


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def squash(text: str) -> str:
    return " ".join(text.split())


def add_before_apply(role: Path, block: str) -> None:
    replace_in(role, "\napply:\n", "\n" + block.strip("\n") + "\napply:\n")


# --- How we hire ----------------------------------------------------------------------------------------------------
def test_role_without_overrides_shows_the_site_wide_hiring_process(demo_build):
    slug = "ml-engineering-manager"
    assert "hiring_process" not in demo_roles()[slug]
    defaults = demo_hiring_defaults()
    tree = page_tree(demo_build, f"roles/{slug}/")
    assert texts(tree, "//h2[@id='how-we-hire']") == [
        "Interview process for the ML Engineering Manager role: take-home, interviews and scorecard"]
    section = tree.xpath("//section[@class='careers-hiring']")[0]
    assert squash(defaults["take_home"]["summary"]) in squash(section.text_content())
    assert "about 3 hours" in texts(section, ".//h3[@id='take-home']")[0]
    assert texts(section, ".//ol[@class='careers-loop']/li/strong") == [p["panel"] for p in defaults["interview_loop"]]
    assert texts(section, ".//ol[@class='careers-scorecard']/li/strong") == [
        item["criterion"] for item in defaults["scorecard"]]
    assert squash(defaults["equity"]) in texts(tree, "//p[@class='careers-equity']")


def test_role_overrides_replace_only_the_parts_it_sets(demo_build):
    slug = "ai-product-manager"
    own = demo_roles()[slug]["hiring_process"]
    assert "scorecard" not in own
    section = page_tree(demo_build, f"roles/{slug}/").xpath("//section[@class='careers-hiring']")[0]
    text = squash(section.text_content())
    assert squash(own["take_home"]["summary"]) in text
    assert squash(demo_hiring_defaults()["take_home"]["summary"]) not in text
    assert texts(section, ".//ol[@class='careers-loop']/li") == [
        f"{p['panel']}: {p['who']}Focus: {p['focus']}" for p in own["interview_loop"]]
    assert len(texts(section, ".//ol[@class='careers-scorecard']/li")) == 5  # from the defaults


def test_contract_role_states_its_own_equity(demo_build):
    slug = "analytics-experimentation-lead"
    tree = page_tree(demo_build, f"roles/{slug}/")
    assert texts(tree, "//p[@class='careers-equity']") == [squash(demo_roles()[slug]["equity"])]


@pytest.mark.parametrize("slug", [s for s in OPEN if "career_ladder" in demo_roles()[s]])
def test_career_ladder_marks_the_step_this_role_sits_on(demo_build, slug):
    steps = demo_roles()[slug]["career_ladder"]
    tree = page_tree(demo_build, f"roles/{slug}/")
    items = tree.xpath("//ol[@class='careers-ladder']/li")
    assert [squash(i.xpath("./strong")[0].text_content()) for i in items] == [s["title"] for s in steps]
    current = [i for i in items if i.get("aria-current") == "step"]
    assert len(current) == 1 and "(this role)" in current[0].text_content()
    assert squash(current[0].xpath("./strong")[0].text_content()) == next(s["title"] for s in steps if s.get("current"))


def test_offer_and_growth_is_part_of_the_job_posting_description(demo_build):
    slug = "ml-engineering-manager"
    job = one_node(demo_build.graph(f"roles/{slug}/"), "JobPosting")
    description = lxml_html.fragment_fromstring(job["description"], create_parent="div")
    assert description.xpath(".//ol[@class='careers-ladder']")
    assert description.xpath(".//p[@class='careers-equity']")
    # The brief and the hiring process are shown next to the posting, not repeated inside it.
    assert not description.xpath(".//pre") and not description.xpath(".//*[@id='how-we-hire']")


def test_role_without_any_hiring_data_has_no_empty_section(minimal_project):
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    tree = page_tree(result, "roles/data-lead/")
    assert not tree.xpath("//*[@id='how-we-hire']") and not tree.xpath("//*[@id='career-ladder']")
    assert tree.xpath("//pre[@id='hiring-brief-text']")  # the brief needs no extra data


# --- The copyable brief ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", OPEN)
def test_hiring_brief_is_server_rendered_plain_text(demo_build, slug):
    front = demo_roles()[slug]
    brief = lxml_html.fromstring(demo_build.html(f"roles/{slug}/")).get_element_by_id("hiring-brief-text")
    assert brief.tag == "pre" and len(brief) == 0  # text only, no markup inside
    text = brief.text_content()
    assert text.startswith(f"Role: {front['title']} at Northwind Labs\n")
    assert f"Role page: https://careers.northwind-labs.example/roles/{slug}/" in text
    sections = ["Outcomes in the first 90 days:", "Must-haves:"] + (["Nice-to-haves:"] if front.get("nice_to_haves")
                                                                    else [])
    positions = [text.index(s) for s in sections]
    assert positions == sorted(positions)
    for item in front["outcomes"]["day_90"] + front["must_haves"] + front.get("nice_to_haves", []):
        assert f"\n- {squash(item)}" in text
    assert not any(item in text for item in front["outcomes"]["day_180"])  # the brief is the 90-day view


# --- Roles-index filters agree with what the rows show -------------------------------------------------------------
def test_filter_data_on_each_row_matches_the_row_and_the_frontmatter(demo_build):
    tree = page_tree(demo_build, "roles/")
    rows = tree.xpath("//li[contains(@class,'careers-role-item')]")
    by_title = {demo_roles()[s]["title"]: demo_roles()[s] for s in OPEN}
    assert len(rows) == len(by_title)
    for row in rows:
        front = by_title[squash(row.xpath(".//h3/a")[0].text_content())]
        facts = dict(zip(texts(row, ".//dt"), texts(row, ".//dd"), strict=True))
        countries = row.get("data-country").split()
        expected = [loc["country"] for loc in front.get("locations", [])] + front.get("remote_countries", [])
        assert sorted(set(countries)) == sorted(set(expected))
        workplace = {"onsite": "On-site", "hybrid": "Hybrid", "remote": "Remote"}[row.get("data-workplace")]
        assert row.get("data-workplace") == front["workplace"] and facts["Workplace"] == workplace
        types = front["employment_type"] if isinstance(front["employment_type"], list) else [front["employment_type"]]
        assert row.get("data-type").split() == types
        assert row.get("data-department") == front["department"]
        section = row.xpath("ancestor::section")[0]
        assert texts(section, "./h2")[0] == f"{front['department']} jobs at Northwind Labs"
    for row in rows:  # the visible location names every country the row can be found under
        location = dict(zip(texts(row, ".//dt"), texts(row, ".//dd"), strict=True))["Location"]
        names = {"US": "United States", "CA": "Canada", "GB": "United Kingdom", "DE": "Germany", "NL": "Netherlands",
                 "PL": "Poland", "PT": "Portugal", "ES": "Spain"}
        for code in row.get("data-country").split():
            assert names[code] in location, (code, location)


def test_filter_options_are_exactly_the_values_the_rows_have(demo_build):
    tree = page_tree(demo_build, "roles/")
    rows = tree.xpath("//li[contains(@class,'careers-role-item')]")
    for param in ["department", "country", "workplace", "type"]:
        options = tree.xpath(f"//select[@name='{param}']/option/@value")
        assert options[0] == ""  # "any"
        row_values = {v for row in rows for v in (row.get(f"data-{param}").split() if param != "department"
                                                  else [row.get("data-department")])}
        assert set(options[1:]) == row_values, param
    # In the layout from the first paint (careers.css keeps it invisible until careers.js is ready): no layout shift.
    assert tree.xpath("//form[@data-careers-filters]/@hidden") == []


def test_filter_form_and_script_use_the_same_query_parameters(demo_build):
    tree = page_tree(demo_build, "roles/")
    names = tree.xpath("//form[@data-careers-filters]//*[self::input or self::select]/@name")
    assert sorted(names) == sorted(FILTER_PARAMS)
    script = (demo_build.site / "assets" / "careers" / "careers.js").read_text(encoding="utf-8")
    declared = re.search(r"var PARAMS = \[([^\]]*)\]", script).group(1)
    assert re.findall(r'"([a-z]+)"', declared) == list(FILTER_PARAMS)
    assert "q" not in FILTER_PARAMS  # Material's search opens its overlay for ?q=


# --- Validation of the new fields: file, line, field and a hint; every problem at once; no traceback -------------
def test_hiring_fields_report_every_problem_with_file_line_and_field(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    add_before_apply(role, """
hiring_process:
  take_home:
    summary: Review a dashboard
    hours: 6
    assessed: [Judgment]
  interview_loop:
    - {panel: Hiring manager, who: Jo Smith, focus: Outcomes}
    - {panel: Technical peer, who: An engineer, focus: Code}
  scorecard:
    - {criterion: Ownership}
career_ladder:
  - title: Data Lead
  - title: Head of Data
""")
    result = failed_build(minimal_project)
    out = result.output
    assert f"roles/data-lead.md:{line_of(role, 'hours: 6')}: hiring_process.take_home.hours: a take-home must " \
           "take 2 to 4 hours, not 6" in out
    assert f"roles/data-lead.md:{line_of(role, 'interview_loop:')}: hiring_process.interview_loop: the interview " \
           "loop has exactly 3 items, found 2" in out
    assert f"roles/data-lead.md:{line_of(role, 'scorecard:')}: hiring_process.scorecard: the scorecard has " \
           "exactly 5 items, found 1" in out
    assert f"roles/data-lead.md:{line_of(role, 'career_ladder:')}: career_ladder: mark exactly one step with " \
           "'current: true'" in out


def test_typo_in_hiring_field_suggests_the_right_name(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    add_before_apply(role, """
hiring_process:
  take_hom:
    summary: Review a dashboard
""")
    out = failed_build(minimal_project).output
    assert f"roles/data-lead.md:{line_of(role, 'take_hom:')}: hiring_process.take_hom: unknown field" in out
    assert "did you mean 'take_home'?" in out


def test_invalid_hiring_option_in_mkdocs_yml_is_a_clear_error(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + """      hiring:
        take_home:
          summary: A memo
          hours: 8
          assessed: [Judgment]
        scorecard:
          - criterion: Ownership
        equty: Options for everyone
""", encoding="utf-8")
    out = failed_build(minimal_project).output
    assert "Plugin 'careers' option 'hiring':" in out
    assert "careers.hiring.take_home.hours: a take-home must take 2 to 4 hours, not 8" in out
    assert "careers.hiring.scorecard: the scorecard has exactly 5 items, found 1" in out
    assert "careers.hiring.equty: unknown option (hint: did you mean 'equity'?)" in out


def test_site_wide_defaults_apply_to_a_role_without_its_own(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + """      hiring:
        take_home:
          summary: A memo about a broken dashboard
          hours: 2.5
          assessed: [Judgment]
        equity: Options vest over 4 years.
""", encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    tree = page_tree(result, "roles/data-lead/")
    assert texts(tree, "//h3[@id='take-home']") == ["The Data Lead take-home exercise: about 2.5 hours"]
    assert texts(tree, "//p[@class='careers-equity']") == ["Options vest over 4 years."]
    assert not tree.xpath("//ol[@class='careers-loop']")  # no loop configured: none shown, none invented


def test_markup_in_hiring_fields_is_escaped(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    add_before_apply(role, """
hiring_process:
  take_home:
    summary: "</pre><script>alert(1)</script>"
    hours: 3
    assessed: ["<img src=x onerror=alert(2)>"]
career_ladder:
  - title: "</pre><b>Lead</b>"
    current: true
equity: "<script>alert(3)</script>"
""")
    replace_in(role, "  - 5 years leading data teams", '  - "</pre><script>alert(4)</script>"')
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    page = result.html("roles/data-lead/")
    for payload in ["<script>alert(", "<img src=x", "<b>Lead</b>"]:
        assert payload not in page
    brief = lxml_html.fromstring(page).get_element_by_id("hiring-brief-text")
    assert "- </pre><script>alert(4)</script>" in brief.text_content()
