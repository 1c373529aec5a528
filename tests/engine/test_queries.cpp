// The query library on small hand-built graphs whose answers are worked out in the comments.
#include "citegraph/engine/queries.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace citegraph;
using citegraph::testing::edge;
using citegraph::testing::node;

namespace {

NodeRecord dated(NodeRecord n, std::string date, std::string body = "") {
    n.date = std::move(date);
    n.body = std::move(body);
    return n;
}

// Three documents citing a ubiquitous work T, two rarer works X and Y, mandating body B:
//   D/1 (2010-01-01, body:ga): pp1 reaffirms T; pp2 recalls X; op1 requests [addressee] B
//   D/2 (2011-01-01):          pp1 recalls X, Y; pp2 reaffirms T; op1 requests B (en + zh)
//   D/3 (2012-01-01):          pp1 reaffirms T; op2 notes Y; op3 welcomes Z (dated 2015!);
//                              op4 urges [addressee] B2
CitationGraph three_documents() {
    CitationGraph g;
    g.add_node(dated(node("D/1", NodeKind::Resolution), "2010-01-01", "body:ga"));
    g.add_node(dated(node("D/2", NodeKind::Resolution), "2011-01-01"));
    g.add_node(dated(node("D/3", NodeKind::Resolution), "2012-01-01"));
    g.add_node(dated(node("work:t", NodeKind::Treaty, "Charter"), "1945-06-26"));
    g.add_node(node("work:x", NodeKind::Resolution));
    g.add_node(dated(node("work:y", NodeKind::Resolution), "2011"));
    g.add_node(dated(node("work:z", NodeKind::Document), "2015-06-01"));
    g.add_node(node("body:b", NodeKind::Body, "Office B"));
    g.add_node(node("body:b2", NodeKind::Body, "Office Two"));
    g.add_edge(edge("D/1", "work:t", Relation::reaffirms, Role::object, "pp1"));
    g.add_edge(edge("D/1", "work:x", Relation::recalls, Role::object, "pp2"));
    g.add_edge(edge("D/1", "body:b", Relation::requests, Role::addressee, "op1"));
    g.add_edge(edge("D/2", "work:x", Relation::recalls, Role::object, "pp1", "en", 10));
    g.add_edge(edge("D/2", "work:y", Relation::recalls, Role::object, "pp1", "en", 20));
    g.add_edge(edge("D/2", "work:t", Relation::reaffirms, Role::object, "pp2"));
    g.add_edge(edge("D/2", "body:b", Relation::requests, Role::addressee, "op1", "zh"));
    g.add_edge(edge("D/2", "body:b", Relation::requests, Role::addressee, "op1", "en"));
    g.add_edge(edge("D/3", "work:t", Relation::reaffirms, Role::object, "pp1"));
    g.add_edge(edge("D/3", "work:y", Relation::notes, Role::object, "op2"));
    g.add_edge(edge("D/3", "work:z", Relation::welcomes, Role::object, "op3"));
    g.add_edge(edge("D/3", "body:b2", Relation::urges, Role::addressee, "op4"));
    return g;
}

std::vector<std::string> ids_of(const std::vector<CitationRow>& rows, bool source) {
    std::vector<std::string> out;
    for (const auto& r : rows) {
        out.push_back(source ? r.source : r.target);
    }
    return out;
}

using V = std::vector<std::string>;

} // namespace

TEST_CASE("queries: dates compare at their common precision", "[queries]") {
    CHECK(compare_dates("2013-12-18", "2014") == -1);
    CHECK(compare_dates("2013", "2013-12-18") == 0);
    CHECK(compare_dates("2013-12-19", "2013-12-18") == 1);
    CHECK(compare_dates("", "2013") == 0);
}

