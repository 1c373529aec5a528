#include "citegraph/exporters/svg_pictures.hpp"

#include "citegraph/engine/error.hpp"
#include "citegraph/engine/text.hpp"
#include "communities.hpp"
#include "relation_family.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace citegraph {
namespace {

constexpr double kFont = 8.5;        // pt: labels
constexpr double kRow = 11.5;        // pt: one label row
constexpr std::size_t kMaxRows = 56; // a column of the neighbourhood picture
constexpr std::array<const char*, 8> kCommunityColours = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#9c755f"};

std::string num(double v) {
    char tmp[32];
    std::snprintf(tmp, sizeof tmp, "%.1f", v);
    std::string s(tmp);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) {
        s.resize(s.size() - 2);
    }
    return s == "-0" ? "0" : s;
}

std::string thousands(std::size_t n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) {
        s.insert(static_cast<std::size_t>(i), ",");
    }
    return s;
}

// Width of `text` at `size` pt: CJK characters a full em, others about 0.56 em.
double text_width(std::string_view text, double size) {
    double w = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = detail::next_code_point(text, pos);
        w += detail::is_cjk(cp) ? 1.0 : 0.56;
    }
    return w * size;
}

// The longest prefix of `text` that fits in `width` pt, with "…" when cut.
std::string fit(const std::string& text, double width, double size) {
    if (text_width(text, size) <= width) {
        return text;
    }
    std::string out;
    double w = 0.56 * size; // the ellipsis
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = detail::next_code_point(text, pos);
        w += (detail::is_cjk(cp) ? 1.0 : 0.56) * size;
        if (w > width) {
            break;
        }
        out.append(text, start, pos - start);
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out + "…";
}

std::string esc(std::string_view s) {
    return xml_escape(detail::xml_safe(s));
}

// "A/RES/68/193 Strengthening the United Nations …": the symbol (or id) and the name.
std::string row_label(const NodeRecord& n, const std::string& lang) {
    const std::string& name = detail::display_name(n, lang); // else the symbol, else the id
    if (n.symbol.empty() || name == n.symbol) {
        return detail::single_line(name);
    }
    return detail::single_line(n.symbol + "  " + name);
}

std::string tooltip(const NodeRecord& n) {
    std::string t = n.id + " (" + std::string(to_string(n.kind)) + ")";
    if (!n.date.empty()) {
        t += " " + n.date;
    }
    for (const auto& [lang, name] : n.names) {
        t += "\n" + lang + ": " + detail::single_line(name);
    }
    return t;
}

bool is_un_document(NodeKind k) {
    return k == NodeKind::Resolution || k == NodeKind::Decision || k == NodeKind::Document;
}

std::string font_family(const ExportOptions& opt) {
    return "'" + opt.font + "', 'Noto Sans', 'DejaVu Sans', sans-serif";
}

std::string header(double width, double height, const ExportOptions& opt,
                   const std::string& title) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "width=\"" +
           num(width) + "pt\" height=\"" + num(height) + "pt\" viewBox=\"0 0 " + num(width) + " " +
           num(height) + "\" font-family=\"" + esc(font_family(opt)) + "\" font-size=\"" +
           num(kFont) + "\">\n<title>" + esc(title) + "</title>\n<rect width=\"" + num(width) +
           "\" height=\"" + num(height) + "\" fill=\"white\"/>\n";
}

// The legend of the families in `present` (a bit per family), in rows from (x, y); returns
// the y under it.
double family_legend(std::string& out, unsigned present, double x, double y, double width,
                     const std::string& note) {
    out += "<g class=\"legend\">\n";
    double cx = x;
    for (std::size_t f = 0; f < detail::kFamilyCount; ++f) {
        if ((present & (1u << f)) == 0) {
            continue;
        }
        const std::string name(detail::kFamilies[f].name);
        const double w = 16 + text_width(name, kFont) + 14;
        if (cx + w > x + width && cx > x) {
            cx = x;
            y += kRow;
        }
        out += "<line x1=\"" + num(cx) + "\" y1=\"" + num(y - 3) + "\" x2=\"" + num(cx + 12) +
               "\" y2=\"" + num(y - 3) + "\" stroke=\"" + std::string(detail::kFamilies[f].colour) +
               "\" stroke-width=\"2.5\"/><text x=\"" + num(cx + 16) + "\" y=\"" + num(y) + "\">" +
               esc(name) + "</text>\n";
        cx += w;
    }
    y += kRow;
    out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" fill=\"#555\">" + esc(note) +
           "</text>\n</g>\n";
    return y + kRow;
}

