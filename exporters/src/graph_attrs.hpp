// The attributes the two XML graph formats (GraphML, GEXF) write, computed once for both
// (private to the library): typed node attributes, per-edge attributes, and the weighted
// aggregate of parallel edges.
#pragma once

#include "citegraph/engine/graph.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::detail {

enum class AttrType { String, Int, Long, Double };

struct AttrDecl {
    std::string name;
    AttrType type = AttrType::String;
};

struct AttrValue {
    std::size_t attr = 0; // index into the declarations
    std::string value;    // already XML-escaped; never empty
};

// The session as a number: "68" -> 68, "XXV" -> 25 (Roman numerals, as in A/RES/2625(XXV));
// nothing for "ES-10" (an emergency special session is not the tenth session) or "".
std::optional<long> session_number(std::string_view session);

// Text for an XML attribute value or element content: xml_safe, then & < > " escaped.
std::string xml_escape(std::string_view text);

// Node attributes: label (names[lang], else symbol, else id), labels (":Resolution", Neo4j
// APOC), name (= the id: R igraph's V(g)["A/RES/68/193"]), node_id (= the id), kind, symbol,
// name_<lang> for every language in the graph, date (ISO string), year (int), body, session
// (int: regular sessions only), session_label (the session as written), unts_volume
// (';'-separated), unts_number (long when every UNTS number of the graph is numeric, else
// string).
class NodeAttrs {
  public:
    NodeAttrs(const CitationGraph& g, const std::string& lang);
    const std::vector<AttrDecl>& decls() const { return decls_; }
    // The node's values in declaration order, the empty ones left out.
    std::vector<AttrValue> values(const NodeRecord& n) const;

  private:
    std::string lang_;
    std::vector<std::string> languages_;
    bool numeric_unts_ = true;
    std::vector<AttrDecl> decls_;
};

// Edge attributes, one edge per citation: label (REAFFIRMS: APOC's relationship type),
// relation, role, document, language, paragraph, text, span_start, span_end (int).
// Aggregated, one edge per (source, target) pair: label = the relation names
// ("reaffirms;recalls"), weight (double: the number of citations), relations
// ("reaffirms=2;recalls=1", by name), roles ("object=2;source=1").
class EdgeAttrs {
  public:
    explicit EdgeAttrs(bool aggregate);
    const std::vector<AttrDecl>& decls() const { return decls_; }
    // The values of one citation (not aggregated) or of a group of parallel ones.
    std::vector<AttrValue> values(const CitationGraph& g,
                                  const std::vector<CitationGraph::Edge>& group) const;

  private:
    bool aggregate_;
    std::vector<AttrDecl> decls_;
};

// Calls fn(group) for each edge (aggregate false: groups of one) or each run of parallel
// edges (same source and target), in sorted_edges() order.
template <typename Fn>
void for_each_edge_group(const CitationGraph& g, const std::vector<CitationGraph::Edge>& edges,
                         bool aggregate, Fn fn) {
    const auto& bg = g.boost_graph();
    std::vector<CitationGraph::Edge> group;
    for (auto e : edges) {
        if (!group.empty() &&
            (!aggregate || boost::source(e, bg) != boost::source(group.front(), bg) ||
             boost::target(e, bg) != boost::target(group.front(), bg))) {
            fn(group);
            group.clear();
        }
        group.push_back(e);
    }
    if (!group.empty()) {
        fn(group);
    }
}

} // namespace citegraph::detail
