// Where an export (or `timeline --svg`) may write: the output-file policy of
// exporters/include/citegraph/exporters/output_file.hpp, through the real command, for every
// single-file format and the neo4j directory.
#include "rob_support.hpp"

#include <algorithm>
#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace rob;

namespace {

const char* const kFormats[] = {"dot", "graphml", "jsonld"};

bool is_link(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

mode_t type_of(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

// Files in `dir` other than those named: what a failed export may have left behind.
std::vector<std::string> leftovers(const fs::path& dir, const std::vector<std::string>& known) {
    std::vector<std::string> extra;
    for (const auto& e : fs::directory_iterator(dir)) {
        auto name = e.path().filename().string();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            extra.push_back(name);
        }
    }
    return extra;
}

std::string export_args(const std::string& db, const std::string& format, const fs::path& out) {
    return "--db " + quote(db) + " export -f " + format + " -o " + quote(out.string());
}

} // namespace

TEST_CASE("robustness: an export never writes over the store", "[robustness][output]") {
    fs::path dir = work_dir("output-store");
    std::string db = baseline_store(dir);
    fs::create_symlink(db, dir / "link.db");
    fs::create_hard_link(db, dir / "hard.db");
    const Fingerprint before = fingerprint(db);
    REQUIRE(before.opened);
    for (const char* format : kFormats) {
        for (const auto& target : {fs::path(db), dir / "link.db", dir / "hard.db"}) {
            Run r = run(export_args(db, format, target));
            INFO(format << " -o " << target << ": " << r.out);
            CHECK(r.code == 2);
            CHECK(r.out.find("refusing to write") != std::string::npos);
            CHECK(fingerprint(db) == before);
        }
    }
    // Another store (any SQLite database) is not replaced either.
    std::string other = (dir / "other.db").string();
    fs::copy_file(db, other);
    Run r = run(export_args(db, "jsonld", other));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("an SQLite database") != std::string::npos);
    CHECK(fingerprint(other) == before);
    // timeline --svg goes through the same policy.
    r = run("--db " + quote(db) + " timeline A/RES/68/193 --svg " + quote(db));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(fingerprint(db) == before);
    CHECK(is_link(dir / "link.db"));
}

TEST_CASE("robustness: an export through a symbolic link writes what it names",
          "[robustness][output]") {
    fs::path dir = work_dir("output-symlink");
    std::string db = baseline_store(dir);
    for (const char* format : kFormats) {
        fs::path real = dir / (std::string("real.") + format);
        fs::path link = dir / (std::string("link.") + format);
        write_file(real, "old\n");
        fs::create_symlink(real.filename(), link); // relative, as ln -s makes them
        Run r = run(export_args(db, format, link));
        INFO(format << ": " << r.out);
        REQUIRE(r.code == 0);
        CHECK(is_link(link));
        CHECK(fs::read_symlink(link) == real.filename());
        CHECK(read_file(real).size() > 100);
        CHECK(read_file(real) != "old\n");
        // A dangling link: the file it names is created, the link stays.
        fs::path dangling = dir / (std::string("dangling.") + format);
        fs::create_symlink(dir / (std::string("created.") + format), dangling);
        r = run(export_args(db, format, dangling));
        INFO(r.out);
        REQUIRE(r.code == 0);
        CHECK(is_link(dangling));
        CHECK(fs::file_size(dir / (std::string("created.") + format)) > 100);
    }
}

TEST_CASE("robustness: an export to a device or a FIFO writes in place", "[robustness][output]") {
    fs::path dir = work_dir("output-devices");
    std::string db = baseline_store(dir);
    for (const char* format : kFormats) {
        // A FIFO with a reader gets the whole export and stays a FIFO, also when the reader
        // opens it a moment after the export started (`citegraph export -o F & cat F`).
        fs::path fifo = dir / (std::string("fifo.") + format);
        REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
        fs::path got = dir / (std::string("got.") + format);
        Run r = run_cmd("sh -c " + quote("(sleep 1; timeout 20 cat " + quote(fifo.string()) +
                                         ") > " + quote(got.string()) + " & " + quote(cli()) + " " +
                                         export_args(db, format, fifo) + "; s=$?; wait; exit $s"));
        INFO(format << ": " << r.out);
        CHECK(r.code == 0);
        CHECK(type_of(fifo) == S_IFIFO);
        Run direct = run(export_args(db, format, "-"));
        CHECK(read_file(got) == direct.out);
        // A FIFO that nobody reads is refused after a short wait (it blocked forever).
        r = run(export_args(db, format, fifo), "timeout 20 ");
        INFO(r.out);
        CHECK(r.code == 2);
        CHECK(r.out.find("a FIFO that nobody reads") != std::string::npos);
        CHECK(r.seconds < 10);
        CHECK(type_of(fifo) == S_IFIFO);
    }
    // A character device: a private copy of /dev/null where mknod is allowed (root), so that
    // a regression replaces that copy and not the machine's /dev/null.
    fs::path null = dir / "null";
    if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
        WARN("mknod not permitted: the character-device case runs on /dev/null itself, "
             "which an unprivileged user cannot replace anyway");
        null = "/dev/null";
    }
    for (const char* format : kFormats) {
        Run r = run(export_args(db, format, null));
        INFO(format << ": " << r.out);
        CHECK(r.code == 0);
        CHECK(type_of(null) == S_IFCHR);
    }
    CHECK(leftovers(dir, {"store.db", "store.db-wal", "store.db-shm", "null", "fifo.dot",
                          "fifo.graphml", "fifo.jsonld", "got.dot", "got.graphml", "got.jsonld"})
              .empty());
    // A directory is refused with its reason.
    Run r = run(export_args(db, "dot", dir));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("is a directory") != std::string::npos);
}

