"""Raw HTML and script links in every body type, in real Chromium (issue 14): no payload runs, on load or when
its elements are clicked, hovered or focused; the JobPosting description and the Markdown copies carry no raw
HTML; and with `allow_raw_html: true` a trusted site gets its HTML back (the same check then sees it run)."""

from __future__ import annotations

import re

import pytest
import yaml
from browser_support import served
from conftest import run_build, single_graph
from html_attacks import (
    KNOWN_PAYLOADS,
    PAGES,
    ROLE,
    attack_project,
    dangerous_parts,
    dangerous_parts_of_markdown,
    script_runs,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory):
    project = attack_project(tmp_path_factory.mktemp("attack") / "project", list(KNOWN_PAYLOADS.values()))
    result = run_build(project, strict=False)  # raw-html warnings are expected; --strict would stop on them
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    with served(result.site) as url:
        yield result, url


@pytest.mark.parametrize("source", list(PAGES), ids=list(PAGES))
def test_no_payload_runs_in_any_body_type(browser, attack_site, source):
    result, url = attack_site
    assert script_runs(browser, url, PAGES[source]) == []


def test_every_payload_is_reported_by_the_raw_html_rule(attack_site):
    result, _ = attack_site
    reported = re.findall(r"roles/data-lead\.md:(\d+): body: the .* is removed from the published page", result.output)
    # at least one report per payload paragraph (some payloads hold several removed parts)
    assert len(set(reported)) >= len(KNOWN_PAYLOADS) - 2, result.output


def test_job_posting_description_and_markdown_copies_carry_no_raw_html(attack_site):
    result, _ = attack_site
    [job] = [n for n in single_graph(result.html("roles/data-lead/")) if n.get("@type") == "JobPosting"]
    copies = [result.site / "roles" / "data-lead" / "index.md", result.site / "people" / "jo-smith" / "index.md",
              result.site / "case-studies" / "warehouse-migration" / "index.md", result.site / "attack" / "index.md",
              result.site / "llms-full.txt"]
    assert dangerous_parts(job["description"]) == []
    for copy in copies:
        assert dangerous_parts_of_markdown(copy.read_text(encoding="utf-8")) == [], copy


def test_allow_raw_html_opts_out_for_trusted_sites(browser, tmp_path):
    project = attack_project(tmp_path / "trusted", [KNOWN_PAYLOADS["img-onerror"]])
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["careers"]["allow_raw_html"] = True
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = run_build(project, strict=False)
    assert result.returncode == 0, result.output
    with served(result.site) as url:
        assert any(run.startswith("dialog") for run in script_runs(browser, url, PAGES[ROLE]))
