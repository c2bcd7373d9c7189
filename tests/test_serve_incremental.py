"""`mkdocs serve --dirty` rebuilds only what an edit touches, and everything it touches is right afterwards.

A real preview server runs on the demo site (which is `strict: true`). Each step edits content on disk
the way an editor would (a title, the pay, closing a role, adding one, deleting one) and then checks,
over HTTP, the changed page, the index that lists it, the hiring manager's page, the machine outputs
(llms.txt, the JSON feed, the Indeed job feed, the sitemap, the Markdown copy) and Material's search index. The server log
must show that only the changed file was parsed again and that only some pages were rebuilt.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml
from conftest import REPO, copy_project, replace_in
from lxml import etree
from serve_support import fetch

ROLE = "ai-product-manager"
OTHER_ROLE = "applied-research-lead"


def manager_of(project: Path, slug: str) -> str:
    front = yaml.safe_load((project / "roles" / f"{slug}.md").read_text(encoding="utf-8").split("---\n")[1])
    return front["hiring_manager"]


def indeed_jobs(preview) -> dict[str, str]:
    """requisitionid → description of every job in the Indeed feed (first place of each role)."""
    root = etree.fromstring((fetch(preview.url("roles/indeed.xml")) or "").encode("utf-8"))
    jobs: dict[str, str] = {}
    for job in root.findall("job"):
        jobs.setdefault(job.findtext("requisitionid"), job.findtext("description"))
    return jobs


def search_docs(preview) -> list[dict]:
    return json.loads(fetch(preview.url("search/search_index.json")) or "{}").get("docs", [])


def search_titles(preview, page: str) -> list[str]:
    return [doc["title"] for doc in search_docs(preview) if doc["location"].split("#")[0] == page]


def wait_for_log(preview, pattern: str, count: int) -> None:
    """Wait until the server log holds `count` lines matching `pattern`.

    "Reloading browsers" is logged once per finished rebuild, with a timestamp; MkDocs drops repeated
    identical log lines, so "Documentation built in 0.57 seconds" cannot be counted.
    """
    preview.wait_for_page("", lambda _: len(re.findall(pattern, preview.output())) >= count)


def test_dirty_preview_rebuilds_what_an_edit_touches(tmp_path, start_preview):
    project = copy_project(REPO, tmp_path / "project")
    role_file = project / "roles" / f"{ROLE}.md"
    manager_page = f"people/{manager_of(project, ROLE)}/"
    preview = start_preview(project, "--dirty")
    preview.wait_for_page(f"roles/{ROLE}/", lambda html: "AI Product Manager</h1>" in html)
    built = 1
    jobs_before = indeed_jobs(preview)

    def rebuilt() -> None:
        nonlocal built
        built += 1
        wait_for_log(preview, r"Reloading browsers", built - 1)

    # 1. Title: the page, the roles index, the manager's page, llms.txt, the feed and search agree.
    replace_in(role_file, "title: AI Product Manager", "title: AI Product Lead")
    rebuilt()
    preview.wait_for_page(f"roles/{ROLE}/", lambda html: "AI Product Lead</h1>" in html)
    assert "AI Product Lead" in fetch(preview.url("roles/"))
    assert "AI Product Lead" in fetch(preview.url(manager_page))
    assert "AI Product Lead" in fetch(preview.url("llms.txt"))
    assert "AI Product Lead" in fetch(preview.url(f"roles/{ROLE}/index.md"))
    feed = json.loads(fetch(preview.url("roles/feed.json")))
    assert "AI Product Lead" in [item["title"] for item in feed["items"]]
    assert search_titles(preview, f"roles/{ROLE}/") == ["AI Product Lead"]
    assert "AI Product Manager" not in [doc["title"] for doc in search_docs(preview)]
    output = preview.output()
    assert "parsed 1 new or changed file(s)" in output, output
    rebuilt_pages = int(re.findall(r"rebuilding (\d+) of (\d+) content page", output)[-1][0])
    assert 1 < rebuilt_pages < 13, output  # the role, its manager and case studies; not every page

    # 2. Pay: the page, its JSON-LD and the search entry show the new range.
    replace_in(role_file, "min: 165000", "min: 171000")
    rebuilt()
    page = preview.wait_for_page(f"roles/{ROLE}/", lambda html: "$171,000" in html)
    assert "$171,000" in page and '"minValue": 171000' in page.replace('"minValue":171000', '"minValue": 171000')
    # The job feed has the new posting for this role and, unchanged, every role the edit did not touch.
    jobs = indeed_jobs(preview)
    assert "$171,000" in jobs[ROLE] and "AI Product Lead" in jobs[ROLE]
    assert {slug: text for slug, text in jobs.items() if slug != ROLE} == {
        slug: text for slug, text in jobs_before.items() if slug != ROLE}
    assert any("$171,000" in doc["text"] for doc in search_docs(preview) if doc["location"] == f"roles/{ROLE}/")

    # 3. Close the role: it stays reachable, is listed as closed, and leaves the manager's page, feeds, search.
    replace_in(role_file, "hiring_manager:", "closed: true\nhiring_manager:")
    rebuilt()
    preview.wait_for_page("roles/", lambda html: "AI Product Lead</a> (closed)" in html)  # listed as closed, not as open
    assert "AI Product Lead" not in fetch(preview.url(manager_page))
    assert "AI Product Lead" not in fetch(preview.url("roles/feed.json"))
    assert ROLE not in indeed_jobs(preview)
    assert search_titles(preview, f"roles/{ROLE}/") == []
    assert "AI Product Lead" in fetch(preview.url(f"roles/{ROLE}/"))

    # 4. Add a role: its page, the index, the sitemap and search have it.
    new_file = project / "roles" / "forecasting-product-lead.md"
    text = (project / "roles" / f"{OTHER_ROLE}.md").read_text(encoding="utf-8")
    new_file.write_text(re.sub(r"^title: .*$", "title: Forecasting Product Lead", text, count=1, flags=re.M),
                        encoding="utf-8")
    rebuilt()
    preview.wait_for_page("roles/forecasting-product-lead/", lambda html: "Forecasting Product Lead</h1>" in html)
    assert "Forecasting Product Lead" in fetch(preview.url("roles/"))
    assert "roles/forecasting-product-lead/" in fetch(preview.url("sitemap.xml"))
    assert "Forecasting Product Lead" in indeed_jobs(preview)["forecasting-product-lead"]
    assert search_titles(preview, "roles/forecasting-product-lead/") == ["Forecasting Product Lead"]

    # 5. Delete a role: its page and Markdown copy are gone, and nothing lists or finds it.
    title = re.search(r"^title: (.*)$", (project / "roles" / f"{OTHER_ROLE}.md").read_text(), re.M).group(1)
    (project / "roles" / f"{OTHER_ROLE}.md").unlink()
    rebuilt()
    preview.wait_for_page("roles/", lambda html: title not in html)
    assert fetch(preview.url(f"roles/{OTHER_ROLE}/")) is None
    assert fetch(preview.url(f"roles/{OTHER_ROLE}/index.md")) is None
    assert title not in fetch(preview.url("roles/"))
    assert title not in fetch(preview.url("llms.txt"))
    assert f"roles/{OTHER_ROLE}/" not in fetch(preview.url("sitemap.xml"))
    assert OTHER_ROLE not in indeed_jobs(preview)
    assert search_titles(preview, f"roles/{OTHER_ROLE}/") == []
    locations = [doc["location"] for doc in search_docs(preview)]
    assert len(locations) == len(set(locations)), "a page's search entries are never duplicated"
    assert "Aborted" not in preview.output()
    shutil.rmtree(project)


def test_plain_serve_of_a_large_site_points_at_the_dirty_preview_once(minimal_project, monkeypatch, caplog):
    """`mkdocs serve` without --dirty rebuilds every page after each edit: a large site is told, once, that
    `mkdocs serve --dirty` rebuilds only what the edit touches; the dirty preview and builds are not."""
    import logging

    from conftest import load_linted
    from mkdocs_careers.mkdocs import preview as preview_module

    site = load_linted(minimal_project)
    monkeypatch.setattr(preview_module, "DIRTY_HINT_PAGES", len(site.entries()))
    caplog.set_level(logging.INFO, logger="mkdocs.plugins")

    def hints(command: str, dirty: bool, rebuilds: int = 2) -> list[str]:
        caplog.clear()
        preview = preview_module.IncrementalPreview()
        preview.start(command=command, dirty=dirty)
        for _ in range(rebuilds):
            preview.plan(load_linted(minimal_project), has_errors=False)
        return [r.getMessage() for r in caplog.records if "--dirty" in r.getMessage()]

    assert hints("serve", dirty=False) == [
        f"mkdocs_careers: {len(site.entries())} content pages: every edit rebuilds all of them; "
        "`mkdocs serve --dirty` (`make serve`) rebuilds only the pages that show the edit"]
    assert hints("serve", dirty=True) == []
    assert hints("build", dirty=False) == []
    monkeypatch.setattr(preview_module, "DIRTY_HINT_PAGES", len(site.entries()) + 1)
    assert hints("serve", dirty=False) == []  # a small site rebuilds quickly either way
