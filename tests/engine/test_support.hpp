// Small factories for hand-built graphs and batches used across engine tests.
#pragma once

#include "citegraph/engine/model.hpp"

#include <filesystem>
#include <string>

namespace citegraph::testing {

// A fresh store path in the build tree, removed with its WAL files before and after the test.
// Names must differ across test files: ctest runs them in parallel.
struct TempStore {
    std::filesystem::path path;
    explicit TempStore(const std::string& name) {
        path = std::filesystem::path(CITEGRAPH_BINARY_DIR) / "test-stores" / (name + ".db");
        std::filesystem::create_directories(path.parent_path());
        clean();
    }
    ~TempStore() { clean(); }
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;
    void clean() const {
        for (auto suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path.string() + suffix);
        }
    }
    std::string str() const { return path.string(); }
};

inline NodeRecord node(std::string id, NodeKind kind, std::string name_en = "") {
    NodeRecord n;
    n.id = std::move(id);
    n.kind = kind;
    if (!name_en.empty()) {
        n.names["en"] = std::move(name_en);
    }
    return n;
}

inline EdgeRecord edge(std::string source, std::string target, Relation rel, Role role,
                       std::string paragraph, std::string lang = "en", std::uint32_t begin = 0,
                       std::uint32_t end = 0) {
    EdgeRecord e;
    e.prov.document = source;
    e.source = std::move(source);
    e.target = std::move(target);
    e.relation = rel;
    e.role = role;
    e.prov.language = std::move(lang);
    e.prov.paragraph = std::move(paragraph);
    e.prov.span_begin = begin;
    e.prov.span_end = end;
    e.prov.text = "clause text of " + e.prov.paragraph;
    return e;
}

// A document citing two resolutions and mandating one body.
inline ImportBatch sample_batch(const std::string& doc = "A/RES/68/193",
                                const std::string& lang = "en") {
    ImportBatch b;
    b.document.id = doc;
    b.document.language = lang;
    b.document.source = "sample.txt";
    b.document.paragraphs = {{"pp1", 10, 50, "Reaffirming its resolutions 46/152 and 60/1,"},
                             {"op1", 60, 90, "Requests the Office to report,"}};
    NodeRecord self = node(doc, NodeKind::Resolution, "Strengthening the programme");
    self.date = "2013-12-18";
    self.session = "68";
    b.nodes = {self, node("A/RES/46/152", NodeKind::Resolution),
               node("A/RES/60/1", NodeKind::Resolution),
               node("body:unodc", NodeKind::Body, "United Nations Office on Drugs and Crime")};
    b.edges = {edge(doc, "A/RES/46/152", Relation::reaffirms, Role::object, "pp1", lang, 30, 36),
               edge(doc, "A/RES/60/1", Relation::reaffirms, Role::object, "pp1", lang, 41, 45),
               edge(doc, "body:unodc", Relation::requests, Role::addressee, "op1", lang, 70, 80)};
    return b;
}

} // namespace citegraph::testing
