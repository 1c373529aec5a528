// Point reads of the store (issue #20): load_around(id) and load_ball(id, depth) read only a
// node's neighbourhood, and the queries about that node answer on it exactly as on load().
#include "citegraph/engine/queries.hpp"
#include "citegraph/engine/store.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace citegraph;
using namespace citegraph::testing;

namespace {

// 30 documents in two languages citing each other, older works, a body and an actor; some
// works cited by many documents, some by none, one document cited only in Chinese.
std::vector<ImportBatch> corpus() {
    std::vector<ImportBatch> out;
    for (int d = 1; d <= 30; ++d) {
        for (const char* lang : {"en", "zh"}) {
            if (d % 3 == 0 && std::string(lang) == "zh") {
                continue; // some documents have one language only
            }
            ImportBatch b;
            const std::string id = "A/RES/70/" + std::to_string(d);
            b.document.id = id;
            b.document.language = lang;
            b.document.source = "doc" + std::to_string(d) + "." + lang + ".txt";
            b.document.paragraphs = {{"pp1", 0, 10, "Recalling ..."},
                                     {"op1", 10, 20, "Requests ..."}};
            NodeRecord self = node(id, NodeKind::Resolution, "Title " + std::to_string(d));
            self.date = "2015-12-" + std::string(d < 10 ? "0" : "") + std::to_string(d % 28 + 1);
            b.nodes.push_back(self);
            std::uint32_t span = 0;
            auto cite = [&](const std::string& target, NodeKind kind, Relation rel, Role role,
                            const char* para) {
                b.nodes.push_back(node(target, kind));
                b.edges.push_back(edge(id, target, rel, role, para, lang, span, span + 3));
                span += 5;
            };
            for (int k = 1; k <= 3 && d - k >= 1; ++k) {
                cite("A/RES/70/" + std::to_string(d - k), NodeKind::Resolution,
                     k == 1 ? Relation::recalls : Relation::reaffirms, Role::object, "pp1");
            }
            cite("A/RES/60/" + std::to_string(d % 7), NodeKind::Resolution, Relation::recalls,
                 Role::object, "pp1");
            if (std::string(lang) == "zh" && d % 4 == 0) {
                cite("A/RES/60/1", NodeKind::Resolution, Relation::notes, Role::object, "op1");
            }
            cite("body:sg", NodeKind::Body, Relation::requests, Role::addressee, "op1");
            if (d % 2 == 0) {
                cite("actor:member-states", NodeKind::Actor, Relation::urges, Role::addressee,
                     "op1");
                // The same target twice in one paragraph: parallel edges keep their order.
                cite("A/RES/60/1", NodeKind::Resolution, Relation::recalls, Role::object, "op1");
            }
            out.push_back(std::move(b));
        }
    }
    return out;
}

std::string rows_text(const std::vector<CitationRow>& rows) {
    std::ostringstream s;
    for (const auto& r : rows) {
        s << r.source << ' ' << r.target << ' ' << to_string(r.relation) << ' ' << to_string(r.role)
          << ' ' << r.prov.document << ' ' << r.prov.language << ' ' << r.prov.paragraph << ' '
          << r.prov.span_begin << '-' << r.prov.span_end << ' ' << r.prov.text << ' '
          << r.citing_date << ' ' << r.cited_date << ' ' << r.anachronism << '\n';
    }
    return s.str();
}

// A graph's nodes (with names and dates) and edges in sorted order, as text.
std::string graph_text(const CitationGraph& g) {
    std::ostringstream s;
    for (auto v : g.sorted_vertices()) {
        const NodeRecord& n = g.node(v);
        s << n.id << ' ' << to_string(n.kind) << ' ' << n.date;
        for (const auto& [lang, name] : n.names) {
            s << ' ' << lang << '=' << name;
        }
        s << '\n';
    }
    const auto& bg = g.boost_graph();
    for (auto e : g.sorted_edges()) {
        const auto p = g.provenance(e);
        s << g.node(boost::source(e, bg)).id << " -> " << g.node(boost::target(e, bg)).id << ' '
          << to_string(g.props(e).relation) << ' ' << p.language << ' ' << p.paragraph << ' '
          << p.span_begin << '\n';
    }
    return s.str();
}

} // namespace

TEST_CASE("store point reads: load_around answers cites and cited-by as load() does",
          "[store][point]") {
    TempStore t("point-around");
    Store store(t.str());
    store.import_all(corpus());
    const CitationGraph all = store.load();
    REQUIRE(all.num_edges() > 200);
    std::size_t checked = 0;
    for (auto v : all.sorted_vertices()) {
        const std::string id = all.node(v).id;
        auto part = store.load_around(id);
        REQUIRE(part.has_value());
        INFO(id);
        CHECK(part->num_nodes() < all.num_nodes());
        CHECK(rows_text(cites(*part, id)) == rows_text(cites(all, id)));
        CHECK(rows_text(cited_by(*part, id)) == rows_text(cited_by(all, id)));
        CitationFilter zh;
        zh.language = "zh";
        CHECK(rows_text(cited_by(*part, id, zh)) == rows_text(cited_by(all, id, zh)));
        ++checked;
    }
    CHECK(checked == all.num_nodes());
    // The heaviest node: body:sg is asked by every document version.
    auto sg = store.load_around("body:sg");
    REQUIRE(sg.has_value());
    CHECK(cited_by(*sg, "body:sg").size() == 50);
    CHECK_FALSE(store.load_around("A/RES/99/99").has_value());
    CHECK_FALSE(store.load_ball("A/RES/99/99", 1).has_value());
}

TEST_CASE("store point reads: load_ball gives filter_graph() what load() gives it",
          "[store][point]") {
    TempStore t("point-ball");
    Store store(t.str());
    store.import_all(corpus());
    const CitationGraph all = store.load();
    for (const char* id : {"A/RES/70/1", "A/RES/70/15", "A/RES/70/30", "A/RES/60/1", "body:sg",
                           "actor:member-states", "A/RES/60/3"}) {
        for (int depth : {1, 2}) {
            auto ball = store.load_ball(id, depth);
            REQUIRE(ball.has_value());
            GraphFilter f;
            f.from = id;
            f.depth = depth;
            INFO(id << " depth " << depth);
            CHECK(graph_text(filter_graph(*ball, f)) == graph_text(filter_graph(all, f)));
            f.relations = {Relation::recalls};
            CHECK(graph_text(filter_graph(*ball, f)) == graph_text(filter_graph(all, f)));
            f.relations.clear();
            f.kinds = {NodeKind::Resolution};
            CHECK(graph_text(filter_graph(*ball, f)) == graph_text(filter_graph(all, f)));
        }
    }
    // Depth 1 from the newest document: itself, the three it cites, its older work and the
    // addressee (even numbers: the actor and A/RES/60/1 too), and nothing two hops away.
    auto ball = store.load_ball("A/RES/70/30", 1);
    REQUIRE(ball.has_value());
    CHECK(ball->find("A/RES/70/29").has_value());
    CHECK(ball->find("body:sg").has_value());
    CHECK_FALSE(ball->find("A/RES/70/26").has_value());
}
