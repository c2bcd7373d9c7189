"""What a build keeps in memory per careers page: one copy of each body, not three.

A body is held by its loaded entry; the generated page file refers to that same string, and the page's
Markdown is dropped once converted (the Markdown copy is rendered from the model). At 10,000 roles each
extra copy of every body was about 20 MB of peak memory.
"""

from __future__ import annotations

import os

from conftest import FIXTURES, PINNED_EPOCH, copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config


def _build(project):
    """Run MkDocs' build function on the project and return its careers plugin (the caller pins the build date)."""
    previous = os.getcwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    finally:
        os.chdir(previous)
    return config.plugins["careers"]


def test_a_careers_page_holds_no_copy_of_its_body_after_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    project = copy_project(FIXTURES / "minimal", tmp_path / "project")
    plugin = _build(project)
    entry_files = [f for f in plugin.files.documentation_pages() if f.src_uri in plugin.entries_by_src]
    assert entry_files
    for file in entry_files:
        entry = plugin.entries_by_src[file.src_uri]
        assert file._content is entry.body  # the same string, not a copy
        assert file.page is not None
        assert file.page.markdown is None and file.page.content is None


def test_a_body_starting_like_metadata_stays_text_on_the_page(tmp_path, monkeypatch):
    """MkDocs reads "Key: value" lines at the top of a page as metadata; a careers body is never read so."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    project = copy_project(FIXTURES / "minimal", tmp_path / "project")
    role = project / "roles" / "data-lead.md"
    text = role.read_text(encoding="utf-8")
    head, fence, body = text.partition("\n---\n")
    role.write_text(f"{head}{fence}Team: Data platform, reporting to the CTO.\n\n{body}", encoding="utf-8")
    plugin = _build(project)
    html = (project / "site" / "roles" / "data-lead" / "index.html").read_text(encoding="utf-8")
    assert "Team: Data platform, reporting to the CTO." in html
    assert plugin.entries_by_src["roles/data-lead.md"].body.startswith("Team: Data platform")
