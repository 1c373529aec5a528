// Helpers of the exporter tests: golden files, scratch directories, running real consumers.
#pragma once

#include <filesystem>
#include <string>

namespace citegraph::test {

namespace fs = std::filesystem;

fs::path golden_dir();    // tests/exporters/golden
fs::path consumers_dir(); // tests/consumers (node scripts, python checkers, node_modules)
fs::path vocab_file();    // data/vocab/citegraph.ttl
// An empty scratch directory for one test: <build>/exporter-tests/<name>.
fs::path scratch_dir(const std::string& name);

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& content);

// Compares `actual` with golden_dir()/name. On mismatch the test fails with the first
// differing line and a `diff -u` command (the actual text is saved beside the scratch
// files). With CITEGRAPH_UPDATE_GOLDEN=1 the golden file is rewritten instead: read it
// before committing it.
void check_golden(const std::string& actual, const std::string& name);

struct RunResult {
    int status = -1;    // the command's exit status (-1: did not run or was killed)
    std::string output; // stdout and stderr together
};
// Runs `command` with /bin/sh, capturing its output.
RunResult run(const std::string& command);
std::string shell_quote(const std::string& s);

// Whether a program is on PATH (or, for an absolute path, executable).
bool have_program(const std::string& name);
// Whether npm package `name` is installed in consumers_dir()/node_modules.
bool have_node_package(const std::string& name);
// Returns `available`. When it is false the test is skipped with a WARN, or fails if
// CITEGRAPH_REQUIRE_CONSUMERS=1 (CI sets it: there every consumer is installed) - except
// for an `optional` consumer (kuzu), which is only ever skipped.
bool consumer_available(bool available, const std::string& what, bool optional = false);

// /usr/bin/python3: Debian's python with networkx and igraph (not the pyenv shim on PATH).
inline constexpr const char* kPython = "/usr/bin/python3";

} // namespace citegraph::test
