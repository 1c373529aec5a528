#include "citegraph/engine/resolve.hpp"

#include "citegraph/engine/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <tuple>

namespace citegraph {

namespace {

using Vertex = CitationGraph::Vertex;

// The lower-case letter of a cased letter of the Latin, Greek and Cyrillic blocks (Basic
// Latin, Latin-1, Latin Extended-A, Greek capitals, Cyrillic), else `cp`.
char32_t lower(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') {
        return cp + 32;
    }
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
        return cp + 0x20;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        bool even_upper =
            (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0 && cp != 0x130;
        bool odd_upper =
            ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && cp % 2 == 1;
        if (cp == 0x178) {
            return 0xFF;
        }
        return even_upper || odd_upper ? cp + 1 : cp;
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) {
        return cp + 0x20;
    }
    if (cp >= 0x410 && cp <= 0x42F) {
        return cp + 0x20;
    }
    if (cp >= 0x400 && cp <= 0x40F) {
        return cp + 0x50;
    }
    return cp;
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000 ||
           cp == 0x202F || cp == 0x2009;
}

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        auto cp = decode_utf8(s, i);
        if (!cp) {
            out.push_back(static_cast<unsigned char>(s[i]));
            ++i;
        } else {
            out.push_back(*cp);
        }
    }
    return out;
}

// Levenshtein distance over code points; any value above `bound` is returned as bound + 1.
std::size_t distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b,
                     std::size_t bound) {
    std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (diff > bound) {
        return bound + 1;
    }
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > bound) {
            return bound + 1;
        }
        std::swap(prev, cur);
    }
    return std::min(prev[b.size()], bound + 1);
}

