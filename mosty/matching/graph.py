"""The relationship network of a set of organisations: measures and a stable layout.

Plain Python on networkx (no Django): the web layer passes nodes and edges in, and
``graph_render`` / ``graph_export`` draw and export what this module computes.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

import networkx as nx

# Fixed so that the same network is drawn the same way on every request and in every
# export (and the before/after maps share node positions).
LAYOUT_SEED = 20190401

SECTOR_ORDER = ("jst", "public_institution", "ngo", "business", "academia", "informal")
# Strongest first: a pair with several kinds is drawn in the style of its strongest one.
KIND_ORDER = ("agreement", "codesign", "cooperate", "met")


@dataclass(frozen=True)
class Node:
    id: int
    label: str
    sector: str
    key: str = ""  # a stable public identifier (the organisation's slug)


@dataclass(frozen=True)
class Edge:
    a: int
    b: int
    kind: str
    origin: str = ""
    created_at: datetime | None = None
    programme: str = ""
    ref: int = 0  # the relation's id in the database, for links and forms


@dataclass(frozen=True)
class Measures:
    n_nodes: int
    n_links: int  # linked pairs (a pair with two kinds of relation counts once)
    components: int
    density: float
    isolated: tuple[Node, ...]
    # Pairs of sectors present in the network with no link between them: where a
    # coordinator could broker the first cross-sector contact.
    missing_pairs: tuple[tuple[str, str], ...]
    most_connected: tuple[tuple[Node, int], ...]


class Network:
    """Organisations as nodes, relations as edges (one edge per linked pair)."""

    def __init__(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> None:
        self.nodes: list[Node] = sorted(nodes, key=lambda n: n.id)
        self.by_id = {n.id: n for n in self.nodes}
        self.edges: list[Edge] = sorted(
            (e for e in edges if e.a in self.by_id and e.b in self.by_id and e.a != e.b),
            key=lambda e: (e.created_at.timestamp() if e.created_at else float("-inf"),
                           min(e.a, e.b), max(e.a, e.b), e.kind))
        self.graph = nx.Graph()
        # Insertion order is part of the layout's input: keep it sorted by id.
        for node in self.nodes:
            self.graph.add_node(node.id, label=node.label, sector=node.sector, key=node.key)
        for edge in self.edges:
            if self.graph.has_edge(edge.a, edge.b):
                self.graph.edges[edge.a, edge.b]["kinds"].append(edge.kind)
            else:
                self.graph.add_edge(edge.a, edge.b, kinds=[edge.kind])

    def until(self, moment: datetime) -> Network:
        """The same organisations with only the relations that existed before ``moment``."""
        return Network(self.nodes, [e for e in self.edges
                                    if e.created_at is not None and e.created_at < moment])

    def strongest_kind(self, a: int, b: int) -> str:
        kinds = self.graph.edges[a, b]["kinds"]
        return min(kinds, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99)

    def degree(self, node_id: int) -> int:
        return int(self.graph.degree[node_id])

    def measures(self, top: int = 5) -> Measures:
        g = self.graph
        degrees = {n.id: int(g.degree[n.id]) for n in self.nodes}
        isolated = tuple(sorted((self.by_id[i] for i in nx.isolates(g)), key=lambda n: n.label))
        present = [s for s in SECTOR_ORDER if any(n.sector == s for n in self.nodes)]
        linked = {frozenset((g.nodes[a]["sector"], g.nodes[b]["sector"])) for a, b in g.edges}
        missing = tuple((s, t) for s, t in combinations(present, 2)
                        if frozenset((s, t)) not in linked)
        ranked = sorted((n for n in self.nodes if degrees[n.id] > 0),
                        key=lambda n: (-degrees[n.id], n.label))[:top]
        return Measures(
            n_nodes=g.number_of_nodes(), n_links=g.number_of_edges(),
            components=nx.number_connected_components(g) if self.nodes else 0,
            density=round(nx.density(g), 3) if len(self.nodes) > 1 else 0.0,
            isolated=isolated, missing_pairs=missing,
            most_connected=tuple((n, degrees[n.id]) for n in ranked))

    def layout(self, seed: int = LAYOUT_SEED) -> dict[int, tuple[float, float]]:
        """Node positions in [0, 1] x [0, 1], the same for the same network and seed.

        A spring layout of the whole graph pushes unconnected organisations to the edges
        and squeezes the rest into a corner, so each connected cluster is laid out on its
        own, clusters side by side (widths by size), and organisations without any
        relation go in a row along the bottom.
        """
        isolated = [n.id for n in self.nodes if self.graph.degree[n.id] == 0]
        clusters = sorted((sorted(c) for c in nx.connected_components(self.graph) if len(c) > 1),
                          key=lambda c: (-len(c), c[0]))
        top = 0.8 if isolated and clusters else 1.0
        positions: dict[int, tuple[float, float]] = {}
        total = sum(len(c) for c in clusters)
        left = 0.0
        for cluster in clusters:
            width = len(cluster) / total
            for pk, (x, y) in _spring(self.graph.subgraph(cluster), seed).items():
                positions[pk] = (round(left + (0.1 + 0.8 * x) * width, 4), round(y * top, 4))
            left += width
        for i, pk in enumerate(isolated):
            x = 0.5 if len(isolated) == 1 else i / (len(isolated) - 1)
            positions[pk] = (round(x, 4), 1.0 if clusters else 0.5)
        return positions


def _spring(graph: nx.Graph, seed: int) -> dict[int, tuple[float, float]]:
    """A spring layout of one connected graph, scaled to fill [0, 1] x [0, 1]."""
    if graph.number_of_nodes() == 2:
        a, b = sorted(graph.nodes)
        return {a: (0.0, 0.5), b: (1.0, 0.5)}
    # Nodes in id order: the layout's random start depends on it.
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(graph.edges)
    raw = nx.spring_layout(ordered, seed=seed, iterations=100)
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]

    def scale(v: float, lo: float, hi: float) -> float:
        return 0.5 if hi - lo < 1e-9 else (v - lo) / (hi - lo)

    return {int(n): (scale(float(p[0]), min(xs), max(xs)), scale(float(p[1]), min(ys), max(ys)))
            for n, p in raw.items()}
