"""The layout stays a pipeline: no import cycle, and ``import checks`` loads no check.

The import graph is read from the source (top-level imports only: those under
``if TYPE_CHECKING:`` and inside functions run later, when every module is loaded), so a
cycle is found whatever module a user happens to import first.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checks"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, modules: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            # importing a.b.c imports a and a.b first
            parts = name.split(".")
            for end in range(1, len(parts) + 1):
                prefix = ".".join(parts[:end])
                if prefix in modules:
                    found.add(prefix)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    graph = {name: _top_level_imports(path, modules) - {name} for name, path in paths.items()}
    # a package's submodule is imported after its __init__: not an edge back to the package
    return {
        name: {dep for dep in deps if not name.startswith(dep + ".")}
        for name, deps in graph.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state and (cycle := visit(dep)) is not None:
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)) is not None:
            return cycle
    return None


def test_no_module_of_checks_imports_itself_through_a_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_planted_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def _fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_import_checks_loads_no_check_of_the_suite() -> None:
    loaded = _fresh("import checks, sys; print(' '.join(sorted(sys.modules)))").split()
    assert not [m for m in loaded if m.startswith("checks.suite")]


def test_the_version_loads_without_the_rest_of_claimledger() -> None:
    loaded = _fresh(
        "from checks.version import __version__; import sys; "
        "print(' '.join(m for m in sys.modules if m.startswith('checks')))"
    ).split()
    assert sorted(loaded) == ["checks", "checks.version"]


@pytest.mark.parametrize(
    "stage",
    ["model", "numbers", "ledger", "rules", "compare", "suite", "scan", "report", "publish", "cli"],
)
def test_each_stage_of_the_pipeline_has_its_own_folder(stage: str) -> None:
    assert (PACKAGE / stage / "__init__.py").is_file()


def test_the_lower_stages_never_import_the_upper_ones() -> None:
    order = ["model", "numbers", "ledger", "rules", "compare", "suite", "report", "publish", "cli"]
    rank = {stage: n for n, stage in enumerate(order)}
    graph = import_graph()
    wrong = []
    for module, deps in graph.items():
        parts = module.split(".")
        if len(parts) < 2 or parts[1] not in rank:
            continue
        for dep in deps:
            dep_parts = dep.split(".")
            if len(dep_parts) > 1 and rank.get(dep_parts[1], -1) > rank[parts[1]]:
                wrong.append(f"{module} imports {dep}")
    assert wrong == []
