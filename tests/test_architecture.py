"""The package's layers, read from the source (nothing is imported).

- the core (every module outside ``ui/`` and ``lessons/``) imports neither matplotlib nor
  ipywidgets, nor ``ui`` or ``lessons``; ``ui`` never imports ``lessons``;
- no module imports a private name (``_x``) from another module, or reaches into one
  (``module._x``, ``Class._x`` on an imported name);
- the import graph of ``bp_helpers`` has no cycle;
- a notebook imports its own lesson module and the core, nothing else of ``bp_helpers``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bp_helpers"
GUI_LIBRARIES = ("matplotlib", "ipywidgets", "IPython")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    part = module.split(".")[1] if "." in module else ""
    return part if part in ("ui", "lessons") else "core"


def imports(source: str) -> list[tuple[str, tuple[str, ...], int]]:
    """``(module, imported names, line)`` for every import statement, at any depth."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, (), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, tuple(a.name for a in node.names), node.lineno))
    return found


def internal_targets(module: str, names: tuple[str, ...]) -> list[str]:
    """The ``bp_helpers`` modules an import statement loads (a submodule when named)."""
    if not module.startswith("bp_helpers"):
        return []
    submodules = [f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES]
    return submodules or ([module] if module in MODULES else [])


def test_the_package_is_found() -> None:
    expected = {"bp_helpers.nn.mlp", "bp_helpers.ui.style", "bp_helpers.lessons.l00_start_here"}
    assert expected <= set(MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_only(module: str) -> None:
    allowed = {"core": {"core"}, "ui": {"core", "ui"}, "lessons": {"core", "ui", "lessons"}}
    for target, names, line in imports(MODULES[module].read_text()):
        if layer(module) == "core":
            assert target.split(".")[0] not in GUI_LIBRARIES, \
                f"{module}:{line} is core maths but imports {target}"
        for internal in internal_targets(target, names):
            assert layer(internal) in allowed[layer(module)], \
                f"{module}:{line} ({layer(module)}) imports {internal} ({layer(internal)})"
            if layer(module) == "lessons" and layer(internal) == "lessons":
                assert internal in (module, "bp_helpers.lessons"), \
                    f"{module}:{line}: a lesson imports another lesson ({internal})"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_crosses_a_module_border(module: str) -> None:
    source = MODULES[module].read_text()
    imported: set[str] = set()
    for target, names, line in imports(source):
        if target.startswith("bp_helpers"):
            bad = [n for n in names if _private(n)]
            assert not bad, f"{module}:{line} imports private {bad} from {target}"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bp_helpers"):
            imported |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            imported |= {a.asname or a.name.split(".")[0] for a in node.names
                         if a.name.startswith("bp_helpers")}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            if isinstance(base, ast.Name) and base.id in imported:
                raise AssertionError(f"{module}:{node.lineno} uses {base.id}.{node.attr}")


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as a list of nodes (first == last), or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_the_import_graph_has_no_cycle() -> None:
    graph = {
        module: {t for target, names, _ in imports(path.read_text())
                 for t in internal_targets(target, names) if t != module}
        for module, path in MODULES.items()
    }
    assert find_cycle(graph) is None, f"import cycle: {' -> '.join(find_cycle(graph))}"


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_imports_its_lesson_and_the_core_only(path: Path) -> None:
    own = f"bp_helpers.lessons.l{path.stem}"
    assert own in MODULES, f"{path.name} has no lesson module {own}"
    cells = json.loads(path.read_text())["cells"]
    source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    source = re.sub(r"^\s*[%!].*$", "", source, flags=re.M)  # magics are not Python
    for target, names, _line in imports(source):
        for internal in internal_targets(target, names):
            assert internal == own or layer(internal) == "core", \
                f"{path.name} imports {internal}; import it through {own}"
