#include "test_support.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#ifndef CITEGRAPH_EXPORTERS_GOLDEN_DIR
#error "CITEGRAPH_EXPORTERS_GOLDEN_DIR must name tests/exporters/golden"
#endif
#ifndef CITEGRAPH_CONSUMERS_DIR
#error "CITEGRAPH_CONSUMERS_DIR must name tests/consumers"
#endif

namespace citegraph::test {

fs::path golden_dir() {
    return CITEGRAPH_EXPORTERS_GOLDEN_DIR;
}
fs::path consumers_dir() {
    return CITEGRAPH_CONSUMERS_DIR;
}
fs::path vocab_file() {
    return fs::path(CITEGRAPH_DATA_DIR) / "vocab" / "citegraph.ttl";
}

fs::path scratch_dir(const std::string& name) {
    const fs::path dir = fs::path(CITEGRAPH_BINARY_DIR) / "exporter-tests" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        FAIL("cannot read " << path.string());
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) {
        FAIL("cannot write " << path.string());
    }
}

namespace {

bool env_is_one(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && std::string(v) == "1";
}

std::string line_at(const std::string& text, std::size_t n) {
    std::istringstream in(text);
    std::string line;
    for (std::size_t i = 0; i <= n; ++i) {
        if (!std::getline(in, line)) {
            return "<end of file>";
        }
    }
    return line;
}

} // namespace

void check_golden(const std::string& actual, const std::string& name) {
    const fs::path golden = golden_dir() / name;
    if (env_is_one("CITEGRAPH_UPDATE_GOLDEN")) {
        fs::create_directories(golden.parent_path());
        write_file(golden, actual);
        WARN("rewrote golden file " << golden.string() << ": review it before committing");
        return;
    }
    if (!fs::exists(golden)) {
        FAIL("golden file " << golden.string()
                            << " is missing; create it with CITEGRAPH_UPDATE_GOLDEN=1 and "
                               "review it");
    }
    const std::string expected = read_file(golden);
    if (expected == actual) {
        SUCCEED("matches " << name);
        return;
    }
    std::string flat = name;
    for (char& c : flat) {
        c = c == '/' ? '_' : c;
    }
    const fs::path saved = fs::path(CITEGRAPH_BINARY_DIR) / "exporter-tests" / (flat + ".actual");
    fs::create_directories(saved.parent_path());
    write_file(saved, actual);
    std::size_t line = 0;
    std::size_t i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
        line += expected[i] == '\n' ? 1 : 0;
        ++i;
    }
    FAIL("output differs from golden file "
         << golden.string() << " at line " << line + 1
         << "\n  expected: " << line_at(expected, line) << "\n  actual:   " << line_at(actual, line)
         << "\n  see: diff -u " << golden.string() << " " << saved.string()
         << "\n  if the change is intended: "
            "CITEGRAPH_UPDATE_GOLDEN=1, then read the diff");
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

RunResult run(const std::string& command) {
    static int counter = 0;
    const fs::path log =
        fs::path(CITEGRAPH_BINARY_DIR) / "exporter-tests" /
        ("run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".log");
    fs::create_directories(log.parent_path());
    const std::string full = "( " + command + " ) > " + shell_quote(log.string()) + " 2>&1";
    RunResult r;
    const int status = std::system(full.c_str());
    if (status != -1 && WIFEXITED(status)) {
        r.status = WEXITSTATUS(status);
    }
    std::error_code ec;
    if (fs::exists(log, ec)) {
        r.output = read_file(log);
        fs::remove(log, ec);
    }
    return r;
}

bool have_program(const std::string& name) {
    if (!name.empty() && name.front() == '/') {
        return ::access(name.c_str(), X_OK) == 0;
    }
    return run("command -v " + shell_quote(name)).status == 0;
}

bool have_node_package(const std::string& name) {
    return have_program("node") &&
           fs::exists(consumers_dir() / "node_modules" / name / "package.json");
}

bool consumer_available(bool available, const std::string& what, bool optional) {
    if (available) {
        return true;
    }
    if (!optional && env_is_one("CITEGRAPH_REQUIRE_CONSUMERS")) {
        FAIL(what << " is not installed, and CITEGRAPH_REQUIRE_CONSUMERS=1");
    }
    WARN("skipped: " << what
                     << " is not installed (scripts/install-consumers.sh installs "
                        "the npm ones; see docs for the Debian packages)");
    return false;
}

} // namespace citegraph::test
