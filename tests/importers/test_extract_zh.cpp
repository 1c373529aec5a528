// One small fixture per quirk of Chinese resolution texts.
#include "citegraph/engine/error.hpp"
#include "citegraph/importers/text_pipeline.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;
using namespace citegraph::testing;

namespace {
// A minimal resolution around the given body paragraphs.
std::string doc(const std::string& body, const std::string& footnotes = "") {
    return "第六十八届会议\n\n68/193. 标题\n\n大会，\n\n" + body + "\n\n" + footnotes +
           "\n\n2013 年 12 月 18 日\n第 70 次全体会议\n";
}
} // namespace

TEST_CASE("zh: a resolution list sharing one wrapper gives one edge each, with dates",
          "[extract][zh]") {
    auto r = import_text(doc("重申其 1991 年 12 月 18 日第 46/152 号、2005 年 9 月 16 日第 60/1 "
                             "号以及 2012 年 12 月 20 日第 67/186 号、第 67/189 号和第 67/192 "
                             "号决议，"));
    auto& b = r.batch;
    for (auto id : {"A/RES/46/152", "A/RES/60/1", "A/RES/67/186", "A/RES/67/189", "A/RES/67/192"}) {
        CAPTURE(id);
        CHECK(has_edge(b, std::string("pp1 reaffirms object ") + id));
    }
    CHECK(b.edges.size() == 5);
    CHECK(find_node(b, "A/RES/46/152")->date == "1991-12-18");
    CHECK(find_node(b, "A/RES/60/1")->date == "2005-09-16");
    CHECK(find_node(b, "A/RES/67/189")->date == "2012-12-20"); // the date covers the list
}

TEST_CASE("zh: numbers listed under one 第…号决议", "[extract][zh]") {
    auto r = import_text(doc("1. 表示赞赏地注意到秘书长依照大会第 64/293、67/186 和 67/192 号决议"
                             "编写的报告；"));
    CHECK(has_edge(r.batch, "op1 notes object A/RES/64/293"));
    CHECK(has_edge(r.batch, "op1 notes object A/RES/67/186"));
    CHECK(has_edge(r.batch, "op1 notes object A/RES/67/192"));
    CHECK(has_edge(r.batch, "op1 notes object body:sg"));
}

TEST_CASE("zh: other bodies' resolutions take the body named before them", "[extract][zh]") {
    auto r = import_text(
        doc("注意到预防犯罪和刑事司法委员会关于网络犯罪的2013年4月26日第22/7号决议以及关于"
            "能力建设的2013年4月26日第22/8号决议，\n\n"
            "1. 重申经济及社会理事会题为“对策”的 2013 年 7 月 25 日第 2013/40 号决议；\n\n"
            "2. 再次请联合国毒品和犯罪问题办公室与安全理事会关于反恐怖主义的第 1373(2001)"
            "号决议所设委员会密切协商；"));
    auto& b = r.batch;
    CHECK(has_edge(b, "pp1 notes object CCPCJ/RES/22/7"));
    CHECK(has_edge(b, "pp1 notes object CCPCJ/RES/22/8"));
    CHECK_FALSE(find_node(b, "A/RES/22/7"));
    CHECK(has_edge(b, "op1 reaffirms object E/RES/2013/40"));
    CHECK(has_edge(b, "op2 requests mention S/RES/1373(2001)"));
    CHECK(has_edge(b, "op2 requests addressee body:unodc"));
    CHECK(find_node(b, "S/RES/1373(2001)")->symbol == "S/RES/1373 (2001)");
    CHECK(find_node(b, "CCPCJ/RES/22/7")->body == "body:ccpcj");
}

TEST_CASE("zh: document symbols, suffixes joined by 和, and footnote sources", "[extract][zh]") {
    auto r =
        import_text(doc("注意到秘书长的报告，¹²", "¹² 见《经济及社会理事会正式记录，2013年，补编第"
                                                  "10号》及更正(E/2013/30和Corr.1)，第一章。"));
    CHECK(has_edge(r.batch, "pp1 notes source E/2013/30"));
    CHECK(has_edge(r.batch, "pp1 notes source E/2013/30/Corr.1"));
    CHECK(find_node(r.batch, "E/2013/30/Corr.1")->kind == NodeKind::Document);
}

TEST_CASE("zh: the adopted-on-report header links the report and the committee", "[extract][zh]") {
    auto r = import_text("68/193. 标题\n\n[根据第三委员会的报告(A/68/457)通过]\n\n大会，\n\n"
                         "重申其第 46/152 号决议，\n");
    CHECK(has_edge(r.batch, "header adopted_on_report object A/68/457"));
    CHECK(has_edge(r.batch, "header adopted_on_report object body:c3"));
}

