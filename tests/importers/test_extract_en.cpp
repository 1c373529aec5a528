// One small fixture per quirk of English resolution texts as PDF extraction leaves them.
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;
using namespace citegraph::testing;

namespace {
std::string doc(const std::string& body, const std::string& footnotes = "") {
    return "Seventy-eighth session\nAgenda item 107\n\nResolution adopted by the General "
           "Assembly\non 19 December 2023\n\n78/229. Strengthening the crime prevention "
           "programme\n\nThe General Assembly,\n\n" +
           body + "\n\n" + (footnotes.empty() ? "" : "__________________\n\n" + footnotes) +
           "\n\n50th plenary meeting\n19 December 2023\n";
}
ImportResult en(const std::string& text) {
    return import_text(text, "A_RES_78_229.en.txt", "en");
}
} // namespace

TEST_CASE("en: the header", "[extract][en]") {
    auto r = en("United Nations\nA/RES/78/229\n\nGeneral Assembly\nDistr.: General\n22 December "
                "2023\n23-25976 (E)    100124\n*2325976*\n\n" +
                doc("Reaffirming its resolution 46/152,"));
    const NodeRecord* self = find_node(r.batch, "A/RES/78/229");
    REQUIRE(self);
    CHECK(self->session == "78");
    CHECK(self->date == "2023-12-19"); // adopted on, not the distribution date
    CHECK(self->names.at("en") == "Strengthening the crime prevention programme");
    CHECK(r.batch.document.agenda_item == "107");
    CHECK(r.batch.document.meeting == "50");
}

TEST_CASE("en: resolution lists with dates after the items", "[extract][en]") {
    auto r = en(doc("Reaffirming its resolutions 69/193 and 69/196 of 18 December 2014, 70/178 "
                    "and 70/182 of 17 December 2015 and 1514 (XV),"));
    auto& b = r.batch;
    for (auto id :
         {"A/RES/69/193", "A/RES/69/196", "A/RES/70/178", "A/RES/70/182", "A/RES/1514(XV)"}) {
        CAPTURE(id);
        CHECK(has_edge(b, std::string("pp1 reaffirms object ") + id));
    }
    CHECK(find_node(b, "A/RES/69/193")->date == "2014-12-18");
    CHECK(find_node(b, "A/RES/70/178")->date == "2015-12-17");
    CHECK(find_node(b, "A/RES/1514(XV)")->date.empty());
}

TEST_CASE("en: other organs' resolutions and decisions", "[extract][en]") {
    auto r = en(doc("Recalling Security Council resolutions 1267 (1999), 1373 (2001) and 2178 "
                    "(2014), Economic and Social Council resolution 2013/40, Human Rights Council "
                    "resolution 34/19, Commission on Crime Prevention and Criminal Justice "
                    "resolution 22/7 and its decision 72/548,"));
    auto& b = r.batch;
    for (auto id : {"S/RES/1267(1999)", "S/RES/1373(2001)", "S/RES/2178(2014)", "E/RES/2013/40",
                    "A/HRC/RES/34/19", "CCPCJ/RES/22/7", "A/DEC/72/548"}) {
        CAPTURE(id);
        CHECK(has_edge(b, std::string("pp1 recalls object ") + id));
    }
    CHECK_FALSE(find_node(b, "A/RES/34/19"));
    CHECK_FALSE(find_node(b, "A/RES/22/7"));
    CHECK(find_node(b, "A/DEC/72/548")->kind == NodeKind::Decision);
}

TEST_CASE("en: an organ named far from the number does not own it", "[extract][en]") {
    auto r = en(doc("1. Requests the Commission on Crime Prevention and Criminal Justice to "
                    "report on the implementation of resolution 70/178;"));
    CHECK(has_edge(r.batch, "op1 requests mention A/RES/70/178"));
    CHECK_FALSE(find_node(r.batch, "CCPCJ/RES/70/178"));
    CHECK(has_edge(r.batch, "op1 requests addressee body:ccpcj"));
}

TEST_CASE("en: footnote markers glued to words, punctuation and years", "[extract][en]") {
    auto r = en(doc("Reaffirming the United Nations Convention against Transnational Organized "
                    "Crime and the Protocols thereto,1 the Convention on Psychotropic Substances "
                    "of 1971, 2  the United Nations Convention against Corruption3 and "
                    "Commission on the Status of Women resolution 52/2 of 7 March 20084,",
                    "1  United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574."
                    "\n\n2  Ibid., vol. 1019, No. 14956.\n\n3  Ibid., vol. 2349, No. 42146.\n\n"
                    "4  See E/2008/27."));
    auto& b = r.batch;
    CHECK(has_edge(b, "pp1 reaffirms object treaty:untoc"));
    CHECK(has_edge(b, "pp1 reaffirms source treaty:untoc-firearms-protocol"));
    CHECK(has_edge(b, "pp1 reaffirms source treaty:psychotropic-1971"));
    CHECK(has_edge(b, "pp1 reaffirms source treaty:uncac"));
    CHECK(has_edge(b, "pp1 reaffirms source E/2008/27"));
    // The marker is gone from the clause text and did not become part of a number.
    REQUIRE_FALSE(b.document.paragraphs.empty());
    const std::string& t = b.document.paragraphs[0].text;
    CHECK(t.find("thereto,1") == std::string::npos);
    CHECK(t.find("Corruption3") == std::string::npos);
    CHECK(t.find("7 March 2008,") != std::string::npos);
}

