// Graphviz output, built through the cgraph API and written with agwrite (DOT) or laid out
// and rendered in-process with gvLayout/gvRenderData (SVG).
//
// The picture:
//  * graph/node/edge carry charset="UTF-8" and fontname=ExportOptions::font (a CJK-capable
//    font: Graphviz has no per-glyph fallback);
//  * node shape and fill colour by NodeKind; Resolution/Decision/Document nodes link
//    (URL) to https://undocs.org/{id};
//  * node labels in ExportOptions::lang: names[lang], else the symbol, else the id. A node
//    with both a symbol and a name shows the symbol on the first line. Names are wrapped at
//    20 code points a line (breaking at spaces in Latin text, between characters in CJK text,
//    never before CJK closing punctuation) and cut after 4 lines with "…"; the tooltip has
//    the id and every name in full;
//  * edge colour by Relation, edge style by Role: object solid, addressee bold, mention
//    dashed, source (a footnote) dotted;
//  * parallel citations are MERGED: one DOT edge per (source, target, relation, role), its
//    label "relation ×N" plus the distinct paragraphs (pp1, op12, …), its tooltip one line
//    per citation (language, paragraph, start of the clause). Extra attributes `relation`,
//    `role` and `citations` (the count) keep the data readable by programs (pydot);
//  * a legend: one plaintext node with an HTML-like table listing the kinds, relations and
//    non-object roles actually present, in a subgraph with rank=sink;
//  * like `unflatten -l`, a node citing 12 or more leaves (works that cite nothing) spreads
//    them over 2 to 8 ranks (edge minlen), so one resolution citing 80 works is not drawn as
//    a column 80 nodes tall (dot only; sfdp has no ranks).
// The DOT names nodes by their ids (cgraph quotes them). It carries a `layout` attribute
// only when one is chosen: opt.layout "dot"/"sfdp", or "auto" picking sfdp (151 to
// max_layout_nodes nodes), so `dot -Tsvg file.dot` then uses sfdp. With sfdp, edges carry no
// labels (tooltips only), and overlaps are removed with overlap=prism up to 2000 nodes,
// prism0 (its scaling phase: ~5 s instead of ~50 s at 10000 nodes) above.
// Timings on this 2-core box (random graphs, 2 edges a node): dot 150 nodes ~4.5 s; sfdp
// 2000 nodes ~4 s.
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <cstddef>
#include <string>

namespace citegraph {

inline constexpr std::size_t kDotLayoutMaxNodes = 150; // auto: dot up to here, then sfdp

// The Graphviz engine for a graph of `nodes` nodes: "dot" or "sfdp". Throws Error for an
// unknown opt.layout and when nodes > opt.max_layout_nodes (whatever the layout).
std::string choose_layout(std::size_t nodes, const ExportOptions& opt);

std::string to_dot(const CitationGraph& g, const ExportOptions& opt);
std::string to_svg(const CitationGraph& g, const ExportOptions& opt);

class DotExporter final : public SingleFileExporter {
  public:
    std::string_view format() const override { return "dot"; }
    std::string render(const CitationGraph& g, const ExportOptions& opt) const override {
        return to_dot(g, opt);
    }
};

class SvgExporter final : public SingleFileExporter {
  public:
    std::string_view format() const override { return "svg"; }
    // The picture ExportOptions::picture names (svg_pictures.hpp): auto = the neighbourhood
    // picture when opt.focus is set, the overview above kDotLayoutMaxNodes nodes, else to_svg.
    std::string render(const CitationGraph& g, const ExportOptions& opt) const override;
};

} // namespace citegraph
