"""Issue 31, item 3: arrows one way. Loaders know formats, extraction language, the graph layer RDF; the queries,
views, question answering, web site and command line sit on top. Read from every module's imports (all of them:
at the top, inside functions and under TYPE_CHECKING, since each is knowledge one module has of another)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import networkx as nx
import pytest

from support import ROOT

# Lowest first: a module may import its own package and the packages of lower rank, never one beside or above.
# Extraction and the graph layer are beside each other: facts pass between them as records, below both.
RANKS = {
    "support": 0,  # cwkg's own errors, paths of input, safe writing, lifetimes; and the ontology with its vocabulary
    "cwkg.lang": 1,
    "cwkg.loaders": 2,
    "cwkg.records": 3,
    "cwkg.extract": 4,
    "cwkg.graph": 4,
    "cwkg.queries": 5,
    "cwkg.views": 6,
    "cwkg.ask": 6,
    "cwkg.web": 7,
    "top": 8,  # the command line, the pipeline, evaluation, explain, the cluster runs; the ontology's build scripts
}
SUPPORT = {"cwkg", "cwkg.errors", "cwkg.inputs", "cwkg.safewrite", "cwkg.lifetime", "cwkg.ontology",
           "cwkg.ontology.vocab"}
# Circles of imports allowed for now: none (store <-> derived and the claim index went with the store interface).
KNOWN_CYCLES: list[set[str]] = []


def _modules() -> dict[str, Path]:
    """Every module of the installed package `cwkg`, named as imported, from pyproject's folders."""
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = tool["package-dir"]
    out = {}
    for package in tool["packages"]:
        head = max((p for p in folders if package == p or package.startswith(p + ".")), key=len)
        folder = ROOT / folders[head] / Path(*package[len(head):].split(".")[1:])
        for path in folder.glob("*.py"):
            out[package if path.stem == "__init__" else f"{package}.{path.stem}"] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The cwkg modules this one imports (a name imported from a package counts as its submodule when it is one)."""
    package = name if path.stem == "__init__" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            subs = {f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in MODULES}
            found |= subs or {module}
            if len(subs) < len(node.names) and node.module:
                found.add(module)
    return {m for m in found if m in MODULES and m != name}


def _layer(name: str) -> str:
    if name in SUPPORT:
        return "support"
    return max((p for p in RANKS if name == p or name.startswith(p + ".")), key=len, default="top")


@pytest.fixture(scope="module")
def imports() -> nx.DiGraph:
    graph = nx.DiGraph()
    for name, path in MODULES.items():
        graph.add_node(name)
        graph.add_edges_from((name, other) for other in _imports(name, path))
    return graph


def test_the_scan_reads_every_package_and_its_imports(imports):
    assert {_layer(m) for m in MODULES} == set(RANKS)
    assert ("cwkg.graph.mapping", "cwkg.records.facts") in imports.edges


def test_no_import_runs_against_the_order_of_the_layers(imports):
    against = sorted(f"{a} -> {b}" for a, b in imports.edges
                     if _layer(a) != _layer(b) and RANKS[_layer(b)] >= RANKS[_layer(a)])
    assert against == []


def test_no_modules_import_each_other_in_a_circle(imports):
    circles = [sorted(c) for c in nx.strongly_connected_components(imports) if len(c) > 1 and set(c) not in KNOWN_CYCLES]
    assert circles == []
