// Static pictures that read on an A4 page (issue #18), written as SVG by hand (no Graphviz):
// sizes are in points (the SVG's width and height are given in pt), labels are 8.5 pt and
// never overlap, relations are grouped into 8 families (relation_family.hpp: the Okabe-Ito
// palette, safe for colour-blind readers) with a legend under the drawing.
//
//   neighbourhood   the one-hop picture of a focus node, two-sided: the works that cite it in
//                   a column on the left, the works it cites on the right, each column sorted
//                   by relation family and then by the number of citations; one curve per
//                   neighbour (parallel citations merged, width by their number, colour by
//                   the family with most of them). At most 56 rows a column: past that the
//                   most cited neighbours are kept and the rest of each family is one row
//                   "+N more". A4 portrait.
//   overview        a whole store: Louvain communities (communities.hpp) as discs on a ring,
//                   area by size; the citations between two communities merged into one line
//                   (width by their number); beside each disc its most cited members. The 8
//                   largest communities are drawn, the rest counted. A4 landscape.
//
// Both are deterministic (ids break every tie).
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <string>

namespace citegraph {

// Throws Error when `focus` is not a node of g.
std::string neighbourhood_svg(const CitationGraph& g, const std::string& focus,
                              const ExportOptions& opt);
std::string overview_svg(const CitationGraph& g, const ExportOptions& opt);

} // namespace citegraph
