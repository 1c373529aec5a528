#include "citegraph/importers/text_pipeline.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;
using citegraph::testing::context;

namespace {
text::Segmented zh_segment(const std::string& raw, text::CleanText& c) {
    c = text::clean(raw, context().lexicon("zh"), "fixture.txt");
    return text::segment(c, context().lexicon("zh"), context().gazetteer());
}

const std::string kDoc = R"(第六十八届会议
议程项目 108

2013 年 12 月 18 日大会决议

[根据第三委员会的报告(A/68/457)通过]

68/193. 加强方案

大会，

重申其第 46/152 号决议，

还回顾其第 66/177 号决议，其中大会敦促缔约国和

¹ 联合国，《条约汇编》，第 2225 卷，第 39574 号。

² 同上，第 976 卷，第 14152 号。

会员国实施¹ 这些公约，

1. 请秘书长提交报告；

2. 敦促会员国加强双边、区域和国际合作，并请联合国毒品和犯罪问题办公室在其

现有任务授权范围内提供援助；²

3. 又请秘书长在上文第 2 段所述报告中载列资料。

2013 年 12 月 18 日
第 70 次全体会议
)";
} // namespace

TEST_CASE("segment reads the header", "[segment]") {
    text::CleanText c;
    auto s = zh_segment(kDoc, c);
    CHECK(s.header.session == "68");
    CHECK(s.header.agenda_item == "108");
    CHECK(s.header.date == "2013-12-18");
    CHECK(s.header.symbol_text == "68/193");
    CHECK(s.header.title == "加强方案");
    CHECK(s.header.meeting == "70");
    CHECK(s.header.organ == "body:ga");
    REQUIRE(s.header.report);
    CHECK(s.header.report->text == "[根据第三委员会的报告(A/68/457)通过]");
}

TEST_CASE("segment numbers preambular and operative paragraphs", "[segment]") {
    text::CleanText c;
    auto s = zh_segment(kDoc, c);
    REQUIRE(s.paragraphs.size() == 5);
    CHECK(s.paragraphs[0].label == "pp1");
    CHECK(s.paragraphs[1].label == "pp2");
    CHECK(s.paragraphs[2].label == "op1");
    CHECK(s.paragraphs[3].label == "op2");
    CHECK(s.paragraphs[4].label == "op3");
    CHECK(s.paragraphs[2].operative);
    CHECK(s.paragraphs[2].span.text.substr(s.paragraphs[2].body_begin) == "请秘书长提交报告；");
}

TEST_CASE("segment rejoins paragraphs cut by a page end, across footnotes", "[segment]") {
    text::CleanText c;
    auto s = zh_segment(kDoc, c);
    CHECK(s.paragraphs[1].span.text ==
          "还回顾其第66/177号决议，其中大会敦促缔约国和会员国实施这些公约，");
    CHECK(s.paragraphs[3].span.text ==
          "2.敦促会员国加强双边、区域和国际合作，并请联合国毒品和犯罪问题办公室在其"
          "现有任务授权范围内提供援助；");
    // The marker keeps its place in the rejoined paragraph.
    REQUIRE(s.paragraphs[1].span.markers.size() == 1);
    auto m = s.paragraphs[1].span.markers[0];
    CHECK(m.number == 1);
    CHECK(s.paragraphs[1].span.text.substr(0, m.pos).size() ==
          std::string("还回顾其第66/177号决议，其中大会敦促缔约国和会员国实施").size());
}

TEST_CASE("segment collects footnotes by number", "[segment]") {
    text::CleanText c;
    auto s = zh_segment(kDoc, c);
    REQUIRE(s.footnotes.size() == 2);
    CHECK(s.footnotes.at(1).text == "联合国，《条约汇编》，第2225卷，第39574号。");
    CHECK(s.footnotes.at(2).text == "同上，第976卷，第14152号。");
}

TEST_CASE("segment reads Arabic operative numbers with or without spaces around the dash",
          "[segment]") {
    const Lexicon& ar = context().lexicon("ar");
    // Official texts write "1 - "; web copies "1- ", "٢-" (Arabic-Indic digits, mapped to ASCII
    // by the cleaner) and "3 -". A range such as "4-5" never numbers a paragraph.
    const std::string raw = "إن مجلس الأمن،\n\nإذ يشير إلى قراراته السابقة،\n\n1- يطلب إلى الأمين "
                            "العام أن يقدم تقريرا؛\n\n٢-يقرر أن يبقي المسألة قيد نظره؛\n\n3 - يحث "
                            "الدول؛\n\n4-5 آلاف من اللاجئين؛\n";
    text::CleanText c = text::clean(raw, ar, "fixture.ar.txt");
    auto s = text::segment(c, ar, context().gazetteer());
    CHECK(s.header.organ == "body:sc");
    REQUIRE(s.paragraphs.size() == 4);
    CHECK(s.paragraphs[0].label == "pp1");
    CHECK(s.paragraphs[1].label == "op1");
    CHECK(s.paragraphs[2].label == "op2");
    CHECK(s.paragraphs[3].label == "op3");
    CHECK(s.paragraphs[1].span.text.substr(s.paragraphs[1].body_begin).rfind("يطلب", 0) == 0);
    CHECK(s.paragraphs[2].span.text.substr(s.paragraphs[2].body_begin).rfind("يقرر", 0) == 0);
    // "4-5 …" is not paragraph 4: it continues op3.
    CHECK(s.paragraphs[3].span.text.find("آلاف") != std::string::npos);
}

