// The HTML explorer's data and assets, Louvain communities and the clustered layout, and the
// static SVG pictures (issue #18). The page itself is tested in chromium (tests/browser).
#include "citegraph/engine/error.hpp"
#include "citegraph/exporters/html_exporter.hpp"
#include "citegraph/exporters/svg_pictures.hpp"
#include "communities.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <set>

using namespace citegraph;

namespace {

std::string web_dir() {
    return std::string(CITEGRAPH_DATA_DIR) + "/web";
}

bool have_web_assets() {
    return test::fs::exists(web_dir() + "/node_modules/sigma/dist/sigma.min.js") &&
           test::fs::exists(web_dir() + "/node_modules/graphology/dist/graphology.umd.min.js");
}

// The JSON between <script type="application/json" id="citegraph-data"> and </script>.
std::string data_of(const std::string& html) {
    const std::string open = "<script type=\"application/json\" id=\"citegraph-data\">";
    const auto a = html.find(open);
    REQUIRE(a != std::string::npos);
    const auto b = html.find("</script>", a);
    REQUIRE(b != std::string::npos);
    return html.substr(a + open.size(), b - a - open.size());
}

NodeRecord plain(const std::string& id) {
    NodeRecord n;
    n.id = id;
    n.kind = NodeKind::Resolution;
    n.symbol = id;
    return n;
}

EdgeRecord cite(const std::string& s, const std::string& t, Relation r = Relation::recalls) {
    EdgeRecord e;
    e.source = s;
    e.target = t;
    e.relation = r;
    e.prov.document = s;
    e.prov.language = "en";
    e.prov.paragraph = "pp1";
    e.prov.text = "Recalling " + t;
    return e;
}

// Two groups of five that cite each other, joined by one citation, and one lone node.
CitationGraph two_cliques() {
    CitationGraph g;
    for (const char* group : {"A", "B"}) {
        for (int i = 0; i < 5; ++i) {
            g.add_node(plain(std::string(group) + std::to_string(i)));
        }
    }
    g.add_node(plain("Z"));
    for (const char* group : {"A", "B"}) {
        for (int i = 0; i < 5; ++i) {
            for (int j = 0; j < 5; ++j) {
                if (i != j) {
                    g.add_edge(cite(std::string(group) + std::to_string(i),
                                    std::string(group) + std::to_string(j)));
                }
            }
        }
    }
    g.add_edge(cite("A0", "B0"));
    return g;
}

} // namespace

TEST_CASE("exporters::louvain finds two groups joined by one citation", "[exporters][html]") {
    const auto g = two_cliques();
    const auto c = detail::louvain(detail::undirected_weights(g));
    // id order: A0..A4, B0..B4, Z
    REQUIRE(c.size() == 11);
    for (int i = 1; i < 5; ++i) {
        CHECK(c[static_cast<std::size_t>(i)] == c[0]);
        CHECK(c[static_cast<std::size_t>(5 + i)] == c[5]);
    }
    CHECK(c[0] != c[5]);
    CHECK(std::set<int>{c[0], c[5]} == std::set<int>{0, 1});
    CHECK(c[10] == -1); // no citation: no community
}

TEST_CASE("exporters::cluster_layout keeps nodes apart and communities separate",
          "[exporters][html]") {
    const std::vector<int> community = {0, 0, 0, 1, 1, -1};
    const std::vector<double> weight = {5, 1, 3, 2, 2, 0};
    const auto pos = detail::cluster_layout(community, weight);
    REQUIRE(pos.size() == 6);
    auto dist = [&](std::size_t a, std::size_t b) {
        return std::hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y);
    };
    for (std::size_t a = 0; a < pos.size(); ++a) {
        for (std::size_t b = a + 1; b < pos.size(); ++b) {
            CHECK(dist(a, b) > 0.5);
        }
    }
    // the most cited node of a community is in its middle: nearer its fellows than they are
    CHECK(dist(0, 1) < dist(1, 2) + 1e-9);
    // a node is nearer the nodes of its own community than those of another
    CHECK(dist(0, 2) < dist(0, 3));
}