TEST_CASE("queries: resolve_node accepts ids, numbers, acronyms and names", "[queries]") {
    CitationGraph g;
    g.add_node(node("A/RES/68/193", NodeKind::Resolution));
    NodeRecord unodc =
        node("body:unodc", NodeKind::Body, "United Nations Office on Drugs and Crime");
    unodc.names["zh"] = "联合国毒品和犯罪问题办公室";
    g.add_node(unodc);
    auto id = [&](const char* t) {
        auto v = resolve_node(g, t);
        return v ? g.node(*v).id : std::string("-");
    };
    CHECK(id("A/RES/68/193") == "A/RES/68/193");
    CHECK(id("68/193") == "A/RES/68/193");
    CHECK(id("UNODC") == "body:unodc");
    CHECK(id("united nations office on drugs and crime") == "body:unodc");
    CHECK(id("联合国毒品和犯罪问题办公室") == "body:unodc");
    CHECK(id("body:nothing") == "-");
    CHECK_THROWS_AS(require_node(g, "nothing"), QueryError);
    CHECK_THROWS_AS(cites(g, "nothing"), QueryError);
}

TEST_CASE("queries: cites and cited-by with filters, grouped by relation and document",
          "[queries]") {
    CitationGraph g = three_documents();

    // D/2: recalls X (span 10), Y (span 20) in pp1; reaffirms T; requests B in en and zh.
    auto out = cites(g, "D/2");
    REQUIRE(out.size() == 5);
    CHECK(ids_of(out, false) == V{"work:t", "work:x", "work:y", "body:b", "body:b"});
    CHECK(out[1].prov.paragraph == "pp1");
    CHECK(out[1].prov.text == "clause text of pp1");
    auto groups = group_citations(out);
    REQUIRE(groups.size() == 3); // reaffirms, recalls, requests (all from D/2)
    CHECK(groups[1].relation == Relation::recalls);
    CHECK(groups[1].rows.size() == 2);

    CitationFilter recalls;
    recalls.relations = {Relation::recalls};
    CHECK(ids_of(cites(g, "D/2", recalls), false) == V{"work:x", "work:y"});
    CitationFilter addressee;
    addressee.roles = {Role::addressee};
    addressee.language = "zh";
    CHECK(ids_of(cites(g, "D/2", addressee), false) == V{"body:b"});

    // T is reaffirmed by all three, one group per document.
    auto in = cited_by(g, "work:t");
    CHECK(ids_of(in, true) == V{"D/1", "D/2", "D/3"});
    CHECK(group_citations(in).size() == 3);
    CitationFilter since;
    since.since = "2011";
    CHECK(ids_of(cited_by(g, "work:t", since), true) == V{"D/2", "D/3"});
    CitationFilter until;
    until.until = "2011-06";
    CHECK(ids_of(cited_by(g, "work:t", until), true) == V{"D/1", "D/2"});
    CitationFilter by_ga;
    by_ga.body = "body:ga"; // the citing document was issued by the GA
    CHECK(ids_of(cited_by(g, "work:t", by_ga), true) == V{"D/1"});
    CitationFilter to_b;
    to_b.body = "body:b";
    CHECK(ids_of(cites(g, "D/1", to_b), false) == V{"body:b"});
}

TEST_CASE("queries: a citation of a later document is flagged, not dropped", "[queries]") {
    CitationGraph g = three_documents();
    auto rows = cites(g, "D/3");
    REQUIRE(rows.size() == 4);
    std::map<std::string, bool> flag;
    for (const auto& r : rows) {
        flag[r.target] = r.anachronism;
    }
    CHECK(flag.at("work:z"));  // 2015-06-01 cited in 2012-01-01
    CHECK(!flag.at("work:t")); // 1945
    CHECK(!flag.at("work:y")); // "2011" vs 2012-01-01
    // Same year at common precision: Y ("2011") cited by D/2 (2011-01-01) is not flagged.
    for (const auto& r : cited_by(g, "work:y")) {
        CHECK(!r.anachronism);
    }
    auto all = anachronisms(g);
    REQUIRE(all.size() == 1);
    CHECK(all[0].source == "D/3");
    CHECK(all[0].target == "work:z");
    CHECK(all[0].cited_date == "2015-06-01");
}

