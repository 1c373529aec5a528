// CSV files for `neo4j-admin database import full` (Neo4j 5), written into a directory.
//
// Files
//   nodes_{Kind}.csv             one per NodeKind present, e.g. nodes_Resolution.csv
//   relationships_{S}_{E}.csv    one per (start ID space, end ID space) pair present, e.g.
//                                relationships_Doc_Body.csv (a file has one header, and the
//                                header names the ID spaces)
//   README.md                    the files and the import command
// ID spaces, one per node family: Doc (Resolution, Decision, Document), Treaty, Instrument,
// Programme, Body, Actor.
//
// Node header: id:ID({space}),:LABEL,symbol,name_{lang}…,date:date,body,session,
//   unts_volume:int[],unts_number:int — each file has only the columns some of its nodes
//   fill; a column falls back to string (unts_volume:string[]) when a value is not a
//   number, and date to string when a value is not YYYY[-MM[-DD]]. :LABEL is the kind.
// Relationship header: :START_ID({space}),:END_ID({space}),:TYPE,role,paragraph,document,
//   language,span_start:int,span_end:int,text — :TYPE is the relation in UPPER_SNAKE
//   (REAFFIRMS, CALLS_UPON, …).
// CSV: RFC 4180 quoting (a field with , " CR or LF is quoted, " doubled), LF line ends, UTF-8
// without BOM, empty unquoted field = no property. Clause texts may hold newlines, so the
// import needs --multiline-fields=true (README.md shows the full command).
// Before writing anything, every relationship end is checked against the node rows of its
// ID space (Error if one is missing), and ids must be non-empty.
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

// The neo4j-admin ID space of a kind: "Doc", "Treaty", "Instrument", "Programme", "Body",
// "Actor".
std::string_view neo4j_id_space(NodeKind kind);

struct CsvFile {
    std::string name; // file name inside the directory
    std::string content;
};

// The files write() puts in the directory, in a fixed order: node files (kind order),
// relationship files (ID-space pair order), README.md.
std::vector<CsvFile> to_neo4j_files(const CitationGraph& g);

class Neo4jExporter final : public Exporter {
  public:
    std::string_view format() const override { return "neo4j"; }
    // `path` is a directory, created if missing; existing files of the same names are
    // replaced, other files are left alone.
    void write(const CitationGraph& g, const ExportOptions& opt,
               const std::string& path) const override;
};

} // namespace citegraph