TEST_CASE("zh: treaties after 关于…的 and after 其中 are mentions", "[extract][zh]") {
    auto r = import_text(doc(
        "又重申大会关于促进执行《联合国打击跨国有组织犯罪公约》及所有国际反恐公约的各项决议，\n\n"
        "还回顾其关于“加强国际合作”的 2011 年 12 月 19 日第 66/177 号决议，其中大会敦促《联合国"
        "反腐败公约》的缔约国充分实施这些公约的规定，"));
    auto& b = r.batch;
    CHECK(has_edge(b, "pp1 reaffirms mention treaty:untoc"));
    CHECK(has_edge(b, "pp2 recalls object A/RES/66/177"));
    CHECK(has_edge(b, "pp2 recalls mention treaty:uncac"));
    CHECK_FALSE(has_edge(b, "pp2 urges addressee actor:states-parties")); // reported, not ours
    CHECK(find_node(b, "A/RES/66/177")->date == "2011-12-19");
}

TEST_CASE("zh: UN Treaty Series footnotes identify treaties, 同上 included", "[extract][zh]") {
    auto r = import_text(
        doc("1. 重申《联合国打击跨国有组织犯罪公约》及其各项议定书¹ 和 1971 年《精神药物公约》³ "
            "十分重要；",
            "¹ 联合国，《条约汇编》，第 2225、2237、2241 和 2326 卷，第 39574 号。\n\n"
            "³ 同上，第 1019 卷，第 14956 号。"));
    auto& b = r.batch;
    // The name and the footnote both cite the treaties; footnote edges are sources.
    for (auto id : {"treaty:untoc", "treaty:untoc-trafficking-protocol",
                    "treaty:untoc-migrants-protocol", "treaty:untoc-firearms-protocol"}) {
        CAPTURE(id);
        CHECK(has_edge(b, std::string("op1 reaffirms object ") + id));
        CHECK(has_edge(b, std::string("op1 reaffirms source ") + id));
    }
    CHECK(has_edge(b, "op1 reaffirms source treaty:psychotropic-1971"));
    REQUIRE(find_node(b, "treaty:untoc"));
    CHECK(find_node(b, "treaty:untoc")->unts_number == "39574");
}

TEST_CASE("zh: anaphora resolve to the work meant", "[extract][zh]") {
    auto r = import_text(
        doc("回顾《联合国反腐败公约》是最全面的文书，确认有必要继续推动批准或加入《公约》，\n\n"
            "1. 请联合国毒品和犯罪问题办公室提供援助；\n\n"
            "2. 确认联合国毒品和犯罪问题办公室作了种种努力，并请该办公室继续提供技术援助；\n\n"
            "3. 敦促缔约国利用《联合国打击跨国有组织犯罪公约》，尤其是根据《公约》第 14 条的规定"
            "，根据该公约采取手段；"));
    auto& b = r.batch;
    CHECK(has_edge(b, "pp1 recognizes object treaty:uncac")); // 《公约》 -> UNCAC
    CHECK(has_edge(b, "op2 requests addressee body:unodc"));  // 该办公室 -> UNODC
    CHECK(has_edge(b, "op3 urges mention treaty:untoc"));     // 《公约》, 该公约 -> UNTOC
    CHECK_FALSE(has_edge(b, "op3 urges mention treaty:uncac"));
}

TEST_CASE("zh: operative mandates and their addressees", "[extract][zh]") {
    auto r = import_text(doc(
        "1. "
        "敦促尚未批准《联合国反腐败公约》的会员国考虑批准，并敦促这些公约的缔约国努力促成执行；\n\n"
        "2. 建议会员国进行改革，此外请联合国毒品和犯罪问题办公室为此目的提供援助；\n\n"
        "3. 邀请会员国并且请联合国毒品和犯罪问题办公室继续收集数据，并强烈鼓励会员国与该办公室"
        "分享信息；\n\n"
        "4. 又请联合国毒品和犯罪问题办公室应会员国请求提供援助；\n\n"
        "5. 邀请会员国和其他有关各方向联合国当代形式奴隶制问题信托基金提供捐款；"));
    auto& b = r.batch;
    auto lines = edge_lines(b);
    CAPTURE(lines);
    CHECK(has_edge(b, "op1 urges addressee actor:member-states"));
    CHECK(has_edge(b, "op1 urges addressee actor:states-parties"));
    CHECK(has_edge(b, "op1 urges mention treaty:uncac"));
    CHECK(has_edge(b, "op2 recommends addressee actor:member-states"));
    CHECK(has_edge(b, "op2 requests addressee body:unodc"));
    CHECK(has_edge(b, "op3 invites addressee actor:member-states"));
    CHECK(has_edge(b, "op3 requests addressee body:unodc"));
    CHECK(has_edge(b, "op3 encourages addressee actor:member-states"));
    CHECK(has_edge(b, "op4 requests addressee body:unodc"));
    // 请求 ("request") is a noun, not a second 请.
    std::size_t op4 = 0;
    for (const auto& l : lines) {
        op4 += l.rfind("op4 ", 0) == 0;
    }
    CHECK(op4 == 1);
    CHECK(has_edge(b, "op5 invites addressee actor:member-states"));
    CHECK(has_edge(b, "op5 invites mention body:trust-fund-slavery"));
}

