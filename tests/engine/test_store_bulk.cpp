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

struct TempStore {
    fs::path path;
    explicit TempStore(const std::string& name) {
        path = fs::path(CITEGRAPH_BINARY_DIR) / "test-stores" / ("bulk-" + name + ".db");
        fs::create_directories(path.parent_path());
        clean();
    }
    ~TempStore() { clean(); }
    void clean() const {
        for (auto suffix : {"", "-wal", "-shm"}) {
            fs::remove(path.string() + suffix);
        }
    }
    std::string str() const { return path.string(); }
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

} // namespace

TEST_CASE("store upserts: a cited work fills in what is unknown, a document's own record wins",
          "[store]") {
    TempStore t("upsert");
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

    // A citation never overwrites what is known (a field at a time and all at once); a name is
    // replaced by the latest one.
    for (const auto& [field, value] : fields) {
        cite([field = field](NodeRecord& n) { n.*field = "other"; });
    }
    cite([](NodeRecord& n) {
        n.kind = NodeKind::Decision;
        n.date = "1999-01-01";
        n.session = "99";
        n.names["fr"] = "Document final du Sommet";
    });
    CHECK(r.one(cols) == "Resolution|A/RES/60/1|2005-09-16|body:ga|60|1|2");
    CHECK(name("fr") == "Document final du Sommet");

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
    CHECK(r.one(cols) == "Resolution|A/RES/60/1|2005-09-16|body:ga|60|1|2");
    CHECK(name("en") == "2005 World Summit Outcome");
    own.nodes[0].kind = NodeKind::Decision;
    s.import(own);
    CHECK(r.one(cols) == "Decision|A/RES/60/1|2005-09-16|body:ga|60|1|2");
    own.nodes[0].symbol = "A/RES/60/1*";
    s.import(own);
    CHECK(r.one(cols) == "Decision|A/RES/60/1*|2005-09-16|body:ga|60|1|2");
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
    own.nodes[0].names["en"] = "Outcome";
    s.import(own);
    CHECK(name("en") == "Outcome");
}