// The words of a folded form: runs between spaces and ASCII punctuation, of 4 bytes or more
// (so "the", "of", "de" do not make two names similar; one CJK character is 3 bytes).
std::set<std::string> words(std::string_view s) {
    std::set<std::string> out;
    std::string w;
    auto flush = [&] {
        if (w.size() >= 4) {
            out.insert(w);
        }
        w.clear();
    };
    for (char c : s) {
        bool sep = c == ' ' || (c > 0 && c < 0x7F && !(c >= '0' && c <= '9') &&
                                !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z'));
        if (sep) {
            flush();
        } else {
            w += c;
        }
    }
    flush();
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

NodeResolver::NodeResolver(const CitationGraph& g,
                           const std::vector<std::pair<std::string, std::string>>& variants)
    : g_(g) {
    for (const auto& [from, to] : variants) {
        auto cps = code_points(from);
        if (cps.size() == 1) {
            variants_.emplace(cps[0], to);
        }
    }
    for (auto [it, end] = boost::vertices(g.boost_graph()); it != end; ++it) {
        const NodeRecord& n = g.node(*it);
        by_id_[fold(n.id)].push_back(*it);
        add_form(fold(n.id), *it);
        if (auto colon = n.id.find(':'); colon != std::string::npos) {
            add_form(fold(std::string_view(n.id).substr(colon + 1)), *it); // "cbd", "unodc"
        }
        if (!n.symbol.empty()) {
            add_form(fold(n.symbol), *it);
        }
        for (const auto& kv : n.names) {
            add_form(fold(kv.second), *it);
        }
    }
}

void NodeResolver::add_form(const std::string& folded, Vertex v) {
    if (folded.empty()) {
        return;
    }
    auto& vs = by_form_[folded];
    if (std::find(vs.begin(), vs.end(), v) == vs.end()) {
        vs.push_back(v);
    }
}

void NodeResolver::add_alias(std::string_view text, std::string_view id) {
    if (auto v = g_.find(id)) {
        add_form(fold(text), *v);
    }
}

std::string NodeResolver::fold(std::string_view text) const {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size();) {
        auto cp = decode_utf8(text, i);
        if (!cp) {
            out += text[i]; // not UTF-8: compared byte for byte
            ++i;
            continue;
        }
        char32_t c = *cp;
        if (auto v = variants_.find(c); v != variants_.end()) {
            if (space && !out.empty()) {
                out += ' ';
            }
            space = false;
            out += v->second;
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            c -= 0xFEE0; // fullwidth ASCII
        }
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (c == 0x2019 || c == 0x2018) {
            c = '\'';
        }
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        append_utf8(out, lower(c));
    }
    return out;
}

std::optional<Vertex> NodeResolver::find(std::string_view text) const {
    if (text.empty()) {
        return std::nullopt;
    }
    if (auto v = g_.find(text)) {
        return v;
    }
    std::string f = fold(text);
    auto slash = f.find('/');
    if (slash != std::string::npos && all_digits(std::string_view(f).substr(0, slash)) &&
        all_digits(std::string_view(f).substr(slash + 1))) {
        if (auto v = g_.find("A/RES/" + f)) {
            return v;
        }
    }
    auto smallest = [&](const std::vector<Vertex>& vs) {
        return *std::min_element(vs.begin(), vs.end(),
                                 [&](Vertex a, Vertex b) { return g_.node(a).id < g_.node(b).id; });
    };
    if (auto it = by_id_.find(f); it != by_id_.end()) {
        return smallest(it->second);
    }
    if (auto it = by_id_.find("body:" + f); it != by_id_.end()) {
        return smallest(it->second);
    }
    if (auto it = by_form_.find(f); it != by_form_.end()) {
        return smallest(it->second);
    }
    return std::nullopt;
}

std::string NodeResolver::find_body(std::string_view text) const {
    if (auto v = find(text)) {
        return g_.node(*v).id;
    }
    std::string f = fold(text);
    std::set<std::string> bodies;
    for (auto [it, end] = boost::vertices(g_.boost_graph()); it != end; ++it) {
        if (!g_.node(*it).body.empty()) {
            bodies.insert(g_.node(*it).body);
        }
    }
    for (const std::string& id : {std::string(text), f, "body:" + f}) {
        if (bodies.count(id) > 0) {
            return id;
        }
    }
    return {};
}

std::vector<std::string> NodeResolver::suggest(std::string_view text, std::size_t n,
                                               const LanguagePreference& prefer) const {
    const std::string f = fold(text);
    const auto q = code_points(f);
    const auto qwords = words(f);
    const std::size_t bound = std::max<std::size_t>(2, q.size() / 3);
    // (class, value) per vertex, lower is better: 0 = within edit distance `bound` (value:
    // the distance); 1 = one contains the other (value: the length difference); 2 = shares
    // at least half of the query's words of four bytes or more (value: minus their number).
    std::map<Vertex, std::pair<int, long>> best;
    auto offer = [&](Vertex v, std::pair<int, long> s) {
        auto it = best.find(v);
        if (it == best.end() || s < it->second) {
            best[v] = s;
        }
    };
    for (const auto& [form, vs] : by_form_) {
        std::pair<int, long> s{3, 0};
        auto cps = code_points(form);
        std::size_t d = distance(q, cps, bound);
        if (d <= bound) {
            s = {0, static_cast<long>(d)};
        } else if (f.size() >= 3 && (form.find(f) != std::string::npos ||
                                     (form.size() >= 3 && f.find(form) != std::string::npos))) {
            s = {1, std::labs(static_cast<long>(form.size()) - static_cast<long>(f.size()))};
        } else {
            long shared = 0;
            for (const auto& w : words(form)) {
                shared += qwords.count(w) > 0 ? 1 : 0;
            }
            // At least half of the query's words: one shared "this" or "world" is no likeness.
            if (shared > 0 && 2 * static_cast<std::size_t>(shared) >= qwords.size()) {
                s = {2, -shared};
            }
        }
        if (s.first < 3) {
            for (Vertex v : vs) {
                offer(v, s);
            }
        }
    }
    std::vector<std::tuple<std::pair<int, long>, std::string, Vertex>> rows;
    for (const auto& [v, s] : best) {
        rows.emplace_back(s, g_.node(v).id, v);
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < rows.size() && i < n; ++i) {
        const NodeRecord& node = g_.node(std::get<2>(rows[i]));
        const std::string name = display_name(node, prefer);
        out.push_back(node.id + (name.empty() ? "" : " (" + name + ")"));
    }
    return out;
}

} // namespace citegraph
