// Hot paths of the importer: the whole text pipeline on the seed document, and the symbol
// grammar. Figures go to the README; run: build/bench/citegraph_bench
#include "citegraph/engine/symbol.hpp"
#include "citegraph/importers/importer.hpp"

#include <benchmark/benchmark.h>
#include <fstream>
#include <sstream>

namespace {

std::string seed_text() {
    std::ifstream in(std::string(CITEGRAPH_DATA_DIR) + "/samples/A_RES_68_193.zh.txt",
                     std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
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

} // namespace

BENCHMARK_MAIN();
