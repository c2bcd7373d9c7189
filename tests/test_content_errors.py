"""Bad content gets a clear error naming file, line and field; all problems at once; no traceback;
the previous site/ stays untouched; no frontmatter value can inject markup."""

from __future__ import annotations

import json

from conftest import failed_build, line_of, one_node, replace_in, run_build, tree_digest


def test_minimal_fixture_builds(minimal_project):
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    job = one_node(result.graph("roles/data-lead/"), "JobPosting")
    assert job["title"] == "Data Lead"


def test_malformed_yaml_names_file_and_line(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    replace_in(role, "department: Data", "department: Data: Platform")
    result = failed_build(minimal_project)
    line = line_of(role, "department: Data: Platform")
    assert f"roles/data-lead.md:{line}: department: invalid YAML" in result.output
    assert "must be quoted" in result.output


def test_unclosed_quote_points_at_the_opening_line(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    replace_in(role, "title: Data Lead", "title: \"Data Lead")
    result = failed_build(minimal_project)
    assert "roles/data-lead.md:2: title: invalid YAML: a quoted value is never closed" in result.output


def test_wrong_type_names_field_and_hint(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    replace_in(role, "  min: 150000", "  min: lots")
    result = failed_build(minimal_project)
    assert f"roles/data-lead.md:{line_of(role, 'min: lots')}: salary.min:" in result.output
    assert "plain number" in result.output


def test_missing_field_points_at_the_frontmatter_and_explains(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    replace_in(role, "department: Data\n", "")
    result = failed_build(minimal_project)
    assert "roles/data-lead.md:1: department: required field is missing" in result.output
    assert "add 'department:'" in result.output


def test_unknown_key_suggests_the_right_one(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    replace_in(role, "department: Data", "departmnet: Data")
    result = failed_build(minimal_project)
    assert f"roles/data-lead.md:{line_of(role, 'departmnet')}: departmnet: unknown field" in result.output
    assert "did you mean 'department'?" in result.output


def test_broken_reference_is_an_error(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    replace_in(role, "hiring_manager: jo-smith", "hiring_manager: jo-smyth")
    result = failed_build(minimal_project)
    assert (f"roles/data-lead.md:{line_of(role, 'hiring_manager')}: hiring_manager: no person 'jo-smyth' in people/"
            in result.output)
    assert "did you mean 'jo-smith'?" in result.output


def test_short_faq_answer_is_an_error(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    thirty_words = " ".join(["word"] * 30)
    text = role.read_text(encoding="utf-8")
    start = text.index("    answer: >-\n      Yes.")
    end = text.index("  - question: How large")
    role.write_text(text[:start] + f"    answer: {thirty_words}\n" + text[end:], encoding="utf-8")
    result = failed_build(minimal_project)
    assert (f"roles/data-lead.md:{line_of(role, thirty_words)}: faq[0].answer: answer has 30 words; it must have 40-120"
            in result.output)


def test_all_problems_are_reported_at_once(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    replace_in(role, "department: Data", "departmnet: Data")
    replace_in(role, "hiring_manager: jo-smith", "hiring_manager: nobody")
    replace_in(minimal_project / "people" / "jo-smith.md", "since: 2021-03-01", "since: someday")
    result = failed_build(minimal_project)
    assert "3 content errors" in result.output
    assert "departmnet" in result.output
    assert "people/jo-smith.md" in result.output and "since" in result.output


def test_failed_build_leaves_previous_site_untouched(minimal_project):
    assert run_build(minimal_project).returncode == 0
    before = tree_digest(minimal_project / "site")
    replace_in(minimal_project / "roles" / "data-lead.md", "  min: 150000", "  min: lots")
    failed_build(minimal_project)
    assert tree_digest(minimal_project / "site") == before
    assert not list(minimal_project.glob(".site-staging-*"))


def test_strict_warning_failure_leaves_previous_site_untouched(minimal_project):
    assert run_build(minimal_project).returncode == 0
    before = tree_digest(minimal_project / "site")
    # A broken Markdown link is a warning; --strict turns it into a failure after all pages are written.
    (minimal_project / "content" / "index.md").write_text("# Careers\n\n[broken](missing.md)\n", encoding="utf-8")
    result = run_build(minimal_project)
    assert result.returncode != 0
    assert tree_digest(minimal_project / "site") == before
    assert not list(minimal_project.glob(".site-staging-*"))


def test_injection_in_title_is_escaped_everywhere(minimal_project):
    role = minimal_project / "roles" / "data-lead.md"
    evil = '</script><script>alert(1)</script><!-- "Lead" & <b>co</b>'
    replace_in(role, "title: Data Lead", f"title: {json.dumps(evil)}")
    replace_in(role, "summary: Lead the data team that turns raw events into decisions.",
               "summary: " + json.dumps('"><img src=x onerror=alert(2)> Lead the data team.'))
    result = run_build(minimal_project)
    assert result.returncode == 0, result.output
    page = result.html("roles/data-lead/")
    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b>co</b>" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page
    job = one_node(result.graph("roles/data-lead/"), "JobPosting")
    assert job["title"] == evil  # extruct reads back exactly the editor's text
    head = page.split("</head>")[0]
    assert head.count("<script") == head.count("</script>")
    assert '<meta name="description" content="&#34;&gt;&lt;img' in head or "&quot;&gt;&lt;img" in head


def test_closed_by_build_date(minimal_project):
    # Pinned one day after valid_through: the role closes and loses its JobPosting.
    result = run_build(minimal_project, epoch="1830297600")  # 2028-01-01
    assert result.returncode == 0, result.output
    assert '<meta name="robots" content="noindex">' in result.html("roles/data-lead/")
    assert "JobPosting" not in result.html("roles/data-lead/")


def test_content_warning_goes_through_mkdocs_logger_and_fails_strict(minimal_project):
    (minimal_project / "roles" / "notes.txt").write_text("draft ideas", encoding="utf-8")
    strict = run_build(minimal_project)
    assert strict.returncode != 0
    assert "WARNING" in strict.output and "roles/notes.txt:1: not a Markdown file" in strict.output
    relaxed = run_build(minimal_project, strict=False)
    assert relaxed.returncode == 0, relaxed.output


def test_build_date_from_config_overrides_the_environment(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      build_date: 2028-01-01\n", encoding="utf-8")
    result = run_build(minimal_project)  # SOURCE_DATE_EPOCH says 2026-11-25; the config wins
    assert result.returncode == 0, result.output
    assert "This role is closed" in result.html("roles/data-lead/")


def test_invalid_build_date_is_a_clear_error(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "      build_date: next-tuesday\n", encoding="utf-8")
    result = failed_build(minimal_project)
    assert "careers.build_date: Input should be a valid date" in result.output
    assert "(hint: write the date as YYYY-MM-DD, e.g. 2026-03-31)" in result.output


def test_missing_site_url_is_a_clear_error(minimal_project):
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://careers.example.com/\n", ""),
                      encoding="utf-8")
    result = failed_build(minimal_project)
    assert "set site_url in mkdocs.yml" in result.output
