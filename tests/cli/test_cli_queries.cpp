// The query commands on the bundled seed A/RES/68/193 (zh): tables, JSON and exit codes.
#include "cli_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <rapidjson/document.h>
#include <string>

namespace {

const std::string kSeed = std::string(CITEGRAPH_DATA_DIR) + "/samples/A_RES_68_193.zh.txt";

// A store holding the seed, imported once per test.
struct SeedDb : TempDb {
    explicit SeedDb(const std::string& name) : TempDb(name) {
        REQUIRE(run(db() + " import " + kSeed).code == 0);
    }
};

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE(!d.HasParseError());
    return d;
}

// Position of `needle` in `hay` at or after `from`; fails the test when absent.
std::size_t at(const std::string& hay, const std::string& needle, std::size_t from = 0) {
    auto p = hay.find(needle, from);
    INFO(needle);
    REQUIRE(p != std::string::npos);
    return p;
}

} // namespace

TEST_CASE("cli queries: mandates to UNODC in paragraph order, as table and JSON",
          "[cli][queries]") {
    SeedDb t("q-mandates");
    Run r = run(t.db() + " mandates --to body:unodc");
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("16 mandates\n"));
    auto op9 = at(r.out, "op9   requests  body:unodc");
    auto op12 = at(r.out, "op12  requests  body:unodc", op9);
    at(r.out, "op13  requests  body:unodc", op12);

    // A short name resolves to the id; the JSON carries the paragraph text.
    Run j = run(t.db() + " mandates --to UNODC --since 2013 --verb requests --json");
    CHECK(j.code == 0);
    auto d = parse(j.out);
    REQUIRE(d.IsArray());
    CHECK(d.Size() == 12);
    CHECK(std::string(d[0]["paragraph"].GetString()) == "op9");
    CHECK(std::string(d[0]["verb"].GetString()) == "requests");
    CHECK(std::string(d[0]["text"].GetString()).find("联合国毒品和犯罪问题办公室") !=
          std::string::npos);

    // The issuing body of the document ("GA" -> body:ga, which is never cited).
    Run ga = run(t.db() + " mandates --to UNODC --by GA --verb urges");
    CHECK(ga.code == 0);
    CHECK_THAT(ga.out, Catch::StartsWith("4 mandates\n"));
    CHECK_THAT(run(t.db() + " mandates --to body:unodc --since 2014").out,
               Catch::StartsWith("0 mandates"));
    CHECK(run(t.db() + " mandates --to body:nowhere").code == 2);
    CHECK(run(t.db() + " mandates --verb demands").code == 1);
}

TEST_CASE("cli queries: cites and cited-by with filters", "[cli][queries]") {
    SeedDb t("q-cites");
    Run r = run(t.db() + " cites A/RES/68/193 --relation reaffirms");
    CHECK(r.code == 0);
    auto group = at(r.out, "reaffirms - A/RES/68/193 (2013-12-18)");
    at(r.out, "pp1   zh    object   A/RES/46/152", group);
    CHECK(r.out.find("recalls -") == std::string::npos);

    Run j = run(t.db() + " cites 68/193 --relation reaffirms --role object --json");
    CHECK(j.code == 0);
    auto d = parse(j.out);
    CHECK(std::string(d["id"].GetString()) == "A/RES/68/193");
    CHECK(d["anachronisms"].GetUint() == 0);
    const auto& edges = d["groups"][0]["edges"];
    CHECK(std::string(edges[0]["target"].GetString()) == "A/RES/46/152");
    CHECK(std::string(edges[0]["paragraph"].GetString()) == "pp1");
    CHECK(std::string(edges[0]["cited_date"].GetString()) == "1991-12-18");

    Run in = run(t.db() + " cited-by body:unodc --role addressee --relation urges");
    CHECK(in.code == 0);
    at(in.out, "urges - A/RES/68/193");
    at(in.out, "op17  zh    addressee  A/RES/68/193");

    CHECK(run(t.db() + " cites A/RES/99/999").code == 2);
    CHECK(run(t.db() + " cites A/RES/68/193 --relation quotes").code == 1);
    CHECK(run(t.db() + " cites").code == 1);
}

