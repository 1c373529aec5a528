// Faults across processes: kill -9 during a large import, readers during an import, two
// importers at once. Afterwards the store opens, passes PRAGMA integrity_check and holds only
// whole documents (each document's paragraph and edge rows match its own counts).
#include "rob_support.hpp"

#include <csignal>
#include <thread>

using namespace rob;

namespace {

// Writes `n` resolutions SESSION/1..n into `dir`, returns their paths joined for a command.
std::string make_corpus(const fs::path& dir, int session, int n, int extra) {
    fs::create_directories(dir);
    std::string args;
    for (int i = 1; i <= n; ++i) {
        fs::path f =
            dir / ("A_RES_" + std::to_string(session) + "_" + std::to_string(i) + ".en.txt");
        write_file(f, resolution_text(session, i, extra));
        args += " " + quote(f.string());
    }
    return args;
}

// Every document is whole: its paragraph and edge rows are as many as it says.
void check_whole(const std::string& db) {
    CHECK(fingerprint(db).integrity == "ok");
    CHECK(query_int(db, "SELECT count(*) FROM documents d WHERE d.paragraphs != (SELECT count(*) "
                        "FROM paragraphs p WHERE p.doc_id=d.doc_id AND p.lang=d.lang) OR d.edges "
                        "!= (SELECT count(*) FROM edges e WHERE e.doc_id=d.doc_id AND "
                        "e.lang=d.lang)") == 0);
    CHECK(query_int(db, "SELECT count(*) FROM edges e WHERE NOT EXISTS (SELECT 1 FROM documents "
                        "d WHERE d.doc_id=e.doc_id AND d.lang=e.lang)") == 0);
    CHECK(query_int(db, "SELECT count(*) FROM paragraphs p WHERE NOT EXISTS (SELECT 1 FROM "
                        "documents d WHERE d.doc_id=p.doc_id AND d.lang=p.lang)") == 0);
}

pid_t spawn(const std::string& command, const fs::path& log) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c",
              ("exec " + command + " >" + quote(log.string()) + " 2>&1").c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

int wait_code(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

} // namespace

TEST_CASE("robustness: kill -9 during an import leaves only whole documents",
          "[robustness][faults]") {
    fs::path dir = work_dir("kill9");
    std::string db = baseline_store(dir);
    // More files than a group (the command commits up to 64 documents at a time).
    std::string files = make_corpus(dir / "in", 71, 400, 150);
    fs::path log = dir / "import.log";
    pid_t pid = spawn(quote(cli()) + " --db " + quote(db) + " import" + files, log);
    // Wait until a few documents are committed, then kill the importer mid-batch.
    auto t0 = std::chrono::steady_clock::now();
    while (count_of(read_file(log), "imported ") < 5 &&
           std::chrono::steady_clock::now() - t0 < std::chrono::seconds(60)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(kill(pid, SIGKILL) == 0);
    CHECK(wait_code(pid) == -SIGKILL);
    std::string out = read_file(log);
    std::size_t reported = count_of(out, "imported ");
    INFO(out);
    REQUIRE(reported >= 5);
    REQUIRE(reported < 400); // killed in flight

    // Reopen: the CLI opens it; every reported document is there, and at most one group more
    // (committed just before the kill, its lines not printed yet); none is partial.
    Run s = run("--db " + quote(db) + " stats");
    INFO(s.out);
    CHECK(s.code == 0);
    std::int64_t docs = query_int(db, "SELECT count(*) FROM documents WHERE doc_id LIKE "
                                      "'A/RES/71/%'");
    CHECK(docs >= static_cast<std::int64_t>(reported));
    CHECK(docs <= static_cast<std::int64_t>(reported) + 64);
    CHECK(docs < 400);
    check_whole(db);
    // The store still takes imports.
    Run again = run("--db " + quote(db) + " import" + files);
    INFO(again.out);
    CHECK(again.code == 0);
    check_whole(db);
}

TEST_CASE("robustness: readers work while an import runs", "[robustness][faults]") {
    fs::path dir = work_dir("readers");
    std::string db = baseline_store(dir);
    std::string files = make_corpus(dir / "in", 72, 40, 150);
    fs::path log = dir / "import.log";
    pid_t pid = spawn(quote(cli()) + " --db " + quote(db) + " import" + files, log);
    int reads = 0, failures = 0;
    std::string failed;
    while (waitpid(pid, nullptr, WNOHANG) == 0 || reads == 0) {
        for (const char* cmd : {" stats", " show A/RES/70/178", " cites A/RES/70/178",
                                " export --format jsonld -o /dev/null"}) {
            Run r = run("--db " + quote(db) + cmd);
            ++reads;
            if (r.code != 0) {
                ++failures;
                failed += r.out;
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    INFO(failed << "\nimporter:\n" << read_file(log).substr(0, 1000));
    CHECK(reads >= 4);
    CHECK(failures == 0);
    CHECK(failed.find("locked") == std::string::npos);
    CHECK(query_int(db, "SELECT count(*) FROM documents") == 42);
    check_whole(db);
}

TEST_CASE("robustness: two importers at once serialize", "[robustness][faults]") {
    fs::path dir = work_dir("two-writers");
    std::string a = make_corpus(dir / "a", 73, 25, 100);
    std::string b = make_corpus(dir / "b", 74, 25, 100);
    // Overlapping: both also import the fixture (re-import replaces it).
    std::string both = " " + quote(fixture("en/small_resolution.en.txt"));
    for (bool fresh : {true, false}) {
        INFO((fresh ? "into a new store" : "into an existing store"));
        std::string db = (dir / (fresh ? "new.db" : "old.db")).string();
        if (!fresh) {
            fs::copy_file(baseline_store(dir), db);
        }
        pid_t p1 = spawn(quote(cli()) + " --db " + quote(db) + " import" + both + a, dir / "a.log");
        pid_t p2 = spawn(quote(cli()) + " --db " + quote(db) + " import" + b + both, dir / "b.log");
        int c1 = wait_code(p1), c2 = wait_code(p2);
        INFO(read_file(dir / "a.log") << read_file(dir / "b.log"));
        CHECK(c1 == 0);
        CHECK(c2 == 0);
        CHECK(query_int(
                  db,
                  "SELECT count(*) FROM documents WHERE doc_id LIKE 'A/RES/73/%' OR doc_id LIKE "
                  "'A/RES/74/%'") == 50);
        check_whole(db);
    }
}
