"""The relationship network without Django: measures, stable layout, pictures and exports."""
import csv
import io
import xml.etree.ElementTree as ET
from datetime import datetime, UTC

import networkx as nx
from PIL import Image

from mosty.matching.graph import Edge, Network, Node
from mosty.matching.graph_export import to_csv, to_gexf
from mosty.matching.graph_render import Labels, height, render_png, render_svg

SVG = "{http://www.w3.org/2000/svg}"


def when(month: int) -> datetime:
    return datetime(2023, month, 1, tzinfo=UTC)


NODES = [Node(1, "Urząd Gminy", "jst", "ug"),
         Node(2, "Biblioteka <Publiczna> & Co", "public_institution", "mbp"),
         Node(3, "OSP", "ngo", "osp"), Node(4, "KGW", "ngo", "kgw"),
         Node(5, "Piekarnia", "business", "piekarnia"), Node(6, "Klub Seniora", "informal", "klub")]
EDGES = [Edge(1, 2, "cooperate", "manual", when(1), "", 11),
         Edge(2, 3, "met", "networking", when(5), "blisko", 12),
         Edge(3, 2, "agreement", "agreement", when(9), "blisko", 13),
         Edge(3, 4, "codesign", "initiative", when(10), "", 14),
         Edge(4, 4, "met", "manual", when(10)),  # a loop: ignored
         Edge(4, 99, "met", "manual", when(10))]  # outside the network: ignored
LABELS = Labels(title="Mapa", description="6 organizacji", empty="Brak",
                sectors={"jst": "samorząd", "public_institution": "instytucja publiczna",
                         "ngo": "NGO", "business": "biznes", "academia": "nauka",
                         "informal": "grupa nieformalna"},
                letters={"jst": "J", "public_institution": "P", "ngo": "N", "business": "B",
                         "academia": "A", "informal": "G"},
                kinds={"cooperate": "współpraca", "agreement": "porozumienie",
                       "met": "spotkanie", "codesign": "wspólny projekt"})


def network() -> Network:
    return Network(NODES, EDGES)


def test_measures():
    m = network().measures()
    assert (m.n_nodes, m.n_links, m.components) == (6, 3, 3)
    assert [n.key for n in m.isolated] == ["klub", "piekarnia"]
    assert m.missing_pairs == (("jst", "ngo"), ("jst", "business"), ("jst", "informal"),
                               ("public_institution", "business"),
                               ("public_institution", "informal"), ("ngo", "business"),
                               ("ngo", "informal"), ("business", "informal"))
    assert [(n.key, d) for n, d in m.most_connected] == [("mbp", 2), ("osp", 2), ("kgw", 1),
                                                          ("ug", 1)]
    assert network().strongest_kind(2, 3) == "agreement"


def test_snapshots_keep_the_nodes_and_drop_later_edges():
    net = network()
    before = net.until(when(4))
    assert [n.id for n in before.nodes] == [n.id for n in net.nodes]
    assert before.graph.number_of_edges() == 1
    assert net.until(when(6)).graph.number_of_edges() == 2


def test_layout_is_stable_and_normalised():
    first, second = network().layout(), Network(reversed(NODES), reversed(EDGES)).layout()
    assert first == second
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in first.values())
    assert Network([NODES[0]], []).layout() == {1: (0.5, 0.5)}
    assert Network([], []).layout() == {}


def test_svg_is_valid_accessible_and_escaped():
    net = network()
    svg = render_svg(net, net.layout(), LABELS, "t")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "t-title t-desc"
    assert root.find(f"{SVG}title").text == "Mapa"
    nodes = root.findall(f".//{SVG}g[@class='node']")
    assert len(nodes) == 6
    assert nodes[1].find(f"{SVG}title").text == "Biblioteka <Publiczna> & Co (instytucja publiczna)"
    # Shapes and letters, not only colours.
    sectors = {g.get("data-sector"): g for g in nodes}
    assert sectors["public_institution"].find(f"{SVG}circle") is not None
    assert sectors["jst"].find(f"{SVG}polygon") is not None
    assert [t.text for t in sectors["ngo"].findall(f"{SVG}text")][0] == "N"
    lines = root.findall(f".//{SVG}g[@class='edges']/{SVG}line")
    kinds = [line.get("data-kind", "") for line in lines]
    assert sorted(kinds) == ["agreement", "codesign", "cooperate"]
    legend = "".join(root.find(f".//{SVG}g[@class='legend']").itertext())
    assert "grupa nieformalna" in legend
    assert "wspólny projekt" in legend
    empty = ET.fromstring(render_svg(Network([], []), {}, LABELS))
    assert "Brak" in "".join(empty.itertext())


def test_png_has_the_pictures_size():
    net = network()
    data = render_png(net, net.layout(), LABELS, scale=1)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data))
    assert image.size == (760, height())
    # Not blank: the nodes' colours are drawn.
    colours = image.convert("RGB").getcolors(maxcolors=100_000)
    assert colours is not None
    assert len(colours) > 10


def test_gexf_reads_back_with_networkx(tmp_path):
    net = network()
    path = tmp_path / "map.gexf"
    path.write_bytes(to_gexf(net, net.layout()))
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == 6
    assert graph.number_of_edges() == 3
    assert graph.nodes["2"]["label"] == "Biblioteka <Publiczna> & Co"
    assert graph.nodes["2"]["sector"] == "public_institution"
    assert graph.edges["2", "3"]["kind"] == "agreement,met"
    assert graph.edges["2", "3"]["since"].startswith("2023-05-01")


def test_csv_lists_every_relation():
    rows = list(csv.DictReader(io.StringIO(to_csv(network(), LABELS.kinds).decode("utf-8-sig")),
                               delimiter=";"))
    assert [(r["organisation_a"], r["organisation_b"], r["kind"], r["kind_label"], r["since"])
            for r in rows] == [("ug", "mbp", "cooperate", "współpraca", "2023-01-01"),
                               ("mbp", "osp", "met", "spotkanie", "2023-05-01"),
                               ("osp", "mbp", "agreement", "porozumienie", "2023-09-01"),
                               ("osp", "kgw", "codesign", "wspólny projekt", "2023-10-01")]


def test_csv_keeps_typed_formulas_as_text_and_drops_control_characters():
    trap = '=HYPERLINK("http://x","y")'
    nodes = [Node(1, trap, "jst", "ug"), Node(2, "Z Worda\x0bbiblioteka", "ngo", "mbp")]
    net = Network(nodes, [Edge(1, 2, "met", "networking", when(1))])
    rows = list(csv.DictReader(io.StringIO(to_csv(net).decode("utf-8-sig")), delimiter=";"))
    assert (rows[0]["name_a"], rows[0]["name_b"]) == ("'" + trap, "Z Wordabiblioteka")
    ET.fromstring(to_gexf(net, {1: (0.0, 0.0), 2: (1.0, 1.0)}))  # still well-formed XML
