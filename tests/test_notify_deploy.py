"""Build manifests of the demo at two build dates, their diff, and `careers notify` end to end: the dry run lists
exactly the changed URLs per channel, and the real run sends exactly those requests to local protocol servers."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from cli_helpers import run_cli
from conftest import PINNED_EPOCH, REPO, copy_project, replace_in, run_build
from mkdocs_careers.notify.manifest_diff import diff_manifests, load_manifest
from notify_servers import GoogleServer, IndexNowServer, StaticSite

SITE = "https://careers.northwind-labs.example/"
HOST = "careers.northwind-labs.example"
KEY = "northwind-indexnow-key-2026"
DAY = 86_400
LATER = str(int(PINNED_EPOCH) + 15 * DAY)  # 2026-12-10: no role closes by date in between
CLOSED = f"{SITE}roles/data-platform-lead/"
NEW = f"{SITE}roles/ml-platform-engineer/"
CHANGED = f"{SITE}roles/ml-engineering-manager/"
HOME = SITE  # the home page lists the open roles as cards, so it changes with them
NOTIFY_OPTIONS = (
    "      indexnow:\n"
    f"        key: {KEY}\n"
    "        endpoint: !ENV [CAREERS_INDEXNOW_ENDPOINT, 'https://api.indexnow.org/indexnow']\n"
    "      google_indexing:\n"
    "        endpoint: !ENV [CAREERS_GOOGLE_ENDPOINT, 'https://indexing.googleapis.com']\n")


@pytest.fixture(scope="module")
def deploys(tmp_path_factory):
    """The demo built on the pinned date, then edited (one role changed, one closed, one new) and rebuilt later."""
    project = copy_project(REPO, tmp_path_factory.mktemp("deploys") / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NOTIFY_OPTIONS, encoding="utf-8")
    first = run_build(project)
    assert first.returncode == 0, first.output
    before = project.parent / "before-manifest.json"
    shutil.copy(first.site / "careers-manifest.json", before)
    roles = project / "roles"
    replace_in(roles / "ml-engineering-manager.md", "Lead 7 ML engineers", "Lead 8 ML engineers")
    replace_in(roles / "data-platform-lead.md", "workplace: remote", "closed: true\nworkplace: remote")
    shutil.copy(roles / "ai-product-manager.md", roles / "ml-platform-engineer.md")
    replace_in(roles / "ml-platform-engineer.md", "title: AI Product Manager", "title: ML Platform Engineer")
    second = run_build(project, epoch=LATER)
    assert second.returncode == 0, second.output
    return project, before, second.site


def test_manifest_lists_every_page_with_kind_status_hash_and_content_date(demo_build):
    manifest = json.loads((demo_build.site / "careers-manifest.json").read_text(encoding="utf-8"))
    pages = {p["url"]: p for p in manifest["pages"]}
    assert manifest["build_date"] == "2026-11-25" and manifest["site_url"] == SITE
    assert [p["url"] for p in manifest["pages"]] == sorted(pages)
    assert pages[f"{SITE}roles/mlops-engineering-lead/"]["open"] is False  # closed, page still online
    role = pages[f"{SITE}roles/ml-engineering-manager/"]
    assert role == {"url": role["url"], "kind": "role", "open": True, "hash": role["hash"], "lastmod": "2026-11-12"}
    assert {p["kind"] for p in manifest["pages"]} == {"page", "index", "role", "person", "case_study"}
    sitemap = (demo_build.site / "sitemap.xml").read_text(encoding="utf-8")
    for url, page in pages.items():
        assert (f"<loc>{url}</loc>" in sitemap) == page["open"]  # the manifest covers every live page, and more
        assert page["hash"].startswith("sha256:") and len(page["hash"]) == 71


def test_manifest_diff_between_two_deploys_finds_the_changed_closed_and_new_role(deploys):
    project, before, site = deploys
    previous, _ = load_manifest(str(before))
    current, _ = load_manifest(str(site / "careers-manifest.json"))
    diff = diff_manifests(previous, current)
    assert [(c.change, c.url) for c in diff.changes] == [("closed", CLOSED), ("new", NEW), ("changed", HOME),
                                                          ("changed", CHANGED)]
    assert (previous.build_date, current.build_date) == ("2026-11-25", "2026-12-10")


def test_manifest_diff_sees_roles_closing_and_reopening_with_the_build_date(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    first = run_build(project)
    assert first.returncode == 0, first.output
    before, _ = load_manifest(str(first.site / "careers-manifest.json"))
    # 2027-10-20: the analytics lead (apply by 2027-10-15) has closed by date; reopen the withdrawn MLOps role.
    replace_in(project / "roles" / "mlops-engineering-lead.md", "closed: true", "closed: false")
    replace_in(project / "roles" / "mlops-engineering-lead.md", "valid_through: 2026-09-30", "valid_through: 2027-12-31")
    later = run_build(project, epoch=str(int(PINNED_EPOCH) + 329 * DAY))
    assert later.returncode == 0, later.output
    after, _ = load_manifest(str(later.site / "careers-manifest.json"))
    diff = diff_manifests(before, after)
    assert [(c.change, c.url) for c in diff.changes] == [
        ("closed", f"{SITE}roles/analytics-experimentation-lead/"), ("new", f"{SITE}roles/mlops-engineering-lead/"),
        ("changed", HOME)]
    # A page that disappears is "gone"; nothing is announced twice.
    (project / "roles" / "ai-product-manager.md").unlink()
    removed = run_build(project, epoch=str(int(PINNED_EPOCH) + 329 * DAY))
    assert removed.returncode == 0, removed.output
    gone, _ = load_manifest(str(removed.site / "careers-manifest.json"))
    assert [(c.change, c.url) for c in diff_manifests(after, gone).changes] == [
        ("gone", f"{SITE}roles/ai-product-manager/"), ("changed", HOME)]
    assert diff_manifests(gone, gone).changes == ()


def notify(project, site, *args, env=None):
    return run_cli("notify", "-f", str(project / "mkdocs.yml"), "--site-dir", str(site),
                   "--state", str(project.parent / "notify-state.json"), *args, env=env)


def test_dry_run_lists_exactly_the_changed_urls_per_channel(deploys):
    project, before, site = deploys
    code, output = notify(project, site, "--previous", str(before), "--dry-run", "--json")
    assert code == 0, output
    report = json.loads(output)
    channels = {c["channel"]: c for c in report["channels"]}
    assert channels["indexnow"]["status"] == "dry-run"
    assert channels["indexnow"]["planned"] == [CLOSED, NEW, HOME, CHANGED]
    assert channels["google_indexing"]["status"] == "not-configured"  # no service account: nothing would go out
    assert channels["google_indexing"]["planned"] == [
        f"URL_DELETED {CLOSED} (closed)", f"URL_UPDATED {NEW} (new)", f"URL_UPDATED {CHANGED} (changed)"]
    assert not (project.parent / "notify-state.json").exists()  # a dry run changes nothing
    code, text = notify(project, site, "--previous", str(before), "--dry-run")
    assert code == 0 and "1 closed, 0 gone, 1 new, 2 changed" in text
    assert f"would send: URL_DELETED {CLOSED} (closed)" in text and f"would send: {NEW}" in text


def test_real_run_sends_exactly_the_right_requests(deploys, tmp_path):
    project, before, site = deploys
    with IndexNowServer(HOST, KEY) as indexnow, GoogleServer() as google:
        credentials = tmp_path / "service-account.json"
        credentials.write_text(json.dumps(google.account.info()), encoding="utf-8")
        env = {"CAREERS_INDEXNOW_ENDPOINT": indexnow.endpoint, "CAREERS_GOOGLE_ENDPOINT": google.endpoint}
        code, dry = notify(project, site, "--previous", str(before), "--google-credentials", str(credentials),
                           "--dry-run", "--json", env=env)
        assert code == 0 and indexnow.requests == [] and google.requests == []  # a dry run sends nothing
        assert [c["status"] for c in json.loads(dry)["channels"]] == ["dry-run", "dry-run"]
        code, output = notify(project, site, "--previous", str(before), "--google-credentials", str(credentials),
                              "--json", env=env)
    assert code == 0, output
    assert indexnow.problems == [] and google.problems == []
    assert indexnow.url_lists() == [[CLOSED, NEW, HOME, CHANGED]]
    body = indexnow.requests[0].json()
    assert body == {"host": HOST, "key": KEY, "keyLocation": f"{SITE}{KEY}.txt", "urlList": [CLOSED, NEW, HOME, CHANGED]}
    assert [r.path for r in google.requests] == ["/token", "/batch"]
    assert google.published() == [("URL_DELETED", CLOSED), ("URL_UPDATED", NEW), ("URL_UPDATED", CHANGED)]
    assert (site / f"{KEY}.txt").read_text(encoding="utf-8").strip() == KEY
    statuses = {c["channel"]: c["status"] for c in json.loads(output)["channels"]}
    assert statuses == {"indexnow": "sent", "google_indexing": "sent"}


def test_previous_manifest_from_the_live_site_saved_before_publishing(deploys, tmp_path):
    project, before, site = deploys
    live_root = tmp_path / "live"
    live_root.mkdir()
    with StaticSite(live_root) as live:
        live_manifest = f"{live.url}/careers-manifest.json"
        code, output = notify(project, site, "--previous", live_manifest, "--dry-run", "--json")
        assert code == 0, output
        report = json.loads(output)  # nothing published yet (404): a first deploy, every page is new
        assert "first deploy" in report["note"] and len(report["changes"]["new"]) > 10
        shutil.copy(before, live_root / "careers-manifest.json")
        saved = tmp_path / "previous.json"
        code, message = notify(project, site, "--previous", live_manifest, "--save-previous", str(saved))
        assert code == 0 and "Saved the previous manifest" in message
    code, output = notify(project, site, "--previous", str(saved), "--dry-run", "--json")
    assert code == 0, output
    assert json.loads(output)["channels"][0]["planned"] == [CLOSED, NEW, HOME, CHANGED]


def test_without_credentials_nothing_is_sent_and_the_report_says_what_to_configure(minimal_project, tmp_path):
    built = run_build(minimal_project)
    assert built.returncode == 0, built.output
    empty = tmp_path / "empty.json"
    empty.write_text('{"pages": []}', encoding="utf-8")
    code, output = notify(minimal_project, built.site, "--previous", str(empty),
                          env={"INDEXNOW_KEY": "", "GOOGLE_INDEXING_CREDENTIALS": "", "GOOGLE_APPLICATION_CREDENTIALS": ""})
    assert code == 0, output
    assert "IndexNow: not-configured: nothing sent: no IndexNow key. Set indexnow.key in mkdocs.yml or the " \
           "INDEXNOW_KEY" in output
    assert "Google Indexing API: not-configured: nothing sent: no service account. Set the " \
           "GOOGLE_INDEXING_CREDENTIALS secret" in output and "Search Console" in output
    assert "would send: URL_UPDATED https://careers.example.com/roles/data-lead/ (new)" in output


def test_unreadable_previous_manifest_is_a_usage_error(deploys, tmp_path):
    project, _, site = deploys
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, output = notify(project, site, "--previous", str(broken), "--dry-run")
    assert code == 2 and "not JSON" in output


def test_deploy_workflow_runs_notify_after_publishing_with_documented_secrets():
    text = (REPO / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    jobs = yaml.load(text, Loader=yaml.BaseLoader)["jobs"]
    assert jobs["notify"]["needs"] == "deploy"
    build_runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    save = next(i for i, run in enumerate(build_runs) if "careers notify --save-previous" in run)
    assert save < build_runs.index("mkdocs build --strict")  # the live manifest is read before it is replaced
    notify_step = next(step for step in jobs["notify"]["steps"] if step.get("name") == "careers notify")
    assert notify_step["run"].startswith("careers notify --previous ")
    assert set(notify_step["env"]) == {"INDEXNOW_KEY", "GOOGLE_INDEXING_CREDENTIALS"}
    assert "--allow-mass-delete" in notify_step["run"]  # only when the run was started with it (ALLOW_MASS_DELETE)
    _, help_text = run_cli("notify", "--help")
    for flag in re.findall(r"--[a-z-]+", notify_step["run"] + build_runs[save]):
        assert flag in help_text, flag
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for secret in ("INDEXNOW_KEY", "GOOGLE_INDEXING_CREDENTIALS"):
        assert secret in text and secret in readme


def test_broken_service_account_key_stops_before_anything_is_sent(deploys, tmp_path):
    project, before, site = deploys
    broken = tmp_path / "key.json"
    broken.write_text('{"type": "service_account"}', encoding="utf-8")
    with IndexNowServer(HOST, KEY) as indexnow:
        code, output = notify(project, site, "--previous", str(before), "--google-credentials", str(broken),
                              env={"CAREERS_INDEXNOW_ENDPOINT": indexnow.endpoint})
    assert code == 2 and "not a service account key (missing client_email, private_key, token_uri)" in output
    assert indexnow.requests == []


def test_save_previous_creates_its_folder(deploys, tmp_path):
    project, before, site = deploys
    saved = tmp_path / "notify" / "deep" / "previous-manifest.json"
    code, message = notify(project, site, "--previous", str(before), "--save-previous", str(saved))
    assert code == 0, message
    assert json.loads(saved.read_text(encoding="utf-8"))["pages"]


@pytest.mark.parametrize("url, why", [
    ("javascript:alert(1)", "is not an https URL"),
    ("http://careers.northwind-labs.example/roles/x/", "is not an https URL"),
    ("https://evil.example/roles/x/", "is not on the site's host careers.northwind-labs.example"),
    ("https://careers.northwind-labs.example.evil.example/roles/x/", "is not on the site's host"),
    ("https://user@careers.northwind-labs.example/roles/x/", "carries a user name"),
    ("https://careers.northwind-labs.example/roles/../../admin/", "is not under the site's path"),
    ("https://careers.northwind-labs.example/roles/x/\n::add-mask::x", "has spaces, control characters"),
])
def test_a_manifest_url_that_is_not_the_sites_own_is_refused_before_anything_is_sent(deploys, tmp_path, url, why):
    project, before, site = deploys
    planted = json.loads(before.read_text(encoding="utf-8"))
    planted["pages"].append({"url": url, "kind": "role", "open": True, "hash": "x"})
    previous = tmp_path / "planted.json"
    previous.write_text(json.dumps(planted), encoding="utf-8")
    with IndexNowServer(HOST, KEY) as indexnow:
        code, output = notify(project, site, "--previous", str(previous),
                              env={"CAREERS_INDEXNOW_ENDPOINT": indexnow.endpoint})
    assert code == 2 and indexnow.requests == []
    assert f"{previous}: pages[].url {json.dumps(url)}: {why}" in output and "nothing was sent" in output
    assert "\n::add-mask::" not in output  # the URL is shown escaped, on one line


def test_closing_most_open_roles_at_once_needs_allow_mass_delete(deploys, tmp_path):
    project, before, site = deploys
    planted = json.loads(before.read_text(encoding="utf-8"))
    extra = [{"url": f"{SITE}roles/planted-{n}/", "kind": "role", "open": True, "hash": "x"} for n in range(12)]
    planted["pages"] += extra  # twelve open roles the new build does not have: "gone" all at once
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(planted), encoding="utf-8")
    with IndexNowServer(HOST, KEY) as indexnow:
        env = {"CAREERS_INDEXNOW_ENDPOINT": indexnow.endpoint}
        code, output = notify(project, site, "--previous", str(previous), env=env)
        assert code == 1 and indexnow.requests == []
        assert "13 of the" in output and "--allow-mass-delete" in output  # 12 gone and 1 closed
        code, output = notify(project, site, "--previous", str(previous), "--allow-mass-delete", env=env)
    assert code == 0, output
    assert len(indexnow.url_lists()[0]) == 4 + 12


def test_an_indexnow_key_secret_that_is_not_a_key_stops_check_build_and_notify(minimal_project, monkeypatch):
    monkeypatch.setenv("INDEXNOW_KEY", "my_key 2024!")
    for command in (["check"], ["notify", "--previous", "unused.json"]):
        code, output = run_cli(*command, "-f", str(minimal_project / "mkdocs.yml"), env={"INDEXNOW_KEY": "my_key 2024!"})
        assert code == 2 and "INDEXNOW_KEY environment variable is not an IndexNow key" in output, output
        assert "my_key 2024!" not in output  # a secret is not echoed
    result = run_build(minimal_project)
    assert result.returncode != 0 and "not an IndexNow key" in result.output and "Traceback" not in result.output
    assert not list(minimal_project.rglob("my_key*"))
