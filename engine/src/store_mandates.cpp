// The store's mandate records (issue #17): table `mandates`, one row per mandate of a document
// version, written with the document and replaced with it. Kept apart from store.cpp: the
// table is created on opening (also in a store made before it existed) and read by mandates().
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/store.hpp"

#include <sqlite3.h>

namespace citegraph {
namespace {

constexpr const char* kMandateSchema = R"sql(
CREATE TABLE IF NOT EXISTS mandates(
  doc_id TEXT NOT NULL, lang TEXT NOT NULL, seq INTEGER NOT NULL, paragraph TEXT NOT NULL,
  verb TEXT NOT NULL, addressees TEXT NOT NULL, action TEXT NOT NULL,
  due_organ TEXT NOT NULL DEFAULT '', due_session TEXT NOT NULL DEFAULT '',
  due_year TEXT NOT NULL DEFAULT '', recurrence TEXT NOT NULL DEFAULT '',
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY(doc_id, lang, seq), FOREIGN KEY(doc_id, lang) REFERENCES documents(doc_id, lang));
)sql";

// A statement prepared for one call; finalizes itself.
class Query {
  public:
    Query(sqlite3* db, const std::string& path, const char* sql) : db_(db), path_(path) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
            throw StoreError(path, std::string("cannot prepare statement: ") + sqlite3_errmsg(db));
        }
    }
    ~Query() { sqlite3_finalize(stmt_); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    Query& bind(int i, const std::string& s) {
        sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Query& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) {
            return true;
        }
        if (rc != SQLITE_DONE) {
            throw StoreError(path_, sqlite3_errmsg(db_));
        }
        return false;
    }
    void run() {
        step();
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int col) const {
        auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

  private:
    sqlite3* db_;
    const std::string& path_;
    sqlite3_stmt* stmt_ = nullptr;
};

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) {
        out += (out.empty() ? "" : ";") + s;
    }
    return out;
}

std::vector<std::string> split_ids(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        auto end = s.find(';', start);
        out.push_back(s.substr(start, end == std::string::npos ? end : end - start));
        start = end == std::string::npos ? s.size() : end + 1;
    }
    return out;
}

} // namespace

void Store::create_mandate_table() {
    exec(kMandateSchema);
}

void Store::drop_mandates(const std::string& doc, const std::string& lang) {
    Query(db_, path_, "DELETE FROM mandates WHERE doc_id=?1 AND lang=?2")
        .bind(1, doc)
        .bind(2, lang)
        .run();
}

void Store::write_mandates(const ImportBatch& batch) {
    if (batch.mandates.empty()) {
        return;
    }
    Query q(db_, path_,
            "INSERT INTO mandates(doc_id, lang, seq, paragraph, verb, addressees, action, "
            "due_organ, due_session, due_year, recurrence, span_start, span_end, text) VALUES "
            "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    std::int64_t seq = 0;
    for (const auto& m : batch.mandates) {
        q.bind(1, batch.document.id)
            .bind(2, batch.document.language)
            .bind(3, seq++)
            .bind(4, m.paragraph)
            .bind(5, m.verb)
            .bind(6, join(m.addressees))
            .bind(7, m.action)
            .bind(8, m.due_organ)
            .bind(9, m.due_session)
            .bind(10, m.due_year)
            .bind(11, m.recurrence)
            .bind(12, std::int64_t{m.span_begin})
            .bind(13, std::int64_t{m.span_end})
            .bind(14, m.text)
            .run();
    }
}

std::vector<StoredMandate> Store::mandates() const {
    std::vector<StoredMandate> out;
    {
        // A read-only store made before the table existed has no mandates.
        Query t(db_, path_, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='mandates'");
        if (!t.step()) {
            return out;
        }
    }
    Query q(db_, path_,
            "SELECT doc_id, lang, paragraph, verb, addressees, action, due_organ, due_session, "
            "due_year, recurrence, span_start, span_end, text FROM mandates "
            "ORDER BY doc_id, lang, seq");
    while (q.step()) {
        StoredMandate s;
        s.document = q.text(0);
        s.language = q.text(1);
        MandateRecord& m = s.mandate;
        m.paragraph = q.text(2);
        m.verb = q.text(3);
        m.addressees = split_ids(q.text(4));
        m.action = q.text(5);
        m.due_organ = q.text(6);
        m.due_session = q.text(7);
        m.due_year = q.text(8);
        m.recurrence = q.text(9);
        m.span_begin = static_cast<std::uint32_t>(q.integer(10));
        m.span_end = static_cast<std::uint32_t>(q.integer(11));
        m.text = q.text(12);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace citegraph
