// The hand-made graph every exporter test writes: A/RES/68/193 (zh + en names) with the
// citations of its first paragraphs, chosen to exercise the exporters' corners.
#pragma once

#include "citegraph/engine/graph.hpp"

#include <string>

namespace citegraph::test {

// Nodes: A/RES/68/193 and the 3 GA resolutions it reaffirms in pp1 (A/RES/46/152,
// A/RES/60/1, A/RES/67/1), the report A/68/457, treaty:untoc (UNTS volumes and number),
// instrument:political-declaration-2009 (a long name), body:unodc, body:ga (the issuer),
// actor:member-states.
// Edges (13): reaffirms pp1 x3 in zh; the same pp1 citation of A/RES/46/152 in en (a
// parallel edge from another language); reaffirms A/RES/60/1 again in pp9 (a parallel edge
// from another paragraph); recalls A/RES/67/1 in pp10; reaffirms treaty:untoc in pp2 and its
// footnote (role source); reaffirms the instrument in pp3; requests body:unodc in op12 and
// urges actor:member-states in op5 (role addressee); mentions body:ga in op12 (role mention);
// adopted_on_report A/68/457 in the header. Clause texts hold commas, ASCII and CJK quotes,
// newlines, <, & and a backslash.
CitationGraph sample_graph();

// The same graph built with nodes and edges added in the reverse order.
CitationGraph sample_graph_reversed();

} // namespace citegraph::test
