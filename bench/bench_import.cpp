// Hot paths of the importer: the whole text pipeline on the seed document, on the real English
// GA corpus and on the synthetic zh+en corpus (bench/gen_corpus.py); the symbol grammar; the
// gazetteer automaton on the peer's corpus; the SQLite store's bulk import.
//
// Inputs (environment; defaults in brackets, a missing input skips its benchmark):
//   CITEGRAPH_BENCH_ENGA   directory of English GA texts [<source>/../shared/corpus/en-ga]
//   CITEGRAPH_BENCH_SYNTH  directory of synthetic texts from bench/gen_corpus.py [none]
//   CITEGRAPH_BENCH_PEER   peer_baseline.py --dump-dir output (corpus.txt, gazetteer.txt) [none]
//   CITEGRAPH_BENCH_ROWS_OUT  if set, BM_StoreImportAll writes the edge rows it stores there
//                          (TSV) so bench/peer_sqlite.py inserts the very same rows
// Run: build-bench/bench/citegraph_bench --benchmark_filter=Import
#include "bench_util.hpp"
#include "citegraph/engine/store.hpp"
#include "citegraph/engine/symbol.hpp"
#include "citegraph/importers/aho_corasick.hpp"
#include "citegraph/importers/importer.hpp"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <unistd.h>
#include <unordered_map>

namespace {

using citegraph::bench::env_or;
using citegraph::bench::read_file;
using citegraph::bench::read_txt_dir;
using citegraph::bench::TextFile;

std::string seed_text() {
    return read_file(std::string(CITEGRAPH_DATA_DIR) + "/samples/A_RES_68_193.zh.txt");
}

void BM_ImportSeedZh(benchmark::State& state) {
    citegraph::ImportContext ctx(CITEGRAPH_DATA_DIR);
    auto importer = citegraph::make_text_importer(ctx);
    std::string text = seed_text();
    std::size_t edges = 0;
    for (auto _ : state) {
        auto r = importer->import("A_RES_68_193.zh.txt", text, "zh");
        edges = r.batch.edges.size();
        benchmark::DoNotOptimize(edges);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
    state.counters["edges"] = static_cast<double>(edges);
}
BENCHMARK(BM_ImportSeedZh);

void BM_ParseResolutionNumber(benchmark::State& state) {
    const char* forms[] = {"68/193", "2625 (XXV)", "1373 (2001)", "ES-10/19", "49/35 A", "12/18"};
    std::size_t ok = 0;
    for (auto _ : state) {
        for (const char* f : forms) {
            ok += citegraph::parse_resolution_number(f, citegraph::Organ{}).has_value();
        }
    }
    benchmark::DoNotOptimize(ok);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 6);
}
BENCHMARK(BM_ParseResolutionNumber);

// ---- corpus import ---------------------------------------------------------------------------

std::string enga_dir() {
    return env_or("CITEGRAPH_BENCH_ENGA",
                  std::string(CITEGRAPH_SOURCE_DIR) + "/../shared/corpus/en-ga");
}

const std::vector<TextFile>& enga_files() {
    static const std::vector<TextFile> files = read_txt_dir(enga_dir());
    return files;
}

const std::vector<TextFile>& synth_files() {
    static const std::vector<TextFile> files = read_txt_dir(env_or("CITEGRAPH_BENCH_SYNTH", ""));
    return files;
}

std::string lang_of(const std::string& path) {
    return path.find(".zh.") != std::string::npos ? "zh" : "en";
}

struct CorpusCounts {
    std::size_t documents = 0, failed = 0, paragraphs = 0, edges = 0;
    std::size_t resolution_edges = 0; // edges whose target is a Resolution or Decision
    std::size_t symbol_edges = 0;     // ... or any other UN-symbol document
};

// Imports every file; keeps the batches when `keep` is given.
CorpusCounts import_corpus(citegraph::Importer& importer, const std::vector<TextFile>& files,
                           std::vector<citegraph::ImportBatch>* keep) {
    CorpusCounts c;
    std::unordered_map<std::string, citegraph::NodeKind> kind;
    for (const auto& f : files) {
        citegraph::ImportResult r;
        try {
            r = importer.import(f.path, f.bytes, lang_of(f.path));
        } catch (const std::exception&) {
            ++c.failed;
            continue;
        }
        ++c.documents;
        c.paragraphs += r.batch.document.paragraphs.size();
        c.edges += r.batch.edges.size();
        kind.clear();
        for (const auto& n : r.batch.nodes) {
            kind.emplace(n.id, n.kind);
        }
        for (const auto& e : r.batch.edges) {
            auto it = kind.find(e.target);
            if (it == kind.end()) {
                continue;
            }
            const auto k = it->second;
            const bool res =
                k == citegraph::NodeKind::Resolution || k == citegraph::NodeKind::Decision;
            c.resolution_edges += res;
            c.symbol_edges += res || k == citegraph::NodeKind::Document;
        }
        if (keep != nullptr) {
            keep->push_back(std::move(r.batch));
        }
    }
    return c;
}

void run_corpus(benchmark::State& state, const std::vector<TextFile>& files, const char* what) {
    if (files.empty()) {
        state.SkipWithError((std::string("no input: ") + what).c_str());
        return;
    }
    citegraph::ImportContext ctx(citegraph::ImportContext::default_data_dir());
    auto importer = citegraph::make_text_importer(ctx);
    std::int64_t bytes = 0;
    for (const auto& f : files) {
        bytes += static_cast<std::int64_t>(f.bytes.size());
    }
    CorpusCounts c;
    for (auto _ : state) {
        c = import_corpus(*importer, files, nullptr);
        benchmark::DoNotOptimize(c.edges);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
    state.counters["documents"] = static_cast<double>(c.documents);
    state.counters["failed"] = static_cast<double>(c.failed);
    state.counters["paragraphs"] = static_cast<double>(c.paragraphs);
    state.counters["edges"] = static_cast<double>(c.edges);
    state.counters["resolution_edges"] = static_cast<double>(c.resolution_edges);
    state.counters["symbol_edges"] = static_cast<double>(c.symbol_edges);
}

void BM_ImportCorpusEnGa(benchmark::State& state) {
    run_corpus(state, enga_files(), "CITEGRAPH_BENCH_ENGA");
}
BENCHMARK(BM_ImportCorpusEnGa)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ImportCorpusSynthetic(benchmark::State& state) {
    run_corpus(state, synth_files(), "CITEGRAPH_BENCH_SYNTH (bench/gen_corpus.py)");
}
BENCHMARK(BM_ImportCorpusSynthetic)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- gazetteer automaton -----------------------------------------------------------------------

void BM_GazetteerLongest(benchmark::State& state) {
    const std::string dir = env_or("CITEGRAPH_BENCH_PEER", "");
    const std::string corpus = dir.empty() ? std::string() : read_file(dir + "/corpus.txt");
    const std::string gaz = dir.empty() ? std::string() : read_file(dir + "/gazetteer.txt");
    if (corpus.empty() || gaz.empty()) {
        state.SkipWithError("no input: CITEGRAPH_BENCH_PEER (peer_baseline.py --dump-dir)");
        return;
    }
    citegraph::AhoCorasick ac;
    std::size_t names = 0;
    for (std::size_t a = 0; a < gaz.size();) {
        std::size_t b = gaz.find('\n', a);
        if (b == std::string::npos) {
            b = gaz.size();
        }
        if (b > a) {
            ac.add(std::string_view(gaz).substr(a, b - a));
            ++names;
        }
        a = b + 1;
    }
    ac.build();
    std::size_t matches = 0;
    for (auto _ : state) {
        matches = ac.find_longest(corpus).size();
        benchmark::DoNotOptimize(matches);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(corpus.size()));
    state.counters["matches"] = static_cast<double>(matches);
    state.counters["names"] = static_cast<double>(names);
}
BENCHMARK(BM_GazetteerLongest)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- store -----------------------------------------------------------------------------------

std::string tsv_field(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
    }
    return out;
}

void write_rows(const std::vector<citegraph::ImportBatch>& batches, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& b : batches) {
        for (const auto& e : b.edges) {
            out << tsv_field(e.source) << '\t' << tsv_field(e.target) << '\t'
                << citegraph::to_string(e.relation) << '\t' << citegraph::to_string(e.role) << '\t'
                << tsv_field(e.prov.document) << '\t' << e.prov.language << '\t' << e.prov.paragraph
                << '\t' << e.prov.span_begin << '\t' << e.prov.span_end << '\t'
                << tsv_field(e.prov.text) << '\n';
        }
    }
}

