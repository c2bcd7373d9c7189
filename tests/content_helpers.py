"""Load a project's content in-process through the same core the plugin and CLI use (fast: no MkDocs run)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import PINNED_EPOCH
from mkdocs_careers.settings import settings_from_config
from mkdocs_careers.site import CareersSite, load_site


def load_project(project: Path) -> CareersSite:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(p["careers"] for p in config["plugins"] if isinstance(p, dict) and "careers" in p)
    settings = settings_from_config(options, site_url=config["site_url"], project_root=project,
                                    build_date=_pinned_date())
    return load_site(settings)


def _pinned_date():
    import datetime as dt

    return dt.datetime.fromtimestamp(int(PINNED_EPOCH), tz=dt.timezone.utc).date()


def write_frontmatter(path: Path, data: dict, body: str = "Body text.\n") -> None:
    """Write frontmatter with a real YAML emitter, so any value round-trips exactly."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{text}---\n{body}", encoding="utf-8")


def read_frontmatter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def messages(site: CareersSite) -> list[str]:
    return [d.format() for d in site.diagnostics]
