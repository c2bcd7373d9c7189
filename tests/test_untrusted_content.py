"""Building pull requests from strangers (issue 14): each attack and each silent acceptance, as a regression test.

Symlinks leading out of the repository, raw HTML and script links in bodies, a YAML alias bomb, oversized files,
invisible and direction-changing text, broken or hostile image and URL values, and the editor hints. Every case
is checked through the real `careers check` and, where it matters, a real `mkdocs build`. Browser checks of the
HTML payloads are in test_browser_untrusted_html.py; concurrent builds in test_concurrent_builds.py.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml
from cli_helpers import check, edit, line_of, read_frontmatter, write_frontmatter
from conftest import PINNED_EPOCH, run_build, single_graph
from content_fuzzing import ALL_FIELDS, FuzzField, set_field
from mkdocs_careers.content.body_html import neutralize_markdown, removed_html, sanitize_body_html

ROLE, PERSON, STUDY = "roles/data-lead.md", "people/jo-smith.md", "case_studies/warehouse-migration.md"
SECRET = "runner-secret-token-3f9a"


@pytest.fixture
def outside_secret(tmp_path) -> Path:
    """A file outside the project, standing in for /etc/passwd or a CI runner's token file."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    return secret


def problems_of(run, path: str | None = None, rule: str | None = None) -> list[dict]:
    return run.problems(path, rule)


def site_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


def set_option(project: Path, **options) -> None:
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["plugins"][0]["careers"].update(options)
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


# --- 1. Content confinement ---------------------------------------------------------------------------------
def test_docs_dir_file_linked_outside_is_refused_and_never_published(minimal_project, outside_secret):
    (minimal_project / "content" / "passwd.txt").symlink_to(outside_secret)
    result = run_build(minimal_project)
    assert result.returncode != 0
    assert re.search(r"content/passwd\.txt:1: is a symbolic link that leads outside the project", result.output)
    assert "Traceback" not in result.output
    assert not (minimal_project / "site").exists()


def test_role_file_linked_outside_is_refused_with_a_located_error(minimal_project, outside_secret):
    target = outside_secret.parent / "data-lead.md"
    target.write_text((minimal_project / ROLE).read_text(encoding="utf-8") + f"\n{SECRET}\n", encoding="utf-8")
    (minimal_project / ROLE).unlink()
    (minimal_project / ROLE).symlink_to(target)
    run = check(minimal_project)
    assert run.exit_code == 1
    [problem] = problems_of(run, ROLE, "confinement")
    assert problem["line"] == 1 and "outside the project" in problem["message"] and problem["hint"]
    result = run_build(minimal_project)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert SECRET not in result.output


def test_people_folder_linked_outside_is_refused(minimal_project, outside_secret):
    outside_people = outside_secret.parent / "people"
    (minimal_project / "people").rename(outside_people)
    (minimal_project / "people").symlink_to(outside_people)
    run = check(minimal_project)
    [problem] = problems_of(run, "people", "confinement")
    assert problem["message"].startswith("the folder is a symbolic link that leads outside the project")
    # Nothing from the folder was read: the role's manager is now missing, reported as such.
    assert problems_of(run, ROLE, "reference")


def test_person_image_linked_outside_is_refused(minimal_project, outside_secret):
    folder = minimal_project / "content" / "assets" / "people"
    folder.mkdir(parents=True)
    (folder / "leak.svg").symlink_to(outside_secret)
    edit(minimal_project / PERSON, image="assets/people/leak.svg")
    run = check(minimal_project)
    [problem] = problems_of(run, PERSON, "image")
    assert problem["line"] == line_of(minimal_project / PERSON, "image:")
    assert "outside the project" in problem["message"]
    result = run_build(minimal_project)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert not (minimal_project / "site").exists()


