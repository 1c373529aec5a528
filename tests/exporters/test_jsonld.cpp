#include "citegraph/exporters/jsonld_exporter.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <vector>

using namespace citegraph;

namespace {

const std::string kPrefixes = "PREFIX cg: <https://citegraph.invalid/vocab#>\n"
                              "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
                              "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
                              "PREFIX schema: <http://schema.org/>\n"
                              "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                              "PREFIX allot: <https://w3id.org/akn/ontology/allot/>\n";

// The three resolutions A/RES/68/193 reaffirms in pp1, from the reified citations.
test::fs::path pp1_query() {
    return test::consumers_dir() / "queries" / "reaffirmed_in_pp1.rq";
}
const std::string kPp1Expected = "https://undocs.org/A/RES/46/152\n"
                                 "https://undocs.org/A/RES/60/1\n"
                                 "https://undocs.org/A/RES/67/1\n";

bool have_node_consumers() {
    return test::consumer_available(test::have_node_package("jsonld") &&
                                        test::have_node_package("oxigraph"),
                                    "node with npm jsonld and oxigraph in tests/consumers");
}

std::string script(const char* name) {
    return "node " + test::shell_quote((test::consumers_dir() / name).string());
}

// Runs sparql.mjs: QUERY over FILES; returns its output (the test fails on a non-zero exit).
std::string sparql(const std::string& query, const std::vector<test::fs::path>& files) {
    std::string cmd = script("sparql.mjs") + " " + test::shell_quote(query);
    for (const auto& f : files) {
        cmd += " " + test::shell_quote(f.string());
    }
    const auto r = test::run(cmd);
    INFO(query);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return r.output;
}

} // namespace

TEST_CASE("exporters::jsonld matches the golden file", "[exporters][jsonld][golden]") {
    test::check_golden(to_jsonld(test::sample_graph(), {}), "sample.jsonld");
}

TEST_CASE("exporters::node_iri puts UN documents on undocs.org", "[exporters][jsonld]") {
    CHECK(node_iri("A/RES/68/193", NodeKind::Resolution) == "https://undocs.org/A/RES/68/193");
    CHECK(node_iri("A/68/457", NodeKind::Document) == "https://undocs.org/A/68/457");
    CHECK(node_iri("A/RES/2625(XXV)", NodeKind::Resolution) ==
          "https://undocs.org/A/RES/2625(XXV)");
    CHECK(node_iri("S/RES/1373 (2001)", NodeKind::Resolution) ==
          "https://undocs.org/S/RES/1373%20(2001)");
    CHECK(node_iri("treaty:untoc", NodeKind::Treaty) ==
          "https://citegraph.invalid/id/treaty:untoc");
    CHECK(node_iri("body:委员会", NodeKind::Body) == "https://citegraph.invalid/id/body:委员会");
}

