"""Reads a JSON-LD file with rdflib's own JSON-LD parser and an N-Quads file (jsonld.js's
conversion of the same file) with rdflib, and checks both give the same RDF graph (isomorphic:
blank nodes aside, the same triples; the N-Quads' graphs are merged).

    /usr/bin/python3 rdflib_same_triples.py FILE.jsonld FILE.nq

Prints `rdflib: same N triples` and exits 0, or names the difference and exits 1."""
import sys

import rdflib
from rdflib.compare import isomorphic, to_isomorphic, graph_diff


def main():
    jsonld = rdflib.Graph()
    jsonld.parse(sys.argv[1], format="json-ld")
    quads = rdflib.ConjunctiveGraph()
    quads.parse(sys.argv[2], format="nquads")
    nq = rdflib.Graph()
    for t in quads.triples((None, None, None)):
        nq.add(t)
    if len(jsonld) == 0 or not isomorphic(jsonld, nq):
        _, only_jsonld, only_nq = graph_diff(to_isomorphic(jsonld), to_isomorphic(nq))
        print(f"rdflib: {len(jsonld)} triples from the JSON-LD, {len(nq)} from the N-Quads; "
              f"only in the JSON-LD: {sorted(only_jsonld)[:3]}, only in the N-Quads: "
              f"{sorted(only_nq)[:3]}", file=sys.stderr)
        return 1
    print(f"rdflib: same {len(jsonld)} triples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