struct Neighbour {
    std::string id; // empty for an aggregate row
    const NodeRecord* node = nullptr;
    std::size_t citations = 0;
    std::array<std::size_t, detail::kFamilyCount> by_family{};
    std::size_t family = 0;
    std::size_t hidden = 0; // aggregate rows: how many neighbours
};

// Caps a column at kMaxRows: the most cited neighbours stay, the rest of each family becomes
// one "+N more" row. Sorted by family, then citations (descending), then id.
std::vector<Neighbour> cap_column(std::vector<Neighbour> all) {
    auto by_weight = [](const Neighbour& a, const Neighbour& b) {
        return a.citations != b.citations ? a.citations > b.citations : a.id < b.id;
    };
    std::sort(all.begin(), all.end(), by_weight);
    std::vector<Neighbour> keep = all;
    if (all.size() > kMaxRows) {
        std::size_t k = kMaxRows;
        for (int round = 0; round < 10; ++round) {
            std::set<std::size_t> overflow;
            for (std::size_t i = k; i < all.size(); ++i) {
                overflow.insert(all[i].family);
            }
            const std::size_t next = kMaxRows - overflow.size();
            if (next == k) {
                break;
            }
            k = next;
        }
        keep.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k));
        std::map<std::size_t, Neighbour> rest;
        for (std::size_t i = k; i < all.size(); ++i) {
            Neighbour& r = rest[all[i].family];
            r.family = all[i].family;
            r.citations += all[i].citations;
            ++r.hidden;
        }
        for (auto& [family, r] : rest) {
            keep.push_back(r);
        }
    }
    std::stable_sort(keep.begin(), keep.end(), [](const Neighbour& a, const Neighbour& b) {
        if (a.family != b.family) {
            return a.family < b.family;
        }
        if ((a.hidden > 0) != (b.hidden > 0)) {
            return b.hidden > 0; // the "+N more" row last in its family
        }
        return a.citations != b.citations ? a.citations > b.citations : a.id < b.id;
    });
    return keep;
}

double stroke_width(std::size_t citations) {
    return std::min(4.0, 0.7 + 0.8 * std::log2(static_cast<double>(citations)));
}

} // namespace

