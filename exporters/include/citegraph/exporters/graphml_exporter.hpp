// GraphML through Boost.Graph write_graphml + dynamic_properties, readable by networkx,
// igraph, Gephi and Neo4j APOC (apoc.import.graphml with readLabels:true).
//
//  * directed (edgedefault="directed"); every attribute has a typed <key>; keys are sorted
//    by name (Boost writes them in dynamic_properties order) and numbered key0, key1, …;
//  * node ids n0, n1, … in sorted-id order, edge ids e0, e1, … in sorted-edge order; the
//    citegraph id is kept as the node attribute `node_id`. Parallel citations stay separate
//    edges (networkx then returns a MultiDiGraph);
//  * node attributes (all strings): label (Gephi: names[lang], else symbol, else id),
//    labels (APOC: ":Resolution"), node_id, kind, symbol, name_<lang> for every language
//    present in the graph, date (ISO), body (a body id), session, unts_volume
//    (';'-separated), unts_number;
//  * edge attributes: label (APOC relationship type: REAFFIRMS, CALLS_UPON, …), relation,
//    role, document, language, paragraph, text (strings), span_start, span_end (int);
//  * an attribute a node or edge does not have (empty in the model) is left out rather than
//    written as an empty <data> (networkx would read that as the string "None");
//  * text is made XML 1.0-safe: invalid UTF-8 becomes U+FFFD, CR LF and CR become LF, other
//    C0 controls are dropped.
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <string>

namespace citegraph {

std::string to_graphml(const CitationGraph& g, const ExportOptions& opt);

class GraphmlExporter final : public SingleFileExporter {
  public:
    std::string_view format() const override { return "graphml"; }
    std::string render(const CitationGraph& g, const ExportOptions& opt) const override {
        return to_graphml(g, opt);
    }
    // Streams to the file (through "<path>.tmp", renamed at the end): bounded memory.
    void write(const CitationGraph& g, const ExportOptions& opt,
               const std::string& path) const override;
};

} // namespace citegraph
