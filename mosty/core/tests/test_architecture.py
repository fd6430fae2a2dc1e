"""The apps import each other in one direction only, and core, the ground floor, imports none.

Layers, bottom up: core < accounts < directory < programmes < recruitment, events <
networking, matching < api < home (the start page, which gathers from the others) < privacy
(it reads the others' declarations through the app registry) < demo (which nothing imports).
An import inside a function counts like any other: it is still a dependency. Tests and
migrations are left out.
"""
import ast
import functools
import inspect
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import networkx

PACKAGE = Path(__file__).resolve().parents[2]



def _apps() -> list[str]:
    return sorted(path.name for path in PACKAGE.iterdir() if (path / "apps.py").exists())


def _left_out(relative: Path) -> bool:
    parts = relative.parts
    return "tests" in parts or "migrations" in parts


def _imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


# Parsed in a child interpreter: CPython 3.11 raised "AST constructor recursion depth mismatch"
# (cf. gh-106905) deep in a long-running xdist worker, even in a fresh thread; a new process
# starts clean. The child prints {relative path: [imported names]} as JSON.
_CHILD_MAIN = """
root = Path(sys.argv[1])
print(json.dumps({str(path.relative_to(root)): _imported(ast.parse(path.read_text("utf-8")))
                  for path in root.rglob("*.py")}))
"""


@functools.cache
def _imports_by_file() -> dict[str, list[str]]:
    program = ("import ast, json, sys\nfrom pathlib import Path\n"
               + inspect.getsource(_imported) + _CHILD_MAIN)
    child = subprocess.run([sys.executable, "-c", program, str(PACKAGE)], check=True,
                           capture_output=True, text=True)
    return json.loads(child.stdout)


def import_graph() -> dict[str, set[str]]:
    """{app: the other apps it imports}, from the source files of mosty/<app>/."""
    apps = set(_apps())
    graph: dict[str, set[str]] = defaultdict(set)
    for name_of_file, names in _imports_by_file().items():
        relative = Path(name_of_file)
        if len(relative.parts) < 2 or relative.parts[0] not in apps or _left_out(relative):
            continue
        source = relative.parts[0]
        for name in names:
            parts = name.split(".")
            if (parts[0] == "mosty" and len(parts) > 1 and parts[1] in apps
                    and parts[1] != source):
                graph[source].add(parts[1])
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of apps that import each other in a loop (strongly connected components
    with more than one app)."""
    digraph = networkx.DiGraph([(app, other) for app, others in graph.items() for other in others])
    return sorted(sorted(group) for group in networkx.strongly_connected_components(digraph)
                  if len(group) > 1)


def test_the_check_sees_imports_inside_functions_and_finds_loops():
    tree = ast.parse("def f():\n    from mosty.events import access\n")
    assert "mosty.events.access" in _imported(tree)
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_app_imports_another_in_a_loop():
    assert cycles(import_graph()) == []


def test_core_imports_no_app():
    assert import_graph().get("core", set()) == set()


def test_no_app_imports_the_demo():
    assert [app for app, others in import_graph().items() if "demo" in others] == []
