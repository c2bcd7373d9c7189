"""The data-driven home page, read from the built HTML: hero, exactly the open roles, leaders, case studies,
the how-we-hire strip and the editor's own Markdown; options from mkdocs.yml and the page's frontmatter;
careers chrome (no docs sidebar, footer links and legal pages, no theme attribution)."""

from __future__ import annotations

import re

import yaml
from appearance_helpers import careers_options, edit_careers_options
from conftest import OPEN, REPO, copy_project, demo_roles, run_build
from lxml import html as lxml_html

DEMO_OPTIONS = careers_options(yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")))


def home_tree(build):
    return lxml_html.fromstring(build.html(""))


def texts(tree, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def test_home_page_lists_exactly_the_open_roles_with_their_facts(demo_build):
    tree = home_tree(demo_build)
    cards = tree.xpath("//li[contains(@class, 'careers-role-card')]")
    assert sorted(card.get("data-role") for card in cards) == OPEN
    roles = demo_roles()
    for card in cards:
        front = roles[card.get("data-role")]
        assert texts(card, ".//*[contains(@class, 'careers-tile__title')]") == [front["title"]]
        assert texts(card, ".//p[contains(@class, 'careers-tile__eyebrow')]") == [front["department"]]
        facts = dict(zip(texts(card, ".//dt"), texts(card, ".//dd"), strict=True))
        assert set(facts) == {"Location", "Pay", "Apply by"}
        # The same labels as the role page's own facts.
        role_page = lxml_html.fromstring(demo_build.html(f"roles/{card.get('data-role')}/"))
        page_facts = dict(zip(texts(role_page, "//dl[@class='careers-facts']//dt"),
                              texts(role_page, "//dl[@class='careers-facts']//dd"), strict=True))
        assert facts["Pay"] == page_facts["Salary"]
        assert facts["Apply by"] == page_facts["Apply by"]
        assert page_facts["Workplace"] in facts["Location"]
        link = card.xpath(".//a[contains(@class, 'careers-tile__link')]/@href")
        assert link == [f"roles/{card.get('data-role')}/"]


def test_hero_has_headline_promise_and_a_call_to_action_to_the_roles(demo_build):
    tree = home_tree(demo_build)
    front = yaml.safe_load((REPO / "content" / "index.md").read_text(encoding="utf-8").split("---\n")[1])
    assert texts(tree, "//h1") == [front["home"]["headline"]]  # one h1: the editor's own became the hero's
    assert texts(tree, "//p[@class='careers-hero__promise']") == [" ".join(front["home"]["promise"].split())]
    cta = tree.xpath("//a[contains(@class, 'careers-hero__cta')]")[0]
    assert cta.text_content().strip() == "See open roles" and cta.get("href") == "roles/"
    assert texts(tree, "//span[@class='careers-hero__count']") == [f"{len(OPEN)} open roles"]


def test_leaders_case_studies_and_hiring_strip_come_from_the_data(demo_build):
    tree = home_tree(demo_build)
    leaders = tree.xpath("//li[contains(@class, 'careers-leader-card')]")
    people = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
              for p in (REPO / "people").glob("*.md")}
    assert len(leaders) == min(len(people), DEMO_OPTIONS["home"]["max_leaders"])
    for card in leaders:
        name = texts(card, ".//a")[0]
        person = next(p for p in people.values() if p["name"] == name)
        assert texts(card, ".//p[@class='careers-leader-card__title']") == [person["job_title"]]
        assert texts(card, ".//p[@class='careers-leader-card__tenure']")[0].startswith(
            f"Since {person['since']:%B} {person['since'].year} (")
        assert card.xpath(".//img/@src") == [person["image"]]
    studies = tree.xpath("//li[contains(@class, 'careers-study-card')]")
    assert len(studies) == 3
    for card in studies:
        title = texts(card, ".//a")[0]
        study = next(yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
                     for p in (REPO / "case_studies").glob("*.md") if title in p.read_text(encoding="utf-8"))
        metric = study["metrics"][0]
        metric_text = texts(card, ".//p[@class='careers-study-card__metric']")[0]
        assert re.match(rf"{metric['before']:g}\b.*→ to {metric['after']:g}\b", metric_text), metric_text
        assert texts(card, ".//p[@class='careers-study-card__label']")[0].startswith(metric["label"])
    hiring = DEMO_OPTIONS["hiring"]
    strip = texts(tree, "//ol[@class='careers-hiring-strip']/li")
    assert strip[0].startswith(f"{hiring['take_home']['hours']} h A paid take-home of about 3 hours")
    assert strip[1] == "3 Interview panels: " + ", ".join(p["panel"] for p in hiring["interview_loop"])
    assert strip[2].endswith(", ".join(item["criterion"] for item in hiring["scorecard"]))
    assert tree.xpath("//section[contains(@class, 'careers-home-hiring')]//a/@href") == ["how-we-hire/"]


def test_editors_markdown_stays_on_the_home_page(demo_build):
    tree = home_tree(demo_build)
    content = tree.xpath("//div[@class='careers-home-content']")[0]
    assert "What does Northwind Labs build?" in texts(content, ".//h2")
    assert "about 250 people" in content.text_content()


def test_careers_chrome_no_sidebar_footer_with_legal_pages_and_no_attribution(demo_build):
    for path in ("", "roles/", "roles/ai-product-manager/", "people/priya-raman/", "how-we-hire/"):
        tree = lxml_html.fromstring(demo_build.html(path))
        sidebar = tree.xpath("//div[@data-md-type='navigation']")
        assert sidebar and sidebar[0].get("hidden") is not None, path
        footer = tree.xpath("//nav[@class='careers-footer__nav']")[0]
        legal = dict(zip(texts(footer, ".//ul[@class='careers-footer__legal']//a"),
                         footer.xpath(".//ul[@class='careers-footer__legal']//a/@href"), strict=True))
        assert set(legal) == {"Applicant privacy notice", "Equal opportunity", "Accessibility"}
        assert "Material for MkDocs" not in tree.xpath("string(//footer)")
        assert texts(footer, ".//ul[@class='careers-footer__links']//a") == ["Northwind Labs", "LinkedIn", "GitHub"]
    # Role pages keep their table of contents; the card grids (home, indexes) do not need one.
    role = lxml_html.fromstring(demo_build.html("roles/ai-product-manager/"))
    assert role.xpath("//div[@data-md-type='toc']")[0].get("hidden") is None
    assert home_tree(demo_build).xpath("//div[@data-md-type='toc']")[0].get("hidden") is not None
    assert (demo_build.site / "privacy" / "index.html").is_file()


def test_home_page_follows_roles_as_they_close(minimal_project):
    open_build = run_build(minimal_project)
    assert open_build.returncode == 0, open_build.output
    assert home_tree(open_build).xpath("//li[contains(@class, 'careers-role-card')]/@data-role") == ["data-lead"]
    closed = run_build(minimal_project, epoch="1830297600")  # 2028-01-01: data-lead closed on 2027-12-31
    assert closed.returncode == 0, closed.output
    tree = home_tree(closed)
    assert tree.xpath("//li[contains(@class, 'careers-role-card')]") == []
    assert "There are no open roles at Example Co right now" in texts(tree, "//p[@class='careers-home-empty']")[0]
    assert texts(tree, "//span[@class='careers-hero__count']") == ["0 open roles"]


def test_max_roles_featured_layout_and_frontmatter_overrides(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    edit_careers_options(project, home={"max_roles": 2, "role_layout": "featured",
                                        "featured_roles": ["applied-research-lead", "mlops-engineering-lead"],
                                        "sections": ["roles", "leaders"], "max_leaders": 1})
    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("  headline: Lead the teams that keep shelves full",
                                                               "  headline: Come build with us\n  max_roles: 3"),
                     encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.output
    tree = home_tree(result)
    assert texts(tree, "//h1") == ["Come build with us"]
    slugs = tree.xpath("//li[contains(@class, 'careers-role-card')]/@data-role")
    # The featured role first (the closed featured one is left out), then the newest; 3 from the frontmatter.
    newest = [s for s in sorted(OPEN, key=lambda s: demo_roles()[s]["date_posted"], reverse=True)
              if s != "applied-research-lead"]
    assert slugs == ["applied-research-lead", *newest[:2]]
    assert texts(tree, "//p[@class='careers-home-more']/a")[0] == f"See all {len(OPEN)} open roles ({len(OPEN) - 3} more)"
    assert len(tree.xpath("//li[contains(@class, 'careers-leader-card')]")) == 1
    assert tree.xpath("//li[contains(@class, 'careers-study-card')]") == []
    assert tree.xpath("//div[@class='careers-home-content']") == []


def test_unknown_featured_role_is_a_located_error(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    edit_careers_options(project, home={"role_layout": "featured", "featured_roles": ["ai-product-manger"]})
    result = run_build(project)
    assert result.returncode != 0
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "ai-product-manger" in text)
    assert (f"mkdocs.yml:{line}: plugins.careers.home.featured_roles[0]: no role 'ai-product-manger' in roles/ "
            f"(hint: did you mean 'ai-product-manager'?)") in result.output


def test_invalid_home_frontmatter_is_reported(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("home:\n", "home:\n  max_rolls: 3\n", 1),
                     encoding="utf-8")
    result = run_build(project)
    assert result.returncode != 0
    assert "content/index.md:1: home.max_rolls: Extra inputs are not permitted (hint: did you mean 'max_roles'?)" \
        in result.output


def test_home_pages_markdown_copy_has_the_same_cards(demo_build):
    copy = (demo_build.site / "index.md").read_text(encoding="utf-8")
    roles = demo_roles()
    listed = re.findall(r"^- \[([^\]]+)\]\(https://careers\.northwind-labs\.example/roles/([a-z0-9-]+)/\)", copy, re.M)
    assert sorted(slug for _, slug in listed) == OPEN
    assert all(roles[slug]["title"] == title for title, slug in listed)
    assert copy.startswith("# Lead the teams that keep shelves full\n")
    assert "## What does Northwind Labs build?" in copy  # the editor's text follows the cards