TEST_CASE("queries: mandates by addressee, document, verb and date", "[queries]") {
    CitationGraph g = three_documents();
    auto all = mandates(g);
    REQUIRE(all.size() == 3); // D/2's en and zh versions are one mandate
    CHECK(all[0].document == "D/1");
    CHECK(all[1].document == "D/2");
    CHECK(all[1].languages == V{"en", "zh"});
    CHECK(all[1].language == "en");
    CHECK(all[2].addressee == "body:b2");
    CHECK(all[2].verb == Relation::urges);

    MandateFilter to_b;
    to_b.to = "body:b";
    to_b.since = "2011";
    auto b = mandates(g, to_b);
    REQUIRE(b.size() == 1);
    CHECK(b[0].document == "D/2");
    CHECK(b[0].paragraph == "op1");
    CHECK(b[0].text == "clause text of op1");

    MandateFilter by_ga;
    by_ga.by = "body:ga";
    auto ga = mandates(g, by_ga);
    REQUIRE(ga.size() == 1);
    CHECK(ga[0].document == "D/1");

    MandateFilter urges;
    urges.verbs = {Relation::urges};
    CHECK(mandates(g, urges).size() == 1);
    MandateFilter zh;
    zh.language = "zh";
    auto z = mandates(g, zh);
    REQUIRE(z.size() == 1);
    CHECK(z[0].language == "zh");
}

TEST_CASE("queries: names and mandate texts follow the caller's language preference",
          "[queries][languages]") {
    // The engine has no preference of its own: none given is code order.
    NodeRecord n = node("body:x", NodeKind::Body);
    CHECK(display_name(n, {"en", "zh"}).empty());
    n.names["zh"] = "乙";
    n.names["ar"] = "أ";
    n.names["en"] = "B";
    CHECK(display_name(n, {}) == "أ");
    CHECK(display_name(n, {"en", "zh"}) == "B");
    CHECK(display_name(n, {"zh", "en"}) == "乙");
    CHECK(display_name(n, {"fr", "zh"}) == "乙"); // a language without a name is passed over
    CHECK(display_name(n, {"fr"}) == "أ");
    CHECK(preference_rank({"en", "zh"}, "zh") == 1);
    CHECK(preference_rank({"en", "zh"}, "fr") == 2);

    // D/2's mandate is read in en and zh: the row's text is from the preferred version.
    CitationGraph g = three_documents();
    MandateFilter f;
    f.to = "body:b";
    f.since = "2011";
    f.prefer = {"zh", "en"};
    auto rows = mandates(g, f);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].language == "zh");
    CHECK(rows[0].languages == V{"en", "zh"});
    f.prefer = {};
    rows = mandates(g, f);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].language == "en"); // code order: en before zh
}

TEST_CASE("queries: related scores coupling and shared addressees and says why", "[queries]") {
    CitationGraph g = three_documents();
    // T(D/1) = {T, X}. T is cited by 3 documents (1/3), X by D/1 and D/2 (1/2).
    // B is addressed by D/1 and D/2 (1/2). Nobody cites D/1: no co-citation.
    //   D/2: coupling 1/3 + 1/2 = 5/6, addressees 1/2, score 4/3
    //   D/3: coupling 1/3
    auto r = related(g, "D/1");
    REQUIRE(r.size() == 2);
    CHECK(r[0].id == "D/2");
    CHECK(r[0].coupling == Approx(5.0 / 6));
    CHECK(r[0].addressees == Approx(0.5));
    CHECK(r[0].score == Approx(4.0 / 3));
    REQUIRE(r[0].shared_cited.size() == 2);
    CHECK(r[0].shared_cited[0].id == "work:x"); // the rare shared work explains most
    CHECK(r[0].shared_cited[0].weight == Approx(0.5));
    CHECK(r[0].shared_cited[1].id == "work:t");
    CHECK(r[0].shared_cited[1].weight == Approx(1.0 / 3));
    REQUIRE(r[0].shared_mandated.size() == 1);
    CHECK(r[0].shared_mandated[0].id == "body:b");
    CHECK(r[1].id == "D/3");
    CHECK(r[1].score == Approx(1.0 / 3));
    REQUIRE(r[1].shared_cited.size() == 1);
    CHECK(r[1].shared_cited[0].id == "work:t");

    // One paragraph: D/1 pp2 cites only X -> D/2 with 1/2.
    RelatedOptions pp2;
    pp2.paragraph = "pp2";
    auto rp = related(g, "D/1", pp2);
    REQUIRE(rp.size() == 1);
    CHECK(rp[0].id == "D/2");
    CHECK(rp[0].score == Approx(0.5));

    RelatedOptions top1;
    top1.top = 1;
    CHECK(related(g, "D/1", top1).size() == 1);
}

