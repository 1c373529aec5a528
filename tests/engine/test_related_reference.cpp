// The fast paths of related() (sparse workspace, pruned candidates, cached neighbour index) and
// filter_graph() (direct copy) against brute-force references on seeded random graphs: the
// answers must be identical, scores bit for bit.
#include "citegraph/engine/queries.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <sstream>
#include <thread>

using namespace citegraph;
using citegraph::testing::edge;
using citegraph::testing::node;

namespace {

using Vertex = CitationGraph::Vertex;

// related() as first written: dense per-query arrays, every candidate scored, full sort.
std::vector<RelatedResult> reference_related(const CitationGraph& g, const std::string& id,
                                             const RelatedOptions& o) {
    const auto& bg = g.boost_graph();
    const Vertex d = *g.find(id);
    const std::size_t n = g.num_nodes();
    struct Set {
        std::vector<char> in;
        explicit Set(std::size_t n) : in(n, 0) {}
        void clear() { std::fill(in.begin(), in.end(), 0); }
        bool mark(Vertex v) { return in[v] ? false : (in[v] = 1, true); }
        bool has(Vertex v) const { return in[v] != 0; }
    };
    Set marks(n), inner(n), amarks(n), touched_marks(n);
    auto distinct_sources = [&](Vertex t, bool addressee) {
        inner.clear();
        std::vector<Vertex> out;
        for (auto [it, end] = boost::in_edges(t, bg); it != end; ++it) {
            if ((g.props(*it).role == Role::addressee) == addressee &&
                inner.mark(boost::source(*it, bg))) {
                out.push_back(boost::source(*it, bg));
            }
        }
        return out;
    };
    auto count_distinct_targets = [&](Vertex s) {
        inner.clear();
        std::size_t k = 0;
        for (auto [it, end] = boost::out_edges(s, bg); it != end; ++it) {
            k += inner.mark(boost::target(*it, bg)) ? 1 : 0;
        }
        return k;
    };
    std::vector<std::pair<Vertex, double>> td, ad, cd;
    std::vector<Vertex> tv, av;
    for (auto [it, end] = boost::out_edges(d, bg); it != end; ++it) {
        if (!o.paragraph.empty() && g.provenance(*it).paragraph != o.paragraph) {
            continue;
        }
        Vertex t = boost::target(*it, bg);
        if (g.props(*it).role == Role::addressee) {
            if (amarks.mark(t)) {
                av.push_back(t);
            }
        } else if (marks.mark(t)) {
            tv.push_back(t);
        }
    }
    std::vector<double> coupling(n, 0.0), cocitation(n, 0.0), addressees(n, 0.0);
    std::vector<Vertex> touched;
    std::map<Vertex, std::vector<SharedWork>> para_share;
    auto touch = [&](Vertex c) {
        if (touched_marks.mark(c)) {
            touched.push_back(c);
        }
    };
    for (Vertex t : tv) {
        auto srcs = distinct_sources(t, false);
        double w = srcs.empty() ? 0.0 : 1.0 / static_cast<double>(srcs.size());
        td.emplace_back(t, w);
        for (Vertex c : srcs) {
            if (c != d) {
                coupling[c] += w;
                touch(c);
            }
        }
    }
    for (Vertex b : av) {
        auto srcs = distinct_sources(b, true);
        double w = srcs.empty() ? 0.0 : 1.0 / static_cast<double>(srcs.size());
        ad.emplace_back(b, w);
        for (Vertex c : srcs) {
            if (c != d) {
                addressees[c] += w;
                touch(c);
            }
        }
    }
    if (o.paragraph.empty()) {
        std::vector<Vertex> citing;
        marks.clear();
        for (auto [it, end] = boost::in_edges(d, bg); it != end; ++it) {
            if (marks.mark(boost::source(*it, bg))) {
                citing.push_back(boost::source(*it, bg));
            }
        }
        for (Vertex s : citing) {
            double w = 1.0 / static_cast<double>(count_distinct_targets(s));
            cd.emplace_back(s, w);
            inner.clear();
            std::vector<std::string> paras;
            for (auto [it, end] = boost::out_edges(s, bg); it != end; ++it) {
                Vertex c = boost::target(*it, bg);
                if (c == d) {
                    paras.push_back(g.provenance(*it).paragraph);
                } else if (inner.mark(c)) {
                    cocitation[c] += w;
                    touch(c);
                }
            }
            std::sort(paras.begin(), paras.end());
            paras.erase(std::unique(paras.begin(), paras.end()), paras.end());
            for (const std::string& para : paras) {
                inner.clear();
                std::vector<Vertex> in_para;
                for (auto [it, end] = boost::out_edges(s, bg); it != end; ++it) {
                    if (g.provenance(*it).paragraph == para && inner.mark(boost::target(*it, bg))) {
                        in_para.push_back(boost::target(*it, bg));
                    }
                }
                double wp = 1.0 / static_cast<double>(in_para.size());
                for (Vertex c : in_para) {
                    if (c != d) {
                        cocitation[c] += wp;
                        para_share[c].push_back({g.node(s).id + " " + para, wp});
                    }
                }
            }
        }
    }
    struct Scored {
        long long key;
        Vertex v;
    };
    std::vector<Scored> scored;
    for (Vertex c : touched) {
        NodeKind k = g.node(c).kind;
        if (k == NodeKind::Body || k == NodeKind::Actor) {
            continue;
        }
        double s = o.coupling_weight * coupling[c] + o.cocitation_weight * cocitation[c] +
                   o.addressee_weight * addressees[c];
        if (s > 0) {
            scored.push_back({std::llround(s * 1e9), c});
        }
    }
    std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        if (a.key != b.key) {
            return a.key > b.key;
        }
        return g.node(a.v).id < g.node(b.v).id;
    });
    if (scored.size() > o.top) {
        scored.resize(o.top);
    }
    auto by_weight = [&](std::vector<SharedWork>& xs) {
        std::sort(xs.begin(), xs.end(), [](const SharedWork& a, const SharedWork& b) {
            return std::tie(b.weight, a.id) < std::tie(a.weight, b.id);
        });
    };
    std::vector<RelatedResult> out;
    for (const Scored& sc : scored) {
        Vertex c = sc.v;
        RelatedResult r;
        r.id = g.node(c).id;
        r.coupling = coupling[c];
        r.cocitation = cocitation[c];
        r.addressees = addressees[c];
        r.score = o.coupling_weight * r.coupling + o.cocitation_weight * r.cocitation +
                  o.addressee_weight * r.addressees;
        Set cm(n), am(n);
        for (auto [it, end] = boost::out_edges(c, bg); it != end; ++it) {
            (g.props(*it).role == Role::addressee ? am : cm).mark(boost::target(*it, bg));
        }
        for (auto [t, w] : td) {
            if (cm.has(t)) {
                r.shared_cited.push_back({g.node(t).id, w});
            }
        }
        for (auto [b, w] : ad) {
            if (am.has(b)) {
                r.shared_mandated.push_back({g.node(b).id, w});
            }
        }
        for (auto [s, w] : cd) {
            bool cites_c = false;
            for (auto [it, end] = boost::out_edges(s, bg); it != end && !cites_c; ++it) {
                cites_c = boost::target(*it, bg) == c;
            }
            if (cites_c) {
                r.cited_together.push_back({g.node(s).id, w});
            }
        }
        auto ps = para_share.find(c);
        if (ps != para_share.end()) {
            r.cited_together.insert(r.cited_together.end(), ps->second.begin(), ps->second.end());
        }
        by_weight(r.shared_cited);
        by_weight(r.shared_mandated);
        by_weight(r.cited_together);
        out.push_back(std::move(r));
    }
    return out;
}