TEST_CASE("en: page furniture is dropped and a paragraph cut by a page end is whole",
          "[extract][en]") {
    std::string text =
        doc("Reaffirming its resolution 46/152 and the Convention against Transnational Organized\n"
            "Crime,1 and reaffirming also its resolution 60/1 of 16 September\n"
            "__________________\n\n1  United Nations, Treaty Series, vol. 2225, No. 39574.\n\n"
            "A/RES/78/229\nStrengthening the crime prevention programme\n\n23-25976\n2/28\n\n"
            "2005 and the report A/78/\n482,\n\n1. Requests the Secretary-General to report;");
    auto r = en(text);
    auto& b = r.batch;
    REQUIRE(b.document.paragraphs.size() == 2);
    const std::string& pp1 = b.document.paragraphs[0].text;
    CHECK(pp1.find("23-25976") == std::string::npos);
    CHECK(pp1.find("2/28") == std::string::npos);
    CHECK(pp1.find("United Nations, Treaty Series") == std::string::npos);
    CHECK(has_edge(b, "pp1 reaffirms object A/RES/60/1"));
    CHECK(find_node(b, "A/RES/60/1")->date == "2005-09-16");
    CHECK(has_edge(b, "pp1 reaffirms object A/78/482")); // the symbol broken across lines
    CHECK(has_edge(b, "pp1 reaffirms source treaty:untoc"));
    CHECK(has_edge(b, "op1 requests addressee body:sg"));
}

TEST_CASE("en: reported speech and about-phrases are mentions", "[extract][en]") {
    auto r = en(doc("Recalling its resolution 78/223 on the follow-up to the Fourteenth United "
                    "Nations Congress on Crime Prevention and Criminal Justice,\n\n"
                    "Taking note of Commission on Crime Prevention and Criminal Justice resolution "
                    "25/2, in which the Commission encouraged Member States to ratify the United "
                    "Nations Convention against Corruption,"));
    auto& b = r.batch;
    CHECK(has_edge(b, "pp1 recalls object A/RES/78/223"));
    CHECK(has_edge(b, "pp1 recalls mention body:crime-congress-14"));
    CHECK(has_edge(b, "pp2 notes object CCPCJ/RES/25/2"));
    CHECK(has_edge(b, "pp2 notes mention treaty:uncac"));
}

TEST_CASE("en: mandates, inner clauses and addressees next to the verb", "[extract][en]") {
    auto r = en(doc(
        "1. Welcomes the Kyoto Declaration, and requests the Commission on Crime Prevention and "
        "Criminal Justice to continue;\n\n"
        "2. Calls upon the relevant United Nations bodies to comply with Human Rights Council "
        "resolution 17/4;\n\n"
        "3. Also urges Member States and the United Nations Office on Drugs and Crime to "
        "cooperate;\n\n"
        "4. Decides to apportion the amount among Member States;"));
    auto& b = r.batch;
    CHECK(has_edge(b, "op1 welcomes object instrument:kyoto-declaration"));
    CHECK(has_edge(b, "op1 requests addressee body:ccpcj"));
    CHECK_FALSE(has_edge(b, "op2 calls_upon addressee body:hrc"));
    CHECK(has_edge(b, "op2 calls_upon mention A/HRC/RES/17/4"));
    CHECK(has_edge(b, "op3 urges addressee actor:member-states"));
    CHECK(has_edge(b, "op3 urges addressee body:unodc"));
    CHECK_FALSE(has_edge(b, "op4 decides addressee actor:member-states"));
}

TEST_CASE("en: annex paragraphs are imported and labelled", "[extract][en]") {
    std::string text = doc("1. Endorses the declaration annexed to the present resolution;") +
                       "\nAnnex\nA declaration\n\n1. We reaffirm resolution 70/1.\n\n2. We also "
                       "welcome the Paris Agreement.\n";
    auto r = en(text);
    auto& b = r.batch;
    CHECK(has_edge(b, "annex.p1 reaffirms object A/RES/70/1"));
    CHECK(has_edge(b, "annex.p2 welcomes object treaty:paris-agreement"));
    for (const auto& p : b.document.paragraphs) {
        CHECK(p.label.rfind("plenary") == std::string::npos);
    }
}

TEST_CASE("en: numbers that are not resolutions invent nothing", "[extract][en]") {
    auto r = en(doc("1. Stresses the goal of 50/50 gender balance by 2021, on page 2/28 of "
                    "the 2012-2015 plan, affecting 1,000 people;"));
    CHECK(r.batch.edges.empty());
}
