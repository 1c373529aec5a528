// Mandate records (issue #17): action, due organ and session, recurrence, read from the
// mandates.tsv tables. Expected values read in the fixture texts: op1 of A/RES/68/193 asks the
// Secretary-General for a report at the sixty-ninth session in all six languages
// ("Requests the Secretary-General to submit a report to the General Assembly at its
// sixty-ninth session", "请秘书长向大会第六十九届会议提交报告", "présenter un rapport à sa
// soixante-neuvième session", ...).
#include "citegraph/importers/mandates.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;
using namespace citegraph::testing;

namespace {

const MandateRecord* record(const ImportBatch& b, const std::string& paragraph) {
    for (const auto& m : b.mandates) {
        if (m.paragraph == paragraph) {
            return &m;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("mandates: a report due at the sixty-ninth session, in six languages", "[mandates]") {
    for (const char* lang : {"en", "fr", "es", "ru", "ar"}) {
        INFO(lang);
        std::string path =
            std::string(CITEGRAPH_FIXTURES_DIR) + "/" + lang + "/A_RES_68_193." + lang + ".txt";
        ImportResult r = import_file(context(), path);
        const MandateRecord* m = record(r.batch, "op1");
        REQUIRE(m != nullptr);
        CHECK(m->verb == "requests");
        CHECK(m->addressees == std::vector<std::string>{"body:sg"});
        CHECK(m->action == "report");
        CHECK(m->due_organ == "body:ga");
        CHECK(m->due_session == "69");
        CHECK(m->recurrence.empty());
        // op2 urges Member States to implement resolution 60/288: no due session.
        const MandateRecord* op2 = record(r.batch, "op2");
        REQUIRE(op2 != nullptr);
        CHECK(op2->action == "implementation");
        CHECK(op2->due_session.empty());
    }
    ImportResult zh =
        import_file(context(), std::string(CITEGRAPH_DATA_DIR) + "/samples/A_RES_68_193.zh.txt");
    const MandateRecord* op49 = record(zh.batch, "op49"); // 请秘书长向大会第六十九届会议提交报告
    REQUIRE(op49 != nullptr);
    CHECK(op49->action == "report");
    CHECK(op49->due_organ == "body:ga");
    CHECK(op49->due_session == "69");
    // op25: 定期收集、分析和传播……数据与信息 (collect and disseminate data regularly).
    const MandateRecord* op25 = record(zh.batch, "op25");
    REQUIRE(op25 != nullptr);
    CHECK(op25->recurrence == "periodic");
}

TEST_CASE("mandates: the organ named beside the session, the addressee's own session",
          "[mandates]") {
    const Lexicon& en = context().lexicon("en");
    const Gazetteer& gaz = context().gazetteer();
    auto m = text::read_clause("Requests the Secretary-General to report annually to the Human "
                               "Rights Council at its fifty-eighth session on the matter;",
                               en, gaz, "body:ga");
    CHECK(m.action == "report");
    CHECK(m.due_organ == "body:hrc");
    CHECK(m.due_session == "58");
    CHECK(m.recurrence == "annual");
    // No body beside "at its": the citing organ.
    auto own = text::read_clause("Requests the Secretary-General to submit a note at its "
                                 "eightieth session;",
                                 en, gaz, "body:ga");
    CHECK(own.action == "note");
    CHECK(own.due_organ == "body:ga");
    CHECK(own.due_session == "80");
    // "every three years" recurs; nothing names an organ or session.
    auto rap = text::read_clause("Invites the Special Rapporteur to convene a meeting every "
                                 "three years;",
                                 en, gaz, "body:ga");
    CHECK(rap.action == "meeting");
    CHECK(rap.recurrence == "triennial");
    CHECK(rap.due_organ.empty());
}

TEST_CASE("mandates: names, circumstances and light verbs do not name the action", "[mandates]") {
    const Lexicon& en = context().lexicon("en");
    const Lexicon& zh = context().lexicon("zh");
    const Gazetteer& gaz = context().gazetteer();
    // A capitalised name inside the clause ("the Conference") is not a meeting asked for.
    auto named = text::read_clause("Requests the Secretary-General to provide the Preparatory "
                                   "Committee and the Conference with the necessary assistance;",
                                   en, gaz, "body:ga");
    CHECK(named.action == "assistance");
    auto lower = text::read_clause("Requests the Secretary-General to convene a conference;", en,
                                   gaz, "body:ga");
    CHECK(lower.action == "meeting");
    // A light verb yields to the keyword right after it, and keeps its own action otherwise.
    auto light = text::read_clause("Requests the Secretary-General to ensure proper preparations "
                                   "for the congress;",
                                   en, gaz, "body:ga");
    CHECK(light.action == "meeting");
    auto alone = text::read_clause("Urges States to ensure that their political and legal "
                                   "systems reflect the diversity of their societies;",
                                   en, gaz, "body:ga");
    CHECK(alone.action == "implementation");
    // 《…》 is a title: 资助 (financing) inside it is no contribution.
    auto title = text::read_clause("敦促该办公室通过《打击洗钱和资助恐怖主义行为全球方案》，"
                                   "向会员国提供技术援助；",
                                   zh, gaz, "body:ga");
    CHECK(title.action == "assistance");
    // 与…合作 (in cooperation with) frames the action; alone, it is the action.
    auto framed = text::read_clause("敦促会员国与相关国际组织合作，酌情制定国家和区域战略；", zh,
                                    gaz, "body:ga");
    CHECK(framed.action == "plan");
    auto only = text::read_clause("敦促会员国与相关国际组织合作；", zh, gaz, "body:ga");
    CHECK(only.action == "cooperation");
}
