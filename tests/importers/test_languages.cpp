// French, Spanish, Russian and Arabic read with the same pipeline as English: one small
// resolution (tests/fixtures/<lang>/A_RES_68_193.<lang>.txt) written in each language gives
// the same (relation, target) edges as its English version.
#include "citegraph/importers/text_pipeline.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <utility>

using namespace citegraph;
using namespace citegraph::testing;

namespace {

using EdgeKey = std::pair<std::string, std::string>; // relation, target

// With `preamble_only`, edges of operative paragraphs are left out.
std::set<EdgeKey> edge_keys(const ImportBatch& b, bool preamble_only = false) {
    std::set<EdgeKey> out;
    for (const auto& e : b.edges) {
        if (preamble_only && e.prov.paragraph.rfind("op", 0) == 0) {
            continue;
        }
        out.insert({std::string(to_string(e.relation)), e.target});
    }
    return out;
}

std::string join(const std::set<EdgeKey>& s) {
    std::string out;
    for (const auto& [rel, target] : s) {
        out += rel + " " + target + "\n";
    }
    return out;
}

ImportResult import_fixture(const std::string& lang) {
    std::string name = "A_RES_68_193." + lang + ".txt";
    return import_text(read_file(std::string(CITEGRAPH_FIXTURES_DIR) + "/" + lang + "/" + name),
                       name);
}

} // namespace

TEST_CASE("languages: the English fixture gives the expected edges", "[languages][en]") {
    auto r = import_fixture("en");
    const auto& b = r.batch;
    CHECK(b.document.language == "en");
    CHECK(has_edge(b, "pp1 reaffirms object A/RES/46/152"));
    CHECK(has_edge(b, "pp1 reaffirms object A/RES/67/189"));
    CHECK(has_edge(b, "pp2 recalls object S/RES/1373(2001)"));
    CHECK(has_edge(b, "pp2 notes object treaty:charter"));
    CHECK(has_edge(b, "op1 requests addressee body:sg"));
    CHECK(has_edge(b, "op2 urges addressee actor:member-states"));
    CHECK(has_edge(b, "op2 urges mention A/RES/60/288"));
    CHECK(has_edge(b, "op2 considers object A/68/124"));
    CHECK(find_node(b, "A/RES/46/152")->date == "1991-12-18");
    CHECK(find_node(b, "A/RES/60/288")->date == "2006-09-08");
    INFO(describe(b));
    CHECK(b.edges.size() >= 9);
}

TEST_CASE("languages: every language version gives the English (relation, target) set",
          "[languages]") {
    auto en = import_fixture("en");
    auto want = edge_keys(en.batch);
    REQUIRE(!want.empty());
    for (std::string lang : {"fr", "es", "ru", "ar"}) {
        auto r = import_fixture(lang);
        CAPTURE(lang);
        CHECK(r.batch.document.language == lang);
        auto got = edge_keys(r.batch);
        want = edge_keys(en.batch);
        INFO("English:\n" << join(want) << "\n" << lang << ":\n" << describe(r.batch));
        CHECK(got == want);
        // The dates of the cited resolutions are read from each language's date template.
        const auto* n = find_node(r.batch, "A/RES/46/152");
        REQUIRE(n != nullptr);
        CHECK(n->date == "1991-12-18");
        const auto* n2 = find_node(r.batch, "A/RES/60/288");
        REQUIRE(n2 != nullptr);
        CHECK(n2->date == "2006-09-08");
    }
}

TEST_CASE("languages: header lines are read from the tables", "[languages]") {
    for (std::string lang : {"en", "fr", "es", "ru"}) {
        CAPTURE(lang);
        auto r = import_fixture(lang);
        CHECK(r.batch.document.agenda_item == "108");
        CHECK(r.batch.document.meeting == "70");
        const auto* self = find_node(r.batch, "A/RES/68/193");
        REQUIRE(self != nullptr);
        CHECK(self->date == "2013-12-18");
    }
}

