// GraphML, written by hand as a stream (memory does not grow with the output), readable by
// networkx, igraph (Python and R), Gephi and Neo4j APOC (apoc.import.graphml with
// readLabels:true).
//
//  * directed (edgedefault="directed"); every attribute has a typed <key>; keys are sorted
//    by name and numbered key0, key1, …;
//  * node ids are the citegraph ids (<node id="A/RES/68/193">, XML-escaped): networkx keys
//    its nodes by them, igraph keeps them as the vertex attribute `id`; the id is also the
//    attribute `name` (R igraph: V(g)["A/RES/68/193"]; python-igraph: g.vs.find(name=…)) and
//    `node_id`. Edge ids e0, e1, … in sorted-edge order;
//  * node attributes: label (Gephi: names[lang], else symbol, else id), labels (APOC:
//    ":Resolution"), name, node_id, kind, symbol, name_<lang> for every language present in
//    the graph, date (ISO 8601 string: GraphML has no date type), year (int), body (a body
//    id), session (int: "68" and the Roman "XXV" as 25; absent for "ES-10"), session_label
//    (the session as written), unts_volume (';'-separated), unts_number (long when every UNTS
//    number in the graph is numeric, else string) — see graph_attrs.hpp;
//  * edge attributes, one edge per citation: label (APOC relationship type: REAFFIRMS,
//    CALLS_UPON, …), relation, role, document, language, paragraph, text (strings),
//    span_start, span_end (int). Parallel citations stay separate edges (networkx then
//    returns a MultiDiGraph);
//  * with ExportOptions::aggregate (`export --aggregate`): one edge per (citing, cited) pair,
//    label = the relation names ("reaffirms;recalls"), weight (double: the number of
//    citations), relations ("reaffirms=2;recalls=1"), roles ("object=2;source=1");
//  * an attribute a node or edge does not have (empty in the model) is left out rather than
//    written as an empty <data> (networkx would read that as the string "None");
//  * text is made XML 1.0-safe: invalid UTF-8 becomes U+FFFD, CR LF and CR become LF, other
//    C0 controls are dropped.
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <string>

namespace citegraph {

std::string to_graphml(const CitationGraph& g, const ExportOptions& opt);

class GraphmlExporter final : public StreamingExporter {
  public:
    std::string_view format() const override { return "graphml"; }
    void stream(const CitationGraph& g, const ExportOptions& opt, const Sink& out) const override;
};

} // namespace citegraph
