#include "citegraph/engine/error.hpp"
#include "citegraph/exporters/exporter.hpp"
#include "sample_graph.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace citegraph;

TEST_CASE("exporters::make_exporter knows the eight formats", "[exporters][registry]") {
    const std::vector<std::string_view> expected = {"dot",    "svg",   "graphml", "gexf",
                                                    "jsonld", "neo4j", "undo-nq", "html"};
    CHECK(export_formats() == expected);
    for (auto format : export_formats()) {
        auto exporter = make_exporter(format);
        REQUIRE(exporter != nullptr);
        CHECK(exporter->format() == format);
    }
}

TEST_CASE("exporters::make_exporter returns nullptr for an unknown format",
          "[exporters][registry][errors]") {
    CHECK(make_exporter("") == nullptr);
    CHECK(make_exporter("pdf") == nullptr);
    CHECK(make_exporter("DOT") == nullptr);
    CHECK(make_exporter("json-ld") == nullptr);
}

TEST_CASE("exporters::export_to_string refuses unknown and directory formats",
          "[exporters][registry][errors]") {
    const auto g = test::sample_graph();
    CHECK_THROWS_WITH(export_to_string(g, "pdf", {}),
                      Catch::Contains("unknown export format 'pdf'") &&
                          Catch::Contains("dot, svg, graphml, gexf, jsonld, neo4j, undo-nq, html"));
    CHECK_THROWS_AS(export_to_string(g, "neo4j", {}), Error);
    CHECK_THROWS_WITH(export_to_string(g, "neo4j", {}), Catch::Contains("directory"));
}

TEST_CASE("exporters::write puts the rendered text in the file", "[exporters][registry]") {
    const auto g = test::sample_graph();
    const auto dir = test::scratch_dir("write_file");
    ExportOptions opt;
    opt.lang = "zh";
    for (auto format : {"dot", "graphml", "jsonld"}) {
        const auto path = dir / (std::string("out.") + format);
        make_exporter(format)->write(g, opt, path.string());
        CHECK(test::read_file(path) == export_to_string(g, format, opt));
    }
}

TEST_CASE("exporters::write names the path it cannot write", "[exporters][registry][errors]") {
    const auto g = test::sample_graph();
    const auto dir = test::scratch_dir("unwritable");
    const std::string missing = (dir / "no-such-dir" / "out.dot").string();
    CHECK_THROWS_WITH(make_exporter("dot")->write(g, {}, missing),
                      Catch::Contains(missing) && Catch::Contains("No such file"));
    // A directory where a file should go.
    CHECK_THROWS_WITH(make_exporter("jsonld")->write(g, {}, dir.string()),
                      Catch::Contains(dir.string()));
    // GraphML streams through "<path>.tmp": the same errors, and nothing left behind.
    const std::string gmissing = (dir / "no-such-dir" / "out.graphml").string();
    CHECK_THROWS_WITH(make_exporter("graphml")->write(g, {}, gmissing),
                      Catch::Contains(gmissing) && Catch::Contains("No such file"));
    CHECK_THROWS_WITH(make_exporter("graphml")->write(g, {}, dir.string()),
                      Catch::Contains(dir.string()));
    CHECK_FALSE(std::filesystem::exists(dir.string() + ".tmp"));
    // A file where the neo4j directory should go.
    const auto file = dir / "a-file";
    std::ofstream(file) << "x";
    CHECK_THROWS_WITH(make_exporter("neo4j")->write(g, {}, file.string()),
                      Catch::Contains(file.string()));
    CHECK_THROWS_WITH(make_exporter("neo4j")->write(g, {}, "-"), Catch::Contains("directory"));
}

TEST_CASE("exporters::every format is deterministic", "[exporters][determinism]") {
    const auto g = test::sample_graph();
    const auto reversed = test::sample_graph_reversed();
    ExportOptions opt;
    opt.lang = "zh";
    for (auto format : {"dot", "svg", "graphml", "jsonld"}) {
        INFO("format " << format);
        const std::string first = export_to_string(g, format, opt);
        CHECK(export_to_string(g, format, opt) == first);
        // Insertion order does not matter: output follows sorted ids and edges.
        CHECK(export_to_string(reversed, format, opt) == first);
    }
    const auto a = test::scratch_dir("determinism_a");
    const auto b = test::scratch_dir("determinism_b");
    make_exporter("neo4j")->write(g, opt, a.string());
    make_exporter("neo4j")->write(reversed, opt, b.string());
    std::size_t files = 0;
    for (const auto& entry : test::fs::directory_iterator(a)) {
        ++files;
        INFO("file " << entry.path().filename().string());
        CHECK(test::read_file(entry.path()) == test::read_file(b / entry.path().filename()));
    }
    CHECK(files == 12);
}

TEST_CASE("exporters::an empty graph exports in every format", "[exporters][edge-cases]") {
    const CitationGraph empty;
    for (auto format : {"dot", "svg", "graphml", "jsonld"}) {
        INFO("format " << format);
        CHECK_FALSE(export_to_string(empty, format, {}).empty());
    }
    const auto dir = test::scratch_dir("empty_neo4j");
    make_exporter("neo4j")->write(empty, {}, dir.string());
    CHECK(test::fs::exists(dir / "README.md"));
    if (test::consumer_available(test::have_program("dot"), "graphviz (dot)")) {
        test::write_file(dir / "empty.dot", export_to_string(empty, "dot", {}));
        CHECK(test::run("dot -Tsvg " + test::shell_quote((dir / "empty.dot").string()) +
                        " -o /dev/null")
                  .status == 0);
    }
}
