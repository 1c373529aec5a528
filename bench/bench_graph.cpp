// Graph hot paths on the peer's synthetic citation graph (peer_baseline.py --dump-dir):
// build, resident memory per edge, PageRank, whole-graph BFS, 2-hop ego, coupling/co-citation
// top-10 (queries::related), shortest path, and the GraphML / JSON-LD / Neo4j exporters.
//
// Inputs (environment; a missing dump falls back to a small graph generated here):
//   CITEGRAPH_BENCH_PEER     dump directory holding nodes_N<size>.tsv and edges_N<size>.tsv
//   CITEGRAPH_BENCH_N        which <size> to read [the first nodes_N*.tsv found]
//   CITEGRAPH_BENCH_QUERIES  query file, lines "ego\tI", "cocit\tI", "pair\tI\tJ" with I, J
//                            row numbers of nodes_N<size>.tsv [<dump>/queries_N<size>.tsv;
//                            bench/compare writes it with the peer's own pick_queries()]
//   CITEGRAPH_BENCH_PR_OUT   if set, BM_PageRank writes its top-10 ids there (one a line)
#include "bench_util.hpp"
#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/queries.hpp"
#include "citegraph/exporters/exporter.hpp"
#include "citegraph/exporters/neo4j_exporter.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <filesystem>
#include <malloc.h>
#include <memory>
#include <numeric>
#include <random>

namespace {

using citegraph::CitationGraph;
using citegraph::bench::env_or;
using citegraph::bench::proc_status_bytes;

struct GraphInput {
    std::string source; // where the graph came from
    std::vector<citegraph::NodeRecord> nodes;
    std::vector<citegraph::EdgeRecord> edges;
    std::vector<std::size_t> ego, cocit;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::size_t q_all = 5; // queries of the undirected 2-hop ego (large outputs)
    std::unique_ptr<CitationGraph> graph;
};

citegraph::EdgeRecord make_edge(const std::string& s, const std::string& t, bool cites) {
    citegraph::EdgeRecord e;
    e.source = s;
    e.target = t;
    e.relation = cites ? citegraph::Relation::recalls : citegraph::Relation::notes;
    e.role = cites ? citegraph::Role::object : citegraph::Role::mention;
    e.prov.document = s;
    e.prov.language = "en";
    e.prov.paragraph = cites ? "pp1" : "op1";
    return e;
}

citegraph::NodeKind kind_of(const std::string& k) {
    if (k == "resolution") {
        return citegraph::NodeKind::Resolution;
    }
    return k == "body" ? citegraph::NodeKind::Body : citegraph::NodeKind::Treaty;
}

// Splits `line` at tabs.
std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::size_t a = 0;
    for (;;) {
        std::size_t b = line.find('\t', a);
        out.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
        if (b == std::string::npos) {
            return out;
        }
        a = b + 1;
    }
}

std::string find_size(const std::string& dir) {
    std::string n = env_or("CITEGRAPH_BENCH_N", "");
    std::error_code ec;
    if (!n.empty() || dir.empty() || !std::filesystem::is_directory(dir, ec)) {
        return n;
    }
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string f = e.path().filename().string();
        if (f.rfind("nodes_N", 0) == 0 && f.size() > 11) {
            found.push_back(f.substr(7, f.size() - 11));
        }
    }
    std::sort(found.begin(), found.end());
    return found.empty() ? std::string() : found.front();
}

