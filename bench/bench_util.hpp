// Shared helpers of the benchmark programs: input paths from the environment, file reading,
// resident memory. Every input has a default so the programs also run standalone; a missing
// input makes the benchmark that needs it skip with a message (never a failure).
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace citegraph::bench {

// $name if set and non-empty, else `fallback`.
inline std::string env_or(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return (v != nullptr && *v != '\0') ? std::string(v) : fallback;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct TextFile {
    std::string path;
    std::string bytes;
};

// Every *.txt under `dir` (recursively), sorted by path. Empty if `dir` does not exist.
inline std::vector<TextFile> read_txt_dir(const std::string& dir) {
    std::vector<TextFile> out;
    std::error_code ec;
    if (dir.empty() || !std::filesystem::is_directory(dir, ec)) {
        return out;
    }
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") {
            paths.push_back(e.path().string());
        }
    }
    std::sort(paths.begin(), paths.end());
    out.reserve(paths.size());
    for (auto& p : paths) {
        out.push_back({p, read_file(p)});
    }
    return out;
}

// A value of /proc/self/status in bytes ("VmRSS", "VmHWM"); 0 if unavailable.
inline std::uint64_t proc_status_bytes(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(key) + ":";
    while (std::getline(in, line)) {
        if (line.compare(0, prefix.size(), prefix) == 0) {
            return std::strtoull(line.c_str() + prefix.size(), nullptr, 10) * 1024ULL;
        }
    }
    return 0;
}

} // namespace citegraph::bench
