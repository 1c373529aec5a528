// Command-line values that must be refused with a message saying what is wrong (exit 1 for a
// usage error, 2 for an input or store error), never accepted silently.
#include "rob_support.hpp"

using namespace rob;

TEST_CASE("robustness: counts, dates and paragraphs on the command line", "[robustness][cli]") {
    fs::path dir = work_dir("cli-values");
    std::string db = baseline_store(dir);
    const std::string d = "--db " + quote(db) + " ";
    struct Case {
        std::string args;
        int code;
        std::string message;
    };
    const Case cases[] = {
        {"rank --top -1", 1, "not a count"},
        {"rank --top 0", 1, "not a count"},
        {"related A/RES/70/178 --top -5", 1, "not a count"},
        {"path A/RES/70/178 A/RES/68/193 --limit -1", 1, "not a count"},
        {"cites A/RES/70/178 --since 2024-13-45", 1, "is not a date"},
        {"cites A/RES/70/178 --since yesterday", 1, "is not a date"},
        {"cited-by A/RES/68/193 --until 2015-02-29", 1, "is not a date"},
        {"mandates --since 2015-02-30", 1, "is not a date"},
        {"related A/RES/70/178 --paragraph op999", 2, "has no paragraph 'op999'"},
        {"related A/RES/70/178#pp999", 2, "has no paragraph 'pp999'"},
        {"export -f dot --depth 2", 1, "--depth requires --from"},
        {"rank --kind Bogus", 1, "one of Resolution, Decision"},
        {"export -f dot --kind bogus", 1, "one of Resolution, Decision"},
        {"cites A/RES/70/178 --relation bogus", 1, "one of reaffirms, recalls"},
    };
    for (const auto& c : cases) {
        Run r = run(d + c.args);
        INFO(c.args << ": " << r.out);
        CHECK(r.code == c.code);
        CHECK(r.out.find(c.message) != std::string::npos);
    }
    // Valid values still work; kind names in any case.
    for (const std::string args :
         {"rank --top 3", "cites A/RES/70/178 --since 2015",
          "cites A/RES/70/178 --since 2016-02-29", "rank --kind resolution",
          "rank --kind RESOLUTION", "export -f dot --kind resolution",
          "cites A/RES/70/178 --relation Reaffirms", "related A/RES/70/178 --paragraph op1"}) {
        Run r = run(d + args);
        INFO(args << ": " << r.out);
        CHECK(r.code == 0);
    }
    Run lower = run(d + "rank --kind resolution --json");
    Run upper = run(d + "rank --kind Resolution --json");
    CHECK(lower.out == upper.out);
    CHECK(lower.out.find("A/RES/68/193") != std::string::npos);
}

TEST_CASE("robustness: a file whose name starts with '-'", "[robustness][cli]") {
    fs::path dir = work_dir("cli-dash");
    fs::path file = dir / "-x.txt";
    fs::copy_file(fixture("en/small_resolution.en.txt"), file);
    const std::string db = (dir / "store.db").string();
    // Run from the folder, so that the argument is the bare name.
    Run r = run_cmd("sh -c " + quote("cd " + quote(dir.string()) + " && exec " + quote(cli()) +
                                     " --db store.db import -x.txt"));
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(r.out.find("'-x.txt' is read as an option; to name the file, write ./-x.txt or put -- "
                     "before the file names") != std::string::npos);
    r = run_cmd("sh -c " + quote("cd " + quote(dir.string()) + " && exec " + quote(cli()) +
                                 " --db store.db import -- -x.txt"));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(query_int(db, "SELECT count(*) FROM documents") == 1);
}
