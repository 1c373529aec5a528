// Imports that used to report success and lose data without a word: a store that keeps
// nothing (and store paths SQLite misreports), a file counted twice, a document replaced by
// another file's text, a file name and a title that name two documents.
#include "rob_support.hpp"

using namespace rob;

namespace {

// The small English fixture with its title line's number changed to SESSION/NUMBER (the
// header says the seventieth session).
std::string retitled(int number, const std::string& title = "") {
    std::string t = read_file(fixture("en/small_resolution.en.txt"));
    const std::string from = "70/178. Strengthening the United Nations crime prevention and "
                             "criminal justice programme";
    auto at = t.find(from);
    REQUIRE(at != std::string::npos);
    t.replace(at, from.size(),
              "70/" + std::to_string(number) + ". " +
                  (title.empty() ? std::string("Strengthening the United Nations crime "
                                               "prevention and criminal justice programme")
                                 : title));
    return t;
}

} // namespace

TEST_CASE("robustness: a file named twice in one batch is imported and counted once",
          "[robustness][loss]") {
    fs::path dir = work_dir("loss-twice");
    const std::string db = (dir / "store.db").string();
    fs::path file = dir / "A_RES_70_178.en.txt";
    fs::copy_file(fixture("en/small_resolution.en.txt"), file);
    fs::create_hard_link(file, dir / "hard.en.txt");
    const std::string f = quote(file.string());
    Run r = run("--db " + quote(db) + " import " + f + " " + f + " " +
                quote((dir / "." / "A_RES_70_178.en.txt").string()) + " " +
                quote((dir / "hard.en.txt").string()));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(count_of(r.out, "imported A/RES/70/178") == 1);
    CHECK(r.out.find("summary: 1 imported, 0 failed") != std::string::npos);
    CHECK(count_of(r.out, "citegraph: warning:") == 3);
    CHECK(r.out.find("is the same file as") != std::string::npos);
}

TEST_CASE("robustness: one document version from two files", "[robustness][loss]") {
    fs::path dir = work_dir("loss-replace");
    const std::string db = (dir / "store.db").string();
    // Two files without a symbol in their names, both titled 70/500.
    write_file(dir / "first.en.txt", retitled(500, "First title"));
    write_file(dir / "second.en.txt", retitled(500, "Second title"));
    // In one batch: the second replaces the first, with a warning naming both titles.
    Run r = run("--db " + quote(db) + " import " + quote((dir / "first.en.txt").string()) + " " +
                quote((dir / "second.en.txt").string()));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("warning: " + (dir / "second.en.txt").string() +
                     ": replaces the version of A/RES/70/500 (en) read from " +
                     (dir / "first.en.txt").string() +
                     " in this batch; its title was 'First title', now 'Second title'") !=
          std::string::npos);
    CHECK(r.out.find("replaced the version read from another file: 1 document(s)") !=
          std::string::npos);
    // Back to the first, in a later import: replaced again, with the warning.
    r = run("--db " + quote(db) + " import " + quote((dir / "first.en.txt").string()));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(query_int(db, "SELECT count(*) FROM names WHERE node_id='A/RES/70/500' AND "
                        "name='First title'") == 1);
    // In a later import: replaced, with a warning naming the old file and both titles.
    r = run("--db " + quote(db) + " import " + quote((dir / "second.en.txt").string()));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("warning: " + (dir / "second.en.txt").string() +
                     ": replaces the version of A/RES/70/500 (en) read from " +
                     (dir / "first.en.txt").string() +
                     "; its title was 'First title', now 'Second title'") != std::string::npos);
    // The same file again: an ordinary re-import, no warning.
    r = run("--db " + quote(db) + " import " + quote((dir / "second.en.txt").string()));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("warning") == std::string::npos);
}

TEST_CASE("robustness: a file name and a title that name two documents", "[robustness][loss]") {
    fs::path dir = work_dir("loss-name");
    const std::string db = baseline_store(dir); // holds A/RES/70/178 (en, zh)
    const Fingerprint before = fingerprint(db);
    // Named after 70/999, titled 70/178: it would have replaced A/RES/70/178 (en).
    fs::path file = dir / "A_RES_70_999.en.txt";
    write_file(file, retitled(178));
    Run r = run("--db " + quote(db) + " import " + quote(file.string()));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("the file name says A/RES/70/999 but the title line says A/RES/70/178") !=
          std::string::npos);
    CHECK(fingerprint(db) == before);
}

TEST_CASE("robustness: store paths that are not store files", "[robustness][loss]") {
    fs::path dir = work_dir("cli-store-paths");
    const std::string text = fixture("en/small_resolution.en.txt");
    fs::create_directory(dir / "folder.db");
    fs::create_symlink(dir / "missing" / "store.db", dir / "dangling.db");
    struct Case {
        std::string db;
        std::string message;
    };
    const Case cases[] = {
        {"", "no store file named"},
        {":memory:", "not a store file name"},
        {(dir / "folder.db").string(), "it is a directory, not a store file"},
        {(dir / "dangling.db").string(), "a symbolic link to " + (dir / "missing").string() +
                                             "/store.db, which cannot be opened (No such file "
                                             "or directory)"},
    };
    for (const auto& c : cases) {
        for (const auto& command : {"import " + quote(text), std::string("stats")}) {
            Run r = run("--db " + quote(c.db) + " " + command);
            INFO("--db '" << c.db << "' " << command << ": " << r.out);
            CHECK(r.code == 2);
            CHECK(r.out.find(c.message) != std::string::npos);
            CHECK(r.out.find("imported") == std::string::npos);
        }
    }
    CHECK(fs::is_empty(dir / "folder.db"));
    CHECK(!fs::exists(dir / "missing"));
}
