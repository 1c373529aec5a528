"""Reads a citegraph UNDO N-Quads export with rdflib (Debian python3-rdflib) and runs a
SPARQL query over the union of its graphs.

    /usr/bin/python3 check_undo_rdflib.py EXPORT.nq QUERY.rq

Prints `graphs N quads M` on stderr (one named graph per citing document, plus the default
graph) and the query's rows, tab-separated, on stdout. Exit 1 on a parse error."""
import sys

import rdflib


def main():
    path, query_path = sys.argv[1], sys.argv[2]
    ds = rdflib.ConjunctiveGraph()
    ds.parse(path, format="nquads")
    graphs = {c.identifier for c in ds.contexts()}
    quads = sum(len(c) for c in ds.contexts())
    print(f"graphs {len(graphs)} quads {quads}", file=sys.stderr)
    with open(query_path, encoding="utf-8") as f:
        query = f.read()
    for row in ds.query(query):
        print("\t".join("" if v is None else str(v) for v in row))


if __name__ == "__main__":
    main()
