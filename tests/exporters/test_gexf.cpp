#include "citegraph/exporters/gexf_exporter.hpp"
#include "citegraph/exporters/graphml_exporter.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <rapidjson/document.h>

using namespace citegraph;

namespace {

std::string to_gexf(const CitationGraph& g) {
    ExportOptions opt;
    opt.lang = "zh";
    return GexfExporter().render(g, opt);
}

std::string to_aggregated_graphml(const CitationGraph& g) {
    ExportOptions opt;
    opt.aggregate = true;
    return to_graphml(g, opt);
}

bool have_networkx() {
    const bool ok = test::have_program(test::kPython) &&
                    test::run(std::string(test::kPython) + " -c 'import networkx'").status == 0;
    return test::consumer_available(ok, "/usr/bin/python3 with python3-networkx");
}

// check_weighted.py on `text` written to `name`; the parsed JSON it prints.
rapidjson::Document read_weighted(const std::string& text, const std::string& name) {
    const auto dir = test::scratch_dir("weighted_" + name);
    test::write_file(dir / name, text);
    const auto r =
        test::run(std::string(test::kPython) + " " +
                  test::shell_quote((test::consumers_dir() / "check_weighted.py").string()) + " " +
                  test::shell_quote((dir / name).string()) + " 2>&1");
    INFO(r.output);
    REQUIRE(r.status == 0);
    rapidjson::Document doc;
    doc.Parse(r.output.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    return doc;
}

// What a reader must find, from the model: the citations per (citing, cited) pair.
std::map<std::string, int> citations_per_pair(const CitationGraph& g) {
    std::map<std::string, int> out;
    const auto& bg = g.boost_graph();
    for (auto e : g.sorted_edges()) {
        ++out[g.node(boost::source(e, bg)).id + " -> " + g.node(boost::target(e, bg)).id];
    }
    return out;
}

void check_weights(const rapidjson::Document& doc, const CitationGraph& g) {
    const auto pairs = citations_per_pair(g);
    CHECK(doc["nodes"].GetInt() == static_cast<int>(g.num_nodes()));
    CHECK(doc["edges"].GetInt() == static_cast<int>(pairs.size()));
    CHECK_FALSE(doc["multigraph"].GetBool());
    for (const auto& [pair, n] : pairs) {
        INFO(pair);
        REQUIRE(doc["weight"].HasMember(pair.c_str()));
        CHECK(doc["weight"][pair.c_str()].GetDouble() == n);
    }
}

// graphology_load.mjs on `text` written to `name`; the parsed JSON it prints.
rapidjson::Document read_graphology(const std::string& text, const std::string& name) {
    const auto dir = test::scratch_dir("graphology_" + name);
    test::write_file(dir / name, text);
    const auto r = test::run(
        "node " + test::shell_quote((test::consumers_dir() / "graphology_load.mjs").string()) +
        " " + test::shell_quote((dir / name).string()) + " 2>&1");
    INFO(r.output);
    REQUIRE(r.status == 0);
    rapidjson::Document doc;
    doc.Parse(r.output.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    return doc;
}

// Years and sessions as numbers, from the model's dates and sessions.
void check_years(const rapidjson::Document& doc, const CitationGraph& g) {
    for (auto v : g.sorted_vertices()) {
        const NodeRecord& n = g.node(v);
        INFO(n.id);
        CHECK(doc["year"].HasMember(n.id.c_str()) == (n.date.size() >= 4));
        if (n.date.size() >= 4) {
            CHECK(doc["year"][n.id.c_str()].GetInt() == std::stoi(n.date.substr(0, 4)));
        }
        CHECK(doc["session"].HasMember(n.id.c_str()) == !n.session.empty());
        if (!n.session.empty()) {
            CHECK(doc["session"][n.id.c_str()].GetInt() == std::stoi(n.session));
        }
    }
}

} // namespace

TEST_CASE("exporters::gexf and graphml are read by graphology with real ids and weights",
          "[exporters][gexf][graphml][consumer]") {
    if (!test::consumer_available(test::have_node_package("graphology-gexf") &&
                                      test::have_node_package("graphology-graphml"),
                                  "node with npm graphology-gexf and graphology-graphml")) {
        return;
    }
    const auto g = test::sample_graph();
    const auto pairs = citations_per_pair(g);
    ExportOptions zh;
    zh.lang = "zh";
    // GEXF and aggregated GraphML: one weighted edge per pair, keyed by the real ids.
    for (const auto& [name, text] :
         {std::pair<std::string, std::string>{"sample.gexf", to_gexf(g)},
          std::pair<std::string, std::string>{"aggregated.graphml", to_aggregated_graphml(g)}}) {
        INFO(name);
        const auto doc = read_graphology(text, name);
        CHECK(doc["nodes"].GetInt() == static_cast<int>(g.num_nodes()));
        CHECK(doc["edges"].GetInt() == static_cast<int>(pairs.size()));
        for (const auto& [pair, n] : pairs) {
            INFO(pair);
            REQUIRE(doc["weight"].HasMember(pair.c_str()));
            CHECK(doc["weight"][pair.c_str()].GetDouble() == n);
        }
        check_years(doc, g);
    }
    // GraphML, one edge per citation: a multigraph with every edge.
    const auto doc = read_graphology(to_graphml(g, zh), "sample.graphml");
    CHECK(doc["nodes"].GetInt() == static_cast<int>(g.num_nodes()));
    CHECK(doc["edges"].GetInt() == static_cast<int>(g.num_edges()));
    CHECK(doc["multi"].GetBool());
    check_years(doc, g);
}

TEST_CASE("exporters::gexf matches the golden file", "[exporters][gexf][golden]") {
    test::check_golden(to_gexf(test::sample_graph()), "sample.gexf");
}

TEST_CASE("exporters::gexf is deterministic and well-formed", "[exporters][gexf]") {
    const std::string xml = to_gexf(test::sample_graph());
    CHECK(xml == to_gexf(test::sample_graph_reversed()));
    CHECK(xml.find("<gexf xmlns=\"http://gexf.net/1.3\"") != std::string::npos);
    // Real ids; the two parallel citations of A/RES/46/152 (pp1 in zh and in en): weight 2,
    // on the timeline from the citing resolution's date.
    CHECK(xml.find("<edge id=\"1\" source=\"A/RES/68/193\" target=\"A/RES/46/152\" "
                   "label=\"reaffirms\" weight=\"2.0\" start=\"2013-12-18\">") !=
          std::string::npos);
    CHECK(xml.find("<node id=\"A/RES/68/193\" label=\"加强联合国预防犯罪和刑事司法方案，"
                   "特别是其技术合作能力\" start=\"2013-12-18\">") != std::string::npos);
    if (!test::consumer_available(test::have_program("xmllint"), "xmllint (libxml2-utils)")) {
        return;
    }
    const auto dir = test::scratch_dir("gexf_xmllint");
    test::write_file(dir / "sample.gexf", xml);
    // The GEXF 1.3 schema is in no Debian or npm package: validated against it when
    // CITEGRAPH_GEXF_XSD names a local copy of gexf.xsd, else checked for well-formedness.
    std::string cmd = "xmllint --noout ";
    if (const char* xsd = std::getenv("CITEGRAPH_GEXF_XSD")) {
        cmd += "--schema " + test::shell_quote(xsd) + " ";
    }
    const auto r = test::run(cmd + test::shell_quote((dir / "sample.gexf").string()));
    INFO(r.output);
    CHECK(r.status == 0);
}

TEST_CASE("exporters::gexf is read back by networkx with weights, years and dates",
          "[exporters][gexf][consumer]") {
    if (!have_networkx()) {
        return;
    }
    const auto g = test::sample_graph();
    const auto doc = read_weighted(to_gexf(g), "sample.gexf");
    check_weights(doc, g);
    CHECK(doc["relations"]["A/RES/68/193 -> A/RES/67/1"] == "reaffirms=1;recalls=1");
    CHECK(doc["relations"]["A/RES/68/193 -> treaty:untoc"] == "reaffirms=2");
    // Years and sessions are integers, from the model's dates and sessions.
    for (auto v : g.sorted_vertices()) {
        const NodeRecord& n = g.node(v);
        INFO(n.id);
        if (n.date.size() >= 4) {
            REQUIRE(doc["year"].HasMember(n.id.c_str()));
            CHECK(doc["year"][n.id.c_str()].GetInt() == std::stoi(n.date.substr(0, 4)));
        }
        if (!n.session.empty()) {
            CHECK(doc["session"][n.id.c_str()].GetInt() == std::stoi(n.session));
        }
        if (n.date.size() == 10) {
            CHECK(doc["start"][n.id.c_str()] == n.date.c_str());
        }
    }
    CHECK(doc["year"].MemberCount() == 6); // 4 resolutions, the treaty, the instrument
}

TEST_CASE("exporters::graphml --aggregate gives weighted edges networkx reads",
          "[exporters][graphml][consumer]") {
    const auto g = test::sample_graph();
    const std::string xml = to_aggregated_graphml(g);
    CHECK(xml.find("attr.name=\"weight\" attr.type=\"double\"") != std::string::npos);
    CHECK(xml.find("attr.name=\"span_start\"") == std::string::npos);
    if (!have_networkx()) {
        return;
    }
    check_weights(read_weighted(xml, "aggregated.graphml"), g);
}

TEST_CASE("exporters::graphml and gexf type sessions and UNTS numbers from the data",
          "[exporters][graphml][gexf]") {
    CitationGraph g;
    auto add = [&](const std::string& id, const std::string& session, const std::string& unts) {
        NodeRecord n;
        n.id = id;
        n.kind = NodeKind::Resolution;
        n.session = session;
        n.unts_number = unts;
        g.add_node(n);
    };
    add("A/RES/2625(XXV)", "XXV", "");
    add("A/RES/ES-10/2", "ES-10", "");
    add("treaty:x", "", "I-1234");
    const std::string xml = to_graphml(g, {});
    // XXV is the 25th session; ES-10 is no session number (its label stays).
    CHECK(xml.find(">25</data>") != std::string::npos);
    CHECK(xml.find(">XXV</data>") != std::string::npos);
    CHECK(xml.find(">ES-10</data>") != std::string::npos);
    CHECK(xml.find(">10</data>") == std::string::npos);
    // A UNTS number that is not a number makes the column a string, in both formats.
    CHECK(xml.find("attr.name=\"unts_number\" attr.type=\"string\"") != std::string::npos);
    CHECK(to_gexf(g).find("title=\"unts_number\" type=\"string\"") != std::string::npos);
    CHECK(xml.find("<node id=\"A/RES/2625(XXV)\">") != std::string::npos);
}
