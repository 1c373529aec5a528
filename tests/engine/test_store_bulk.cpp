// The store's write path: the node and name upsert rules, bulk import_all into an empty or a
// filled store (secondary indexes rebuilt in the transaction), and the integrity of what it
// writes (every edge's nodes and document exist; a failed import changes nothing).
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/store.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <functional>
#include <sqlite3.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace citegraph;
using namespace citegraph::testing;
namespace fs = std::filesystem;

namespace {

// Stores of this file are named bulk-*.
struct BulkStore : TempStore {
    explicit BulkStore(const std::string& name) : TempStore("bulk-" + name) {}
};

// Direct SQL on a store file (a second connection, as another process would see it).
class Raw {
  public:
    explicit Raw(const std::string& path) {
        REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    }
    ~Raw() { sqlite3_close(db_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;

    // The rows of a query, each row's columns joined with '|'.
    std::vector<std::string> rows(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        std::vector<std::string> out;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string row;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
                row += (i ? "|" : "") + std::string(p ? p : "NULL");
            }
            out.push_back(row);
        }
        sqlite3_finalize(st);
        return out;
    }
    std::string one(const std::string& sql) {
        auto r = rows(sql);
        REQUIRE(r.size() == 1);
        return r[0];
    }
    long long count(const std::string& table) {
        return std::stoll(one("SELECT count(*) FROM " + table));
    }

  private:
    sqlite3* db_ = nullptr;
};

// Every row of every table, in a fixed order: two stores with the same content compare equal.
std::vector<std::string> dump(const std::string& path) {
    Raw r(path);
    std::vector<std::string> out;
    for (const char* q :
         {"SELECT * FROM nodes ORDER BY id", "SELECT * FROM names ORDER BY node_id, lang",
          "SELECT * FROM documents ORDER BY doc_id, lang",
          "SELECT * FROM paragraphs ORDER BY doc_id, lang, seq",
          "SELECT source, target, relation, role, doc_id, lang, paragraph, span_start, span_end, "
          "text FROM edges ORDER BY doc_id, lang, id"}) {
        auto rows = r.rows(q);
        out.push_back(std::string("-- ") + q);
        out.insert(out.end(), rows.begin(), rows.end());
    }
    return out;
}

// The store's three secondary indexes on edges, as sqlite_master lists them.
std::vector<std::string> edge_indexes(const std::string& path) {
    Raw r(path);
    return r.rows("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='edges' "
                  "AND sql IS NOT NULL ORDER BY name");
}

const std::vector<std::string> kEdgeIndexes = {
    "edges_by_doc|CREATE INDEX edges_by_doc ON edges(doc_id, lang)",
    "edges_by_source|CREATE INDEX edges_by_source ON edges(source)",
    "edges_by_target|CREATE INDEX edges_by_target ON edges(target)"};

// A document `doc` citing `n` works A/RES/<doc#>/<i> (some shared with other documents).
ImportBatch numbered_batch(int doc, int n, const std::string& lang = "en") {
    ImportBatch b;
    const std::string id = "A/RES/70/" + std::to_string(doc);
    b.document.id = id;
    b.document.language = lang;
    b.document.source = "doc" + std::to_string(doc) + ".txt";
    b.document.paragraphs = {{"pp1", 0, 10, "Recalling ..."}, {"op1", 10, 20, "Requests ..."}};
    NodeRecord self = node(id, NodeKind::Resolution, "Title " + std::to_string(doc));
    self.session = "70";
    b.nodes.push_back(self);
    for (int i = 0; i < n; ++i) {
        const std::string t = "A/RES/60/" + std::to_string((doc * 7 + i) % 50);
        b.nodes.push_back(node(t, NodeKind::Resolution));
        b.edges.push_back(edge(id, t, i % 2 ? Relation::recalls : Relation::reaffirms, Role::object,
                               i % 2 ? "pp1" : "op1", lang, static_cast<std::uint32_t>(i),
                               static_cast<std::uint32_t>(i + 1)));
    }
    return b;
}

} // namespace

