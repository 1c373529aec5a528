#!/usr/bin/python3
"""Reads a weighted citegraph export (`export --format gexf`, or `--format graphml
--aggregate`) with networkx and prints what it found as JSON, for the exporter tests to
compare with the model:

    /usr/bin/python3 check_weighted.py FILE.gexf|FILE.graphml

{"reader": ..., "nodes": N, "edges": M, "multigraph": bool,
 "weight": {"SOURCE -> TARGET": w, ...}, "relations": {"SOURCE -> TARGET": "...", ...},
 "year": {"ID": year, ...}, "session": {"ID": n, ...}, "start": {"ID": "YYYY-MM-DD", ...}}

Weights must be numbers, years and sessions integers (else exit 1). Node keys are the
citegraph ids. Debian 12's networkx (2.8.8) knows the GEXF namespaces up to 1.2draft only:
the 1.3 namespace is registered with networkx's own GEXFReader (the elements and attributes it
reads are the same in 1.3), nothing else is changed.
"""
import json
import sys

import networkx as nx
from networkx.readwrite.gexf import GEXFReader


def read_gexf_13(path):
    d = dict(GEXFReader.versions["1.2draft"])
    d.update({"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
              "VERSION": "1.3",
              "SCHEMALOCATION": " ".join(["http://gexf.net/1.3", "http://gexf.net/1.3/gexf.xsd"])})
    GEXFReader.versions["1.3"] = d
    return GEXFReader(node_type=None, version="1.3")(path)


def main():
    path = sys.argv[1]
    if path.endswith(".gexf"):
        g, reader = read_gexf_13(path), "networkx read_gexf (1.3)"
    else:
        g, reader = nx.read_graphml(path), "networkx read_graphml"
    errors = []
    out = {"reader": f"{reader} {nx.__version__}", "nodes": g.number_of_nodes(),
           "edges": g.number_of_edges(), "multigraph": g.is_multigraph(),
           "weight": {}, "relations": {}, "year": {}, "session": {}, "start": {}}
    for s, t, a in g.edges(data=True):
        key = f"{s} -> {t}"
        w = a.get("weight")
        if not isinstance(w, (int, float)):
            errors.append(f"{key}: weight {w!r} is not a number")
        out["weight"][key] = w
        out["relations"][key] = a.get("relations")
    for n, a in g.nodes(data=True):
        for k in ("year", "session"):
            if k in a:
                if not isinstance(a[k], int):
                    errors.append(f"{n}: {k} {a[k]!r} is not an integer")
                out[k][n] = a[k]
        if "start" in a:
            out["start"][n] = a["start"]
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
