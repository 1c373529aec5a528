// The seed document, A/RES/68/193 in Chinese, pinned by a golden file that was read against
// the text paragraph by paragraph (tests/importers/golden/A_RES_68_193.zh.golden).
#include "support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

using namespace citegraph;
using namespace citegraph::testing;

namespace {
const std::string kSeed = std::string(CITEGRAPH_DATA_DIR) + "/samples/A_RES_68_193.zh.txt";
const std::string kGolden =
    std::string(CITEGRAPH_FIXTURES_DIR) + "/../importers/golden/A_RES_68_193.zh.golden";

const ImportResult& seed() {
    static ImportResult r = import_file(context(), kSeed);
    return r;
}
} // namespace

TEST_CASE("seed: 43 preambular and 50 operative paragraphs in order", "[seed]") {
    const auto& pars = seed().batch.document.paragraphs;
    REQUIRE(pars.size() == 93);
    for (int i = 0; i < 43; ++i) {
        CHECK(pars[static_cast<std::size_t>(i)].label == "pp" + std::to_string(i + 1));
    }
    for (int i = 0; i < 50; ++i) {
        CHECK(pars[static_cast<std::size_t>(43 + i)].label == "op" + std::to_string(i + 1));
    }
}

TEST_CASE("seed: the header", "[seed]") {
    const auto& b = seed().batch;
    CHECK(b.document.id == "A/RES/68/193");
    CHECK(b.document.language == "zh");
    CHECK(b.document.agenda_item == "108");
    CHECK(b.document.meeting == "70");
    const NodeRecord* self = find_node(b, "A/RES/68/193");
    REQUIRE(self);
    CHECK(self->date == "2013-12-18");
    CHECK(self->session == "68");
    CHECK(self->names.at("zh") == "加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力");
    CHECK(has_edge(b, "header adopted_on_report object A/68/457"));
    CHECK(has_edge(b, "header adopted_on_report object body:c3"));
}

TEST_CASE("seed: paragraphs cut by page ends are whole again", "[seed]") {
    std::map<std::string, std::string> text;
    for (const auto& p : seed().batch.document.paragraphs) {
        text[p.label] = p.text;
    }
    CHECK(text["pp13"].find("和《联合国反腐败公约》的缔约国充分实施") != std::string::npos);
    CHECK(text["op9"].find("所有利益攸关方密切合作") != std::string::npos);
    CHECK(text["op18"].find("在其现有任务授权范围内") != std::string::npos);
    CHECK(text["op35"].find("关闭和开设区域办公室") != std::string::npos);
    CHECK(text["op44"].find("支持编制可用于培训") != std::string::npos);
    // No footnote text leaked into a paragraph.
    for (const auto& [label, t] : text) {
        CAPTURE(label);
        CHECK(t.find("条约汇编") == std::string::npos);
    }
}

TEST_CASE("seed: pp1 reaffirms exactly its seven resolutions", "[seed]") {
    std::set<std::string> pp1;
    for (const auto& e : seed().batch.edges) {
        if (e.prov.paragraph == "pp1") {
            CHECK(e.relation == Relation::reaffirms);
            CHECK(e.role == Role::object);
            pp1.insert(e.target);
        }
    }
    CHECK(pp1 == std::set<std::string>{"A/RES/46/152", "A/RES/60/1", "A/RES/67/1", "A/RES/67/186",
                                       "A/RES/67/189", "A/RES/67/190", "A/RES/67/192"});
}

TEST_CASE("seed: mandate edges", "[seed]") {
    std::multiset<std::string> mandates;
    for (const auto& l : edge_lines(seed().batch)) {
        if (l.find(" addressee ") != std::string::npos) {
            mandates.insert(l);
        }
    }
    CHECK(mandates.count("op12 requests addressee body:unodc") == 1);
    CHECK(mandates.count("op39 requests addressee body:sg") == 1);
    CHECK(mandates.count("op49 requests addressee body:sg") == 1);
    CHECK(mandates.count("op50 requests addressee body:sg") == 1);
    CHECK(mandates.count("op4 urges addressee actor:member-states") == 1);
    CHECK(mandates.count("op4 urges addressee actor:states-parties") == 1);
    CHECK(mandates.count("op9 recommends addressee actor:member-states") == 1);
    CHECK(mandates.count("op9 requests addressee body:unodc") == 1);
    CHECK(mandates.count("op23 requests addressee body:unodc") == 1);
    CHECK(mandates.count("op24 requests addressee body:unodc") == 1);
    CHECK(mandates.count("op41 requests addressee body:unodc") == 1);
    CHECK(mandates.count("op41 invites addressee actor:member-states") == 1);
    // op18 urges Member States twice (敦促各会员国 … 此外敦促会员国), in two clauses.
    CHECK(mandates.count("op18 urges addressee actor:member-states") == 2);
    // Every mandate is operative.
    for (const auto& m : mandates) {
        CHECK(m.rfind("op", 0) == 0);
    }
    CHECK(mandates.size() == 47);
}

TEST_CASE("seed: every span points at the cited text in the original file", "[seed]") {
    std::string raw = read_file(kSeed);
    for (const auto& e : seed().batch.edges) {
        REQUIRE(e.prov.span_end > e.prov.span_begin);
        REQUIRE(e.prov.span_end <= raw.size());
        std::string cited = raw.substr(e.prov.span_begin, e.prov.span_end - e.prov.span_begin);
        if (e.target.rfind("A/RES/", 0) == 0 && e.role != Role::source) {
            // "46/152" as written (possibly with spaces) inside the span
            std::string number = e.target.substr(6);
            CAPTURE(e.target, cited);
            CHECK(cited.find(number) != std::string::npos);
        }
    }
}

TEST_CASE("seed: the full import matches the reviewed golden file", "[seed][golden]") {
    std::string got = describe(seed().batch);
    if (std::getenv("CITEGRAPH_UPDATE_GOLDEN")) {
        std::ofstream(kGolden, std::ios::binary) << got;
    }
    std::string want = read_file(kGolden);
    REQUIRE_FALSE(want.empty());
    if (got != want) {
        // Name the first differing line rather than dumping both files.
        std::size_t line = 1, i = 0;
        while (i < got.size() && i < want.size() && got[i] == want[i]) {
            line += got[i] == '\n';
            ++i;
        }
        FAIL("golden mismatch at line " << line << " of " << kGolden
                                        << " (CITEGRAPH_UPDATE_GOLDEN=1 rewrites it; then read "
                                           "the diff against the text)");
    }
}
