"""What a build keeps in memory per careers page: one copy of each body, not three.

A body is held by its loaded entry; the generated page file refers to that same string, and the page's
Markdown is dropped once converted (the Markdown copy is rendered from the model). At 10,000 roles each
extra copy of every body was about 20 MB of peak memory. Libraries of optional features are imported only by
sites that use them.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURES, PINNED_EPOCH, REPO, careers_plugin_build, copy_project, load_linted
from pydantic import BaseModel


def _build(project):
    return careers_plugin_build(project, command="build")


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


_IMPORTS_AFTER_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml")
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(" ".join(sorted(name for name in ("PIL", "coloraide") if name in sys.modules)))
"""


def _libraries_imported_by_a_build(project, monkeypatch) -> set[str]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    done = subprocess.run([sys.executable, "-c", _IMPORTS_AFTER_BUILD], cwd=project, capture_output=True,
                          text=True, check=True)
    return set(done.stdout.split())


def test_optional_features_libraries_are_imported_only_when_a_site_uses_them(tmp_path, monkeypatch):
    """Pillow (social cards) and coloraide (brand colour checks) cost about 8 MB of every build's memory."""
    project = copy_project(FIXTURES / "minimal", tmp_path / "plain")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      social_cards:\n        enabled: false\n",
                      encoding="utf-8")
    assert _libraries_imported_by_a_build(project, monkeypatch) == set()
    assert (project / "site" / "roles" / "data-lead" / "index.html").is_file()

    branded = copy_project(FIXTURES / "minimal", tmp_path / "branded")
    config = branded / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      brand:\n        primary: '#1f4e8c'\n",
                      encoding="utf-8")
    assert _libraries_imported_by_a_build(branded, monkeypatch) == {"PIL", "coloraide"}
    assert list((branded / "site").rglob("*.png"))  # the cards were drawn


def _parts(value):
    """Every object inside a content model, itself included: nested models, lists, dicts and their values."""
    yield value
    if isinstance(value, BaseModel):
        children = list(value.__dict__.values())
    elif isinstance(value, dict):
        children = list(value.values())
    else:
        children = list(value) if isinstance(value, (list, tuple)) else []
    for child in children:
        yield from _parts(child)


def _models(value):
    return [part for part in _parts(value) if isinstance(part, BaseModel)]


def _strings(value):
    return [part for part in _parts(value) if isinstance(part, str)]


def test_content_models_with_the_same_fields_share_one_field_name_set():
    """Pydantic's per-instance set of given field names was about a quarter of a role's model in memory."""
    site = load_linted(REPO)
    models = [model for entry in site.entries() for model in _models(entry.model)]
    by_fields: dict[frozenset[str], set[int]] = {}
    for model in models:
        by_fields.setdefault(frozenset(model.model_fields_set), set()).add(id(model.model_fields_set))
    assert len(models) > 3 * len(by_fields)  # the demo has many models with the same given fields
    assert all(len(ids) == 1 for ids in by_fields.values())
    # What pydantic offers still works per instance: a copy with changes gets its own set.
    role = next(iter(site.roles.values())).model
    fields_before = set(role.model_fields_set)
    changed = role.model_copy(update={"summary": "Changed."})
    assert "summary" in changed.model_fields_set and changed.model_fields_set is not role.model_fields_set
    assert role.model_fields_set == fields_before


def test_a_value_repeated_across_content_files_is_one_string_in_memory():
    """Benefits, skills and places recur in many files; within one load each distinct value is kept once."""
    site = load_linted(REPO)
    objects: dict[str, set[int]] = {}
    for entry in site.entries():
        for text in _strings(entry.model):
            objects.setdefault(text, set()).add(id(text))
    repeated = [text for text in objects if len(text) <= 160 and sum(
        1 for entry in site.entries() if text in set(_strings(entry.model))) > 1]
    assert len(repeated) > 10  # the demo repeats countries, skills, benefits
    assert all(len(objects[text]) == 1 for text in repeated)


def test_a_one_off_build_keeps_nothing_of_the_load_for_later_builds(tmp_path, monkeypatch):
    """File hashes and parsed body headings serve the preview's next rebuild; `mkdocs build` has none."""
    from mkdocs_careers.lint.rules import body_headings

    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    project = copy_project(FIXTURES / "minimal", tmp_path / "project")
    plugin = _build(project)
    assert plugin.site.roles  # the build loaded and published roles
    assert plugin.preview.content_cache is None
    # MkDocs keeps plugin instances for the process (a preview test may have filled this one's cache before).
    assert not any(project in path.parents for path in plugin.preview.cache.stats.parsed)
    assert body_headings.cache_info().currsize == 0
