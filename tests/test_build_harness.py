"""The in-process `mkdocs build` of the tests reports like a fresh `mkdocs build` process, build after build."""

from __future__ import annotations

from conftest import FIXTURES, copy_project, replace_in, run_build


def test_the_same_content_error_is_printed_by_every_build_in_this_process(tmp_path):
    # MkDocs' command adds a filter that drops messages it logged before; the tests' harness removes it after
    # each run, as a new process would start without it (two fuzzed examples often fail with the same message).
    for attempt in range(2):
        project = copy_project(FIXTURES / "minimal", tmp_path / f"project-{attempt}")
        replace_in(project / "roles" / "data-lead.md", "title: Data Lead", 'title: ""')
        result = run_build(project)
        assert result.returncode == 1
        assert "roles/data-lead.md:2: title: must not be empty" in result.output, (attempt, result.output)
