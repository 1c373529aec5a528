#include "citegraph/engine/error.hpp"
#include "citegraph/exporters/dot_exporter.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <tuple>

using namespace citegraph;

namespace {

ExportOptions zh() {
    ExportOptions opt;
    opt.lang = "zh";
    return opt;
}

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos;
         pos = text.find(needle, pos + needle.size())) {
        ++n;
    }
    return n;
}

// Edges after merging parallel citations: distinct (source, target, relation, role).
std::size_t merged_edges(const CitationGraph& g) {
    std::set<std::tuple<std::string, std::string, Relation, Role>> keys;
    const auto& bg = g.boost_graph();
    for (auto e : g.sorted_edges()) {
        keys.insert({g.node(boost::source(e, bg)).id, g.node(boost::target(e, bg)).id,
                     g.props(e).relation, g.props(e).role});
    }
    return keys.size();
}

// A graph of n nodes: a resolution citing the next one, n-1 edges.
CitationGraph chain(std::size_t n) {
    CitationGraph g;
    for (std::size_t i = 0; i < n; ++i) {
        NodeRecord r;
        r.id = "A/RES/70/" + std::to_string(i + 1);
        r.kind = NodeKind::Resolution;
        r.symbol = r.id;
        g.add_node(r);
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        EdgeRecord e;
        e.source = "A/RES/70/" + std::to_string(i + 1);
        e.target = "A/RES/70/" + std::to_string(i + 2);
        e.relation = Relation::recalls;
        e.prov.document = e.source;
        e.prov.paragraph = "pp1";
        g.add_edge(e);
    }
    return g;
}

} // namespace

TEST_CASE("exporters::dot matches the golden file", "[exporters][dot][golden]") {
    test::check_golden(to_dot(test::sample_graph(), zh()), "sample.dot");
}

TEST_CASE("exporters::dot sets charset, font, styles and a legend", "[exporters][dot]") {
    ExportOptions opt = zh();
    opt.font = "Noto Sans CJK SC";
    const std::string dot = to_dot(test::sample_graph(), opt);
    CHECK(dot.rfind("digraph citations {", 0) == 0);
    CHECK(count(dot, "charset=\"UTF-8\"") == 1);
    CHECK(count(dot, "fontname=\"Noto Sans CJK SC\"") == 3); // graph, node, edge defaults
    CHECK(dot.find("layout=") == std::string::npos);         // small graph, auto: no engine
    // Nodes named by id, Chinese labels, shapes by kind, links to undocs.org.
    CHECK(dot.find("\"A/RES/68/193\"\t[URL=\"https://undocs.org/A/RES/68/193\"") !=
          std::string::npos);
    CHECK(dot.find("label=\"A/RES/68/193\\n加强联合国预防犯罪和刑事司法方案，特别是\\n"
                   "其技术合作能力\"") != std::string::npos);
    CHECK(dot.find("label=联合国毒品和犯罪问题办公室") != std::string::npos);
    CHECK(dot.find("shape=component") != std::string::npos); // treaty
    // Roles: addressee bold, mention dashed, footnote source dotted.
    CHECK(count(dot, "style=bold") == 2);
    CHECK(count(dot, "style=dashed") == 1);
    CHECK(count(dot, "style=dotted") == 1);
    // Parallel citations merged with a count and their paragraphs.
    CHECK(dot.find("label=\"reaffirms ×2\\npp1, pp9\"") != std::string::npos);
    CHECK(count(dot, " -> ") == merged_edges(test::sample_graph()));
    // The legend lists what is present only.
    CHECK(dot.find("<B>Legend</B>") != std::string::npos);
    CHECK(dot.find(">adopted_on_report<") != std::string::npos);
    CHECK(dot.find(">Treaty<") != std::string::npos);
    CHECK(dot.find(">Programme<") == std::string::npos);
    CHECK(dot.find(">condemns<") == std::string::npos);
}

