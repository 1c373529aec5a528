// UN Digital Library catalogue records (MARC 21 XML, "MARCXML") read into node metadata
// (issue #15, `citegraph import-metadata`): symbol (191), title per language (245, 246),
// date (269), subjects (650, 610, 630) and related records (993).
//
// The XML reader is a small non-validating parser written for this format (elements,
// attributes, character and the five predefined entity references, CDATA, comments,
// processing instructions; a DOCTYPE with an internal subset is refused). Malformed input
// raises InputError naming the file, line and column.
#pragma once

#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/model.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

struct MarcRecord {
    std::size_t line = 0; // line of the <record> start tag
    std::string symbol;   // 191 $a
    std::string language; // 041 $a as a two-letter code ("en"); "en" when absent
    std::map<std::string, std::string> titles; // language -> title (245 $a; 246 $a by script)
    std::string date;                          // 269 $a as ISO 8601 ("2023-11-08")
    std::vector<std::string> subjects;         // 650, 610, 630 $a in record order
    std::vector<std::string> related;          // 993 $a: symbols of related records
};

// All records of a MARCXML file (`bytes` is its content). Throws InputError for malformed XML
// or a file without a <collection> or <record> root.
std::vector<MarcRecord> read_marcxml(const std::string& file, std::string_view bytes);

// What the records add to a store whose graph is `existing`: nodes whose missing titles
// (names) and dates they fill, and the conflicts they do not write.
struct MetadataPlan {
    std::vector<NodeRecord> nodes; // for Store::add_metadata
    std::vector<std::string> conflicts;
    std::vector<std::string> skipped; // records without a readable symbol
    std::size_t records = 0, titles = 0, dates = 0, new_nodes = 0, subjects = 0;
};

// A record's node is its 191 symbol (canonical key, kind and session from the symbol grammar).
// Its titles and date fill what the store lacks; a value the store (or an earlier record of
// the same run) already has is never replaced: a different one is a conflict, reported with
// both values. The resolution a 993 field names (the adopted text of a draft) gets the draft's
// title where it has none. Subjects are counted, not stored (the store has no subject table).
MetadataPlan plan_metadata(const std::string& file, const std::vector<MarcRecord>& records,
                           const CitationGraph& existing);

} // namespace citegraph
