// Robustness tests: running the real citegraph command (with its exit code, output, wall time
// and peak memory), scratch folders in the build tree, and a fingerprint of a store (row counts
// and a checksum of every table) to prove that a failed operation changed nothing.
#pragma once

// AddressSanitizer's shadow memory and checks multiply an import's memory and time: the bounds
// below are measured on the ordinary build (scripts/run-tests.sh, which .ci/run runs first);
// the sanitizer build checks them with these factors (it is there to find memory errors).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long kSanitizerTime = 4;
inline constexpr long kSanitizerMemory = 3;
#else
inline constexpr long kSanitizerTime = 1;
inline constexpr long kSanitizerMemory = 1;
#endif

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace rob {

namespace fs = std::filesystem;

struct Run {
    int code = -1;       // exit code, or -1 when killed by a signal
    int signal = 0;      // the signal that ended the command, if any
    std::string out;     // stdout and stderr together
    double seconds = 0;  // wall time
    long max_rss_kb = 0; // peak resident set of the command (VmHWM)
};

// The command under test; CITEGRAPH_TEST_CLI names another build of it (to see a new test
// fail on the binary before a fix).
inline std::string cli() {
    const char* other = std::getenv("CITEGRAPH_TEST_CLI");
    return other && *other ? other : CITEGRAPH_CLI;
}

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

// Runs `sh -c "exec PREFIX citegraph ARGS"`; the shell execs the command, so the child's
// rusage is the command's own.
inline Run run_cmd(const std::string& command) {
    Run r;
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    char buf[4096];
    ssize_t n = 0;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
        r.out.append(buf, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.max_rss_kb = ru.ru_maxrss;
    if (WIFEXITED(status)) {
        r.code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        r.signal = WTERMSIG(status);
    }
    return r;
}

inline Run run(const std::string& args, const std::string& prefix = "") {
    return run_cmd(prefix + quote(cli()) + " " + args);
}

// A fresh scratch folder under the build tree: build/robustness-work/NAME.
inline fs::path work_dir(const std::string& name) {
    fs::path dir = fs::path(CITEGRAPH_BINARY_DIR) / "robustness-work" / name;
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

inline void write_file(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out.good());
}

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string fixture(const std::string& rel) {
    return (fs::path(CITEGRAPH_FIXTURES_DIR) / rel).string();
}

inline std::size_t count_of(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) {
        ++n;
    }
    return n;
}

// Row counts and a checksum (FNV-1a over every column of every row in rowid order) of the
// store's tables, and PRAGMA integrity_check. Equal fingerprints: the store is unchanged.
struct Fingerprint {
    bool opened = false;
    std::string integrity;
    std::vector<std::pair<std::string, std::int64_t>> rows;
    std::uint64_t checksum = 1469598103934665603ull;

    bool operator==(const Fingerprint& o) const {
        return opened == o.opened && integrity == o.integrity && rows == o.rows &&
               checksum == o.checksum;
    }
    bool operator!=(const Fingerprint& o) const { return !(*this == o); }
    std::int64_t count(const std::string& table) const {
        for (const auto& [t, n] : rows) {
            if (t == table) {
                return n;
            }
        }
        return -1;
    }
};

inline std::ostream& operator<<(std::ostream& os, const Fingerprint& f) {
    os << "{integrity=" << f.integrity;
    for (const auto& [t, n] : f.rows) {
        os << " " << t << "=" << n;
    }
    return os << " checksum=" << std::hex << f.checksum << std::dec << "}";
}

inline const char* const kTables[] = {"meta", "nodes", "names", "documents", "paragraphs", "edges"};

inline Fingerprint fingerprint(const std::string& path) {
    Fingerprint f;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return f;
    }
    sqlite3_busy_timeout(db, 10000);
    auto mix = [&f](const void* p, std::size_t n) {
        auto b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) {
            f.checksum = (f.checksum ^ b[i]) * 1099511628211ull;
        }
    };
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            auto t = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            f.integrity += t ? t : "";
        }
    }
    sqlite3_finalize(st);
    f.opened = f.integrity == "ok";
    for (const char* table : kTables) {
        std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY rowid";
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
            f.rows.emplace_back(table, -1);
            sqlite3_finalize(st);
            continue;
        }
        std::int64_t n = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            ++n;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                int type = sqlite3_column_type(st, c);
                mix(&type, sizeof type);
                auto p = sqlite3_column_blob(st, c);
                mix(p, static_cast<std::size_t>(sqlite3_column_bytes(st, c)));
            }
            mix("\n", 1);
        }
        sqlite3_finalize(st);
        f.rows.emplace_back(table, n);
    }
    sqlite3_close(db);
    return f;
}

// Runs one SQL statement on a store directly (to make a store of a newer schema, say).
inline void sql(const std::string& path, const std::string& statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &err);
    std::string msg = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    INFO(statement << ": " << msg);
    REQUIRE(rc == SQLITE_OK);
}

// One integer from a query (count(*) ...), -1 on error.
inline std::int64_t query_int(const std::string& path, const std::string& q) {
    sqlite3* db = nullptr;
    std::int64_t v = -1;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 10000);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            v = sqlite3_column_int64(st, 0);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

// A store holding the two small fixtures (A/RES/70/178 in English and Chinese).
inline std::string baseline_store(const fs::path& dir) {
    std::string db = (dir / "store.db").string();
    Run r = run("--db " + quote(db) + " import " + quote(fixture("en/small_resolution.en.txt")) +
                " " + quote(fixture("zh/small_resolution.zh.txt")));
    INFO(r.out);
    REQUIRE(r.code == 0);
    return db;
}

// A resolution numbered SESSION/NUMBER with `extra` preambular paragraphs, each citing a few
// resolutions (so that one import writes a few hundred rows).
inline std::string resolution_text(int session, int number, int extra) {
    std::string t = "Seventieth session\nAgenda item 99\n\nResolution adopted by the General "
                    "Assembly\non 17 December 2015\n\n[on the report of the Third Committee "
                    "(A/70/490)]\n\n" +
                    std::to_string(session) + "/" + std::to_string(number) +
                    ". Strengthening the United Nations crime prevention programme\n\nThe "
                    "General Assembly,\n\n";
    for (int i = 0; i < extra; ++i) {
        t += "Recalling its resolutions 46/152 of 18 December 1991, 68/193 of 18 December 2013 "
             "and " +
             std::to_string(60 + i % 9) + "/" + std::to_string(100 + i) +
             ", and Security Council resolution 1373 (2001),\n\n";
    }
    t += "1. Requests the United Nations Office on Drugs and Crime to continue to provide "
         "technical assistance;\n\n2. Also requests the Secretary-General to submit a report "
         "to the General Assembly at its seventy-first session.\n\n80th plenary meeting\n17 "
         "December 2015\n";
    return t;
}

} // namespace rob
