"""Material theme overrides shipped with the plugin (`theme_overrides/`), each as small as it can be.

An override may include the theme template it replaces as `careers-theme-base/<name>` (the theme folders
below ours), so it changes one attribute instead of freezing a copy of Material's markup.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.theme import Theme

OVERRIDES_DIR = Path(__file__).parent / "theme_overrides"
BASE_PREFIX = "careers-theme-base"


def add_theme_overrides(theme: Theme) -> None:
    """Put our overrides above Material's templates, below the site's own `custom_dir` (the editor's wins)."""
    if theme.name != "material" or str(OVERRIDES_DIR) in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir else 0, str(OVERRIDES_DIR))


def load_base_templates(env: jinja2.Environment, theme: Theme) -> None:
    """Let templates reach the theme's own version of an overridden template under `careers-theme-base/`."""
    if str(OVERRIDES_DIR) not in theme.dirs or env.loader is None:
        return
    below = theme.dirs[theme.dirs.index(str(OVERRIDES_DIR)) + 1:]
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({BASE_PREFIX: jinja2.FileSystemLoader(below)})])