std::string dump(const std::vector<RelatedResult>& rs) {
    std::ostringstream s;
    s.precision(17);
    for (const auto& r : rs) {
        s << r.id << " score=" << r.score << " c=" << r.coupling << " cc=" << r.cocitation
          << " a=" << r.addressees << "\n";
        for (const auto* list : {&r.shared_cited, &r.cited_together, &r.shared_mandated}) {
            s << "  [";
            for (const auto& w : *list) {
                s << w.id << ":" << w.weight << " ";
            }
            s << "]\n";
        }
    }
    return s.str();
}

// Documents citing earlier documents with preferential attachment (hubs every document
// cites, so pruning has work to skip), works and bodies with Zipf-like popularity, several
// paragraphs, roles and languages per citation, parallel edges and the odd self-loop.
CitationGraph random_graph(std::uint32_t seed, int docs, int works, int bodies) {
    std::mt19937 rng(seed);
    CitationGraph g;
    std::vector<std::string> doc_ids, work_ids, body_ids;
    for (int i = 0; i < docs; ++i) {
        doc_ids.push_back("D/" + std::to_string(1000 + i));
        g.add_node(node(doc_ids.back(), i % 7 == 3 ? NodeKind::Decision : NodeKind::Resolution));
    }
    const NodeKind work_kinds[] = {NodeKind::Treaty, NodeKind::Document, NodeKind::Instrument,
                                   NodeKind::Programme, NodeKind::Actor};
    for (int i = 0; i < works; ++i) {
        work_ids.push_back("work:" + std::to_string(i));
        g.add_node(node(work_ids.back(), work_kinds[i % 5]));
    }
    for (int i = 0; i < bodies; ++i) {
        body_ids.push_back("body:" + std::to_string(i));
        g.add_node(node(body_ids.back(), NodeKind::Body));
    }
    auto zipf = [&](std::size_t n) {
        std::uniform_real_distribution<double> u(0, 1);
        return std::min(n - 1,
                        static_cast<std::size_t>(std::pow(static_cast<double>(n), u(rng))) - 1);
    };
    const char* paras[] = {"pp1", "pp2", "pp3", "op1", "op2", "op10"};
    const Relation rels[] = {Relation::reaffirms, Relation::recalls, Relation::notes,
                             Relation::requests, Relation::urges};
    std::vector<int> pool;
    std::uint32_t span = 0;
    for (int i = 0; i < docs; ++i) {
        const int k = static_cast<int>(rng() % 9);
        for (int j = 0; j < k && i > 0; ++j) {
            int t = (rng() % 10 < 6 && !pool.empty()) ? pool[rng() % pool.size()]
                                                      : static_cast<int>(rng() % i);
            if (rng() % 40 == 0) {
                t = i; // a self-loop
            }
            const int copies = 1 + static_cast<int>(rng() % 3 == 0); // a parallel edge
            for (int c = 0; c < copies; ++c) {
                auto e = edge(doc_ids[i], doc_ids[t], rels[rng() % 3],
                              rng() % 6 == 0 ? Role::mention : Role::object, paras[rng() % 6],
                              rng() % 2 ? "en" : "zh", ++span);
                g.add_edge(e);
            }
            pool.push_back(t);
        }
        for (int j = 0, m = static_cast<int>(rng() % 4); j < m; ++j) {
            g.add_edge(edge(doc_ids[i], work_ids[zipf(work_ids.size())], rels[rng() % 3],
                            rng() % 3 ? Role::object : Role::source, paras[rng() % 6], "en",
                            ++span));
        }
        for (int j = 0, m = static_cast<int>(rng() % 3); j < m; ++j) {
            const bool addressee = rng() % 4 != 0;
            g.add_edge(edge(doc_ids[i], body_ids[zipf(body_ids.size())],
                            addressee ? Relation::requests : Relation::notes,
                            addressee ? Role::addressee : Role::mention, paras[3 + rng() % 3], "en",
                            ++span));
        }
        pool.push_back(i);
    }
    return g;
}

