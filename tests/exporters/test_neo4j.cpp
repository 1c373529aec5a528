#include "citegraph/engine/error.hpp"
#include "citegraph/exporters/neo4j_exporter.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace citegraph;

TEST_CASE("exporters::neo4j files match the golden files", "[exporters][neo4j][golden]") {
    const auto dir = test::scratch_dir("neo4j_golden");
    Neo4jExporter().write(test::sample_graph(), {}, dir.string());
    std::set<std::string> written;
    for (const auto& entry : test::fs::directory_iterator(dir)) {
        written.insert(entry.path().filename().string());
        test::check_golden(test::read_file(entry.path()),
                           "sample_neo4j/" + entry.path().filename().string());
    }
    std::set<std::string> golden;
    for (const auto& entry : test::fs::directory_iterator(test::golden_dir() / "sample_neo4j")) {
        golden.insert(entry.path().filename().string());
    }
    CHECK(written == golden);
}

TEST_CASE("exporters::neo4j writes one file per kind and per ID-space pair", "[exporters][neo4j]") {
    const auto files = to_neo4j_files(test::sample_graph());
    std::vector<std::string> names;
    for (const auto& f : files) {
        names.push_back(f.name);
    }
    CHECK(names ==
          std::vector<std::string>{"nodes_Resolution.csv", "nodes_Document.csv", "nodes_Treaty.csv",
                                   "nodes_Instrument.csv", "nodes_Body.csv", "nodes_Actor.csv",
                                   "relationships_Doc_Doc.csv", "relationships_Doc_Treaty.csv",
                                   "relationships_Doc_Instrument.csv", "relationships_Doc_Body.csv",
                                   "relationships_Doc_Actor.csv", "README.md"});
    CHECK(files[0].content.rfind("id:ID(Doc),:LABEL,symbol,name_en,name_zh,date:date,body,"
                                 "session\n",
                                 0) == 0);
    CHECK(files[2].content.rfind("id:ID(Treaty),:LABEL,name_en,name_zh,date:date,"
                                 "unts_volume:int[],unts_number:int\n",
                                 0) == 0);
    CHECK(files[2].content.find(",2225;2237;2241;2326,39574\n") != std::string::npos);
    CHECK(files[9].content.rfind(":START_ID(Doc),:END_ID(Body),:TYPE,role,paragraph,document,"
                                 "language,span_start:int,span_end:int,text\n",
                                 0) == 0);
    // RFC 4180: quotes doubled, fields with commas, quotes or newlines quoted.
    CHECK(files[11].content.find("--multiline-fields=true") != std::string::npos);
    const std::string& actors = files[10].content;
    CHECK(actors.find(",URGES,addressee,op5,A/RES/68/193,zh,4000,4010,\"敦促会员国, "
                      "\"\"包括\"\" 捐助国, 加强合作\"\n") != std::string::npos);
    for (const auto& f : files) {
        CHECK(f.content.find('\r') == std::string::npos);
        CHECK(f.content.rfind("\xEF\xBB\xBF", 0) != 0);
    }
}

TEST_CASE("exporters::neo4j falls back to strings for values a type cannot hold",
          "[exporters][neo4j]") {
    CitationGraph g;
    NodeRecord t;
    t.id = "treaty:odd";
    t.kind = NodeKind::Treaty;
    t.date = "15 November 2000";
    t.unts_volume = "2225; I-39574";
    t.unts_number = "I-39574";
    g.add_node(t);
    const auto files = to_neo4j_files(g);
    CHECK(files[0].content == "id:ID(Treaty),:LABEL,date,unts_volume:string[],unts_number\n"
                              "treaty:odd,Treaty,15 November 2000,2225;I-39574,I-39574\n");
}

TEST_CASE("exporters::neo4j refuses ids it cannot import", "[exporters][neo4j][errors]") {
    CitationGraph g;
    NodeRecord n;
    n.kind = NodeKind::Body;
    g.add_node(n);
    const auto dir = test::scratch_dir("neo4j_empty_id");
    CHECK_THROWS_WITH(Neo4jExporter().write(g, {}, (dir / "out").string()),
                      Catch::Contains("empty id"));
    CHECK_FALSE(test::fs::exists(dir / "out")); // checked before anything is written
}

