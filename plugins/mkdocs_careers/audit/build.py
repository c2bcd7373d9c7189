"""Builds the site to audit with the real `mkdocs build` command, exactly as an editor or CI builds it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


class BuildFailed(Exception):
    """`mkdocs build` exited non-zero; `output` is what it printed."""

    def __init__(self, output: str):
        super().__init__("mkdocs build failed")
        self.output = output


def build_site(config_file: Path, site_dir: Path) -> str:
    """Run `mkdocs build -f CONFIG -d SITE_DIR` (strictness as mkdocs.yml says) and return its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config_file.resolve().parent)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise BuildFailed(output)
    return output