TEST_CASE("exporters::html refuses with a clear message when its libraries are missing",
          "[exporters][html][errors]") {
    const auto g = test::sample_graph();
    ExportOptions opt;
    opt.web_dir = "/nonexistent/web";
    CHECK_THROWS_WITH(export_to_string(g, "html", opt),
                      Catch::Contains("/nonexistent/web/explorer.html") &&
                          Catch::Contains("scripts/install-web.sh"));
    // Nothing is written.
    const auto dir = test::scratch_dir("html_missing");
    const auto path = dir / "out.html";
    CHECK_THROWS_AS(make_exporter("html")->write(g, opt, path.string()), Error);
    CHECK_FALSE(test::fs::exists(path));
}

TEST_CASE("exporters::html inlines the libraries and the data", "[exporters][html]") {
    if (!test::consumer_available(have_web_assets(),
                                  "sigma + graphology (scripts/install-web.sh)")) {
        return;
    }
    const auto g = test::sample_graph();
    ExportOptions opt;
    opt.web_dir = web_dir();
    const std::string html = export_to_string(g, "html", opt);
    // no request to any network: no src= or href= to http(s), the libraries inline
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find("<script src") == std::string::npos);
    CHECK(html.find("sigma/dist/sigma.min.js") != std::string::npos);
    CHECK(html.find("graphology/dist/graphology.umd.min.js") != std::string::npos);
    CHECK(html.find("<!-- citegraph:data -->") == std::string::npos);

    const std::string json = data_of(html);
    CHECK(json.find('<') == std::string::npos); // written as \u003c
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["meta"]["nodes"].GetUint() == g.num_nodes());
    CHECK(d["meta"]["citations"].GetUint() == g.num_edges());
    CHECK(d["nodes"].Size() == g.num_nodes());
    CHECK(d["cites"].Size() == g.num_edges());
    // merged edges: one per (source, target); their weights add up to the citations
    std::set<std::pair<std::string, std::string>> pairs;
    const auto& bg = g.boost_graph();
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        pairs.insert({g.node(boost::source(*it, bg)).id, g.node(boost::target(*it, bg)).id});
    }
    REQUIRE(d["edges"].Size() == pairs.size());
    std::size_t total = 0;
    for (const auto& e : d["edges"].GetArray()) {
        total += e[2].GetUint();
        const std::string s = d["nodes"][e[0].GetUint()][0].GetString();
        const std::string t = d["nodes"][e[1].GetUint()][0].GetString();
        CHECK(pairs.count({s, t}) == 1);
    }
    CHECK(total == g.num_edges());
    // names in Chinese as written (UTF-8, not escaped)
    CHECK(json.find("联合国毒品和犯罪问题办公室") != std::string::npos);
    // the same graph in another order gives the same page
    CHECK(export_to_string(test::sample_graph_reversed(), "html", opt) == html);
}

TEST_CASE("exporters::html escapes markup in names and clauses", "[exporters][html]") {
    if (!test::consumer_available(have_web_assets(),
                                  "sigma + graphology (scripts/install-web.sh)")) {
        return;
    }
    CitationGraph g;
    NodeRecord a = plain("A/RES/1/1");
    a.names["en"] = "</script><script>alert(1)</script> & <!--";
    g.add_node(a);
    g.add_node(plain("A/RES/1/2"));
    EdgeRecord e = cite("A/RES/1/1", "A/RES/1/2");
    e.prov.text = "Recalling </SCRIPT> \"quoted\" \\ back";
    g.add_edge(e);
    ExportOptions opt;
    opt.web_dir = web_dir();
    const std::string json = data_of(export_to_string(g, "html", opt));
    CHECK(json.find("alert(1)") != std::string::npos);
    CHECK(json.find('<') == std::string::npos);
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(std::string(d["nodes"][0][3]["en"].GetString()) == a.names["en"]);
    CHECK(std::string(d["texts"][0].GetString()) == e.prov.text);
}

