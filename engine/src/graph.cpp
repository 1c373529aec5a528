#include "citegraph/engine/graph.hpp"

#include <algorithm>
#include <deque>
#include <limits>
#include <numeric>
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

void CitationGraph::changed() {
    if (neighbours_.ptr) {
        std::atomic_store(&neighbours_.ptr, std::shared_ptr<const NeighbourIndex>());
    }
    if (id_order_.ptr) {
        std::atomic_store(&id_order_.ptr, std::shared_ptr<const IdOrder>());
    }
}

CitationGraph::Vertex CitationGraph::add_node(const NodeRecord& node) {
    changed(); // a merge can change nothing the caches hold, but keep it simple
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
    auto s = last_.source && g_[*last_.source].id == edge.source ? last_.source : find(edge.source);
    auto t = find(edge.target);
    if (!s || !t) {
        throw std::invalid_argument("edge " + edge.source + " -> " + edge.target +
                                    " names a node that is not in the graph");
    }
    changed();
    EdgeProps p;
    p.prov = static_cast<std::uint32_t>(prov_.size());
    p.relation = edge.relation;
    p.role = edge.role;
    last_.source = s;
    prov_.push_back({intern_again(last_.document, edge.prov.document),
                     intern_again(last_.language, edge.prov.language),
                     intern_again(last_.paragraph, edge.prov.paragraph),
                     intern_again(last_.text, edge.prov.text), edge.prov.span_begin,
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
    return ProvenanceRef{strings_[p.document], strings_[p.language], strings_[p.paragraph],
                         p.span_begin,         p.span_end,           strings_[p.text]};
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

namespace {

// Publishes `fresh` unless another thread got there first; returns the one that stays.
template <class T>
std::shared_ptr<const T> publish(std::shared_ptr<const T>& slot, std::shared_ptr<const T> fresh) {
    std::shared_ptr<const T> expected;
    if (std::atomic_compare_exchange_strong(&slot, &expected, fresh)) {
        return fresh;
    }
    return expected;
}

} // namespace

std::shared_ptr<const CitationGraph::NeighbourIndex> CitationGraph::neighbour_index() const {
    if (auto ready = std::atomic_load(&neighbours_.ptr)) {
        return ready;
    }
    const std::size_t n = num_nodes();
    constexpr std::uint32_t kHigh = 0x80000000u;
    if (n >= kHigh) {
        throw std::length_error("neighbour index: more than 2^31 nodes");
    }
    auto ix = std::make_shared<NeighbourIndex>();
    ix->in_begin.assign(n + 1, 0);
    ix->in_split.assign(n, 0);
    ix->out_begin.assign(n + 1, 0);
    ix->out_para_begin.assign(n + 1, 0);
    ix->distinct_targets.assign(n, 0);
    ix->kind.resize(n);
    ix->in.reserve(num_edges());
    ix->out.reserve(num_edges());
    ix->by_paragraph.reserve(num_edges());
    std::vector<std::uint32_t> tmp;
    std::vector<NeighbourIndex::ParagraphTarget> paras;
    auto para_less = [](const auto& a, const auto& b) {
        return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.target < b.target;
    };
    for (Vertex v = 0; v < n; ++v) {
        ix->kind[v] = g_[v].kind;
        tmp.clear();
        for (auto [it, end] = boost::out_edges(v, g_); it != end; ++it) {
            const bool addressee = g_[*it].role == Role::addressee;
            tmp.push_back(static_cast<std::uint32_t>(boost::target(*it, g_) << 1) |
                          (addressee ? 1u : 0u));
        }
        std::sort(tmp.begin(), tmp.end());
        tmp.erase(std::unique(tmp.begin(), tmp.end()), tmp.end());
        std::uint32_t distinct = 0;
        for (std::size_t i = 0; i < tmp.size(); ++i) {
            distinct += (i == 0 || (tmp[i] >> 1) != (tmp[i - 1] >> 1)) ? 1 : 0;
        }
        ix->distinct_targets[v] = distinct;
        ix->out.insert(ix->out.end(), tmp.begin(), tmp.end());
        ix->out_begin[v + 1] = ix->out.size();

        paras.clear();
        for (auto [it, end] = boost::out_edges(v, g_); it != end; ++it) {
            paras.push_back({prov_[g_[*it].prov].paragraph,
                             static_cast<std::uint32_t>(boost::target(*it, g_))});
        }
        std::sort(paras.begin(), paras.end(), para_less);
        paras.erase(std::unique(paras.begin(), paras.end(),
                                [](const auto& a, const auto& b) {
                                    return a.paragraph == b.paragraph && a.target == b.target;
                                }),
                    paras.end());
        ix->by_paragraph.insert(ix->by_paragraph.end(), paras.begin(), paras.end());
        ix->out_para_begin[v + 1] = ix->by_paragraph.size();

        tmp.clear();
        for (auto [it, end] = boost::in_edges(v, g_); it != end; ++it) {
            const bool addressee = g_[*it].role == Role::addressee;
            tmp.push_back(static_cast<std::uint32_t>(boost::source(*it, g_)) |
                          (addressee ? kHigh : 0u));
        }
        std::sort(tmp.begin(), tmp.end());
        tmp.erase(std::unique(tmp.begin(), tmp.end()), tmp.end());
        const auto split = std::lower_bound(tmp.begin(), tmp.end(), kHigh) - tmp.begin();
        ix->in_split[v] = ix->in.size() + static_cast<std::size_t>(split);
        for (std::uint32_t x : tmp) {
            ix->in.push_back(x & ~kHigh);
        }
        ix->in_begin[v + 1] = ix->in.size();
    }
    ix->in.shrink_to_fit();
    ix->out.shrink_to_fit();
    ix->by_paragraph.shrink_to_fit();
    return publish<NeighbourIndex>(neighbours_.ptr, std::move(ix));
}

std::shared_ptr<const CitationGraph::IdOrder> CitationGraph::id_order() const {
    if (auto ready = std::atomic_load(&id_order_.ptr)) {
        return ready;
    }
    auto o = std::make_shared<IdOrder>();
    o->by_id.resize(num_nodes());
    std::iota(o->by_id.begin(), o->by_id.end(), Vertex{0});
    std::sort(o->by_id.begin(), o->by_id.end(),
              [this](Vertex a, Vertex b) { return g_[a].id < g_[b].id; });
    o->rank.resize(num_nodes());
    for (std::size_t i = 0; i < o->by_id.size(); ++i) {
        o->rank[o->by_id[i]] = static_cast<std::uint32_t>(i);
    }
    return publish<IdOrder>(id_order_.ptr, std::move(o));
}

std::vector<CitationGraph::Vertex> CitationGraph::sorted_vertices() const {
    return id_order()->by_id;
}

std::vector<CitationGraph::Edge> CitationGraph::sorted_edges() const {
    std::vector<Edge> es;
    es.reserve(num_edges());
    for (auto [it, end] = boost::edges(g_); it != end; ++it) {
        es.push_back(*it);
    }
    // Endpoints compare by their rank in id order (integers), not by string.
    const auto order = id_order();
    const std::vector<std::uint32_t>& rank = order->rank;
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

    // The sub-graph, in the order the whole graph would list it (sorted_vertices(), then
    // sorted_edges() restricted to kept edges; edges whose sort keys are all equal keep their
    // insertion order). Copied directly: provenance stays packed, strings are interned once.
    const auto order = g.id_order();
    const std::vector<std::uint32_t>& rank = order->rank;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    CitationGraph out;
    std::vector<std::uint32_t> new_vertex(g.num_nodes(), kNone);
    std::vector<CitationGraph::Vertex> kept;
    for (auto v : order->by_id) {
        if (keep[v]) {
            new_vertex[v] = static_cast<std::uint32_t>(boost::add_vertex(g.g_[v], out.g_));
            out.index_.emplace(g.g_[v].id, new_vertex[v]);
            kept.push_back(v);
        }
    }
    std::vector<std::uint32_t> new_string(g.strings_.size(), kNone);
    auto remap = [&](std::uint32_t s) {
        if (new_string[s] == kNone) {
            new_string[s] = out.strings_.intern(g.strings_[s]);
        }
        return new_string[s];
    };
    std::vector<CitationGraph::Edge> es;
    for (auto v : kept) {
        es.clear();
        for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
            if (keep[boost::target(*it, bg)] && edge_ok(*it)) {
                es.push_back(*it);
            }
        }
        using Key = std::tuple<std::uint32_t, const std::string&, const std::string&, std::uint32_t,
                               const std::string&, Relation, Role, std::uint32_t>;
        auto key = [&](CitationGraph::Edge e) {
            const auto& p = g.prov_[g.g_[e].prov];
            return Key(rank[boost::target(e, bg)], g.strings_[p.document], g.strings_[p.language],
                       p.span_begin, g.strings_[p.paragraph], g.g_[e].relation, g.g_[e].role,
                       g.g_[e].prov);
        };
        std::sort(es.begin(), es.end(),
                  [&](CitationGraph::Edge a, CitationGraph::Edge b) { return key(a) < key(b); });
        for (auto e : es) {
            const auto& p = g.prov_[g.g_[e].prov];
            EdgeProps props = g.g_[e];
            props.prov = static_cast<std::uint32_t>(out.prov_.size());
            out.prov_.push_back({remap(p.document), remap(p.language), remap(p.paragraph),
                                 remap(p.text), p.span_begin, p.span_end});
            boost::add_edge(new_vertex[v], new_vertex[boost::target(e, bg)], props, out.g_);
        }
    }
    return out;
}

} // namespace citegraph
