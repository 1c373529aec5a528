#include "communities.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace citegraph::detail {

WeightedGraph undirected_weights(const CitationGraph& g) {
    const auto order = g.id_order();
    const auto& bg = g.boost_graph();
    const std::size_t n = order->by_id.size();
    WeightedGraph w;
    w.adjacency.resize(n);
    w.self_loops.assign(n, 0.0);
    std::vector<std::map<std::uint32_t, double>> acc(n);
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        const std::uint32_t s = order->rank[boost::source(*it, bg)];
        const std::uint32_t t = order->rank[boost::target(*it, bg)];
        if (s == t) {
            w.self_loops[s] += 1.0;
            continue;
        }
        acc[s][t] += 1.0;
        acc[t][s] += 1.0;
    }
    for (std::size_t i = 0; i < n; ++i) {
        w.adjacency[i].assign(acc[i].begin(), acc[i].end());
    }
    return w;
}

namespace {

// One level of Louvain: moves nodes between communities while modularity grows. Returns the
// community of each node, renumbered 0..k-1 in order of first appearance.
std::vector<std::uint32_t> one_level(const WeightedGraph& w, bool& moved_any) {
    const std::size_t n = w.adjacency.size();
    std::vector<double> degree(n, 0.0);
    double total = 0; // 2m
    for (std::size_t i = 0; i < n; ++i) {
        degree[i] = 2 * w.self_loops[i];
        for (const auto& [j, wt] : w.adjacency[i]) {
            degree[i] += wt;
        }
        total += degree[i];
    }
    std::vector<std::uint32_t> comm(n);
    std::iota(comm.begin(), comm.end(), 0u);
    std::vector<double> tot(degree);
    moved_any = false;
    if (total == 0) {
        return comm;
    }
    std::vector<double> link(n, 0.0); // weight from the node being moved to each community
    std::vector<std::uint32_t> touched;
    for (int pass = 0; pass < 32; ++pass) {
        bool moved = false;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t own = comm[i];
            touched.clear();
            for (const auto& [j, wt] : w.adjacency[i]) {
                const std::uint32_t c = comm[j];
                if (link[c] == 0.0) {
                    touched.push_back(c);
                }
                link[c] += wt;
            }
            tot[own] -= degree[i];
            // gain of joining c, up to a constant: link(c) - tot(c) * k_i / 2m
            std::uint32_t best = own;
            double best_gain = link[own] - tot[own] * degree[i] / total;
            std::sort(touched.begin(), touched.end());
            for (std::uint32_t c : touched) {
                const double gain = link[c] - tot[c] * degree[i] / total;
                if (gain > best_gain + 1e-12) {
                    best = c;
                    best_gain = gain;
                }
            }
            for (std::uint32_t c : touched) {
                link[c] = 0.0;
            }
            tot[best] += degree[i];
            if (best != own) {
                comm[i] = best;
                moved = true;
                moved_any = true;
            }
        }
        if (!moved) {
            break;
        }
    }
    std::vector<std::uint32_t> renumber(n, UINT32_MAX);
    std::uint32_t next = 0;
    for (auto& c : comm) {
        if (renumber[c] == UINT32_MAX) {
            renumber[c] = next++;
        }
        c = renumber[c];
    }
    return comm;
}

WeightedGraph aggregate(const WeightedGraph& w, const std::vector<std::uint32_t>& comm) {
    const std::uint32_t k = comm.empty() ? 0 : *std::max_element(comm.begin(), comm.end()) + 1;
    std::vector<std::map<std::uint32_t, double>> acc(k);
    WeightedGraph out;
    out.self_loops.assign(k, 0.0);
    for (std::size_t i = 0; i < w.adjacency.size(); ++i) {
        out.self_loops[comm[i]] += w.self_loops[i];
        for (const auto& [j, wt] : w.adjacency[i]) {
            if (comm[i] == comm[j]) {
                out.self_loops[comm[i]] += wt / 2; // each inner edge is seen from both ends
            } else {
                acc[comm[i]][comm[j]] += wt;
            }
        }
    }
    out.adjacency.resize(k);
    for (std::uint32_t c = 0; c < k; ++c) {
        out.adjacency[c].assign(acc[c].begin(), acc[c].end());
    }
    return out;
}

} // namespace

