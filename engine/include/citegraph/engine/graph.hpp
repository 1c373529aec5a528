// The in-memory citation graph: a Boost.Graph bidirectional adjacency_list whose vertices are
// works (one per canonical id, whatever the language that cited them) and whose edges are
// citations. Edge bundles stay small; provenance lives in a side table indexed by the edge.
#pragma once

#include "citegraph/engine/model.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace citegraph {

struct EdgeProps {
    std::uint32_t prov = 0; // index into CitationGraph::provenance()
    Relation relation = Relation::notes;
    Role role = Role::object;
};

// Interned strings: each distinct string stored once, identified by its index.
class StringPool {
  public:
    StringPool() = default;
    StringPool(const StringPool& o) : strings_(o.strings_) { reindex(); }
    StringPool(StringPool&&) noexcept = default; // a moved deque keeps its elements in place
    StringPool& operator=(const StringPool& o) {
        if (this != &o) {
            strings_ = o.strings_;
            reindex();
        }
        return *this;
    }
    StringPool& operator=(StringPool&&) noexcept = default;

    std::uint32_t intern(const std::string& s);
    const std::string& operator[](std::uint32_t id) const { return strings_[id]; }
    std::size_t size() const { return strings_.size(); }

  private:
    void reindex();
    std::deque<std::string> strings_; // never moves its elements: the views below stay valid
    std::unordered_map<std::string_view, std::uint32_t> index_;
};

// A citation's provenance as views into the graph's string pool: no copies. Converts to a
// Provenance (owning) where one is needed.
struct ProvenanceRef {
    const std::string& document;
    const std::string& language;
    const std::string& paragraph;
    std::uint32_t span_begin;
    std::uint32_t span_end;
    const std::string& text;
    operator Provenance() const {
        return Provenance{document, language, paragraph, span_begin, span_end, text};
    }
};

struct GraphFilter;

class CitationGraph {
  public:
    // The global edge list is a vector (edges are never removed): a list node per edge would
    // cost two more pointers and an allocation each.
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeRecord,
                                        EdgeProps, boost::no_property, boost::vecS>;
    using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
    using Edge = boost::graph_traits<Graph>::edge_descriptor;

    // Adds the node, or merges its attributes into the node with the same id.
    Vertex add_node(const NodeRecord& node);
    // Adds a citation. Both endpoints must exist (std::invalid_argument otherwise).
    Edge add_edge(const EdgeRecord& edge);

    std::optional<Vertex> find(std::string_view id) const;
    const NodeRecord& node(Vertex v) const { return g_[v]; }
    const EdgeProps& props(Edge e) const { return g_[e]; }
    // The provenance of a citation, viewing the interned strings (valid while the graph is).
    ProvenanceRef provenance(Edge e) const;
    // The citing document of an edge, without assembling the whole provenance.
    const std::string& document_of(Edge e) const { return strings_[prov_[g_[e].prov].document]; }
    // The paragraph label of an edge, and a key for it: two edges have the same key exactly
    // when their labels are equal (labels are interned).
    const std::string& paragraph_of(Edge e) const { return strings_[prov_[g_[e].prov].paragraph]; }
    std::uint32_t paragraph_key(Edge e) const { return prov_[g_[e].prov].paragraph; }
    const std::string& paragraph_label(std::uint32_t key) const { return strings_[key]; }
    EdgeRecord edge_record(Edge e) const;

    std::size_t num_nodes() const { return boost::num_vertices(g_); }
    std::size_t num_edges() const { return boost::num_edges(g_); }
    const Graph& boost_graph() const { return g_; }

    // Vertices ordered by id and edges ordered by (source id, target id, document,
    // paragraph, relation, role, span): the order every exporter writes in.
    std::vector<Vertex> sorted_vertices() const;
    std::vector<Edge> sorted_edges() const;

