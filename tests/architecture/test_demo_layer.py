"""The demo sits above the store: it writes through its API; its modules form no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "vitalite_tui" / "demo"


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function or TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_demo_imports_neither_peewee_nor_the_models() -> None:
    offenders = {
        f"{path.name}: {module}"
        for path in DEMO.glob("*.py")
        for module in imports_of(path)
        if module.split(".")[0] == "peewee" or module.startswith("vitalite_tui.db")
    }
    assert not offenders


def test_the_demo_modules_import_each_other_without_a_cycle() -> None:
    modules = {path.stem for path in DEMO.glob("*.py") if path.stem != "__init__"}
    edges = {
        name: {
            module.removeprefix("vitalite_tui.demo.").split(".")[0]
            for module in imports_of(DEMO / f"{name}.py")
            if module.startswith("vitalite_tui.demo.")
        }
        & modules
        for name in modules
    }
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        assert name not in visiting, " -> ".join([*visiting, name])
        if name in done:
            return
        visiting.append(name)
        for other in sorted(edges[name]):
            visit(other)
        visiting.pop()
        done.add(name)

    for name in sorted(modules):
        visit(name)