std::string neighbourhood_svg(const CitationGraph& g, const std::string& focus,
                              const ExportOptions& opt) {
    const auto fv = g.find(focus);
    if (!fv) {
        throw Error("neighbourhood picture: no node '" + focus + "' in the graph");
    }
    const auto& bg = g.boost_graph();
    std::map<std::string, Neighbour> cites, cited_by;
    std::size_t out_citations = 0, in_citations = 0;
    for (auto e : g.sorted_edges()) {
        const auto s = boost::source(e, bg), t = boost::target(e, bg);
        if (s == t || (s != *fv && t != *fv)) {
            continue;
        }
        const bool out = s == *fv;
        const NodeRecord& other = g.node(out ? t : s);
        Neighbour& n = (out ? cites : cited_by)[other.id];
        n.id = other.id;
        n.node = &other;
        ++n.citations;
        ++n.by_family[detail::family_of(g.props(e).relation)];
        ++(out ? out_citations : in_citations);
    }
    unsigned present = 0;
    auto column = [&](std::map<std::string, Neighbour>& m) {
        std::vector<Neighbour> v;
        for (auto& [id, n] : m) {
            n.family = static_cast<std::size_t>(
                std::max_element(n.by_family.begin(), n.by_family.end()) - n.by_family.begin());
            for (std::size_t f = 0; f < detail::kFamilyCount; ++f) {
                if (n.by_family[f] > 0) {
                    present |= 1u << f;
                }
            }
            v.push_back(n);
        }
        return cap_column(std::move(v));
    };
    const auto left = column(cited_by);
    const auto right = column(cites);

    const NodeRecord& f = g.node(*fv);
    const double width = 595;
    const double top = 92;
    const std::size_t rows = std::max<std::size_t>({left.size(), right.size(), 1});
    const double columns_height = static_cast<double>(rows) * kRow;
    const double legend_top = top + columns_height + 22;
    const double height = legend_top + 3 * kRow + 16;
    const double cx = width / 2, cy = top + columns_height / 2 - kRow / 2;
    const double left_dot = 212, right_dot = width - 212;
    const double label_width = left_dot - 6 - 24;

    const std::string head = f.symbol.empty() ? f.id : f.symbol;
    std::string out = header(width, height, opt, head + ": one hop");
    // Title: the focus and its name (two lines at most), then the counts.
    out += "<text x=\"24\" y=\"28\" font-size=\"13\" font-weight=\"bold\">" + esc(head) +
           (f.date.empty()
                ? ""
                : "  <tspan font-weight=\"normal\" fill=\"#555\">" + esc(f.date) + "</tspan>") +
           "</text>\n";
    const std::string& name = detail::display_name(f, opt.lang);
    if (name != head && name != f.id) {
        const std::string wrapped = detail::wrap_text(detail::single_line(name), 100, 2);
        double y = 43;
        std::size_t start = 0;
        while (start <= wrapped.size()) {
            const auto nl = wrapped.find('\n', start);
            const std::string line =
                wrapped.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            out += "<text x=\"24\" y=\"" + num(y) + "\" font-size=\"9.5\">" +
                   esc(fit(line, width - 48, 9.5)) + "</text>\n";
            y += 12;
            if (nl == std::string::npos) {
                break;
            }
            start = nl + 1;
        }
    }
    out += "<text x=\"" + num(left_dot) + "\" y=\"" + num(top - 12) +
           "\" text-anchor=\"end\" font-weight=\"bold\">Cited by " + thousands(cited_by.size()) +
           " (" + thousands(in_citations) + " citations)</text>\n";
    out += "<text x=\"" + num(right_dot) + "\" y=\"" + num(top - 12) +
           "\" font-weight=\"bold\">Cites " + thousands(cites.size()) + " (" +
           thousands(out_citations) + " citations)</text>\n";

    // Curves first, then dots and labels over them.
    const double box_half = std::min(80.0, text_width(head, 10) / 2 + 8);
    auto draw_column = [&](const std::vector<Neighbour>& col, bool is_left) {
        const double offset = (columns_height - static_cast<double>(col.size()) * kRow) / 2;
        std::string curves, labels;
        for (std::size_t i = 0; i < col.size(); ++i) {
            const Neighbour& n = col[i];
            const double y = top + offset + static_cast<double>(i) * kRow;
            const double dot = is_left ? left_dot : right_dot;
            const double from = is_left ? cx - box_half : cx + box_half;
            const double mid = (dot + from) / 2;
            const std::string colour(detail::kFamilies[n.family].colour);
            curves += "<path d=\"M" + num(from) + " " + num(cy) + " C" + num(mid) + " " + num(cy) +
                      " " + num(mid) + " " + num(y - 3) + " " + num(dot) + " " + num(y - 3) +
                      "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" +
                      num(stroke_width(n.citations)) + "\" stroke-opacity=\"0.7\"" +
                      (n.hidden > 0 ? " stroke-dasharray=\"3 2\"" : "") + "/>\n";
            std::string text;
            if (n.hidden > 0) {
                text = "+" + thousands(n.hidden) + " more (" +
                       std::string(detail::kFamilies[n.family].name) + ")";
            } else {
                text = row_label(*n.node, opt.lang);
            }
            // the count stays when the name is cut
            const std::string count = n.citations > 1 ? " ×" + std::to_string(n.citations) : "";
            const std::string shown =
                fit(text, label_width - text_width(count, kFont), kFont) + count;
            labels += "<circle cx=\"" + num(dot) + "\" cy=\"" + num(y - 3) +
                      "\" r=\"2.6\" fill=\"" + colour + "\"/>";
            std::string t = "<text x=\"" + num(is_left ? dot - 6 : dot + 6) + "\" y=\"" + num(y) +
                            "\"" + (is_left ? " text-anchor=\"end\"" : "") +
                            (n.hidden > 0 ? " fill=\"#555\" font-style=\"italic\"" : "") + ">" +
                            (n.node ? "<title>" + esc(tooltip(*n.node)) + "</title>" : "") +
                            esc(shown) + "</text>";
            if (n.node && is_un_document(n.node->kind)) {
                t = "<a xlink:href=\"https://undocs.org/" + esc(detail::iri_escape(n.id)) + "\">" +
                    t + "</a>";
            }
            labels += t + "\n";
        }
        return std::make_pair(curves, labels);
    };
    const auto [lc, ll] = draw_column(left, true);
    const auto [rc, rl] = draw_column(right, false);
    out += "<g class=\"edges\">\n" + lc + rc + "</g>\n<g class=\"nodes\">\n" + ll + rl + "</g>\n";
    // The focus, highlighted.
    out += "<g class=\"focus\"><title>" + esc(tooltip(f)) + "</title><rect x=\"" +
           num(cx - box_half) + "\" y=\"" + num(cy - 11) + "\" width=\"" + num(2 * box_half) +
           "\" height=\"22\" rx=\"4\" fill=\"#fff3c4\" stroke=\"#000\" stroke-width=\"1.6\"/>"
           "<text x=\"" +
           num(cx) + "\" y=\"" + num(cy + 3.5) +
           "\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\">" +
           esc(fit(head, 2 * box_half - 8, 10)) + "</text></g>\n";
    family_legend(out, present, 24, legend_top, width - 48,
                  "Colour: relation family (most citations); width: citations merged into one "
                  "line; dashed: neighbours not listed, merged per family.");
    out += "</svg>\n";
    return out;
}

