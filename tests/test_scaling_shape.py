"""Per-page HTML size must not grow with the number of roles (no roles in the site-wide nav)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build


def add_copies_of_role(project: Path, count: int) -> None:
    template = (project / "roles" / "data-lead.md").read_text(encoding="utf-8")
    for index in range(count):
        text = template.replace("title: Data Lead", f"title: Data Lead {index}")
        (project / "roles" / f"data-lead-{index}.md").write_text(text, encoding="utf-8")


def test_role_and_home_page_sizes_do_not_grow_with_role_count(minimal_project, tmp_path):
    small = run_build(minimal_project)
    assert small.returncode == 0, small.output
    sizes_small = {p: len(small.html(p)) for p in ["roles/data-lead/", "case-studies/warehouse-migration/"]}
    index_small = len(small.html("roles/"))

    # The home page shows up to `home.max_roles` (6) role cards: once past that, it stops growing.
    add_copies_of_role(minimal_project, 30)
    medium = run_build(minimal_project)
    assert medium.returncode == 0, medium.output
    add_copies_of_role(minimal_project, 60)
    large = run_build(minimal_project)
    assert large.returncode == 0, large.output
    sizes_large = {p: len(large.html(p)) for p in sizes_small}
    assert sizes_large["roles/data-lead/"] == sizes_small["roles/data-lead/"]
    assert len(large.html("")) == len(medium.html(""))  # 31 and 61 open roles: same digits, same cards
    # The roles index lists every role, and only it grows.
    assert len(large.html("roles/")) > index_small
