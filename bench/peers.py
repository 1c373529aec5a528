#!/usr/bin/python3
"""The peers' side of bench/compare: the code of ../shared/bench/peer_baseline.py and
py_extract_peer.py (imported, not copied), run only for the figures the goal table uses, every
figure a median of --repeats runs, inputs generated once and cached.

usage: /usr/bin/python3 bench/peers.py --data DIR --n N --queries Q --queries-all QA
           --repeats R --text-mb MB --enga DIR --synth DIR --json OUT

What runs (and what peer_baseline.py's own main() would run on top, not used by the table):
  * text: pyahocorasick longest-match over the peer's synthetic zh/en text (peer_baseline's
    corpus and gazetteer, cached in DIR as corpus.txt / gazetteer.txt). Skipped: the `re`
    reference timings.
  * graph, igraph: peer_baseline.graph_suite() itself with networkx switched off (build,
    PageRank, BFS, 2-hop egos, coupling, co-citation, shortest path, GraphML and JSON writers),
    exports with --repeats repeats (the peer's main() does single runs at N=100,000).
  * graph, networkx: one nx_build (not a table figure; the peer's main() times it 3 times,
    ~60 s at N=100,000), then nx.pagerank, nx_bib_coupling and nx_cocitation, timed as the
    peer times them. Skipped: nx BFS, egos, shortest path, write_graphml and node-link JSON
    (none is in the table; node-link JSON was 2.2x slower than igraph+json, the JSON peer).
  * py_extract_peer.extract() over en-ga and the synthetic corpus, median of --repeats
    (its own main() reports the best).
  * the peer's query nodes (pick_queries) -> DIR/queries_N<n>.tsv, igraph's PageRank top 10.
The graph dump (nodes_N<n>.tsv, edges_N<n>.tsv) is written only when missing: the generator
is seeded (peer_baseline.gen_graph, seed 20240601), so a cached dump is the same graph.
"""
import argparse, gc, json, os, pathlib, statistics, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.dont_write_bytecode = True  # leave no __pycache__ in ../shared
sys.path.insert(0, str(SHARED / "bench"))
import peer_baseline as pb  # noqa: E402
import py_extract_peer as px  # noqa: E402

GRAPH_SEED = 20240601  # peer_baseline.gen_graph's default
TEXT_SEED = 11         # peer_baseline.gen_corpus's default