// The peer's generator, approximately (used only when there is no dump).
void generate(GraphInput& in, std::size_t n_res) {
    std::mt19937_64 rng(20240601);
    const std::size_t n_ent = std::max<std::size_t>(500, n_res / 50);
    for (std::size_t i = 0; i < n_res; ++i) {
        citegraph::NodeRecord r;
        r.id = "A/RES/" + std::to_string(i / 300 + 1) + "/" + std::to_string(i % 300 + 1);
        in.nodes.push_back(r);
    }
    for (std::size_t j = 0; j < n_ent; ++j) {
        citegraph::NodeRecord r;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%05zu", j);
        r.id = std::string(j % 3 ? "TREATY:" : "BODY:") + buf;
        r.kind = j % 3 ? citegraph::NodeKind::Treaty : citegraph::NodeKind::Body;
        in.nodes.push_back(r);
    }
    std::vector<std::size_t> pool;
    std::normal_distribution<double> k_dist(15, 4);
    std::uniform_real_distribution<double> u01(0, 1);
    for (std::size_t i = 0; i < n_res; ++i) {
        if (i > 0) {
            auto k = std::min<std::size_t>(
                i, static_cast<std::size_t>(std::max(1.0, std::round(k_dist(rng)))));
            std::vector<std::size_t> chosen;
            while (chosen.size() < k) {
                std::size_t t = (u01(rng) < 0.7) ? pool[rng() % pool.size()] : rng() % i;
                if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) {
                    chosen.push_back(t);
                }
            }
            for (auto t : chosen) {
                in.edges.push_back(make_edge(in.nodes[i].id, in.nodes[t].id, true));
                pool.push_back(t);
            }
            if (u01(rng) < 0.2) {
                in.edges.push_back(make_edge(in.nodes[i].id, in.nodes[chosen[0]].id, true));
            }
        }
        for (int m = 0; m < 5; ++m) {
            // Zipf(1) over the entities, roughly
            auto e = static_cast<std::size_t>(std::pow(static_cast<double>(n_ent), u01(rng))) - 1;
            in.edges.push_back(make_edge(in.nodes[i].id, in.nodes[n_res + e].id, false));
        }
        pool.push_back(i);
    }
    std::mt19937 q(7);
    for (int i = 0; i < 20; ++i) {
        in.ego.push_back(n_res / 5 + q() % (n_res - n_res / 5));
        in.cocit.push_back(q() % (n_res / 20));
        in.pairs.emplace_back(n_res * 9 / 10 + q() % (n_res / 10), q() % (n_res / 10));
    }
    in.q_all = 2;
}

GraphInput& input() {
    static GraphInput in = [] {
        GraphInput g;
        const std::string dir = env_or("CITEGRAPH_BENCH_PEER", "");
        const std::string n = find_size(dir);
        std::ifstream nodes(dir + "/nodes_N" + n + ".tsv");
        std::ifstream edges(dir + "/edges_N" + n + ".tsv");
        if (dir.empty() || n.empty() || !nodes || !edges) {
            g.source = "generated N=2000 (no CITEGRAPH_BENCH_PEER dump)";
            generate(g, 2000);
            return g;
        }
        g.source = dir + " N" + n;
        std::string line;
        while (std::getline(nodes, line)) {
            auto f = fields(line);
            citegraph::NodeRecord r;
            r.id = f[0];
            r.kind = kind_of(f.size() > 1 ? f[1] : "");
            g.nodes.push_back(std::move(r));
        }
        while (std::getline(edges, line)) {
            auto f = fields(line);
            if (f.size() >= 3) {
                g.edges.push_back(make_edge(f[0], f[1], f[2] == "cites"));
            }
        }
        std::ifstream qs(env_or("CITEGRAPH_BENCH_QUERIES", dir + "/queries_N" + n + ".tsv"));
        while (std::getline(qs, line)) {
            auto f = fields(line);
            if (f[0] == "ego") {
                g.ego.push_back(std::stoul(f[1]));
            } else if (f[0] == "cocit") {
                g.cocit.push_back(std::stoul(f[1]));
            } else if (f[0] == "pair") {
                g.pairs.emplace_back(std::stoul(f[1]), std::stoul(f[2]));
            } else if (f[0] == "q_all") {
                g.q_all = std::stoul(f[1]);
            }
        }
        if (g.ego.empty()) { // no query file: spread the queries over the resolutions
            std::size_t n_res = 0;
            while (n_res < g.nodes.size() &&
                   g.nodes[n_res].kind == citegraph::NodeKind::Resolution) {
                ++n_res;
            }
            for (std::size_t i = 0; i < 200; ++i) {
                g.ego.push_back(n_res / 5 + (i * 7919) % (n_res - n_res / 5));
                g.cocit.push_back((i * 104729) % std::max<std::size_t>(1, n_res / 20));
                g.pairs.emplace_back(n_res * 9 / 10 + (i * 31) % (n_res / 10),
                                     (i * 17) % (n_res / 10));
            }
        }
        return g;
    }();
    return in;
}

