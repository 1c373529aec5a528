// The minimised corpus of each fuzz target and every input a fuzzer once crashed on
// (tests/robustness/regressions/<target>/) run again: texts through the importer and a store
// (crash files also through `import`), stores through `stats` and `export`, symbols through
// the grammar, page geometry through the PDF layout stage. Exit 0 or 2 (a clean refusal), never a
// signal or another code; an empty folder is a failure.
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/store.hpp"
#include "citegraph/engine/symbol.hpp"
#include "citegraph/importers/importer.hpp"
#include "pdf_layout_input.hpp"
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
    // An empty or missing folder is a failure, not a test that passes by running nothing.
    INFO("no regression inputs in " << dir << " (commit the fuzzer's corpus and findings)");
    REQUIRE(!out.empty());
    return out;
}

} // namespace

TEST_CASE("robustness: fuzzer regressions of the text importer", "[robustness][regressions]") {
    // In-process, as the fuzz target runs them (hundreds of inputs: a process each would take
    // a minute): import_file() on a copy named as the target names its input, then the batch
    // into a real store. An InputError is a clean refusal; any other exception fails the test.
    fs::path dir = work_dir("regressions-text");
    const std::string db = (dir / "store.db").string();
    citegraph::ImportContext ctx(CITEGRAPH_DATA_DIR);
    std::size_t imported = 0, refused = 0;
    const auto files = inputs("fuzz_text_import");
    {
        citegraph::Store store(db);
        for (const auto& f : files) {
            fs::path copy = dir / "A_RES_68_193.txt";
            fs::copy_file(f, copy, fs::copy_options::overwrite_existing);
            INFO(f);
            try {
                citegraph::ImportResult r = citegraph::import_file(ctx, copy.string());
                store.import(r.batch);
                ++imported;
            } catch (const citegraph::InputError&) {
                ++refused;
            }
        }
    }
    CHECK(imported + refused == files.size());
    CHECK(imported > 0); // the corpus holds texts that import, not only refusals
    CHECK(fingerprint(db).integrity == "ok");
    // What a fuzzer crashed, hung or leaked on also goes through the real command.
    for (const auto& f : files) {
        const std::string name = f.filename().string();
        if (name.rfind("crash-", 0) != 0 && name.rfind("timeout-", 0) != 0 &&
            name.rfind("leak-", 0) != 0) {
            continue;
        }
        fs::path copy = dir / "A_RES_68_193.txt";
        fs::copy_file(f, copy, fs::copy_options::overwrite_existing);
        Run r = run("--db " + quote(db) + " import " + quote(copy.string()));
        INFO(f << ": " << r.out.substr(0, 2000));
        CHECK(r.signal == 0);
        CHECK((r.code == 0 || r.code == 2));
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
            continue; // libFuzzer's corpus holds the empty input too
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

TEST_CASE("robustness: fuzzer regressions of the PDF layout stage", "[robustness][regressions]") {
    // The page geometry the fuzz target decodes, laid out again with the target's checks.
    std::size_t words = 0, pages = 0;
    for (const auto& f : inputs("fuzz_pdf_layout")) {
        const std::string bytes = read_file(f);
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
        const auto decoded = citegraph::fuzzing::decode_pages(data, bytes.size());
        INFO(f);
        citegraph::pdf::Layout l;
        REQUIRE_NOTHROW(l = citegraph::pdf::lay_out(decoded));
        CHECK(citegraph::fuzzing::layout_holds(decoded, l));
        pages += decoded.size();
        for (const auto& p : decoded) {
            words += p.words.size();
        }
    }
    // The corpus holds real geometry, not only empty pages.
    CHECK(words > 1000);
    CHECK(pages > 100);
}
