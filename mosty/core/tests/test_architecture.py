"""The apps import each other in one direction only, and core, the ground floor, imports none.

Layers, bottom up: core < accounts < directory < programmes < recruitment, events <
networking, matching < api. An import inside a function counts like any other: it is still a
dependency. Tests and migrations are left out.
"""
import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]

# Temporary: helper "demo" is moving these into a demo app of their own; until then they are
# left out of the check.
DEMO_MODULES = {"core/demo.py", "core/demo_data.py", "core/management/commands/demo.py"}
# Temporary: get_programme moves from mosty.recruitment.access to mosty.programmes.access
# (helper "access"); programmes/views/manage.py calls it where it is until then.
PENDING = {("programmes", "recruitment")}


def _apps() -> list[str]:
    return sorted(path.name for path in PACKAGE.iterdir() if (path / "apps.py").exists())


def _left_out(relative: Path) -> bool:
    parts = relative.parts
    return ("tests" in parts or "migrations" in parts or relative.as_posix() in DEMO_MODULES
            or (len(parts) == 2 and parts[1] == "demo.py"))


def _imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


def import_graph() -> dict[str, set[str]]:
    """{app: the other apps it imports}, from the source files of mosty/<app>/."""
    apps = set(_apps())
    graph: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if len(relative.parts) < 2 or relative.parts[0] not in apps or _left_out(relative):
            continue
        source = relative.parts[0]
        for name in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            parts = name.split(".")
            if (parts[0] == "mosty" and len(parts) > 1 and parts[1] in apps
                    and parts[1] != source and (source, parts[1]) not in PENDING):
                graph[source].add(parts[1])
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of apps that import each other in a loop (Tarjan's strongly connected
    components with more than one app)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(app: str) -> None:
        index[app] = low[app] = len(index)
        stack.append(app)
        for other in sorted(graph.get(app, ())):
            if other not in index:
                visit(other)
                low[app] = min(low[app], low[other])
            elif other in stack:
                low[app] = min(low[app], index[other])
        if low[app] == index[app]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == app:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return found


def test_the_check_sees_imports_inside_functions_and_finds_loops():
    tree = ast.parse("def f():\n    from mosty.events import access\n")
    assert "mosty.events.access" in _imported(tree)
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_app_imports_another_in_a_loop():
    assert cycles(import_graph()) == []


def test_core_imports_no_app():
    assert import_graph().get("core", set()) == set()
