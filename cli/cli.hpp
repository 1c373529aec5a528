// Shared pieces of the citegraph command: global options, the command registry, and store
// access for read-only commands. Each command group registers its subcommands with a runner;
// main() runs the one the user named.
#pragma once

#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/store.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace citegraph::cli {

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
// The whole store as a graph (empty if there is no store yet).
CitationGraph load_graph(const Globals& g);

// Command groups (one file each).
void add_store_commands(CLI::App& app, Globals& g, std::vector<Command>& out);   // main.cpp
void add_query_commands(CLI::App& app, Globals& g, std::vector<Command>& out);   // queries.cpp
void add_overlap_commands(CLI::App& app, Globals& g, std::vector<Command>& out); // overlaps.cpp

} // namespace citegraph::cli