TEST_CASE("zh: traditional characters import like simplified ones", "[extract][zh]") {
    auto simp = import_text(doc("回顾其第 2758(XXVI) 号决议和安全理事会第 1373(2001) 号决议，"));
    auto trad = import_text(doc("回顧其第 2758(XXVI) 號決議和安全理事會第 1373(2001) 號決議，"));
    CHECK(edge_lines(simp.batch) == edge_lines(trad.batch));
    CHECK(has_edge(trad.batch, "pp1 recalls object A/RES/2758(XXVI)"));
    CHECK(has_edge(trad.batch, "pp1 recalls object S/RES/1373(2001)"));
}

TEST_CASE("zh: nothing is invented from numbers that are not resolutions", "[extract][zh]") {
    auto r =
        import_text(doc("8. 特别指出 2015 年后发展议程在 2012-2015 年期间十分重要，缔约国已达 179 "
                        "个，见第 2/28 页；"));
    CHECK(r.batch.edges.empty());
}

TEST_CASE("zh: the document id comes from the title line, else the file name", "[extract][zh]") {
    auto r = import_text(doc("重申其第 46/152 号决议，"), "whatever.txt");
    CHECK(r.batch.document.id == "A/RES/68/193");
    auto named = import_text("大会，\n\n重申其第 46/152 号决议，\n", "A_RES_50_58.zh.txt");
    CHECK(named.batch.document.id == "A/RES/50/58");
    CHECK_THROWS_WITH(import_text("大会，\n\n重申其第 46/152 号决议，\n", "notes.txt"),
                      Catch::Contains("notes.txt") && Catch::Contains("no resolution symbol"));
}

TEST_CASE("zh: Security Council phraseology and citation forms", "[extract][zh]") {
    // Each clause below is a Chinese UN rendering of an English clause verb; the relation is
    // the one the English verb table gives that verb.
    auto r =
        import_text("安全理事会，\n\n"
                    "回顾其第1267(1999)号决议和第1373（2001）號決議，\n\n"
                    "认定也门局势继续对国际和平与安全构成威胁，\n\n"
                    "痛惜苏丹政府继续违反第1591(2005)号决议，\n\n"
                    "特别关切阿卜耶伊地区的安全局势，\n\n"
                    "着重指出第2216(2015)号决议十分重要，\n\n"
                    "1. 最强烈地谴责违反第2118(2013)号决议的行为；\n\n"
                    "2. 强烈敦促所有各方执行第2254(2015)号决议；\n\n"
                    "3. 促请各会员国执行第2199(2015)号决议，吁请各国执行第2253(2015)号决议；\n\n"
                    "4. 核准第2206(2015)号决议所设委员会的工作方案；\n\n"
                    "5. 决定继续积极处理此案。\n",
                    "S_RES_9000_2015.zh.txt");
    const auto& b = r.batch;
    INFO(describe(b));
    CHECK(b.document.id == "S/RES/9000(2015)");
    CHECK(has_edge(b, "pp1 recalls object S/RES/1267(1999)"));
    CHECK(has_edge(b, "pp1 recalls object S/RES/1373(2001)")); // full-width, traditional
    CHECK(has_edge(b, "pp3 expresses_concern object S/RES/1591(2005)"));
    CHECK(has_edge(b, "pp5 emphasizes object S/RES/2216(2015)"));
    CHECK(has_edge(b, "op1 condemns object S/RES/2118(2013)"));
    // In a mandate clause the works named are mentions; the addressees are the mandate.
    CHECK(has_edge(b, "op2 urges mention S/RES/2254(2015)"));
    CHECK(has_edge(b, "op3 calls_upon addressee actor:member-states"));
    CHECK(has_edge(b, "op3 calls_upon mention S/RES/2199(2015)"));
    CHECK(has_edge(b, "op3 calls_upon addressee actor:all-states"));
    CHECK(has_edge(b, "op3 calls_upon mention S/RES/2253(2015)"));
    CHECK(has_edge(b, "op4 approves object S/RES/2206(2015)"));
    // 认定 and 特别关切 open their paragraphs (no citation in them: no edge, but their verbs).
    const Lexicon& zh = context().lexicon("zh");
    auto first = [&](std::string_view t) {
        auto v = text::clause_verbs(t, zh, context().gazetteer());
        return v.empty() ? std::string("-") : std::string(to_string(v.front().second));
    };
    CHECK(first("认定也门局势继续对国际和平与安全构成威胁，") == "notes");
    CHECK(first("特别关切阿卜耶伊地区的安全局势，") == "expresses_concern");
    CHECK(first("5. 决定继续积极处理此案。") == "decides");
    CHECK(first("再次呼吁也门所有各方奉行对话，") == "calls_upon");
    CHECK(first("仍然深为关切达尔富尔的局势，") == "expresses_concern");
    CHECK(first("关切地注意到专家小组的最后报告，") == "notes");
}

