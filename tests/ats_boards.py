"""Fixture job boards of Greenhouse, Lever and Ashby served by a real HTTP server (pytest-httpserver).

The JSON in tests/data/ats/ follows the vendors' documented shapes, quirks included (tests/data/ats/README.md
names the source of each): Greenhouse's entity-escaped `content`, pay in cents in the list answered with
`pay_transparency=true`, offices as a tree; Lever's `unspecified` workplace and `per-hour-wage` intervals;
Ashby's compensation tiers, flat secondary addresses, unlisted jobs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from cli_helpers import run_cli
from conftest import FIXTURES
from pytest_httpserver import HTTPServer

ATS_DATA = Path(__file__).parent / "data" / "ats"


def board(name: str) -> Any:
    return json.loads((ATS_DATA / name).read_text(encoding="utf-8"))


def serve_greenhouse(server: HTTPServer, data: dict[str, Any], token: str = "acme") -> None:
    """The whole board on the list endpoint, answered only when asked for content and pay (one request)."""
    server.expect_request(f"/v1/boards/{token}/jobs", query_string={"content": "true", "pay_transparency": "true"}
                          ).respond_with_json(data)


def serve_lever(server: HTTPServer, postings: list[Any], site: str = "acme") -> None:
    server.expect_request(f"/v0/postings/{site}").respond_with_json(postings)


def serve_ashby(server: HTTPServer, data: dict[str, Any], name: str = "acme") -> None:
    server.expect_request(f"/posting-api/job-board/{name}").respond_with_json(data)


def new_project(tmp_path: Path) -> Path:
    """The minimal fixture site (one role, Jo Smith, one case study) to import into."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    return project


def import_board(project: Path, server: HTTPServer, provider: str, *args: str, board_name: str = "acme"
                 ) -> tuple[int, str]:
    return run_cli("import", provider, "--board", board_name, "-f", str(project / "mkdocs.yml"),
                   "--base-url", server.url_for("/").rstrip("/"), *args)


def role_texts(project: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((project / "roles").glob("*.md"))}