def log(msg):
    print(f"[peers {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def cached_text(data, text_mb):
    """The peer's synthetic text and gazetteer, generated once per (size, seed)."""
    gaz = pb.gazetteer()
    stamp = data / "corpus.stamp"
    key = f"text_mb={text_mb} seed={TEXT_SEED} gazetteer={len(gaz)}"
    corpus = data / "corpus.txt"
    if corpus.exists() and stamp.exists() and stamp.read_text() == key:
        return corpus.read_text(encoding="utf-8"), gaz, True
    text = pb.gen_corpus(text_mb, gaz, seed=TEXT_SEED)
    corpus.write_bytes(text.encode("utf-8"))
    (data / "gazetteer.txt").write_text("\n".join(gaz) + "\n", encoding="utf-8")
    stamp.write_text(key)
    return text, gaz, False


def text_suite(data, text_mb, reps, rec):
    t0 = time.perf_counter()
    text, gaz, hit = cached_text(data, text_mb)
    nbytes = len(text.encode("utf-8"))
    log(f"text {nbytes / 1e6:.1f} MB ({'cached' if hit else 'generated'}) in "
        f"{time.perf_counter() - t0:.1f} s")
    if pb.ahocorasick is None:
        log("pyahocorasick missing: no gazetteer peer")
        return
    # as in peer_baseline.text_suite
    A = pb.ahocorasick.Automaton()
    for i, n in enumerate(gaz):
        A.add_word(n, i)
    A.make_automaton()
    b, m, ts, r = pb.bench(lambda: sum(1 for _ in A.iter_long(text)), reps)
    rec.add("text.pyahocorasick.gazetteer_longest", b, m, ts, MB_per_s=nbytes / 1e6 / m,
            matches=r)


def graph_suites(data, n, q, q_all, reps, rec):
    tag = f"N{n}"
    dumped = (data / f"nodes_{tag}.tsv").exists() and (data / f"edges_{tag}.tsv").exists() and \
        (data / f"graph_{tag}.stamp").exists()
    memo = {}
    gen_graph = pb.gen_graph

    def gen_once(n_res, **kw):  # graph_suite and the networkx part below share one graph
        if n_res not in memo:
            memo[n_res] = gen_graph(n_res, seed=GRAPH_SEED, **kw)
        return memo[n_res]

    pb.gen_graph = gen_once
    nx_module = pb.nx
    pb.nx = None  # graph_suite: igraph only
    try:
        with tempfile.TemporaryDirectory(prefix="citegraph_peers_") as tmp:
            t0 = time.perf_counter()
            pb.graph_suite(n, reps, reps, q, q_all, rec, tmp, None if dumped else str(data))
            log(f"igraph suite {time.perf_counter() - t0:.0f} s")
    finally:
        pb.nx = nx_module
        pb.gen_graph = gen_graph
    if not dumped:
        (data / f"graph_{tag}.stamp").write_text(f"seed={GRAPH_SEED}\n")
    nodes, edges = memo[n]

    # the peer's queries and igraph's PageRank top 10 (checks of ours)
    name_index = {name: i for i, (name, _) in enumerate(nodes)}
    indeg = [0] * n
    for _, v, t in edges:
        if t == "cites":
            indeg[name_index[v]] += 1
    ego_q, cocit_q, pair_q = pb.pick_queries(nodes, n, indeg, q)
    with open(data / f"queries_{tag}.tsv", "w") as f:
        f.write(f"q_all\t{q_all}\n")
        f.writelines(f"ego\t{i}\n" for i in ego_q)
        f.writelines(f"cocit\t{i}\n" for i in cocit_q)
        f.writelines(f"pair\t{s}\t{t}\n" for s, t in pair_q)
    names = [name for name, _ in nodes]
    g = pb.ig.Graph(n=len(names), edges=[(name_index[u], name_index[v]) for u, v, _ in edges],
                    directed=True)
    pr = g.pagerank(directed=True, damping=0.85)
    top_ig = [names[i] for i in sorted(range(len(pr)), key=lambda i: -pr[i])[:10]]
    del g, pr

    if pb.nx is not None:
        t0 = time.perf_counter()
        G = pb.nx_build(nodes, edges)
        log(f"networkx graph built once in {time.perf_counter() - t0:.1f} s (not a table figure)")
        n_edges = len(edges)
        # as in peer_baseline.graph_suite
        b, m, ts, pr = pb.bench(lambda: pb.nx.pagerank(G, alpha=0.85), reps)
        rec.add(f"{tag}.nx.pagerank", b, m, ts, edges_per_s=n_edges / m)
        del pr
        b, m, ts, _ = pb.bench(lambda: [pb.nx_bib_coupling(G, names[i]) for i in ego_q], reps)
        rec.add(f"{tag}.nx.bibcoupling_top10_x{q}", b, m, ts, per_query_us=m / q * 1e6)
        b, m, ts, _ = pb.bench(lambda: [pb.nx_cocitation(G, names[i]) for i in cocit_q], reps)
        rec.add(f"{tag}.nx.cocitation_top10_x{q}", b, m, ts, per_query_us=m / q * 1e6)
        del G
    memo.clear()
    gc.collect()
    return top_ig


def extract_peer(path, reps):
    """py_extract_peer's main(), reporting the median of `reps` runs (and the best)."""
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in px.files([path])]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times, clauses, found = [], 0, 0
    for _ in range(reps):
        t0 = time.perf_counter()
        clauses = found = 0
        for t in texts:
            c, f = px.extract(t)
            clauses += c
            found += f
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    return {"documents": len(texts), "mb": round(mb, 2), "clauses": clauses, "symbols": found,
            "seconds": round(med, 3), "best_seconds": round(min(times), 3),
            "times": [round(t, 3) for t in times], "mb_per_s": round(mb / med, 1)}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--queries", type=int, required=True)
    ap.add_argument("--queries-all", type=int, required=True)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--text-mb", type=float, required=True)
    ap.add_argument("--enga", required=True)
    ap.add_argument("--synth", required=True)
    ap.add_argument("--json", required=True)
    a = ap.parse_args()
    data = pathlib.Path(a.data)
    data.mkdir(parents=True, exist_ok=True)
    rec = pb.Recorder()
    t0 = time.perf_counter()
    text_suite(data, a.text_mb, a.repeats, rec)
    top_ig = graph_suites(data, a.n, a.queries, a.queries_all, a.repeats, rec)
    extract = {}
    for key, path in (("enga", a.enga), ("synth", a.synth)):
        t1 = time.perf_counter()
        extract[key] = extract_peer(path, a.repeats)
        log(f"py_extract {key}: {extract[key]} ({time.perf_counter() - t1:.0f} s)")
    meta = {"python": sys.version.split()[0], "networkx": getattr(pb.nx, "__version__", None),
            "igraph": getattr(pb.ig, "__version__", None), "total_s": time.perf_counter() - t0}
    with open(a.json, "w") as f:
        json.dump({"meta": meta, "results": rec.rows, "py_extract": extract,
                   "ig_pagerank_top10": top_ig}, f, indent=1)
    log(f"peers done in {meta['total_s']:.0f} s")


if __name__ == "__main__":
    main()
