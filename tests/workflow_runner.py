"""Runs a GitHub Actions workflow here the way a GitHub-hosted runner does, to prove its `run:` steps work.

Each job gets a fresh clone of the repository (at its `actions/checkout` step) and runs its steps in order:
a `run:` step is written to a file and run exactly as the runner runs it, `bash -e {0}` without `shell:` and
`bash --noprofile --norc -eo pipefail {0}` with `shell: bash`, with `GITHUB_OUTPUT`, `GITHUB_ENV` and
`GITHUB_STEP_SUMMARY` files, the workflow's, job's and step's `env:`, and `${{ }}` expressions evaluated as
GitHub evaluates them (the subset the workflows use: contexts, `==`/`!=`, `&&`/`||`/`!`, `hashFiles`, the status
functions, and an `if:` without a status function meaning `success() && (...)`). `uses:` steps are carried out by
stand-ins (`ACTIONS` and the ones a test passes): checkout clones, artifacts and caches are folders, Pages
publishing copies into the test's live site, create-pull-request records what it would open. Only tools that
need the internet are stubbed (`pip install`: the test environment has the package already).

A step that succeeds although its output shows an error (a traceback, "command not found", a line starting with
"Error:") without saying so in the job summary is a *masked error*, which the tests refuse.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MASKED = re.compile(r"Traceback \(most recent call last\)|: command not found|^Error: |No such file or directory",
                    re.MULTILINE)
_TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?\d+(?:\.\d+)?)|(?P<op>&&|\|\||==|!=|!|\(|\)|,)"
                    r"|(?P<name>[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z_*][A-Za-z0-9_\-]*)*))")
_EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


@dataclass
class StepResult:
    name: str
    id: str | None
    outcome: str  # success, failure or skipped
    output: str = ""
    outputs: dict[str, str] = field(default_factory=dict)
    summary: str = ""  # what the step wrote to the job summary


@dataclass
class JobResult:
    name: str
    outcome: str
    steps: list[StepResult] = field(default_factory=list)
    summary: str = ""
    workspace: Path | None = None

    def step(self, name: str) -> StepResult:
        return next(s for s in self.steps if s.name == name or s.id == name)

    def masked_errors(self) -> list[str]:
        """Steps that succeeded although their output shows an error the job summary does not mention."""
        return [f"{s.name}: {MASKED.search(s.output).group(0)!r}\n{s.output[-2000:]}"  # type: ignore[union-attr]
                for s in self.steps if s.outcome == "success" and MASKED.search(s.output) and not s.summary]


Action = Callable[["Job", dict[str, str]], dict[str, str]]


@dataclass
class Runner:
    """One workflow run: `origin` is the repository to clone, `work` a scratch folder; the contexts are the run's."""

    origin: Path
    work: Path
    secrets: dict[str, str] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, Any] = field(default_factory=dict)
    event_name: str = "schedule"
    environ: dict[str, str] = field(default_factory=dict)  # the machine's environment (PATH, certificates, clock)
    actions: dict[str, Action] = field(default_factory=dict)
    artifacts: dict[str, Path] = field(default_factory=dict)
    caches: dict[str, Path] = field(default_factory=dict)
    run_id: str = "1001"

    def run(self, workflow: Path) -> dict[str, JobResult]:
        data = yaml.load(workflow.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        results: dict[str, JobResult] = {}
        for job_id in _job_order(data["jobs"]):
            spec = data["jobs"][job_id]
            needs = spec.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            if any(results[need].outcome != "success" for need in needs):
                results[job_id] = JobResult(spec.get("name", job_id), "skipped")
                continue
            results[job_id] = Job(self, job_id, spec, data.get("env", {})).run()
        return results


class Job:
    def __init__(self, runner: Runner, job_id: str, spec: dict[str, Any], workflow_env: dict[str, str]) -> None:
        self.runner, self.spec = runner, spec
        self.root = runner.work / f"{runner.run_id}-{job_id}"
        self.workspace = self.root / "workspace"
        self.temp = self.root / "temp"
        self.temp.mkdir(parents=True)
        self.workspace.mkdir()
        self.result = JobResult(spec.get("name", job_id), "success", workspace=self.workspace)
        self.env = {**workflow_env, **spec.get("env", {})}
        self.extra_env: dict[str, str] = {}  # what steps wrote to GITHUB_ENV
        self.timeout = 60 * float(spec.get("timeout-minutes", 30))

    # --- running --------------------------------------------------------------------------------------------
    def run(self) -> JobResult:
        for index, step in enumerate(self.spec["steps"]):
            name = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
            result = StepResult(name, step.get("id"), "skipped")
            self.result.steps.append(result)
            if not self._condition(step.get("if")):
                continue
            try:
                if "uses" in step:
                    result.outputs = self._use(step)
                    result.outcome = "success"
                else:
                    result.outcome, result.output, result.outputs, result.summary = self._run(step, index)
            except StepFailed as exc:
                result.outcome, result.output = "failure", str(exc)
            if result.outcome == "failure" and step.get("continue-on-error") != "true":
                self.result.outcome = "failure"
        return self.result

    def _run(self, step: dict[str, Any], index: int) -> tuple[str, str, dict[str, str], str]:
        script = self.temp / f"step-{index}.sh"
        script.write_text(self.interpolate(step["run"]), encoding="utf-8")
        files = {name: self.temp / f"{name.lower()}-{index}" for name in ("GITHUB_OUTPUT", "GITHUB_ENV",
                                                                            "GITHUB_STEP_SUMMARY")}
        for path in files.values():
            path.touch()
        shell = step.get("shell") or self.spec.get("defaults", {}).get("run", {}).get("shell")
        command = {None: ["bash", "-e", str(script)],
                   "bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)]}[shell]
        env = {**self.runner.environ, "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(self.workspace),
               "RUNNER_TEMP": str(self.temp), "GITHUB_RUN_ID": self.runner.run_id,
               "GITHUB_EVENT_NAME": self.runner.event_name, **{k: str(v) for k, v in files.items()},
               **self._env(step)}
        workdir = self.workspace / self.interpolate(step.get("working-directory", "."))
        proc = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=self.timeout)
        summary = files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")
        self.result.summary += summary
        self.extra_env.update(_key_values(files["GITHUB_ENV"].read_text(encoding="utf-8")))
        outputs = _key_values(files["GITHUB_OUTPUT"].read_text(encoding="utf-8"))
        return ("success" if proc.returncode == 0 else "failure"), proc.stdout + proc.stderr, outputs, summary

    def _use(self, step: dict[str, Any]) -> dict[str, str]:
        action = step["uses"].split("@")[0]
        handler = self.runner.actions.get(action) or ACTIONS.get(action)
        if handler is None:
            raise AssertionError(f"no stand-in for the action {step['uses']}")
        return handler(self, {k: self.interpolate(v) for k, v in step.get("with", {}).items()})

    def _env(self, step: dict[str, Any]) -> dict[str, str]:
        env = {**self.env, **self.extra_env, **step.get("env", {})}
        return {key: self.interpolate(str(value)) for key, value in env.items()}

    # --- expressions ----------------------------------------------------------------------------------------
    def _condition(self, condition: str | None) -> bool:
        if condition is None:
            return self.result.outcome == "success"
        text = condition.strip()
        match = re.fullmatch(r"\$\{\{(.*)\}\}", text, re.DOTALL)
        text = match.group(1) if match else text
        if not re.search(r"\b(?:always|success|failure|cancelled)\(", text):
            text = f"success() && ({text})"
        return _truthy(self.evaluate(text))

    def interpolate(self, text: str) -> str:
        return _EXPRESSION.sub(lambda m: _as_text(self.evaluate(m.group(1))), text)

    def evaluate(self, expression: str) -> Any:
        return _Parser(expression, self).parse()

    def lookup(self, path: str) -> Any:
        head, _, rest = path.partition(".")
        contexts: dict[str, Any] = {
            "secrets": self.runner.secrets, "vars": self.runner.variables, "inputs": self.runner.inputs,
            "env": {**self.env, **self.extra_env},
            "github": {"run_id": self.runner.run_id, "event_name": self.runner.event_name,
                       "workspace": str(self.workspace)},
            "runner": {"os": "Linux", "temp": str(self.temp)},
            "steps": {s.id: {"outputs": s.outputs, "outcome": s.outcome, "conclusion": s.outcome}
                      for s in self.result.steps if s.id},
        }
        if head not in contexts:
            raise AssertionError(f"unknown context in expression: {path}")
        value: Any = contexts[head]
        for part in rest.split(".") if rest else []:
            value = value.get(part) if isinstance(value, dict) else None
        return value

    def call(self, name: str, arguments: list[Any]) -> Any:
        failed = any(s.outcome == "failure" for s in self.result.steps)
        if name == "success":
            return not failed
        if name == "failure":
            return failed
        if name == "always":
            return True
        if name == "cancelled":
            return False
        if name == "hashFiles":
            files = sorted(p for pattern in arguments for p in self.workspace.glob(str(pattern)) if p.is_file())
            return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest() if files else ""
        raise AssertionError(f"unsupported function {name}() in an expression")


class StepFailed(Exception):
    """A `uses:` stand-in failed as the real action would (the message is the step's log)."""


class _Parser:
    """GitHub's expression syntax, the subset the workflows use; see the module docstring."""

    def __init__(self, text: str, job: Job) -> None:
        self.tokens = [(kind, value) for m in _TOKEN.finditer(text) for kind, value in m.groupdict().items()
                       if value is not None]
        if "".join(v for _, v in self.tokens).replace(" ", "") != re.sub(r"\s+", "", text.strip()):
            raise AssertionError(f"cannot parse expression {text!r}")
        self.position, self.job = 0, job

    def parse(self) -> Any:
        value = self._or()
        if self.position != len(self.tokens):
            raise AssertionError(f"unexpected {self.tokens[self.position]} in expression")
        return value

    def _peek(self) -> str | None:
        return self.tokens[self.position][1] if self.position < len(self.tokens) else None

    def _take(self) -> tuple[str, str]:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def _or(self) -> Any:
        value = self._and()
        while self._peek() == "||":
            self._take()
            right = self._and()
            value = value if _truthy(value) else right
        return value

    def _and(self) -> Any:
        value = self._compare()
        while self._peek() == "&&":
            self._take()
            right = self._compare()
            value = right if _truthy(value) else value
        return value

    def _compare(self) -> Any:
        value = self._unary()
        if self._peek() in ("==", "!="):
            operator = self._take()[1]
            equal = _equal(value, self._unary())
            return equal if operator == "==" else not equal
        return value

    def _unary(self) -> Any:
        if self._peek() == "!":
            self._take()
            return not _truthy(self._unary())
        return self._primary()

    def _primary(self) -> Any:
        kind, value = self._take()
        if value == "(":
            inner = self._or()
            self._take()
            return inner
        if kind == "string":
            return value[1:-1].replace("''", "'")
        if kind == "number":
            return float(value)
        if value in ("true", "false"):
            return value == "true"
        if value == "null":
            return None
        if self._peek() == "(":
            self._take()
            arguments = []
            while self._peek() != ")":
                arguments.append(self._or())
                if self._peek() == ",":
                    self._take()
            self._take()
            return self.job.call(value, arguments)
        return self.job.lookup(value)


def _truthy(value: Any) -> bool:
    return value not in (None, False, 0, 0.0, "")


def _number(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(value) if value.strip() else 0.0
    except ValueError:
        return float("nan")


def _equal(left: Any, right: Any) -> bool:
    """GitHub's loose equality: strings compare case-insensitively, other mixes as numbers (null and '' are 0)."""
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    return _number(left) == _number(right)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _key_values(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT / GITHUB_ENV: `name=value` lines and `name<<DELIMITER` blocks."""
    values: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            for inner in lines:
                if inner == delimiter:
                    break
                block.append(inner)
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def _job_order(jobs: dict[str, Any]) -> list[str]:
    order: list[str] = []
    while len(order) < len(jobs):
        for job_id, spec in jobs.items():
            needs = spec.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            if job_id not in order and all(need in order for need in needs):
                order.append(job_id)
    return order


# --- stand-ins for the actions the workflows use ------------------------------------------------------------------
def _checkout(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    proc = subprocess.run(["git", "clone", "--quiet", str(job.runner.origin), str(job.workspace)],
                          capture_output=True, text=True)
    if proc.returncode:
        raise StepFailed(proc.stderr)
    return {}


def _nothing(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    return {}


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def _upload_artifact(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    source = job.workspace / inputs["path"]
    if not source.exists():
        raise StepFailed(f"Error: no files found at {inputs['path']}")
    stored = job.runner.work / "artifacts" / inputs.get("name", "artifact")
    _copy(source, stored)
    job.runner.artifacts[inputs.get("name", "artifact")] = stored
    return {}


def _download_artifact(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    name = inputs.get("name", "artifact")
    if name not in job.runner.artifacts:
        raise StepFailed(f"Error: unable to download artifact {name}: not found")
    _copy(job.runner.artifacts[name], job.workspace / inputs.get("path", "."))
    return {}


def _upload_pages_artifact(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    return _upload_artifact(job, {"name": "github-pages", "path": inputs.get("path", "_site")})


def _cache_restore(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    prefixes = [inputs["key"], *[k for k in inputs.get("restore-keys", "").splitlines() if k.strip()]]
    for prefix in prefixes:
        found = sorted(key for key in job.runner.caches if key.startswith(prefix.strip()))
        if found:
            _copy(job.runner.caches[found[-1]], job.workspace / inputs["path"])
            return {"cache-hit": str(found[-1] == inputs["key"]).lower()}
    return {"cache-hit": "false"}


def _cache_save(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    source = job.workspace / inputs["path"]
    if source.exists():
        stored = job.runner.work / "caches" / hashlib.sha256(inputs["key"].encode()).hexdigest()[:16]
        _copy(source, stored / source.name)
        job.runner.caches[inputs["key"]] = stored / source.name
    return {}


def _setup_python(job: Job, inputs: dict[str, str]) -> dict[str, str]:
    return {"python-version": f"{sys.version_info.major}.{sys.version_info.minor}"}


ACTIONS: dict[str, Action] = {
    "actions/checkout": _checkout,
    "actions/setup-python": _setup_python,
    "actions/configure-pages": _nothing,
    "actions/upload-pages-artifact": _upload_pages_artifact,
    "actions/upload-artifact": _upload_artifact,
    "actions/download-artifact": _download_artifact,
    "actions/cache/restore": _cache_restore,
    "actions/cache/save": _cache_save,
    # actions/cache restores now and saves at the end of the job; a scratch run does not need the save.
    "actions/cache": _cache_restore,
}


def stub_tools(folder: Path) -> Path:
    """Stand-ins for the tools that need the internet: `python -m pip install` (the package is installed in
    the test environment already); every other `python` command runs the real interpreter."""
    folder.mkdir(parents=True, exist_ok=True)
    python = folder / "python"
    python.write_text("#!/bin/bash\n"
                      'if [ "$1" = "-m" ] && [ "$2" = "pip" ] && [ "$3" = "install" ]; then\n'
                      '  echo "stub: pip install $4 (already installed in the test environment)"; exit 0\n'
                      "fi\n"
                      f'exec {sys.executable} "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    return folder


def runner_path(stubs: Path) -> str:
    """PATH of a runner here: the stubs, then the test environment's tools, then the system's."""
    return os.pathsep.join([str(stubs), str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"])
