"""Atomic output: a build that crashes half-way (a broken theme template, a plugin error after some pages are
written, an error in another plugin's last step) leaves the previous site/ byte-for-byte as it was, and no
staging or backup folder behind. Content errors and --strict failures are in test_content_errors.py.
"""

from __future__ import annotations

import os
import stat
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import leftovers, run_build, tree_digest

CRASHES = {
    # An editor's theme override with a template error: raised while pages are being rendered.
    "template error": {
        "overrides/main.html": '{% extends "base.html" %}\n{% block content %}{{ page.meta.nothing.here }}'
                               "{% endblock %}\n",
        "config": {"theme": {"name": "material", "custom_dir": "overrides"}},
    },
    # A hook that fails on the role page, after the home page was already written to the staging folder.
    "plugin error mid-build": {
        "hooks/crash.py": """\
            from mkdocs.exceptions import PluginError

            def on_post_page(output, page, config):
                if page.file.src_uri.startswith("roles/data-lead"):
                    raise PluginError("crash while writing " + page.file.src_uri)
                return output
            """,
        "config": {"hooks": ["hooks/crash.py"]},
    },
    # A hook whose on_post_build fails: it runs after search wrote its index, but the swap must come last.
    "error in another plugin's post-build step": {
        "hooks/crash.py": """\
            def on_post_build(config):
                raise RuntimeError("deploy step failed")
            """,
        "config": {"hooks": ["hooks/crash.py"]},
    },
}




def add_crash(project: Path, crash: dict) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].insert(0, "search")
    config.update(crash["config"])
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for name, text in crash.items():
        if name != "config":
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.mark.parametrize("crash", CRASHES, ids=list(CRASHES))
def test_crash_mid_build_leaves_the_previous_site_byte_for_byte_intact(minimal_project, crash):
    first = run_build(minimal_project)
    assert first.returncode == 0, first.output
    before = tree_digest(first.site)
    (minimal_project / "roles" / "data-lead.md").write_text(
        (minimal_project / "roles" / "data-lead.md").read_text(encoding="utf-8").replace("Data Lead", "Data Boss"),
        encoding="utf-8")
    add_crash(minimal_project, CRASHES[crash])
    result = run_build(minimal_project)
    assert result.returncode != 0, result.output
    assert tree_digest(minimal_project / "site") == before
    assert leftovers(minimal_project) == []


def test_published_site_has_the_usual_permissions(minimal_project):
    """The staging folder is created private (mkdtemp); once published it must be readable like any folder."""
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(result.site.stat().st_mode) == 0o777 & ~umask


def test_successful_rebuild_replaces_the_whole_site(minimal_project):
    """Pages that no longer exist disappear: the new tree replaces the old one, it is not merged into it."""
    first = run_build(minimal_project)
    assert first.returncode == 0, first.output
    (first.site / "stale.html").write_text("left over", encoding="utf-8")
    second = run_build(minimal_project)
    assert second.returncode == 0, second.output
    assert not (second.site / "stale.html").exists()
    assert leftovers(minimal_project) == []