void check_all_queries(const CitationGraph& g, const RelatedOptions& o, std::size_t stride = 1) {
    auto vs = g.sorted_vertices();
    for (std::size_t i = 0; i < vs.size(); i += stride) {
        const std::string& id = g.node(vs[i]).id;
        auto fast = related(g, id, o);
        auto slow = reference_related(g, id, o);
        INFO("query " << id << " top " << o.top << " paragraph '" << o.paragraph << "' weights "
                      << o.coupling_weight << "/" << o.cocitation_weight << "/"
                      << o.addressee_weight);
        REQUIRE(dump(fast) == dump(slow));
        // bit-for-bit, not just to 17 digits
        for (std::size_t r = 0; r < fast.size(); ++r) {
            REQUIRE(fast[r].score == slow[r].score);
            REQUIRE(fast[r].coupling == slow[r].coupling);
            REQUIRE(fast[r].cocitation == slow[r].cocitation);
            REQUIRE(fast[r].addressees == slow[r].addressees);
        }
        // Without explanations: the same results and scores, empty "why" lists.
        RelatedOptions bare_options = o;
        bare_options.explain = false;
        auto bare = related(g, id, bare_options);
        REQUIRE(bare.size() == fast.size());
        for (std::size_t r = 0; r < fast.size(); ++r) {
            REQUIRE(bare[r].id == fast[r].id);
            REQUIRE(bare[r].score == fast[r].score);
            REQUIRE(bare[r].coupling == fast[r].coupling);
            REQUIRE(bare[r].cocitation == fast[r].cocitation);
            REQUIRE(bare[r].addressees == fast[r].addressees);
            REQUIRE(bare[r].shared_cited.empty());
            REQUIRE(bare[r].cited_together.empty());
            REQUIRE(bare[r].shared_mandated.empty());
        }
    }
}

} // namespace