TEST_CASE("segment reads Chinese operative numbers 一. and 1、, not section headings",
          "[segment]") {
    const Lexicon& zh = context().lexicon("zh");
    // The form of S/RES/56 (1948) (../shared/corpus/misc), with a section heading "三. 合作"
    // (Roman III in English: no clause, no terminal punctuation) before the third paragraph.
    const std::string raw = "安全理事會,\n\n閱悉調解專員關於耶路撒冷情勢之各項來文後,\n\n"
                            "一.促請各有關政府注意安全理事會決議案五十四(一九四八);\n\n"
                            "二、決議推行理事會決議案五十四(一九四八);\n\n三. 合作\n\n"
                            "3、請秘書長提出報告。\n";
    text::CleanText c = text::clean(raw, zh, "fixture.zh.txt");
    auto s = text::segment(c, zh, context().gazetteer());
    CHECK(s.header.organ == "body:sc");
    REQUIRE(s.paragraphs.size() == 4);
    CHECK(s.paragraphs[0].label == "pp1");
    CHECK(s.paragraphs[1].label == "op1");
    CHECK(s.paragraphs[2].label == "op2");
    CHECK(s.paragraphs[3].label == "op3");
    CHECK(s.paragraphs[1].span.text.substr(s.paragraphs[1].body_begin).rfind("促请", 0) == 0);
    CHECK(s.paragraphs[3].span.text.substr(s.paragraphs[3].body_begin).rfind("请秘书长", 0) == 0);
    // The heading stays with op2 (it opens no paragraph of its own).
    CHECK(s.paragraphs[2].span.text.find("合作") != std::string::npos);
}

TEST_CASE("segment: a subject alone on its line without its comma, and a licence note after "
          "the text",
          "[segment]") {
    const Lexicon& zh = context().lexicon("zh");
    // The form of the Wikisource copies of A/RES/65/118 and S/RES/2326 (2016): "  大会" with
    // no comma, one paragraph a line, the site's licence note after the last paragraph.
    const std::string raw = "联合国大会65/118号决议\n\n  大会\n\n  回顾其第1514(XV)号决议，\n\n"
                            "  1. 请秘书长提出报告；\n  2. 决定继续审议这个问题。\n"
                            "本作品来自联合国官方文件。此组织之政策为于公有领域保存其大部份文献。\n"
                            "根据ST/AI/189/Add.9/Rev.2第2条,下列联合国文件在全球属于公有领域:\n";
    text::CleanText c = text::clean(raw, zh, "fixture.zh.txt");
    auto s = text::segment(c, zh, context().gazetteer());
    REQUIRE(s.paragraphs.size() == 3);
    CHECK(s.paragraphs[0].label == "pp1");
    CHECK(s.paragraphs[0].span.text.rfind("回顾", 0) == 0); // not "大会回顾"
    CHECK(s.paragraphs[2].label == "op2");
    CHECK(s.paragraphs[2].span.text.find("ST/AI") == std::string::npos);
    // "大会" alone is also the masthead of a PDF: a subject only before a clause verb.
    const std::string masthead =
        "联合国\n大会\nDistr.: General\n\n大会，\n\n回顾其第1514(XV)号决议，\n";
    text::CleanText c2 = text::clean(masthead, zh, "fixture.zh.txt");
    auto s2 = text::segment(c2, zh, context().gazetteer());
    REQUIRE(s2.paragraphs.size() == 1);
    CHECK(s2.paragraphs[0].span.text.rfind("回顾", 0) == 0);
}

TEST_CASE("segment: 'Acting under Chapter VII' closes its paragraph even without its comma",
          "[segment]") {
    const Lexicon& zh = context().lexicon("zh");
    // Web copies of Council texts drop the comma after 根据《联合国宪章》第七章采取行动 (the
    // dev-set copies of S/RES/1518 (2003) and S/RES/1616 (2005)); one paragraph a line.
    const std::string raw =
        "安全理事会,\n\n回顾其以往各项决议,\n\n根据《联合国宪章》第七章采取行动\n"
        "1. 重申第1493号决议第15段的要求;\n2. 决定继续积极处理此案。\n";
    text::CleanText c = text::clean(raw, zh, "fixture.zh.txt");
    auto s = text::segment(c, zh, context().gazetteer());
    REQUIRE(s.paragraphs.size() == 4);
    CHECK(s.paragraphs[1].label == "pp2");
    CHECK(s.paragraphs[2].label == "op1");
    CHECK(s.paragraphs[3].label == "op2");
}
