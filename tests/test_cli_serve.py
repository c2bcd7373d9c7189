"""`mkdocs serve`: editing a file in roles/ (outside docs_dir) rebuilds the preview, and a content error
is shown in the terminal and on the page without stopping the server, even in strict mode."""

from __future__ import annotations

from pathlib import Path

from conftest import replace_in
from serve_support import fetch


def make_strict(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text("strict: true\n" + config.read_text(encoding="utf-8"), encoding="utf-8")


def test_content_error_during_serve_is_shown_and_the_server_keeps_running(minimal_project, start_preview):
    make_strict(minimal_project)
    role = minimal_project / "roles" / "data-lead.md"
    preview = start_preview(minimal_project)
    preview.wait_for_page("roles/data-lead/", lambda html: "application/ld+json" in html and "Data Lead" in html)

    replace_in(role, "  min: 150000", "  min: lots")
    page = preview.wait_for_page("roles/data-lead/", lambda html: "content error" in html)
    assert "roles/data-lead.md:14" in page and "salary.min" in page and "plain number" in page
    assert "JobPosting" not in page
    assert "roles/data-lead.md:14: salary.min:" in preview.output()
    home = fetch(preview.url(""))
    assert home is not None and "content error" in home  # every page says the preview is incomplete

    replace_in(role, "  min: lots", "  min: 150000")
    page = preview.wait_for_page("roles/data-lead/", lambda html: "JobPosting" in html)
    assert "content error" not in page
    assert preview.process.poll() is None


def test_serve_starts_with_broken_content_and_shows_the_problem(minimal_project, start_preview):
    make_strict(minimal_project)
    replace_in(minimal_project / "people" / "jo-smith.md", "since: 2021-03-01", "since: someday")
    replace_in(minimal_project / "roles" / "data-lead.md", "summary: Lead the data team that turns raw events "
               "into decisions.", "summary: Leads data.")
    preview = start_preview(minimal_project)
    page = preview.wait_for_page("people/jo-smith/", lambda html: "content error" in html)
    assert "people/jo-smith.md:4" in page and "since" in page
    # A lint warning is printed too, but neither it nor the error stops a strict preview.
    assert "WARNING" in preview.output() and "summary-length" not in page
    assert "summary has 11 characters" in preview.output()