TEST_CASE("related: fast path equals the brute-force reference on random graphs",
          "[queries][related]") {
    for (std::uint32_t seed : {1u, 2u, 3u}) {
        CitationGraph g = random_graph(seed, 300, 40, 12);
        RelatedOptions o;
        check_all_queries(g, o);
        for (std::size_t top : {1u, 3u, 25u}) {
            RelatedOptions t;
            t.top = top;
            check_all_queries(g, t, 3);
        }
        RelatedOptions weights;
        weights.coupling_weight = 0.5;
        weights.cocitation_weight = 2.0;
        weights.addressee_weight = 0.0;
        check_all_queries(g, weights, 2);
        RelatedOptions only_mandates;
        only_mandates.coupling_weight = 0;
        only_mandates.cocitation_weight = 0;
        check_all_queries(g, only_mandates, 2);
        RelatedOptions negative; // no pruning: scores are not monotone
        negative.coupling_weight = -1.0;
        negative.top = 5;
        check_all_queries(g, negative, 2);
        for (const char* para : {"pp1", "op2"}) {
            RelatedOptions p;
            p.paragraph = para;
            check_all_queries(g, p, 2);
        }
    }
}

TEST_CASE("related: a larger graph with hubs, where pruning skips most citer lists",
          "[queries][related]") {
    CitationGraph g = random_graph(42, 3000, 300, 40);
    RelatedOptions o;
    check_all_queries(g, o, 7);
}

TEST_CASE("related: ties at the k-th place go to the smallest ids", "[queries][related]") {
    // 40 documents citing the same two works: all score alike for any one of them.
    CitationGraph g;
    g.add_node(node("work:a", NodeKind::Treaty));
    g.add_node(node("work:b", NodeKind::Treaty));
    for (int i = 39; i >= 0; --i) {
        const std::string id = "D/" + std::to_string(100 + i);
        g.add_node(node(id, NodeKind::Resolution));
        g.add_edge(edge(id, "work:a", Relation::recalls, Role::object, "pp1"));
        g.add_edge(edge(id, "work:b", Relation::recalls, Role::object, "pp2"));
    }
    RelatedOptions o;
    o.top = 5;
    auto r = related(g, "D/120", o);
    REQUIRE(r.size() == 5);
    CHECK(r[0].id == "D/100");
    CHECK(r[4].id == "D/104");
    check_all_queries(g, o);
}

