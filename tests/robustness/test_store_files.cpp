// Store files that cannot be written or read: not SQLite, read-only, a newer schema, a full
// disk. One error line naming the store, exit 2, and the store (or file) unchanged.
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/store.hpp"
#include "rob_support.hpp"

#include <random>
#include <sys/mount.h>

using namespace rob;
using citegraph::Store;
using citegraph::StoreError;

namespace {

const std::string kGood = fixture("zh/small_resolution.zh.txt");

// Import into `db` must fail with `message`, leaving it unchanged.
void check_store_refused(const std::string& db, const std::string& message,
                         const std::string& prefix = "") {
    Fingerprint before = fingerprint(db);
    std::string raw = read_file(db);
    Run r = run("--db " + quote(db) + " import " + quote(kGood), prefix);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("citegraph: error: " + db + ": ") != std::string::npos);
    CHECK(r.out.find(message) != std::string::npos);
    CHECK(count_of(r.out, "citegraph: error:") == 1);
    CHECK(fingerprint(db) == before);
    CHECK(read_file(db) == raw);
}

// A tmpfs of `kb` KiB mounted at `dir` (root only); false where mounting is not allowed.
bool mount_tmpfs(const fs::path& dir, int kb) {
    fs::create_directories(dir);
    std::string opts = "size=" + std::to_string(kb) + "k";
    return mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) == 0;
}

} // namespace

TEST_CASE("robustness: a store file that is not SQLite", "[robustness][store]") {
    fs::path dir = work_dir("not-sqlite");
    std::mt19937 rng(42);
    std::string noise(8192, '\0');
    for (auto& c : noise) {
        c = static_cast<char>(rng());
    }
    std::string real = read_file(baseline_store(dir));
    for (auto [name, bytes] :
         {std::pair{"noise.db", noise}, std::pair{"text.db", std::string("just some text\n")},
          std::pair{"truncated.db", real.substr(0, 100)},
          std::pair{"headless.db", std::string(4096, '\0') + real.substr(4096)}}) {
        fs::path db = dir / name;
        write_file(db, bytes);
        check_store_refused(db.string(), std::string("cannot prepare statement: ") +
                                             (name == std::string("truncated.db")
                                                  ? "database disk image is malformed"
                                                  : "file is not a database"));
        // Readers fail the same way.
        Run r = run("--db " + quote(db.string()) + " stats");
        INFO(r.out);
        CHECK(r.code == 2);
        CHECK(r.out.find("citegraph: error: " + db.string() + ": ") != std::string::npos);
    }
}

TEST_CASE("robustness: a store from a newer schema, or with a broken version",
          "[robustness][store]") {
    fs::path dir = work_dir("schema");
    std::string db = baseline_store(dir);
    sql(db, "UPDATE meta SET value='3' WHERE key='schema_version'");
    check_store_refused(db, "store schema version 3 is not the supported version 2 (made by a "
                            "newer citegraph)");
    sql(db, "UPDATE meta SET value='two' WHERE key='schema_version'");
    check_store_refused(db, "store schema version 'two' is not a version number");
    sql(db, "UPDATE meta SET value='99999999999' WHERE key='schema_version'");
    check_store_refused(db, "store schema version '99999999999' is not a version number");
    Run r = run("--db " + quote(db) + " show A/RES/70/178");
    INFO(r.out);
    CHECK(r.code == 2);
    // Tables without a schema version.
    fs::path other = dir / "other.db";
    sql(other.string(), "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    check_store_refused(other.string(), "not a citegraph store (tables without a schema version)");
}

namespace {

// Readers on a store that cannot be written: stats, show, cites and export all work.
void check_readers(const std::string& db, const std::string& prefix = "") {
    for (const char* cmd :
         {" stats", " show A/RES/70/178", " cites A/RES/70/178", " export --format graphml -o -"}) {
        Run r = run("--db " + quote(db) + cmd, prefix);
        INFO(prefix << cmd << ": " << r.out.substr(0, 2000));
        CHECK(r.code == 0);
        CHECK(r.out.find("citegraph: error") == std::string::npos);
        if (std::string(cmd) == " stats") {
            CHECK(r.out.find("documents: 2\n") != std::string::npos);
        } else {
            CHECK(r.out.find("A/RES/70/178") != std::string::npos);
        }
    }
}

// An import into a store that cannot be written: one error line naming the store, exit 2,
// the file's bytes unchanged. (Fingerprints are taken by the callers, where the test
// process itself may read the store.)
void check_import_refused(const std::string& db, const std::string& message,
                          const std::string& prefix = "") {
    std::string raw = read_file(db);
    Run r = run("--db " + quote(db) + " import " + quote(kGood), prefix);
    INFO(prefix << ": " << r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("citegraph: error: " + db + ": cannot write the store: " + message) !=
          std::string::npos);
    CHECK(count_of(r.out, "citegraph: error:") == 1);
    CHECK(read_file(db) == raw);
}

// Checkpoints and closes the store here, so that no -wal or -shm file is left next to it
// (readers, the fingerprints included, leave them behind).
void settle(const std::string& db) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    REQUIRE_FALSE(fs::exists(db + "-wal"));
    REQUIRE_FALSE(fs::exists(db + "-shm"));
}

bool can_write(const fs::path& p) {
    return access(p.c_str(), W_OK) == 0;
}

const char* const kFileReadOnly = "the file is read-only";
const char* const kFolderReadOnly = "its folder is read-only";

} // namespace

