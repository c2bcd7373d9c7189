"""llms.txt, Markdown copies, robots.txt, sitemap, job feeds and social meta, each parsed by a real parser."""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import llms_txt
import pytest
from conftest import CLOSED, OPEN, REPO, demo_roles, run_build
from lxml import etree
from lxml import html as lxml_html
from protego import Protego

SITE = "https://careers.northwind-labs.example/"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def local_path(build, url: str) -> Path:
    assert url.startswith(SITE), url
    path = urlsplit(url).path.lstrip("/")
    target = build.site / path
    return target / "index.html" if url.endswith("/") else target


# --- llms.txt and Markdown copies ---------------------------------------------------------------------
def test_llms_txt_round_trips_through_the_llms_txt_parser(demo_build):
    parsed = llms_txt.parse_llms_file((demo_build.site / "llms.txt").read_text(encoding="utf-8"))
    assert parsed["title"] == "Northwind Labs Careers"
    assert parsed["summary"].startswith("Northwind Labs builds forecasting")
    assert list(parsed["sections"]) == ["Open roles", "Leadership", "Case studies", "Optional"]
    roles = parsed["sections"]["Open roles"]
    assert sorted(r["url"] for r in roles) == sorted(f"{SITE}roles/{slug}/index.md" for slug in OPEN)
    for link in roles:
        front = demo_roles()[link["url"].split("/")[-2]]
        assert link["title"] == front["title"]
        assert "per year" in link["desc"] or "per hour" in link["desc"]
    assert len(parsed["sections"]["Leadership"]) == len(list((REPO / "people").glob("*.md")))
    assert len(parsed["sections"]["Case studies"]) == len(list((REPO / "case_studies").glob("*.md")))
    for section in parsed["sections"].values():
        for link in section:
            assert local_path(demo_build, link["url"]).is_file(), link["url"]


def test_closed_roles_are_absent_from_llms_txt_and_llms_full(demo_build):
    llms = (demo_build.site / "llms.txt").read_text(encoding="utf-8")
    full = (demo_build.site / "llms-full.txt").read_text(encoding="utf-8")
    for slug in CLOSED:
        assert f"roles/{slug}/" not in llms
        assert demo_roles()[slug]["title"] not in full
    for slug in OPEN:
        assert f"# {demo_roles()[slug]['title']}\n" in full


@pytest.mark.parametrize("folder,url_prefix", [("roles", "roles"), ("people", "people"),
                                                ("case_studies", "case-studies")])
def test_every_page_has_a_clean_markdown_copy(demo_build, folder, url_prefix):
    for path in (REPO / folder).glob("*.md"):
        copy = (demo_build.site / url_prefix / path.stem / "index.md").read_text(encoding="utf-8")
        assert copy.startswith("# ")
        assert "<" not in copy.split("\n")[0]
        assert "{{" not in copy and "<div" not in copy
        assert f"{SITE}{url_prefix}/{path.stem}/" in copy


def test_markdown_copy_of_closed_role_says_it_is_closed(demo_build):
    for slug in CLOSED:
        copy = (demo_build.site / "roles" / slug / "index.md").read_text(encoding="utf-8")
        assert "**This role is closed.**" in copy
        assert "**Apply:**" not in copy


# --- robots.txt ---------------------------------------------------------------------------------------
SEARCH_AGENTS = ["Googlebot", "Bingbot", "OAI-SearchBot", "ChatGPT-User", "Claude-SearchBot", "Claude-User",
                 "PerplexityBot", "Perplexity-User", "Applebot"]
TRAINING_AGENTS = ["GPTBot", "ClaudeBot", "Google-Extended", "Applebot-Extended", "CCBot", "meta-externalagent",
                   "Bytespider", "Amazonbot"]


def test_robots_txt_allows_search_and_denies_training_by_default(demo_build):
    text = (demo_build.site / "robots.txt").read_text(encoding="utf-8")
    robots = Protego.parse(text)
    role_url = f"{SITE}roles/{OPEN[0]}/"
    for agent in SEARCH_AGENTS:
        assert robots.can_fetch(role_url, agent), agent
    for agent in TRAINING_AGENTS:
        assert not robots.can_fetch(role_url, agent), agent
    assert robots.can_fetch(role_url, "SomeOtherBot")
    assert list(robots.sitemaps) == [f"{SITE}sitemap.xml"]
    # Content-Signal is opt-in: validators (Lighthouse's robots-txt audit) reject it as an unknown directive.
    assert "Content-Signal" not in text


