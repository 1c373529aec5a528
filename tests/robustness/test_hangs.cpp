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

// Peak memory is bounded by the text limit (8 MiB, kMaxTextBytes) times the pipeline's bytes
// per input byte: at most 40 per byte plus 100 MB, checked here on the worst shapes known (a
// text dense with citations: 35 per byte) just under the limit. A 32 MB text (1.1 GB of
// memory before the limit came down from 32 MiB) is refused before it is read.
TEST_CASE("robustness: peak memory stays within 40 bytes per input byte plus 100 MB",
          "[robustness][hang][memory]") {
    fs::path dir = work_dir("hang-memory");
    const std::string db = (dir / "store.db").string();
    const std::string text = read_file(fixture("en/small_resolution.en.txt"));
    const auto ops = text.find("1. Requests");
    REQUIRE(ops != std::string::npos);
    const std::string head = text.substr(0, ops);
    const std::string tail = text.substr(ops);
    auto build = [&](const std::string& unit, std::size_t size, const std::string& sep) {
        std::string body = head;
        while (body.size() + unit.size() + tail.size() + 4 < size) {
            body += unit;
        }
        return body + sep + tail;
    };
    struct Shape {
        const char* name;
        std::string bytes;
    };
    const std::size_t limit = 8u << 20;
    const Shape shapes[] = {
        {"paragraphs dense with citations",
         build("Recalling its resolutions 46/152 of 18 December 1991, 68/193 of 18 December "
               "2013 and 60/1, and Security Council resolution 1373 (2001), and the report of "
               "the Secretary-General (A/70/123),\n\n",
               limit, "")},
        {"one line of unresolved numbers",
         build("Recalling its resolutions 46/152 of 18 December 1991 and the work of the Office, ",
               limit, ",\n\n")},
    };
    for (const auto& s : shapes) {
        fs::path f = dir / "A_RES_70_178.en.txt";
        write_file(f, s.bytes);
        fs::remove(db);
        Run r = run("--db " + quote(db) + " import " + quote(f.string()), "timeout 300 ");
        INFO(s.name << ": " << r.out.substr(0, 500) << " max_rss_kb=" << r.max_rss_kb);
        CHECK(r.code == 0);
        const long bound_kb =
            static_cast<long>((40 * s.bytes.size() + (100u << 20)) / 1024) * kSanitizerMemory;
        CHECK(r.max_rss_kb < bound_kb);
        WARN(s.name << " (" << s.bytes.size() << " bytes): " << r.seconds << " s, peak RSS "
                    << r.max_rss_kb / 1024 << " MiB, "
                    << static_cast<double>(r.max_rss_kb) * 1024 / s.bytes.size() << " per byte");
    }
    // Over the limit: refused before reading, in a few MB.
    fs::path big = dir / "A_RES_70_179.en.txt";
    write_file(big,
               build("Recalling its resolution 68/193 of 18 December 2013,\n\n", 32u << 20, ""));
    Run r = run("--db " + quote(db) + " import " + quote(big.string()));
    INFO(r.out << " max_rss_kb=" << r.max_rss_kb);
    CHECK(r.code == 2);
    CHECK(r.out.find("file too large: ") != std::string::npos);
    CHECK(r.out.find("(the limit is 8388608 bytes") != std::string::npos);
    CHECK(r.max_rss_kb < 100 * 1024 * kSanitizerMemory); // ASan alone takes ~260 MB
}
