// Every input a fuzzer once crashed on (tests/robustness/regressions/<target>/) runs again:
// texts through `import`, stores through `stats` and `export`, symbols through the grammar.
// Exit 0 or 2 (a clean refusal), never a signal or another code.
#include "citegraph/engine/symbol.hpp"
#include "rob_support.hpp"

#include <algorithm>

using namespace rob;

namespace {

std::vector<fs::path> inputs(const std::string& target) {
    std::vector<fs::path> out;
    fs::path dir = fs::path(CITEGRAPH_REGRESSIONS_DIR) / target;
    if (fs::exists(dir)) {
        for (const auto& e : fs::directory_iterator(dir)) {
            if (e.is_regular_file() && e.path().filename() != "README.md") {
                out.push_back(e.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("robustness: fuzzer regressions of the text importer", "[robustness][regressions]") {
    fs::path dir = work_dir("regressions-text");
    for (const auto& f : inputs("fuzz_text_import")) {
        // The fuzz target reads every input as A_RES_68_193.txt.
        fs::path copy = dir / "A_RES_68_193.txt";
        fs::copy_file(f, copy, fs::copy_options::overwrite_existing);
        Run r =
            run("--db " + quote((dir / "store.db").string()) + " import " + quote(copy.string()));
        INFO(f << ": " << r.out.substr(0, 2000));
        CHECK(r.signal == 0);
        CHECK((r.code == 0 || r.code == 2));
        CHECK(fingerprint((dir / "store.db").string()).integrity == "ok");
    }
}

TEST_CASE("robustness: fuzzer regressions of the store loader", "[robustness][regressions]") {
    fs::path dir = work_dir("regressions-store");
    for (const auto& f : inputs("fuzz_store")) {
        for (const char* cmd : {" stats", " export --format jsonld -o /dev/null"}) {
            fs::path copy = dir / "store.db";
            fs::remove(dir / "store.db-wal");
            fs::remove(dir / "store.db-shm");
            fs::copy_file(f, copy, fs::copy_options::overwrite_existing);
            Run r = run("--db " + quote(copy.string()) + cmd);
            INFO(f << cmd << ": " << r.out.substr(0, 2000));
            CHECK(r.signal == 0);
            CHECK((r.code == 0 || r.code == 2));
        }
    }
}

TEST_CASE("robustness: fuzzer regressions of the symbol grammar", "[robustness][regressions]") {
    const citegraph::Organ organs[] = {
        citegraph::Organ::general_assembly(), citegraph::Organ::security_council(),
        citegraph::Organ::ecosoc(), citegraph::Organ{"A/HRC/RES", "A/HRC/DEC"},
        citegraph::Organ{"CCPCJ/RES", "CCPCJ/DEC"}};
    for (const auto& f : inputs("fuzz_symbol")) {
        std::string bytes = read_file(f);
        if (bytes.empty()) {
            continue;
        }
        INFO(f);
        auto sel = static_cast<unsigned char>(bytes[0]);
        std::string_view text(bytes.data() + 1, bytes.size() - 1);
        if (auto s = citegraph::parse_symbol(text)) {
            auto again = citegraph::parse_symbol(s->key);
            REQUIRE(again);
            CHECK(again->key == s->key);
        }
        CHECK_NOTHROW(citegraph::parse_resolution_number(text, organs[sel % 5], (sel & 0x80) != 0));
        CHECK_NOTHROW(citegraph::roman_value(text));
    }
}