TEST_CASE("exporters::jsonld is JSON with an inline context", "[exporters][jsonld]") {
    const std::string text = to_jsonld(test::sample_graph(), {});
    rapidjson::Document doc;
    doc.Parse(text.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    REQUIRE(doc["@context"].IsObject());
    CHECK(doc["@context"]["reaffirms"]["@id"] == "cg:reaffirms");
    CHECK(doc["@context"]["expresses_appreciation"]["@id"] == "cg:expresses_appreciation");
    REQUIRE(doc["@graph"].IsArray());
    CHECK(doc["@graph"].Size() == 10 + 13); // works, then one citation per edge
    const auto& first = doc["@graph"][0];
    CHECK(first["@id"] == "https://undocs.org/A/68/457");
}

TEST_CASE("exporters::jsonld expands in jsonld.js safe mode and answers SPARQL",
          "[exporters][jsonld][consumer]") {
    if (!have_node_consumers()) {
        return;
    }
    const auto g = test::sample_graph();
    const auto dir = test::scratch_dir("jsonld_consumers");
    const auto jsonld = dir / "sample.jsonld";
    const auto nq = dir / "sample.nq";
    test::write_file(jsonld, to_jsonld(g, {}));

    // jsonld.js, safe mode: no term silently dropped.
    const auto r =
        test::run(script("jsonld_to_nquads.mjs") + " " + test::shell_quote(jsonld.string()) + " " +
                  test::shell_quote(nq.string()));
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("quads: ") != std::string::npos);

    // The reified citations: the 3 resolutions reaffirmed in pp1 (oxigraph).
    CHECK(sparql("@" + pp1_query().string(), {nq}) == kPp1Expected);
    // The direct triples: everything A/RES/68/193 reaffirms, deduplicated.
    CHECK(sparql(kPrefixes + "SELECT ?t WHERE { <https://undocs.org/A/RES/68/193> cg:reaffirms "
                             "?t } ORDER BY ?t",
                 {jsonld}) == "https://citegraph.invalid/id/instrument:political-declaration-2009\n"
                              "https://citegraph.invalid/id/treaty:untoc\n"
                              "https://undocs.org/A/RES/46/152\n"
                              "https://undocs.org/A/RES/60/1\n"
                              "https://undocs.org/A/RES/67/1\n");
    // One cg:Citation per edge; spans typed xsd:integer; the mandate to UNODC.
    CHECK(sparql(kPrefixes + "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Citation }", {nq}) ==
          std::to_string(g.num_edges()) + "\n");
    CHECK(sparql(kPrefixes + "SELECT DISTINCT (DATATYPE(?s) AS ?d) WHERE { ?c cg:spanStart ?s }",
                 {nq}) == "http://www.w3.org/2001/XMLSchema#integer\n");
    CHECK(sparql(kPrefixes + "SELECT ?p ?lang ?t WHERE { ?c cg:cited "
                             "<https://citegraph.invalid/id/body:unodc> ; cg:role cg:addressee ; "
                             "cg:relation cg:requests ; cg:paragraph ?p ; dcterms:language "
                             "?lang ; cg:text ?t . FILTER(LANGMATCHES(LANG(?t), \"zh\")) }",
                 {nq}) ==
          "op12\tzh\t请联合国毒品和犯罪问题办公室，\n在现有资源范围内，继续提供技术援助（见 "
          "C:\\UNODC\\）\n");
    // Language-tagged names, typed dates, the issuing body, UNTS numbers.
    CHECK(sparql("ASK { ?n <http://schema.org/name> \"联合国毒品和犯罪问题办公室\"@zh }", {nq}) ==
          "true\n");
    CHECK(sparql(kPrefixes + "ASK { <https://undocs.org/A/RES/68/193> eli:date_document "
                             "\"2013-12-18\"^^<http://www.w3.org/2001/XMLSchema#date> ; "
                             "eli:passed_by <https://citegraph.invalid/id/body:ga> ; "
                             "eli:id_local \"A/RES/68/193\" }",
                 {nq}) == "true\n");
    CHECK(sparql(kPrefixes + "SELECT ?v WHERE { <https://citegraph.invalid/id/treaty:untoc> "
                             "cg:untsVolume ?v } ORDER BY ?v",
                 {nq}) == "2225\n2237\n2241\n2326\n");

    // A mention is not what the verb acts on: GA (also the issuer) is mentioned, not
    // requested; a body is not a legal resource, so not eli:cites either.
    CHECK(sparql(kPrefixes + "SELECT ?p WHERE { <https://undocs.org/A/RES/68/193> ?p "
                             "<https://citegraph.invalid/id/body:ga> } ORDER BY ?p",
                 {nq}) == "http://data.europa.eu/eli/ontology#passed_by\n"
                          "https://w3id.org/akn/ontology/allot/mentions\n");
    // eli:cites: the six works cited in any role but addressee (pp1, pp2 and its footnote,
    // pp3, the header's report); UNODC and Member States, the addressees of op12 and op5,
    // are not citations.
    CHECK(sparql(kPrefixes + "SELECT ?t WHERE { <https://undocs.org/A/RES/68/193> eli:cites ?t "
                             "} ORDER BY ?t",
                 {nq}) == "https://citegraph.invalid/id/instrument:political-declaration-2009\n"
                          "https://citegraph.invalid/id/treaty:untoc\n"
                          "https://undocs.org/A/68/457\n"
                          "https://undocs.org/A/RES/46/152\n"
                          "https://undocs.org/A/RES/60/1\n"
                          "https://undocs.org/A/RES/67/1\n");
    // With the vocabulary loaded, plain RDFS sub-properties of allot:mentions give every node
    // A/RES/68/193 names: the six works, UNODC, GA and Member States.
    CHECK(sparql(kPrefixes + "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { "
                             "<https://undocs.org/A/RES/68/193> ?p ?t . ?p rdfs:subPropertyOf* "
                             "allot:mentions }",
                 {nq, test::vocab_file()}) == "9\n");

    // A second SPARQL engine, Debian's roqet (rasqal), agrees.
    if (test::consumer_available(test::have_program("roqet"), "roqet (rasqal-utils)")) {
        const auto q = test::run("roqet -q -i sparql -r csv -D " + test::shell_quote(nq.string()) +
                                 " " + test::shell_quote(pp1_query().string()));
        INFO(q.output);
        CHECK(q.status == 0);
        CHECK(q.output == "cited\r\n" + std::string("https://undocs.org/A/RES/46/152\r\n"
                                                    "https://undocs.org/A/RES/60/1\r\n"
                                                    "https://undocs.org/A/RES/67/1\r\n"));
    }
    // rapper agrees the N-Quads are well-formed.
    if (test::consumer_available(test::have_program("rapper"), "rapper (raptor2-utils)")) {
        const auto c = test::run("rapper -i nquads -c " + test::shell_quote(nq.string()));
        INFO(c.output);
        CHECK(c.status == 0);
    }
}