std::unique_ptr<CitationGraph> build(const GraphInput& in) {
    auto g = std::make_unique<CitationGraph>();
    for (const auto& n : in.nodes) {
        g->add_node(n);
    }
    for (const auto& e : in.edges) {
        g->add_edge(e);
    }
    return g;
}

const CitationGraph& graph() {
    auto& in = input();
    if (!in.graph) {
        in.graph = build(in);
    }
    return *in.graph;
}

void label(benchmark::State& state) {
    const auto& in = input();
    state.SetLabel(in.source);
    state.counters["nodes"] = static_cast<double>(in.nodes.size());
    state.counters["edges"] = static_cast<double>(in.edges.size());
}

// ---- memory and build --------------------------------------------------------------------------

// Resident memory of the graph: VmRSS after building minus before (the input records are
// loaded first and kept; freed heap is returned to the system before the first reading).
void BM_GraphMemory(benchmark::State& state) {
    auto& in = input();
    for (auto _ : state) {
        in.graph.reset();
        malloc_trim(0);
        const auto before = proc_status_bytes("VmRSS");
        in.graph = build(in);
        const auto after = proc_status_bytes("VmRSS");
        state.counters["rss_graph_MB"] = static_cast<double>(after - before) / 1e6;
        state.counters["bytes_per_edge"] =
            static_cast<double>(after - before) / static_cast<double>(in.edges.size());
    }
    state.counters["peak_rss_MB"] = static_cast<double>(proc_status_bytes("VmHWM")) / 1e6;
    label(state);
}
BENCHMARK(BM_GraphMemory)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_GraphBuild(benchmark::State& state) {
    const auto& in = input();
    for (auto _ : state) {
        auto g = build(in);
        benchmark::DoNotOptimize(g->num_edges());
        state.PauseTiming();
        g.reset(); // destruction is not part of the build (the peer's timing excludes it too)
        state.ResumeTiming();
    }
    state.counters["edges_per_s"] = benchmark::Counter(
        static_cast<double>(in.edges.size()), benchmark::Counter::kIsIterationInvariantRate);
    label(state);
}
BENCHMARK(BM_GraphBuild)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- algorithms --------------------------------------------------------------------------------

void BM_PageRank(benchmark::State& state) {
    const auto& g = graph();
    citegraph::PageRankOptions o;
    o.multiplicity = true; // igraph and networkx count parallel edges of a multigraph
    citegraph::PageRankResult r;
    for (auto _ : state) {
        r = citegraph::pagerank(g, o);
        benchmark::DoNotOptimize(r.rank.data());
    }
    state.counters["iterations"] = static_cast<double>(r.iterations);
    state.counters["converged"] = r.converged ? 1 : 0;
    if (const std::string out = env_or("CITEGRAPH_BENCH_PR_OUT", ""); !out.empty()) {
        std::vector<std::size_t> order(r.rank.size());
        std::iota(order.begin(), order.end(), 0);
        const std::size_t k = std::min<std::size_t>(10, order.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k),
                          order.end(), [&](auto a, auto b) { return r.rank[a] > r.rank[b]; });
        std::ofstream f(out);
        for (std::size_t i = 0; i < k; ++i) {
            f << g.node(order[i]).id << '\t' << r.rank[order[i]] << '\n';
        }
    }
    label(state);
}
BENCHMARK(BM_PageRank)->Unit(benchmark::kMillisecond)->UseRealTime();

// Visited marks cleared in O(1) between queries.
struct Stamp {
    std::vector<std::uint32_t> at;
    std::uint32_t now = 0;
    explicit Stamp(std::size_t n) : at(n, 0) {}
    void next() { ++now; }
    bool mark(std::size_t v) {
        if (at[v] == now) {
            return false;
        }
        at[v] = now;
        return true;
    }
    bool marked(std::size_t v) const { return at[v] == now; }
};