TEST_CASE("queries: related scores co-citation, paragraph-level co-citation counts more",
          "[queries]") {
    CitationGraph g = three_documents();
    // X is cited by D/1 (distinct targets T, X, B: 1/3 each) and D/2 (X, Y, T, B: 1/4 each);
    // D/2 cites X and Y in the same pp1 (2 targets: +1/2 for Y).
    //   Y: 1/4 + 1/2 = 3/4; T: 1/3 + 1/4 = 7/12; B is a body: not a candidate.
    auto r = related(g, "work:x");
    REQUIRE(r.size() == 2);
    CHECK(r[0].id == "work:y");
    CHECK(r[0].cocitation == Approx(0.75));
    REQUIRE(r[0].cited_together.size() == 2);
    CHECK(r[0].cited_together[0].id == "D/2 pp1");
    CHECK(r[0].cited_together[0].weight == Approx(0.5));
    CHECK(r[0].cited_together[1].id == "D/2");
    CHECK(r[1].id == "work:t");
    CHECK(r[1].score == Approx(7.0 / 12));
}

namespace {

// A recurring resolution and its neighbours:
//   45/10 "Crime programme"  pp1 reaffirms 44/10 (cited only)
//   46/10 "Crime programme"  pp1 reaffirms 45/10 and 45/9; pp5 reaffirms 40/1 (too late in
//                            the preamble); pp2 recalls body:x (not a resolution)
//   46/11 "Crime programme"  same session as 46/10: not the same series by title
//   47/10 "crime programme." pp1 recalls 46/10 (title matches after normalisation)
//   48/10 (no title)         pp2 recalls 47/10 -> later, by the citation chain only
//   47/99 "Other"            op3 recalls 46/10 (operative: not a chain edge)
CitationGraph series_graph() {
    CitationGraph g;
    auto res = [&](const char* id, const char* title, const char* date) {
        g.add_node(dated(node(id, NodeKind::Resolution, title), date));
    };
    res("A/RES/44/10", "", "");
    res("A/RES/45/9", "", "1990-12-01");
    res("A/RES/45/10", "Crime programme", "1990-12-14");
    res("A/RES/46/10", "Crime programme", "1991-12-18");
    res("A/RES/46/11", "Crime programme", "1991-12-18");
    res("A/RES/47/10", "crime programme.", "1992-12-16");
    res("A/RES/48/10", "", "1993-12-20");
    res("A/RES/47/99", "Other", "1992-12-16");
    res("A/RES/40/1", "", "");
    g.add_node(node("body:x", NodeKind::Body));
    g.add_edge(edge("A/RES/45/10", "A/RES/44/10", Relation::reaffirms, Role::object, "pp1"));
    g.add_edge(edge("A/RES/46/10", "A/RES/45/10", Relation::reaffirms, Role::object, "pp1"));
    g.add_edge(edge("A/RES/46/10", "A/RES/45/9", Relation::reaffirms, Role::object, "pp1"));
    g.add_edge(edge("A/RES/46/10", "A/RES/40/1", Relation::reaffirms, Role::object, "pp5"));
    g.add_edge(edge("A/RES/46/10", "body:x", Relation::recalls, Role::object, "pp2"));
    g.add_edge(edge("A/RES/46/11", "body:x", Relation::recalls, Role::object, "pp2"));
    g.add_edge(edge("A/RES/47/10", "A/RES/46/10", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("A/RES/48/10", "A/RES/47/10", Relation::recalls, Role::object, "pp2"));
    g.add_edge(edge("A/RES/47/99", "A/RES/46/10", Relation::recalls, Role::object, "op3"));
    return g;
}

} // namespace

TEST_CASE("queries: series orders titles and citation chains by session", "[queries]") {
    CitationGraph g = series_graph();
    auto s = series(g, "A/RES/46/10");
    V ids;
    for (const auto& m : s) {
        ids.push_back(m.id);
    }
    // 45/9 before 45/10: numbers compare as numbers.
    CHECK(ids == V{"A/RES/44/10", "A/RES/45/9", "A/RES/45/10", "A/RES/46/10", "A/RES/47/10",
                   "A/RES/48/10"});
    CHECK(!s[0].in_store);
    CHECK(s[0].evidence == V{"cited by A/RES/45/10 pp1"});
    CHECK(s[2].in_store);
    CHECK(s[2].evidence == V{"cited by A/RES/46/10 pp1", "title"});
    CHECK(s[3].self);
    CHECK(s[3].evidence == V{"self"});
    CHECK(s[4].evidence == V{"cites A/RES/46/10 pp1", "title"});
    CHECK(s[5].evidence == V{"cites A/RES/47/10 pp2"});

    // From a document whose predecessors are only cited, the chain alone gives the lineage.
    auto c = series(g, "A/RES/48/10");
    V cids;
    for (const auto& m : c) {
        cids.push_back(m.id);
    }
    CHECK(cids == V{"A/RES/44/10", "A/RES/45/9", "A/RES/45/10", "A/RES/46/10", "A/RES/47/10",
                    "A/RES/48/10"});
}

TEST_CASE("queries: series leaves out the works every member cites (issue #17)", "[queries]") {
    // A/RES/78/229's first preambular paragraph, as written: "Reaffirming its resolutions
    // 46/152 of 18 December 1991, 60/1 of 16 September 2005, 67/1 of 19 September 2012, ...,
    // 73/186 of 17 December 2018, 74/177 of 18 December 2019, 75/196 of 16 December 2020,
    // 76/187 of 16 December 2021 and 77/237 of 15 December 2022".
    CitationGraph g;
    const char* cited[][2] = {{"A/RES/46/152", "1991-12-18"}, {"A/RES/60/1", "2005-09-16"},
                              {"A/RES/67/1", "2012-09-19"},   {"A/RES/73/186", "2018-12-17"},
                              {"A/RES/74/177", "2019-12-18"}, {"A/RES/75/196", "2020-12-16"},
                              {"A/RES/76/187", "2021-12-16"}, {"A/RES/77/237", "2022-12-15"}};
    g.add_node(dated(node("A/RES/78/229", NodeKind::Resolution, "Crime programme"), "2023-12-19"));
    for (const auto& c : cited) {
        g.add_node(dated(node(c[0], NodeKind::Resolution, ""), c[1]));
        g.add_edge(edge("A/RES/78/229", c[0], Relation::reaffirms, Role::object, "pp1"));
    }
    V ids;
    for (const auto& m : series(g, "A/RES/78/229")) {
        ids.push_back(m.id);
    }
    CHECK(ids == V{"A/RES/73/186", "A/RES/74/177", "A/RES/75/196", "A/RES/76/187", "A/RES/77/237",
                   "A/RES/78/229"});
}

namespace {

// 7 vertices, with a dangling node (h), an isolated node (f), a self-loop (g) and a
// parallel edge (d -> c twice).
CitationGraph pagerank_graph() {
    CitationGraph g;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h"}) {
        g.add_node(node(id, NodeKind::Document));
    }
    const char* edges[][2] = {{"a", "b"}, {"a", "c"}, {"a", "h"}, {"b", "c"},
                              {"c", "a"}, {"d", "c"}, {"d", "c"}, {"e", "d"},
                              {"e", "a"}, {"g", "g"}, {"g", "a"}};
    int k = 0;
    for (auto& e : edges) {
        g.add_edge(edge(e[0], e[1], Relation::recalls, Role::object, "pp" + std::to_string(++k)));
    }
    return g;
}

bool have_networkx() {
    return access("/usr/bin/python3", X_OK) == 0 &&
           std::system("/usr/bin/python3 -c 'import networkx, scipy' >/dev/null 2>&1") == 0;
}

std::map<std::string, double> networkx_pagerank(const CitationGraph& g, bool weighted) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(CITEGRAPH_BINARY_DIR) / "test-stores";
    fs::create_directories(dir);
    fs::path edges = dir / "pagerank_edges.txt";
    {
        std::ofstream f(edges);
        for (auto v : g.sorted_vertices()) {
            f << "node " << g.node(v).id << "\n";
        }
        for (auto e : g.sorted_edges()) {
            auto r = g.edge_record(e);
            f << "edge " << r.source << " " << r.target << "\n";
        }
    }
    std::string script = "import networkx as nx, sys\n"
                         "G = nx.DiGraph()\n"
                         "for line in open(sys.argv[1]):\n"
                         "    p = line.split()\n"
                         "    if p[0] == 'node': G.add_node(p[1])\n"
                         "    elif G.has_edge(p[1], p[2]): G[p[1]][p[2]]['weight'] += 1\n"
                         "    else: G.add_edge(p[1], p[2], weight=1)\n"
                         "pr = nx.pagerank(G, weight=" +
                         std::string(weighted ? "'weight'" : "None") +
                         ")\n"
                         "for k in sorted(pr): print(k, repr(pr[k]))\n";
    fs::path py = dir / "pagerank.py";
    std::ofstream(py) << script;
    std::string cmd = "/usr/bin/python3 " + py.string() + " " + edges.string();
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
        out.append(buf, n);
    }
    REQUIRE(pclose(p) == 0);
    std::map<std::string, double> ranks;
    std::istringstream in(out);
    std::string id;
    double r = 0;
    while (in >> id >> r) {
        ranks[id] = r;
    }
    return ranks;
}

} // namespace