TEST_CASE("zh: resolutions numbered in words after 决议案 (1946-1950s texts)", "[extract][zh]") {
    // Forms of S/RES/48 (1948), S/RES/20 (1947) and S/RES/44 (1948) (../shared/corpus/misc).
    auto r =
        import_text("安全理事會,\n\n"
                    "覆按其促請有關各方遵守巴勒斯坦休戰特定條款之一九四八年四月十七日決議案四十六("
                    "一九四八),\n\n"
                    "業於一九四七年十二月九日接獲大會一九四七年十一月二十九日關於巴勒斯坦之決議案"
                    "一八一(二),\n\n"
                    "促請原子能委員會依據大會一九四六年一月二十四日決議案一(一)及一九四六年十二月"
                    "十四日決議案四十一(一),繼續研究國際管制原子能問題之各方面,\n\n"
                    "決定將決議案二十(一九四七)所訂日期予以展延,\n",
                    "S_RES_20_1947.zh-Hant.txt");
    const auto& b = r.batch;
    INFO(describe(b));
    CHECK(has_edge(b, "pp1 recalls object S/RES/46(1948)"));
    CHECK(has_edge(b, "pp2 notes object A/RES/181(II)"));
    CHECK(has_edge(b, "pp3 calls_upon object A/RES/1(I)"));
    CHECK(has_edge(b, "pp3 calls_upon object A/RES/41(I)"));
    // The document's own number (S/RES/6 (1946) has a later decision appended that cites it)
    // is no edge.
    for (const auto& e : b.edges) {
        CHECK(e.target != "S/RES/20(1947)");
    }
    // A number in words without its parenthesised session is not a resolution.
    auto none = import_text("大會,\n\n回顧決議案三十,\n", "A_RES_50_1.zh.txt");
    CHECK(none.batch.edges.empty());
}

TEST_CASE("zh: a footnote marker typed as N/ after a clause boundary hides no clause verb",
          "[extract][zh]") {
    // The UN website's texts of the 1990s (A/RES/52/133 in ../shared/corpus/zh): the markers
    // 1/ 2/ 3/ stand after the titles, before the comma's next clause verb.
    auto r = import_text(doc("遵循《联合国宪章》、《世界人权宣言》、1/和国际人权盟约,3/ "
                             "还回顾其1993年12月20日第48/122号和1994年12月23日第49/185号决议,"));
    const auto& b = r.batch;
    INFO(describe(b));
    CHECK(has_edge(b, "pp1 guided_by object treaty:charter"));
    CHECK(has_edge(b, "pp1 recalls object A/RES/48/122"));
    CHECK(has_edge(b, "pp1 recalls object A/RES/49/185"));
}

TEST_CASE("zh: a Council number without its year takes it from its date or another mention",
          "[extract][zh]") {
    auto r = import_text("第1616(2005)号决议\n\n安全理事会，\n\n回顾其以往各项决议，特别是2003年7月"
                         "28日第1493号决议、2004年3月12日第1533号决议和第1484(2003)号决议，\n\n"
                         "1. 决定延长第1493号决议和第1484号决议规定的措施；\n",
                         "S_RES_1616_2005.zh.txt", "zh");
    auto& b = r.batch;
    for (auto id : {"S/RES/1493(2003)", "S/RES/1533(2004)", "S/RES/1484(2003)"}) {
        CAPTURE(id);
        CHECK(find_node(b, id));
    }
    CHECK(has_edge(b, "op1 decides object S/RES/1493(2003)"));
    CHECK(has_edge(b, "op1 decides object S/RES/1484(2003)"));
}