std::vector<int> louvain(const WeightedGraph& w) {
    const std::size_t n = w.adjacency.size();
    std::vector<std::uint32_t> of(n);
    std::iota(of.begin(), of.end(), 0u);
    WeightedGraph level = w;
    for (int depth = 0; depth < 16; ++depth) {
        bool moved = false;
        const auto comm = one_level(level, moved);
        if (!moved) {
            break;
        }
        for (auto& c : of) {
            c = comm[c];
        }
        level = aggregate(level, comm);
    }
    // Number by decreasing size, ties by smallest member; nodes without edges get -1.
    std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> info; // size, first member
    for (std::size_t i = 0; i < n; ++i) {
        if (!w.adjacency[i].empty()) {
            ++info.try_emplace(of[i], 0, i).first->second.first;
        }
    }
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::uint32_t>> order;
    for (const auto& [c, sf] : info) {
        order.push_back({sf, c});
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        if (a.first.first != b.first.first) {
            return a.first.first > b.first.first;
        }
        return a.first.second < b.first.second;
    });
    std::map<std::uint32_t, int> number;
    for (const auto& o : order) {
        number.emplace(o.second, static_cast<int>(number.size()));
    }
    std::vector<int> out(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        if (!w.adjacency[i].empty()) {
            out[i] = number[of[i]];
        }
    }
    return out;
}

std::vector<Point> cluster_layout(const std::vector<int>& community,
                                  const std::vector<double>& weight) {
    const std::size_t n = community.size();
    int k = 0;
    for (int c : community) {
        k = std::max(k, c + 1);
    }
    // discs 0..k-1, then the disc of nodes without edges
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(k) + 1);
    for (std::size_t i = 0; i < n; ++i) {
        members[community[i] < 0 ? static_cast<std::size_t>(k)
                                 : static_cast<std::size_t>(community[i])]
            .push_back(i);
    }
    std::vector<Point> pos(n);
    std::vector<double> radius(members.size(), 0.0);
    std::vector<std::vector<Point>> local(members.size());
    const double golden = M_PI * (3.0 - std::sqrt(5.0));
    for (std::size_t c = 0; c < members.size(); ++c) {
        auto& m = members[c];
        std::stable_sort(m.begin(), m.end(),
                         [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });
        for (std::size_t j = 0; j < m.size(); ++j) {
            const double r = 0.62 * std::sqrt(static_cast<double>(j) + 0.5);
            const double t = golden * static_cast<double>(j);
            local[c].push_back({r * std::cos(t), r * std::sin(t)});
        }
        radius[c] = m.empty() ? 0.0 : 0.62 * std::sqrt(static_cast<double>(m.size())) + 0.6;
    }
    // Shelf packing in rows as wide as the square of the total area, rows centred.
    double area = 0;
    for (double r : radius) {
        area += 4 * r * r;
    }
    const double width = std::max(1.0, 1.15 * std::sqrt(area));
    double y = 0;
    std::size_t c = 0;
    while (c < members.size()) {
        std::size_t end = c;
        double row_width = 0, row_height = 0;
        while (end < members.size()) {
            const double d = 2 * radius[end] + 1.0;
            if (end > c && row_width + d > width) {
                break;
            }
            row_width += d;
            row_height = std::max(row_height, d);
            ++end;
        }
        double x = -row_width / 2;
        for (std::size_t r = c; r < end; ++r) {
            const double cx = x + radius[r] + 0.5;
            const double cy = y + row_height / 2;
            for (std::size_t j = 0; j < members[r].size(); ++j) {
                pos[members[r][j]] = {cx + local[r][j].x, cy + local[r][j].y};
            }
            x += 2 * radius[r] + 1.0;
        }
        y += row_height;
        c = end;
    }
    return pos;
}

} // namespace citegraph::detail
