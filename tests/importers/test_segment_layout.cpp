// Paragraphs do not depend on the layout of the text (issue #14): line breaks, sub-items,
// operative number forms, bullets, web navigation and licence lines, the Security Council's
// heading and vote line, footnotes without blank lines. The texts are made up.
#include "citegraph/importers/text_pipeline.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;
using citegraph::testing::context;

namespace {
text::Segmented seg(const std::string& raw, const std::string& lang, text::CleanText& c) {
    c = text::clean(raw, context().lexicon(lang), "fixture.txt");
    return text::segment(c, context().lexicon(lang), context().gazetteer());
}

std::vector<std::string> labels(const text::Segmented& s) {
    std::vector<std::string> out;
    for (const auto& p : s.paragraphs) {
        out.push_back(p.label);
    }
    return out;
}

const text::Paragraph& para(const text::Segmented& s, const std::string& label) {
    for (const auto& p : s.paragraphs) {
        if (p.label == label) {
            return p;
        }
    }
    FAIL("no paragraph " << label);
    throw std::logic_error("unreachable");
}

using V = std::vector<std::string>;
} // namespace

TEST_CASE("layout: a line that starts in lower case continues its paragraph", "[segment]") {
    const std::string doc = "The General Assembly,\n"
                            "Reiterating its condemnation of all forms of violence,\n"
                            "expressing deep concern about the situation,\n"
                            "recalling its resolution 70/1,\n"
                            "Noting the report of the Secretary-General,\n"
                            "1. Decides to remain seized of the matter.\n";
    text::CleanText c;
    auto s = seg(doc, "en", c);
    CHECK(labels(s) == V{"pp1", "pp2", "op1"});
    CHECK(para(s, "pp1").span.text == "Reiterating its condemnation of all forms of violence, "
                                      "expressing deep concern about the situation, recalling "
                                      "its resolution 70/1,");
    // The same paragraph cut by a blank line (a page end) after a comma.
    auto s2 = seg("The General Assembly,\n\nReiterating its condemnation of violence,\n\n"
                  "expressing deep concern about it,\n\nNoting the report,\n",
                  "en", c);
    CHECK(labels(s2) == V{"pp1", "pp2"});
}

TEST_CASE("layout: Russian paragraphs open in lower case without blank lines", "[segment]") {
    const std::string doc = "Генеральная Ассамблея,\n"
                            "ссылаясь на свою резолюцию 70/1,\n"
                            "признавая важность вопроса,\n"
                            "1. постановляет продолжить рассмотрение вопроса.\n";
    text::CleanText c;
    auto s = seg(doc, "ru", c);
    CHECK(labels(s) == V{"pp1", "pp2", "op1"});
}

TEST_CASE("layout: sub-items belong to their paragraph", "[segment]") {
    const std::string doc = "The General Assembly,\n\n"
                            "Recalling its decisions:\n\n"
                            "(a) to convene a meeting;\n\n"
                            "(b) to report to it,\n\n"
                            "Noting the report,\n\n"
                            "1. Requests the Secretary-General:\n\n"
                            "- to report;\n\n"
                            "\xE2\x80\xA2 to act;\n\n"
                            "(i) to inform;\n\n"
                            "2. Decides to remain seized of the matter.\n";
    text::CleanText c;
    auto s = seg(doc, "en", c);
    CHECK(labels(s) == V{"pp1", "pp2", "op1", "op2"});
    CHECK(para(s, "pp1").span.text ==
          "Recalling its decisions: (a) to convene a meeting; (b) to report to it,");
    CHECK(para(s, "op1").span.text ==
          "1. Requests the Secretary-General: - to report; \xE2\x80\xA2 to act; (i) to inform;");
}

TEST_CASE("layout: operative numbers in every form", "[segment]") {
    for (std::string form : {"1.", "1-", "1 -", "(1)"}) {
        INFO(form);
        std::string two = form == "(1)" ? "(2)" : "2" + form.substr(1);
        const std::string doc = "The General Assembly,\n\nNoting the report,\n\n" + form +
                                " Decides to act;\n\n" + two + " Requests a report.\n";
        text::CleanText c;
        auto s = seg(doc, "en", c);
        CHECK(labels(s) == V{"pp1", "op1", "op2"});
    }
}

TEST_CASE("layout: bullets before paragraphs are not part of them", "[segment]") {
    const std::string doc = "The General Assembly,\n\n"
                            "- Recalling its resolution 70/1,\n\n"
                            "- Regretting the delay,\n\n"
                            "- 1. Decides to act;\n\n"
                            "- 2. Requests a report.\n";
    text::CleanText c;
    auto s = seg(doc, "en", c);
    REQUIRE(labels(s) == V{"pp1", "pp2", "op1", "op2"});
    CHECK(para(s, "pp2").span.text == "Regretting the delay,");
    CHECK(para(s, "op1").span.text == "1. Decides to act;");
}

TEST_CASE("layout: web navigation, the Council's heading and vote line, licence lines",
          "[segment]") {
    const std::string doc =
        "Resolution 1540 (2004) | United Nations\n"
        "Skip to main content\n"
        "Home | Documents | Resolutions\n"
        "\xE2\x86\x90 | Resolution 1539 (2004) | Resolution 1541 (2004) \xE2\x86\x92\n"
        "Resolution 1540 (2004)\n"
        "of 28 April 2004\n"
        "The Security Council,\n"
        "Affirming that proliferation constitutes a threat to international peace,\n"
        "1. Decides that all States shall refrain from providing support;\n"
        "Adopted by the Security Council at its 4956th meeting, on 28 April 2004\n"
        "Share this page\n"
        "See also: resolution 1673 (2006) | resolution 1810 (2008)\n"
        "Content licensed under Creative Commons Attribution 3.0 IGO. Terms of use | Privacy\n";
    text::CleanText c;
    auto s = seg(doc, "en", c);
    CHECK(labels(s) == V{"pp1", "op1"});
    CHECK(s.header.meeting == "4956");
    auto r = citegraph::testing::import_text(doc, "S_RES_1540_2004.en.txt", "en");
    for (const auto& e : r.batch.edges) {
        CAPTURE(e.target, e.prov.paragraph);
        for (const char* n : {"1539", "1541", "1673", "1810"}) {
            CHECK(e.target.find(n) == std::string::npos);
        }
    }
}

TEST_CASE("layout: footnotes without blank lines between them", "[segment]") {
    const std::string doc = "The General Assembly,\n\n"
                            "Recalling the Outcome,1 and the Agenda,2\n\n"
                            "__________________\n"
                            "1 Resolution 60/1.\n"
                            "2 Resolution 70/1.\n"
                            "\n"
                            "1. Decides to act;\n"
                            "2. Requests a report.\n"
                            "80th plenary meeting\n"
                            "19 December 2025\n";
    text::CleanText c;
    auto s = seg(doc, "en", c);
    REQUIRE(s.footnotes.size() == 2);
    CHECK(s.footnotes.at(1).text == "Resolution 60/1.");
    CHECK(s.footnotes.at(2).text == "Resolution 70/1.");
    // The closing lines close the text without taking the paragraph before them.
    CHECK(labels(s) == V{"pp1", "op1", "op2"});
    CHECK(s.header.meeting == "80");
}

TEST_CASE("layout: narrow no-break spaces are spaces", "[clean]") {
    text::CleanText c =
        text::clean("legal,\xE2\x80\xAF\nnext\xE2\x80\xAFword\n", context().lexicon("en"), "f");
    CHECK(c.text == "legal,\nnext word\n");
}
