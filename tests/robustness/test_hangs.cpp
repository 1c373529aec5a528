// Inputs that used to hang an import or grow without bound: a FIFO or a device named as a
// file, and a chain of symbol suffixes that made a node id of many kilobytes.
#include "rob_support.hpp"

#include <sys/stat.h>

using namespace rob;

TEST_CASE("robustness: a FIFO or a device named as an input file", "[robustness][hang]") {
    fs::path dir = work_dir("hang-fifo");
    const std::string db = (dir / "store.db").string();
    fs::path fifo = dir / "A_RES_70_1.en.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    const std::string good = quote(fixture("en/small_resolution.en.txt"));
    for (const auto& input : {fifo.string(), std::string("/dev/zero")}) {
        // Between a good file and another: the FIFO is refused at once, the good one is kept.
        Run r = run("--db " + quote(db) + " import " + good + " " + quote(input) + " " +
                        quote(fixture("zh/small_resolution.zh.txt")),
                    "timeout 30 ");
        INFO(input << ": " << r.out);
        CHECK(r.code == 2);
        CHECK(r.seconds < 10);
        CHECK(r.out.find(input + ": not a regular file but a") != std::string::npos);
        CHECK(r.out.find("summary: 2 imported, 1 failed") != std::string::npos);
        CHECK(query_int(db, "SELECT count(*) FROM documents") == 2);
    }
    // Standard input is the way to read a pipe.
    Run r = run_cmd("sh -c " + quote("cat " + good + " | exec " + quote(cli()) + " --db " +
                                     quote((dir / "stdin.db").string()) + " import --lang en -"));
    INFO(r.out);
    CHECK(r.code == 0);
}

TEST_CASE("robustness: a chain of symbol suffixes does not make a long node id",
          "[robustness][hang]") {
    fs::path dir = work_dir("hang-suffixes");
    const std::string db = (dir / "store.db").string();
    std::string chain = "A/RES/68/193";
    for (int i = 0; i < 2000; ++i) {
        chain += "/Rev.1";
    }
    std::string text = read_file(fixture("en/small_resolution.en.txt"));
    auto at = text.find("Recalling Security Council");
    REQUIRE(at != std::string::npos);
    text.insert(at, "Noting document " + chain + " and document A/68/457/Add.1/Corr.1,\n\n");
    write_file(dir / "suffixes.en.txt", text);
    Run r = run("--db " + quote(db) + " import " + quote((dir / "suffixes.en.txt").string()));
    INFO(r.out.substr(0, 2000));
    CHECK(r.code == 0);
    CHECK(query_int(db, "SELECT max(length(id)) FROM nodes") <= 80);
    CHECK(query_int(db, "SELECT max(length(target)) FROM edges") <= 80);
    // An ordinary suffixed symbol still makes its node.
    CHECK(query_int(db, "SELECT count(*) FROM nodes WHERE id='A/68/457/Add.1/Corr.1'") == 1);
}