TEST_CASE("cli queries: mandate records from the store, filters, JSON and CSV", "[cli][queries]") {
    SeedDb t("q-mandate-records");
    // op49 of the seed: 请秘书长向大会第六十九届会议提交报告 (a report due at the sixty-ninth
    // session of the Assembly).
    Run j = run(t.db() + " mandates --action report --due GA --session 69 --json");
    CHECK(j.code == 0);
    auto d = parse(j.out);
    REQUIRE(d.IsArray());
    REQUIRE(d.Size() == 1);
    CHECK(std::string(d[0]["paragraph"].GetString()) == "op49");
    CHECK(std::string(d[0]["addressee"].GetString()) == "body:sg");
    CHECK(std::string(d[0]["action"].GetString()) == "report");
    CHECK(std::string(d[0]["due_organ"].GetString()) == "body:ga");
    CHECK(std::string(d[0]["due_session"].GetString()) == "69");
    CHECK(d[0]["addressees"].Size() == 1);
    Run c = run(t.db() + " mandates --action report --csv");
    CHECK(c.code == 0);
    CHECK_THAT(c.out, Catch::StartsWith("document,date,paragraph,verb,addressee,addressees,"
                                        "action,due_organ,due_session,due_year,recurrence,"
                                        "language,text\n"));
    at(c.out, "A/RES/68/193,2013-12-18,op49,requests,body:sg,body:sg,report,body:ga,69,,,zh,");
    // op25 asks UNODC to collect and disseminate data 定期 (regularly).
    Run rec = run(t.db() + " mandates --recurring --to UNODC");
    CHECK(rec.code == 0);
    at(rec.out, "op25");
    CHECK(run(t.db() + " mandates --due body:nowhere").code == 2);
}

TEST_CASE("cli queries: rank, path and series on the seed", "[cli][queries]") {
    SeedDb t("q-rank");
    Run r = run(t.db() + " rank --top 5");
    CHECK(r.code == 0);
    at(r.out, "top 5 by in-degree (82 nodes, 239 edges)");
    at(r.out, "1  body:unodc");
    Run pr = run(t.db() + " rank --top 3 --by pagerank --kind Resolution --json");
    CHECK(pr.code == 0);
    auto d = parse(pr.out);
    CHECK(d.Size() == 3);
    CHECK(std::string(d[0]["kind"].GetString()) == "Resolution");

    Run p = run(t.db() + " path A/RES/68/193 body:unodc");
    CHECK(p.code == 0);
    at(p.out, "1 shortest chain of length 1 from A/RES/68/193 to body:unodc");
    Run none = run(t.db() + " path body:unodc A/RES/68/193");
    CHECK(none.code == 0);
    at(none.out, "no citation chain");
    Run und = run(t.db() + " path body:unodc A/RES/46/152 --undirected --json");
    CHECK(und.code == 0);
    auto u = parse(und.out);
    CHECK(u["paths"][0].Size() == 2);

    Run s = run(t.db() + " series A/RES/68/193");
    CHECK(s.code == 0);
    // 46/152 (1991), which the whole crime series reaffirms, is not a member (issue #17).
    CHECK(s.out.find("A/RES/46/152") == std::string::npos);
    auto prev = at(s.out, "A/RES/67/189");
    at(s.out, "->  A/RES/68/193  68       2013-12-18  in store    self", prev);
}

TEST_CASE("cli queries: related explains why, timeline writes a valid SVG", "[cli][queries]") {
    SeedDb t("q-related");
    Run r = run(t.db() + " related A/RES/67/189 --top 3");
    CHECK(r.code == 0);
    at(r.out, "1  A/RES/67/186");
    at(r.out, "cited together by A/RES/68/193 ");
    at(r.out, "A/RES/68/193 pp1");

    std::string svg = t.path + ".timeline.svg";
    Run tl = run(t.db() + " timeline A/RES/46/152 --svg " + svg);
    CHECK(tl.code == 0);
    at(tl.out, "2013  1          1");
    REQUIRE(std::filesystem::exists(svg));
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
        CHECK(std::system(("xmllint --noout " + svg).c_str()) == 0);
    } else {
        WARN("xmllint not installed: SVG not validated");
    }
    std::filesystem::remove(svg);

    Run an = run(t.db() + " anachronisms");
    CHECK(an.code == 0);
    at(an.out, "0 citation(s)");
}

TEST_CASE("cli queries: an empty store answers with empty results", "[cli][queries]") {
    TempDb t("q-empty");
    Run m = run(t.db() + " mandates");
    CHECK(m.code == 0);
    CHECK_THAT(m.out, Catch::StartsWith("0 mandates"));
    CHECK(run(t.db() + " rank").code == 0);
    CHECK(run(t.db() + " series A/RES/68/193").code == 2);
}
