#include "citegraph/engine/error.hpp"
#include "citegraph/engine/store.hpp"
#include "test_support.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>

using namespace citegraph;
using namespace citegraph::testing;
namespace fs = std::filesystem;

TEST_CASE("store round-trips a document into the graph", "[store]") {
    TempStore t("roundtrip");
    {
        Store s(t.path.string());
        s.import(sample_batch());
    }
    Store s(t.path.string(), Store::Mode::ReadOnly);
    auto g = s.load();
    CHECK(g.num_nodes() == 4);
    CHECK(g.num_edges() == 3);
    auto v = g.find("A/RES/68/193");
    REQUIRE(v);
    CHECK(g.node(*v).date == "2013-12-18");
    CHECK(g.node(*v).names.at("en") == "Strengthening the programme");
    auto body = g.find("body:unodc");
    REQUIRE(body);
    auto [it, end] = boost::in_edges(*body, g.boost_graph());
    REQUIRE(it != end);
    CHECK(g.props(*it).relation == Relation::requests);
    CHECK(g.props(*it).role == Role::addressee);
    CHECK(g.provenance(*it).paragraph == "op1");
    CHECK(g.provenance(*it).span_begin == 70);
    CHECK(g.provenance(*it).span_end == 80);

    auto pars = s.paragraphs("A/RES/68/193", "en");
    REQUIRE(pars.size() == 2);
    CHECK(pars[0].label == "pp1");
    CHECK(pars[1].label == "op1");
}

TEST_CASE("store re-import of the same document version replaces its edges", "[store]") {
    TempStore t("reimport");
    Store s(t.path.string());
    s.import(sample_batch());
    s.import(sample_batch());
    auto st = s.stats();
    CHECK(st.documents == 1);
    CHECK(st.edges == 3);
    CHECK(st.nodes == 4);

    // A second language version of the same work adds edges but not a second work node.
    s.import(sample_batch("A/RES/68/193", "zh"));
    st = s.stats();
    CHECK(st.documents == 2);
    CHECK(st.edges == 6);
    CHECK(st.nodes == 4);
    CHECK(st.edges_by_relation.at("reaffirms") == 4);
    CHECK(st.edges_by_role.at("addressee") == 2);
    CHECK(st.nodes_by_kind.at("Resolution") == 3);
}

TEST_CASE("store keeps its content when an import fails half way", "[store]") {
    TempStore t("rollback");
    Store s(t.path.string());
    s.import(sample_batch());
    auto before = s.stats();

    // Same document, edges replaced by ones that point at a node that exists nowhere: the
    // delete of the old edges must be rolled back with the failed insert.
    ImportBatch bad = sample_batch();
    bad.edges.push_back(edge("A/RES/68/193", "A/RES/1/1", Relation::recalls, Role::object, "pp1"));
    CHECK_THROWS_AS(s.import(bad), StoreError);

    auto after = s.stats();
    CHECK(after.documents == before.documents);
    CHECK(after.edges == before.edges);
    CHECK(after.nodes == before.nodes);
    CHECK(s.paragraphs("A/RES/68/193", "en").size() == 2);
}

TEST_CASE("store refuses an edge that belongs to another document", "[store]") {
    TempStore t("foreign-edge");
    Store s(t.path.string());
    ImportBatch bad = sample_batch();
    bad.edges[0].prov.document = "A/RES/1/1";
    CHECK_THROWS_AS(s.import(bad), StoreError);
    CHECK(s.stats().documents == 0);
}

TEST_CASE("store rejects a file that is not SQLite", "[store]") {
    TempStore t("not-sqlite");
    {
        std::ofstream out(t.path);
        out << "%PDF-1.7 this is not a database, but it is long enough to have a header........";
    }
    CHECK_THROWS_AS(Store(t.path.string()), StoreError);
}

