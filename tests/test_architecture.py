"""The package's layers import one way (README, "Architecture"): a module never imports a later layer, the
core never imports MkDocs, and no import cycle exists. Read from the source with `ast`, not by running it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "mkdocs_careers"
# The core's layers, in the order data flows; everything else under the package is an adapter.
CORE_LAYERS = ("content", "lint", "pages", "jsonld", "render", "outputs")
GENERATOR_PACKAGES = ("mkdocs", "material")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Absolute names of every module `path` imports (relative imports resolved), at any nesting level."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            # `from . import labels` imports a module, not a name
            found |= {f"{target}.{alias.name}" for alias in node.names if (PACKAGE.parent / Path(
                *f"{target}.{alias.name}".split("."))).with_suffix(".py").is_file()}
    return found


def modules() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_core_layers_exist():
    for layer in CORE_LAYERS:
        assert (PACKAGE / layer / "__init__.py").is_file(), layer


def test_no_module_imports_a_later_layer():
    wrong = []
    for module, imported in modules().items():
        source = layer_of(module)
        if source not in CORE_LAYERS:
            continue  # adapters (mkdocs/, cli/, ...) and the package's public __init__ may import any layer
        for target in imported:
            if not target.startswith("mkdocs_careers."):
                continue
            layer = layer_of(target)
            if layer not in CORE_LAYERS or CORE_LAYERS.index(layer) > CORE_LAYERS.index(source):
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_core_never_imports_the_site_generator():
    wrong = [f"{module} imports {target}" for module, imported in modules().items()
             if layer_of(module) in CORE_LAYERS for target in imported
             if target.split(".")[0] in GENERATOR_PACKAGES]
    assert wrong == []


def test_no_import_cycle():
    graph = {module: {t for t in imported if t.startswith("mkdocs_careers")}
             for module, imported in modules().items()}
    # A package's __init__ re-exporting its own modules is not a cycle between layers; skip self-package edges.
    graph = {m: {t for t in targets if not (t.startswith(m + ".") and m.count(".") >= 1) and t != m}
             for m, targets in graph.items()}
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        if module in done or module not in graph:
            return
        if module in visiting:
            cycles.append(visiting[visiting.index(module):] + [module])
            return
        visiting.append(module)
        for target in sorted(graph[module]):
            visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
    assert cycles == []


def test_the_checker_sees_relative_imports():
    """Guard against a checker that finds nothing: a known import must be seen."""
    imported = imports_of(PACKAGE / "pages" / "builders.py")
    assert "mkdocs_careers.content.site" in imported and "mkdocs_careers.pages.labels" in imported
