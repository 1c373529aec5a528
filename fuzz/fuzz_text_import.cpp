// libFuzzer target: the whole text-import pipeline (clean -> segment -> extract -> batch) on
// arbitrary bytes, with the bundled data tables. InputError is the expected refusal; anything
// else (another exception, a sanitizer report, a crash) is a bug.
#include "citegraph/engine/error.hpp"
#include "citegraph/importers/importer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

using namespace citegraph;

namespace {

ImportContext& context() {
    static ImportContext ctx([] {
        const char* env = std::getenv("CITEGRAPH_DATA");
        return std::string(env && *env ? env : CITEGRAPH_DATA_DIR);
    }());
    return ctx;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static std::unique_ptr<Importer> importer = make_text_importer(context());
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        // A file name with a symbol, so that texts without a title line still reach the
        // segmenter and extractor; the language is detected from the characters.
        ImportResult r = importer->import("A_RES_68_193.txt", bytes);
        // Every span must lie inside the input.
        for (const auto& p : r.batch.document.paragraphs) {
            if (p.span_begin > p.span_end || p.span_end > size) {
                std::abort();
            }
        }
        for (const auto& e : r.batch.edges) {
            if (e.prov.span_begin > e.prov.span_end || e.prov.span_end > size) {
                std::abort();
            }
        }
    } catch (const InputError&) {
    }
    return 0;
}