TEST_CASE("store upserts: a cited work fills in what is unknown, a document's own record wins",
          "[store]") {
    BulkStore t("upsert");
    Store s(t.str());
    Raw r(t.str());
    const std::string x = "A/RES/60/1";
    const std::string cols = "SELECT kind, symbol, date, body, session, unts_volume, unts_number "
                             "FROM nodes WHERE id='" +
                             x + "'";
    auto name = [&](const std::string& lang) {
        return r.one("SELECT name FROM names WHERE node_id='" + x + "' AND lang='" + lang + "'");
    };
    // A citing document whose batch carries `x` as changed by `edit`.
    int citing = 200;
    auto cite = [&](const std::function<void(NodeRecord&)>& edit) {
        ImportBatch b = sample_batch("A/RES/68/" + std::to_string(citing++));
        for (auto& n : b.nodes) {
            if (n.id == x) {
                edit(n);
            }
        }
        s.import(b);
    };

    cite([](NodeRecord&) {});
    CHECK(r.one(cols) == "Resolution||||||");

    // Each empty field is filled in by the first citation that knows it, one at a time.
    std::vector<std::pair<std::string NodeRecord::*, std::string>> fields = {
        {&NodeRecord::symbol, "A/RES/60/1"}, {&NodeRecord::date, "2005-09-16"},
        {&NodeRecord::body, "body:ga"},      {&NodeRecord::session, "60"},
        {&NodeRecord::unts_volume, "1"},     {&NodeRecord::unts_number, "2"}};
    std::vector<std::string> known;
    for (const auto& [field, value] : fields) {
        cite([&, field = field, value = value](NodeRecord& n) { n.*field = value; });
        known.push_back(value);
        std::string row = "Resolution";
        for (std::size_t i = 0; i < fields.size(); ++i) {
            row += "|" + (i < known.size() ? known[i] : std::string());
        }
        CHECK(r.one(cols) == row);
    }
    cite([](NodeRecord& n) { n.names["fr"] = "Document final"; });
    CHECK(name("fr") == "Document final");

    // A citation never overwrites what is known (a field at a time and all at once), except
    // that of two cited dates the earlier is kept (so the date does not depend on the order
    // of imports); a name is replaced by the latest one.
    for (const auto& [field, value] : fields) {
        cite([field = field](NodeRecord& n) { n.*field = "other"; });
    }
    cite([](NodeRecord& n) {
        n.kind = NodeKind::Decision;
        n.date = "2011-01-01";
        n.session = "99";
        n.names["fr"] = "Document final du Sommet";
    });
    CHECK(r.one(cols) == "Resolution|A/RES/60/1|2005-09-16|body:ga|60|1|2");
    CHECK(name("fr") == "Document final du Sommet");
    cite([](NodeRecord& n) { n.date = "2005-09-15"; });
    CHECK(r.one(cols) == "Resolution|A/RES/60/1|2005-09-15|body:ga|60|1|2");
    cite([](NodeRecord& n) { n.date = "2005-09-16"; });
    CHECK(r.one(cols) == "Resolution|A/RES/60/1|2005-09-15|body:ga|60|1|2");

    // The work imported as a document: its own kind, symbol, date, body and session win, each
    // on its own; an empty own field keeps the stored value; the UNTS fields stay as they are.
    ImportBatch own;
    own.document.id = x;
    own.document.language = "en";
    own.document.source = "x.txt";
    own.nodes = {node(x, NodeKind::Resolution, "2005 World Summit Outcome")};
    own.nodes[0].unts_volume = "9";
    own.nodes[0].unts_number = "9";
    s.import(own);
    CHECK(r.one(cols) == "Resolution|A/RES/60/1|2005-09-15|body:ga|60|1|2");
    CHECK(name("en") == "2005 World Summit Outcome");
    own.nodes[0].kind = NodeKind::Decision;
    s.import(own);
    CHECK(r.one(cols) == "Decision|A/RES/60/1|2005-09-15|body:ga|60|1|2");
    own.nodes[0].symbol = "A/RES/60/1*";
    s.import(own);
    CHECK(r.one(cols) == "Decision|A/RES/60/1*|2005-09-15|body:ga|60|1|2");
    own.nodes[0].date = "2005-10-24";
    s.import(own);
    CHECK(r.one(cols) == "Decision|A/RES/60/1*|2005-10-24|body:ga|60|1|2");
    own.nodes[0].body = "body:sc";
    s.import(own);
    CHECK(r.one(cols) == "Decision|A/RES/60/1*|2005-10-24|body:sc|60|1|2");
    own.nodes[0].session = "61";
    s.import(own);
    CHECK(r.one(cols) == "Decision|A/RES/60/1*|2005-10-24|body:sc|61|1|2");
    s.import(own); // the same record again changes nothing
    CHECK(r.one(cols) == "Decision|A/RES/60/1*|2005-10-24|body:sc|61|1|2");
    // Once imported as a document, an earlier cited date does not replace its own.
    cite([](NodeRecord& n) { n.date = "2001-01-01"; });
    CHECK(r.one(cols) == "Decision|A/RES/60/1*|2005-10-24|body:sc|61|1|2");
    own.nodes[0].names["en"] = "Outcome";
    s.import(own);
    CHECK(name("en") == "Outcome");
}