// Whole-graph BFS from one resolution ignoring direction (igraph g.bfs(src, mode="all")).
void BM_BfsAll(benchmark::State& state) {
    const auto& g = graph();
    const auto& bg = g.boost_graph();
    const std::size_t src = input().ego.front();
    std::size_t reached = 0;
    std::vector<std::uint32_t> queue(g.num_nodes());
    for (auto _ : state) {
        std::vector<char> seen(g.num_nodes(), 0);
        std::size_t head = 0, tail = 0;
        queue[tail++] = static_cast<std::uint32_t>(src);
        seen[src] = 1;
        while (head < tail) {
            const auto v = queue[head++];
            for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
                const auto w = boost::target(*it, bg);
                if (!seen[w]) {
                    seen[w] = 1;
                    queue[tail++] = static_cast<std::uint32_t>(w);
                }
            }
            for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it) {
                const auto w = boost::source(*it, bg);
                if (!seen[w]) {
                    seen[w] = 1;
                    queue[tail++] = static_cast<std::uint32_t>(w);
                }
            }
        }
        reached = tail;
        benchmark::DoNotOptimize(reached);
    }
    state.counters["reached"] = static_cast<double>(reached);
    label(state);
}
BENCHMARK(BM_BfsAll)->Unit(benchmark::kMillisecond)->UseRealTime();

// 2-hop out-neighbourhood and the edge count of its induced sub-graph, per query
// (igraph induced_subgraph(neighborhood(i, order=2, mode="out")).ecount()).
void BM_Ego2Out(benchmark::State& state) {
    const auto& g = graph();
    const auto& bg = g.boost_graph();
    const auto& in = input();
    Stamp mark(g.num_nodes());
    std::vector<std::size_t> members;
    std::size_t total = 0;
    for (auto _ : state) {
        total = 0;
        for (std::size_t q : in.ego) {
            mark.next();
            members.clear();
            mark.mark(q);
            members.push_back(q);
            std::size_t begin = 0;
            for (int hop = 0; hop < 2; ++hop) {
                const std::size_t end_hop = members.size();
                for (std::size_t i = begin; i < end_hop; ++i) {
                    for (auto [it, end] = boost::out_edges(members[i], bg); it != end; ++it) {
                        const auto w = boost::target(*it, bg);
                        if (mark.mark(w)) {
                            members.push_back(w);
                        }
                    }
                }
                begin = end_hop;
            }
            for (std::size_t u : members) {
                for (auto [it, end] = boost::out_edges(u, bg); it != end; ++it) {
                    total += mark.marked(boost::target(*it, bg));
                }
            }
        }
        benchmark::DoNotOptimize(total);
    }
    state.counters["queries"] = static_cast<double>(in.ego.size());
    state.counters["mean_edges"] = static_cast<double>(total) / static_cast<double>(in.ego.size());
    label(state);
}
BENCHMARK(BM_Ego2Out)->Unit(benchmark::kMillisecond)->UseRealTime();

// The per-graph caches the queries read (CitationGraph::neighbour_index() for related(),
// id_order() for filter_graph and the exporters), built once per graph and dropped by any
// change: the time to build both, and the neighbour index's size.
void BM_QueryCaches(benchmark::State& state) {
    auto& in = input();
    graph();
    std::size_t bytes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        in.graph->add_node(in.nodes.front()); // a no-op merge; drops the caches
        state.ResumeTiming();
        const auto ix = in.graph->neighbour_index();
        benchmark::DoNotOptimize(in.graph->id_order().get());
        bytes =
            (ix->in_begin.size() + ix->in_split.size() + ix->out_begin.size() +
             ix->out_para_begin.size()) *
                sizeof(std::size_t) +
            (ix->in.size() + ix->out.size() + ix->distinct_targets.size()) * sizeof(std::uint32_t) +
            ix->by_paragraph.size() * sizeof(ix->by_paragraph[0]) + ix->kind.size();
    }
    state.counters["index_MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["index_bytes_per_edge"] =
        static_cast<double>(bytes) / static_cast<double>(in.edges.size());
    label(state);
}
BENCHMARK(BM_QueryCaches)->Unit(benchmark::kMillisecond)->UseRealTime();

