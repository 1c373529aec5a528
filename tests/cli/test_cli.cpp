// The citegraph command as a user runs it: exit codes, messages, and the store after success
// and after failure.
#include "citegraph/engine/store.hpp"
#include "cli_support.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(CITEGRAPH_FIXTURES_DIR) + "/zh/small_resolution.zh.txt";
const std::string kInvalid = std::string(CITEGRAPH_FIXTURES_DIR) + "/zh/invalid_utf8.zh.txt";
const std::string kSeed = std::string(CITEGRAPH_DATA_DIR) + "/samples/A_RES_68_193.zh.txt";

} // namespace

TEST_CASE("cli: help exits 0 and usage errors exit 1", "[cli]") {
    CHECK(run("--help").code == 0);
    CHECK(run("export --help").code == 0);
    Run none = run("");
    CHECK(none.code == 1);
    CHECK(run("frobnicate").code == 1);
    CHECK(run("import").code == 1); // a file is required
    TempDb t("usage");
    Run fmt = run(t.db() + " export --format pdf");
    CHECK(fmt.code == 1);
    CHECK_THAT(fmt.out, Catch::Contains("unknown format 'pdf'"));
}

TEST_CASE("cli: stats on an empty store, then after an import", "[cli]") {
    TempDb t("stats");
    Run empty = run(t.db() + " stats");
    CHECK(empty.code == 0);
    CHECK_THAT(empty.out, Catch::Contains("nodes: 0") && Catch::Contains("edges: 0"));

    Run imp = run(t.db() + " import " + kFixture);
    CHECK(imp.code == 0);
    CHECK_THAT(imp.out, Catch::Contains("imported A/RES/70/178 (zh)"));

    Run s = run(t.db() + " stats");
    CHECK(s.code == 0);
    // header: A/70/490 + Third Committee; pp1: 2 resolutions; pp2: SC + S/RES/1373;
    // op1: UNODC; op2: Secretary-General.
    CHECK_THAT(s.out, Catch::Contains("documents: 1") && Catch::Contains("edges: 8") &&
                          Catch::Contains("  reaffirms: 2") && Catch::Contains("  requests: 2") &&
                          Catch::Contains("  adopted_on_report: 2") &&
                          Catch::Contains("  Resolution: 4") && Catch::Contains("  addressee: 2"));
}

TEST_CASE("cli: re-importing a document does not duplicate it", "[cli]") {
    TempDb t("reimport");
    REQUIRE(run(t.db() + " import " + kFixture).code == 0);
    REQUIRE(run(t.db() + " import " + kFixture).code == 0);
    citegraph::Store s(t.path, citegraph::Store::Mode::ReadOnly);
    CHECK(s.stats().documents == 1);
    CHECK(s.stats().edges == 8);
}

TEST_CASE("cli: a failed import names the file and position and changes nothing", "[cli]") {
    TempDb t("failed");
    REQUIRE(run(t.db() + " import " + kFixture).code == 0);
    auto before = citegraph::Store(t.path, citegraph::Store::Mode::ReadOnly).stats();

    Run bad = run(t.db() + " import " + kInvalid);
    CHECK(bad.code == 2);
    CHECK_THAT(bad.out, Catch::Contains(kInvalid + ":7:") && Catch::Contains("invalid UTF-8"));

    Run missing = run(t.db() + " import /nonexistent/file.zh.txt");
    CHECK(missing.code == 2);
    CHECK_THAT(missing.out, Catch::Contains("/nonexistent/file.zh.txt"));

    // In a batch the good file still imports; the summary lists the failure.
    Run batch = run(t.db() + " import " + kInvalid + " " + kSeed);
    CHECK(batch.code == 2);
    CHECK_THAT(batch.out,
               Catch::Contains("1 imported, 1 failed") && Catch::Contains("failed: " + kInvalid));
    // --strict stops at the first failure.
    TempDb t2("strict");
    Run strict = run(t2.db() + " import --strict " + kInvalid + " " + kFixture);
    CHECK(strict.code == 2);
    CHECK(citegraph::Store(t2.path, citegraph::Store::Mode::ReadOnly).stats().documents == 0);

    auto after = citegraph::Store(t.path, citegraph::Store::Mode::ReadOnly).stats();
    CHECK(after.documents == before.documents + 1); // only the seed was added
}

TEST_CASE("cli: show lists a document's edges by paragraph", "[cli]") {
    TempDb t("show");
    REQUIRE(run(t.db() + " import " + kSeed).code == 0);
    Run r = run(t.db() + " show A/RES/68/193");
    CHECK(r.code == 0);
    auto pp1 = r.out.find("  pp1 (zh)");
    auto op12 = r.out.find("  op12 (zh)");
    REQUIRE(pp1 != std::string::npos);
    REQUIRE(op12 != std::string::npos);
    CHECK(pp1 < op12);
    CHECK(r.out.find("reaffirms [object] A/RES/46/152", pp1) < op12);
    CHECK(r.out.find("requests [addressee] body:unodc", op12) != std::string::npos);

    Run unknown = run(t.db() + " show A/RES/1/999");
    CHECK(unknown.code == 2);
    CHECK_THAT(unknown.out, Catch::Contains("no node 'A/RES/1/999'"));
}

TEST_CASE("cli: a store from a newer schema is refused with exit 2", "[cli]") {
    TempDb t("schema");
    REQUIRE(run(t.db() + " import " + kFixture).code == 0);
    std::string sql =
        "sqlite3 " + t.path + " \"UPDATE meta SET value='7' WHERE key='schema_version'\"";
    REQUIRE(std::system(sql.c_str()) == 0);
    Run r = run(t.db() + " stats");
    CHECK(r.code == 2);
    CHECK_THAT(r.out, Catch::Contains("schema version 7"));
}

