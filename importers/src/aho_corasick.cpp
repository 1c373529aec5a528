#include "citegraph/importers/aho_corasick.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace citegraph {

std::uint32_t AhoCorasick::child(std::uint32_t node, unsigned char c) const {
    const auto& nx = nodes_[node].next;
    auto it = std::lower_bound(nx.begin(), nx.end(), std::make_pair(c, std::uint32_t{0}));
    return (it != nx.end() && it->first == c) ? it->second : UINT32_MAX;
}

std::uint32_t AhoCorasick::add(std::string_view pattern) {
    if (built_) {
        throw std::logic_error("AhoCorasick::add after build");
    }
    std::uint32_t node = 0;
    for (char ch : pattern) {
        auto c = static_cast<unsigned char>(ch);
        std::uint32_t next = child(node, c);
        if (next == UINT32_MAX) {
            next = static_cast<std::uint32_t>(nodes_.size());
            nodes_.emplace_back();
            auto& nx = nodes_[node].next;
            nx.insert(std::lower_bound(nx.begin(), nx.end(), std::make_pair(c, std::uint32_t{0})),
                      {c, next});
        }
        node = next;
    }
    auto id = static_cast<std::uint32_t>(lengths_.size());
    lengths_.push_back(static_cast<std::uint32_t>(pattern.size()));
    patterns_.emplace_back(pattern);
    if (nodes_[node].out == UINT32_MAX) {
        nodes_[node].out = id; // the first pattern added with this text wins
    }
    return id;
}

void AhoCorasick::build() {
    root_next_.assign(256, 0);
    for (auto [c, n] : nodes_[0].next) {
        root_next_[c] = n;
    }
    std::deque<std::uint32_t> queue;
    for (auto [c, n] : nodes_[0].next) {
        nodes_[n].fail = 0;
        queue.push_back(n);
    }
    std::vector<std::uint32_t> order; // breadth first: a node's fail target comes before it
    order.reserve(nodes_.size());
    while (!queue.empty()) {
        std::uint32_t u = queue.front();
        queue.pop_front();
        order.push_back(u);
        for (auto [c, v] : nodes_[u].next) {
            std::uint32_t f = nodes_[u].fail;
            std::uint32_t t = UINT32_MAX;
            while (true) {
                t = f == 0 ? root_next_[c] : child(f, c);
                if (t != UINT32_MAX || f == 0) {
                    break;
                }
                f = nodes_[f].fail;
            }
            nodes_[v].fail = (t == UINT32_MAX || t == v) ? 0 : t;
            std::uint32_t fl = nodes_[v].fail;
            nodes_[v].dict = nodes_[fl].out != UINT32_MAX ? fl : nodes_[fl].dict;
            queue.push_back(v);
        }
    }
    build_dfa(order);
    built_ = true;
}

void AhoCorasick::build_dfa(const std::vector<std::uint32_t>& order) {
    // One class per byte that some pattern contains, class 0 for the others (they lead every
    // state back to the root).
    class_of_.fill(0);
    classes_ = 1;
    std::array<bool, 256> used{};
    for (const auto& n : nodes_) {
        for (auto [c, child_node] : n.next) {
            used[c] = true;
        }
    }
    for (std::size_t c = 0; c < 256; ++c) {
        if (used[c]) {
            class_of_[c] = static_cast<std::uint8_t>(classes_++);
        }
    }
    delta_.clear();
    if (classes_ > 255 || nodes_.size() * classes_ > kMaxDfaEntries || nodes_.size() >= kReports) {
        return; // too large (or every byte value in the patterns): find_all() uses fail links
    }
    delta_.assign(nodes_.size() * classes_, 0);
    for (std::size_t c = 0; c < 256; ++c) {
        delta_[class_of_[c]] = root_next_[c]; // 0 (the root) where the root has no child
    }
    for (std::uint32_t u : order) {
        std::uint32_t* row = &delta_[std::size_t{u} * classes_];
        const std::uint32_t* fail_row = &delta_[std::size_t{nodes_[u].fail} * classes_];
        std::copy(fail_row, fail_row + classes_, row);
        for (auto [c, v] : nodes_[u].next) {
            row[class_of_[c]] = v;
        }
    }
    // Entries become the offset of the target's row (no multiplication in the scan), with
    // kReports set when some pattern ends at the target, so the scan looks at nodes only there.
    for (auto& target : delta_) {
        const Node& n = nodes_[target];
        const bool reports = n.out != UINT32_MAX || n.dict != UINT32_MAX;
        target = target * classes_ | (reports ? kReports : 0);
    }
}

