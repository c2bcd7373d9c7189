"""Helpers for the careers-site appearance tests: change the careers plugin's options in a copied project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# The README's second palette: a teal brand with a self-hosted font (copied from Debian's fonts-dejavu-core).
HARBOUR_PALETTE = {"primary": "#00695c", "accent": "#b3261e"}
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def careers_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "careers" in plugin:
            options: dict[str, Any] = plugin["careers"]
            return options
    raise AssertionError("no careers plugin in mkdocs.yml")


def edit_careers_options(project: Path, **changes: Any) -> None:
    """Set (or, with None, remove) top-level careers plugin options in project/mkdocs.yml."""
    path = project / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    options = careers_options(config)
    for key, value in changes.items():
        if value is None:
            options.pop(key, None)
        else:
            options[key] = value
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def use_harbour_palette(project: Path) -> None:
    """The demo re-branded with the README's second palette and a self-hosted font file."""
    fonts = project / "content" / "assets" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    (fonts / "brand-sans.ttf").write_bytes(DEJAVU.read_bytes())
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    brand = dict(careers_options(config).get("brand") or {})
    brand.update(HARBOUR_PALETTE)
    brand["font"] = {"family": "Brand Sans", "files": [{"path": "assets/fonts/brand-sans.ttf", "weight": 400}]}
    edit_careers_options(project, brand=brand)