    // Compact adjacency for queries that scan many neighbourhoods (related documents). Built
    // on first use after the graph last changed (O(m log d) time, at most 16 bytes per edge),
    // shared by copies, safe to request from several threads at once. Lists are ascending.
    struct NeighbourIndex {
        // Distinct documents citing v with any role but addressee: in[in_begin[v], in_split[v]);
        // distinct documents addressing v (Role::addressee): in[in_split[v], in_begin[v + 1]).
        std::vector<std::size_t> in_begin, in_split;
        std::vector<std::uint32_t> in;
        // (target << 1) | addressee for every distinct such pair of v's out-edges:
        // out[out_begin[v], out_begin[v + 1]).
        std::vector<std::size_t> out_begin;
        std::vector<std::uint32_t> out;
        // (paragraph_key, target) for every distinct such pair of v's out-edges:
        // by_paragraph[out_para_begin[v], out_para_begin[v + 1]).
        struct ParagraphTarget {
            std::uint32_t paragraph, target;
        };
        std::vector<std::size_t> out_para_begin;
        std::vector<ParagraphTarget> by_paragraph;
        std::vector<std::uint32_t> distinct_targets; // distinct nodes v cites, any role
        std::vector<NodeKind> kind;                  // node(v).kind, packed
    };
    std::shared_ptr<const NeighbourIndex> neighbour_index() const;
    // The index if some query has built it since the last change, else null (queries that
    // answer quickly without it use it only when it is there).
    std::shared_ptr<const NeighbourIndex> neighbour_index_if_built() const {
        return std::atomic_load(&neighbours_.ptr);
    }

    // Vertices in id order (sorted_vertices()) and each vertex's position in it; cached like
    // neighbour_index().
    struct IdOrder {
        std::vector<Vertex> by_id;
        std::vector<std::uint32_t> rank;
    };
    std::shared_ptr<const IdOrder> id_order() const;

  private:
    friend CitationGraph filter_graph(const CitationGraph& g, const GraphFilter& f);

    // Provenance with its strings interned: documents, languages, paragraph labels and clause
    // texts repeat across the edges of a clause, a document and a corpus.
    struct PackedProvenance {
        std::uint32_t document, language, paragraph, text;
        std::uint32_t span_begin, span_end;
    };
    std::uint32_t intern(const std::string& s) { return strings_.intern(s); }
    // Consecutive edges mostly come from one document, paragraph and source (an import
    // batch, a store load): add_edge() compares with the previous edge's before hashing.
    struct LastSeen {
        std::optional<Vertex> source;
        std::uint32_t document = UINT32_MAX, language = UINT32_MAX, paragraph = UINT32_MAX,
                      text = UINT32_MAX;
    };
    std::uint32_t intern_again(std::uint32_t& last, const std::string& s) {
        if (last != UINT32_MAX && strings_[last] == s) {
            return last;
        }
        return last = strings_.intern(s);
    }

    void changed(); // drops the caches below

    Graph g_;
    std::unordered_map<std::string, Vertex> index_;
    std::vector<PackedProvenance> prov_;
    StringPool strings_;
    LastSeen last_; // vertices are never removed and pool ids never change: always valid
    // A cache slot read and written with std::atomic_load / atomic_compare_exchange (const
    // queries, and copies of the graph, may run in parallel); reset by every change.
    template <class T> struct Cached {
        std::shared_ptr<const T> ptr;
        Cached() = default;
        Cached(const Cached& o) : ptr(std::atomic_load(&o.ptr)) {}
        Cached& operator=(const Cached& o) {
            std::atomic_store(&ptr, std::atomic_load(&o.ptr));
            return *this;
        }
    };
    mutable Cached<NeighbourIndex> neighbours_;
    mutable Cached<IdOrder> id_order_;
};

// Which part of a graph to keep (CLI `export --from ID --depth N --relation R --kind K`).
struct GraphFilter {
    std::string from;             // empty: the whole graph
    int depth = 1;                // hops from `from`, following edges either way
    std::set<Relation> relations; // empty: all
    std::set<NodeKind> kinds;     // empty: all; `from` itself is always kept
};

// The sub-graph the filter selects. Throws std::invalid_argument for an unknown `from` id.
CitationGraph filter_graph(const CitationGraph& g, const GraphFilter& f);

} // namespace citegraph