TEST_CASE("languages: verbs open inner clauses after a comma and a connector", "[languages]") {
    auto& ctx = context();
    struct Case {
        const char* lang;
        const char* text;
        std::vector<Relation> want;
    };
    std::vector<Case> cases = {
        {"fr",
         "2. Reconnaît que la stabilité est essentielle, et salue les efforts déployés ;",
         {Relation::recognizes, Relation::welcomes}},
        {"fr",
         "Rappelant également sa résolution 68/193, dans laquelle elle a prié le "
         "Secrétaire général de faire rapport, et soulignant l'importance de la question,",
         {Relation::recalls, Relation::emphasizes}},
        {"es",
         "2. Reconoce que la estabilidad es esencial, y acoge con beneplácito los "
         "esfuerzos;",
         {Relation::recognizes, Relation::welcomes}},
        {"es",
         "Recordando también su resolución 68/193, en la que pidió al Secretario General "
         "que informara, y expresando grave preocupación por la amenaza,",
         {Relation::recalls, Relation::expresses_concern}},
        {"ru",
         "2. признает, что стабильность имеет важнейшее значение, и приветствует усилия;",
         {Relation::recognizes, Relation::welcomes}},
        {"ru",
         "ссылаясь также на свою резолюцию 68/193, в которой она просила Генерального "
         "секретаря представить доклад, и выражая глубокую обеспокоенность угрозой,",
         {Relation::recalls, Relation::expresses_concern}},
        {"ar",
         "2 - يسلّم بأن الاستقرار ضروري، ويرحب بالجهود؛",
         {Relation::recognizes, Relation::welcomes}},
        {"ar",
         "وإذ تشير أيضا إلى قرارها 68/193، وإذ تعرب عن بالغ القلق إزاء الخطر،",
         {Relation::recalls, Relation::expresses_concern}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.lang, c.text);
        const Lexicon& lex = ctx.lexicon(c.lang);
        std::string_view t = c.text;
        auto got = text::clause_verbs(t, lex, ctx.gazetteer());
        std::vector<Relation> rels;
        for (const auto& [surface, rel] : got) {
            rels.push_back(rel);
        }
        CHECK(rels == c.want);
    }
}

TEST_CASE("languages: a verb that begins a noun does not open a clause", "[languages][ar]") {
    auto& ctx = context();
    const Lexicon& ar = ctx.lexicon("ar");
    auto rels = [&](std::string_view t) {
        std::vector<Relation> out;
        for (const auto& [surface, rel] : text::clause_verbs(t, ar, ctx.gazetteer())) {
            out.push_back(rel);
        }
        return out;
    };
    // توصيات (recommendations) and تقرير (report) begin with the verbs توصي and تقر; column 4
    // of verbs.tsv lists what may not follow each, several values separated by commas.
    CHECK(rels("وإذ يؤكد أهمية التقييمات، وتوصيات الفريق، وتقرير الأمين العام،") ==
          std::vector<Relation>{Relation::emphasizes});
    CHECK(rels("وإذ يؤكد أهمية التقييمات، وتوصية الفريق،") ==
          std::vector<Relation>{Relation::emphasizes});
    CHECK(rels("3 - توصي بأن تنظر الدول في التصديق، وتقر أن التعاون ضروري؛") ==
          std::vector<Relation>{Relation::recommends, Relation::recognizes});
    for (const auto& v : ar.verbs()) {
        if (v.surface == "توصي") {
            CHECK(v.not_before == std::vector<std::string>{"ة", "ات"});
        }
    }
}

TEST_CASE("languages: the subject line names the acting organ, never an edge target",
          "[languages]") {
    // Arabic puts a particle before the organ's name: "إن مجلس الأمن،".
    auto ar = import_text("إن مجلس الأمن،\n\nإذ يشير إلى قراره 2014 (2011)،\n\n1 - يطلب إلى "
                          "الأمين العام أن يقدم تقريرا إلى مجلس الأمن؛\n",
                          "S_RES_2201_2015.ar.txt");
    const auto* self = find_node(ar.batch, "S/RES/2201(2015)");
    REQUIRE(self != nullptr);
    CHECK(self->body == "body:sc");
    CHECK(has_edge(ar.batch, "pp1 recalls object S/RES/2014(2011)"));
    CHECK(has_edge(ar.batch, "op1 requests addressee body:sg"));
    // The Council's own name in its text is "the Council itself" (English: "its"), as the
    // General Assembly is in the Assembly's texts: no edge to it.
    auto zh =
        import_text("安全理事会，\n\n回顾安理会第2014(2011)号决议，重申安理会承诺维护也门的统一，"
                    "\n\n1. 请秘书长向安理会提交报告；\n",
                    "S_RES_2201_2015.zh.txt");
    INFO(describe(zh.batch));
    CHECK(has_edge(zh.batch, "pp1 recalls object S/RES/2014(2011)"));
    CHECK(has_edge(zh.batch, "op1 requests addressee body:sg"));
    for (const auto& e : zh.batch.edges) {
        CHECK(e.target != "body:sc");
    }
    // A General Assembly text naming the Council keeps the edge.
    auto ga = import_text("大会，\n\n1. 请安全理事会审议该报告；\n", "A_RES_70_1.zh.txt");
    CHECK(has_edge(ga.batch, "op1 requests addressee body:sc"));
    // The Human Rights Council is an organ with its own series.
    auto hrc = import_text("Le Conseil des droits de l'homme,\n\nRappelant sa résolution 28/1,\n",
                           "A_HRC_RES_31_1.fr.txt");
    const auto* h = find_node(hrc.batch, "A/HRC/RES/31/1");
    REQUIRE(h != nullptr);
    CHECK(h->body == "body:hrc");
    // Arabic subjects with and without the particle, for each organ.
    for (const auto& [subject, organ] : std::vector<std::pair<std::string, std::string>>{
             {"مجلس حقوق الإنسان،", "body:hrc"},
             {"إن مجلس حقوق الإنسان،", "body:hrc"},
             {"المجلس الاقتصادي والاجتماعي،", "body:ecosoc"},
             {"إن المجلس الاقتصادي والاجتماعي،", "body:ecosoc"},
             {"مجلس الأمن،", "body:sc"}}) {
        CAPTURE(subject);
        const auto& lex = context().lexicon("ar");
        text::CleanText c =
            text::clean(subject + "\n\nإذ يشير إلى قراره 28/1،\n", lex, "fixture.ar.txt");
        auto seg = text::segment(c, lex, context().gazetteer());
        CHECK(seg.header.organ == organ);
        CHECK(seg.paragraphs.size() == 1);
    }
}