TEST_CASE("store upserts: a cited work's date does not depend on the order of imports", "[store]") {
    const std::string x = "A/RES/60/1";
    auto citing = [&](int n, const std::string& date) {
        ImportBatch b = sample_batch("A/RES/68/" + std::to_string(n));
        for (auto& node : b.nodes) {
            if (node.id == x) {
                node.date = date;
            }
        }
        return b;
    };
    const std::vector<ImportBatch> batches = {citing(301, "2005-09-16"), citing(302, "2005-09-14"),
                                              citing(303, "2005-10-24")};
    std::vector<std::string> dates;
    for (const std::vector<int>& order :
         {std::vector<int>{0, 1, 2}, std::vector<int>{2, 1, 0}, std::vector<int>{1, 2, 0}}) {
        BulkStore t("date-order-" + std::to_string(order.front()));
        {
            Store s(t.str());
            for (int i : order) {
                s.import(batches[static_cast<std::size_t>(i)]);
            }
        }
        dates.push_back(Raw(t.str()).one("SELECT date FROM nodes WHERE id='" + x + "'"));
    }
    CHECK(dates == std::vector<std::string>{"2005-09-14", "2005-09-14", "2005-09-14"});
}

namespace {

// Per-document imports: the reference for what import_all must write.
void import_each(const std::string& path, const std::vector<ImportBatch>& batches) {
    Store s(path);
    for (const auto& b : batches) {
        s.import(b);
    }
}

std::vector<ImportBatch> corpus(int first, int count, int cites) {
    std::vector<ImportBatch> out;
    for (int d = first; d < first + count; ++d) {
        out.push_back(numbered_batch(d, cites + d % 5));
    }
    return out;
}

void check_sound(const std::string& path) {
    Raw r(path);
    CHECK(r.one("PRAGMA integrity_check") == "ok");
    CHECK(r.rows("PRAGMA foreign_key_check").empty());
    CHECK(edge_indexes(path) == kEdgeIndexes);
    // The query planner uses them (a rebuilt index is a real index, not just a name).
    CHECK(
        r.one("EXPLAIN QUERY PLAN SELECT id FROM edges WHERE target='x'").find("edges_by_target") !=
        std::string::npos);
    CHECK(
        r.one("EXPLAIN QUERY PLAN SELECT id FROM edges WHERE source='x'").find("edges_by_source") !=
        std::string::npos);
    CHECK(r.one("EXPLAIN QUERY PLAN SELECT id FROM edges WHERE doc_id='x' AND lang='en'")
              .find("edges_by_doc") != std::string::npos);
}

} // namespace

