// citegraph: the command line over the engine, importer and exporter libraries.
// Exit codes: 0 success, 1 usage error, 2 input or store error.
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/store.hpp"
#include "citegraph/exporters/exporter.hpp"
#include "citegraph/importers/importer.hpp"
#include "citegraph/importers/marc.hpp"
#include "citegraph/importers/names.hpp"
#include "citegraph/importers/parallel.hpp"
#include "citegraph/version.hpp"
#include "cli.hpp"
#include "progress.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <sys/stat.h>

using namespace citegraph;
using namespace citegraph::cli;

namespace citegraph::cli {

std::unique_ptr<Store> open_for_reading(const Globals& g) {
    // Nothing there at all: an empty store. A dangling symbolic link, "" or ":memory:" go to
    // Store, which says what is wrong with them.
    std::error_code ec;
    if (!g.db.empty() && g.db != ":memory:" &&
        std::filesystem::symlink_status(g.db, ec).type() == std::filesystem::file_type::not_found) {
        return nullptr;
    }
    return std::make_unique<Store>(g.db, Store::Mode::ReadOnly);
}

std::vector<std::string> store_files(const Globals& g) {
    return {g.db, g.db + "-wal", g.db + "-shm", g.db + "-journal"};
}

CitationGraph load_graph(const Globals& g) {
    auto store = open_for_reading(g);
    return store ? store->load() : CitationGraph{};
}

CitationGraph load_graph_for(const Globals& g, const std::string& text, int depth) {
    auto store = open_for_reading(g);
    if (!store) {
        return CitationGraph{};
    }
    auto around = [&](const std::string& id) {
        return depth == 0 ? store->load_around(id) : store->load_ball(id, depth);
    };
    // The resolver's first two rules (NodeResolver::find): the exact id, then a bare number.
    if (depth <= 2) {
        if (auto part = around(text)) {
            return std::move(*part);
        }
        auto slash = text.find('/');
        auto digits = [](std::string_view s) {
            return !s.empty() &&
                   std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (slash != std::string::npos && digits(std::string_view(text).substr(0, slash)) &&
            digits(std::string_view(text).substr(slash + 1))) {
            if (auto part = around("A/RES/" + text)) {
                return std::move(*part);
            }
        }
    }
    return store->load();
}

NodeResolver make_resolver(const Globals& g, const CitationGraph& graph) {
    NameTables t = load_name_tables(g.data);
    NodeResolver r(graph, t.variants);
    for (const auto& [text, id] : t.aliases) {
        r.add_alias(text, id);
    }
    return r;
}

namespace {

void report_missing(const NodeResolver& r, const std::string& what, const std::string& text) {
    std::cerr << "citegraph: error: no " << what << " '" << text << "'";
    auto near = r.suggest(text, 5, kLanguages);
    if (near.empty()) {
        std::cerr << " (and no similar name)\n";
        return;
    }
    std::cerr << "; closest:\n";
    for (const auto& s : near) {
        std::cerr << "  " << s << "\n";
    }
}

} // namespace

std::string resolve_or_report(const NodeResolver& r, const CitationGraph& graph,
                              const std::string& text) {
    if (auto v = r.find(text)) {
        return graph.node(*v).id;
    }
    report_missing(r, "node", text);
    return {};
}

std::string resolve_body_or_report(const NodeResolver& r, const std::string& text) {
    std::string id = r.find_body(text);
    if (id.empty()) {
        report_missing(r, "node or issuing body", text);
    }
    return id;
}

} // namespace citegraph::cli

namespace {

std::string join(const std::vector<std::string_view>& xs, const char* sep) {
    std::string out;
    for (auto x : xs) {
        out += (out.empty() ? "" : sep) + std::string(x);
    }
    return out;
}

// ---- import ---------------------------------------------------------------------------------

struct ImportArgs {
    std::vector<std::string> files;
    std::string language;
    bool strict = false;
    bool report = false;
    unsigned jobs = 0; // 0: one thread per core
};

// The command writes documents in groups (Store::Bulk): one transaction per group of up to
// kGroupDocuments files or kGroupTime, instead of one per document, which rewrote the same
// index pages to the WAL for every document. A file's line is printed once its group is
// committed, so every reported document is in the store; a kill loses the group in flight,
// whole documents only. A store error replays the group one transaction per document, in
// order, which is exactly what the command did before groups: the documents before the
// failing one are committed and reported, the batch stops at it.
constexpr std::size_t kGroupDocuments = 64;
constexpr std::chrono::milliseconds kGroupTime{250};

// The files of a batch, each once: a file named twice (the same name, or another path to the
// same file: a link, "./x" and "x") would be read and counted twice.
std::vector<std::string> distinct_files(const std::vector<std::string>& files) {
    std::vector<std::string> out;
    std::map<std::pair<dev_t, ino_t>, std::string> seen_files;
    std::set<std::string> seen_names;
    for (const auto& f : files) {
        struct stat st {};
        std::string first;
        if (f != "-" && ::stat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            auto [it, fresh] = seen_files.emplace(std::make_pair(st.st_dev, st.st_ino), f);
            first = fresh ? "" : it->second;
        } else if (!seen_names.insert(f).second) {
            first = f;
        }
        if (!first.empty()) {
            std::cerr << "citegraph: warning: " << f
                      << (f == first ? " is named twice" : " is the same file as " + first)
                      << "; imported once\n";
            continue;
        }
        out.push_back(f);
    }
    return out;
}

int cmd_import(const Globals& g, const ImportArgs& a) {
    ImportContext ctx(g.data);
    Store store(g.db);
    Store::Bulk bulk(store);
    const std::vector<std::string> files = distinct_files(a.files);
    // Which file each stored document version came from, and its title: a version read from
    // another file (before, or earlier in this batch) is replaced with a warning that names
    // that file and both titles, never without a word.
    struct Known {
        std::string source;
        std::string title;
        bool this_batch = false;
    };
    std::map<std::pair<std::string, std::string>, Known> known;
    for (auto& d : store.documents()) {
        known[{d.id, d.language}] = {d.source, d.title, false};
    }
    std::size_t replaced = 0, warned = 0;
    std::size_t ok = 0, edges = 0, unresolved = 0, paragraphs = 0;
    std::map<std::string, std::size_t> by_relation;
    std::vector<std::string> failures;
    bool store_failed = false;
    Progress progress(files.size(), Progress::terminal());

    // A file's outcome until its group is committed.
    struct Waiting {
        std::size_t index = 0;
        std::optional<ImportResult> result; // imported, pending in the group's transaction
        std::string error;                  // the input error (nothing written)
        std::string replaces;               // the version from another file it replaces
    };
    std::vector<Waiting> group;
    auto group_start = std::chrono::steady_clock::now();

    auto report_imported = [&](const std::string& file, const ImportResult& r) {
        ++ok;
        edges += r.report.edges;
        paragraphs += r.report.paragraphs;
        for (const auto& e : r.batch.edges) {
            ++by_relation[std::string(to_string(e.relation))];
        }
        unresolved += r.report.unresolved.size();
        std::cout << "imported " << r.report.document << " (" << r.report.language << ") from "
                  << file << ": " << r.report.paragraphs << " paragraphs, " << r.report.edges
                  << " edges, " << r.report.unresolved.size() << " unresolved\n";
        if (!r.report.warnings.empty()) {
            std::cout.flush();
            for (const auto& w : r.report.warnings) {
                std::cerr << "citegraph: warning: " << file << ": " << w << "\n";
            }
            warned += 1;
        }
        if (a.report) {
            for (const auto& u : r.report.unresolved) {
                std::cout << "  unresolved " << file << " " << u.paragraph << ": " << u.text << " ("
                          << u.reason << ")\n";
            }
        }
    };
    auto report_error = [&](const std::string& file, const std::string& message) {
        progress.clear();
        std::cout.flush();
        std::cerr << "citegraph: error: " << message << "\n";
        failures.push_back(file);
    };
    // Prints one waiting file's outcome; with `write`, writes its document first in a
    // transaction of its own. False when the store refused it: the batch stops there.
    auto settle = [&](Waiting& w, bool write) {
        const std::string& file = files[w.index];
        progress.clear_for_stdout();
        if (!w.result) {
            report_error(file, w.error);
        } else {
            if (write) {
                try {
                    store.import(w.result->batch);
                } catch (const StoreError& e) {
                    // A full disk, an I/O error: this document was rolled back, the ones
                    // before it are committed, and the rest would fail the same way.
                    report_error(file, std::string(e.what()) + " (importing " + file +
                                           "; the batch stops here)");
                    store_failed = true;
                    return false;
                }
            }
            report_imported(file, *w.result);
            if (!w.replaces.empty()) {
                std::cerr << "citegraph: warning: " << file << ": " << w.replaces << "\n";
                ++replaced;
            }
        }
        std::cout.flush();
        progress.step(file);
        return true;
    };
    // Reports the group in order; `replay` writes each document again first (the group's
    // transaction was rolled back). False: stop.
    auto settle_group = [&](bool replay) {
        bool go_on = true;
        for (auto& w : group) {
            if (go_on) {
                go_on = settle(w, replay);
            }
        }
        group.clear();
        return go_on;
    };
    // Commits the group and reports it; after a store error, replays it.
    auto flush = [&]() {
        try {
            bulk.commit();
        } catch (const StoreError&) {
            return settle_group(true);
        }
        return settle_group(false);
    };

    // Files are read on `jobs` threads; outcomes come back here in input order, so the store
    // and the output are the same for any number of threads.
    bool stopped = false;
    import_in_order(ctx, files, a.language, a.jobs, [&](std::size_t index, FileOutcome& o) {
        if (group.empty()) {
            group_start = std::chrono::steady_clock::now();
        }
        Waiting w;
        w.index = index;
        if (o.result) {
            const ImportReport& r = o.result->report;
            const auto& names = o.result->batch.nodes.front().names;
            auto t = names.find(r.language);
            const std::string title = t == names.end() ? std::string() : t->second;
            const std::string name = std::filesystem::path(files[index]).filename().string();
            auto [it, fresh] = known.try_emplace({r.document, r.language});
            Known& k = it->second;
            if (!fresh &&
                (k.this_batch || std::filesystem::path(k.source).filename().string() != name)) {
                w.replaces = "replaces the version of " + r.document + " (" + r.language +
                             ") read from " + k.source + (k.this_batch ? " in this batch" : "");
                if (k.title != title) {
                    w.replaces += "; its title was '" + k.title + "', now '" + title + "'";
                }
            }
            k = {files[index], title, true};
        }
        if (o.error) {
            try {
                std::rethrow_exception(o.error);
            } catch (const InputError& e) {
                w.error = e.what();
            } catch (...) {
                flush(); // what came before is committed and reported, as without groups
                throw;
            }
            group.push_back(std::move(w));
            if (a.strict) {
                flush();
                stopped = true;
                return false;
            }
        } else {
            w.result = std::move(o.result);
            try {
                bulk.add(w.result->batch);
            } catch (const StoreError&) {
                // The group is rolled back: replay it and this document one by one.
                group.push_back(std::move(w));
                stopped = !settle_group(true);
                return !stopped;
            }
            group.push_back(std::move(w));
        }
        if (group.size() >= kGroupDocuments ||
            std::chrono::steady_clock::now() - group_start >= kGroupTime) {
            stopped = !flush();
            return !stopped;
        }
        return true;
    });
    if (!stopped) {
        flush();
    }
    progress.finish();
    if (a.files.size() > 1 || !failures.empty() || replaced > 0) {
        std::cout << "summary: " << ok << " imported, " << failures.size() << " failed, "
                  << paragraphs << " paragraphs, " << edges << " edges, " << unresolved
                  << " unresolved references\n";
        std::cout << "edges by relation:";
        for (const auto& [rel, n] : by_relation) {
            std::cout << " " << rel << "=" << n;
        }
        std::cout << "\n";
        for (const auto& f : failures) {
            std::cout << "  failed: " << f << "\n";
        }
        std::size_t attempted = ok + failures.size();
        if (warned > 0) {
            std::cout << "  with warnings (see standard error): " << warned << " file(s)\n";
        }
        if (replaced > 0) {
            std::cout << "  replaced the version read from another file: " << replaced
                      << " document(s)\n";
        }
        if (store_failed && attempted < files.size()) {
            std::cout << "  not attempted after the store error: " << files.size() - attempted
                      << " file(s)\n";
        }
    }
    return failures.empty() ? 0 : kInput;
}

// ---- stats ----------------------------------------------------------------------------------

int cmd_stats(const Globals& g) {
    auto store = open_for_reading(g);
    StoreStats s = store ? store->stats() : StoreStats{};
    std::cout << "store: " << g.db << (store ? "" : " (not created yet)") << "\n";
    std::cout << "documents: " << s.documents << "\n";
    std::cout << "nodes: " << s.nodes << "\n";
    for (std::size_t k = 0; k < kNodeKindCount; ++k) {
        auto name = std::string(to_string(static_cast<NodeKind>(k)));
        auto it = s.nodes_by_kind.find(name);
        std::cout << "  " << name << ": " << (it == s.nodes_by_kind.end() ? 0 : it->second) << "\n";
    }
    std::cout << "edges: " << s.edges << "\n";
    for (const auto& [rel, n] : s.edges_by_relation) {
        std::cout << "  " << rel << ": " << n << "\n";
    }
    std::cout << "edges by role:\n";
    for (const auto& [role, n] : s.edges_by_role) {
        std::cout << "  " << role << ": " << n << "\n";
    }
    // A date its own symbol's session cannot bear: a typo or a citation read for another organ.
    std::cout << "date-session contradictions: " << s.date_contradictions.size() << "\n";
    for (const auto& [id, date] : s.date_contradictions) {
        std::cout << "  " << id << " " << date << "\n";
    }
    return 0;
}

// ---- show -----------------------------------------------------------------------------------

std::string label_of(const NodeRecord& n) {
    return display_name(n, kLanguages);
}

int cmd_show(const Globals& g, const std::string& text) {
    CitationGraph graph = load_graph_for(g, text);
    NodeResolver resolver = make_resolver(g, graph);
    auto v = resolver.find(text);
    if (!v) {
        std::string body = resolver.find_body(text);
        if (!body.empty()) {
            // An issuing body that is no node (the General Assembly is never cited).
            std::size_t issued = 0;
            for (auto [it, end] = boost::vertices(graph.boost_graph()); it != end; ++it) {
                issued += graph.node(*it).body == body ? 1 : 0;
            }
            std::cout << body << "  [issuing body, not cited]\n  works issued by it in the store: "
                      << issued << "\n";
            return 0;
        }
        resolve_or_report(resolver, graph, text);
        return kInput;
    }
    const NodeRecord& n = graph.node(*v);
    std::cout << n.id << "  [" << to_string(n.kind) << "]\n";
    if (!n.symbol.empty() && n.symbol != n.id) {
        std::cout << "  symbol: " << n.symbol << "\n";
    }
    for (const auto& [lang, name] : n.names) {
        std::cout << "  name (" << lang << "): " << name << "\n";
    }
    if (!n.date.empty()) {
        std::cout << "  date: " << n.date << "\n";
    }
    if (!n.session.empty()) {
        std::cout << "  session: " << n.session << "\n";
    }
    if (!n.body.empty()) {
        std::cout << "  body: " << n.body << "\n";
    }
    if (!n.unts_number.empty()) {
        std::cout << "  UNTS: vol. " << n.unts_volume << ", No. " << n.unts_number << "\n";
    }
    const auto& bg = graph.boost_graph();
    // Outgoing edges grouped by (language, paragraph) in document order.
    std::vector<CitationGraph::Edge> out;
    for (auto [it, end] = boost::out_edges(*v, bg); it != end; ++it) {
        out.push_back(*it);
    }
    std::sort(out.begin(), out.end(), [&](auto a, auto b) {
        const auto& pa = graph.provenance(a);
        const auto& pb = graph.provenance(b);
        int ra = paragraph_rank(pa.paragraph), rb = paragraph_rank(pb.paragraph);
        const std::string& ta = graph.node(boost::target(a, bg)).id;
        const std::string& tb = graph.node(boost::target(b, bg)).id;
        return std::tie(pa.language, ra, pa.span_begin, ta) <
               std::tie(pb.language, rb, pb.span_begin, tb);
    });
    std::cout << "cites (" << out.size() << "):\n";
    std::string group;
    for (auto e : out) {
        const auto& p = graph.provenance(e);
        std::string key = p.language + " " + p.paragraph;
        if (key != group) {
            std::cout << "  " << p.paragraph << " (" << p.language << ")\n";
            group = key;
        }
        const NodeRecord& t = graph.node(boost::target(e, bg));
        std::cout << "    " << to_string(graph.props(e).relation) << " ["
                  << to_string(graph.props(e).role) << "] " << t.id;
        std::string name = label_of(t);
        if (!name.empty() && t.kind != NodeKind::Resolution && t.kind != NodeKind::Document) {
            std::cout << "  " << name;
        }
        std::cout << "\n";
    }
    std::vector<CitationGraph::Edge> in;
    for (auto [it, end] = boost::in_edges(*v, bg); it != end; ++it) {
        in.push_back(*it);
    }
    std::sort(in.begin(), in.end(), [&](auto a, auto b) {
        const auto& pa = graph.provenance(a);
        const auto& pb = graph.provenance(b);
        int ra = paragraph_rank(pa.paragraph), rb = paragraph_rank(pb.paragraph);
        return std::tie(pa.document, pa.language, ra, pa.span_begin) <
               std::tie(pb.document, pb.language, rb, pb.span_begin);
    });
    std::cout << "cited by (" << in.size() << "):\n";
    for (auto e : in) {
        const auto& p = graph.provenance(e);
        std::cout << "    " << p.document << " " << p.paragraph << " (" << p.language << ") "
                  << to_string(graph.props(e).relation) << " [" << to_string(graph.props(e).role)
                  << "]\n";
    }
    return 0;
}

// ---- export ---------------------------------------------------------------------------------

struct ExportArgs {
    std::string format;
    std::string output = "-";
    std::string from;
    int depth = 1;
    std::vector<std::string> relations;
    std::vector<std::string> kinds;
    ExportOptions options;
};

int cmd_export(const Globals& g, const ExportArgs& a) {
    auto exporter = make_exporter(a.format);
    if (!exporter) {
        std::cerr << "citegraph: error: unknown format '" << a.format << "' (one of "
                  << join(export_formats(), ", ") << ")\n";
        return kUsage;
    }
    GraphFilter f;
    f.from = a.from;
    f.depth = a.depth;
    for (const auto& r : a.relations) {
        auto rel = parse_choice<Relation>(r, "relation");
        if (!rel) {
            return kUsage;
        }
        f.relations.insert(*rel);
    }
    for (const auto& k : a.kinds) {
        auto kind = parse_choice<NodeKind>(k, "node kind");
        if (!kind) {
            return kUsage;
        }
        f.kinds.insert(*kind);
    }
    // From one node: only its neighbourhood is read (Store::load_ball) when it is named by id.
    CitationGraph graph = f.from.empty() ? load_graph(g) : load_graph_for(g, f.from, f.depth);
    if (!f.from.empty()) {
        f.from = resolve_or_report(make_resolver(g, graph), graph, f.from);
        if (f.from.empty()) {
            return kInput;
        }
    }
    CitationGraph sub;
    try {
        sub = filter_graph(graph, f);
    } catch (const std::invalid_argument& e) {
        std::cerr << "citegraph: error: " << e.what() << " in " << g.db << "\n";
        return kInput;
    }
    ExportOptions options = a.options;
    options.output.protect = store_files(g);
    if (a.depth == 1) {
        options.focus = f.from; // svg: the neighbourhood picture of a one-hop export
    }
    if (options.web_dir.empty()) {
        options.web_dir = g.data + "/web";
    }
    exporter->write(sub, options, a.output);
    if (a.output != "-") {
        std::cerr << "wrote " << a.format << " (" << sub.num_nodes() << " nodes, "
                  << sub.num_edges() << " edges) to " << a.output << "\n";
    }
    return 0;
}

// ---- import-metadata ------------------------------------------------------------------------

// Reads every file before writing anything: a malformed file stops the command (exit 2) with
// the store unchanged. Conflicts (a title or date the store has and a record contradicts) are
// listed and not written.
int cmd_import_metadata(const Globals& g, const std::vector<std::string>& files) {
    std::vector<std::pair<std::string, std::vector<MarcRecord>>> read;
    for (const auto& f : files) {
        read.emplace_back(f, read_marcxml(f, read_input(f)));
    }
    Store store(g.db);
    for (const auto& [file, records] : read) {
        MetadataPlan plan = plan_metadata(file, records, store.load());
        store.add_metadata(plan.nodes);
        std::cout << "metadata " << file << ": " << plan.records << " records, "
                  << plan.nodes.size() << " nodes (" << plan.new_nodes << " new), " << plan.titles
                  << " titles and " << plan.dates << " dates added, " << plan.conflicts.size()
                  << " conflicts kept as stored, " << plan.skipped.size() << " records skipped, "
                  << plan.subjects << " subject headings (not stored)\n";
        for (const auto& c : plan.conflicts) {
            std::cout << "  conflict " << c << "\n";
        }
        for (const auto& s : plan.skipped) {
            std::cout << "  skipped " << s << "\n";
        }
    }
    return 0;
}

// ---- pdftext --------------------------------------------------------------------------------

int cmd_pdftext(const std::string& file) {
    pdf::Layout l = read_pdf_layout(file, read_input(file));
    std::cout << l.text;
    std::cerr << "pdftext: " << l.page_begin.size() << " pages, body " << l.body_size << " pt, "
              << l.markers << " footnote markers, " << l.furniture
              << " header/footer lines dropped\n";
    return 0;
}

} // namespace

namespace citegraph::cli {

void add_store_commands(CLI::App& app, Globals& g, std::vector<Command>& out) {
    auto ia = std::make_shared<ImportArgs>();
    auto* imp = app.add_subcommand("import", "import resolution texts or PDFs into the store "
                                             "(whole documents only; '-' reads stdin)");
    imp->add_option("files", ia->files, "text files")->required();
    imp->add_option("--lang", ia->language, "language of the texts (default: detect)");
    imp->add_flag("--strict", ia->strict, "stop at the first file that fails");
    imp->add_flag(
        "--keep-going", [ia](std::int64_t) { ia->strict = false; },
        "import the other files when one fails (default)");
    imp->add_flag("--report", ia->report, "list the unresolved references of each document");
    imp->add_option("-j,--jobs", ia->jobs,
                    "threads reading files (default: one per core); the store, the output and "
                    "the order are the same for any number")
        ->check(CLI::Range(0u, 256u));
    out.push_back({imp, [&g, ia] { return cmd_import(g, *ia); }});

    auto* stats = app.add_subcommand("stats", "node and edge counts by kind, relation and role");
    out.push_back({stats, [&g] { return cmd_stats(g); }});

    auto show_id = std::make_shared<std::string>();
    auto* show = app.add_subcommand("show", "a node, its names and its edges by paragraph");
    show->add_option("id", *show_id,
                     "node id, number (68/193), acronym or name in any language, e.g. "
                     "A/RES/68/193, UNODC, body:ga")
        ->required();
    out.push_back({show, [&g, show_id] { return cmd_show(g, *show_id); }});

    auto meta_files = std::make_shared<std::vector<std::string>>();
    auto* meta = app.add_subcommand(
        "import-metadata",
        "read UN Digital Library MARCXML records (191 symbol, 245/246 title, 269 date, 993 "
        "related) into the nodes; a title or date the store has is never replaced (conflicts "
        "are listed)");
    meta->add_option("files", *meta_files, "MARCXML files")->required();
    out.push_back({meta, [&g, meta_files] { return cmd_import_metadata(g, *meta_files); }});

    auto pdf_file = std::make_shared<std::string>();
    auto* pdftext =
        app.add_subcommand("pdftext", "print the text the PDF importer reads from a PDF (the "
                                      "text that the spans of its paragraphs and edges index)");
    pdftext->add_option("file", *pdf_file, "PDF file")->required();
    out.push_back({pdftext, [pdf_file] { return cmd_pdftext(*pdf_file); }});

    auto ea = std::make_shared<ExportArgs>();
    auto* exp = app.add_subcommand(
        "export",
        "write the graph or a sub-graph. Layout for svg: 'dot' up to 150 nodes, 'sfdp' up to "
        "--max-layout-nodes (default 10000); larger graphs are refused: filter them with "
        "--from/--depth, --relation or --kind");
    exp->add_option("--format,-f", ea->format, "dot|svg|graphml|gexf|jsonld|neo4j|undo-nq|html")
        ->required();
    exp->add_option("-o,--output", ea->output, "output file ('-' stdout); a directory for neo4j")
        ->capture_default_str();
    auto* from = exp->add_option(
        "--from", ea->from, "keep the neighbourhood of this node (id, number, acronym or name)");
    exp->add_option("--depth", ea->depth, "hops from --from (either direction)")
        ->capture_default_str()
        ->check(CLI::Range(0, 100))
        ->needs(from);
    exp->add_option("--relation", ea->relations, "keep only these relations");
    exp->add_option("--kind", ea->kinds, "keep only nodes of these kinds");
    exp->add_option("--lang", ea->options.lang, "label language for dot/svg")
        ->capture_default_str();
    exp->add_option("--font", ea->options.font, "font for dot/svg (CJK-capable)")
        ->capture_default_str();
    exp->add_option("--layout", ea->options.layout, "auto|dot|sfdp")->capture_default_str();
    exp->add_flag("--aggregate", ea->options.aggregate,
                  "graphml: one weighted edge per citing/cited pair (weight = citations)");
    exp->add_option("--picture", ea->options.picture,
                    "svg: auto (one hop from --from: neighbourhood; over 150 nodes: overview), "
                    "graph (Graphviz), neighbourhood, overview")
        ->capture_default_str();
    exp->add_option("--max-layout-nodes", ea->options.max_layout_nodes,
                    "refuse to lay out larger graphs")
        ->capture_default_str();
    out.push_back({exp, [&g, ea] { return cmd_export(g, *ea); }});
}

} // namespace citegraph::cli

int main(int argc, char** argv) {
    CLI::App app{"citegraph: a citation knowledge graph of United Nations resolutions"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("citegraph ") + citegraph::kVersion,
                         "print \"citegraph VERSION\" and exit");
    Globals g{Store::kDefaultPath, ImportContext::default_data_dir()};
    app.add_option("--db", g.db, "SQLite store file")->capture_default_str();
    app.add_option("--data", g.data, "data directory (lexicons, gazetteer)")->capture_default_str();
    std::vector<Command> commands;
    add_store_commands(app, g, commands);
    add_query_commands(app, g, commands);
    add_overlap_commands(app, g, commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        // A file whose name starts with '-' reads as an option: say how to name it.
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            std::error_code ec;
            if (arg.size() > 1 && arg[0] == '-' && std::filesystem::exists(arg, ec)) {
                std::cerr << "citegraph: '" << arg
                          << "' is read as an option; to name the file, write ./" << arg
                          << " or put -- before the file names\n";
            }
        }
        return kUsage;
    }
    int code = kUsage;
    try {
        for (const auto& c : commands) {
            if (*c.app) {
                code = c.run();
                break;
            }
        }
    } catch (const Error& e) {
        std::cerr << "citegraph: error: " << e.what() << "\n";
        code = kInput;
    }
    // Standard output is checked like any file: a full disk or a closed pipe is an error, not
    // a success with the output lost.
    std::cout.flush();
    if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int e = errno;
        std::cerr << "citegraph: error: cannot write standard output"
                  << (e != 0 ? std::string(" (") + std::strerror(e) + ")" : std::string()) << "\n";
        return code == kOk ? kInput : code;
    }
    return code;
}