TEST_CASE("queries: pagerank on two nodes matches the hand-solved fixed point", "[queries]") {
    // a -> b, b dangling. x_a = 0.85 * x_b / 2 + 0.075, x_a + x_b = 1
    //   => x_b = 0.925 / 1.425, x_a = 1 - x_b.
    CitationGraph g;
    g.add_node(node("a", NodeKind::Document));
    g.add_node(node("b", NodeKind::Document));
    g.add_edge(edge("a", "b", Relation::recalls, Role::object, "pp1"));
    auto pr = pagerank(g);
    CHECK(pr.converged);
    CHECK(pr.rank[*g.find("b")] == Approx(0.925 / 1.425).epsilon(1e-5));
    CHECK(pr.rank[*g.find("a")] == Approx(1 - 0.925 / 1.425).epsilon(1e-5));
    CHECK(pagerank(CitationGraph{}).rank.empty());
}

TEST_CASE("queries: pagerank agrees with networkx to 1e-6", "[queries][consumers]") {
    CitationGraph g = pagerank_graph();
    for (bool weighted : {false, true}) {
        PageRankOptions o;
        o.multiplicity = weighted;
        auto pr = pagerank(g, o);
        CHECK(pr.converged);
        CHECK(std::accumulate(pr.rank.begin(), pr.rank.end(), 0.0) == Approx(1.0).margin(1e-12));
        if (!have_networkx()) {
            const char* req = std::getenv("CITEGRAPH_REQUIRE_CONSUMERS");
            if (req && std::string(req) == "1") {
                FAIL("/usr/bin/python3 with networkx is required (CITEGRAPH_REQUIRE_CONSUMERS=1)");
            }
            WARN("skipping the networkx comparison: /usr/bin/python3 or networkx is missing");
            return;
        }
        auto nx = networkx_pagerank(g, weighted);
        REQUIRE(nx.size() == g.num_nodes());
        for (const auto& [id, r] : nx) {
            INFO(id << (weighted ? " weighted" : " unweighted"));
            CHECK(std::fabs(pr.rank[*g.find(id)] - r) < 1e-6);
        }
    }
}