TEST_CASE("exporters::neo4j CSVs parse with the declared types (python csv)",
          "[exporters][neo4j][consumer]") {
    if (!test::consumer_available(test::have_program(test::kPython), "/usr/bin/python3")) {
        return;
    }
    const auto g = test::sample_graph();
    const auto dir = test::scratch_dir("neo4j_python");
    Neo4jExporter().write(g, {}, dir.string());
    const auto r =
        test::run(std::string(test::kPython) + " " +
                  test::shell_quote((test::consumers_dir() / "check_neo4j_csv.py").string()) + " " +
                  test::shell_quote(dir.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output == "{\"labels\": {\"Actor\": 1, \"Body\": 2, \"Document\": 1, \"Instrument\": "
                      "1, \"Resolution\": 4, \"Treaty\": 1}, \"nodes\": 10, \"relationships\": "
                      "13, \"types\": {\"ADOPTED_ON_REPORT\": 1, \"REAFFIRMS\": 8, \"RECALLS\": "
                      "1, \"REQUESTS\": 2, \"URGES\": 1}}\n");

    // The checker is not vacuous: a relationship to a missing node and bad quoting fail it.
    const auto broken = test::scratch_dir("neo4j_python_broken");
    Neo4jExporter().write(g, {}, broken.string());
    std::string rels = test::read_file(broken / "relationships_Doc_Body.csv");
    rels += "A/RES/68/193,body:nowhere,REQUESTS,addressee,op1,A/RES/68/193,en,1,2,text\n";
    test::write_file(broken / "relationships_Doc_Body.csv", rels);
    test::write_file(broken / "nodes_Actor.csv",
                     "id:ID(Actor),:LABEL,name_en\n\"actor:member-states\",Actor,Member States\n");
    const auto bad =
        test::run(std::string(test::kPython) + " " +
                  test::shell_quote((test::consumers_dir() / "check_neo4j_csv.py").string()) + " " +
                  test::shell_quote(broken.string()));
    INFO(bad.output);
    CHECK(bad.status == 1);
    CHECK(bad.output.find("'body:nowhere' is not a node of ID space Body") != std::string::npos);
    CHECK(bad.output.find("nodes_Actor.csv: not minimal RFC 4180 quoting") != std::string::npos);
}

TEST_CASE("exporters::neo4j CSVs load into Kuzu", "[exporters][neo4j][consumer]") {
    if (!test::consumer_available(test::have_node_package("kuzu"),
                                  "node with npm kuzu (optional) in tests/consumers", true)) {
        return;
    }
    const auto dir = test::scratch_dir("neo4j_kuzu");
    Neo4jExporter().write(test::sample_graph(), {}, dir.string());
    const std::string query =
        "MATCH (a:Work)-[c:Cites]->(b:Work) WHERE a.id = 'A/RES/68/193' AND c.type = "
        "'REAFFIRMS' AND c.paragraph = 'pp1' RETURN DISTINCT b.id ORDER BY b.id";
    const auto r =
        test::run("node " + test::shell_quote((test::consumers_dir() / "kuzu_load.mjs").string()) +
                  " " + test::shell_quote(dir.string()) + " " + test::shell_quote(query));
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output == "nodes 10 relationships 13\nA/RES/46/152\nA/RES/60/1\nA/RES/67/1\n");
    // Multi-line quoted clause texts arrive whole.
    const auto t = test::run(
        "node " + test::shell_quote((test::consumers_dir() / "kuzu_load.mjs").string()) + " " +
        test::shell_quote(dir.string()) + " " +
        test::shell_quote("MATCH ()-[c:Cites]->(b:Work) WHERE b.id = 'actor:member-states' "
                          "RETURN c.text, c.span_start + c.span_end"));
    INFO(t.output);
    CHECK(t.output == "nodes 10 relationships 13\n敦促会员国, \"包括\" 捐助国, 加强合作\t8010\n");
}