TEST_CASE("exporters::the neighbourhood picture is two-sided, capped and legible",
          "[exporters][svg][pictures]") {
    // A focus cited by 3 and citing 100 works in two families.
    CitationGraph g;
    g.add_node(plain("F"));
    for (int i = 0; i < 100; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "T%03d", i);
        g.add_node(plain(id));
        g.add_edge(cite("F", id, i % 2 ? Relation::requests : Relation::recalls));
        if (i < 10) { // the first ten cited twice
            g.add_edge(cite("F", id, Relation::recalls));
        }
    }
    for (const char* s : {"S1", "S2", "S3"}) {
        g.add_node(plain(s));
        g.add_edge(cite(s, "F", Relation::welcomes));
    }
    const std::string svg = neighbourhood_svg(g, "F", {});
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("width=\"595pt\"") != std::string::npos); // A4 width
    CHECK(svg.find("Cites 100 (110 citations)") != std::string::npos);
    CHECK(svg.find("Cited by 3 (3 citations)") != std::string::npos);
    // at most 56 rows a column: the rest merged per family
    CHECK(svg.find("more (reaffirms / recalls)") != std::string::npos);
    CHECK(svg.find("more (requests / invites)") != std::string::npos);
    CHECK(svg.find(">T000 ×2<") != std::string::npos); // the most cited are kept
    // colours: only family colours on the curves
    std::set<std::string> colours;
    for (std::size_t p = svg.find("stroke=\"#"); p != std::string::npos;
         p = svg.find("stroke=\"#", p + 1)) {
        colours.insert(svg.substr(p + 8, 7));
    }
    CHECK(colours.size() <= 9); // 8 families + the focus' black border
    // rows never share a baseline on one side (no overlapping labels)
    std::set<std::pair<std::string, std::string>> baselines;
    std::size_t texts = 0;
    for (std::size_t p = svg.find("<text x=\""); p != std::string::npos;
         p = svg.find("<text x=\"", p + 1)) {
        const auto xe = svg.find('"', p + 9);
        const auto ys = svg.find("y=\"", xe) + 3;
        const auto ye = svg.find('"', ys);
        baselines.insert({svg.substr(p + 9, xe - p - 9), svg.substr(ys, ye - ys)});
        ++texts;
    }
    CHECK(baselines.size() == texts);
    CHECK_THROWS_WITH(neighbourhood_svg(g, "nope", {}), Catch::Contains("'nope'"));
    if (test::consumer_available(test::have_program("xmllint"), "xmllint")) {
        const auto dir = test::scratch_dir("svg_pictures");
        test::write_file(dir / "n.svg", svg);
        CHECK(test::run("xmllint --noout " + test::shell_quote((dir / "n.svg").string())).status ==
              0);
        test::write_file(dir / "o.svg", overview_svg(two_cliques(), {}));
        CHECK(test::run("xmllint --noout " + test::shell_quote((dir / "o.svg").string())).status ==
              0);
    }
}

TEST_CASE("exporters::the overview draws communities, not every node",
          "[exporters][svg][pictures]") {
    const auto g = two_cliques();
    const std::string svg = overview_svg(g, {});
    CHECK(svg.find("11 nodes · 41 citations · 2 communities (Louvain)") != std::string::npos);
    CHECK(svg.find("Community 1: 5 nodes, 20 citations inside") != std::string::npos);
    CHECK(svg.find("Community 2: 5 nodes, 20 citations inside") != std::string::npos);
    CHECK(svg.find("Not drawn: 1 nodes") != std::string::npos);
    CHECK(svg.find(">1 citations</title>") != std::string::npos); // the one link A0 -> B0
    // the SVG exporter picks it for large graphs, the neighbourhood for a focus
    ExportOptions opt;
    opt.picture = "overview";
    CHECK(export_to_string(g, "svg", opt) == svg);
    opt.picture = "auto";
    opt.focus = "A0";
    CHECK(export_to_string(g, "svg", opt) == neighbourhood_svg(g, "A0", opt));
    opt.picture = "pie";
    CHECK_THROWS_WITH(export_to_string(g, "svg", opt), Catch::Contains("unknown picture 'pie'"));
}