def test_robots_policy_is_configurable(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + (
        "      robots:\n"
        "        allow_training: {GPTBot: true, CCBot: false}\n"
        "        content_signal: search=yes, ai-input=yes, ai-train=no\n"
        "        disallow: [/drafts/]\n"), encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    text = (result.site / "robots.txt").read_text(encoding="utf-8")
    robots = Protego.parse(text)
    assert robots.can_fetch("https://careers.example.com/roles/", "GPTBot")
    assert not robots.can_fetch("https://careers.example.com/roles/", "CCBot")
    assert not robots.can_fetch("https://careers.example.com/drafts/x/", "Googlebot")
    everyone_else = text.split("User-agent: *\n", 1)[1]
    assert everyone_else.startswith("Content-Signal: search=yes, ai-input=yes, ai-train=no\n")


def test_invalid_output_option_is_a_clear_config_error(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      robots:\n        alow_training: {}\n",
                      encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode != 0
    assert "robots.alow_training" in result.output and "Traceback" not in result.output


# --- sitemap ------------------------------------------------------------------------------------------
def test_sitemap_has_content_lastmod_and_no_closed_roles(demo_build):
    raw = (demo_build.site / "sitemap.xml").read_bytes()
    assert gzip.decompress((demo_build.site / "sitemap.xml.gz").read_bytes()) == raw
    root = etree.fromstring(raw)
    entries = {u.findtext("s:loc", namespaces=SITEMAP_NS): u.findtext("s:lastmod", namespaces=SITEMAP_NS)
               for u in root.findall("s:url", SITEMAP_NS)}
    for slug in OPEN:
        front = demo_roles()[slug]
        assert entries[f"{SITE}roles/{slug}/"] == str(front.get("updated") or front["date_posted"])
    for slug in CLOSED:
        assert f"{SITE}roles/{slug}/" not in entries
    assert f"{SITE}people/amara-okafor/" in entries and f"{SITE}how-we-hire/" in entries
    build_day = "2026-11-25"
    assert build_day not in entries.values(), "lastmod must be a content date, not the build date"
    for url in entries:
        assert local_path(demo_build, url).is_file(), url


# --- job feeds ----------------------------------------------------------------------------------------
def test_json_feed_is_valid_and_lists_open_roles_newest_first(demo_build):
    feed = json.loads((demo_build.site / "roles" / "feed.json").read_text(encoding="utf-8"))
    schema = json.loads((Path(__file__).parent / "data" / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(feed, schema, format_checker=jsonschema.FormatChecker())
    urls = [item["url"] for item in feed["items"]]
    assert sorted(urls) == sorted(f"{SITE}roles/{slug}/" for slug in OPEN)
    published = [dt.datetime.fromisoformat(item["date_published"]) for item in feed["items"]]
    assert published == sorted(published, reverse=True)
    for item in feed["items"]:
        job = item["_job"]
        front = demo_roles()[item["url"].split("/")[-2]]
        assert job["apply_url"] == front["apply"]["url"]
        assert job["workplace"] == front["workplace"]
        assert job["salary"]["min"] == front["salary"]["min"] and job["salary"]["unit"] == front["salary"]["unit"].upper()
        assert job["valid_through"] == f"{front['valid_through']}T23:59:59"
        assert set(job) >= {"location", "countries", "employment_type", "date_posted"}


def test_rss_feed_parses_and_matches_the_json_feed(demo_build):
    channel = etree.fromstring((demo_build.site / "roles" / "feed.xml").read_bytes()).find("channel")
    assert channel.findtext("link") == f"{SITE}roles/"
    items = channel.findall("item")
    feed = json.loads((demo_build.site / "roles" / "feed.json").read_text(encoding="utf-8"))
    assert [i.findtext("link") for i in items] == [item["url"] for item in feed["items"]]
    assert [i.findtext("title") for i in items] == [item["title"] for item in feed["items"]]
    dates = [email.utils.parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")).date() == dt.date(2026, 11, 25)


def test_roles_index_links_both_feeds_in_head(demo_build):
    head = lxml_html.fromstring(demo_build.html("roles/")).head
    # rel is a token set: the links say `rel="alternate "` (see outputs/head_links.py), still the alternate type.
    links = head.xpath("link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]")
    types = {link.get("type"): link.get("href") for link in links}
    assert types == {"application/feed+json": f"{SITE}roles/feed.json", "application/rss+xml": f"{SITE}roles/feed.xml",
                     "text/markdown": f"{SITE}roles/index.md"}


# --- social and search meta ---------------------------------------------------------------------------
PAGES = [f"roles/{s}/" for s in OPEN] + ["people/amara-okafor/", "case-studies/cutting-model-rollbacks/"]


@pytest.mark.parametrize("page", PAGES)
def test_social_and_search_meta_present_once(demo_build, page):
    head = lxml_html.fromstring(demo_build.html(page)).head
    url = f"{SITE}{page}"

    def values(xpath: str) -> list[str]:
        return [el.get("content") or el.get("href") for el in head.xpath(xpath)]

    assert values("link[@rel='canonical']") == [url]
    assert len(values("meta[@name='description']")) == 1
    for prop in ["og:type", "og:title", "og:description", "og:url", "og:site_name"]:
        assert len(values(f"meta[@property='{prop}']")) == 1, prop
    for name in ["twitter:card", "twitter:title", "twitter:description"]:
        assert len(values(f"meta[@name='{name}']")) == 1, name
    assert values("meta[@property='og:url']") == [url]
    title = head.findtext("title")
    assert "Northwind Labs" in title
    assert values("meta[@property='og:description']") == values("meta[@name='description']")
    expected_type = {"roles": "website", "people": "profile", "case-studies": "article"}[page.split("/")[0]]
    assert values("meta[@property='og:type']") == [expected_type]


def test_role_title_tag_names_role_and_company(demo_build):
    slug = OPEN[0]
    title = lxml_html.fromstring(demo_build.html(f"roles/{slug}/")).head.findtext("title")
    assert title.startswith(f"{demo_roles()[slug]['title']} at Northwind Labs")


def test_person_page_uses_its_png_social_card_as_og_image(demo_build):
    # Not the SVG photo: most link-preview services do not render SVG. The PNG card shows the photo.
    head = lxml_html.fromstring(demo_build.html("people/amara-okafor/")).head
    assert head.xpath("meta[@property='og:image']/@content") == [
        f"{SITE}assets/careers/cards/people/amara-okafor.png"]


# --- expiry -------------------------------------------------------------------------------------------
def test_expired_role_disappears_from_every_output_at_once(minimal_project):
    result = run_build(minimal_project, epoch="1830297600")  # 2028-01-01: data-lead expired on 2027-12-31
    assert result.returncode == 0, result.output
    site = result.site
    assert "roles/data-lead/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert json.loads((site / "roles" / "feed.json").read_text(encoding="utf-8"))["items"] == []
    assert "<item>" not in (site / "roles" / "feed.xml").read_text(encoding="utf-8")
    assert "roles/data-lead/" not in (site / "llms.txt").read_text(encoding="utf-8")
    assert "Data Lead" not in (site / "llms-full.txt").read_text(encoding="utf-8")
    index = lxml_html.fromstring(result.html("roles/"))
    assert index.xpath("//li[contains(@class,'careers-role-item')]") == []
    page = result.html("roles/data-lead/")
    assert '<meta name="robots" content="noindex">' in page and "This role is closed" in page
    assert "Applications closed on December 31, 2027." in page


def test_markdown_copies_come_in_chunks_that_join_to_the_whole_text():
    """A roles index copy is written a section at a time; the chunks join to exactly the text one string gave:
    the parts joined by newlines, trailing whitespace removed, one final newline."""
    from conftest import load_linted
    from mkdocs_careers.content.kinds import KINDS, ROLE
    from mkdocs_careers.pages.builders import entry_page, index_page
    from mkdocs_careers.render.markdown import MarkdownRenderer, md_text

    site = load_linted(REPO)
    renderer = MarkdownRenderer(site)
    pages = [entry_page(entry, site) for entry in site.entries()] + [index_page(kind, site) for kind in KINDS]
    for page in pages:
        parts = [f"# {md_text(page.h1)}", "", f"Page: <{page.meta.url}>", ""]
        for section in page.sections:
            parts += renderer._section(section)
        whole = "\n".join(parts).rstrip() + "\n"
        chunks = list(renderer.render_chunks(page))
        assert "".join(chunks) == whole == renderer.render(page), page.meta.page_path
    roles_index = index_page(ROLE, site)
    assert len(list(renderer.render_chunks(roles_index))) > 3  # never one string of every listed role


def test_the_rss_feed_written_an_item_at_a_time_is_feedgens_whole_feed():
    """The feed is streamed item by item; feedgen building the whole feed at once gives the same bytes."""
    from conftest import load_linted
    from feedgen.feed import FeedGenerator
    from mkdocs_careers.outputs import job_feeds

    site = load_linted(REPO)
    streamed = "".join(job_feeds.rss_feed_chunks(site))
    whole = FeedGenerator()
    whole.title(job_feeds.feed_title(site))
    whole.link(href=site.url(job_feeds.RSS_FEED_PATH), rel="self")
    whole.link(href=site.url("roles/"), rel="alternate")
    whole.description(f"Every open role at {site.settings.organization.name}, newest first.")
    whole.language("en")
    whole.lastBuildDate(dt.datetime.combine(site.build_date, dt.time(), tzinfo=dt.timezone.utc))
    whole.generator("mkdocs-careers")
    for entry in site.open_roles:
        whole.add_entry(job_feeds._rss_item(entry, site), order="append")
    assert len(site.open_roles) > 3
    assert streamed == whole.rss_str(pretty=True).decode("utf-8")


def test_the_rss_feed_is_whole_when_feedgen_lays_the_channel_out_otherwise(monkeypatch):
    """Streaming relies on where feedgen closes the channel; with another layout it writes the feed at once."""
    from conftest import load_linted
    from feedgen.feed import FeedGenerator
    from mkdocs_careers.outputs import job_feeds

    class UnindentedFeed(FeedGenerator):  # feedgen's own output without pretty printing
        def rss_str(self, pretty=False, **kwargs):  # type: ignore[no-untyped-def]
            return super().rss_str(pretty=False, **kwargs)

    monkeypatch.setattr(job_feeds, "FeedGenerator", UnindentedFeed)
    site = load_linted(REPO)
    root = etree.fromstring("".join(job_feeds.rss_feed_chunks(site)).encode("utf-8"))
    links = [item.findtext("link") for item in root.findall("channel/item")]
    assert links == [site.url(entry.page_path) for entry in site.open_roles] and links
