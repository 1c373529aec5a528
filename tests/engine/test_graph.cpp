#include "citegraph/engine/graph.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace citegraph;
using namespace citegraph::testing;

namespace {
CitationGraph chain() {
    // A -> B -> C -> D, and A -> body:x (requests)
    CitationGraph g;
    for (auto id : {"A", "B", "C", "D"}) {
        g.add_node(node(id, NodeKind::Resolution));
    }
    g.add_node(node("body:x", NodeKind::Body));
    g.add_edge(edge("A", "B", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("B", "C", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("C", "D", Relation::reaffirms, Role::object, "pp2"));
    g.add_edge(edge("A", "body:x", Relation::requests, Role::addressee, "op1"));
    return g;
}
} // namespace

TEST_CASE("graph keeps one node per id and merges attributes", "[graph]") {
    CitationGraph g;
    NodeRecord zh = node("A/RES/68/193", NodeKind::Resolution);
    zh.names["zh"] = "加强联合国预防犯罪和刑事司法方案";
    NodeRecord en = node("A/RES/68/193", NodeKind::Resolution, "Strengthening the programme");
    en.date = "2013-12-18";
    auto v1 = g.add_node(zh);
    auto v2 = g.add_node(en);
    CHECK(v1 == v2);
    CHECK(g.num_nodes() == 1);
    CHECK(g.node(v1).names.size() == 2);
    CHECK(g.node(v1).date == "2013-12-18");
    CHECK(g.find("A/RES/68/193") == v1);
    CHECK_FALSE(g.find("A/RES/68/194").has_value());
}

TEST_CASE("graph keeps parallel citations with their own provenance", "[graph]") {
    CitationGraph g;
    g.add_node(node("D", NodeKind::Resolution));
    g.add_node(node("T", NodeKind::Treaty));
    g.add_edge(edge("D", "T", Relation::reaffirms, Role::object, "pp2"));
    g.add_edge(edge("D", "T", Relation::reaffirms, Role::source, "op2"));
    REQUIRE(g.num_edges() == 2);
    auto es = g.sorted_edges();
    CHECK(g.provenance(es[0]).paragraph != g.provenance(es[1]).paragraph);
    auto rec = g.edge_record(es[0]);
    CHECK(rec.source == "D");
    CHECK(rec.target == "T");
}

TEST_CASE("graph gives every edge its own source and provenance when fields repeat or change",
          "[graph]") {
    // add_edge() reuses the previous edge's source and interned strings when they are equal:
    // random runs of repeated and changing fields must still give every edge its own values.
    std::mt19937 rng(7);
    const std::vector<std::string> ids = {"A", "B", "C", "body:x", "A/RES/68/193"};
    const std::vector<std::string> langs = {"en", "zh", "fr"};
    const std::vector<std::string> paras = {"pp1", "pp2", "op1", ""};
    const std::vector<std::string> texts = {"", "clause", "clause text", "另一"};
    auto pick = [&](const std::vector<std::string>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    CitationGraph g;
    for (const auto& id : ids) {
        g.add_node(node(id, NodeKind::Resolution));
    }
    std::vector<EdgeRecord> added;
    EdgeRecord e = edge("A", "B", Relation::recalls, Role::object, "pp1");
    for (int i = 0; i < 600; ++i) {
        switch (std::uniform_int_distribution<int>(0, 5)(rng)) { // change one field, or none
        case 0:
            e.source = pick(ids);
            break;
        case 1:
            e.prov.document = pick(ids);
            break;
        case 2:
            e.prov.language = pick(langs);
            break;
        case 3:
            e.prov.paragraph = pick(paras);
            break;
        case 4:
            e.prov.text = pick(texts);
            break;
        default:
            break;
        }
        e.target = pick(ids);
        e.prov.span_begin = static_cast<std::uint32_t>(i);
        g.add_edge(e);
        added.push_back(e);
        if (i == 300) {
            g = CitationGraph(g); // a copy goes on with the same ids
        }
    }
    REQUIRE(g.num_edges() == added.size());
    std::size_t checked = 0;
    for (auto ed : g.sorted_edges()) {
        auto r = g.edge_record(ed);
        const auto& want = added[r.prov.span_begin];
        CHECK(r.source == want.source);
        CHECK(r.target == want.target);
        CHECK(r.prov.document == want.prov.document);
        CHECK(r.prov.language == want.prov.language);
        CHECK(r.prov.paragraph == want.prov.paragraph);
        CHECK(r.prov.text == want.prov.text);
        ++checked;
    }
    CHECK(checked == 600);
}

TEST_CASE("graph refuses an edge to an unknown node", "[graph]") {
    CitationGraph g;
    g.add_node(node("D", NodeKind::Resolution));
    CHECK_THROWS_AS(g.add_edge(edge("D", "missing", Relation::notes, Role::object, "pp1")),
                    std::invalid_argument);
}

TEST_CASE("graph orders vertices by id whatever the insertion order", "[graph]") {
    CitationGraph g;
    for (auto id : {"c", "a", "b"}) {
        g.add_node(node(id, NodeKind::Document));
    }
    auto vs = g.sorted_vertices();
    REQUIRE(vs.size() == 3);
    CHECK(g.node(vs[0]).id == "a");
    CHECK(g.node(vs[2]).id == "c");
}

TEST_CASE("filter keeps the neighbourhood of a node to the given depth", "[graph][filter]") {
    auto g = chain();
    GraphFilter f;
    f.from = "B";
    f.depth = 1; // A and C are one hop from B, either direction
    auto sub = filter_graph(g, f);
    CHECK(sub.num_nodes() == 3);
    CHECK(sub.find("A"));
    CHECK(sub.find("C"));
    CHECK_FALSE(sub.find("D"));
    CHECK(sub.num_edges() == 2);

    f.depth = 2;
    auto wider = filter_graph(g, f);
    CHECK(wider.num_nodes() == 5);
    CHECK(wider.num_edges() == 4);
}

TEST_CASE("filter by relation and by kind", "[graph][filter]") {
    auto g = chain();
    GraphFilter by_rel;
    by_rel.relations = {Relation::recalls};
    auto r = filter_graph(g, by_rel);
    CHECK(r.num_nodes() == 5); // nodes are kept, edges filtered
    CHECK(r.num_edges() == 2);

    GraphFilter by_kind;
    by_kind.kinds = {NodeKind::Resolution};
    auto k = filter_graph(g, by_kind);
    CHECK(k.num_nodes() == 4);
    CHECK(k.num_edges() == 3);

    GraphFilter unknown;
    unknown.from = "nope";
    CHECK_THROWS_AS(filter_graph(g, unknown), std::invalid_argument);
}
