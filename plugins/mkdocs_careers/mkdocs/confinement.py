"""MkDocs' own docs_dir files may not lead outside the project: MkDocs follows symlinks and would publish them.

`ln -s /etc/passwd content/passwd.txt` makes MkDocs copy the runner's /etc/passwd into site/. The plugin calls
`refuse_files_outside` in `on_files`: every file MkDocs found in docs_dir is checked with the same rule as
careers content (content/confinement.py), and the build stops with one located line per refused file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from ..content.confinement import RULE, path_escape
from ..content.diagnostics import ContentError, Diagnostic


def refuse_files_outside(files: Files, config: MkDocsConfig, *, allow_symlinks: bool) -> None:
    """Raise a PluginError naming each docs_dir file that resolves outside the project (or is a link)."""
    root = Path(config.config_file_path or ".").parent
    docs_dir = Path(config.docs_dir).absolute()
    problems = []
    escape = path_escape(docs_dir, root, allow_symlinks=allow_symlinks)
    if escape is not None:
        problems.append(Diagnostic(_shown(docs_dir, root), 1, "", f"docs_dir {escape.message}", escape.hint,
                                   rule=RULE))
    for file in files:
        if file.generated_by or not file.abs_src_path or not file.src_dir or Path(file.src_dir).absolute() != docs_dir:
            continue  # theme files and generated pages are not from the pull request
        escape = path_escape(Path(file.abs_src_path), root, allow_symlinks=allow_symlinks)
        if escape is not None:
            problems.append(Diagnostic(_shown(Path(file.abs_src_path), root), 1, "", escape.message, escape.hint,
                                       rule=RULE))
    if problems:
        raise PluginError(str(ContentError(problems)))


def _shown(path: Path, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
