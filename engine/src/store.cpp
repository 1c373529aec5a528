#include "citegraph/engine/store.hpp"

#include "citegraph/engine/error.hpp"
#include "citegraph/engine/symbol.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <system_error>

namespace citegraph {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes(
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, symbol TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', session TEXT NOT NULL DEFAULT '',
  unts_volume TEXT NOT NULL DEFAULT '', unts_number TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS names(
  node_id TEXT NOT NULL REFERENCES nodes(id), lang TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY(node_id, lang));
CREATE TABLE IF NOT EXISTS documents(
  doc_id TEXT NOT NULL REFERENCES nodes(id), lang TEXT NOT NULL, source TEXT NOT NULL,
  agenda_item TEXT NOT NULL DEFAULT '', meeting TEXT NOT NULL DEFAULT '',
  paragraphs INTEGER NOT NULL, edges INTEGER NOT NULL, PRIMARY KEY(doc_id, lang));
CREATE TABLE IF NOT EXISTS paragraphs(
  doc_id TEXT NOT NULL, lang TEXT NOT NULL, seq INTEGER NOT NULL, label TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY(doc_id, lang, seq), FOREIGN KEY(doc_id, lang) REFERENCES documents(doc_id, lang));
CREATE TABLE IF NOT EXISTS edges(
  id INTEGER PRIMARY KEY, source TEXT NOT NULL REFERENCES nodes(id),
  target TEXT NOT NULL REFERENCES nodes(id), relation TEXT NOT NULL, role TEXT NOT NULL,
  doc_id TEXT NOT NULL, lang TEXT NOT NULL, paragraph TEXT NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  FOREIGN KEY(doc_id, lang) REFERENCES documents(doc_id, lang));
)sql";

// The secondary indexes on edges (part of the schema). A bulk import may drop and rebuild them
// inside its transaction, see Store::import_all.
struct EdgeIndex {
    const char* name;
    const char* create;
};
constexpr EdgeIndex kEdgeIndexes[] = {
    {"edges_by_doc", "CREATE INDEX IF NOT EXISTS edges_by_doc ON edges(doc_id, lang)"},
    {"edges_by_source", "CREATE INDEX IF NOT EXISTS edges_by_source ON edges(source)"},
    {"edges_by_target", "CREATE INDEX IF NOT EXISTS edges_by_target ON edges(target)"},
};

// A prepared statement that finalizes itself. Text is bound without a copy (SQLITE_STATIC): the
// bound bytes must outlive the statement's use, i.e. stay alive until run() returns (a chained
// bind(...).run() on temporaries is fine) or, for a query, until its last step().
class Stmt {
  public:
    Stmt(sqlite3* db, const std::string& path, const char* sql) : db_(db), path_(path) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
            throw StoreError(path, std::string("cannot prepare statement: ") + sqlite3_errmsg(db));
        }
    }
    ~Stmt() { sqlite3_finalize(stmt_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, const std::string& s) {
        sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
        return *this;
    }
    Stmt& bind(int i, std::string_view s) {
        sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
        return *this;
    }
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    // True while a row is available.
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            std::string msg = std::string("SQLite error: ") + sqlite3_errmsg(db_);
            // Leave the statement ready for its next use (statements are cached).
            sqlite3_reset(stmt_);
            sqlite3_clear_bindings(stmt_);
            throw StoreError(path_, msg);
        }
        return false;
    }
    void run() {
        step();
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    // Whether the query has a row; the statement is reset for its next use.
    bool exists() {
        bool row = step();
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
        return row;
    }
    std::string text(int col) const {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string();
    }
    // The column's text without a copy, valid until the next step().
    std::string_view view(int col) const {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string_view();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    // Ready for the next bind and step.
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

  private:
    sqlite3* db_;
    const std::string& path_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Multi-row INSERTs of one table: statements of 16, 8, 4, 2 and 1 rows, prepared on first use.
// n rows go in as n/16 statements of 16 and at most one of each smaller size, which spreads a
// statement's fixed cost (opening and closing the table's and indexes' cursors, the
// transaction checks) over its rows.
class MultiInsert {
  public:
    // `head`: "INSERT INTO t(c1, ..., cN)"; `cols`: N.
    MultiInsert(sqlite3* db, const std::string& path, std::string head, int cols,
                std::string tail = "")
        : db_(db), path_(path), head_(std::move(head)), tail_(std::move(tail)), cols_(cols) {}

    // Inserts rows [0, n): bind_row(stmt, offset, i) binds row i's values to parameters
    // offset+1 .. offset+cols.
    template <class BindRow> void insert(std::size_t n, BindRow&& bind_row) {
        std::size_t i = 0;
        for (int k = kSizes - 1; k >= 0; --k) {
            const std::size_t rows = std::size_t{1} << k;
            while (n - i >= rows) {
                Stmt& st = statement(k);
                for (std::size_t r = 0; r < rows; ++r) {
                    bind_row(st, static_cast<int>(r) * cols_, i + r);
                }
                st.run();
                i += rows;
            }
        }
    }

  private:
    static constexpr int kSizes = 5; // 1, 2, 4, 8, 16 rows
    Stmt& statement(int k) {
        auto& st = stmts_[static_cast<std::size_t>(k)];
        if (!st) {
            std::string sql = head_ + " VALUES ";
            for (int r = 0; r < (1 << k); ++r) {
                sql += r == 0 ? "(" : ", (";
                for (int c = 0; c < cols_; ++c) {
                    sql += c == 0 ? "?" : ", ?";
                }
                sql += ")";
            }
            sql += tail_;
            st = std::make_unique<Stmt>(db_, path_, sql.c_str());
        }
        return *st;
    }
    sqlite3* db_;
    const std::string& path_;
    std::string head_;
    std::string tail_;
    int cols_;
    std::unique_ptr<Stmt> stmts_[kSizes];
};

// Rolls back unless committed.
class Transaction {
  public:
    Transaction(sqlite3* db, const std::string& path) : db_(db), path_(path) {
        exec("BEGIN IMMEDIATE");
    }
    ~Transaction() {
        if (!done_) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }
    void commit() {
        exec("COMMIT");
        done_ = true;
    }

  private:
    void exec(const char* sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            std::string msg = err ? err : "unknown error";
            sqlite3_free(err);
            throw StoreError(path_, std::string(sql) + " failed: " + msg);
        }
    }
    sqlite3* db_;
    const std::string& path_;
    bool done_ = false;
};

// A larger page cache for the life of a bulk import: with SQLite's default 2 MB, the pages of
// a large transaction spill into the WAL before the commit and are read back from it (the
// index builds of Store::import_all read the whole edges table). Memory is allocated as pages
// are used; the previous size is restored at scope exit.
class BulkCache {
  public:
    explicit BulkCache(sqlite3* db) : db_(db) {
        sqlite3_stmt* q = nullptr;
        if (sqlite3_prepare_v2(db_, "PRAGMA cache_size", -1, &q, nullptr) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW) {
            previous_ = sqlite3_column_int64(q, 0);
        }
        sqlite3_finalize(q);
        // Negative sizes are KiB, positive ones pages: compare both as bytes (4 KiB pages).
        const std::int64_t bytes = previous_ < 0 ? -previous_ * 1024 : previous_ * 4096;
        if (previous_ != 0 && bytes < kKiB * 1024) {
            set(-kKiB);
            raised_ = true;
        }
    }
    ~BulkCache() {
        if (raised_) {
            set(previous_);
        }
    }
    BulkCache(const BulkCache&) = delete;
    BulkCache& operator=(const BulkCache&) = delete;

  private:
    static constexpr std::int64_t kKiB = 64 * 1024; // 64 MiB
    void set(std::int64_t size) {
        sqlite3_exec(db_, ("PRAGMA cache_size=" + std::to_string(size)).c_str(), nullptr, nullptr,
                     nullptr);
    }
    sqlite3* db_;
    std::int64_t previous_ = 0;
    bool raised_ = false;
};

// SQLite's foreign-key checks off for the life of a bulk import (see Store::require_node for
// how the store keeps them). Switched outside any transaction, where the pragma takes effect;
// each switch makes the cached statements re-prepare once, so Store::import keeps SQLite's
// checks and only import_all, one switch per bulk, does without them.
class ForeignKeysByStore {
  public:
    explicit ForeignKeysByStore(sqlite3* db) : db_(db) {
        sqlite3_exec(db_, "PRAGMA foreign_keys=OFF", nullptr, nullptr, nullptr);
    }
    ~ForeignKeysByStore() {
        sqlite3_exec(db_, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    }
    ForeignKeysByStore(const ForeignKeysByStore&) = delete;
    ForeignKeysByStore& operator=(const ForeignKeysByStore&) = delete;

  private:
    sqlite3* db_;
};

// One read snapshot for several SELECTs (WAL): without it, a commit by another process between
// two statements of load() gives edges whose nodes were not read. Ends at scope exit.
class ReadSnapshot {
  public:
    explicit ReadSnapshot(sqlite3* db) : db_(db) {
        active_ = sqlite3_get_autocommit(db_) != 0 &&
                  sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~ReadSnapshot() {
        if (active_) {
            sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  private:
    sqlite3* db_;
    bool active_ = false;
};

// An absolute "file:" URI for `path` (SQLITE_OPEN_URI), every byte but the unreserved ones
// percent-encoded ('?', '#' and '%' may appear in file names).
std::string file_uri(const std::string& path, const char* query) {
    std::error_code ec;
    std::string abs = std::filesystem::absolute(path, ec).string();
    if (ec) {
        abs = path;
    }
    static const char* hex = "0123456789ABCDEF";
    std::string uri = "file://";
    for (unsigned char c : abs) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     c == '/' || c == '.' || c == '_' || c == '-' || c == '~';
        if (plain) {
            uri += static_cast<char>(c);
        } else {
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri + "?" + query;
}

// The first read of a freshly opened store: SQLITE_OK, or the extended result code. In WAL
// mode this is where SQLite opens (or creates) the -shm and -wal files next to the store.
int first_read(sqlite3* db) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        rc = rc == SQLITE_ROW ? SQLITE_OK : sqlite3_extended_errcode(db);
    } else {
        rc = sqlite3_extended_errcode(db);
    }
    sqlite3_finalize(stmt);
    return rc;
}

// The store file is there but SQLite cannot open or create its -shm (or -wal) file: a folder
// or mount that cannot be written.
bool side_files_unavailable(int rc) {
    return (rc & 0xFF) == SQLITE_CANTOPEN || rc == SQLITE_READONLY_DIRECTORY ||
           rc == SQLITE_READONLY_CANTINIT || rc == SQLITE_READONLY_CANTLOCK ||
           rc == SQLITE_READONLY_RECOVERY;
}

sqlite3* open_db(const std::string& path, const std::string& name, int flags) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(name.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        // SQLite's "unable to open database file" does not say why; the system error does.
        if (int e = db ? sqlite3_system_errno(db) : 0; e != 0) {
            msg += std::string(" (") + std::strerror(e) + ")";
        }
        sqlite3_close(db);
        throw StoreError(path, "cannot open store: " + msg);
    }
    // Before the first read: a reader may meet another process's WAL recovery or checkpoint.
    sqlite3_busy_timeout(db, 10000);
    return db;
}

// What the store path names, checked before SQLite sees it: SQLite reads "" as a temporary
// database and ":memory:" as one in memory (an import would report success and keep nothing),
// reports a folder as a "disk I/O error", and a dangling symbolic link as "unable to open".
void check_store_path(const std::string& path) {
    if (path.empty()) {
        throw StoreError(path, "no store file named (an empty --db would be a temporary "
                               "database, deleted at exit: nothing would be kept)");
    }
    if (path == ":memory:" || path.rfind("file:", 0) == 0) {
        throw StoreError(path, "not a store file name (SQLite reads it as an in-memory or URI "
                               "database: nothing would be kept); name a file, e.g. ./" +
                                   path);
    }
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        return; // not there yet: created by a writer, read as empty by a reader
    }
    if (S_ISLNK(st.st_mode) && ::stat(path.c_str(), &st) != 0) {
        const int e = errno;
        std::error_code ec;
        auto to = std::filesystem::read_symlink(path, ec);
        throw StoreError(path, "cannot open store: a symbolic link to " + to.string() +
                                   ", which cannot be opened (" + std::strerror(e) + ")");
    }
    if (S_ISDIR(st.st_mode)) {
        throw StoreError(path, "cannot open store: it is a directory, not a store file");
    }
    if (!S_ISREG(st.st_mode)) {
        throw StoreError(path, "cannot open store: not a regular file (a device, FIFO or "
                               "socket)");
    }
}

} // namespace

Store::Store(const std::string& path, Mode mode) : path_(path) {
    check_store_path(path);
    db_ = open_db(path, path,
                  mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                         : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    auto fail = [&](const std::string& message) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path, message);
    };
    if (mode == Mode::ReadWrite && sqlite3_db_readonly(db_, "main") == 1) {
        // SQLite falls back to reading a file it may not write (permissions, chattr +i, a
        // read-only mount); say so before any write fails half-way.
        fail("cannot write the store: the file is read-only");
    }
    if (int rc = first_read(db_); side_files_unavailable(rc)) {
        if (mode == Mode::ReadWrite) {
            fail("cannot write the store: its folder is read-only (SQLite cannot create " + path +
                 "-wal and " + path + "-shm next to it)");
        }
        // A reader in a folder it cannot write: without a -shm file SQLite can still read the
        // file as immutable (no locks, no WAL), which is right unless a -wal file holds
        // changes not yet copied into it.
        std::error_code ec;
        std::uintmax_t wal = std::filesystem::file_size(path + "-wal", ec);
        if (!ec && wal > 0) {
            fail("cannot read the store: its folder is read-only and " + path +
                 "-wal holds changes not yet written to it (open it once where it can be "
                 "written)");
        }
        sqlite3_close(db_);
        db_ = nullptr;
        db_ = open_db(path, file_uri(path, "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
    if (mode == Mode::ReadWrite) {
        // A write lock taken and given back: it fails at once where the store can be read but
        // not written (a -shm file this user may not write), before any import starts.
        if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        } else if ((sqlite3_extended_errcode(db_) & 0xFF) == SQLITE_READONLY) {
            fail(std::string("cannot write the store: ") + sqlite3_errmsg(db_));
        }
    }
    try {
        // Reading the schema is the first access: it fails here for a file that is not SQLite.
        int version = 0;
        {
            Stmt q(db_, path_,
                   "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'");
            q.step();
            if (q.integer(0) > 0) {
                Stmt v(db_, path_, "SELECT value FROM meta WHERE key='schema_version'");
                if (v.step()) {
                    std::string text = v.text(0);
                    bool digits = !text.empty() && text.size() <= 9 &&
                                  text.find_first_not_of("0123456789") == std::string::npos;
                    if (!digits) {
                        throw StoreError(path, "store schema version '" + text +
                                                   "' is not a version number");
                    }
                    version = std::stoi(text);
                }
            }
        }
        if (version == 0) {
            std::int64_t objects = 0;
            {
                Stmt q(db_, path_, "SELECT count(*) FROM sqlite_master");
                q.step();
                objects = q.integer(0);
            }
            if (objects > 0) {
                throw StoreError(path, "not a citegraph store (tables without a schema version)");
            }
            if (mode == Mode::ReadOnly) {
                return; // an empty read-only store reads as empty
            }
            exec("PRAGMA journal_mode=WAL");
            Transaction tx(db_, path_);
            exec(kSchema);
            for (const auto& index : kEdgeIndexes) {
                exec(index.create);
            }
            // OR IGNORE: another process may have created the same schema meanwhile.
            exec(("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '" +
                  std::to_string(kSchemaVersion) + "')")
                     .c_str());
            tx.commit();
        } else if (version >= kOldestReadableVersion && version < kSchemaVersion) {
            if (mode == Mode::ReadWrite) {
                exec(("UPDATE meta SET value='" + std::to_string(kSchemaVersion) +
                      "' WHERE key='schema_version'")
                         .c_str());
            }
        } else if (version != kSchemaVersion) {
            throw StoreError(path,
                             "store schema version " + std::to_string(version) +
                                 " is not the supported version " + std::to_string(kSchemaVersion) +
                                 (version > kSchemaVersion ? " (made by a newer citegraph)"
                                                           : " (made by an older citegraph)"));
        }
        exec("PRAGMA foreign_keys=ON");
        if (mode == Mode::ReadWrite) {
            create_mandate_table();
            // WAL with synchronous=NORMAL: a committed import survives a crash of the process;
            // only an OS crash or power loss may roll back the last transactions.
            exec("PRAGMA synchronous=NORMAL");
        }
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

Store::~Store() {
    stmts_.reset(); // finalize the cached statements first, or sqlite3_close fails (SQLITE_BUSY)
    sqlite3_close(db_);
}

void Store::exec(const char* sql) const {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw StoreError(path_, msg);
    }
}

struct Store::Statements {
    explicit Statements(sqlite3* db, const std::string& path)
        : has_doc(db, path, "SELECT 1 FROM documents WHERE doc_id=?1 AND lang=?2"),
          has_node(db, path, "SELECT 1 FROM nodes WHERE id=?1"),
          del_edges(db, path, "DELETE FROM edges WHERE doc_id=?1 AND lang=?2"),
          del_par(db, path, "DELETE FROM paragraphs WHERE doc_id=?1 AND lang=?2"),
          del_doc(db, path, "DELETE FROM documents WHERE doc_id=?1 AND lang=?2"),
          fill(db, path,
               "INSERT INTO nodes(id, kind, symbol, date, body, session, unts_volume, "
               "unts_number)",
               8, R"sql(
ON CONFLICT(id) DO UPDATE SET
  symbol = CASE WHEN nodes.symbol = '' THEN excluded.symbol ELSE nodes.symbol END,
  date = CASE WHEN nodes.date = '' THEN excluded.date
              WHEN excluded.date <> '' AND excluded.date < nodes.date
                   AND NOT EXISTS (SELECT 1 FROM documents WHERE doc_id = nodes.id)
              THEN excluded.date ELSE nodes.date END,
  body = CASE WHEN nodes.body = '' THEN excluded.body ELSE nodes.body END,
  session = CASE WHEN nodes.session = '' THEN excluded.session ELSE nodes.session END,
  unts_volume = CASE WHEN nodes.unts_volume = '' THEN excluded.unts_volume ELSE nodes.unts_volume END,
  unts_number = CASE WHEN nodes.unts_number = '' THEN excluded.unts_number ELSE nodes.unts_number END
WHERE (nodes.symbol = '' AND excluded.symbol <> '') OR (nodes.date = '' AND excluded.date <> '')
  OR (excluded.date <> '' AND excluded.date < nodes.date
      AND NOT EXISTS (SELECT 1 FROM documents WHERE doc_id = nodes.id))
  OR (nodes.body = '' AND excluded.body <> '') OR (nodes.session = '' AND excluded.session <> '')
  OR (nodes.unts_volume = '' AND excluded.unts_volume <> '')
  OR (nodes.unts_number = '' AND excluded.unts_number <> '')
)sql"),
          own(db, path, R"sql(
INSERT INTO nodes(id, kind, symbol, date, body, session, unts_volume, unts_number)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT(id) DO UPDATE SET kind = excluded.kind,
  symbol = CASE WHEN excluded.symbol = '' THEN nodes.symbol ELSE excluded.symbol END,
  date = CASE WHEN excluded.date = '' THEN nodes.date ELSE excluded.date END,
  body = CASE WHEN excluded.body = '' THEN nodes.body ELSE excluded.body END,
  session = CASE WHEN excluded.session = '' THEN nodes.session ELSE excluded.session END
WHERE nodes.kind <> excluded.kind OR (excluded.symbol <> '' AND excluded.symbol <> nodes.symbol)
  OR (excluded.date <> '' AND excluded.date <> nodes.date)
  OR (excluded.body <> '' AND excluded.body <> nodes.body)
  OR (excluded.session <> '' AND excluded.session <> nodes.session)
)sql"),
          name(db, path, "INSERT INTO names(node_id, lang, name)", 3, R"sql(
ON CONFLICT(node_id, lang) DO UPDATE SET name = excluded.name WHERE names.name <> excluded.name
)sql"),
          ins_doc(db, path,
                  "INSERT INTO documents(doc_id, lang, source, agenda_item, meeting, paragraphs, "
                  "edges) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
          par(db, path,
              "INSERT INTO paragraphs(doc_id, lang, seq, label, span_start, span_end, text)", 7),
          edge(db, path,
               "INSERT INTO edges(source, target, relation, role, doc_id, lang, paragraph, "
               "span_start, span_end, text)",
               10) {}
    Stmt has_doc, has_node, del_edges, del_par, del_doc;
    MultiInsert fill;
    Stmt own;
    MultiInsert name;
    Stmt ins_doc;
    MultiInsert par, edge;
    // Scratch of write_batch: the batch's cited nodes and (node, language, name) triples.
    std::vector<const NodeRecord*> cited;
    std::vector<std::pair<const NodeRecord*, const std::pair<const std::string, std::string>*>>
        names;
};

Store::Statements& Store::statements() {
    if (!stmts_) {
        stmts_ = std::make_unique<Statements>(db_, path_);
    }
    return *stmts_;
}

// The store's foreign keys, kept by construction and by require_node() (write_batch is the only
// writer): a batch's names are written after its nodes' upserts; a documents row only for a
// node in its batch or store; paragraphs and edges right after their documents row, edges only of
// that document (checked) and between nodes in their batches or the store; nodes are never
// deleted, and a replaced document's edges and paragraphs go before its documents row. This is
// what lets import_all switch SQLite's own checks off (three B-tree lookups per edge).
void Store::require_node(std::string_view id, KnownNodes& known, const std::string& what) {
    if (known.count(id) != 0) {
        return;
    }
    if (!statements().has_node.bind(1, id).exists()) {
        throw StoreError(path_, what + ": node " + std::string(id) +
                                    " is neither in its batch nor in the store");
    }
    known.insert(id);
}

void Store::write_batch(const ImportBatch& batch, KnownNodes& known) {
    const auto& doc = batch.document;
    Statements& st = statements();
    // A document version imported before is replaced: its rows go first. Its paragraphs and
    // edges cannot exist without its documents row (foreign keys), so one lookup tells.
    if (st.has_doc.bind(1, doc.id).bind(2, doc.language).exists()) {
        drop_mandates(doc.id, doc.language);
        st.del_edges.bind(1, doc.id).bind(2, doc.language).run();
        st.del_par.bind(1, doc.id).bind(2, doc.language).run();
        st.del_doc.bind(1, doc.id).bind(2, doc.language).run();
    }
    // Attributes of the imported document itself are authoritative; a work seen only as a
    // citation target fills in what the store does not know yet. The upserts' WHERE clauses
    // skip the row rewrite when nothing would change (most cited works are already stored).
    // Nodes before names (a name's node must exist), each in the batch's order.
    st.cited.clear();
    st.names.clear();
    for (const auto& n : batch.nodes) {
        if (n.id == doc.id) {
            st.own.bind(1, n.id)
                .bind(2, to_string(n.kind))
                .bind(3, n.symbol)
                .bind(4, n.date)
                .bind(5, n.body)
                .bind(6, n.session)
                .bind(7, n.unts_volume)
                .bind(8, n.unts_number)
                .run();
        } else {
            st.cited.push_back(&n);
        }
        for (const auto& name : n.names) {
            st.names.emplace_back(&n, &name);
        }
        known.insert(n.id);
    }
    st.fill.insert(st.cited.size(), [&](Stmt& q, int at, std::size_t i) {
        const NodeRecord& n = *st.cited[i];
        q.bind(at + 1, n.id)
            .bind(at + 2, to_string(n.kind))
            .bind(at + 3, n.symbol)
            .bind(at + 4, n.date)
            .bind(at + 5, n.body)
            .bind(at + 6, n.session)
            .bind(at + 7, n.unts_volume)
            .bind(at + 8, n.unts_number);
    });
    st.name.insert(st.names.size(), [&](Stmt& q, int at, std::size_t i) {
        const auto& [n, name] = st.names[i];
        q.bind(at + 1, n->id).bind(at + 2, name->first).bind(at + 3, name->second);
    });
    require_node(doc.id, known, "document " + doc.id + " (" + doc.language + ")");
    st.ins_doc.bind(1, doc.id)
        .bind(2, doc.language)
        .bind(3, doc.source)
        .bind(4, doc.agenda_item)
        .bind(5, doc.meeting)
        .bind(6, static_cast<std::int64_t>(doc.paragraphs.size()))
        .bind(7, static_cast<std::int64_t>(batch.edges.size()))
        .run();
    st.par.insert(doc.paragraphs.size(), [&](Stmt& q, int at, std::size_t i) {
        const auto& p = doc.paragraphs[i];
        q.bind(at + 1, doc.id)
            .bind(at + 2, doc.language)
            .bind(at + 3, static_cast<std::int64_t>(i))
            .bind(at + 4, p.label)
            .bind(at + 5, std::int64_t{p.span_begin})
            .bind(at + 6, std::int64_t{p.span_end})
            .bind(at + 7, p.text);
    });
    // Every edge is checked before the first is written.
    for (const auto& e : batch.edges) {
        if (e.prov.document != doc.id || e.prov.language != doc.language) {
            throw StoreError(path_, "edge " + e.source + " -> " + e.target +
                                        " does not belong to document " + doc.id + " (" +
                                        doc.language + ")");
        }
        if (known.count(e.source) == 0 || known.count(e.target) == 0) {
            const std::string what = "edge " + e.source + " -> " + e.target;
            require_node(e.source, known, what);
            require_node(e.target, known, what);
        }
    }
    st.edge.insert(batch.edges.size(), [&](Stmt& q, int at, std::size_t i) {
        const auto& e = batch.edges[i];
        q.bind(at + 1, e.source)
            .bind(at + 2, e.target)
            .bind(at + 3, to_string(e.relation))
            .bind(at + 4, to_string(e.role))
            .bind(at + 5, e.prov.document)
            .bind(at + 6, e.prov.language)
            .bind(at + 7, e.prov.paragraph)
            .bind(at + 8, std::int64_t{e.prov.span_begin})
            .bind(at + 9, std::int64_t{e.prov.span_end})
            .bind(at + 10, e.prov.text);
    });
    write_mandates(batch);
}

void Store::import(const ImportBatch& batch) {
    Transaction tx(db_, path_);
    KnownNodes known;
    write_batch(batch, known);
    tx.commit();
}

void Store::add_metadata(const std::vector<NodeRecord>& nodes) {
    Transaction tx(db_, path_);
    Stmt node(db_, path_, R"sql(
INSERT INTO nodes(id, kind, symbol, date, body, session) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT(id) DO UPDATE SET
  symbol = CASE WHEN nodes.symbol = '' THEN excluded.symbol ELSE nodes.symbol END,
  date = CASE WHEN nodes.date = '' THEN excluded.date ELSE nodes.date END,
  body = CASE WHEN nodes.body = '' THEN excluded.body ELSE nodes.body END,
  session = CASE WHEN nodes.session = '' THEN excluded.session ELSE nodes.session END
)sql");
    Stmt name(db_, path_, R"sql(
INSERT INTO names(node_id, lang, name) VALUES (?1, ?2, ?3) ON CONFLICT(node_id, lang) DO NOTHING
)sql");
    for (const auto& n : nodes) {
        node.bind(1, n.id)
            .bind(2, to_string(n.kind))
            .bind(3, n.symbol)
            .bind(4, n.date)
            .bind(5, n.body)
            .bind(6, n.session)
            .run();
        for (const auto& [lang, text] : n.names) {
            name.bind(1, n.id).bind(2, lang).bind(3, text).run();
        }
    }
    tx.commit();
}

Store::Bulk::~Bulk() {
    abandon();
}

void Store::Bulk::abandon() noexcept {
    // A transaction is open from the first add() to the commit (an I/O error may have rolled it
    // back already).
    if (sqlite3_get_autocommit(store_.db_) == 0) {
        sqlite3_exec(store_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    pending_ = 0;
}

void Store::Bulk::add(const ImportBatch& batch) {
    try {
        if (pending_ == 0) {
            store_.exec("BEGIN IMMEDIATE");
        }
        KnownNodes known;
        store_.write_batch(batch, known);
    } catch (...) {
        abandon(); // the whole group: what the caller replays
        throw;
    }
    ++pending_;
}

void Store::Bulk::commit() {
    if (pending_ == 0) {
        return;
    }
    try {
        store_.exec("COMMIT");
    } catch (...) {
        abandon();
        throw;
    }
    pending_ = 0;
}

void Store::import_all(const std::vector<ImportBatch>& batches) {
    std::size_t incoming = 0;
    for (const auto& b : batches) {
        incoming += b.edges.size();
    }
    BulkCache cache(db_);
    ForeignKeysByStore fk(db_); // before tx: the pragma is a no-op inside a transaction
    Transaction tx(db_, path_);
    // Keeping the edge indexes up to date row by row costs a random B-tree insert per index and
    // edge; building them once the rows are in is a sort. Worth it when the batches bring at
    // least as many edges as the store holds (max(id) bounds the count from above; a fresh
    // store holds none). edges_by_doc serves the deletes of a re-imported document, so it is
    // rebuilt only when the table starts empty. DDL is transactional: a failed or interrupted
    // import leaves the store, indexes included, as it was.
    std::int64_t stored = -1; // -1: no edge rows at all
    {
        Stmt q(db_, path_, "SELECT max(id) FROM edges");
        if (q.step() && !q.is_null(0)) {
            stored = q.integer(0);
        }
    }
    std::vector<const EdgeIndex*> rebuild;
    if (incoming > 0 && stored <= static_cast<std::int64_t>(incoming)) {
        for (const auto& index : kEdgeIndexes) {
            if (stored < 0 || std::string_view(index.name) != "edges_by_doc") {
                rebuild.push_back(&index);
            }
        }
    }
    for (const auto* index : rebuild) {
        exec(("DROP INDEX IF EXISTS " + std::string(index->name)).c_str());
    }
    KnownNodes known;
    for (const auto& b : batches) {
        write_batch(b, known);
    }
    for (const auto* index : rebuild) {
        exec(index->create);
    }
    tx.commit();
}

namespace {

constexpr const char* kNodeColumns =
    "SELECT id, kind, symbol, date, body, session, unts_volume, unts_number FROM nodes";
// The columns read_edge() reads, in its order.
constexpr const char* kEdgeFields =
    "source, target, relation, role, doc_id, lang, paragraph, span_start, span_end, text";

NodeRecord read_node(const Stmt& q, const std::string& path) {
    NodeRecord n;
    n.id = q.text(0);
    auto kind = parse_node_kind(q.text(1));
    if (!kind) {
        throw StoreError(path, "node " + n.id + " has unknown kind " + q.text(1));
    }
    n.kind = *kind;
    n.symbol = q.text(2);
    n.date = q.text(3);
    n.body = q.text(4);
    n.session = q.text(5);
    n.unts_volume = q.text(6);
    n.unts_number = q.text(7);
    return n;
}

// Fills `e` from the row; its strings keep their capacity (no allocation per edge once grown).
void read_edge(const Stmt& q, const std::string& path, EdgeRecord& e) {
    e.source.assign(q.view(0));
    e.target.assign(q.view(1));
    auto rel = parse_relation(q.view(2));
    auto role = parse_role(q.view(3));
    if (!rel || !role) {
        throw StoreError(path, "edge " + e.source + " -> " + e.target +
                                   " has an unknown relation or role");
    }
    e.relation = *rel;
    e.role = *role;
    e.prov.document.assign(q.view(4));
    e.prov.language.assign(q.view(5));
    e.prov.paragraph.assign(q.view(6));
    e.prov.span_begin = static_cast<std::uint32_t>(q.integer(7));
    e.prov.span_end = static_cast<std::uint32_t>(q.integer(8));
    e.prov.text.assign(q.view(9));
}

void add_loaded_edge(CitationGraph& g, const EdgeRecord& e, const std::string& path) {
    try {
        g.add_edge(e);
    } catch (const std::invalid_argument&) {
        // Only a damaged or hand-edited file (foreign keys hold for what we write).
        throw StoreError(path, "damaged store: edge " + e.source + " -> " + e.target +
                                   " names a node that is not in the store");
    }
}

// The names of each node of `nodes`, read by node id (the point reads' few nodes).
void fill_names(sqlite3* db, const std::string& path, std::map<std::string, NodeRecord>& nodes) {
    Stmt q(db, path, "SELECT lang, name FROM names WHERE node_id=?1");
    for (auto& [nid, n] : nodes) {
        q.bind(1, nid);
        while (q.step()) {
            n.names[q.text(0)] = q.text(1);
        }
        q.reset();
    }
}

} // namespace

CitationGraph Store::load() const {
    CitationGraph g;
    if (db_ == nullptr) {
        return g;
    }
    ReadSnapshot snapshot(db_);
    std::map<std::string, NodeRecord> nodes;
    {
        Stmt q(db_, path_, (std::string(kNodeColumns) + " ORDER BY id").c_str());
        while (q.step()) {
            NodeRecord n = read_node(q, path_);
            std::string id = n.id;
            nodes.emplace(std::move(id), std::move(n));
        }
    }
    {
        Stmt q(db_, path_, "SELECT node_id, lang, name FROM names");
        while (q.step()) {
            auto it = nodes.find(q.text(0));
            if (it != nodes.end()) {
                it->second.names[q.text(1)] = q.text(2);
            }
        }
    }
    for (const auto& [id, n] : nodes) {
        g.add_node(n);
    }
    Stmt q(db_, path_, (std::string("SELECT ") + kEdgeFields + " FROM edges ORDER BY id").c_str());
    EdgeRecord e;
    while (q.step()) {
        read_edge(q, path_, e);
        add_loaded_edge(g, e, path_);
    }
    return g;
}

std::optional<CitationGraph> Store::load_around(const std::string& id) const {
    if (db_ == nullptr) {
        return std::nullopt;
    }
    ReadSnapshot snapshot(db_);
    // The node, then its edges either way (through the source and target indexes), in the
    // order load() adds them, so that each vertex's out- and in-edges keep load()'s order.
    std::map<std::string, NodeRecord> nodes;
    {
        Stmt q(db_, path_, (std::string(kNodeColumns) + " WHERE id=?1").c_str());
        q.bind(1, id);
        if (!q.step()) {
            return std::nullopt;
        }
        nodes.emplace(id, read_node(q, path_));
    }
    std::vector<EdgeRecord> edges;
    {
        const std::string fields = std::string("SELECT ") + kEdgeFields + ", id FROM edges";
        Stmt q(db_, path_,
               (fields + " WHERE source=?1 UNION ALL " + fields +
                " WHERE target=?1 AND source<>?1 ORDER BY 11")
                   .c_str());
        q.bind(1, id);
        EdgeRecord e;
        while (q.step()) {
            read_edge(q, path_, e);
            edges.push_back(e);
        }
    }
    {
        Stmt q(db_, path_, (std::string(kNodeColumns) + " WHERE id=?1").c_str());
        for (const auto& e : edges) {
            for (const std::string* end : {&e.source, &e.target}) {
                if (nodes.count(*end) != 0) {
                    continue;
                }
                q.bind(1, *end);
                if (q.step()) {
                    nodes.emplace(*end, read_node(q, path_));
                }
                q.reset();
            }
        }
    }
    fill_names(db_, path_, nodes);
    CitationGraph g;
    for (const auto& [nid, n] : nodes) {
        g.add_node(n);
    }
    for (const auto& e : edges) {
        add_loaded_edge(g, e, path_);
    }
    return g;
}

std::optional<CitationGraph> Store::load_ball(const std::string& id, int depth) const {
    if (db_ == nullptr) {
        return std::nullopt;
    }
    ReadSnapshot snapshot(db_);
    std::map<std::string, NodeRecord> nodes;
    Stmt node_q(db_, path_, (std::string(kNodeColumns) + " WHERE id=?1").c_str());
    node_q.bind(1, id);
    if (!node_q.step()) {
        return std::nullopt;
    }
    nodes.emplace(id, read_node(node_q, path_));
    node_q.reset();
    // Breadth-first over the edges either way, every relation: a superset of what any filter
    // keeps within `depth` hops.
    {
        Stmt q(db_, path_,
               "SELECT target FROM edges WHERE source=?1 UNION SELECT source FROM edges WHERE "
               "target=?1");
        std::vector<std::string> frontier{id};
        for (int d = 0; d < depth && !frontier.empty(); ++d) {
            std::vector<std::string> next;
            for (const auto& v : frontier) {
                q.bind(1, v);
                while (q.step()) {
                    std::string w = q.text(0);
                    if (nodes.count(w) == 0) {
                        nodes.emplace(w, NodeRecord{});
                        next.push_back(std::move(w));
                    }
                }
                q.reset();
            }
            frontier = std::move(next);
        }
    }
    for (auto& [nid, n] : nodes) {
        if (nid == id) {
            continue;
        }
        node_q.bind(1, nid);
        if (!node_q.step()) {
            throw StoreError(path_, "damaged store: an edge names node " + nid +
                                        ", which is not in the store");
        }
        n = read_node(node_q, path_);
        node_q.reset();
    }
    fill_names(db_, path_, nodes);
    // Every edge between two nodes of the ball, once (through its source), in load()'s order.
    std::vector<std::pair<std::int64_t, EdgeRecord>> edges;
    {
        Stmt q(db_, path_,
               (std::string("SELECT ") + kEdgeFields + ", id FROM edges WHERE source=?1").c_str());
        EdgeRecord e;
        for (const auto& [nid, n] : nodes) {
            q.bind(1, nid);
            while (q.step()) {
                if (nodes.count(std::string(q.view(1))) != 0) {
                    read_edge(q, path_, e);
                    edges.emplace_back(q.integer(10), e);
                }
            }
            q.reset();
        }
    }
    std::sort(edges.begin(), edges.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    CitationGraph g;
    for (const auto& [nid, n] : nodes) {
        g.add_node(n);
    }
    for (const auto& [rowid, e] : edges) {
        add_loaded_edge(g, e, path_);
    }
    return g;
}

StoreStats Store::stats() const {
    StoreStats s;
    if (db_ == nullptr) {
        return s;
    }
    ReadSnapshot snapshot(db_);
    auto count = [&](const char* sql) {
        Stmt q(db_, path_, sql);
        q.step();
        return static_cast<std::size_t>(q.integer(0));
    };
    auto group = [&](const char* sql, std::map<std::string, std::size_t>& out) {
        Stmt q(db_, path_, sql);
        while (q.step()) {
            out[q.text(0)] = static_cast<std::size_t>(q.integer(1));
        }
    };
    s.documents = count("SELECT count(*) FROM documents");
    s.nodes = count("SELECT count(*) FROM nodes");
    s.edges = count("SELECT count(*) FROM edges");
    group("SELECT kind, count(*) FROM nodes GROUP BY kind", s.nodes_by_kind);
    group("SELECT relation, count(*) FROM edges GROUP BY relation", s.edges_by_relation);
    group("SELECT role, count(*) FROM edges GROUP BY role", s.edges_by_role);
    Stmt dated(db_, path_, "SELECT id, date FROM nodes WHERE date <> '' ORDER BY id");
    while (dated.step()) {
        std::string id = dated.text(0);
        std::string date = dated.text(1);
        if (auto w = date_window(id); w && !w->contains(date)) {
            s.date_contradictions.emplace_back(std::move(id), std::move(date));
        }
    }
    return s;
}

std::vector<DocumentInfo> Store::documents() const {
    std::vector<DocumentInfo> out;
    if (db_ == nullptr) {
        return out;
    }
    ReadSnapshot snapshot(db_);
    Stmt q(db_, path_,
           "SELECT d.doc_id, d.lang, d.source, d.agenda_item, d.meeting, d.paragraphs, d.edges, "
           "coalesce(n.name, '') FROM documents d LEFT JOIN names n ON n.node_id = d.doc_id AND "
           "n.lang = d.lang ORDER BY d.doc_id, d.lang");
    while (q.step()) {
        out.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4),
                       static_cast<std::size_t>(q.integer(5)),
                       static_cast<std::size_t>(q.integer(6)), q.text(7)});
    }
    return out;
}

std::vector<ParagraphRecord> Store::paragraphs(const std::string& doc,
                                               const std::string& lang) const {
    std::vector<ParagraphRecord> out;
    if (db_ == nullptr) {
        return out;
    }
    Stmt q(db_, path_,
           "SELECT label, span_start, span_end, text FROM paragraphs WHERE doc_id=?1 AND lang=?2 "
           "ORDER BY seq");
    q.bind(1, doc).bind(2, lang);
    while (q.step()) {
        out.push_back({q.text(0), static_cast<std::uint32_t>(q.integer(1)),
                       static_cast<std::uint32_t>(q.integer(2)), q.text(3)});
    }
    return out;
}

} // namespace citegraph