std::vector<AhoCorasick::Match> AhoCorasick::find_all(std::string_view text) const {
    std::vector<Match> out;
    std::uint32_t state = 0;
    if (!delta_.empty()) {
        std::uint32_t row = 0; // state * classes_
        for (std::size_t i = 0; i < text.size(); ++i) {
            row = delta_[row + class_of_[static_cast<unsigned char>(text[i])]];
            if ((row & kReports) == 0) {
                continue;
            }
            row &= ~kReports;
            state = row / classes_;
            const Node& n = nodes_[state];
            auto end = static_cast<std::uint32_t>(i + 1);
            for (std::uint32_t k = n.out != UINT32_MAX ? state : n.dict; k != UINT32_MAX && k != 0;
                 k = nodes_[k].dict) {
                std::uint32_t p = nodes_[k].out;
                out.push_back({end - lengths_[p], end, p});
            }
        }
        return out;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        while (true) {
            std::uint32_t t = state == 0 ? root_next_[c] : child(state, c);
            if (t != UINT32_MAX && !(state == 0 && t == 0)) {
                state = t;
                break;
            }
            if (state == 0) {
                break;
            }
            state = nodes_[state].fail;
        }
        auto end = static_cast<std::uint32_t>(i + 1);
        for (std::uint32_t n = nodes_[state].out != UINT32_MAX ? state : nodes_[state].dict;
             n != UINT32_MAX && n != 0; n = nodes_[n].dict) {
            std::uint32_t p = nodes_[n].out;
            out.push_back({end - lengths_[p], end, p});
        }
    }
    return out;
}

bool AhoCorasick::bounded(std::string_view text, std::uint32_t begin, std::uint32_t end) const {
    if (utf8::is_ascii_alnum(text[begin]) && begin > 0 && utf8::is_ascii_alnum(text[begin - 1])) {
        return false;
    }
    if (utf8::is_ascii_alnum(text[end - 1]) && end < text.size() &&
        utf8::is_ascii_alnum(text[end])) {
        return false;
    }
    return true;
}

std::vector<AhoCorasick::Match>
AhoCorasick::find_longest(std::string_view text,
                          const std::function<bool(const Match&)>& accept) const {
    auto all = find_all(text);
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&](const Match& m) {
                                 return !bounded(text, m.begin, m.end) || (accept && !accept(m));
                             }),
              all.end());
    std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
        if (a.begin != b.begin) {
            return a.begin < b.begin;
        }
        if (a.end != b.end) {
            return a.end > b.end;
        }
        return a.pattern < b.pattern;
    });
    std::vector<Match> out;
    std::uint32_t covered = 0;
    for (const auto& m : all) {
        if (m.begin >= covered) {
            out.push_back(m);
            covered = m.end;
        }
    }
    return out;
}

bool AhoCorasick::longest_at(std::string_view text, std::size_t pos, Match& out) const {
    std::uint32_t node = 0;
    bool found = false;
    for (std::size_t i = pos; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        node = node == 0 ? (root_next_[c] == 0 ? UINT32_MAX : root_next_[c]) : child(node, c);
        if (node == UINT32_MAX) {
            break;
        }
        if (nodes_[node].out != UINT32_MAX) {
            auto b = static_cast<std::uint32_t>(pos);
            auto e = static_cast<std::uint32_t>(i + 1);
            if (bounded(text, b, e)) {
                out = {b, e, nodes_[node].out};
                found = true;
            }
        }
    }
    return found;
}

} // namespace citegraph