TEST_CASE("store import_all into an empty store writes what per-document imports write",
          "[store]") {
    BulkStore bulk("empty-bulk"), each("empty-each");
    std::vector<ImportBatch> batches = corpus(1, 40, 30);
    batches.push_back(numbered_batch(7, 12, "fr")); // another language version
    batches.push_back(numbered_batch(3, 9));        // a re-import in the same call: replaces
    batches.push_back(numbered_batch(41, 0));       // a document without edges
    {
        Store s(bulk.str());
        s.import_all(batches);
    }
    import_each(each.str(), batches);
    CHECK(dump(bulk.str()) == dump(each.str()));
    check_sound(bulk.str());
    Raw r(bulk.str());
    CHECK(r.count("documents") == 42);
    CHECK(r.one("SELECT count(*) FROM edges WHERE doc_id='A/RES/70/3'") == "9");
    CHECK(Store(bulk.str(), Store::Mode::ReadOnly).load().num_edges() ==
          static_cast<std::size_t>(r.count("edges")));
}

TEST_CASE("store import_all into a filled store, with fewer or more stored edges than incoming",
          "[store]") {
    // Fewer stored than incoming: the source and target indexes are rebuilt, edges_by_doc
    // serves the replacement of documents already stored.
    // More stored than incoming: every index is kept up to date row by row.
    const auto first = corpus(1, 3, 30);
    const auto big = corpus(1, 40, 30);  // re-imports 1..3, adds 4..40
    const auto small = corpus(39, 4, 5); // re-imports 39, 40, adds 41, 42
    for (bool more_stored : {false, true}) {
        INFO("more stored than incoming: " << more_stored);
        BulkStore bulk("filled-bulk"), each("filled-each");
        std::vector<ImportBatch> before = more_stored ? big : first;
        std::vector<ImportBatch> batches = more_stored ? small : big;
        import_each(bulk.str(), before);
        {
            Store s(bulk.str());
            s.import_all(batches);
        }
        import_each(each.str(), before);
        import_each(each.str(), batches);
        CHECK(dump(bulk.str()) == dump(each.str()));
        check_sound(bulk.str());
        CHECK(Raw(bulk.str()).count("documents") == (more_stored ? 42 : 40));
    }
}

TEST_CASE("store import_all that fails leaves the store and its indexes unchanged", "[store]") {
    for (bool empty : {true, false}) {
        INFO("empty store: " << empty);
        BulkStore t("fail");
        { Store created(t.str()); }
        if (!empty) {
            import_each(t.str(), corpus(1, 3, 30));
        }
        const auto before = dump(t.str());
        std::vector<ImportBatch> batches = corpus(2, 30, 30);
        // The last document cites a work that is neither in its batch nor in the store.
        batches.back().edges.push_back(
            edge(batches.back().document.id, "A/RES/1/1", Relation::recalls, Role::object, "pp1"));
        {
            Store s(t.str());
            CHECK_THROWS_AS(s.import_all(batches), StoreError);
            // The same connection goes on working, with its indexes.
            s.import(numbered_batch(50, 3));
        }
        check_sound(t.str());
        auto after = dump(t.str());
        Raw r(t.str());
        CHECK(r.count("documents") == (empty ? 1 : 4));
        CHECK(r.count("edges") == (empty ? 3 : 3 + 31 + 32 + 33));
        BulkStore ref("fail-ref");
        if (!empty) {
            import_each(ref.str(), corpus(1, 3, 30));
        }
        import_each(ref.str(), {numbered_batch(50, 3)});
        CHECK(after == dump(ref.str()));
        CHECK(before.size() <= after.size());
    }
}

