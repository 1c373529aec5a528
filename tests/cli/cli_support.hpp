// Running the citegraph command from tests: its exit code and output, and throw-away stores.
#pragma once

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

struct Run {
    int code = -1;
    std::string out; // stdout and stderr together
};

inline Run run(const std::string& args) {
    std::string cmd = std::string(CITEGRAPH_CLI) + " " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
        r.out.append(buf, n);
    }
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

struct TempDb {
    std::string path;
    explicit TempDb(const std::string& name) {
        namespace fs = std::filesystem;
        fs::path dir = fs::path(CITEGRAPH_BINARY_DIR) / "test-stores";
        fs::create_directories(dir);
        path = (dir / ("cli-" + name + ".db")).string();
        clean();
    }
    ~TempDb() { clean(); }
    TempDb(const TempDb&) = delete;
    TempDb& operator=(const TempDb&) = delete;
    void clean() const {
        for (auto s : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path + s);
        }
    }
    std::string db() const { return "--db " + path; }
};
