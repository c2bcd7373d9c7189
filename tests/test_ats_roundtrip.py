"""Round-trip guarantees of the ATS sync: editor-owned fields, comments and bodies survive any import sequence.

The property test interleaves imports of changing boards (jobs appearing, disappearing, changing title or pay)
with editor edits written as an editor would (a line replaced in the file, a comment added, the body
rewritten) and checks after every import that no edit was lost and that a repeated import is a no-op.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs_careers.ats.frontmatter_edit import Frontmatter, FrontmatterError
from mkdocs_careers.ats.jobs import AtsJob, AtsPay, AtsPlace
from mkdocs_careers.ats.sync import apply_plan, plan_sync

TODAY = dt.date(2026, 11, 25)
JOB_IDS = ("101", "202", "303")
PLACES = {"101": [AtsPlace("San Francisco, CA")], "202": [AtsPlace("Remote - US")],
          "303": [AtsPlace("London or Berlin")]}
TITLES = ("Data Engineer", "Senior Data Engineer", "Ingénieur·e Données")
PAYS = (None, [AtsPay("USD", 120000, 150000, None)],
        [AtsPay("USD", 120000, 150000, None, "NYC"), AtsPay("USD", 130000, 160000, None, "SF")])
EDITOR_SCALARS = ("summary", "hiring_manager", "equity")
EDITOR_LISTS = ("must_haves", "skills", "benefits")


def _job(job_id: str, title: str, pay: list[AtsPay] | None) -> AtsJob:
    return AtsJob(provider="greenhouse", board="acme", id=job_id, title=title,
                  url=f"https://boards.greenhouse.io/acme/jobs/{job_id}", department="Data",
                  employment_type="Full-time", date_posted=dt.date(2026, 11, 2), places=PLACES[job_id], pay=pay,
                  description_html=f"<p>Job {job_id} &amp; its <b>team</b>.</p>")


def _sync(jobs: list[AtsJob], roles: Path) -> int:
    plan = plan_sync(jobs, provider="greenhouse", board="acme", roles_dir=roles, project_root=roles.parent,
                     today=TODAY, schema_path="../schemas/role.schema.json")
    apply_plan(plan)
    return len(plan.changes)


def _replace_key(text: str, key: str, block: list[str]) -> str:
    """An editor's edit: the key's line (and its indented continuation lines) replaced by `block`."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines[1:], start=1) if re.match(rf"{key}:(\s|$)", line))
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-")) or lines[end] == ""):
        end += 1
    return "\n".join(lines[:start] + block + lines[end:])