TEST_CASE("store import_all killed before its commit leaves the store as it was", "[store]") {
    // A bulk import larger than its page cache writes frames into the WAL before it commits
    // (with its indexes dropped); a process killed then must leave the store as it was.
    BulkStore t("killed");
    import_each(t.str(), corpus(1, 2, 10));
    const auto before = dump(t.str());
    std::vector<ImportBatch> batches = corpus(3, 200, 400);
    for (auto& b : batches) {
        for (auto& e : b.edges) {
            e.prov.text = std::string(1000, 'x') + e.prov.text;
        }
    }
    const std::string wal = t.str() + "-wal";
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            Store s(t.str());
            s.import_all(batches);
        } catch (...) {
            _exit(3);
        }
        _exit(0);
    }
    // Kill it once the WAL holds 8 MB more than the committed state, i.e. mid-transaction.
    bool killed = false;
    for (int i = 0; i < 60000; ++i) {
        std::error_code ec;
        auto size = fs::file_size(wal, ec);
        if (!ec && size > (8u << 20)) {
            kill(child, SIGKILL);
            killed = true;
            break;
        }
        int status = 0;
        if (waitpid(child, &status, WNOHANG) == child) {
            child = -1;
            break;
        }
        usleep(1000);
    }
    if (child > 0) {
        int status = 0;
        waitpid(child, &status, 0);
        CHECK((!killed || (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)));
    }
    REQUIRE(killed); // else the import committed before 8 MB of WAL: the test proves nothing
    CHECK(dump(t.str()) == before);
    check_sound(t.str());
    // The store takes the same import afterwards.
    {
        Store s(t.str());
        s.import_all(batches);
    }
    check_sound(t.str());
    CHECK(Raw(t.str()).count("documents") == 202);
}

TEST_CASE("store keeps its foreign keys: an edge's nodes and a document's node must exist",
          "[store]") {
    // import keeps SQLite's checks as well, import_all relies on the store's own ones.
    for (bool bulk : {false, true}) {
        INFO("import_all: " << bulk);
        BulkStore t("fk");
        Store s(t.str());
        s.import(sample_batch()); // stores A/RES/46/152, A/RES/60/1, body:unodc
        auto write = [&](const std::vector<ImportBatch>& batches) {
            if (bulk) {
                s.import_all(batches);
            } else {
                for (const auto& b : batches) {
                    s.import(b);
                }
            }
        };
        auto bare = [](const std::string& id) {
            ImportBatch b;
            b.document.id = id;
            b.document.language = "en";
            b.document.source = "bare.txt";
            b.nodes = {node(id, NodeKind::Resolution)};
            return b;
        };

        // Accepted: a cited node only in the store; a node of an earlier batch of the same
        // call; a document whose own node is only in the store; an edge whose source is
        // another stored node.
        ImportBatch cites_stored = bare("A/RES/70/1");
        cites_stored.edges = {
            edge("A/RES/70/1", "A/RES/46/152", Relation::recalls, Role::object, "pp1")};
        ImportBatch brings = bare("A/RES/70/2");
        brings.nodes.push_back(node("A/RES/99/9", NodeKind::Resolution));
        brings.edges = {edge("A/RES/70/2", "A/RES/99/9", Relation::recalls, Role::object, "pp1")};
        ImportBatch cites_earlier = bare("A/RES/70/3");
        cites_earlier.edges = {
            edge("A/RES/70/3", "A/RES/99/9", Relation::recalls, Role::object, "pp1")};
        ImportBatch own_stored = bare("A/RES/60/1");
        own_stored.nodes.clear();
        ImportBatch other_source = bare("A/RES/70/4");
        other_source.edges = {
            edge("body:unodc", "A/RES/60/1", Relation::requests, Role::addressee, "op1")};
        other_source.edges[0].prov.document = "A/RES/70/4";
        write({cites_stored, brings, cites_earlier, own_stored, other_source});
        CHECK(s.stats().documents == 6);
        CHECK(s.stats().edges == 3 + 4);

        // Refused, with the store unchanged: a target, a source or a document node that is
        // neither in its batch nor in the store (after a good batch in the same call).
        const auto before = dump(t.str());
        ImportBatch good = bare("A/RES/70/5");
        ImportBatch no_target = bare("A/RES/70/6");
        no_target.edges = {edge("A/RES/70/6", "A/RES/1/1", Relation::recalls, Role::object, "pp1")};
        ImportBatch no_source = bare("A/RES/70/7");
        no_source.edges = {
            edge("body:nowhere", "A/RES/60/1", Relation::requests, Role::addressee, "op1")};
        no_source.edges[0].prov.document = "A/RES/70/7";
        ImportBatch no_node = bare("A/RES/70/8");
        no_node.nodes.clear();
        for (const auto& [bad, missing] : std::vector<std::pair<ImportBatch, std::string>>{
                 {no_target, "A/RES/1/1"}, {no_source, "body:nowhere"}, {no_node, "A/RES/70/8"}}) {
            INFO("missing " << missing);
            try {
                if (bulk) {
                    s.import_all({good, bad});
                } else {
                    s.import(bad);
                }
                FAIL("imported a batch naming a node that exists nowhere");
            } catch (const StoreError& e) {
                CHECK(std::string(e.what()).find("node " + missing +
                                                 " is neither in its batch "
                                                 "nor in the store") != std::string::npos);
            }
            CHECK(dump(t.str()) == before);
        }
        check_sound(t.str());
    }
}

