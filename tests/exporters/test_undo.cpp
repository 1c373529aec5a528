#include "citegraph/exporters/jsonld_exporter.hpp"
#include "citegraph/exporters/undo_exporter.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <vector>

using namespace citegraph;

namespace {

std::string to_undo(const CitationGraph& g) {
    return UndoExporter().render(g, {});
}

bool have_oxigraph() {
    return test::consumer_available(test::have_node_package("oxigraph"),
                                    "node with npm oxigraph in tests/consumers");
}

// sparql.mjs --union (the default graph is the union of the named graphs) on one file.
std::string sparql(const std::string& query, const test::fs::path& file) {
    const auto r =
        test::run("node " + test::shell_quote((test::consumers_dir() / "sparql.mjs").string()) +
                  " --union " + test::shell_quote(query) + " " + test::shell_quote(file.string()));
    INFO(query);
    INFO(r.output);
    REQUIRE(r.status == 0);
    return r.output;
}

std::string undo_query(const char* name) {
    return "@" + (test::consumers_dir() / "queries" / "undo" / name).string();
}

// A graph of `n` citing resolutions, each citing the next 20 in pp1 and addressing UNODC.
CitationGraph large_graph(int n) {
    CitationGraph g;
    NodeRecord unodc;
    unodc.id = "body:unodc";
    unodc.kind = NodeKind::Body;
    g.add_node(unodc);
    for (int i = 0; i < n; ++i) {
        NodeRecord r;
        r.id = "A/RES/70/" + std::to_string(i);
        r.kind = NodeKind::Resolution;
        r.body = "body:ga";
        g.add_node(r);
    }
    for (int i = 0; i < n; ++i) {
        for (int k = 1; k <= 21; ++k) {
            EdgeRecord e;
            e.source = "A/RES/70/" + std::to_string(i);
            e.target = k == 21 ? "body:unodc" : "A/RES/70/" + std::to_string((i + k) % n);
            e.relation = k == 21 ? Relation::requests : Relation::reaffirms;
            e.role = k == 21 ? Role::addressee : Role::object;
            e.prov.document = e.source;
            e.prov.language = "en";
            e.prov.paragraph = k == 21 ? "op1" : "pp1";
            e.prov.span_begin = static_cast<std::uint32_t>(k * 10);
            e.prov.span_end = static_cast<std::uint32_t>(k * 10 + 8);
            e.prov.text = "Reaffirming its resolutions and requesting the Office to report";
            g.add_edge(e);
        }
    }
    return g;
}

} // namespace

TEST_CASE("exporters::undo matches the golden file", "[exporters][undo][golden]") {
    test::check_golden(to_undo(test::sample_graph()), "sample_undo.nq");
}

TEST_CASE("exporters::undo is deterministic", "[exporters][undo]") {
    CHECK(to_undo(test::sample_graph()) == to_undo(test::sample_graph_reversed()));
}

TEST_CASE("exporters::undo IRIs: undocs.org, parentheses as they are", "[exporters][undo]") {
    CHECK(undo_node_iri("A/RES/68/193", NodeKind::Resolution) == "https://undocs.org/A/RES/68/193");
    CHECK(undo_node_iri("A/RES/2625(XXV)", NodeKind::Resolution) ==
          "https://undocs.org/A/RES/2625(XXV)");
    CHECK(undo_node_iri("treaty:untoc", NodeKind::Treaty) ==
          "https://citegraph.invalid/id/treaty:untoc");
    // No IRI of either RDF export percent-encodes a parenthesis.
    CitationGraph g = test::sample_graph();
    NodeRecord r;
    r.id = "A/RES/2625(XXV)";
    r.kind = NodeKind::Resolution;
    g.add_node(r);
    EdgeRecord e;
    e.source = "A/RES/68/193";
    e.target = r.id;
    e.relation = Relation::recalls;
    e.prov.document = e.source;
    e.prov.language = "en";
    e.prov.paragraph = "pp4";
    g.add_edge(e);
    for (const std::string& out : {to_undo(g), to_jsonld(g, {})}) {
        CHECK(out.find("https://undocs.org/A/RES/2625(XXV)") != std::string::npos);
        CHECK(out.find("%28") == std::string::npos);
        CHECK(out.find("%29") == std::string::npos);
    }
    // The language version of a document: undocs.org's /{lang}/ form.
    CHECK(to_undo(g).find("<https://undocs.org/A/RES/68/193> "
                          "<https://w3id.org/akn/ontology/allot/hasRealization> "
                          "<https://undocs.org/zh/A/RES/68/193> "
                          "<https://undocs.org/A/RES/68/193> .\n") != std::string::npos);
}