texts = st.text(st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
boards = st.fixed_dictionaries({job_id: st.one_of(st.none(), st.tuples(st.sampled_from(TITLES), st.sampled_from(PAYS)))
                                for job_id in JOB_IDS})
edits = st.one_of(
    st.tuples(st.just("scalar"), st.sampled_from(EDITOR_SCALARS), texts, st.booleans()),
    st.tuples(st.just("list"), st.sampled_from(EDITOR_LISTS), st.lists(texts, min_size=1, max_size=3), st.booleans()),
    st.tuples(st.just("comment"), st.sampled_from(("title", "salary", "summary", "faq", "ats")), texts, st.booleans()),
    st.tuples(st.just("body"), st.just("body"), texts, st.booleans()),
)
steps = st.lists(st.one_of(st.tuples(st.just("import"), boards),
                           st.tuples(st.just("edit"), st.integers(0, 2), edits)), min_size=2, max_size=8)


@given(steps)
def test_no_editor_edit_is_ever_lost(sequence):
    with tempfile.TemporaryDirectory() as folder:
        roles = Path(folder) / "roles"
        roles.mkdir()
        expected: dict[Path, dict[str, object]] = {}  # file → key → the editor's value ("body" for the body)
        comments: dict[Path, list[str]] = {}
        for step in sequence:
            if step[0] == "import":
                jobs = [_job(job_id, *state) for job_id, state in step[1].items() if state is not None]
                _sync(jobs, roles)
                assert _sync(jobs, roles) == 0  # idempotent, whatever came before
                for path in sorted(roles.glob("*.md")):
                    front = Frontmatter.parse(path.read_text(encoding="utf-8"))
                    for key, value in expected.get(path, {}).items():
                        actual = front.body if key == "body" else front.value(key)
                        assert actual == value, (path.name, key)
                    text = path.read_text(encoding="utf-8")
                    for comment in comments.get(path, []):
                        assert comment in text, (path.name, comment)
                continue
            files = sorted(roles.glob("*.md"))
            if not files:
                continue
            path = files[step[1] % len(files)]
            kind, key, value, trailing_comment = step[2]
            text = path.read_text(encoding="utf-8")
            note = f"  # {json.dumps(value)[1:-1]}" if trailing_comment else ""
            if kind == "scalar":
                text = _replace_key(text, key, [f"{key}: {json.dumps(value)}{note}"])
                expected.setdefault(path, {})[key] = value
            elif kind == "list":
                text = _replace_key(text, key, [f"{key}:{note}", *(f"  - {json.dumps(item)}" for item in value)])
                expected.setdefault(path, {})[key] = value
            elif kind == "comment":
                comment = f"# editor: {json.dumps(value)}"
                text = re.sub(rf"^{key}:", lambda found, line=comment: f"{line}\n{found.group()}", text,
                              count=1, flags=re.MULTILINE)
                comments.setdefault(path, []).append(comment)
            else:
                head, _, _ = text.rpartition("---\n")
                body = f"\n{value.strip() or 'Our story.'}\n"
                text = head + "---\n" + body
                expected.setdefault(path, {})["body"] = body
            path.write_text(text, encoding="utf-8")
            try:
                Frontmatter.parse(text)
            except FrontmatterError as exc:  # pragma: no cover - the edit itself must be valid YAML
                pytest.fail(f"the test wrote invalid YAML: {exc}")


def test_untouched_formatting_is_byte_identical(tmp_path):
    """Flow lists, folded scalars, odd indentation, quotes and comments of editor fields survive an update."""
    roles = tmp_path / "roles"
    roles.mkdir()
    original = (
        "---\n"
        "# Owned by the data team\n"
        "title: Data Engineer   # the ATS's title\n"
        "department: Data\n"
        "employment_type: [full_time]\n"
        "date_posted: 2026-11-02\n"
        "locations:\n"
        "- {city: San Francisco, region: CA, country: US, street: 1 Market St}\n"
        "workplace: onsite\n"
        "salary: {currency: USD, min: 100000, max: 120000, unit: year}\n"
        "hiring_manager: 'jo-smith'\n"
        "summary: >-\n"
        "    Build the pipelines behind every\n"
        "    decision we make.\n"
        "\n"
        "# Outcomes agreed with Jo on 2026-11-01\n"
        "must_haves:\n"
        "    -   Python\n"
        "apply: {url: 'https://boards.greenhouse.io/acme/jobs/101', direct: false}  # keep direct: false\n"
        "ats: {provider: greenhouse, board: acme, id: '101'}\n"
        "---\n"
        "Our own words.\n"
    )
    path = roles / "data-engineer.md"
    path.write_text(original, encoding="utf-8")
    job = _job("101", "Data Engineer", [AtsPay("USD", 110000, 130000, None)])
    assert _sync([job], roles) == 1
    updated = path.read_text(encoding="utf-8")
    before, after = original.splitlines(), updated.splitlines()
    changed = [(i, old, new) for i, (old, new) in enumerate(zip(before, after, strict=False)) if old != new]
    assert len(before) + 4 == len(after)  # the flow mapping became a block of four lines
    assert changed[0][1] == "salary: {currency: USD, min: 100000, max: 120000, unit: year}"
    assert after[:9] == before[:9] and after[14:] == before[10:]  # everything else, byte for byte
    front = Frontmatter.parse(updated)
    assert front.value("salary") == {"currency": "USD", "min": 110000, "max": 130000, "unit": "year"}
    assert front.value("locations")[0]["street"] == "1 Market St"  # the editor's street is kept
    assert front.body == "Our own words.\n"  # an editor's body is never replaced
    assert _sync([job], roles) == 0


def test_a_role_file_that_does_not_parse_stops_the_sync_before_anything_is_written(tmp_path):
    from mkdocs_careers.ats.sync import SyncError

    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    with pytest.raises(SyncError, match="roles/broken.md"):
        plan_sync([_job("101", "Data Engineer", None)], provider="greenhouse", board="acme", roles_dir=roles,
                  project_root=tmp_path, today=TODAY, schema_path="x")
    assert [p.name for p in roles.iterdir()] == ["broken.md"]
