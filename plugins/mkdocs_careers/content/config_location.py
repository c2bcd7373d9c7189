"""Line numbers of plugin options in mkdocs.yml, so a problem with an option points at the line to change."""

from __future__ import annotations

from pathlib import Path

import yaml

OptionPath = tuple[str | int, ...]


def option_line(config_file: Path, option: OptionPath, plugin: str = "careers") -> int:
    """Line (1-based) of `plugins: - <plugin>: <option...>` in mkdocs.yml, or of its closest existing parent.

    The file is only composed, not constructed, so MkDocs' own tags (`!ENV`, `!relative`) need no loader.
    Returns 1 when the file cannot be read or parsed: the message still names the option path.
    """
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return 1
    if node is None:
        return 1
    line: int = node.start_mark.line + 1
    plugins = _child(node, "plugins")
    if plugins is None:
        return line
    line = plugins.start_mark.line + 1
    ours = None
    if isinstance(plugins, yaml.SequenceNode):
        for item in plugins.value:
            ours = _child(item, plugin)
            if ours is not None:
                break
    elif isinstance(plugins, yaml.MappingNode):
        ours = _child(plugins, plugin)
    current = ours
    for key in option:
        if current is None:
            break
        line = current.start_mark.line + 1
        current = _child(current, key)
    if current is not None:
        line = current.start_mark.line + 1
    return line


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                found: yaml.Node = value_node
                return found
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        child: yaml.Node = node.value[key]
        return child
    return None