TEST_CASE("languages: French and Spanish verbs read without their accents", "[languages]") {
    auto& ctx = context();
    auto rels = [&](const char* lang, std::string_view t) {
        std::vector<Relation> out;
        for (const auto& [surface, rel] :
             text::clause_verbs(t, ctx.lexicon(lang), ctx.gazetteer())) {
            out.push_back(rel);
        }
        return out;
    };
    // OCR'd volumes: "Réaffirme", "Prie", "décide", "Préoccupé" without accents.
    CHECK(rels("fr", "1. Reaffirme sa resolution 186 (1964), et decide de demeurer saisi ;") ==
          std::vector<Relation>{Relation::reaffirms, Relation::decides});
    CHECK(rels("fr", "Preoccupe par la situation,") ==
          std::vector<Relation>{Relation::expresses_concern});
    CHECK(rels("es", "3. Toma nota con satisfaccion del informe,") ==
          std::vector<Relation>{Relation::notes});
    // The accented rows still match, and English has no such folding.
    CHECK(rels("fr", "1. Réaffirme sa résolution 186 (1964) ;") ==
          std::vector<Relation>{Relation::reaffirms});
    CHECK(rels("en", "Reaffirme its resolution,").empty());
}

TEST_CASE("languages: \"Determined\" is convinced in every language", "[languages]") {
    auto& ctx = context();
    struct Case {
        const char* lang;
        const char* text;
    };
    for (const Case& c :
         std::vector<Case>{{"en", "Determined to ensure full compliance,"},
                           {"fr", "Résolu à assurer le plein respect,"},
                           {"es", "Decidido a asegurar el pleno cumplimiento,"},
                           {"ru", "будучи преисполнен решимости обеспечить полное соблюдение,"},
                           {"zh", "决心确保严格彻底地实施第661(1990)号决议规定的措施,"},
                           {"zh", "并决心确保安理会各项决定得到遵守,"}}) {
        CAPTURE(c.lang, c.text);
        auto got = text::clause_verbs(c.text, ctx.lexicon(c.lang), ctx.gazetteer());
        REQUIRE(got.size() == 1);
        CHECK(got[0].second == Relation::convinced);
    }
    // 重申决心 ("Reaffirming its determination") keeps its own verb.
    auto got = text::clause_verbs("重申决心尽力运用政治和外交手段,", context().lexicon("zh"),
                                  context().gazetteer());
    REQUIRE_FALSE(got.empty());
    CHECK(got[0].second == Relation::reaffirms);
}

TEST_CASE("languages: orders to a body are requests in every language", "[languages]") {
    auto& ctx = context();
    struct Case {
        const char* lang;
        const char* text;
    };
    for (const Case& c :
         std::vector<Case>{{"en", "4. Directs the Committee to report to the Assembly;"},
                           {"en", "2. Mandates the Secretary-General to establish rules;"},
                           {"fr", "4. Charge le Comité de faire rapport à l'Assemblée ;"},
                           {"es", "4. Encomienda al Comité que informe a la Asamblea;"},
                           {"ru", "4. поручает Комитету представить доклад Ассамблее;"},
                           {"zh", "4. 责成委员会向大会提出报告;"},
                           {"ar", "4 - يكلف اللجنة بتقديم تقرير إلى الجمعية؛"}}) {
        CAPTURE(c.lang, c.text);
        auto got = text::clause_verbs(c.text, ctx.lexicon(c.lang), ctx.gazetteer());
        REQUIRE_FALSE(got.empty());
        CHECK(got[0].second == Relation::requests);
    }
}