// The engine's own 2-hop ego, either direction (filter_graph: `export --from ID --depth 2`),
// on the first q_all queries. It builds a CitationGraph copy with provenance, so it does more
// than igraph's induced_subgraph().ecount().
void BM_Ego2All(benchmark::State& state) {
    const auto& g = graph();
    const auto& in = input();
    g.id_order(); // built once per graph (BM_QueryCaches), not per query
    const std::size_t q = std::min(in.q_all, in.ego.size());
    std::size_t total = 0;
    for (auto _ : state) {
        total = 0;
        for (std::size_t i = 0; i < q; ++i) {
            citegraph::GraphFilter f;
            f.from = in.nodes[in.ego[i]].id;
            f.depth = 2;
            total += citegraph::filter_graph(g, f).num_edges();
        }
        benchmark::DoNotOptimize(total);
    }
    state.counters["queries"] = static_cast<double>(q);
    state.counters["mean_edges"] = static_cast<double>(total) / static_cast<double>(q);
    label(state);
}
BENCHMARK(BM_Ego2All)->Unit(benchmark::kMillisecond)->UseRealTime();

// queries::related (coupling + co-citation + shared addressees, resource-allocation weights,
// top 10 with the shared works that explain each) for the peer's coupling / co-citation nodes.
void run_related(benchmark::State& state, const std::vector<std::size_t>& qs, bool explain = true) {
    const auto& g = graph();
    const auto& in = input();
    g.neighbour_index(); // built once per graph (BM_QueryCaches), not per query
    citegraph::RelatedOptions o;
    o.top = 10;
    o.explain = explain;
    std::size_t rows = 0;
    for (auto _ : state) {
        rows = 0;
        for (std::size_t q : qs) {
            rows += citegraph::related(g, in.nodes[q].id, o).size();
        }
        benchmark::DoNotOptimize(rows);
    }
    state.counters["queries"] = static_cast<double>(qs.size());
    state.counters["rows"] = static_cast<double>(rows);
    label(state);
}
void BM_RelatedCoupling(benchmark::State& state) {
    run_related(state, input().ego);
}
BENCHMARK(BM_RelatedCoupling)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_RelatedCocitation(benchmark::State& state) {
    run_related(state, input().cocit);
}
BENCHMARK(BM_RelatedCocitation)->Unit(benchmark::kMillisecond)->UseRealTime();
// The same queries, scores only (RelatedOptions::explain = false): what the peers compute.
void BM_RelatedCouplingScores(benchmark::State& state) {
    run_related(state, input().ego, false);
}
BENCHMARK(BM_RelatedCouplingScores)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_RelatedCocitationScores(benchmark::State& state) {
    run_related(state, input().cocit, false);
}
BENCHMARK(BM_RelatedCocitationScores)->Unit(benchmark::kMillisecond)->UseRealTime();

// Directed shortest path recent -> old (queries::shortest_paths, one path per pair).
void BM_ShortestPath(benchmark::State& state) {
    const auto& g = graph();
    const auto& in = input();
    citegraph::PathOptions o;
    o.limit = 1;
    std::size_t found = 0;
    for (auto _ : state) {
        found = 0;
        for (auto [s, t] : in.pairs) {
            found += !citegraph::shortest_paths(g, in.nodes[s].id, in.nodes[t].id, o).empty();
        }
        benchmark::DoNotOptimize(found);
    }
    state.counters["queries"] = static_cast<double>(in.pairs.size());
    state.counters["found"] = static_cast<double>(found);
    label(state);
}
BENCHMARK(BM_ShortestPath)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- exporters ---------------------------------------------------------------------------------

void run_export(benchmark::State& state, const char* format) {
    const auto& g = graph();
    citegraph::ExportOptions opt;
    std::size_t bytes = 0;
    for (auto _ : state) {
        bytes = 0;
        if (std::string_view(format) == "neo4j") {
            for (const auto& f : citegraph::to_neo4j_files(g)) {
                bytes += f.content.size();
            }
        } else {
            bytes = citegraph::export_to_string(g, format, opt).size();
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["out_MB"] = static_cast<double>(bytes) / 1e6;
    label(state);
}
void BM_ExportGraphml(benchmark::State& state) {
    run_export(state, "graphml");
}
BENCHMARK(BM_ExportGraphml)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_ExportJsonld(benchmark::State& state) {
    run_export(state, "jsonld");
}
BENCHMARK(BM_ExportJsonld)->Unit(benchmark::kMillisecond)->UseRealTime();
void BM_ExportNeo4j(benchmark::State& state) {
    run_export(state, "neo4j");
}
BENCHMARK(BM_ExportNeo4j)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