TEST_CASE("exporters::dot labels fall back from name to symbol to id", "[exporters][dot]") {
    const auto g = test::sample_graph();
    ExportOptions en;
    en.lang = "en";
    const std::string dot = to_dot(g, en);
    // English name wrapped at spaces, under the symbol.
    CHECK(dot.find("label=\"A/RES/60/1\\n2005 World Summit\\nOutcome\"") != std::string::npos);
    CHECK(dot.find("label=\"United Nations\\nConvention against\\nTransnational\\nOrganized "
                   "Crime\"") != std::string::npos);
    ExportOptions fr;
    fr.lang = "fr"; // no French names: symbol, else id
    const std::string fallback = to_dot(g, fr);
    CHECK(fallback.find("label=\"A/RES/60/1\"") != std::string::npos);
    CHECK(fallback.find("label=\"treaty:untoc\"") != std::string::npos);
}

TEST_CASE("exporters::dot is accepted by `dot -Tsvg`", "[exporters][dot][consumer]") {
    if (!test::consumer_available(test::have_program("dot"), "graphviz (dot)")) {
        return;
    }
    const auto dir = test::scratch_dir("dot_cli");
    const auto dot = dir / "sample.dot";
    test::write_file(dot, to_dot(test::sample_graph(), zh()));
    const auto svg = dir / "sample.svg";
    const auto r = test::run("dot -Tsvg " + test::shell_quote(dot.string()) + " -o " +
                             test::shell_quote(svg.string()));
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.empty()); // no warnings either
    CHECK(test::read_file(svg).find("联合国打击跨国有组织犯罪公约") != std::string::npos);
}

TEST_CASE("exporters::svg is well-formed XML with the Chinese labels", "[exporters][svg]") {
    const auto g = test::sample_graph();
    const std::string svg = to_svg(g, zh());
    CHECK(svg.rfind("<?xml", 0) == 0);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("</svg>") != std::string::npos);
    // Structure, not pixels: one group per node (and the legend), one per merged edge.
    CHECK(count(svg, "class=\"node\"") == g.num_nodes() + 1);
    CHECK(count(svg, "class=\"edge\"") == merged_edges(g));
    CHECK(svg.find(">联合国毒品和犯罪问题办公室</text>") != std::string::npos);
    CHECK(svg.find(">会员国</text>") != std::string::npos);
    CHECK(svg.find(">2005年世界首脑会议成果</text>") != std::string::npos);
    CHECK(svg.find("font-family=\"WenQuanYi Micro Hei\"") != std::string::npos);
    CHECK(svg.find("xlink:href=\"https://undocs.org/A/RES/68/193\"") != std::string::npos);
    CHECK(svg.find(">Legend</text>") != std::string::npos);

    if (!test::consumer_available(test::have_program("xmllint"), "xmllint (libxml2-utils)")) {
        return;
    }
    const auto dir = test::scratch_dir("svg_xmllint");
    test::write_file(dir / "sample.svg", svg);
    const auto r = test::run("xmllint --noout " + test::shell_quote((dir / "sample.svg").string()));
    INFO(r.output);
    CHECK(r.status == 0);
}

TEST_CASE("exporters::choose_layout picks dot, then sfdp, then refuses",
          "[exporters][svg][layout]") {
    ExportOptions opt;
    CHECK(choose_layout(0, opt) == "dot");
    CHECK(choose_layout(150, opt) == "dot");
    CHECK(choose_layout(151, opt) == "sfdp");
    CHECK(choose_layout(10000, opt) == "sfdp");
    CHECK_THROWS_WITH(choose_layout(20000, opt),
                      "graph has 20000 nodes; SVG layout is capped at 10000 — filter with "
                      "--from/--depth/--kind");
    opt.layout = "dot";
    CHECK(choose_layout(5000, opt) == "dot");
    CHECK_THROWS_AS(choose_layout(10001, opt), Error); // the cap holds for any layout
    opt.layout = "sfdp";
    CHECK(choose_layout(3, opt) == "sfdp");
    opt.layout = "neato";
    CHECK_THROWS_WITH(choose_layout(3, opt), Catch::Contains("unknown layout 'neato'"));
}

