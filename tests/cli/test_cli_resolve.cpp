// Every node argument of every command goes through one resolver (issue #15): ids, numbers,
// acronyms, names in any language (fullwidth and traditional forms folded), and the closest
// names with exit 2 when nothing matches. On the bundled seed A/RES/68/193 (zh).
#include "cli_support.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>

namespace {

const std::string kSeed = std::string(CITEGRAPH_DATA_DIR) + "/samples/A_RES_68_193.zh.txt";

struct SeedDb : TempDb {
    explicit SeedDb(const std::string& name) : TempDb(name) {
        REQUIRE(run(db() + " import " + kSeed).code == 0);
    }
};

std::string first_line(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

} // namespace

TEST_CASE("cli resolve: mandates --to takes an id, acronym or name in any language",
          "[cli][resolve]") {
    SeedDb t("resolve-mandates");
    Run by_id = run(t.db() + " mandates --to body:unodc");
    REQUIRE(by_id.code == 0);
    CHECK(first_line(by_id.out) == "16 mandates");
    for (std::string arg :
         {"UNODC", "unodc", "ＵＮＯＤＣ", "'United Nations Office on Drugs and Crime'",
          "'UNITED NATIONS OFFICE ON DRUGS AND CRIME'",
          "'Office des Nations Unies contre la drogue et le crime'", "联合国毒品和犯罪问题办公室",
          "聯合國毒品和犯罪問題辦公室"}) {
        CAPTURE(arg);
        Run r = run(t.db() + " mandates --to " + arg);
        CHECK(r.code == 0);
        CHECK(r.out == by_id.out);
    }
}

TEST_CASE("cli resolve: show, cites, cited-by, series, related, path, timeline, export",
          "[cli][resolve]") {
    SeedDb t("resolve-commands");
    Run show = run(t.db() + " show 68/193");
    CHECK(show.code == 0);
    CHECK_THAT(show.out, Catch::StartsWith("A/RES/68/193  [Resolution]"));
    Run ga = run(t.db() + " show body:ga");
    CHECK(ga.code == 0);
    // The seed and the 19 General Assembly resolutions it cites (A/RES/…, issued by body:ga).
    CHECK_THAT(ga.out, Catch::StartsWith("body:ga  [issuing body, not cited]\n"
                                         "  works issued by it in the store: 20\n"));
    Run unodc = run(t.db() + " show 'united nations office on drugs and crime'");
    CHECK(unodc.code == 0);
    CHECK_THAT(unodc.out, Catch::StartsWith("body:unodc  [Body]"));

    CHECK(first_line(run(t.db() + " cites ａ/ｒｅｓ/６８/１９３").out) ==
          first_line(run(t.db() + " cites A/RES/68/193").out));
    Run by_name = run(t.db() + " cited-by 预防犯罪和刑事司法委员会");
    CHECK(by_name.code == 0);
    CHECK(by_name.out == run(t.db() + " cited-by body:ccpcj").out);
    CHECK_THAT(by_name.out, Catch::StartsWith("body:ccpcj is cited by"));
    CHECK_THAT(run(t.db() + " series 68/193").out, Catch::StartsWith("series of A/RES/68/193"));
    CHECK_THAT(run(t.db() + " related 68/193").out, Catch::StartsWith("related to A/RES/68/193"));
    CHECK_THAT(run(t.db() + " timeline UNODC").out, Catch::StartsWith("body:unodc cited per year"));
    Run path = run(t.db() + " path 68/193 UNODC");
    CHECK(path.code == 0);
    CHECK_THAT(path.out, Catch::Contains("from A/RES/68/193 to body:unodc"));
    Run dot = run(t.db() + " export --format dot --from UNODC --depth 1");
    CHECK(dot.code == 0);
    CHECK_THAT(dot.out, Catch::Contains("body:unodc"));
}

TEST_CASE("cli resolve: nothing matches: exit 2 with the closest names", "[cli][resolve]") {
    SeedDb t("resolve-missing");
    Run typo = run(t.db() + " mandates --to UNDOC");
    CHECK(typo.code == 2);
    // UNTOC is one letter away, UNODC two: both are listed.
    CHECK_THAT(typo.out, Catch::Contains("no node 'UNDOC'; closest:\n"));
    CHECK_THAT(typo.out,
               Catch::Contains("\n  body:unodc (United Nations Office on Drugs and Crime)\n"));
    Run part = run(t.db() + " cited-by 'Office on Drugs and Crim'");
    CHECK(part.code == 2);
    CHECK_THAT(part.out, Catch::Contains("closest:\n  body:unodc (United Nations Office on Drugs "
                                         "and Crime)"));
    Run exp = run(t.db() + " export --format dot --from 'no such thing at all'");
    CHECK(exp.code == 2);
    CHECK_THAT(exp.out, Catch::Contains("no node 'no such thing at all'"));
    CHECK(run(t.db() + " show qqqqqqqqqqqqqqqq").code == 2);
}

TEST_CASE("cli import-metadata: titles and dates filled, stored ones kept, bad XML refused",
          "[cli][metadata]") {
    SeedDb t("metadata");
    namespace fs = std::filesystem;
    fs::path dir = fs::path(CITEGRAPH_BINARY_DIR) / "test-stores";
    auto write = [&](const std::string& name, const std::string& text) {
        std::string p = (dir / name).string();
        FILE* f = std::fopen(p.c_str(), "wb");
        REQUIRE(f);
        std::fwrite(text.data(), 1, text.size(), f);
        std::fclose(f);
        return p;
    };
    // A record for the seed: its zh title line is the same, its en title is missing (added),
    // its date differs (kept, reported).
    std::string good =
        write("meta-good.xml",
              "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n<record>\n"
              "<datafield tag=\"191\"><subfield code=\"a\">A/RES/68/193</subfield></datafield>\n"
              "<datafield tag=\"245\"><subfield code=\"a\">Strengthening the United Nations crime "
              "prevention and criminal justice programme, in particular its technical cooperation "
              "capacity :</subfield></datafield>\n"
              "<datafield tag=\"246\"><subfield "
              "code=\"a\">加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力"
              "</subfield></datafield>\n"
              "<datafield tag=\"269\"><subfield code=\"a\">2013-12-19</subfield></datafield>\n"
              "</record>\n</collection>\n");
    Run before = run(t.db() + " show A/RES/68/193");
    REQUIRE(before.code == 0);
    CHECK_THAT(before.out, !Catch::Contains("name (en)"));
    Run m = run(t.db() + " import-metadata " + good);
    CHECK(m.code == 0);
    CHECK_THAT(m.out, Catch::Contains("1 records, 1 nodes (0 new), 1 titles and 0 dates added"));
    CHECK_THAT(m.out, Catch::Contains("conflict A/RES/68/193 date: keeps 2013-12-18; "));
    CHECK_THAT(m.out, !Catch::Contains("title (zh)")); // the same as the title line
    Run after = run(t.db() + " show A/RES/68/193");
    CHECK_THAT(after.out,
               Catch::Contains("name (en): Strengthening the United Nations crime "
                               "prevention and criminal justice programme, in particular its "
                               "technical cooperation capacity\n"));
    CHECK_THAT(after.out, Catch::Contains("date: 2013-12-18"));

    std::string bad = write("meta-bad.xml", "<collection>\n<record>\n<datafield tag=\"191\">\n"
                                            "</record>\n</collection>\n");
    Run b = run(t.db() + " import-metadata " + bad);
    CHECK(b.code == 2);
    CHECK_THAT(b.out, Catch::Contains(bad + ":4:1"));
    CHECK_THAT(b.out, Catch::Contains("</record> does not match <datafield> (line 3)"));
    CHECK(run(t.db() + " show A/RES/68/193").out == after.out); // store unchanged
}
