"""Exports of a relationship network: GEXF (Gephi and other network tools) and CSV of edges.

GEXF carries the same positions and sector colours as the picture, so the network opens in
Gephi looking as it does in Mosty; CSV (semicolon, UTF-8 with BOM, as the directory's
exports) lists one relation per row for spreadsheets.
"""
from __future__ import annotations

import io

import networkx as nx

from mosty.core import table_writer
from mosty.matching.graph import Network
from mosty.matching.graph_render import SECTOR_STYLE, place

CSV_COLUMNS = ["organisation_a", "name_a", "sector_a", "organisation_b", "name_b", "sector_b",
               "kind", "kind_label", "origin", "programme", "since"]


def _rgb(colour: str) -> dict[str, int]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16)}


def to_gexf(network: Network, layout: dict[int, tuple[float, float]]) -> bytes:
    """GEXF 1.2 with node labels, sectors, slugs, positions and colours; edge kinds."""
    graph = nx.Graph(name="Mosty")
    pos = place(layout)
    for node in network.nodes:
        x, y = pos[node.id]
        graph.add_node(str(node.id), label=table_writer.clean_text(node.label),
                       sector=node.sector, key=node.key,
                       viz={"position": {"x": x, "y": -y, "z": 0.0},
                            "color": _rgb(SECTOR_STYLE.get(node.sector, ("", "#999999", ""))[1])})
    # Edges are sorted oldest first, so the first date seen for a pair is its earliest.
    since: dict[frozenset[int], str] = {}
    for edge in network.edges:
        if edge.created_at is not None:
            since.setdefault(frozenset((edge.a, edge.b)), edge.created_at.isoformat())
    for a, b, data in network.graph.edges(data=True):
        graph.add_edge(str(a), str(b), kind=",".join(sorted(set(data["kinds"]))),
                       strongest=network.strongest_kind(a, b),
                       since=since.get(frozenset((a, b)), ""))
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer)
    return buffer.getvalue()


def to_csv(network: Network, kind_labels: dict[str, str] | None = None) -> bytes:
    """One row per relation (a pair with two kinds gives two rows), oldest first."""
    rows: list[list[str]] = [CSV_COLUMNS]
    for edge in network.edges:
        a, b = network.by_id[edge.a], network.by_id[edge.b]
        rows.append([a.key, a.label, a.sector, b.key, b.label, b.sector,
                     edge.kind, (kind_labels or {}).get(edge.kind, edge.kind), edge.origin,
                     edge.programme,
                     edge.created_at.date().isoformat() if edge.created_at else ""])
    return table_writer.write_csv(rows)