TEST_CASE("store writes every paragraph, edge, node and name of a batch, in order, for any count",
          "[store]") {
    // Rows go in by multi-row INSERTs of 16, 8, 4, 2 and 1: every count from 0 to 40 uses a
    // different mix. The rows read back must be the batch's, in its order.
    BulkStore t("counts");
    Store s(t.str());
    std::vector<ImportBatch> batches;
    for (int n = 0; n <= 40; ++n) {
        ImportBatch b = numbered_batch(100 + n, 0);
        const std::string& id = b.document.id;
        b.document.paragraphs.clear();
        for (int i = 0; i < n; ++i) {
            const auto k = static_cast<std::uint32_t>(i);
            b.document.paragraphs.push_back(
                {"op" + std::to_string(i + 1), 10 * k, 10 * k + 9, "text " + std::to_string(i)});
            const std::string target = "A/RES/" + std::to_string(n) + "/" + std::to_string(i);
            NodeRecord cited = node(target, NodeKind::Resolution, "name " + target);
            cited.names["fr"] = "nom " + target;
            cited.date = "2000-01-" + std::to_string(10 + i % 20);
            b.nodes.push_back(cited);
            b.edges.push_back(edge(id, target, Relation::recalls, Role::object,
                                   "op" + std::to_string(i + 1), "en", k, k + 1));
        }
        batches.push_back(b);
    }
    SECTION("import") {
        for (const auto& b : batches) {
            s.import(b);
        }
    }
    SECTION("import_all") {
        s.import_all(batches);
    }
    Raw r(t.str());
    for (const auto& b : batches) {
        const std::string& id = b.document.id;
        INFO(id << ": " << b.document.paragraphs.size() << " rows each");
        auto pars = s.paragraphs(id, "en");
        REQUIRE(pars.size() == b.document.paragraphs.size());
        for (std::size_t i = 0; i < pars.size(); ++i) {
            CHECK(pars[i].label == b.document.paragraphs[i].label);
            CHECK(pars[i].span_begin == b.document.paragraphs[i].span_begin);
            CHECK(pars[i].span_end == b.document.paragraphs[i].span_end);
            CHECK(pars[i].text == b.document.paragraphs[i].text);
        }
        auto edges = r.rows("SELECT source, target, paragraph, span_start, span_end, text FROM "
                            "edges WHERE doc_id='" +
                            id + "' ORDER BY id");
        REQUIRE(edges.size() == b.edges.size());
        for (std::size_t i = 0; i < edges.size(); ++i) {
            const auto& e = b.edges[i];
            CHECK(edges[i] == e.source + "|" + e.target + "|" + e.prov.paragraph + "|" +
                                  std::to_string(e.prov.span_begin) + "|" +
                                  std::to_string(e.prov.span_end) + "|" + e.prov.text);
        }
        for (const auto& n : b.nodes) {
            CHECK(r.one("SELECT kind, date FROM nodes WHERE id='" + n.id + "'") ==
                  std::string(to_string(n.kind)) + "|" + n.date);
            std::vector<std::string> names;
            for (const auto& [lang, name] : n.names) {
                names.push_back(lang + "|" + name);
            }
            CHECK(r.rows("SELECT lang, name FROM names WHERE node_id='" + n.id +
                         "' ORDER BY lang") == names);
        }
    }
    CHECK(r.count("edges") == 40 * 41 / 2);
    CHECK(r.count("paragraphs") == 40 * 41 / 2);
}