def test_allow_symlinks_follows_links_inside_the_project_only(minimal_project, outside_secret):
    drafts = minimal_project / "drafts"
    drafts.mkdir()
    (minimal_project / ROLE).rename(drafts / "data-lead.md")
    (minimal_project / ROLE).symlink_to(Path("..") / "drafts" / "data-lead.md")
    [refused] = problems_of(check(minimal_project), ROLE, "confinement")
    assert "is a symbolic link (to drafts/data-lead.md)" in refused["message"]
    assert "allow_symlinks: true" in refused["hint"]

    set_option(minimal_project, allow_symlinks=True)
    assert problems_of(check(minimal_project), ROLE) == []
    (minimal_project / "content" / "passwd.txt").symlink_to(outside_secret)
    result = run_build(minimal_project)
    assert result.returncode != 0 and "content/passwd.txt:1: is a symbolic link that leads outside" in result.output


# --- 5. Images and URLs ----------------------------------------------------------------------------------------
def _write_image(project: Path, name: str, data: bytes) -> None:
    folder = project / "content" / "assets" / "people"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


@pytest.mark.parametrize(("image", "message", "hint"), [
    ("assets/people/jo.jpg", "there is no file 'assets/people/jo.jpg' in content/", "did you mean 'assets/people/jo.png'?"),
    ("assets/people/notes.txt", "is not an image file", "use a photo in one of these formats"),
    ("assets/people/fake.jpg", "does not hold JPG image data", "export the photo again"),
    ("javascript:alert(1)", "is a javascript: URL, not a web address", "use an https:// address"),
    ("data:image/svg+xml,<svg onload=alert(1)>", "is a data: URL, not a web address", "use an https:// address"),
    ("/etc/passwd", "there is no file '/etc/passwd' in content/", "content/"),
    ("../../../../etc/passwd", "is outside the project", "inside the repository"),
    ("../mkdocs.yml", "is outside content/, so it would not be published", "content/assets/people/"),
])
def test_person_image_must_be_an_image_inside_docs_dir(minimal_project, image, message, hint):
    _write_image(minimal_project, "jo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    _write_image(minimal_project, "notes.txt", b"hello")
    _write_image(minimal_project, "fake.jpg", b"not a jpeg at all")
    edit(minimal_project / PERSON, image=image)
    run = check(minimal_project)
    [problem] = [p for p in problems_of(run, PERSON) if p["field"] == "image"]
    assert problem["severity"] == "error" and problem["line"] == line_of(minimal_project / PERSON, "image:")
    assert message in problem["message"], problem
    assert hint in problem["hint"], problem


def test_a_real_local_photo_is_accepted(minimal_project):
    _write_image(minimal_project, "jo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    edit(minimal_project / PERSON, image="assets/people/jo.png")
    assert [p for p in problems_of(check(minimal_project), PERSON) if p["field"] == "image"] == []


@pytest.mark.parametrize(("field_value", "message", "hint"), [
    ('https://x.example/"><script>alert(1)</script>', "contains '\"' at character 19, which a URL cannot hold",
     "percent-encoded"),
    ("linkedin.com/in/jo-smith", "has no https:// at the start", "write the full address: https://linkedin.com/in/jo-smith"),
    ("javascript:alert(document.cookie)", "is a javascript: URL", "javascript: links run code"),
])
def test_url_fields_are_checked_the_same_way_everywhere(minimal_project, field_value, message, hint):
    edit(minimal_project / PERSON, same_as=[field_value])
    data, body = read_frontmatter(minimal_project / ROLE)
    data["apply"]["url"] = field_value
    write_frontmatter(minimal_project / ROLE, data, body)
    run = check(minimal_project)
    for path, field in ((PERSON, "same_as[0]"), (ROLE, "apply.url")):
        [problem] = [p for p in problems_of(run, path) if p["field"] == field]
        assert message in problem["message"] and hint in problem["hint"], problem


def test_plain_http_apply_url_is_a_warning_with_the_https_address(minimal_project):
    data, body = read_frontmatter(minimal_project / ROLE)
    data["apply"]["url"] = "http://jobs.example.com/apply/data-lead"
    write_frontmatter(minimal_project / ROLE, data, body)
    [problem] = problems_of(check(minimal_project), ROLE, "apply-https")
    assert problem["severity"] == "warning" and problem["hint"] == "use https://jobs.example.com/apply/data-lead"


def test_empty_body_is_a_warning_at_the_body(minimal_project):
    data, _ = read_frontmatter(minimal_project / ROLE)
    write_frontmatter(minimal_project / ROLE, data, "\n")
    [problem] = problems_of(check(minimal_project), ROLE, "empty-body")
    assert problem["severity"] == "warning" and "no text after the frontmatter" in problem["message"]


def test_empty_body_leaves_its_section_out_of_every_output(minimal_project):
    data, _ = read_frontmatter(minimal_project / ROLE)
    write_frontmatter(minimal_project / ROLE, data, "\n")
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0, result.output
    html = result.html("roles/data-lead/")
    job = next(n for n in single_graph(html) if n["@type"] == "JobPosting")
    copy = (result.site / "roles" / "data-lead" / "index.md").read_text(encoding="utf-8")
    assert 'id="about-the-role"' not in html and "about-the-role" not in job["description"]
    assert "job at Example Co" not in copy  # the about heading ("Data Lead job at Example Co, ...")
    assert 'id="outcomes-90-days"' in html  # the rest of the page is there


def test_control_characters_in_a_body_are_errors_at_their_lines(minimal_project):
    """One finding per line, at the line and column: a control character is invisible in the editor."""
    data, body = read_frontmatter(minimal_project / ROLE)
    write_frontmatter(minimal_project / ROLE, data, body.replace("You will lead", "You\x1b will\x01 lead", 1)
                      + "\nPasted\x07 text.\n")
    found = problems_of(check(minimal_project), ROLE, "body-control-character")
    assert [(p["line"], p["severity"], p["field"]) for p in found] == [
        (line_of(minimal_project / ROLE, "You"), "error", "body"),
        (line_of(minimal_project / ROLE, "Pasted"), "error", "body")]
    assert "U+001B at character 4 of the line" in found[0]["message"] and "U+0007" in found[1]["message"]
    write_frontmatter(minimal_project / ROLE, data, body)  # written out again: no finding
    assert problems_of(check(minimal_project), ROLE, "body-control-character") == []


def test_a_body_with_control_characters_builds_when_the_rule_is_switched_off(minimal_project):
    """The rule can be switched off for a file; the outputs (XML feeds included) still build and parse."""
    data, body = read_frontmatter(minimal_project / ROLE)
    write_frontmatter(minimal_project / ROLE, {**data, "lint_disable": ["body-control-character"]},
                      body + "\nPasted\x07 text.\n")
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0 and "Traceback" not in result.output, result.output
    for name in ("indeed.xml", "linkedin.xml"):
        description = lxml.etree.fromstring((result.site / "roles" / name).read_bytes()).find("job").findtext(
            "description")
        assert "Pasted text." in description, name


# --- 5. Editor hints -------------------------------------------------------------------------------------------
def _field_problem(run, path: str, field: str) -> dict:
    [problem] = [p for p in problems_of(run, path) if p["field"] == field]
    return problem


@pytest.mark.parametrize(("country", "hint"), [("Canada", "use CA"), ("Germany", "use DE"), ("UK", "use GB"),
                                               ("ca", "use CA")])
def test_country_names_get_the_iso_code_as_hint(minimal_project, country, hint):
    data, body = read_frontmatter(minimal_project / ROLE)
    data["locations"][0]["country"] = country
    write_frontmatter(minimal_project / ROLE, data, body)
    problem = _field_problem(check(minimal_project), ROLE, "locations[0].country")
    assert "such as US, GB, DE or CA" in problem["message"] and problem["hint"] == hint


@pytest.mark.parametrize("currency", ["usd", "US$", "$", "Dollars"])
def test_currency_written_loosely_gets_usd_as_hint(minimal_project, currency):
    data, body = read_frontmatter(minimal_project / ROLE)
    data["salary"]["currency"] = currency
    write_frontmatter(minimal_project / ROLE, data, body)
    assert _field_problem(check(minimal_project), ROLE, "salary.currency")["hint"] == "use USD"


def test_hiring_manager_written_as_a_name_suggests_the_slug(minimal_project):
    edit(minimal_project / ROLE, hiring_manager="Jo Smith")
    problem = _field_problem(check(minimal_project), ROLE, "hiring_manager")
    assert problem["hint"].startswith("did you mean 'jo-smith'?")


def test_faq_word_count_is_singular_for_one_word(minimal_project):
    data, body = read_frontmatter(minimal_project / ROLE)
    data["faq"][0]["answer"] = "Yes."
    write_frontmatter(minimal_project / ROLE, data, body)
    [problem] = problems_of(check(minimal_project), ROLE, "faq-answer-length")
    assert problem["message"].startswith("answer has 1 word;")


def test_too_short_faq_answer_is_reported_together_with_field_errors(minimal_project):
    data, body = read_frontmatter(minimal_project / ROLE)
    data["faq"][0]["answer"] = "Yes."
    data["departmnet"] = data.pop("department")
    data["salary"]["currency"] = "usd"
    write_frontmatter(minimal_project / ROLE, data, body)
    run = check(minimal_project)
    fields = {(p["rule"], p["field"]) for p in problems_of(run, ROLE)}
    assert {("schema", "departmnet"), ("schema", "department"), ("schema", "salary.currency"),
            ("faq-answer-length", "faq[0].answer")} <= fields, fields
    # A broken field is not linted as if it were missing: no "no pay range" on top of the currency error.
    assert not problems_of(run, ROLE, "pay-transparency")


@pytest.mark.parametrize(("encoding", "shown"), [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16 (little-endian)")])
def test_utf16_file_is_named_as_utf16(minimal_project, encoding, shown):
    path = minimal_project / ROLE
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    [problem] = problems_of(check(minimal_project), ROLE, "syntax")
    assert problem["message"] == f"the file is {shown} text, not UTF-8" and "UTF-8" in problem["hint"]


def test_ontario_threshold_names_the_maximum(minimal_project):
    data, body = read_frontmatter(minimal_project / ROLE)
    data["locations"] = [{"city": "Toronto", "region": "ON", "country": "CA"}]
    data["salary"] = {"currency": "CAD", "min": 100000, "max": 180000, "unit": "year"}
    write_frontmatter(minimal_project / ROLE, data, body)
    [problem] = [p for p in problems_of(check(minimal_project), ROLE, "pay-transparency")
                 if p["message"].startswith("the range is")]
    assert "the limit does not apply when salary.max is above CA$200,000 a year" in problem["message"]


def test_check_follows_strict_from_mkdocs_yml(minimal_project):
    edit(minimal_project / PERSON, summary="Jo leads data.")  # a warning (summary-length)
    assert check(minimal_project).exit_code == 0
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "strict: true\n", encoding="utf-8")
    assert check(minimal_project).exit_code == 1
    assert run_build(minimal_project, strict=False).returncode == 1  # the build agrees


# --- 3. Resource limits ----------------------------------------------------------------------------------------
def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return "\n".join(lines) + f"\nskills: [{', '.join([f'*a{levels}'] * 9)}]\n"


def _limited(seconds: int, memory_bytes: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

    return apply


@pytest.mark.parametrize("command", ["check", "build"])
def test_yaml_alias_bomb_is_refused_in_milliseconds_within_a_memory_limit(minimal_project, command):
    path = minimal_project / ROLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Data Lead\n", "title: Data Lead\n" + alias_bomb(), 1), encoding="utf-8")
    tool = "careers" if command == "check" else "mkdocs"
    args = ["check", "--format", "json"] if command == "check" else ["build", "--strict"]
    started = time.monotonic()
    proc = subprocess.run([str(Path(sys.executable).with_name(tool)), *args], cwd=minimal_project,
                          capture_output=True, text=True, timeout=60, preexec_fn=_limited(30, 1024 * 1024 * 1024),
                          env={**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_MKDOCS_2_WARNING": "1"})
    elapsed = time.monotonic() - started
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert "Traceback" not in output and elapsed < 20, (elapsed, output)
    line = line_of(path, "a4: &a4")
    assert f"roles/data-lead.md:{line}: a4: the value expands to more than 10,000 values through YAML aliases" in (
        output if command == "build" else "\n".join(
            f"{p['path']}:{p['line']}: {p['field']}: {p['message']}" for p in json.loads(proc.stdout)["diagnostics"]))


def test_parsing_the_bomb_itself_takes_milliseconds(tmp_path):
    from mkdocs_careers.content.loading import parse_document

    path = tmp_path / "bomb.md"
    path.write_text(f"---\ntitle: x\n{alias_bomb(12)}---\nbody\n", encoding="utf-8")
    started = time.perf_counter()
    doc = parse_document(path, "roles/bomb.md", "bomb")
    assert time.perf_counter() - started < 0.5
    assert [d.rule for d in doc.diagnostics] == ["limits"]


def test_alias_loops_and_reused_aliases_are_reported(minimal_project):
    path = minimal_project / ROLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("skills", "x").replace("must_haves:\n  - 5 years leading data teams",
                                                        "must_haves: &needs\n  - 5 years leading data teams\n"
                                                        "nice_to_haves: *needs"), encoding="utf-8")
    [reuse] = [p for p in problems_of(check(minimal_project), ROLE, "syntax")]
    assert reuse["field"] == "nice_to_haves" and reuse["severity"] == "warning"
    assert "copy of the one anchored on line" in reuse["message"]
    path.write_text(text.replace("title: Data Lead\n", "title: Data Lead\nloop: &loop [*loop]\n"), encoding="utf-8")
    [loop] = problems_of(check(minimal_project), ROLE, "limits")
    assert loop["field"] == "loop" and "contains itself through a YAML alias" in loop["message"]


def test_file_size_limit_is_a_located_error_and_configurable(minimal_project):
    path = minimal_project / ROLE
    path.write_text(path.read_text(encoding="utf-8") + "word " * 300_000, encoding="utf-8")
    [problem] = problems_of(check(minimal_project), ROLE, "limits")
    assert problem["line"] == 1 and "content files may be at most 1,024 KB" in problem["message"]
    assert "limits.max_file_kb" in problem["hint"]
    set_option(minimal_project, limits={"max_file_kb": 4096})
    assert problems_of(check(minimal_project), ROLE, "limits") == []


# --- 4. Text hygiene -------------------------------------------------------------------------------------------
TEXT_FIELDS = [f for f in ALL_FIELDS if f.path[-1] != "answer"]


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=lambda f: f.name)
@pytest.mark.parametrize(("text", "code_point", "position"), [
    ("Data \u202eLead", "U+202E (RIGHT-TO-LEFT OVERRIDE)", 6),
    ("Data\u200bLead", "U+200B (ZERO WIDTH SPACE)", 5),
    ("\u2066Lead", "U+2066 (LEFT-TO-RIGHT ISOLATE)", 1),
])
def test_bidi_and_zero_width_characters_are_errors_in_every_text_field(rich_project, field: FuzzField, text,
                                                                        code_point, position):
    set_field(rich_project, field, text)
    problem = _field_problem(check(rich_project), field.file, field.name.split(":", 1)[1])
    assert f"contains {code_point} at character {position};" in problem["message"], problem


@pytest.fixture
def rich_project(tmp_path) -> Path:
    from content_fuzzing import rich_project as make

    return make(tmp_path / "rich")


@pytest.mark.parametrize("title", ["\u200b\u200b", "\u3164", "\u2800 "])
def test_title_must_contain_a_visible_character(minimal_project, title):
    edit(minimal_project / ROLE, title=title)
    problem = _field_problem(check(minimal_project), ROLE, "title")
    assert problem["message"].startswith(("has no visible character", "contains U+200B"))


@pytest.mark.parametrize("name", ["Zoë Saldaña-Ñúñez", "👩🏽\u200d💻 Dev", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
                                  "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Scot"])
def test_real_writing_with_joiners_is_accepted(minimal_project, name):
    edit(minimal_project / PERSON, name=name)
    assert [p for p in problems_of(check(minimal_project), PERSON) if p["field"] == "name"] == []


# --- 2. Body HTML policy (static; the browser checks are in test_browser_untrusted_html.py) --------------------
PAYLOADS = {
    "img-onerror": "<img src=x onerror=alert(1)>",
    "script": "<script>alert(1)</script>",
    "iframe-data": '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    "javascript-link": "[click](javascript:alert(1))",
}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_raw_html_in_a_role_body_is_reported_with_its_line_and_removed_everywhere(minimal_project, payload):
    data, _ = read_frontmatter(minimal_project / ROLE)
    body = f"You will lead a team of six.\n\nSecond paragraph {payload} end.\n"
    write_frontmatter(minimal_project / ROLE, data, body)
    run = check(minimal_project)
    found = problems_of(run, ROLE, "raw-html")
    assert found and all(p["line"] == line_of(minimal_project / ROLE, "Second paragraph") for p in found), found
    result = run_build(minimal_project, strict=False)
    assert result.returncode == 0, result.output
    html = result.html("roles/data-lead/")
    article = lxml.html.document_fromstring(html)
    assert not article.xpath("//article//script | //iframe | //*[@onerror] | //a[starts-with(@href, 'javascript')]")
    [job] = [n for n in single_graph(html) if n.get("@type") == "JobPosting"]
    for text in (job["description"], (result.site / "roles" / "data-lead" / "index.md").read_text(encoding="utf-8"),
                 (result.site / "llms-full.txt").read_text(encoding="utf-8")):
        assert not re.search(r"<script|onerror|<iframe|javascript:", text, re.I), text


def test_allow_raw_html_publishes_the_html_unchanged(minimal_project):
    set_option(minimal_project, allow_raw_html=True)
    data, _ = read_frontmatter(minimal_project / ROLE)
    write_frontmatter(minimal_project / ROLE, data, 'Text <span style="color: red">red</span>.\n')
    assert problems_of(check(minimal_project), ROLE, "raw-html") == []
    result = run_build(minimal_project, strict=False)
    assert '<span style="color: red">red</span>' in result.html("roles/data-lead/")


def test_markdown_features_survive_the_policy():
    import markdown

    source = ("# Title {: #top .lead }\n\n!!! note \"Heads up\"\n    Body with **bold** and `code`.\n\n"
              "| Left | Right |\n|:--|--:|\n| 1 | 2 |\n\n![Photo](assets/jo.png){: width=\"96\" }\n\n"
              "[Mail](mailto:jobs@example.com) [Web](https://example.com/) [Rel](../people/jo-smith.md)\n\n"
              "```\nprint('<script>')\n```\n")
    html = markdown.markdown(source, extensions=["toc", "admonition", "attr_list", "tables", "fenced_code"])
    site_classes = frozenset({"lead"})  # a class of the site's own CSS, allowed with allow_classes
    assert _normalised(sanitize_body_html(html, site_classes)) == _normalised(html)
    assert removed_html(source, site_classes) == [] and neutralize_markdown(source) == source


def _normalised(html: str) -> list[str]:
    """The fragment as lxml serialises it, with inline styles written one way (nh3 drops spaces and ';')."""
    parts = lxml.html.fragments_fromstring(html)
    for part in parts:
        for element in part.iter():
            if element.get("style"):
                element.set("style", element.get("style").replace(" ", "").rstrip(";"))
    return [lxml.html.tostring(part, encoding="unicode") for part in parts]


def test_organization_logo_linked_outside_is_refused(minimal_project, outside_secret):
    (minimal_project / "content" / "logo.svg").symlink_to(outside_secret)
    config = yaml.safe_load((minimal_project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["careers"]["organization"]["logo"] = "logo.svg"
    (minimal_project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    [problem] = problems_of(check(minimal_project), "mkdocs.yml", "image")
    assert problem["field"] == "organization.logo" and "outside the project" in problem["message"]