std::string overview_svg(const CitationGraph& g, const ExportOptions& opt) {
    const auto order = g.id_order();
    const auto& vertices = order->by_id;
    const std::size_t n = vertices.size();
    const auto weights = detail::undirected_weights(g);
    const auto community = detail::louvain(weights);
    // cited by: distinct citing nodes
    std::vector<std::set<std::uint32_t>> citing(n);
    const auto& bg = g.boost_graph();
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        const auto s = order->rank[boost::source(*it, bg)], t = order->rank[boost::target(*it, bg)];
        if (s != t) {
            citing[t].insert(s);
        }
    }
    int k = 0;
    for (int c : community) {
        k = std::max(k, c + 1);
    }
    const int shown = std::min(k, static_cast<int>(kCommunityColours.size()));
    std::vector<std::size_t> size(static_cast<std::size_t>(k), 0);
    std::vector<std::vector<std::uint32_t>> members(static_cast<std::size_t>(k));
    std::size_t unconnected = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (community[i] < 0) {
            ++unconnected;
            continue;
        }
        ++size[static_cast<std::size_t>(community[i])];
        members[static_cast<std::size_t>(community[i])].push_back(i);
    }
    // Citations between the communities drawn (both ways merged), and within each.
    std::map<std::pair<int, int>, std::size_t> between;
    std::vector<std::size_t> within(static_cast<std::size_t>(k), 0);
    std::size_t citations = 0;
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        ++citations;
        const int a = community[order->rank[boost::source(*it, bg)]];
        const int b = community[order->rank[boost::target(*it, bg)]];
        if (a < 0 || b < 0) {
            continue;
        }
        if (a == b) {
            ++within[static_cast<std::size_t>(a)];
        } else if (a < shown && b < shown) {
            ++between[{std::min(a, b), std::max(a, b)}];
        }
    }

    const double width = 842, height = 595;
    const double cx = 421, cy = 322, ring = 150;
    std::string out = header(width, height, opt, "citegraph overview");
    out += "<text x=\"24\" y=\"28\" font-size=\"13\" font-weight=\"bold\">" + thousands(n) +
           " nodes · " + thousands(citations) + " citations · " + std::to_string(k) +
           " communities (Louvain)</text>\n";
    out += "<text x=\"24\" y=\"43\" font-size=\"9.5\" fill=\"#444\">The " + std::to_string(shown) +
           " largest communities; disc area: nodes; line: citations between two communities "
           "(both ways); beside each, its most cited members (cited by N works).</text>\n";
    std::size_t rest_nodes = unconnected;
    for (int c = shown; c < k; ++c) {
        rest_nodes += size[static_cast<std::size_t>(c)];
    }
    out += "<text x=\"24\" y=\"56\" font-size=\"9.5\" fill=\"#444\">Not drawn: " +
           thousands(rest_nodes) + " nodes in " + std::to_string(std::max(0, k - shown)) +
           " smaller communities or without citations.</text>\n";

    std::vector<double> px(static_cast<std::size_t>(shown)), py(px), pr(px);
    const double biggest = shown > 0 ? static_cast<double>(size[0]) : 1.0;
    for (int c = 0; c < shown; ++c) {
        const double angle = -M_PI / 2 + 2 * M_PI * c / std::max(1, shown);
        px[static_cast<std::size_t>(c)] = cx + ring * std::cos(angle);
        py[static_cast<std::size_t>(c)] = cy + ring * std::sin(angle);
        pr[static_cast<std::size_t>(c)] =
            6 + 34 * std::sqrt(static_cast<double>(size[static_cast<std::size_t>(c)]) / biggest);
    }
    std::size_t max_between = 1;
    for (const auto& [pair, w] : between) {
        max_between = std::max(max_between, w);
    }
    out += "<g class=\"edges\">\n";
    for (const auto& [pair, w] : between) {
        const auto a = static_cast<std::size_t>(pair.first),
                   b = static_cast<std::size_t>(pair.second);
        const double sw = 0.5 + 9.0 * std::sqrt(static_cast<double>(w) / max_between);
        out += "<line x1=\"" + num(px[a]) + "\" y1=\"" + num(py[a]) + "\" x2=\"" + num(px[b]) +
               "\" y2=\"" + num(py[b]) +
               "\" stroke=\"#777\" stroke-opacity=\"0.45\" stroke-width=\"" + num(sw) +
               "\"><title>" + thousands(w) + " citations</title></line>\n";
    }
    out += "</g>\n<g class=\"communities\">\n";
    // Label blocks beside the discs: right of the ring left-aligned, left of it right-aligned;
    // blocks on one side are stacked without overlap.
    struct Block {
        int c;
        double y;
    };
    std::vector<Block> right_side, left_side;
    for (int c = 0; c < shown; ++c) {
        (px[static_cast<std::size_t>(c)] >= cx - 1 ? right_side : left_side)
            .push_back({c, py[static_cast<std::size_t>(c)]});
    }
    constexpr std::size_t kMembers = 4;
    const double block_height = (kMembers + 1) * kRow + 6;
    auto place = [&](std::vector<Block>& side) {
        std::sort(side.begin(), side.end(), [](const Block& a, const Block& b) {
            return a.y != b.y ? a.y < b.y : a.c < b.c;
        });
        double last = 70;
        for (auto& b : side) {
            b.y = std::max(b.y - block_height / 2, last);
            last = b.y + block_height;
        }
        // pushed past the bottom: shift the stack up
        const double overflow = last - (height - 12);
        if (overflow > 0) {
            for (auto& b : side) {
                b.y -= overflow;
            }
        }
    };
    place(right_side);
    place(left_side);
    auto draw = [&](const Block& b, bool right) {
        const auto c = static_cast<std::size_t>(b.c);
        auto& m = members[c];
        std::sort(m.begin(), m.end(), [&](std::uint32_t x, std::uint32_t y) {
            return citing[x].size() != citing[y].size() ? citing[x].size() > citing[y].size()
                                                        : x < y;
        });
        const double tx = right ? cx + ring + 50 : cx - ring - 50;
        const double avail = right ? width - tx - 16 : tx - 16;
        const char* anchor = right ? "" : " text-anchor=\"end\"";
        out += "<line x1=\"" + num(px[c] + (right ? pr[c] : -pr[c])) + "\" y1=\"" + num(py[c]) +
               "\" x2=\"" + num(tx + (right ? -4 : 4)) + "\" y2=\"" + num(b.y + kRow - 3) +
               "\" stroke=\"" + kCommunityColours[c] + "\" stroke-width=\"0.8\"/>\n";
        out += "<text x=\"" + num(tx) + "\" y=\"" + num(b.y + kRow) + "\"" + anchor +
               " font-weight=\"bold\" fill=\"" + kCommunityColours[c] + "\">" +
               esc("Community " + std::to_string(b.c + 1) + ": " + thousands(size[c]) + " nodes, " +
                   thousands(within[c]) + " citations inside") +
               "</text>\n";
        for (std::size_t j = 0; j < std::min(kMembers, m.size()); ++j) {
            const NodeRecord& node = g.node(vertices[m[j]]);
            const std::string count = " (" + thousands(citing[m[j]].size()) + ")";
            const std::string text =
                fit(row_label(node, opt.lang), avail - text_width(count, kFont), kFont) + count;
            out += "<text x=\"" + num(tx) + "\" y=\"" + num(b.y + kRow * (2 + j)) + "\"" + anchor +
                   "><title>" + esc(tooltip(node)) + "</title>" + esc(text) + "</text>\n";
        }
    };
    for (int c = 0; c < shown; ++c) {
        const auto i = static_cast<std::size_t>(c);
        out += "<circle cx=\"" + num(px[i]) + "\" cy=\"" + num(py[i]) + "\" r=\"" + num(pr[i]) +
               "\" fill=\"" + kCommunityColours[i] +
               "\" fill-opacity=\"0.85\" stroke=\"#333\" stroke-width=\"0.6\"/>"
               "<text x=\"" +
               num(px[i]) + "\" y=\"" + num(py[i] + 3) +
               "\" text-anchor=\"middle\" font-weight=\"bold\">" + std::to_string(c + 1) +
               "</text>\n";
    }
    for (const auto& b : right_side) {
        draw(b, true);
    }
    for (const auto& b : left_side) {
        draw(b, false);
    }
    out += "</g>\n</svg>\n";
    return out;
}

} // namespace citegraph
