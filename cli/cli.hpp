// Shared pieces of the citegraph command: global options, the command registry, and store
// access for read-only commands. Each command group registers its subcommands with a runner;
// main() runs the one the user named.
#pragma once

#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/resolve.hpp"
#include "citegraph/engine/store.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace citegraph::cli {

// The command's language preference for names, titles and the text of a mandate read in
// several versions: English, then Chinese, then the others by code (the engine has none).
inline const LanguagePreference kLanguages{"en", "zh"};

constexpr int kOk = 0;
constexpr int kUsage = 1;
constexpr int kInput = 2;

struct Globals {
    std::string db;
    std::string data;
};

struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run; // returns the exit code; may throw citegraph::Error
};

// Read-only commands on a store that does not exist yet see an empty graph (nullptr).
std::unique_ptr<Store> open_for_reading(const Globals& g);
// The store file and its side files: an output file must never replace them.
std::vector<std::string> store_files(const Globals& g);
// The whole store as a graph (empty if there is no store yet).
CitationGraph load_graph(const Globals& g);
// For a query about one node: when `text` is a node's exact id or a bare resolution number
// ("68/193" -> A/RES/68/193) of the store, only that node's edges and neighbours
// (Store::load_around, issue #20); else the whole graph, where the resolver reads names,
// acronyms and aliases and suggests the closest ones. Either way the answer is the same.
// `depth` 1 or 2: every node within that many hops and the edges between them
// (Store::load_ball, for export --from); a larger depth reads the whole graph.
CitationGraph load_graph_for(const Globals& g, const std::string& text, int depth = 0);

// The resolver of every node argument: the graph's ids, names and symbols, plus the alias
// and variant tables of the data directory (importers/names.hpp).
NodeResolver make_resolver(const Globals& g, const CitationGraph& graph);
// The id of the node `text` names; else prints "no node" with the closest matches to stderr
// and returns "" (the command then exits kInput).
std::string resolve_or_report(const NodeResolver& r, const CitationGraph& graph,
                              const std::string& text);
// As resolve_or_report, but a body may also be the issuing body of some node (body:ga).
std::string resolve_body_or_report(const NodeResolver& r, const std::string& text);

// A node kind, relation or role the user named, in any case and with '-' for '_'
// ("resolution", "Resolution", "calls-upon"); otherwise nullopt after an error that lists the
// valid names.
template <typename E> std::optional<E> parse_choice(const std::string& text, const char* what) {
    auto fold = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) {
            c = c == '-' ? '_' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return out;
    };
    std::string names;
    for (std::size_t k = 0; k < count_of<E>(); ++k) {
        const auto name = to_string(static_cast<E>(k));
        if (fold(name) == fold(text)) {
            return static_cast<E>(k);
        }
        names += (k ? ", " : "") + std::string(name);
    }
    std::cerr << "citegraph: error: unknown " << what << " '" << text << "' (one of " << names
              << ")\n";
    return std::nullopt;
}

// A count option (--top, --limit): a whole number from 1 to 1,000,000, not "-1" (which an
// unsigned option would read as 18446744073709551615).
inline CLI::Validator count_validator() {
    return CLI::Validator(
        [](std::string& s) -> std::string {
            bool digits = !s.empty() && s.size() <= 7 &&
                          s.find_first_not_of("0123456789") == std::string::npos;
            if (!digits || std::stoul(s) < 1 || std::stoul(s) > 1000000) {
                return "'" + s + "' is not a count from 1 to 1000000";
            }
            return {};
        },
        "COUNT 1..1000000");
}

// A date option (--since, --until): YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date.
CLI::Validator date_validator();

// Command groups (one file each).
void add_store_commands(CLI::App& app, Globals& g, std::vector<Command>& out);   // main.cpp
void add_query_commands(CLI::App& app, Globals& g, std::vector<Command>& out);   // queries.cpp
void add_overlap_commands(CLI::App& app, Globals& g, std::vector<Command>& out); // overlaps.cpp

} // namespace citegraph::cli