TEST_CASE("store Bulk: groups of documents write what per-document imports write", "[store]") {
    BulkStore grouped("bulk-groups"), each("bulk-groups-each");
    std::vector<ImportBatch> batches = corpus(1, 20, 10);
    batches.push_back(numbered_batch(7, 12, "fr")); // another language version
    batches.push_back(numbered_batch(3, 9));        // a re-import in the same group: replaces
    {
        Store s(grouped.str());
        Store::Bulk bulk(s);
        for (std::size_t i = 0; i < batches.size(); ++i) {
            bulk.add(batches[i]);
            CHECK(bulk.pending() == i % 8 + 1);
            if (i % 8 == 7) {
                bulk.commit(); // groups of 8
                CHECK(bulk.pending() == 0);
            }
        }
        bulk.commit();
        bulk.commit(); // nothing pending: no-op
    }
    import_each(each.str(), batches);
    CHECK(dump(grouped.str()) == dump(each.str()));
    check_sound(grouped.str());
}

TEST_CASE("store Bulk: what is not committed is rolled back, a failed document drops its group",
          "[store]") {
    BulkStore t("bulk-rollback");
    import_each(t.str(), corpus(1, 3, 10));
    const auto before = dump(t.str());
    {
        Store s(t.str());
        Store::Bulk bulk(s);
        bulk.add(numbered_batch(10, 4));
        bulk.add(numbered_batch(11, 4));
        CHECK(bulk.pending() == 2);
        // A reader (another connection) sees none of it before the commit.
        CHECK(dump(t.str()) == before);
    } // ends without a commit
    CHECK(dump(t.str()) == before);

    Store s(t.str());
    {
        Store::Bulk bulk(s);
        bulk.add(numbered_batch(10, 4));
        ImportBatch bad = numbered_batch(11, 4);
        bad.edges.push_back(edge(bad.document.id, "A/RES/1/1", Relation::recalls, Role::object,
                                 "pp1")); // a node neither in the batch nor in the store
        CHECK_THROWS_AS(bulk.add(bad), StoreError);
        CHECK(bulk.pending() == 0); // the group is gone, document 10 too
        bulk.commit();              // nothing to commit
        CHECK(dump(t.str()) == before);
        // The same Bulk and connection go on: a new group.
        bulk.add(numbered_batch(12, 4));
        bulk.commit();
    }
    s.import(numbered_batch(13, 2)); // and per-document imports after it
    BulkStore ref("bulk-rollback-ref");
    import_each(ref.str(), corpus(1, 3, 10));
    import_each(ref.str(), {numbered_batch(12, 4), numbered_batch(13, 2)});
    CHECK(dump(t.str()) == dump(ref.str()));
    check_sound(t.str());
}
