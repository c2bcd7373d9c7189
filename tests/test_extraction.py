"""Every fact a candidate or an assistant needs survives the main-content extractors that decide what an AI
pipeline ever sees: trafilatura, Mozilla Readability (through jsdom) and html2text, on the built pages; and
every fact is in the page's Markdown copy. The facts come from the content models, never from the page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import html2text
import pytest
import trafilatura
from conftest import FIXTURES, REPO, BuildResult, copy_project, run_build
from mkdocs_careers.cli import load_settings
from mkdocs_careers.content.money import money
from mkdocs_careers.content.site import CareersSite, Entry, load_site
from mkdocs_careers.pages import labels

READABILITY = Path(__file__).parent / "tools" / "readability_extract.mjs"


def role_facts(entry: Entry, site: CareersSite) -> dict[str, str]:
    """Name → text of each fact the issue lists, as the page words it (labels from the core)."""
    role = entry.model
    facts = {"title": role.title, "workplace": labels.workplace_label(role.workplace),
             "employment type": labels.employment_label(role.employment_type),
             "posted": labels.date_label(role.date_posted), "closing": labels.closing_label(role),
             "hiring manager": site.hiring_manager(role).model.name}
    if role.salary is not None:
        facts |= {"salary min": money(role.salary.min, role.salary.currency),
                  "salary max": money(role.salary.max, role.salary.currency), "currency": role.salary.currency}
    for index, location in enumerate(role.locations):
        facts[f"location {index} city"] = location.city
        facts[f"location {index} country"] = labels.country_name(location.country)
    for code in role.remote_countries:
        facts[f"remote country {code}"] = labels.country_name(code)
    for days in ("day_90", "day_180", "day_365"):
        for index, outcome in enumerate(getattr(role.outcomes, days)):
            facts[f"outcome {days} {index}"] = outcome
    for index, must in enumerate(role.must_haves):
        facts[f"must-have {index}"] = must
    take_home = role.hiring_process.take_home or site.settings.hiring.take_home
    if take_home is not None:
        facts["take-home hours"] = f"{take_home.hours:g} hours"
    return facts


def normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def lost(facts: dict[str, str], text: str) -> list[str]:
    flat = normal(text)
    return [f"{name}: {value!r}" for name, value in facts.items() if normal(value) not in flat]


def built(project: Path) -> tuple[BuildResult, CareersSite]:
    result = run_build(project)
    assert result.returncode == 0, result.output
    site = load_site(load_settings(project / "mkdocs.yml", "2026-11-25"))
    return result, site


@pytest.fixture(scope="module")
def sites(demo_build, tmp_path_factory) -> list[tuple[BuildResult, CareersSite]]:
    demo = load_site(load_settings(demo_build.project / "mkdocs.yml", "2026-11-25"))
    fixture = copy_project(FIXTURES / "minimal", tmp_path_factory.mktemp("extraction") / "project")
    return [(demo_build, demo), built(fixture)]


def open_roles(site: CareersSite) -> list[Entry]:
    assert site.open_roles
    return site.open_roles


def test_trafilatura_keeps_every_fact_of_every_open_role(sites):
    for build, site in sites:
        for entry in open_roles(site):
            html = build.html(entry.page_path)
            for text in (trafilatura.extract(html) or "",
                         trafilatura.extract(html, output_format="markdown", include_formatting=True) or ""):
                assert lost(role_facts(entry, site), text) == [], entry.slug
                assert "¶" not in text, entry.slug


def test_html2text_keeps_every_fact_of_every_open_role(sites):
    converter = html2text.HTML2Text()
    converter.body_width = 0  # no hard wrapping: a fact is never split over two lines
    for build, site in sites:
        for entry in open_roles(site):
            html = build.html(entry.page_path)
            article = html[html.index("<article"):html.index("</article>")]
            assert lost(role_facts(entry, site), converter.handle(article)) == [], entry.slug


@pytest.mark.browser  # needs node_modules (make test installs them)
def test_mozilla_readability_keeps_every_fact_of_every_open_role(sites):
    node = shutil.which("node")
    assert node and (REPO / "node_modules" / "@mozilla" / "readability").is_dir()
    for build, site in sites:
        paths = [entry.page_path for entry in open_roles(site)]
        out = subprocess.run([node, str(READABILITY), str(build.site), *paths], capture_output=True, text=True,
                             cwd=REPO, timeout=120, check=True)
        texts = json.loads(out.stdout)
        for entry in open_roles(site):
            assert lost(role_facts(entry, site), texts[entry.page_path]) == [], entry.slug


def test_markdown_copy_keeps_every_fact_and_the_apply_url(sites):
    for build, site in sites:
        for entry in open_roles(site):
            copy = (build.site / entry.page_path / "index.md").read_text(encoding="utf-8")
            plain = re.sub(r"\\(.)", r"\1", copy)  # Markdown escapes are not part of the text
            facts = role_facts(entry, site) | {"apply url": entry.model.apply.url}
            assert lost(facts, plain) == [], entry.slug


def test_apply_url_and_manager_stand_in_sentences_on_the_page(sites):
    """Extractors drop a paragraph that is only a link and never see a button's URL: both stand in text."""
    for build, site in sites:
        for entry in open_roles(site):
            text = normal(trafilatura.extract(build.html(entry.page_path)) or "")
            role = entry.model
            assert f"Apply online at {role.apply.url}" in text, entry.slug
            assert f"reports to {site.hiring_manager(role).model.name}" in text, entry.slug


def test_lost_facts_are_reported(sites):
    """The check itself finds a missing fact (guards against a comparison that can never fail)."""
    build, site = sites[0]
    entry = open_roles(site)[0]
    facts = role_facts(entry, site)
    assert lost(facts, "nothing here") and lost(facts, facts["title"])