TEST_CASE("exporters::svg refuses graphs above max_layout_nodes", "[exporters][svg][errors]") {
    ExportOptions opt;
    opt.max_layout_nodes = 5;
    CHECK_THROWS_WITH(to_svg(test::sample_graph(), opt),
                      Catch::Contains("graph has 10 nodes") && Catch::Contains("capped at 5"));
    // The DOT text is not laid out here, so it is still written.
    CHECK_NOTHROW(to_dot(test::sample_graph(), opt));
    opt.layout = "circo";
    CHECK_THROWS_WITH(to_dot(test::sample_graph(), opt), Catch::Contains("unknown layout"));
}

TEST_CASE("exporters::svg lays out a larger graph with sfdp", "[exporters][svg][layout]") {
    const auto g = chain(200);
    const std::string dot = to_dot(g, {});
    CHECK(dot.find("layout=sfdp") != std::string::npos);
    CHECK(dot.find("label=\"recalls") == std::string::npos); // no edge labels for sfdp
    const std::string svg = to_svg(g, {});
    CHECK(count(svg, "class=\"node\"") == 201);
    CHECK(count(svg, "class=\"edge\"") == 199);
}

TEST_CASE("exporters::dot escapes what DOT and labels treat specially", "[exporters][dot]") {
    CitationGraph g;
    NodeRecord a;
    a.id = "A/RES/1";
    a.kind = NodeKind::Resolution;
    a.names["en"] = "Quote \" and backslash \\ and <html> & \\N";
    g.add_node(a);
    NodeRecord b;
    b.id = "body:x";
    b.kind = NodeKind::Body;
    b.names["en"] = "ends with a backslash \\";
    g.add_node(b);
    EdgeRecord e;
    e.source = a.id;
    e.target = b.id;
    e.relation = Relation::requests;
    e.role = Role::addressee;
    e.prov.paragraph = "op1";
    e.prov.text = "text \"quoted\"\r\nline \\";
    g.add_edge(e);
    const std::string dot = to_dot(g, {});
    if (!test::consumer_available(test::have_program("dot"), "graphviz (dot)")) {
        return;
    }
    const auto dir = test::scratch_dir("dot_escape");
    test::write_file(dir / "escape.dot", dot);
    // -Tcanon parses the file back and writes it out: the names must survive.
    const auto r = test::run("dot -Tcanon " + test::shell_quote((dir / "escape.dot").string()));
    INFO(dot);
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("body:x") != std::string::npos);
    CHECK(r.output.find("ends with a backslash") != std::string::npos);
    CHECK(test::run("dot -Tsvg -o /dev/null " + test::shell_quote((dir / "escape.dot").string()))
              .status == 0);
}

TEST_CASE("exporters::dot spreads many leaves over several ranks", "[exporters][dot]") {
    CitationGraph g;
    NodeRecord r;
    r.id = "A/RES/1";
    r.kind = NodeKind::Resolution;
    g.add_node(r);
    for (int i = 0; i < 30; ++i) {
        NodeRecord leaf;
        leaf.id = "A/RES/" + std::to_string(100 + i);
        leaf.kind = NodeKind::Resolution;
        g.add_node(leaf);
        EdgeRecord e;
        e.source = r.id;
        e.target = leaf.id;
        e.relation = Relation::recalls;
        g.add_edge(e);
    }
    // 30 leaves: 0.4 * sqrt(30) rounds to 2 levels, so minlen alternates 1 (default), 2.
    const std::string dot = to_dot(g, {});
    CHECK(count(dot, "minlen=2") == 15);
    CHECK(count(dot, "minlen=3") == 0);
    ExportOptions sfdp;
    sfdp.layout = "sfdp";
    CHECK(to_dot(g, sfdp).find("minlen") == std::string::npos);
    // Fewer than 12 leaves: left alone.
    CHECK(to_dot(test::sample_graph(), {}).find("minlen") == std::string::npos);
}
