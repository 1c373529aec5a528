#include "citegraph/engine/graph.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <tuple>

namespace citegraph {

void NodeRecord::merge_from(const NodeRecord& other) {
    auto fill = [](std::string& mine, const std::string& theirs) {
        if (mine.empty()) {
            mine = theirs;
        }
    };
    fill(symbol, other.symbol);
    fill(date, other.date);
    fill(body, other.body);
    fill(session, other.session);
    fill(unts_volume, other.unts_volume);
    fill(unts_number, other.unts_number);
    for (const auto& [lang, name] : other.names) {
        names.emplace(lang, name);
    }
}

CitationGraph::Vertex CitationGraph::add_node(const NodeRecord& node) {
    auto it = index_.find(node.id);
    if (it != index_.end()) {
        g_[it->second].merge_from(node);
        return it->second;
    }
    Vertex v = boost::add_vertex(node, g_);
    index_.emplace(node.id, v);
    return v;
}

CitationGraph::Edge CitationGraph::add_edge(const EdgeRecord& edge) {
    auto s = find(edge.source);
    auto t = find(edge.target);
    if (!s || !t) {
        throw std::invalid_argument("edge " + edge.source + " -> " + edge.target +
                                    " names a node that is not in the graph");
    }
    EdgeProps p;
    p.prov = static_cast<std::uint32_t>(prov_.size());
    p.relation = edge.relation;
    p.role = edge.role;
    prov_.push_back({intern(edge.prov.document), intern(edge.prov.language),
                     intern(edge.prov.paragraph), intern(edge.prov.text), edge.prov.span_begin,
                     edge.prov.span_end});
    return boost::add_edge(*s, *t, p, g_).first;
}

std::uint32_t StringPool::intern(const std::string& s) {
    auto it = index_.find(s);
    if (it != index_.end()) {
        return it->second;
    }
    auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.push_back(s);
    index_.emplace(std::string_view(strings_.back()), id);
    return id;
}

void StringPool::reindex() {
    index_.clear();
    for (std::size_t i = 0; i < strings_.size(); ++i) {
        index_.emplace(std::string_view(strings_[i]), static_cast<std::uint32_t>(i));
    }
}

ProvenanceRef CitationGraph::provenance(Edge e) const {
    const PackedProvenance& p = prov_[g_[e].prov];
    return ProvenanceRef{strings_[p.document],  strings_[p.language], strings_[p.paragraph],
                         p.span_begin,          p.span_end,           strings_[p.text]};
}

std::optional<CitationGraph::Vertex> CitationGraph::find(std::string_view id) const {
    auto it = index_.find(std::string(id));
    if (it == index_.end()) {
        return std::nullopt;
    }
    return it->second;
}

EdgeRecord CitationGraph::edge_record(Edge e) const {
    EdgeRecord r;
    r.source = g_[boost::source(e, g_)].id;
    r.target = g_[boost::target(e, g_)].id;
    r.relation = g_[e].relation;
    r.role = g_[e].role;
    r.prov = provenance(e);
    return r;
}

std::vector<CitationGraph::Vertex> CitationGraph::sorted_vertices() const {
    std::vector<Vertex> vs(boost::vertices(g_).first, boost::vertices(g_).second);
    std::sort(vs.begin(), vs.end(), [this](Vertex a, Vertex b) { return g_[a].id < g_[b].id; });
    return vs;
}

std::vector<CitationGraph::Edge> CitationGraph::sorted_edges() const {
    std::vector<Edge> es;
    es.reserve(num_edges());
    for (auto [it, end] = boost::edges(g_); it != end; ++it) {
        es.push_back(*it);
    }
    // Endpoints compare by their rank in id order (integers), not by string.
    std::vector<std::uint32_t> rank(num_nodes());
    {
        auto vs = sorted_vertices();
        for (std::size_t i = 0; i < vs.size(); ++i) {
            rank[vs[i]] = static_cast<std::uint32_t>(i);
        }
    }
    auto key = [&](Edge e) {
        const PackedProvenance& p = prov_[g_[e].prov];
        return std::tie(rank[boost::source(e, g_)], rank[boost::target(e, g_)],
                        strings_[p.document], strings_[p.language], p.span_begin,
                        strings_[p.paragraph], g_[e].relation, g_[e].role);
    };
    std::sort(es.begin(), es.end(), [&](Edge a, Edge b) { return key(a) < key(b); });
    return es;
}

CitationGraph filter_graph(const CitationGraph& g, const GraphFilter& f) {
    const auto& bg = g.boost_graph();
    auto edge_ok = [&](CitationGraph::Edge e) {
        return f.relations.empty() || f.relations.count(g.props(e).relation) > 0;
    };
    auto kind_ok = [&](CitationGraph::Vertex v) {
        return f.kinds.empty() || f.kinds.count(g.node(v).kind) > 0;
    };

    std::vector<char> keep(g.num_nodes(), 0);
    if (f.from.empty()) {
        for (auto [it, end] = boost::vertices(bg); it != end; ++it) {
            keep[*it] = kind_ok(*it);
        }
    } else {
        auto start = g.find(f.from);
        if (!start) {
            throw std::invalid_argument("no node with id '" + f.from + "'");
        }
        std::vector<int> dist(g.num_nodes(), -1);
        std::deque<CitationGraph::Vertex> queue{*start};
        dist[*start] = 0;
        while (!queue.empty()) {
            auto v = queue.front();
            queue.pop_front();
            keep[v] = (v == *start) || kind_ok(v);
            if (dist[v] >= f.depth || !keep[v]) {
                continue;
            }
            auto visit = [&](CitationGraph::Vertex w, CitationGraph::Edge e) {
                if (dist[w] < 0 && edge_ok(e)) {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
            };
            for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
                visit(boost::target(*it, bg), *it);
            }
            for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it) {
                visit(boost::source(*it, bg), *it);
            }
        }
    }

    CitationGraph out;
    for (auto v : g.sorted_vertices()) {
        if (keep[v]) {
            out.add_node(g.node(v));
        }
    }
    for (auto e : g.sorted_edges()) {
        if (keep[boost::source(e, bg)] && keep[boost::target(e, bg)] && edge_ok(e)) {
            out.add_edge(g.edge_record(e));
        }
    }
    return out;
}

} // namespace citegraph
