// Communities and a clustered layout for the exporters that draw a whole store (html, the SVG
// overview). Private to the library.
//
// The graph is the citation graph seen as undirected and weighted: the weight between two
// nodes is the number of citations between them, either way. Louvain (Blondel et al. 2008)
// maximises modularity level by level; nodes are visited in id order and ties go to the
// community with the smallest number, so the result is deterministic.
//
// The layout places each community as a disc (a sunflower: its most cited node in the middle,
// the others on a Fermat spiral by citations received), and the discs in rows, largest first.
// Nodes without any edge share one disc, drawn last.
#pragma once

#include "citegraph/engine/graph.hpp"

#include <cstdint>
#include <vector>

namespace citegraph::detail {

struct WeightedGraph {
    // adjacency[i] = (neighbour, weight), neighbours ascending, no self loops
    std::vector<std::vector<std::pair<std::uint32_t, double>>> adjacency;
    std::vector<double> self_loops; // weight of i's loop (counted once)
};

// Nodes are numbered by their rank in g.sorted_vertices(); self-citations become loops.
WeightedGraph undirected_weights(const CitationGraph& g);

// Community of each node, numbered 0.. by decreasing size (ties: smallest member first);
// nodes without edges get community -1.
std::vector<int> louvain(const WeightedGraph& w);

struct Point {
    double x = 0, y = 0;
};

// Positions of the nodes (index as in `community`), in units where neighbouring nodes of a
// disc are 1 apart; `weight` orders the nodes of a disc (largest in the middle), ties by index.
std::vector<Point> cluster_layout(const std::vector<int>& community,
                                  const std::vector<double>& weight);

} // namespace citegraph::detail
