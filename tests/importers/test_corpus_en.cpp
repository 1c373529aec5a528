// The English General Assembly corpus (../shared/corpus/en-ga): every text imports without an
// error, and three documents are pinned by golden files read against their texts. Label
// `corpus`.
#include "citegraph/engine/symbol.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

using namespace citegraph;
using namespace citegraph::testing;
namespace fs = std::filesystem;

namespace {
const fs::path kCorpus = fs::path(CITEGRAPH_SHARED_DIR) / "corpus" / "en-ga";
const fs::path kGolden = fs::path(CITEGRAPH_DATA_DIR) / ".." / "tests" / "importers" / "golden";

void check_golden(const std::string& file, const std::string& golden) {
    ImportResult r = import_file(context(), (kCorpus / file).string());
    std::string got = describe(r.batch);
    fs::path path = kGolden / golden;
    if (std::getenv("CITEGRAPH_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << got;
    }
    std::string want = read_file(path.string());
    REQUIRE_FALSE(want.empty());
    if (got != want) {
        std::size_t line = 1, i = 0;
        while (i < got.size() && i < want.size() && got[i] == want[i]) {
            line += got[i] == '\n';
            ++i;
        }
        FAIL("golden mismatch at line " << line << " of " << path.string());
    }
}
} // namespace

TEST_CASE("corpus: every English General Assembly text imports without an error", "[corpus]") {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kCorpus)) {
        if (e.path().extension() == ".txt") {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 902);
    std::size_t edges = 0, paragraphs = 0, named = 0;
    std::vector<std::string> contradictions;
    std::map<std::string, std::size_t> by_relation;
    for (const auto& f : files) {
        CAPTURE(f.string());
        ImportResult r;
        REQUIRE_NOTHROW(r = import_file(context(), f.string()));
        CHECK(r.batch.document.language == "en");
        CHECK_FALSE(r.batch.document.paragraphs.empty());
        // The file name and the title line agree on the symbol.
        named += r.batch.document.id == symbol_from_file_name(f.string());
        edges += r.batch.edges.size();
        paragraphs += r.batch.document.paragraphs.size();
        for (const auto& e : r.batch.edges) {
            ++by_relation[std::string(to_string(e.relation))];
        }
        // Every date the texts give a resolution or decision fits its symbol's session.
        for (const auto& n : r.batch.nodes) {
            if (auto w = date_window(n.id); w && !n.date.empty() && !w->contains(n.date)) {
                contradictions.push_back(n.id + " " + n.date + " in " + f.filename().string());
            }
        }
    }
    CAPTURE(contradictions);
    CHECK(contradictions.empty());
    CHECK(named == files.size());
    // 39,872 paragraphs (41,237 before sub-items "(a)", "- " and lines or blocks that start in
    // lower case joined the paragraph they belong to).
    CHECK(paragraphs > 39000);
    CHECK(edges > 30000);
    // (Segmenter round of 2026-12-03: approves 183 -> 189, six single-paragraph "The General
    // Assembly⏎Adopts …" texts, read; refers_to 676 -> 532, the works of preambles whose
    // section heading ("I⏎Support account …") glued onto "Recalling …" now typed by that verb,
    // 135 recalls and 39 notes gained in 9 texts, the heading becoming a paragraph of its own.)
    // Edges per relation pinned within 1 %: a change that moves a count further was not a
    // refactoring, and its author reads the difference against the texts and sets the count
    // anew (measured 2026-12-03: 57,555 edges; then 58,456: `refers_to` 676, the references
    // named without a clause verb, and the Environment and UN-Habitat Assemblies' series).
    const std::map<std::string, std::size_t> pinned = {{"adopted_on_report", 1421},
                                                       {"approves", 189},
                                                       {"aware", 796},
                                                       {"calls_upon", 4189},
                                                       {"commends", 177},
                                                       {"condemns", 75},
                                                       {"considers", 703},
                                                       {"convinced", 61},
                                                       {"decides", 1011},
                                                       {"draws_attention", 57},
                                                       {"emphasizes", 1912},
                                                       {"encourages", 5227},
                                                       {"endorses", 296},
                                                       {"expresses_appreciation", 278},
                                                       {"expresses_concern", 564},
                                                       {"guided_by", 190},
                                                       {"invites", 2003},
                                                       {"notes", 7392},
                                                       {"reaffirms", 5084},
                                                       {"recalls", 13419},
                                                       {"recognizes", 2142},
                                                       {"recommends", 147},
                                                       {"refers_to", 532},
                                                       {"requests", 4531},
                                                       {"urges", 2745},
                                                       {"welcomes", 3177}};
    for (const auto& [relation, want] : pinned) {
        CAPTURE(relation, want, by_relation[relation]);
        CHECK(by_relation[relation] * 100 >= want * 99);
        CHECK(by_relation[relation] * 100 <= want * 101);
    }
    CHECK(by_relation.size() == pinned.size());
}

TEST_CASE("corpus: A/RES/78/229 (the series of 68/193) matches its reviewed golden file",
          "[corpus][golden]") {
    check_golden("A_RES_78_229.en.txt", "A_RES_78_229.en.golden");
}

TEST_CASE("corpus: A/RES/78/78 (Security Council and Human Rights Council citations) matches "
          "its reviewed golden file",
          "[corpus][golden]") {
    check_golden("A_RES_78_78.en.txt", "A_RES_78_78.en.golden");
}

TEST_CASE("corpus: A/RES/80/3 (a declaration in an annex) matches its reviewed golden file",
          "[corpus][golden]") {
    check_golden("A_RES_80_3.en.txt", "A_RES_80_3.en.golden");
}
