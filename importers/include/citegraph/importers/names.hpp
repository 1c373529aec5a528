// The surface forms of the data tables that a user may type for a node (issue #15): what the
// command line's NodeResolver folds and matches besides the names stored in the graph.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace citegraph {

struct NameTables {
    // (variant, standard) of every data/lexicon/<lang>/variants.tsv: traditional Chinese
    // characters, Arabic-Indic digits.
    std::vector<std::pair<std::string, std::string>> variants;
    // (surface form, entity id) of every data/lexicon/<lang>/aliases.tsv row that names one
    // entity ("UNEP" -> body:unep, "Bahamas" -> country:bhs); anaphors (@tag) and phrases
    // naming several entities are left out.
    std::vector<std::pair<std::string, std::string>> aliases;
};

// Reads the tables under `data_dir` in a fixed order (languages sorted by folder name). A
// missing folder or table gives nothing; an unreadable one throws citegraph::Error.
NameTables load_name_tables(const std::string& data_dir);

} // namespace citegraph
