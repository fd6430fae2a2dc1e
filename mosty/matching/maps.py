"""Relationship maps of a scope: the network from the database, pictures and snapshots.

Two queries whatever the size of the scope: its organisations, and the relations among
them. Snapshots (the map at a programme's start and at its end) are filtered in memory
from the same relations and drawn with the positions of the current map, so the two
pictures can be compared node by node.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext, pgettext_lazy

from mosty.directory.choices import Sector
from mosty.matching.graph import Edge, Network, Node
from mosty.matching.graph_render import Labels
from mosty.matching.models import Relation, RelationKind, RelationOrigin
from mosty.matching.scopes import Scope

# The letter inside a node (a cue besides colour and shape); translators may adapt them.
SECTOR_LETTERS = {
    "jst": pgettext_lazy("sector letter on the map (JST)", "J"),
    "public_institution": pgettext_lazy("sector letter on the map (public institution)", "P"),
    "ngo": pgettext_lazy("sector letter on the map (NGO)", "N"),
    "business": pgettext_lazy("sector letter on the map (business)", "B"),
    "academia": pgettext_lazy("sector letter on the map (academia)", "A"),
    "informal": pgettext_lazy("sector letter on the map (informal group)", "G"),
}
MOMENTS = ("now", "start", "end")


def scope_network(scope: Scope) -> Network:
    orgs = scope.organisations()
    nodes = [Node(pk, name, sector, slug) for pk, name, sector, slug in
             orgs.order_by().values_list("id", "name", "sector", "slug")]
    ids = Subquery(orgs.values("pk"))
    edges = [Edge(a, b, kind, origin, created_at, programme or "", pk)
             for pk, a, b, kind, origin, created_at, programme in Relation.objects.filter(
                 org_a__in=ids, org_b__in=ids).values_list(
                 "id", "org_a_id", "org_b_id", "kind", "origin", "created_at",
                 "programme__slug")]
    return Network(nodes, edges)


def sector_labels() -> dict[str, str]:
    return {code: str(label) for code, label in Sector.choices}


def kind_labels() -> dict[str, str]:
    return {code: str(label) for code, label in RelationKind.choices}


def labels(title: str, network: Network) -> Labels:
    description = ngettext(
        "%(orgs)s organisation", "%(orgs)s organisations", len(network.nodes)) % {
        "orgs": len(network.nodes)} + ", " + ngettext(
        "%(links)s linked pair", "%(links)s linked pairs", network.graph.number_of_edges()) % {
        "links": network.graph.number_of_edges()}
    return Labels(title=title, description=description,
                  empty=_("No organisations in this scope."), sectors=sector_labels(),
                  letters={k: str(v) for k, v in SECTOR_LETTERS.items()}, kinds=kind_labels())


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def moment(scope: Scope, which: str) -> datetime | None:
    """The cut-off date of a snapshot: the programme's (or group's) start, or its end (the
    end of its last day), or now for a programme still running or without an end date."""
    now = timezone.now()
    if which == "start" and scope.start is not None:
        return _day_start(scope.start)
    if which == "end" and scope.start is not None:
        if scope.end is None:
            return now
        return min(now, _day_start(scope.end + timedelta(days=1)))
    return None


@dataclass(frozen=True)
class Snapshot:
    which: str  # "start" or "end"
    moment: datetime
    network: Network


def snapshots(scope: Scope, network: Network) -> tuple[Snapshot, Snapshot] | None:
    """The network at the scope's start and at its end (None without a start date)."""
    start, end = moment(scope, "start"), moment(scope, "end")
    if start is None or end is None:
        return None
    return (Snapshot("start", start, network.until(start)),
            Snapshot("end", end, network.until(end)))


def network_at(scope: Scope, network: Network, which: str) -> Network:
    """``which``: "now" (every relation), "start" or "end"."""
    cut = moment(scope, which)
    return network if cut is None else network.until(cut)


@dataclass(frozen=True)
class RelationRow:
    ref: int
    a: Node
    b: Node
    kind: str
    kind_label: str
    origin_label: str
    since: datetime | None
    programme: str


def relation_rows(network: Network) -> list[RelationRow]:
    """The relations as table rows (the accessible equivalent of the picture's edges)."""
    kinds = kind_labels()
    origins = {code: str(label) for code, label in RelationOrigin.choices}
    return [RelationRow(e.ref, network.by_id[e.a], network.by_id[e.b], e.kind,
                        kinds.get(e.kind, e.kind), origins.get(e.origin, e.origin),
                        e.created_at, e.programme) for e in network.edges]


@dataclass(frozen=True)
class NodeRow:
    node: Node
    sector_label: str
    letter: str
    degree: int


def node_rows(network: Network) -> list[NodeRow]:
    """The organisations, most connected first (the picture's nodes as a table)."""
    sectors = sector_labels()
    rows = [NodeRow(n, sectors.get(n.sector, n.sector), str(SECTOR_LETTERS.get(n.sector, "")),
                    network.degree(n.id)) for n in network.nodes]
    return sorted(rows, key=lambda r: (-r.degree, r.node.label))
