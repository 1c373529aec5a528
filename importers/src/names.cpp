#include "citegraph/importers/names.hpp"

#include "citegraph/engine/error.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace citegraph {

namespace {

// The first two tab-separated cells of the non-comment lines of `path` (nothing when the file
// does not exist).
std::vector<std::pair<std::string, std::string>> two_columns(const std::filesystem::path& path) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!std::filesystem::exists(path)) {
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(path.string() + ": cannot read");
    }
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty() || line[0] == '#') {
            continue;
        }
        auto tab = line.find('\t');
        if (tab == std::string::npos) {
            continue;
        }
        auto end = line.find('\t', tab + 1);
        out.emplace_back(line.substr(0, tab),
                         line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1));
    }
    return out;
}

} // namespace

NameTables load_name_tables(const std::string& data_dir) {
    NameTables t;
    std::filesystem::path root = std::filesystem::path(data_dir) / "lexicon";
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        return t;
    }
    std::vector<std::filesystem::path> langs;
    for (const auto& d : std::filesystem::directory_iterator(root)) {
        if (d.is_directory()) {
            langs.push_back(d.path());
        }
    }
    std::sort(langs.begin(), langs.end());
    for (const auto& lang : langs) {
        for (auto& v : two_columns(lang / "variants.tsv")) {
            t.variants.push_back(std::move(v));
        }
        for (auto& [text, target] : two_columns(lang / "aliases.tsv")) {
            if (!target.empty() && target[0] != '@' && target.find(',') == std::string::npos) {
                t.aliases.emplace_back(std::move(text), std::move(target));
            }
        }
    }
    return t;
}

} // namespace citegraph
