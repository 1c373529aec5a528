// The embedded SQLite store: documents, nodes, names per language, paragraphs and edges with
// provenance. One import is one transaction; re-importing a document version replaces it.
#pragma once

#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/model.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct sqlite3;

namespace citegraph {

struct DocumentInfo {
    std::string id;
    std::string language;
    std::string source;
    std::string agenda_item;
    std::string meeting;
    std::size_t paragraphs = 0;
    std::size_t edges = 0;
    std::string title; // the document node's name in this language ("" if none)
};

struct StoreStats {
    std::size_t documents = 0; // imported language versions
    std::size_t nodes = 0;
    std::size_t edges = 0;
    std::map<std::string, std::size_t> nodes_by_kind;
    std::map<std::string, std::size_t> edges_by_relation;
    std::map<std::string, std::size_t> edges_by_role;
    // Resolutions and decisions whose stored date their own symbol's session or year cannot
    // bear (date_window in symbol.hpp), by id: (id, date).
    std::vector<std::pair<std::string, std::string>> date_contradictions;
};

// A mandate record as stored: its document version and the record (issue #17).
struct StoredMandate {
    std::string document;
    std::string language;
    MandateRecord mandate;
};

class Store {
  public:
    // Version 1: meta, nodes, names, documents, paragraphs, edges.
    // Version 2: the same tables; edges may carry the relation `refers_to`, which a version-1
    // reader would call damage. A version-1 store is read as is and marked 2 when opened for
    // writing (nothing in it changes).
    static constexpr int kSchemaVersion = 2;
    static constexpr int kOldestReadableVersion = 1;
    static constexpr const char* kDefaultPath = "citegraph.db";

    enum class Mode { ReadWrite, ReadOnly };

    // Opens (ReadWrite: creates if missing) and checks the schema version. Throws StoreError
    // for a file that is not a SQLite database, a newer or older schema, or an I/O failure.
    explicit Store(const std::string& path, Mode mode = Mode::ReadWrite);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Writes one document version in one transaction, replacing an earlier import of the same
    // (document id, language). Nothing is written if any statement fails (StoreError), e.g. an
    // edge or document whose node is neither in the batch nor in the store.
    void import(const ImportBatch& batch);
    // Several batches in one transaction (bulk import); all or nothing. A batch may cite nodes
    // of the batches before it.
    void import_all(const std::vector<ImportBatch>& batches);

    // Many documents in few transactions, as the command imports: add() writes one document
    // (replaced whole, like import()) into the open transaction, commit() makes the documents
    // added since the last commit durable in one transaction. On a StoreError from
    // either, nothing since the last commit is kept (pending() is 0 again): the caller can
    // replay those documents one transaction each with import(). What is not committed when
    // the Bulk ends is rolled back, so a crash or a kill loses whole documents only.
    class Bulk {
      public:
        explicit Bulk(Store& store) : store_(store) {}
        ~Bulk();
        Bulk(const Bulk&) = delete;
        Bulk& operator=(const Bulk&) = delete;
        void add(const ImportBatch& batch);
        void commit();
        std::size_t pending() const { return pending_; }

      private:
        void abandon() noexcept;
        Store& store_;
        std::size_t pending_ = 0; // documents in the open transaction (none open when 0)
    };

    // Catalogue metadata (import-metadata): adds the nodes that are not in the store and fills
    // the attributes (symbol, date, body, session) and the names per language that a stored node
    // lacks; never changes a value the store has (the caller reports those conflicts). One
    // transaction: nothing is written if any statement fails.
    void add_metadata(const std::vector<NodeRecord>& nodes);

    CitationGraph load() const;
    // The node `id`, every edge from or to it and the nodes at their other ends (with names),
    // read through the indexes in time proportional to the answer; nullopt when the store has
    // no node `id`. Each vertex's out- and in-edges are in load()'s order, so a query about
    // `id` alone answers on this graph as on load()'s (issue #20: point queries).
    std::optional<CitationGraph> load_around(const std::string& id) const;
    // Every node within `depth` hops of `id` (edges followed either way, any relation) and
    // every edge between two of them, in load()'s order: filter_graph() with `from` = id and
    // at most that depth selects from it what it selects from load() (export --from).
    std::optional<CitationGraph> load_ball(const std::string& id, int depth) const;
    StoreStats stats() const;
    std::vector<DocumentInfo> documents() const;
    std::vector<ParagraphRecord> paragraphs(const std::string& doc, const std::string& lang) const;

    // Every stored mandate record, by document, language and order in the document.
    std::vector<StoredMandate> mandates() const;

    const std::string& path() const { return path_; }

  private:
    void exec(const char* sql) const;
    // Node ids known to be in the store within the current write transaction: views of the
    // ids of the batches written so far (they outlive the transaction) and of ones looked up.
    using KnownNodes = std::unordered_set<std::string_view>;
    void write_batch(const ImportBatch& batch, KnownNodes& known);
    void require_node(std::string_view id, KnownNodes& known, const std::string& what);

    // The mandates table (store_mandates.cpp): created on opening for writing, a document
    // version's rows dropped before its documents row and written after its edges.
    void create_mandate_table();
    void drop_mandates(const std::string& doc, const std::string& lang);
    void write_mandates(const ImportBatch& batch);

    struct Statements; // the write statements, prepared once per store
    Statements& statements();

    std::string path_;
    sqlite3* db_ = nullptr;
    std::unique_ptr<Statements> stmts_;
};

} // namespace citegraph