TEST_CASE("robustness: a read-only folder and file (chmod)", "[robustness][store]") {
    fs::path dir = work_dir("read-only-chmod");
    fs::path folder = dir / "ro";
    fs::create_directories(folder);
    fs::permissions(folder, fs::perms::all); // open to the unprivileged user below
    std::string db = baseline_store(folder);
    Fingerprint before = fingerprint(db);
    settle(db);
    const auto r_x = fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                     fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec;
    const auto r = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
    fs::permissions(db, r);
    fs::permissions(folder, r_x);
    if (can_write(db) || can_write(folder)) {
        WARN("running as root: chmod does not stop writes here; the same case runs as an "
             "unprivileged user below where setpriv allows it");
    } else {
        check_readers(db);
        check_import_refused(db, kFileReadOnly);
        // A writable file in a read-only folder: SQLite cannot create its -wal and -shm.
        fs::permissions(folder, fs::perms::all);
        fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write | r);
        fs::permissions(folder, r_x);
        check_readers(db);
        check_import_refused(db, kFolderReadOnly);
        fs::permissions(db, r);
    }
    // As root, the same through an unprivileged user (nobody) that owns neither.
    const std::string nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    if (geteuid() == 0 && run_cmd(nobody + "true").code == 0) {
        check_readers(db, nobody);
        check_import_refused(db, kFileReadOnly, nobody);
        // The file writable by nobody, the folder not.
        REQUIRE(chown(db.c_str(), 65534, 65534) == 0);
        fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write | r);
        check_readers(db, nobody);
        check_import_refused(db, kFolderReadOnly, nobody);
        REQUIRE(chown(db.c_str(), 0, 0) == 0);
    } else if (geteuid() == 0) {
        WARN("setpriv cannot drop to nobody here; skipped the unprivileged read-only case");
    }
    fs::permissions(folder, fs::perms::all);
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write | r);
    CHECK(fingerprint(db) == before);
}

TEST_CASE("robustness: a store whose -shm file cannot be created (works as root)",
          "[robustness][store]") {
    // A dangling symbolic link where SQLite wants the -shm file: opening or creating it fails
    // for every user, as in a read-only folder, without privileges or a special mount.
    fs::path dir = work_dir("no-shm");
    std::string db = baseline_store(dir);
    Fingerprint before = fingerprint(db);
    settle(db);
    fs::path shm = db + "-shm";
    fs::create_symlink(dir / "missing" / "store.db-shm", shm);
    check_readers(db); // read as an immutable file (file:…?immutable=1)
    check_import_refused(db, kFolderReadOnly);
    fs::remove(shm);
    fs::remove(db + "-wal"); // an empty one, from the refused import's open
    CHECK(fingerprint(db) == before);

    // Changes not yet checkpointed into the file: an immutable read would miss them, so the
    // reader refuses with a message instead.
    fs::path copy_dir = dir / "copy";
    fs::create_directories(copy_dir);
    std::string copy = (copy_dir / "store.db").string();
    {
        sqlite3* w = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &w) == SQLITE_OK);
        REQUIRE(sqlite3_exec(w, "PRAGMA wal_autocheckpoint=0; INSERT INTO meta VALUES ('x', 'y')",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        fs::copy_file(db, copy);
        fs::copy_file(db + "-wal", copy + "-wal");
        sqlite3_close(w);
    }
    REQUIRE(fs::file_size(copy + "-wal") > 0);
    fs::create_symlink(copy_dir / "missing" / "store.db-shm", copy + "-shm");
    Run s = run("--db " + quote(copy) + " stats");
    INFO(s.out);
    CHECK(s.code == 2);
    CHECK(s.out.find("citegraph: error: " + copy +
                     ": cannot read the store: its folder is "
                     "read-only and " +
                     copy + "-wal holds changes not yet written to it") != std::string::npos);
}

