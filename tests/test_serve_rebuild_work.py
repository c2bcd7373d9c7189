"""What a `mkdocs serve` rebuild does not do again: compile the theme's templates, rewrite unchanged outputs.

MkDocs makes a new Jinja environment for each build; the plugin gives the preview's environments one store
of compiled templates (`mkdocs/theme.py` CompiledTemplates), which Jinja checks against each template's
source, so an edited template is never served from stale code. Under `--dirty`, a machine output whose
bytes did not change (most Markdown copies after an edit) is not written again (`mkdocs/output_files.py`).
"""

from __future__ import annotations

import os

import jinja2
from conftest import FIXTURES, PINNED_EPOCH, careers_plugin_build, copy_project
from mkdocs.config import load_config
from mkdocs_careers.mkdocs.output_files import write_output
from mkdocs_careers.mkdocs.theme import CompiledTemplates


class CountingEnvironment(jinja2.Environment):
    """A real Jinja environment that counts how many templates it compiled from source."""

    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        type(self).compiled += 1
        return super().compile(*args, **kwargs)


def _render(folder, store, **options) -> str:
    env = CountingEnvironment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=store, **options)
    return env.get_template("page.html").render(name="Ana")


def test_a_new_environment_reuses_compiled_templates_until_a_template_changes(tmp_path):
    (tmp_path / "page.html").write_text("Hello {{ name }}\n", encoding="utf-8")
    store = CompiledTemplates()
    CountingEnvironment.compiled = 0
    assert _render(tmp_path, store) == "Hello Ana"
    assert _render(tmp_path, store) == "Hello Ana"  # a second environment, as after an edit under serve
    assert CountingEnvironment.compiled == 1 and len(store) == 1

    (tmp_path / "page.html").write_text("Welcome {{ name }}\n", encoding="utf-8")
    assert _render(tmp_path, store) == "Welcome Ana"  # the source changed: compiled again
    assert CountingEnvironment.compiled == 2

    assert _render(tmp_path, store, keep_trailing_newline=True) == "Welcome Ana\n"  # other options, other code
    assert CountingEnvironment.compiled == 3 and len(store) == 2


def _serve_build(project):
    """A rebuild as `mkdocs serve --dirty` runs it: MkDocs keeps the plugin instances between rebuilds."""
    return careers_plugin_build(project, dirty=True, site_dir=project / "preview")


def test_preview_rebuilds_compile_no_theme_template_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_EPOCH)
    project = copy_project(FIXTURES / "minimal", tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = _serve_build(project)
    assert len(plugin.compiled_templates) >= 10  # Material's page templates and partials
    role = project / "roles" / "data-lead.md"
    role.write_text(role.read_text(encoding="utf-8").replace("title: ", "title: Senior ", 1), encoding="utf-8")
    compiled: list[str | None] = []
    compile_source = jinja2.Environment.compile

    def counting_compile(self, source, name=None, filename=None, *args, **kwargs):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return compile_source(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting_compile)
    assert _serve_build(project) is plugin  # MkDocs keeps the plugin between a preview's rebuilds
    # (Templates compiled from a string, with no name, are not the theme's.)
    assert [name for name in compiled if name is not None] == []
    assert "Senior " in (project / "preview" / "roles" / "data-lead" / "index.html").read_text(encoding="utf-8")
    config.plugins.on_shutdown()


def test_an_unchanged_output_is_not_written_again(tmp_path):
    digests: dict[str, bytes] = {}
    copy = tmp_path / "site" / "roles" / "data-lead" / "index.md"
    write_output(copy, "# Data lead\n", digests=digests)
    assert copy.read_text(encoding="utf-8") == "# Data lead\n"
    os.utime(copy, ns=(1, 1))  # an old modification time shows whether the file is written again
    write_output(copy, "# Data lead\n", digests=digests)
    assert copy.stat().st_mtime_ns == 1
    write_output(copy, "# Senior data lead\n", digests=digests)
    assert copy.read_text(encoding="utf-8") == "# Senior data lead\n"
    copy.unlink()  # removed behind the preview's back: written again although the text is the same
    write_output(copy, "# Senior data lead\n", digests=digests)
    assert copy.read_text(encoding="utf-8") == "# Senior data lead\n"
    os.utime(copy, ns=(1, 1))
    write_output(copy, "# Senior data lead\n")
    assert copy.stat().st_mtime_ns != 1  # without digests (a full build) every output is written
    write_output(copy, iter(["# Chunks", " of text\n"]), digests=digests)  # streamed outputs are always written
    assert copy.read_text(encoding="utf-8") == "# Chunks of text\n"
