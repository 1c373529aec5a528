#include "citegraph/engine/error.hpp"
#include "citegraph/importers/text_pipeline.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;
using citegraph::testing::context;

namespace {
text::CleanText zh_clean(std::string_view raw) {
    return text::clean(raw, context().lexicon("zh"), "fixture.txt");
}
} // namespace

TEST_CASE("clean takes superscript markers out before any normalisation", "[clean]") {
    // NFKC would turn "46/152¹⁴" into "46/15214"; the marker must not merge with the number.
    auto c = zh_clean("第46/152¹⁴号决议");
    CHECK(c.text == "第46/152号决议");
    REQUIRE(c.markers.size() == 1);
    CHECK(c.markers[0].number == 14);
    CHECK(c.text.substr(c.markers[0].pos, 3) == "号");
}

TEST_CASE("clean records single and repeated markers", "[clean]") {
    auto c = zh_clean("议定书、¹ 经《公约》⁵ 及¹");
    REQUIRE(c.markers.size() == 3);
    CHECK(c.markers[0].number == 1);
    CHECK(c.markers[1].number == 5);
    CHECK(c.markers[2].number == 1);
    CHECK(c.text == "议定书、经《公约》及");
}

TEST_CASE("clean folds full-width forms and keeps Chinese punctuation", "[clean]") {
    auto c = zh_clean("第６８／１９３号决议，（Ａ／６８／４５７）；");
    CHECK(c.text == "第68/193号决议，(A/68/457)；");
}

TEST_CASE("clean maps traditional characters to the simplified tables", "[clean]") {
    auto c = zh_clean("第2758(XXVI)號決議");
    CHECK(c.text == "第2758(XXVI)号决议");
}

TEST_CASE("clean drops spaces next to CJK and keeps them between Latin words", "[clean]") {
    auto c = zh_clean("重申其 1991 年 12 月 18 日第 46/152 号\nthe  General   Assembly ");
    CHECK(c.text == "重申其1991年12月18日第46/152号\nthe General Assembly");
}

TEST_CASE("clean maps every byte back to the original", "[clean]") {
    std::string raw = "重申 第６８／１９３号";
    auto c = zh_clean(raw);
    REQUIRE(c.text == "重申第68/193号");
    // "6" of 68 came from the full-width digit at its own offset in the raw text.
    auto six = c.text.find('6');
    CHECK(raw.substr(c.raw_offset(static_cast<std::uint32_t>(six)),
                     c.raw_end(static_cast<std::uint32_t>(six)) -
                         c.raw_offset(static_cast<std::uint32_t>(six))) == "６");
}

TEST_CASE("clean unifies CRLF and lone CR line ends", "[clean]") {
    CHECK(zh_clean("甲\r\n乙\r丙\n").text == "甲\n乙\n丙\n");
}

TEST_CASE("clean refuses bad input with the position", "[clean][errors]") {
    CHECK_THROWS_WITH(zh_clean(""), Catch::Contains("fixture.txt") && Catch::Contains("empty"));
    CHECK_THROWS_WITH(zh_clean("ab\ncd\xC3\x28"), Catch::Contains("fixture.txt:2:3") &&
                                                      Catch::Contains("byte 5") &&
                                                      Catch::Contains("invalid UTF-8"));
    CHECK_THROWS_WITH(zh_clean(std::string("ab\0cd", 5)), Catch::Contains("NUL"));
    CHECK_THROWS_WITH(zh_clean("%PDF-1.7\n..."), Catch::Contains("PDF"));
    CHECK_THROWS_WITH(zh_clean("\xFF\xFEh\0i\0"), Catch::Contains("UTF-16"));
    CHECK_THROWS_AS(zh_clean("\xED\xA0\x80"), InputError); // a UTF-16 surrogate
    CHECK_THROWS_AS(zh_clean("\xC0\xAF"), InputError);     // an overlong '/'
}