TEST_CASE("related: answers follow changes to the graph (the cached index is dropped)",
          "[queries][related]") {
    CitationGraph g = random_graph(7, 200, 20, 8);
    RelatedOptions o;
    check_all_queries(g, o, 5);
    CitationGraph copy = g; // shares the index until it changes
    g.add_node(node("D/new", NodeKind::Resolution));
    for (const char* t : {"D/1001", "D/1002", "work:0", "work:1"}) {
        g.add_edge(edge("D/new", t, Relation::recalls, Role::object, "pp1"));
    }
    g.add_edge(edge("D/new", "body:0", Relation::requests, Role::addressee, "op1"));
    check_all_queries(g, o, 5);
    check_all_queries(copy, o, 5);
    CHECK(dump(related(g, "D/new", o)) == dump(reference_related(g, "D/new", o)));
}

TEST_CASE("related: threads share the graph's index and keep their own workspace",
          "[queries][related]") {
    CitationGraph g = random_graph(11, 400, 30, 10);
    auto vs = g.sorted_vertices();
    std::vector<std::string> expected;
    for (auto v : vs) {
        expected.push_back(dump(reference_related(g, g.node(v).id, {})));
    }
    CitationGraph fresh = g; // no index yet: the threads race to build it
    fresh.add_node(node("D/1000", NodeKind::Resolution));
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = static_cast<std::size_t>(t); i < vs.size(); i += 2) {
                CitationGraph copy = fresh; // copies read the caches atomically
                wrong[static_cast<std::size_t>(t)] +=
                    dump(related(fresh, g.node(vs[i]).id, {})) != expected[i];
                wrong[static_cast<std::size_t>(t)] += copy.num_edges() != g.num_edges();
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    CHECK(wrong == std::vector<int>(4, 0));
}

namespace {

// filter_graph() as first written: add_node / add_edge(edge_record) over sorted_vertices()
// and sorted_edges().
CitationGraph reference_filter(const CitationGraph& g, const GraphFilter& f) {
    // The kept set is the fast version's (the breadth-first search did not change); the copy
    // is what is checked.
    CitationGraph sub = filter_graph(g, f);
    CitationGraph out;
    for (auto v : g.sorted_vertices()) {
        if (sub.find(g.node(v).id)) {
            out.add_node(g.node(v));
        }
    }
    const auto& bg = g.boost_graph();
    for (auto e : g.sorted_edges()) {
        if (sub.find(g.node(boost::source(e, bg)).id) &&
            sub.find(g.node(boost::target(e, bg)).id) &&
            (f.relations.empty() || f.relations.count(g.props(e).relation))) {
            out.add_edge(g.edge_record(e));
        }
    }
    return out;
}

std::string dump(const CitationGraph& g) {
    std::ostringstream s;
    const auto& bg = g.boost_graph();
    for (auto [it, end] = boost::vertices(bg); it != end; ++it) {
        const NodeRecord& n = g.node(*it);
        s << "v " << n.id << " " << static_cast<int>(n.kind) << " " << n.date << "\n";
    }
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        const EdgeRecord r = g.edge_record(*it);
        s << "e " << r.source << ">" << r.target << " " << static_cast<int>(r.relation) << " "
          << static_cast<int>(r.role) << " " << r.prov.document << " " << r.prov.language << " "
          << r.prov.paragraph << " " << r.prov.span_begin << "-" << r.prov.span_end << " "
          << r.prov.text << "\n";
    }
    return s.str();
}

} // namespace

TEST_CASE("filter_graph: direct copy equals add_node/add_edge over the sorted lists",
          "[graph][filter]") {
    CitationGraph g = random_graph(5, 400, 30, 10);
    auto vs = g.sorted_vertices();
    for (std::size_t i = 0; i < vs.size(); i += 37) {
        for (int depth : {1, 2}) {
            GraphFilter f;
            f.from = g.node(vs[i]).id;
            f.depth = depth;
            CitationGraph fast = filter_graph(g, f);
            INFO("from " << f.from << " depth " << depth);
            REQUIRE(dump(fast) == dump(reference_filter(g, f)));
            // the copy is a graph of its own: finds, sorts and queries work on it
            REQUIRE(fast.find(f.from));
            CHECK(dump(filter_graph(fast, f)) == dump(fast));
        }
    }
    GraphFilter by_rel;
    by_rel.relations = {Relation::recalls};
    CHECK(dump(filter_graph(g, by_rel)) == dump(reference_filter(g, by_rel)));
}
