// GEXF 1.3 for Gephi, written by hand as a stream (memory does not grow with the output).
//
//  * <graph defaultedgetype="directed" mode="dynamic" timeformat="date">: a node with a full
//    ISO date appears on Gephi's timeline from that date (start="2013-12-18"), an edge from
//    its citing document's date; a node or edge without one is always there;
//  * node ids are the citegraph ids (XML-escaped), label = names[lang], else symbol, else id;
//    the node attributes of GraphML (graph_attrs.hpp), typed: year and session integer,
//    unts_number long when every UNTS number in the graph is numeric, the rest string;
//  * one edge per (citing, cited) pair, always: weight = the number of citations (parallel
//    edges merged; Gephi sums them otherwise), label = the relation names
//    ("reaffirms;recalls": a mandate is not called a citation), attributes relations
//    ("reaffirms=2;recalls=1") and roles ("object=2;source=1"). Edge ids 0, 1, … in
//    sorted-edge order.
#pragma once

#include "citegraph/exporters/exporter.hpp"

namespace citegraph {

class GexfExporter final : public StreamingExporter {
  public:
    std::string_view format() const override { return "gexf"; }
    void stream(const CitationGraph& g, const ExportOptions& opt, const Sink& out) const override;
};

} // namespace citegraph