TEST_CASE("cli: two language versions of one document give one graph", "[cli][languages]") {
    TempDb t("languages");
    const std::string en = std::string(CITEGRAPH_FIXTURES_DIR) + "/en/small_resolution.en.txt";
    REQUIRE(run(t.db() + " import " + kFixture + " " + en).code == 0);
    citegraph::Store s(t.path, citegraph::Store::Mode::ReadOnly);
    CHECK(s.stats().documents == 2); // two language versions ...
    auto g = s.load();
    auto v = g.find("A/RES/70/178");
    REQUIRE(v);
    CHECK(g.node(*v).names.size() == 2); // ... of one work with two titles

    Run same = run(t.db() + " diff-languages A/RES/70/178");
    CHECK(same.code == 0);
    CHECK_THAT(same.out, Catch::Contains("en vs zh: 8 (relation, target, role) in common, 0 only "
                                         "in en, 0 only in zh"));

    // A version that misses a citation is reported, with the paragraph of the other version.
    TempDb t2("languages-diff");
    std::string cut = std::string(CITEGRAPH_BINARY_DIR) + "/test-stores/A_RES_70_178.en.txt";
    {
        std::string text = [&] {
            std::ifstream in(en, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }();
        auto at = text.find(" and 68/193 of 18 December 2013");
        REQUIRE(at != std::string::npos);
        text.erase(at, std::string(" and 68/193 of 18 December 2013").size());
        std::ofstream(cut, std::ios::binary) << text;
    }
    REQUIRE(run(t2.db() + " import " + kFixture + " " + cut).code == 0);
    Run diff = run(t2.db() + " diff-languages A/RES/70/178 --a zh --b en");
    CHECK(diff.code == 3);
    CHECK_THAT(diff.out, Catch::Contains("1 only in zh") && Catch::Contains("A/RES/68/193") &&
                             Catch::Contains("pp1"));
    CHECK(run(t2.db() + " diff-languages A/RES/70/178 --a fr").code == 2);
}

TEST_CASE("cli: a multi-file import shows progress on a terminal, nothing otherwise",
          "[cli][progress]") {
    TempDb t("progress");
    const std::string dir = std::string(CITEGRAPH_FIXTURES_DIR) + "/";
    std::string files = dir + "en/small_resolution.en.txt " + dir + "zh/small_resolution.zh.txt " +
                        dir + "pdf/A_RES_79_901.en.pdf";
    // Not a terminal: stdout and stderr are a pipe here.
    Run plain = run(t.db() + " import " + files);
    CHECK(plain.code == 0);
    CHECK(plain.out.find("files/s") == std::string::npos);
    // A terminal: script(1) runs the command on a pseudo-terminal and records what it drew.
    t.clean();
    std::string log = t.path + ".typescript";
    std::string cmd = "script -qec \"" + std::string(CITEGRAPH_CLI) + " " + t.db() + " import " +
                      files + " >/dev/null\" " + log + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(log, std::ios::binary);
    std::string drawn((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(drawn);
    CHECK(drawn.find("[####################] 3/3 files") != std::string::npos);
    CHECK(drawn.find(" files/s  ETA ") != std::string::npos);
    CHECK(drawn.find("A_RES_79_901.en.pdf") != std::string::npos);
    CHECK(drawn.find("\r\x1b[K") != std::string::npos); // the line is erased at the end
    std::filesystem::remove(log);
}

TEST_CASE("cli: import on several threads gives the output and the store of one thread",
          "[cli][parallel]") {
    const std::string dir = std::string(CITEGRAPH_FIXTURES_DIR) + "/";
    const std::vector<std::string> one_round = {
        dir + "en/small_resolution.en.txt", dir + "zh/small_resolution.zh.txt", kInvalid,
        dir + "pdf/A_RES_79_901.en.pdf",    dir + "en/A_RES_68_193.en.txt",     kSeed,
        dir + "pdf/A_RES_70_178.pdf"};
    // More files than threads, so that the window moves: four copies of each, one folder a
    // round (a file named twice in one batch is imported once).
    std::string files;
    namespace fs = std::filesystem;
    for (int round = 0; round < 4; ++round) {
        fs::path folder = fs::path(CITEGRAPH_BINARY_DIR) / "test-stores" /
                          ("jobs-round-" + std::to_string(round));
        fs::create_directories(folder);
        for (const auto& f : one_round) {
            fs::path copy = folder / fs::path(f).filename();
            fs::copy_file(f, copy, fs::copy_options::overwrite_existing);
            files += " " + copy.string();
        }
    }
    TempDb t1("jobs1"), t4("jobs4");
    Run a = run(t1.db() + " import -j 1" + files);
    Run b = run(t4.db() + " import --jobs 4" + files);
    CHECK(a.code == 2); // the invalid file, four times
    CHECK(b.code == a.code);
    CHECK(b.out == a.out);
    CHECK_THAT(a.out, Catch::Contains("24 imported, 4 failed"));
    Run ja = run(t1.db() + " export --format jsonld");
    Run jb = run(t4.db() + " export --format jsonld");
    REQUIRE(ja.code == 0);
    CHECK(ja.out.size() > 1000);
    CHECK(jb.out == ja.out);

    // --strict: the files after the first failure are not imported, whatever the threads
    // had read ahead.
    TempDb s("jobs-strict");
    Run strict = run(s.db() + " import --strict -j 4" + files);
    CHECK(strict.code == 2);
    CHECK(citegraph::Store(s.path, citegraph::Store::Mode::ReadOnly).stats().documents == 2);
    CHECK(run(s.db() + " import -j 0 " + kFixture).code == 0);
    CHECK(run(s.db() + " import -j 300 " + kFixture).code == 1); // out of range
}