TEST_CASE("exporters::jsonld safe-mode check is not vacuous", "[exporters][jsonld][consumer]") {
    if (!have_node_consumers()) {
        return;
    }
    const auto dir = test::scratch_dir("jsonld_unsafe");
    // "reaffirmz" maps to no IRI: jsonld.js would drop it silently without safe mode.
    test::write_file(dir / "bad.jsonld",
                     "{\"@context\": {\"cg\": \"https://citegraph.invalid/vocab#\"}, "
                     "\"@id\": \"https://undocs.org/A/RES/1\", \"reaffirmz\": \"x\"}");
    const auto r = test::run(script("jsonld_to_nquads.mjs") + " " +
                             test::shell_quote((dir / "bad.jsonld").string()) + " -");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("afe mode") != std::string::npos);
}

TEST_CASE("exporters::vocabulary declares every relation under allot:mentions, none under "
          "eli:cites",
          "[exporters][jsonld][vocab][consumer]") {
    if (test::consumer_available(test::have_program("rapper"), "rapper (raptor2-utils)")) {
        const auto r =
            test::run("rapper -i turtle -c " + test::shell_quote(test::vocab_file().string()));
        INFO(r.output);
        CHECK(r.status == 0);
    }
    if (!have_node_consumers()) {
        return;
    }
    std::string expected;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kRelationCount; ++i) {
        names.emplace_back(to_string(static_cast<Relation>(i)));
    }
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        expected += std::string(kVocabNamespace) + n + "\n";
    }
    CHECK(sparql(kPrefixes + "SELECT ?p WHERE { ?p rdfs:subPropertyOf allot:mentions } ORDER BY ?p",
                 {test::vocab_file()}) == expected);
    CHECK(sparql(kPrefixes + "SELECT ?p WHERE { ?p rdfs:subPropertyOf+ eli:cites }",
                 {test::vocab_file()}) == "");
    // Every class and property the export uses is declared.
    CHECK(sparql(kPrefixes + "SELECT ?t WHERE { VALUES ?t { cg:Citation cg:Resolution "
                             "cg:Decision cg:Document cg:Treaty cg:Instrument cg:Programme "
                             "cg:Body cg:Actor cg:citingDocument cg:cited cg:provenanceDocument "
                             "cg:relation cg:role cg:paragraph cg:spanStart cg:spanEnd cg:text "
                             "cg:session cg:untsVolume cg:untsNumber cg:object cg:addressee "
                             "cg:mention cg:source } FILTER NOT EXISTS { ?t a ?type } }",
                 {test::vocab_file()}) == "");
}