TEST_CASE("store load round-trips every edge's provenance and refuses a damaged file", "[store]") {
    TempStore t("load-damaged");
    {
        Store s(t.path.string());
        s.import(sample_batch());
    }
    // Edges read back in insertion order with their own provenance (the loader reuses one
    // record for every row).
    {
        Store s(t.path.string(), Store::Mode::ReadOnly);
        auto g = s.load();
        const ImportBatch b = sample_batch();
        REQUIRE(g.num_edges() == b.edges.size());
        std::vector<std::string> got, want;
        for (auto e : g.sorted_edges()) {
            auto r = g.edge_record(e);
            got.push_back(r.source + ">" + r.target + " " + r.prov.document + " " +
                          r.prov.language + " " + r.prov.paragraph + " " + r.prov.text + " " +
                          std::to_string(r.prov.span_begin) + "-" +
                          std::to_string(r.prov.span_end));
        }
        for (const auto& r : b.edges) {
            want.push_back(r.source + ">" + r.target + " " + r.prov.document + " " +
                           r.prov.language + " " + r.prov.paragraph + " " + r.prov.text + " " +
                           std::to_string(r.prov.span_begin) + "-" +
                           std::to_string(r.prov.span_end));
        }
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        CHECK(got == want);
    }
    // A hand-edited file: an edge to a node that is not in the store.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(t.path.string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "PRAGMA foreign_keys=OFF; INSERT INTO edges(source, target, relation, "
                         "role, doc_id, lang, paragraph, span_start, span_end, text) SELECT "
                         "source, 'A/RES/1/1', relation, role, doc_id, lang, paragraph, "
                         "span_start, span_end, text FROM edges LIMIT 1",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    Store s(t.path.string(), Store::Mode::ReadOnly);
    try {
        s.load();
        FAIL("loaded an edge to a missing node");
    } catch (const StoreError& e) {
        std::string msg = e.what();
        CHECK(msg.find("damaged store") != std::string::npos);
        CHECK(msg.find("A/RES/1/1") != std::string::npos);
        CHECK(msg.find(t.path.string()) != std::string::npos);
    }
}

TEST_CASE("store reads a version-1 store and marks it 2 when written", "[store]") {
    TempStore t("version-1");
    { Store s(t.path.string()); }
    auto version = [&] {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(t.path.string().c_str(), &db) == SQLITE_OK);
        std::string v;
        sqlite3_stmt* q = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='schema_version'", -1, &q,
                                   nullptr) == SQLITE_OK);
        if (sqlite3_step(q) == SQLITE_ROW) {
            v = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
        }
        sqlite3_finalize(q);
        sqlite3_close(db);
        return v;
    };
    CHECK(version() == "2");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(t.path.string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE meta SET value='1' WHERE key='schema_version'", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    { Store s(t.path.string(), Store::Mode::ReadOnly); }
    CHECK(version() == "1"); // reading changes nothing
    { Store s(t.path.string()); }
    CHECK(version() == "2");
}

TEST_CASE("store rejects a schema from another version", "[store]") {
    TempStore t("newer-schema");
    { Store s(t.path.string()); }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(t.path.string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE meta SET value='99' WHERE key='schema_version'", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    try {
        Store s(t.path.string());
        FAIL("opened a store with schema version 99");
    } catch (const StoreError& e) {
        std::string msg = e.what();
        CHECK(msg.find("99") != std::string::npos);
        CHECK(msg.find("newer") != std::string::npos);
        CHECK(msg.find(t.path.string()) != std::string::npos);
    }
}

TEST_CASE("store stats on an empty store are zero", "[store]") {
    TempStore t("empty");
    Store s(t.path.string());
    auto st = s.stats();
    CHECK(st.documents == 0);
    CHECK(st.nodes == 0);
    CHECK(st.edges == 0);
    CHECK(s.load().num_nodes() == 0);
}

TEST_CASE("store stats list the dates that their symbol's session cannot bear", "[store]") {
    TempStore t("contradictions");
    Store s(t.str());
    ImportBatch b = sample_batch();
    for (auto& n : b.nodes) {
        if (n.id == "A/RES/60/1") {
            n.date = "2016-03-23"; // session 60 ran from September 2005 to September 2006
        }
    }
    s.import(b);
    auto st = s.stats();
    REQUIRE(st.date_contradictions.size() == 1);
    CHECK(st.date_contradictions[0].first == "A/RES/60/1");
    CHECK(st.date_contradictions[0].second == "2016-03-23");
    ImportBatch ok = sample_batch("A/RES/68/194");
    s.import(ok); // 68/193's own date (2013-12-18) and the cited ones fit their sessions
    CHECK(s.stats().date_contradictions.size() == 1);
}