TEST_CASE("robustness: Store opens a read-only store by an immutable file: URI",
          "[robustness][store]") {
    // The library call itself, on a file name that needs escaping in a URI.
    fs::path dir = work_dir("uri");
    std::string db = baseline_store(dir);
    fs::path odd = dir / "a store?x=1#y %41 \xE6\x96\x87.db";
    fs::copy_file(db, odd);
    fs::create_symlink(dir / "missing" / "shm", odd.string() + "-shm");
    {
        Store store(odd.string(), Store::Mode::ReadOnly);
        auto docs = store.documents();
        REQUIRE(docs.size() == 2);
        CHECK(docs[0].id == "A/RES/70/178");
        CHECK(store.stats().edges == static_cast<std::size_t>(query_int(db, "SELECT count(*) FROM "
                                                                            "edges")));
        CHECK(store.load().num_edges() == store.stats().edges);
    }
    try {
        Store store(odd.string());
        FAIL("a store whose -shm cannot be created opened for writing");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find(odd.string() + ": cannot write the store: its folder is "
                                                        "read-only") != std::string::npos);
    }
    // No file of that name was made by mistake (the URI's query is not part of the name).
    CHECK_FALSE(fs::exists(dir / "a store"));
}

TEST_CASE("robustness: a read-only store as root (chattr +i, a read-only mount)",
          "[robustness][store]") {
    if (geteuid() != 0) {
        return; // the chmod case above covers an ordinary user
    }
    fs::path dir = work_dir("read-only-root");
    // 1. The immutable attribute on the file, then on the folder (chattr +i stops root).
    fs::path folder = dir / "attr";
    fs::create_directories(folder);
    std::string db = baseline_store(folder);
    Fingerprint before = fingerprint(db);
    settle(db);
    if (run_cmd("chattr +i " + quote(db)).code == 0) {
        check_readers(db);
        check_import_refused(db, kFileReadOnly);
        run_cmd("chattr -i " + quote(db));
        settle(db);
        REQUIRE(run_cmd("chattr +i " + quote(folder.string())).code == 0);
        check_readers(db);
        check_import_refused(db, kFolderReadOnly);
        run_cmd("chattr -i " + quote(folder.string()));
        CHECK(fingerprint(db) == before);
    } else {
        WARN("chattr +i is not supported here; skipped the immutable-attribute case");
    }
    // 2. A read-only mount.
    fs::path mnt = dir / "ro-mount";
    if (mount_tmpfs(mnt, 1024)) {
        std::string store = (mnt / "store.db").string();
        fs::copy_file(db, store);
        Fingerprint copied = fingerprint(store);
        settle(store);
        REQUIRE(mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0);
        check_readers(store);
        check_import_refused(store, kFileReadOnly);
        mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT, nullptr);
        CHECK(fingerprint(store) == copied);
        umount(mnt.c_str());
    } else {
        WARN("cannot mount a tmpfs here; skipped the read-only mount case");
    }
}

TEST_CASE("robustness: a full disk", "[robustness][store]") {
    fs::path dir = work_dir("full-disk");
    std::string db = baseline_store(dir);
    fs::path mnt = dir / "small-fs";
    if (mount_tmpfs(mnt, 256)) {
        std::string store = (mnt / "store.db").string();
        fs::copy_file(db, store);
        // Nearly full (room for the -shm file, not for the import's WAL frames), then full.
        for (std::size_t leave_kb : {40u, 0u}) {
            fs::remove(mnt / "filler");
            run_cmd("dd if=/dev/zero of=" + quote((mnt / "filler").string()) +
                    " bs=1k count=4096 2>/dev/null; true");
            if (leave_kb > 0) {
                run_cmd("truncate -s -" + std::to_string(leave_kb) + "K " +
                        quote((mnt / "filler").string()));
            }
            INFO("free KiB: " << leave_kb);
            Fingerprint before = fingerprint(store);
            Run r = run("--db " + quote(store) + " import " + quote(kGood) + " " +
                        quote(fixture("en/A_RES_68_193.en.txt")));
            INFO(r.out);
            CHECK(r.code == 2);
            CHECK(r.out.find("citegraph: error: " + store + ": ") != std::string::npos);
            CHECK((r.out.find("database or disk is full") != std::string::npos ||
                   r.out.find("disk I/O error") != std::string::npos));
            // The batch stops at the store error, with its summary.
            CHECK(r.out.find("; the batch stops here)") != std::string::npos);
            CHECK(r.out.find("summary: ") != std::string::npos);
            fs::remove(mnt / "filler");
            CHECK(fingerprint(store) == before);
        }
        umount(mnt.c_str());
    } else {
        // Without mount rights: the per-process file size limit, a real kernel refusal
        // (EFBIG) of the writes that would grow the WAL; SIGXFSZ ignored as a full disk has none.
        WARN("cannot mount a tmpfs here; using RLIMIT_FSIZE instead of a full file system");
        Fingerprint before = fingerprint(db);
        Run r = run_cmd("sh -c " + quote("trap '' XFSZ; ulimit -f 8; exec " + quote(cli()) +
                                         " --db " + quote(db) + " import " + quote(kGood)));
        INFO(r.out);
        CHECK(r.code == 2);
        CHECK(fingerprint(db) == before);
    }
}

