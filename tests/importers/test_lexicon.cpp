#include "citegraph/engine/error.hpp"
#include "citegraph/importers/lexicon.hpp"
#include "citegraph/importers/text_pipeline.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;
using citegraph::testing::context;

TEST_CASE("lexicon parses Chinese numerals", "[lexicon]") {
    CHECK(parse_zh_number("六十八") == 68);
    CHECK(parse_zh_number("十") == 10);
    CHECK(parse_zh_number("十二") == 12);
    CHECK(parse_zh_number("一百零八") == 108);
    CHECK(parse_zh_number("七十") == 70);
    CHECK(parse_zh_number("108") == 108);
    // Digits without units are read place by place (years, old resolution numbers).
    CHECK(parse_zh_number("一九四八") == 1948);
    CHECK(parse_zh_number("一八一") == 181);
    CHECK(parse_zh_number("二〇一四") == 2014);
    CHECK(parse_zh_number("二零零一") == 2001);
    CHECK(parse_zh_number("一二三四五六七八九一") == -1); // too long
    CHECK(parse_zh_number("第") == -1);
    CHECK(parse_zh_number("") == -1);
}

TEST_CASE("lexicon templates capture dates and UNTS citations", "[lexicon]") {
    const Lexicon& zh = context().lexicon("zh");
    Template::Result r;
    REQUIRE_FALSE(zh.templates("date").empty());
    REQUIRE(zh.templates("date").front().match("2013年12月18日大会决议", 0, zh, r));
    CHECK(text::iso_date(r, zh) == "2013-12-18");
    CHECK_FALSE(zh.templates("date").front().match("2013年大会", 0, zh, r));

    bool unts = false;
    for (const auto& t : zh.templates("unts")) {
        if (t.match("第2225、2237、2241和2326卷，第39574号。", 0, zh, r)) {
            unts = true;
            CHECK(r.get("vols") == "2225、2237、2241和2326");
            CHECK(r.get("num") == "39574");
        }
    }
    CHECK(unts);
}

TEST_CASE("lexicon maps every Chinese verb to the shared vocabulary", "[lexicon]") {
    const Lexicon& zh = context().lexicon("zh");
    REQUIRE(zh.verbs().size() > 50);
    auto relation_of = [&](const std::string& surface) -> std::string {
        for (const auto& v : zh.verbs()) {
            if (v.surface == surface) {
                return std::string(to_string(v.relation));
            }
        }
        return "";
    };
    CHECK(relation_of("重申") == "reaffirms");
    CHECK(relation_of("还回顾") == "recalls");
    CHECK(relation_of("表示赞赏地注意到") == "notes");
    CHECK(relation_of("重申关切") == "expresses_concern");
    CHECK(relation_of("再次请") == "requests");
    CHECK(relation_of("促请") == "calls_upon");
    CHECK(relation_of("提请注意") == "draws_attention");
}

TEST_CASE("lexicon refuses a language without tables", "[lexicon]") {
    CHECK_THROWS_AS(context().lexicon("xx"), Error);
}

TEST_CASE("gazetteer finds treaties by their UN Treaty Series registration", "[lexicon]") {
    const Gazetteer& g = context().gazetteer();
    auto untoc = g.by_unts("39574", {"2225", "2237", "2241", "2326"});
    CHECK(untoc.size() == 4);
    auto one = g.by_unts("39574", {"2237"});
    REQUIRE(one.size() == 1);
    CHECK(one[0]->id == "treaty:untoc-trafficking-protocol");
    CHECK(g.by_unts("99999", {"1"}).empty());
    REQUIRE(g.find("body:ccpcj"));
    CHECK(g.find("body:ccpcj")->res_prefix == "CCPCJ/RES");
}

TEST_CASE("lexicon: a literal set finds the longest literal at a position", "[lexicon]") {
    LiteralSet s({"of", "of the", "on", "", "决议", "决"});
    CHECK(s.longest_at("report of the Council", 7) == 6);
    CHECK(s.longest_at("report of a Council", 7) == 2);
    CHECK(s.longest_at("report on", 7) == 2);
    CHECK(s.longest_at("report", 0) == 0);
    CHECK(s.longest_at("第68/193号决议", 12) == 6); // 第 3 bytes, "68/193" 6, 号 3
    CHECK(s.longest_at("决", 0) == 3);
    CHECK(s.longest_at("of", 2) == 0); // at the end
    CHECK(s.longest_at("o", 0) == 0);  // a prefix of a literal is no match
    CHECK_FALSE(s.empty());
    CHECK(LiteralSet().empty());
    CHECK(context().lexicon("en").literals("boundary").longest_at(";", 0) == 1);
}

TEST_CASE("lexicon: a literal set skips to where a literal can start", "[lexicon]") {
    LiteralSet s({"of the", "决议", "on"});
    const std::string t = "report of 第68/193号决议";
    CHECK(s.next_start(t, 0) == 3); // the 'o' of "report"
    CHECK(s.longest_at(t, 3) == 0);
    CHECK(s.next_start(t, 4) == 7);            // "of"
    CHECK(s.longest_at(t, 7) == 0);            // "of" alone is no literal
    CHECK(s.next_start(t, 8) == t.find("号")); // 号 starts with the byte 决 starts with
    CHECK(s.longest_at(t, t.find("号")) == 0);
    CHECK(s.next_start(t, t.find("号") + 1) == t.find("决")); // not inside a character
    CHECK(s.longest_at(t, t.find("决")) == 6);
    CHECK(s.next_start(t, t.size()) == t.size());
    CHECK(s.next_start(t, t.size() + 5) == t.size());
    CHECK(LiteralSet().next_start(t, 0) == t.size());
    // Every byte value as a first byte.
    std::vector<std::string> all;
    for (int b = 0; b < 256; ++b) {
        all.push_back(std::string(1, static_cast<char>(b)) + "x");
    }
    LiteralSet every(all);
    for (int b = 0; b < 256; ++b) {
        const std::string at = std::string(1, static_cast<char>(b)) + "x";
        CHECK(every.can_start(static_cast<unsigned char>(b)));
        CHECK(every.longest_at(at, 0) == 2);
        CHECK(every.longest_at(at.substr(0, 1), 0) == 0);
    }
}

TEST_CASE("lexicon: standard_char agrees with the variant table for every code point",
          "[lexicon]") {
    for (const char* lang : {"zh", "ar", "en"}) {
        const auto& lex = context().lexicon(lang);
        const auto& table = lex.char_variants();
        std::size_t mapped = 0;
        for (char32_t cp = 0; cp < 0x30000; ++cp) {
            auto it = table.find(cp);
            const char32_t want = it == table.end() ? cp : it->second;
            if (lex.standard_char(cp) != want) {
                FAIL("language " << lang << ", U+" << std::hex << static_cast<unsigned>(cp));
            }
            mapped += it != table.end();
        }
        CHECK(mapped == table.size()); // no entry beyond the sweep
        if (std::string(lang) == "zh") {
            CHECK(mapped > 2000);
            CHECK(lex.standard_char(U'議') == U'议');
        }
    }
}
