#include "citegraph/exporters/graphml_exporter.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

using namespace citegraph;

namespace {

ExportOptions zh() {
    ExportOptions opt;
    opt.lang = "zh";
    return opt;
}

// What a GraphML reader must find, written straight from the model (not from the exporter):
// the node and edge attributes that are set, by name.
std::string expected_json(const CitationGraph& g) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    auto field = [&](const std::string& key, const std::string& value) {
        if (!value.empty()) {
            w.Key(key.c_str());
            w.String(value.c_str());
        }
    };
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (auto v : g.sorted_vertices()) {
        const NodeRecord& n = g.node(v);
        w.StartObject();
        field("node_id", n.id);
        field("name", n.id);
        field("kind", std::string(to_string(n.kind)));
        field("symbol", n.symbol);
        for (const auto& [lang, name] : n.names) {
            field("name_" + lang, name);
        }
        field("date", n.date);
        if (n.date.size() >= 4) { // the sample's dates are all ISO (YYYY, YYYY-MM-DD)
            w.Key("year");
            w.Int(std::stoi(n.date.substr(0, 4)));
        }
        field("body", n.body);
        if (!n.session.empty()) { // the sample's sessions are all numbers
            w.Key("session");
            w.Int(std::stoi(n.session));
        }
        field("session_label", n.session);
        field("unts_volume", n.unts_volume);
        if (!n.unts_number.empty()) { // the sample's one UNTS number is numeric
            w.Key("unts_number");
            w.Int64(std::stoll(n.unts_number));
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    const auto& bg = g.boost_graph();
    for (auto e : g.sorted_edges()) {
        const auto p = g.provenance(e);
        w.StartObject();
        field("source", g.node(boost::source(e, bg)).id);
        field("target", g.node(boost::target(e, bg)).id);
        field("relation", std::string(to_string(g.props(e).relation)));
        field("role", std::string(to_string(g.props(e).role)));
        field("document", p.document);
        field("language", p.language);
        field("paragraph", p.paragraph);
        w.Key("span_start");
        w.Uint(p.span_begin);
        w.Key("span_end");
        w.Uint(p.span_end);
        field("text", p.text);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buf.GetString();
}

} // namespace

TEST_CASE("exporters::graphml matches the golden file", "[exporters][graphml][golden]") {
    test::check_golden(to_graphml(test::sample_graph(), zh()), "sample.graphml");
}

TEST_CASE("exporters::graphml declares typed keys and safe ids", "[exporters][graphml]") {
    const std::string xml = to_graphml(test::sample_graph(), zh());
    CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
    CHECK(xml.find("attr.name=\"span_start\" attr.type=\"int\"") != std::string::npos);
    CHECK(xml.find("for=\"node\" attr.name=\"name_zh\" attr.type=\"string\"") != std::string::npos);
    CHECK(xml.find("for=\"node\" attr.name=\"labels\"") != std::string::npos);
    CHECK(xml.find("for=\"edge\" attr.name=\"label\"") != std::string::npos);
    // Node ids are the citegraph ids; typed year, session and UNTS number.
    CHECK(xml.find("<node id=\"A/RES/68/193\">") != std::string::npos);
    CHECK(xml.find("<node id=\"body:ga\">") != std::string::npos);
    CHECK(xml.find("<edge id=\"e12\" source=\"A/RES/68/193\" target=\"treaty:untoc\">") !=
          std::string::npos);
    CHECK(xml.find("attr.name=\"year\" attr.type=\"int\"") != std::string::npos);
    CHECK(xml.find("attr.name=\"session\" attr.type=\"int\"") != std::string::npos);
    CHECK(xml.find("attr.name=\"unts_number\" attr.type=\"long\"") != std::string::npos);
    CHECK(xml.find("attr.name=\"date\" attr.type=\"string\"") != std::string::npos);
    CHECK(xml.find("></data>") == std::string::npos); // absent, not empty
    CHECK(xml.find(">REAFFIRMS<") != std::string::npos);
    CHECK(xml.find(">:Resolution<") != std::string::npos);
    CHECK(xml.find("&quot;法治宣言&quot;") != std::string::npos);
    CHECK(xml.find("&lt;第 23 段&gt; &amp; 第 24 段") != std::string::npos);
}

TEST_CASE("exporters::graphml is read back by networkx and igraph",
          "[exporters][graphml][consumer]") {
    const bool ok =
        test::have_program(test::kPython) &&
        test::run(std::string(test::kPython) + " -c 'import networkx, igraph'").status == 0;
    if (!test::consumer_available(ok, "/usr/bin/python3 with python3-networkx and "
                                      "python3-igraph")) {
        return;
    }
    const auto g = test::sample_graph();
    const auto dir = test::scratch_dir("graphml_readers");
    test::write_file(dir / "sample.graphml", to_graphml(g, zh()));
    test::write_file(dir / "expected.json", expected_json(g));
    const auto r =
        test::run(std::string(test::kPython) + " " +
                  test::shell_quote((test::consumers_dir() / "check_graphml.py").string()) + " " +
                  test::shell_quote((dir / "sample.graphml").string()) + " " +
                  test::shell_quote((dir / "expected.json").string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find(": 10 nodes, 13 edges (MultiDiGraph)") != std::string::npos);
    CHECK(r.output.find("igraph 0.") != std::string::npos);
}

TEST_CASE("exporters::graphml stays well-formed XML with hostile text",
          "[exporters][graphml][edge-cases]") {
    CitationGraph g;
    NodeRecord a;
    a.id = "A/RES/1";
    a.kind = NodeKind::Resolution;
    a.names["en"] = std::string("bell\x07 and bad \xff\xfe UTF-8 and <tags> & \"quotes\"");
    a.names["zh"] = "   "; // whitespace only
    g.add_node(a);
    NodeRecord b;
    b.id = "treaty:x";
    b.kind = NodeKind::Treaty;
    g.add_node(b);
    EdgeRecord e;
    e.source = a.id;
    e.target = b.id;
    e.prov.text = "CR LF\r\nand a form feed\f";
    g.add_edge(e);
    const std::string xml = to_graphml(g, {});
    CHECK(xml.find('\x07') == std::string::npos);
    CHECK(xml.find('\r') == std::string::npos);
    CHECK(xml.find("bad \xEF\xBF\xBD\xEF\xBF\xBD UTF-8") != std::string::npos);
    if (!test::consumer_available(test::have_program("xmllint"), "xmllint (libxml2-utils)")) {
        return;
    }
    const auto dir = test::scratch_dir("graphml_hostile");
    test::write_file(dir / "hostile.graphml", xml);
    test::write_file(dir / "sample.graphml", to_graphml(test::sample_graph(), zh()));
    const auto r =
        test::run("xmllint --noout " + test::shell_quote((dir / "hostile.graphml").string()) + " " +
                  test::shell_quote((dir / "sample.graphml").string()));
    INFO(r.output);
    CHECK(r.status == 0);
}