TEST_CASE("robustness: a failed export leaves the old file whole and no temporary file",
          "[robustness][output]") {
    fs::path dir = work_dir("output-failed");
    // A store whose exports are several hundred KB (60 resolutions citing 33 works each).
    fs::path texts = dir / "texts";
    fs::create_directories(texts);
    std::string args;
    for (int i = 1; i <= 60; ++i) {
        fs::path f = texts / ("A_RES_70_" + std::to_string(i) + ".en.txt");
        write_file(f, resolution_text(70, i, 30));
        args += " " + quote(f.string());
    }
    const std::string db = (dir / "store.db").string();
    Run made = run("--db " + quote(db) + " import" + args);
    INFO(made.out.substr(0, 1000));
    REQUIRE(made.code == 0);
    // RLIMIT_FSIZE of 128 blocks (64 or 128 KiB: room for SQLite's 32 KiB -shm file, not for
    // the export): the export's writes fail with EFBIG, as on a full disk (SIGXFSZ ignored).
    const std::string limit = "trap '' XFSZ; ulimit -f 128; exec ";
    for (const char* format : kFormats) {
        fs::path target = dir / (std::string("out.") + format);
        const std::string old(8192, 'o');
        write_file(target, old);
        Run r =
            run_cmd("sh -c " + quote(limit + quote(cli()) + " " + export_args(db, format, target)));
        INFO(format << ": " << r.out);
        CHECK(r.code == 2);
        CHECK(r.out.find("cannot write '" + target.string() + "'") != std::string::npos);
        CHECK(read_file(target) == old);
    }
    // The neo4j directory: each file is written the same way.
    fs::path neo = dir / "neo";
    Run r = run_cmd("sh -c " + quote(limit + quote(cli()) + " " + export_args(db, "neo4j", neo)));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("cannot write '" + (neo / "").string()) != std::string::npos);
    for (const auto& e : fs::directory_iterator(neo)) {
        CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
    }
    CHECK(leftovers(dir, {"texts", "store.db", "store.db-wal", "store.db-shm", "out.dot",
                          "out.graphml", "out.jsonld", "neo"})
              .empty());
}

TEST_CASE("robustness: write errors on standard output are errors", "[robustness][output]") {
    if (!fs::exists("/dev/full")) {
        WARN("no /dev/full: skipped");
        return;
    }
    fs::path dir = work_dir("output-stdout");
    std::string db = baseline_store(dir);
    const std::string commands[] = {"export -f dot", "export -f graphml",    "export -f jsonld",
                                    "stats",         "show A/RES/70/178",    "cites A/RES/70/178",
                                    "rank --json",   "export -f jsonld -o -"};
    for (const auto& c : commands) {
        Run r = run_cmd("sh -c " + quote("exec " + quote(cli()) + " --db " + quote(db) + " " + c +
                                         " > /dev/full"));
        INFO(c << ": " << r.out);
        CHECK(r.code == 2);
        CHECK(r.out.find("No space left on device") != std::string::npos);
    }
    // -o naming a full device: a private copy of /dev/full (mknod, root), never the machine's
    // own, which a regression (GraphML renamed PATH.tmp over it) would replace by a file.
    fs::path full = dir / "full";
    if (::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
        WARN("mknod not permitted: -o on a full device not tested");
        return;
    }
    for (const char* format : kFormats) {
        Run r = run(export_args(db, format, full));
        INFO(format << ": " << r.out);
        CHECK(r.code == 2);
        CHECK(r.out.find("No space left on device") != std::string::npos);
        CHECK(type_of(full) == S_IFCHR);
    }
}