// Store::import_all of every batch of the English corpus into a fresh database (one
// transaction), and the end-to-end figure (text -> importer -> SQLite) as a counter.
void BM_StoreImportAll(benchmark::State& state) {
    const auto& files = enga_files();
    if (files.empty()) {
        state.SkipWithError("no input: CITEGRAPH_BENCH_ENGA");
        return;
    }
    citegraph::ImportContext ctx(citegraph::ImportContext::default_data_dir());
    auto importer = citegraph::make_text_importer(ctx);
    std::vector<citegraph::ImportBatch> batches;
    import_corpus(*importer, files, &batches);
    std::size_t rows = 0, edges = 0;
    for (const auto& b : batches) {
        rows += 1 + b.nodes.size() + b.edges.size() + b.document.paragraphs.size();
        edges += b.edges.size();
    }
    if (const std::string out = env_or("CITEGRAPH_BENCH_ROWS_OUT", ""); !out.empty()) {
        write_rows(batches, out);
    }
    const std::string db = (std::filesystem::temp_directory_path() /
                            ("citegraph_bench_" + std::to_string(::getpid()) + ".db"))
                               .string();
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove(db);
        state.ResumeTiming();
        citegraph::Store store(db);
        store.import_all(batches);
    }
    std::filesystem::remove(db);
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["edges"] = static_cast<double>(edges);
    state.counters["rows_per_s"] = benchmark::Counter(
        static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["edges_per_s"] = benchmark::Counter(
        static_cast<double>(edges), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_StoreImportAll)->Unit(benchmark::kMillisecond)->UseRealTime();

// Text to SQLite end to end: read nothing (files are in memory), import every document, write
// all batches in one transaction.
void BM_StoreEndToEnd(benchmark::State& state) {
    const auto& files = enga_files();
    if (files.empty()) {
        state.SkipWithError("no input: CITEGRAPH_BENCH_ENGA");
        return;
    }
    citegraph::ImportContext ctx(citegraph::ImportContext::default_data_dir());
    auto importer = citegraph::make_text_importer(ctx);
    const std::string db = (std::filesystem::temp_directory_path() /
                            ("citegraph_bench_e2e_" + std::to_string(::getpid()) + ".db"))
                               .string();
    std::size_t docs = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::filesystem::remove(db);
        state.ResumeTiming();
        std::vector<citegraph::ImportBatch> batches;
        docs = import_corpus(*importer, files, &batches).documents;
        citegraph::Store store(db);
        store.import_all(batches);
    }
    std::filesystem::remove(db);
    state.counters["documents"] = static_cast<double>(docs);
}
BENCHMARK(BM_StoreEndToEnd)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
