// Store files that cannot be written or read: not SQLite, read-only, a newer schema, a full
// disk. One error line naming the store, exit 2, and the store (or file) unchanged.
#include "rob_support.hpp"

#include <random>
#include <sys/mount.h>

using namespace rob;

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
    sql(db, "UPDATE meta SET value='2' WHERE key='schema_version'");
    check_store_refused(db, "store schema version 2 is not the supported version 1 (made by a "
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

TEST_CASE("robustness: a read-only store", "[robustness][store]") {
    fs::path dir = work_dir("read-only");
    std::string db = baseline_store(dir);
    if (geteuid() != 0) {
        // An ordinary user: file permissions.
        fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        check_store_refused(db, "");
        return;
    }
    // Root ignores file permissions. Three mechanisms that do stop root, or drop it:
    // 1. The immutable attribute (chattr +i), where the file system has it.
    if (run_cmd("chattr +i " + quote(db)).code == 0) {
        check_store_refused(db, "SQLite error: attempt to write a readonly database");
        Run s = run("--db " + quote(db) + " stats");
        INFO(s.out);
        CHECK(s.code == 0); // readers still work
        run_cmd("chattr -i " + quote(db));
    } else {
        WARN("chattr +i is not supported here; skipped the immutable-file case");
    }
    // 2. An unprivileged user (setpriv) and mode 0444 in a folder it may write.
    fs::path open_dir = dir / "open";
    fs::create_directories(open_dir);
    fs::permissions(open_dir, fs::perms::all);
    fs::path ro = open_dir / "ro.db";
    fs::copy_file(db, ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    if (run_cmd("setpriv --reuid=65534 --regid=65534 --clear-groups true").code == 0) {
        check_store_refused(ro.string(), "attempt to write a readonly database",
                            "setpriv --reuid=65534 --regid=65534 --clear-groups ");
    } else {
        WARN("setpriv cannot drop to nobody here; skipped the 0444 case");
    }
    // 3. A read-only mount.
    fs::path mnt = dir / "ro-mount";
    if (mount_tmpfs(mnt, 1024)) {
        fs::copy_file(db, mnt / "store.db");
        mount("tmpfs", mnt.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr);
        check_store_refused((mnt / "store.db").string(),
                            "cannot prepare statement: unable to open database file");
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
            fs::remove(mnt / "filler");
            CHECK(fingerprint(store) == before);
        }
        umount(mnt.c_str());
    } else {
        // Without mount rights: the per-process file size limit, a real kernel refusal
        // (EFBIG) of the writes that would grow the WAL; SIGXFSZ ignored as a full disk has none.
        WARN("cannot mount a tmpfs here; using RLIMIT_FSIZE instead of a full file system");
        Fingerprint before = fingerprint(db);
        Run r = run_cmd("trap '' XFSZ; ulimit -f 8; exec " + quote(cli()) + " --db " + quote(db) +
                        " import " + quote(kGood));
        INFO(r.out);
        CHECK(r.code == 2);
        CHECK(fingerprint(db) == before);
    }
}