TEST_CASE("robustness: a store error in the middle of a batch", "[robustness][store]") {
    // A small document, a 4 MB one, another small one. The per-process file size limit
    // (RLIMIT_FSIZE, 1 or 2 MiB: `ulimit -f` counts 512-byte blocks in dash, 1 KiB in bash) is
    // a real kernel refusal (EFBIG) of the big document's WAL frames, as a full disk would be;
    // SIGXFSZ is ignored as a full disk sends none. Works for any user.
    fs::path dir = work_dir("mid-batch");
    std::string db = baseline_store(dir);
    fs::path small1 = dir / "A_RES_70_951.en.txt";
    fs::path big = dir / "A_RES_70_950.en.txt";
    fs::path small2 = dir / "A_RES_70_952.en.txt";
    write_file(small1, resolution_text(70, 951, 2));
    write_file(small2, resolution_text(70, 952, 2));
    std::string text = resolution_text(70, 950, 1);
    std::string prose;
    while (prose.size() < (4u << 20)) {
        prose += "Noting with appreciation the work done in many places by many people, ";
    }
    text.replace(text.find("1. Requests"), 0, prose + "\n\n");
    write_file(big, text);
    Fingerprint before = fingerprint(db);
    Run r = run_cmd("sh -c " + quote("trap '' XFSZ; ulimit -f 2048; exec " + quote(cli()) +
                                     " --db " + quote(db) + " import " + quote(small1.string()) +
                                     " " + quote(big.string()) + " " + quote(small2.string())));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("imported A/RES/70/951 (en)") != std::string::npos);
    // One error line: the store, SQLite's reason, and the file it was importing.
    CHECK(count_of(r.out, "citegraph: error:") == 1);
    CHECK(r.out.find("citegraph: error: " + db + ": ") != std::string::npos);
    CHECK((r.out.find("disk I/O error") != std::string::npos ||
           r.out.find("database or disk is full") != std::string::npos));
    CHECK(r.out.find("(importing " + big.string() + "; the batch stops here)") !=
          std::string::npos);
    // The summary is printed all the same.
    CHECK(r.out.find("summary: 1 imported, 1 failed, ") != std::string::npos);
    CHECK(r.out.find("  failed: " + big.string() + "\n") != std::string::npos);
    CHECK(r.out.find("  not attempted after the store error: 1 file(s)\n") != std::string::npos);
    CHECK(r.out.find("A/RES/70/952") == std::string::npos);
    // The store holds what was committed: the baseline and the first document, whole.
    Fingerprint after = fingerprint(db);
    CHECK(after.integrity == "ok");
    CHECK(after.count("documents") == before.count("documents") + 1);
    CHECK(query_int(db, "SELECT count(*) FROM documents WHERE doc_id='A/RES/70/951'") == 1);
    CHECK(query_int(db, "SELECT count(*) FROM paragraphs WHERE doc_id='A/RES/70/951'") ==
          query_int(db, "SELECT paragraphs FROM documents WHERE doc_id='A/RES/70/951'"));
    CHECK(query_int(db, "SELECT count(*) FROM edges WHERE doc_id='A/RES/70/951'") ==
          query_int(db, "SELECT edges FROM documents WHERE doc_id='A/RES/70/951'"));
    for (const char* table : {"documents", "paragraphs", "edges"}) {
        CHECK(query_int(db, std::string("SELECT count(*) FROM ") + table +
                                " WHERE doc_id IN ('A/RES/70/950', 'A/RES/70/952')") == 0);
    }
    // Without the limit the same batch completes.
    Run again =
        run("--db " + quote(db) + " import " + quote(big.string()) + " " + quote(small2.string()));
    INFO(again.out);
    CHECK(again.code == 0);
    CHECK(query_int(db, "SELECT count(*) FROM documents") == before.count("documents") + 3);
}
