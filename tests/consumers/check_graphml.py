#!/usr/bin/python3
"""Loads a GraphML file with two real readers, networkx (read_graphml) and python3-igraph
(Graph.Read_GraphML), and checks both see the graph described by an expected-JSON file.

    /usr/bin/python3 check_graphml.py GRAPH.graphml EXPECTED.json

EXPECTED.json: {"nodes": [{"node_id": ..., "kind": ..., <attribute>: <value>, ...}],
                "edges": [{"source": <node_id>, "target": <node_id>, <attribute>: <value>}]}
Node and edge attributes not listed must be absent; integers must come back as integers.
Node ids are the citegraph ids: networkx keys its nodes by them and igraph finds a vertex
by name (g.vs.find(name=ID), R igraph's V(g)[ID]).
Prints one line per reader; exits 1 with the differences on mismatch.
Run with Debian's /usr/bin/python3 (the pyenv python3 on PATH has no igraph).
"""
import json
import math
import sys

import igraph
import networkx as nx

NODE_ATTRS = ["node_id", "name", "kind", "symbol", "date", "year", "body", "session",
              "session_label", "unts_volume", "unts_number"]
INT_NODE_ATTRS = {"year", "session", "unts_number"}
EDGE_ATTRS = ["relation", "role", "document", "language", "paragraph", "span_start",
              "span_end", "text"]

errors = []


def fail(msg):
    errors.append(msg)


def edge_key(d):
    return json.dumps(d, sort_keys=True, ensure_ascii=False)


def check_node_attrs(reader, actual, expected, name_keys):
    for key in NODE_ATTRS + name_keys:
        want = expected.get(key)
        got = actual.get(key)
        if got in ("", None) or (isinstance(got, float) and math.isnan(got)):
            got = None  # igraph: NaN for a numeric attribute a vertex lacks
        if key in INT_NODE_ATTRS and got is not None:
            if isinstance(got, float) and got.is_integer():
                got = int(got)  # igraph reads GraphML int and long as float
            if not isinstance(got, int):
                fail(f"{reader}: node {expected['node_id']}: {key} is {type(got).__name__}")
        if want != got:
            fail(f"{reader}: node {expected['node_id']}: {key} = {got!r}, expected {want!r}")
    for key in ("label", "labels"):
        if not actual.get(key):
            fail(f"{reader}: node {expected['node_id']}: no {key}")
    if actual.get("labels") != ":" + expected["kind"]:
        fail(f"{reader}: node {expected['node_id']}: labels = {actual.get('labels')!r}")


def normalise_edge(reader, source, target, attrs):
    out = {"source": source, "target": target}
    for key in EDGE_ATTRS:
        value = attrs.get(key)
        if value in ("", None):
            continue
        if key.startswith("span_"):
            if isinstance(value, float) and value.is_integer():
                value = int(value)  # igraph reads GraphML int as float
            if not isinstance(value, int):
                fail(f"{reader}: edge {source}->{target}: {key} is {type(value).__name__}")
        out[key] = value
    label = attrs.get("label")
    if label != str(attrs.get("relation", "")).upper():
        fail(f"{reader}: edge {source}->{target}: label {label!r} is not the UPPER relation")
    return out


def check_edges(reader, actual, expected):
    want = sorted(edge_key(e) for e in expected)
    got = sorted(edge_key(e) for e in actual)
    if want != got:
        missing = sorted(set(want) - set(got))
        extra = sorted(set(got) - set(want))
        fail(f"{reader}: edges differ; missing {missing[:3]}, unexpected {extra[:3]}")


def check_networkx(path, expected, name_keys):
    g = nx.read_graphml(path)
    if not g.is_directed():
        fail("networkx: graph is not directed")
    pairs = [(e["source"], e["target"]) for e in expected["edges"]]
    if len(set(pairs)) != len(pairs) and not g.is_multigraph():
        fail("networkx: parallel edges present but the graph is not a MultiDiGraph")
    if g.number_of_nodes() != len(expected["nodes"]):
        fail(f"networkx: {g.number_of_nodes()} nodes, expected {len(expected['nodes'])}")
    if g.number_of_edges() != len(expected["edges"]):
        fail(f"networkx: {g.number_of_edges()} edges, expected {len(expected['edges'])}")
    by_id = {e["node_id"]: e for e in expected["nodes"]}
    node_id = {}
    for n, attrs in g.nodes(data=True):
        node_id[n] = attrs.get("node_id")
        if n != attrs.get("node_id"):
            fail(f"networkx: node key {n!r} is not the citegraph id {attrs.get('node_id')!r}")
        if attrs.get("node_id") not in by_id:
            fail(f"networkx: unexpected node {n} {attrs.get('node_id')!r}")
            continue
        check_node_attrs("networkx", attrs, by_id[attrs["node_id"]], name_keys)
    edges = []
    for s, t, attrs in g.edges(data=True):
        edges.append(normalise_edge("networkx", node_id[s], node_id[t], attrs))
    check_edges("networkx", edges, expected["edges"])
    kind = type(g).__name__
    return f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges ({kind})"


def check_igraph(path, expected, name_keys):
    g = igraph.Graph.Read_GraphML(path)
    if not g.is_directed():
        fail("igraph: graph is not directed")
    if g.vcount() != len(expected["nodes"]):
        fail(f"igraph: {g.vcount()} nodes, expected {len(expected['nodes'])}")
    if g.ecount() != len(expected["edges"]):
        fail(f"igraph: {g.ecount()} edges, expected {len(expected['edges'])}")
    by_id = {e["node_id"]: e for e in expected["nodes"]}
    for v in g.vs:
        attrs = v.attributes()
        if attrs.get("node_id") not in by_id:
            fail(f"igraph: unexpected node {attrs.get('id')} {attrs.get('node_id')!r}")
            continue
        check_node_attrs("igraph", attrs, by_id[attrs["node_id"]], name_keys)
    for n in expected["nodes"]:
        try:
            if g.vs.find(name=n["node_id"])["id"] != n["node_id"]:
                fail(f"igraph: vertex named {n['node_id']} has another id")
        except ValueError:
            fail(f"igraph: no vertex named {n['node_id']}")
    edges = []
    for e in g.es:
        edges.append(normalise_edge("igraph", g.vs[e.source]["node_id"],
                                    g.vs[e.target]["node_id"], e.attributes()))
    check_edges("igraph", edges, expected["edges"])
    return f"igraph {igraph.__version__}: {g.vcount()} nodes, {g.ecount()} edges"


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    name_keys = sorted({k for n in expected["nodes"] for k in n if k.startswith("name_")})
    lines = [check_networkx(path, expected, name_keys), check_igraph(path, expected, name_keys)]
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
