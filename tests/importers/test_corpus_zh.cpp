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

namespace {
// "relation role target" of every edge, whatever its paragraph (web copies run paragraphs
// together or lose their final comma, which moves labels but not what is cited how).
bool has_relation(const ImportBatch& b, const std::string& want) {
    for (const auto& e : b.edges) {
        if (std::string(to_string(e.relation)) + " " + std::string(to_string(e.role)) + " " +
                e.target ==
            want) {
            return true;
        }
    }
    return false;
}
} // namespace

TEST_CASE("corpus: Chinese GA, SC and ECOSOC texts give the citations read from them", "[corpus]") {
    // Each row was read from the Chinese text (the clause verb and what it cites); the English
    // verb table's relation for the English rendering of that verb is the one expected.
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"zh/S_RES_1373_2001.zh.txt",
         {"reaffirms object S/RES/1269(1999)", "reaffirms object S/RES/1368(2001)",
          "reaffirms object treaty:charter", "reaffirms object S/RES/1189(1998)"}},
        {"misc/S_RES_1356_2001.zh-Hant.txt",
         {"reaffirms object S/RES/733(1992)", "reaffirms object S/RES/751(1992)",
          "decides object S/RES/733(1992)"}},
        {"zh/A_RES_50_58.zh.txt", {"notes object S/RES/1020(1995)"}},
        {"zh/A_RES_50_28.zh-Hant.txt",
         {"recalls object A/RES/49/35A", "recalls object A/RES/194(III)",
          "notes object A/RES/194(III)"}},
        {"zh/A_RES_51_45.zh.txt",
         {"recalls object A/RES/2373(XXII)", "recalls object A/RES/50/70Q",
          "requests addressee body:sg"}},
        {"zh/A_RES_52_133.zh.txt",
         {"guided_by object treaty:charter", "recalls object A/RES/48/122",
          "recalls object A/RES/49/185", "recalls object A/RES/50/186"}},
        {"zh/A_RES_55_109.zh.txt",
         {"recalls object A/RES/54/181", "recalls object A/RES/54/113",
          "reaffirms object treaty:charter"}},
        {"zh/A_RES_55_199.zh.txt",
         {"recalls object A/RES/53/188", "recalls object A/RES/54/218",
          "recalls object A/RES/55/2"}},
        {"zh/A_RES_65_118.zh.txt",
         {"recalls object A/RES/1514(XV)", "considers object A/RES/55/146"}},
        {"zh/A_RES_68_262.zh.txt",
         {"reaffirms object treaty:charter", "recalls object A/RES/2625(XXV)"}},
        {"zh/E_RES_2002_13.zh.txt", {"aware object E/RES/1996/16", "recalls object E/RES/1997/33"}},
        // 1946-1964: resolutions numbered in words (决议案四十六(一九四八)), operative
        // paragraphs numbered 一. 二., the voting line closing the text.
        {"misc/S_RES_48_1948.zh.txt", {"recalls object S/RES/46(1948)"}},
        {"misc/S_RES_44_1948.zh-Hant.txt", {"notes object A/RES/181(II)"}},
        {"misc/S_RES_20_1947.zh-Hant.txt",
         {"calls_upon mention A/RES/1(I)", "calls_upon mention A/RES/41(I)"}},
        {"misc/S_RES_56_1948.zh-Hant.txt",
         {"calls_upon mention S/RES/54(1948)", "decides object S/RES/54(1948)"}},
        {"misc/S_RES_2326_2016.zh-Hant.txt",
         {"recalls object S/RES/1996(2011)", "recalls object S/RES/2304(2016)",
          "recalls object S/PRST/2016/3", "decides object S/RES/2252(2015)"}},
        {"misc/S_RES_199_1964.zh.txt",
         {"requests addressee actor:all-states", "requests addressee body:sg"}},
    };
    for (const auto& [file, want] : cases) {
        std::string path = std::string(CITEGRAPH_SHARED_DIR) + "/corpus/" + file;
        CAPTURE(file);
        ImportResult r;
        REQUIRE_NOTHROW(r = import_file(context(), path));
        INFO(describe(r.batch));
        for (const auto& w : want) {
            CAPTURE(w);
            CHECK(has_relation(r.batch, w));
        }
        // The Wikisource licence note after the text is not the resolution's.
        for (const auto& e : r.batch.edges) {
            CHECK(e.target != "ST/AI/189/Add.9/Rev.2");
        }
        // A Council text never cites the Council itself (安理会 = "its").
        if (file.find("S_RES_") != std::string::npos) {
            for (const auto& e : r.batch.edges) {
                CHECK(e.target != "body:sc");
            }
        }
    }
}