TEST_CASE("exporters::undo and jsonld are streamed in pieces of at most 64 KiB",
          "[exporters][undo][jsonld]") {
    const CitationGraph g = large_graph(400); // 8,400 edges: several MB of output
    std::vector<std::unique_ptr<StreamingExporter>> exporters;
    exporters.push_back(std::make_unique<UndoExporter>());
    exporters.push_back(std::make_unique<JsonldExporter>());
    for (const auto& exporter : exporters) {
        std::size_t pieces = 0, largest = 0, total = 0;
        exporter->stream(g, {}, [&](std::string_view piece) {
            ++pieces;
            largest = std::max(largest, piece.size());
            total += piece.size();
        });
        INFO(exporter->format());
        CHECK(total > 2'000'000);
        CHECK(pieces > total / 70'000);
        CHECK(largest < 66'000); // 64 KiB and the end of one statement
        CHECK(total == exporter->render(g, {}).size());
    }
}

TEST_CASE("exporters::undo answers the UNDO competency questions (oxigraph, rapper)",
          "[exporters][undo][consumer]") {
    const auto dir = test::scratch_dir("undo_consumers");
    const auto nq = dir / "sample.nq";
    const std::string text = to_undo(test::sample_graph());
    test::write_file(nq, text);
    if (test::consumer_available(test::have_program("rapper"), "rapper (raptor2-utils)")) {
        const auto c = test::run("rapper -i nquads -c " + test::shell_quote(nq.string()));
        INFO(c.output);
        CHECK(c.status == 0);
        const auto lines = std::count(text.begin(), text.end(), '\n');
        CHECK(c.output.find("returned " + std::to_string(lines) + " ") != std::string::npos);
    }
    if (!have_oxigraph()) {
        return;
    }
    // Q1: who refers to A/RES/46/152 (reaffirmed in pp1, zh and en).
    CHECK(sparql(undo_query("q1_documents_referring.rq"), nq) ==
          "https://undocs.org/A/RES/68/193\n");
    // Q2: every node the sample's A/RES/68/193 names, with its one UNDO or ALLOT class.
    const std::string undo = "https://w3id.org/un/ontology/undo/";
    const std::string allot = "https://w3id.org/akn/ontology/allot/";
    CHECK(sparql(undo_query("q2_entities_referred.rq"), nq) ==
          "https://citegraph.invalid/id/actor:member-states\t" + allot + "Organization\n" +
              "https://citegraph.invalid/id/body:ga\t" + allot + "Organization\n" +
              "https://citegraph.invalid/id/body:unodc\t" + allot + "Organization\n" +
              "https://citegraph.invalid/id/instrument:political-declaration-2009\t" + undo +
              "Document\n" + "https://citegraph.invalid/id/treaty:untoc\t" + undo + "Treaty\n" +
              "https://undocs.org/A/68/457\t" + undo + "Document\n" +
              "https://undocs.org/A/RES/46/152\t" + undo + "Resolution\n" +
              "https://undocs.org/A/RES/60/1\t" + undo + "Resolution\n" +
              "https://undocs.org/A/RES/67/1\t" + undo + "Resolution\n");
    // Q3: the GA (issuer of A/RES/68/193) reaffirming A/RES/46/152.
    CHECK(sparql(undo_query("q3_ga_reaffirming.rq"), nq) == "https://undocs.org/A/RES/68/193\n");
    // The mandate of op12; GA's mention in op12 is no relation (the verb does not act on it).
    CHECK(sparql(undo_query("mandates_to_unodc.rq"), nq) ==
          "https://undocs.org/A/RES/68/193\top12\n");
    CHECK(sparql("PREFIX undo: <" + undo +
                     "> ASK { ?r undo:hasReceiver <https://citegraph.invalid/id/body:ga> }",
                 nq) == "false\n");
    // eli:cites: the six works, never an addressee.
    CHECK(sparql("SELECT ?t WHERE { <https://undocs.org/A/RES/68/193> "
                 "<http://data.europa.eu/eli/ontology#cites> ?t } ORDER BY ?t",
                 nq) == "https://citegraph.invalid/id/instrument:political-declaration-2009\n"
                        "https://citegraph.invalid/id/treaty:untoc\n"
                        "https://undocs.org/A/68/457\n"
                        "https://undocs.org/A/RES/46/152\n"
                        "https://undocs.org/A/RES/60/1\n"
                        "https://undocs.org/A/RES/67/1\n");
    // One annotation per edge but the mention, all in the citing document's named graph.
    CHECK(sparql("SELECT ?g (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a "
                 "<https://w3id.org/un/ontology/undo/Annotation> } } GROUP BY ?g",
                 nq) == "https://undocs.org/A/RES/68/193\t12\n");
    // The versions read: zh and en.
    CHECK(sparql("SELECT ?l WHERE { ?v a <https://w3id.org/un/ontology/undo/DocumentVersion> ; "
                 "<http://purl.org/dc/terms/language> ?l } ORDER BY ?l",
                 nq) == "http://id.loc.gov/vocabulary/iso639-1/en\n"
                        "http://id.loc.gov/vocabulary/iso639-1/zh\n");
}
