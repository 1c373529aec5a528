// The private text helpers (exporters/src/text_util.hpp) behind labels, IRIs and CSV types.
#include "text_util.hpp"

#include <catch2/catch.hpp>

using namespace citegraph::detail;

TEST_CASE("exporters::wrap_text wraps Latin text at spaces", "[exporters][text]") {
    CHECK(wrap_text("short") == "short");
    CHECK(wrap_text("United Nations Convention against Transnational Organized Crime") ==
          "United Nations\nConvention against\nTransnational\nOrganized Crime");
    CHECK(wrap_text("Supercalifragilisticexpialidocious word") ==
          "Supercalifragilistic\nexpialidocious word");
    CHECK(wrap_text("a, b.", 3) == "a,\nb.");
}

TEST_CASE("exporters::wrap_text breaks CJK text by code points", "[exporters][text]") {
    // 28 characters: 20, then 8; the comma may not start a line.
    CHECK(wrap_text("加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力") ==
          "加强联合国预防犯罪和刑事司法方案，特别是\n其技术合作能力");
    CHECK(wrap_text("一二三四五六七八九十，之后", 10) == "一二三四五六七八九十，\n之后");
    // Mixed text: Latin runs stay whole, spaces count.
    CHECK(wrap_text("第 46/152 号决议和第 60/1 号决议", 10) ==
          "第 46/152 号\n决议和第 60/1\n号决议");
}

TEST_CASE("exporters::wrap_text cuts after max_lines with an ellipsis", "[exporters][text]") {
    CHECK(wrap_text("一二三四五六七八九十一二三四五六七八九十一二", 10, 2) ==
          "一二三四五六七八九十\n一二三四五六七八九…");
    CHECK(wrap_text("one two three four five six", 8, 2) == "one two\nthree…");
}

TEST_CASE("exporters::text helpers repair and measure UTF-8", "[exporters][text]") {
    CHECK(count_code_points("联合国 UN") == 6);
    CHECK(valid_utf8("ok \xff end") == "ok \xEF\xBF\xBD end");
    CHECK(valid_utf8("\xE5\x90") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // truncated sequence
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
    CHECK(xml_safe("a\r\nb\rc\x01\td") == "a\nb\nc\td");
    // DEL is allowed in XML 1.0, U+FFFE/U+FFFF are not; bad bytes become U+FFFD; the bulk
    // ASCII path and the decoding path meet in the middle of a string.
    CHECK(xml_safe("x\x7Fy") == "x\x7Fy");
    CHECK(xml_safe("a\xEF\xBF\xBE"
                   "b\xEF\xBF\xBF"
                   "c") == "abc");
    CHECK(xml_safe("\xE5\x86\xB3\xE8\xAE\xAE 68/193\xFF!") ==
          "\xE5\x86\xB3\xE8\xAE\xAE 68/193\xEF\xBF\xBD!");
    CHECK(xml_safe("\r") == "\n");
    CHECK(xml_safe("") == "");
    CHECK(single_line("  two\n lines  ") == "two lines");
    CHECK(truncate_text("联合国毒品", 3) == "联合国…");
    CHECK(truncate_text("联合国", 3) == "联合国");
}

TEST_CASE("exporters::text helpers for names, IRIs and CSV types", "[exporters][text]") {
    CHECK(upper_snake("expresses_appreciation") == "EXPRESSES_APPRECIATION");
    // RFC 3987: parentheses and the other sub-delims, ":" "@" and non-ASCII letters stay;
    // space, "%", "?", "#", brackets, controls, private use and invalid UTF-8 are encoded.
    CHECK(iri_escape("A/RES/2625 (XXV)") == "A/RES/2625%20(XXV)");
    CHECK(iri_escape("A/RES/2625(XXV)") == "A/RES/2625(XXV)");
    CHECK(iri_escape("a!$&'*+,;=@b") == "a!$&'*+,;=@b");
    CHECK(iri_escape("50%?#[x]") == "50%25%3F%23%5Bx%5D");
    CHECK(iri_escape("<\"{}|\\^`>") == "%3C%22%7B%7D%7C%5C%5E%60%3E");
    CHECK(iri_escape("body:委员会") == "body:委员会");
    CHECK(iri_escape("\xEE\x80\x80") == "%EE%80%80"); // U+E000, private use
    CHECK(iri_escape("a\xFF"
                     "b\x01") == "a%FFb%01");            // invalid byte, control
    CHECK(iri_escape("\xEF\xBF\xBD") == "\xEF\xBF\xBD"); // a real U+FFFD is a ucschar
    CHECK(iri_escape("treaty:untoc") == "treaty:untoc");
    CHECK(is_integer("39574"));
    CHECK_FALSE(is_integer("I-39574"));
    CHECK_FALSE(is_integer(""));
    CHECK(is_iso_date_like("2013-12-18"));
    CHECK(is_iso_date_like("2013-12"));
    CHECK(is_iso_date_like("2013"));
    CHECK_FALSE(is_iso_date_like("18/12/2013"));
    CHECK(split_list(" 2225; 2237;;2241 ", ';') ==
          std::vector<std::string>{"2225", "2237", "2241"});
    CHECK(natural_less("pp2", "pp10"));
    CHECK(natural_less("op12", "pp1"));
    CHECK_FALSE(natural_less("pp10", "pp9"));
}
