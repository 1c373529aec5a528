// The command's import path end to end on the English GA corpus: files read from disk (page
// cache warm), imported on 1 or 2 threads by import_in_order(), written to a fresh SQLite
// store in input order in groups of 64 documents per transaction (Store::Bulk), as
// `citegraph import -j N` does.
//
// Input: CITEGRAPH_BENCH_ENGA, a directory of English GA texts
// [<source>/../shared/corpus/en-ga].
#include "bench_util.hpp"
#include "citegraph/engine/store.hpp"
#include "citegraph/importers/parallel.hpp"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <unistd.h>

namespace {

void BM_ImportPipelineEnGa(benchmark::State& state) {
    const std::string dir = citegraph::bench::env_or(
        "CITEGRAPH_BENCH_ENGA", std::string(CITEGRAPH_SOURCE_DIR) + "/../shared/corpus/en-ga");
    std::vector<std::string> files;
    for (const auto& f : citegraph::bench::read_txt_dir(dir)) {
        files.push_back(f.path);
    }
    if (files.empty()) {
        state.SkipWithError("no input: CITEGRAPH_BENCH_ENGA");
        return;
    }
    const auto jobs = static_cast<unsigned>(state.range(0));
    citegraph::ImportContext ctx(citegraph::ImportContext::default_data_dir());
    const std::string db = (std::filesystem::temp_directory_path() /
                            ("citegraph_bench_pipeline_" + std::to_string(::getpid()) + ".db"))
                               .string();
    auto remove_db = [&] {
        for (const char* s : {"", "-wal", "-shm"}) {
            std::filesystem::remove(db + s);
        }
    };
    std::size_t imported = 0, failed = 0;
    for (auto _ : state) {
        state.PauseTiming();
        remove_db();
        state.ResumeTiming();
        imported = failed = 0;
        citegraph::Store store(db);
        citegraph::Store::Bulk bulk(store);
        citegraph::import_in_order(ctx, files, "", jobs,
                                   [&](std::size_t, citegraph::FileOutcome& o) {
                                       if (o.error) {
                                           ++failed;
                                       } else {
                                           bulk.add(o.result->batch);
                                           ++imported;
                                       }
                                       if (bulk.pending() == 64) { // the command's group size
                                           bulk.commit();
                                       }
                                       return true;
                                   });
        bulk.commit();
    }
    remove_db();
    state.counters["documents"] = static_cast<double>(imported);
    state.counters["failed"] = static_cast<double>(failed);
    state.counters["jobs"] = jobs;
}
BENCHMARK(BM_ImportPipelineEnGa)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