TEST_CASE("queries: rank by citing documents, then citations, PageRank and id", "[queries]") {
    CitationGraph g = three_documents();
    // T: 3 documents; B: 2 documents, 3 edges; X and Y: 2 documents, 2 edges each, and X has
    // the higher PageRank (D/1 splits over 3 targets, D/3 over 4); Z and B2: 1 each, tie -> id.
    RankOptions o;
    auto rows = rank(g, o);
    V ids;
    for (const auto& r : rows) {
        ids.push_back(r.id);
    }
    CHECK(ids == V{"work:t", "body:b", "work:x", "work:y", "body:b2", "work:z"});
    CHECK(rows[1].citing_documents == 2);
    CHECK(rows[1].citations == 3);
    o.kinds = {NodeKind::Body};
    o.top = 1;
    auto bodies = rank(g, o);
    REQUIRE(bodies.size() == 1);
    CHECK(bodies[0].id == "body:b");
    RankOptions by_pr;
    by_pr.by_pagerank = true;
    by_pr.top = 1;
    CHECK(rank(g, by_pr)[0].id == "work:t");
}

TEST_CASE("queries: shortest paths list every tie in id order", "[queries]") {
    CitationGraph g;
    for (const char* id : {"a", "b", "c", "d", "e", "x", "y", "z"}) {
        g.add_node(node(id, NodeKind::Document));
    }
    g.add_edge(edge("a", "b", Relation::recalls, Role::object, "op1"));
    g.add_edge(edge("a", "b", Relation::reaffirms, Role::object, "pp1"));
    g.add_edge(edge("a", "c", Relation::recalls, Role::object, "pp2"));
    g.add_edge(edge("b", "d", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("c", "d", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("d", "e", Relation::notes, Role::object, "op2"));
    g.add_edge(edge("a", "x", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("x", "y", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("y", "z", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("z", "e", Relation::recalls, Role::object, "pp1")); // a longer chain
    auto paths = shortest_paths(g, "a", "e");
    REQUIRE(paths.size() == 2);
    auto seq = [](const CitationPath& p) {
        std::string s = p.front().from;
        for (const auto& h : p) {
            s += ">" + h.to;
        }
        return s;
    };
    CHECK(seq(paths[0]) == "a>b>d>e");
    CHECK(seq(paths[1]) == "a>c>d>e");
    // a -> b twice: the hop shows the first by paragraph (pp1 reaffirms) and the count.
    CHECK(paths[0][0].relation == Relation::reaffirms);
    CHECK(paths[0][0].paragraph == "pp1");
    CHECK(paths[0][0].parallel == 2);
    PathOptions one;
    one.limit = 1;
    CHECK(shortest_paths(g, "a", "e", one).size() == 1);

    // Against the direction of citation: nothing, unless undirected.
    CHECK(shortest_paths(g, "e", "a").empty());
    PathOptions und;
    und.undirected = true;
    auto back = shortest_paths(g, "e", "a", und);
    REQUIRE(back.size() == 2);
    CHECK(seq(back[0]) == "e>d>b>a");
    CHECK(!back[0][0].forward);
    CHECK(shortest_paths(g, "a", "a").size() == 1);
    CHECK(shortest_paths(g, "a", "a")[0].empty());
}

TEST_CASE("queries: timeline counts citing documents per year and session", "[queries]") {
    CitationGraph g;
    auto doc = [&](const char* id, const char* date, const char* session) {
        NodeRecord n = dated(node(id, NodeKind::Resolution), date);
        n.session = session;
        g.add_node(n);
    };
    doc("A/RES/65/1", "2010-10-01", "65");
    doc("A/RES/67/1", "2012-09-24", "67");
    doc("A/RES/67/2", "2012-10-01", "");
    doc("X/undated", "", "");
    g.add_node(node("work:w", NodeKind::Treaty));
    g.add_edge(edge("A/RES/65/1", "work:w", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("A/RES/65/1", "work:w", Relation::recalls, Role::object, "op3"));
    g.add_edge(edge("A/RES/67/1", "work:w", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("A/RES/67/2", "work:w", Relation::recalls, Role::object, "pp1"));
    g.add_edge(edge("X/undated", "work:w", Relation::recalls, Role::object, "pp1"));

    auto years = timeline(g, "work:w");
    REQUIRE(years.size() == 4);
    CHECK(years[0].bucket == "2010");
    CHECK(years[0].documents == 1);
    CHECK(years[0].citations == 2);
    CHECK(years[1].bucket == "2011");
    CHECK(years[1].documents == 0);
    CHECK(years[2].bucket == "2012");
    CHECK(years[2].documents == 2);
    CHECK(years[3].bucket == "unknown");

    auto sessions = timeline(g, "work:w", TimelineBucket::session);
    REQUIRE(sessions.size() == 4); // 65, 66, 67 (67/2 from its id), unknown
    CHECK(sessions[0].bucket == "65");
    CHECK(sessions[2].bucket == "67");
    CHECK(sessions[2].documents == 2);
    CHECK(sessions[3].documents == 1);
    // The picture of these rows: tests/exporters/test_timeline_svg.cpp.
}

namespace {

// Every shortest a->b path by brute force: paths of growing length, enumerated in id order
// (the order shortest_paths promises), the first length that has any.
std::vector<std::string> brute_shortest(const std::map<std::string, std::set<std::string>>& adj,
                                        const std::string& a, const std::string& b,
                                        std::size_t max_len) {
    for (std::size_t len = 1; len <= max_len; ++len) {
        std::vector<std::string> found;
        std::vector<std::string> path{a};
        std::function<void()> walk = [&]() {
            if (path.size() == len + 1) {
                if (path.back() == b) {
                    std::string s = path.front();
                    for (std::size_t i = 1; i < path.size(); ++i) {
                        s += ">" + path[i];
                    }
                    found.push_back(s);
                }
                return;
            }
            auto it = adj.find(path.back());
            if (it == adj.end()) {
                return;
            }
            for (const auto& v : it->second) { // std::set: id order
                path.push_back(v);
                walk();
                path.pop_back();
            }
        };
        walk();
        if (!found.empty()) {
            return found;
        }
    }
    return {};
}

} // namespace

TEST_CASE("queries: shortest paths equal a brute-force enumeration on random graphs", "[queries]") {
    std::srand(7);
    for (int round = 0; round < 60; ++round) {
        const bool undirected = round % 2 == 1;
        CitationGraph g;
        const int n = 9;
        std::vector<std::string> ids;
        for (int i = 0; i < n; ++i) {
            ids.push_back("n" + std::to_string(i));
            g.add_node(node(ids.back(), NodeKind::Document));
        }
        std::map<std::string, std::set<std::string>> adj;
        for (int k = 0; k < 16; ++k) {
            int s = std::rand() % n, t = std::rand() % n;
            if (s == t) {
                continue;
            }
            // Addressee edges and parallel edges are stored apart in the neighbour index.
            g.add_edge(edge(ids[s], ids[t], Relation::recalls,
                            k % 3 == 0 ? Role::addressee : Role::object, "pp1"));
            adj[ids[s]].insert(ids[t]);
            if (undirected) {
                adj[ids[t]].insert(ids[s]);
            }
        }
        PathOptions o;
        o.undirected = undirected;
        o.limit = 1000;
        // From the adjacency lists, then from the neighbour index once a query has built it.
        for (const bool indexed : {false, true}) {
            if (indexed) {
                g.neighbour_index();
            }
            REQUIRE((g.neighbour_index_if_built() != nullptr) == indexed);
            for (int a = 0; a < n; ++a) {
                for (int b = 0; b < n; ++b) {
                    if (a == b) {
                        continue;
                    }
                    std::vector<std::string> got;
                    for (const auto& p : shortest_paths(g, ids[a], ids[b], o)) {
                        std::string s = p.front().from;
                        for (const auto& h : p) {
                            s += ">" + h.to;
                        }
                        got.push_back(s);
                    }
                    INFO("round " << round << " " << ids[a] << " -> " << ids[b] << " indexed "
                                  << indexed);
                    CHECK(got == brute_shortest(adj, ids[a], ids[b], n));
                }
            }
        }
    }
}
