// Every Chinese text of ../shared/corpus (zh/ and misc/) imports without an error, and what
// it finds is anchored in the text. Labelled `corpus`.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace citegraph;
using namespace citegraph::testing;
namespace fs = std::filesystem;

namespace {
std::vector<fs::path> chinese_texts() {
    std::vector<fs::path> out;
    for (const char* sub : {"zh", "misc"}) {
        fs::path dir = fs::path(CITEGRAPH_SHARED_DIR) / "corpus" / sub;
        if (!fs::is_directory(dir)) {
            continue;
        }
        for (const auto& e : fs::directory_iterator(dir)) {
            std::string name = e.path().filename().string();
            if (name.find(".zh") != std::string::npos && e.path().extension() == ".txt") {
                out.push_back(e.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST_CASE("corpus: every Chinese text imports without an error", "[corpus]") {
    auto files = chinese_texts();
    REQUIRE(files.size() >= 20); // 12 in zh/, the rest in misc/
    std::size_t edges = 0;
    for (const auto& f : files) {
        CAPTURE(f.string());
        ImportResult r;
        REQUIRE_NOTHROW(r = import_file(context(), f.string()));
        CHECK_FALSE(r.batch.document.paragraphs.empty());
        CHECK(r.batch.document.language.rfind("zh", 0) == 0);
        std::string raw = read_file(f.string());
        for (const auto& e : r.batch.edges) {
            CHECK(e.prov.span_end <= raw.size());
            CHECK(e.prov.span_begin < e.prov.span_end);
        }
        edges += r.batch.edges.size();
    }
    CHECK(edges > 0);
}
