#include "citegraph/exporters/html_exporter.hpp"

#include "citegraph/engine/error.hpp"
#include "communities.hpp"
#include "relation_family.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

namespace citegraph {
namespace {

constexpr std::string_view kLibrariesMarker = "<!-- citegraph:libraries -->";
constexpr std::string_view kDataMarker = "<!-- citegraph:data -->";

struct Library {
    const char* path; // under web_dir
    const char* what;
};
constexpr Library kLibraries[] = {
    {"node_modules/graphology/dist/graphology.umd.min.js", "graphology"},
    {"node_modules/sigma/dist/sigma.min.js", "sigma.js"},
};

std::string read_asset(const std::string& web_dir, const std::string& rel, const char* what) {
    const std::string path = (web_dir.empty() ? std::string(".") : web_dir) + "/" + rel;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error("html export: cannot read " + std::string(what) + " at " + path +
                    " (install the page's libraries with scripts/install-web.sh, or point "
                    "--data at a data folder that has web/)");
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Buffers small writes into large ones.
class Sink {
  public:
    explicit Sink(const std::function<void(std::string_view)>& out) : out_(out) {}
    ~Sink() = default;
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;

    void raw(std::string_view s) {
        buf_ += s;
        if (buf_.size() >= (1u << 16)) {
            flush();
        }
    }
    void raw(char c) { buf_ += c; }
    void number(double v) {
        char tmp[32];
        std::snprintf(tmp, sizeof tmp, "%.2f", v);
        std::string_view t(tmp);
        while (t.find('.') != std::string_view::npos && (t.back() == '0' || t.back() == '.')) {
            const bool dot = t.back() == '.';
            t.remove_suffix(1);
            if (dot) {
                break;
            }
        }
        if (t == "-0") {
            t = "0";
        }
        raw(t);
    }
    void integer(long long v) { raw(std::to_string(v)); }
    // A JSON string; '<' '>' '&' as \u escapes so that no "</script" or "<!--" can appear.
    void string(std::string_view s) {
        const std::string valid = detail::valid_utf8(s);
        buf_ += '"';
        for (unsigned char c : valid) {
            switch (c) {
            case '"':
                buf_ += "\\\"";
                break;
            case '\\':
                buf_ += "\\\\";
                break;
            case '\n':
                buf_ += "\\n";
                break;
            case '\t':
                buf_ += "\\t";
                break;
            case '<':
                buf_ += "\\u003c";
                break;
            case '>':
                buf_ += "\\u003e";
                break;
            case '&':
                buf_ += "\\u0026";
                break;
            default:
                if (c < 0x20) {
                    char tmp[8];
                    std::snprintf(tmp, sizeof tmp, "\\u%04x", c);
                    buf_ += tmp;
                } else {
                    buf_ += static_cast<char>(c);
                }
            }
        }
        buf_ += '"';
        if (buf_.size() >= (1u << 16)) {
            flush();
        }
    }
    void flush() {
        if (!buf_.empty()) {
            out_(buf_);
            buf_.clear();
        }
    }

  private:
    const std::function<void(std::string_view)>& out_;
    std::string buf_;
};

template <class List, class F> void array(Sink& s, const List& list, F each) {
    s.raw('[');
    bool first = true;
    for (const auto& item : list) {
        if (!first) {
            s.raw(',');
        }
        first = false;
        each(item);
    }
    s.raw(']');
}

void write_data(Sink& s, const CitationGraph& g) {
    const auto& bg = g.boost_graph();
    const auto order = g.id_order();
    const auto& vertices = order->by_id;
    const std::size_t n = vertices.size();

    // Merged edges: consecutive in sorted_edges() order (source id, target id, ...).
    struct Merged {
        std::uint32_t source, target, weight = 0, families = 0, languages = 0;
    };
    std::vector<Merged> merged;
    struct Cite {
        std::uint32_t edge;
        Relation relation;
        Role role;
        std::uint32_t language, paragraph, text;
    };
    std::vector<Cite> cites;
    std::vector<std::string> languages = detail::name_languages(g);
    auto language_index = [&](const std::string& l) {
        auto it = std::find(languages.begin(), languages.end(), l);
        if (it == languages.end()) {
            languages.push_back(l);
            return static_cast<std::uint32_t>(languages.size() - 1);
        }
        return static_cast<std::uint32_t>(it - languages.begin());
    };
    std::vector<std::string> paragraphs;
    std::unordered_map<std::string, std::uint32_t> paragraph_index;
    std::vector<std::string_view> texts;
    std::unordered_map<std::string_view, std::uint32_t> text_index;
    const auto sorted = g.sorted_edges();
    for (auto e : sorted) {
        const std::uint32_t s_rank = order->rank[boost::source(e, bg)];
        const std::uint32_t t_rank = order->rank[boost::target(e, bg)];
        if (merged.empty() || merged.back().source != s_rank || merged.back().target != t_rank) {
            merged.push_back({s_rank, t_rank});
        }
        const auto p = g.provenance(e);
        Merged& m = merged.back();
        ++m.weight;
        m.families |= 1u << detail::family_of(g.props(e).relation);
        const std::uint32_t lang = language_index(p.language);
        if (lang < 32) {
            m.languages |= 1u << lang;
        }
        auto [pit, pnew] =
            paragraph_index.try_emplace(p.paragraph, static_cast<std::uint32_t>(paragraphs.size()));
        if (pnew) {
            paragraphs.push_back(p.paragraph);
        }
        auto [tit, tnew] = text_index.try_emplace(p.text, static_cast<std::uint32_t>(texts.size()));
        if (tnew) {
            texts.push_back(p.text);
        }
        cites.push_back({static_cast<std::uint32_t>(merged.size() - 1), g.props(e).relation,
                         g.props(e).role, lang, pit->second, tit->second});
    }

    // Cited by: distinct citing nodes. The layout puts the nodes with most neighbours (either
    // way) in the middle of their community.
    std::vector<double> cited_by(n, 0.0), neighbours(n, 0.0);
    for (const auto& m : merged) {
        if (m.source != m.target) {
            cited_by[m.target] += 1.0;
            neighbours[m.target] += 1.0;
            neighbours[m.source] += 1.0;
        }
    }
    const auto community = detail::louvain(detail::undirected_weights(g));
    const auto pos = detail::cluster_layout(community, neighbours);
    int communities = 0;
    for (int c : community) {
        communities = std::max(communities, c + 1);
    }

    // Organs: the issuing bodies named by nodes.
    std::map<std::string, int> organ_index;
    for (auto v : vertices) {
        if (!g.node(v).body.empty()) {
            organ_index.emplace(g.node(v).body, 0);
        }
    }
    std::vector<std::pair<std::string, std::string>> organs; // id, label
    for (auto& [id, index] : organ_index) {
        index = static_cast<int>(organs.size());
        std::string label = id;
        if (auto v = g.find(id)) {
            label = detail::display_name(g.node(*v), "en");
        }
        organs.emplace_back(id, label);
    }

    s.raw("{\"meta\":{\"nodes\":");
    s.integer(static_cast<long long>(n));
    s.raw(",\"edges\":");
    s.integer(static_cast<long long>(merged.size()));
    s.raw(",\"citations\":");
    s.integer(static_cast<long long>(cites.size()));
    s.raw(",\"communities\":");
    s.integer(communities);
    s.raw(",\"kinds\":");
    std::vector<std::string_view> names;
    for (std::size_t k = 0; k < kNodeKindCount; ++k) {
        names.push_back(to_string(static_cast<NodeKind>(k)));
    }
    array(s, names, [&](std::string_view x) { s.string(x); });
    s.raw(",\"relations\":");
    names.clear();
    for (std::size_t r = 0; r < kRelationCount; ++r) {
        names.push_back(to_string(static_cast<Relation>(r)));
    }
    array(s, names, [&](std::string_view x) { s.string(x); });
    s.raw(",\"familyOf\":");
    array(s, detail::kFamilyOf, [&](std::uint8_t f) { s.integer(f); });
    s.raw(",\"roles\":");
    names.clear();
    for (std::size_t r = 0; r < kRoleCount; ++r) {
        names.push_back(to_string(static_cast<Role>(r)));
    }
    array(s, names, [&](std::string_view x) { s.string(x); });
    s.raw(",\"families\":");
    array(s, detail::kFamilies, [&](const detail::RelationFamily& f) {
        s.raw('[');
        s.string(f.name);
        s.raw(',');
        s.string(f.colour);
        s.raw(']');
    });
    s.raw(",\"languages\":");
    array(s, languages, [&](const std::string& x) { s.string(x); });
    s.raw(",\"organs\":");
    array(s, organs, [&](const auto& o) {
        s.raw('[');
        s.string(o.first);
        s.raw(',');
        s.string(o.second);
        s.raw(']');
    });
    s.raw(",\"paragraphs\":");
    array(s, paragraphs, [&](const std::string& x) { s.string(x); });
    s.raw("},\n\"nodes\":[");
    for (std::size_t i = 0; i < n; ++i) {
        const NodeRecord& node = g.node(vertices[i]);
        s.raw(i == 0 ? "\n[" : ",\n[");
        s.string(node.id);
        s.raw(',');
        s.integer(static_cast<int>(node.kind));
        s.raw(',');
        s.string(node.symbol);
        s.raw(",{");
        bool first = true;
        for (const auto& [lang, name] : node.names) {
            if (lang.empty() || name.empty()) {
                continue;
            }
            if (!first) {
                s.raw(',');
            }
            first = false;
            s.string(lang);
            s.raw(':');
            s.string(detail::single_line(name));
        }
        s.raw("},");
        s.string(node.date);
        s.raw(',');
        s.integer(node.body.empty() ? -1 : organ_index[node.body]);
        s.raw(',');
        s.integer(static_cast<long long>(cited_by[i]));
        s.raw(',');
        s.integer(community[i]);
        s.raw(',');
        s.number(pos[i].x);
        s.raw(',');
        s.number(-pos[i].y); // sigma's y axis points up
        s.raw(']');
    }
    s.raw("],\n\"edges\":[");
    for (std::size_t i = 0; i < merged.size(); ++i) {
        const auto& m = merged[i];
        s.raw(i == 0 ? "\n[" : ",\n[");
        s.integer(m.source);
        s.raw(',');
        s.integer(m.target);
        s.raw(',');
        s.integer(m.weight);
        s.raw(',');
        s.integer(m.families);
        s.raw(',');
        s.integer(m.languages);
        s.raw(']');
    }
    s.raw("],\n\"cites\":[");
    for (std::size_t i = 0; i < cites.size(); ++i) {
        const auto& c = cites[i];
        s.raw(i == 0 ? "\n[" : ",\n[");
        s.integer(c.edge);
        s.raw(',');
        s.integer(static_cast<int>(c.relation));
        s.raw(',');
        s.integer(static_cast<int>(c.role));
        s.raw(',');
        s.integer(c.language);
        s.raw(',');
        s.integer(c.paragraph);
        s.raw(',');
        s.integer(c.text);
        s.raw(']');
    }
    s.raw("],\n\"texts\":[");
    for (std::size_t i = 0; i < texts.size(); ++i) {
        s.raw(i == 0 ? "\n" : ",\n");
        s.string(detail::single_line(texts[i]));
    }
    s.raw("]}\n");
}

} // namespace

namespace {

struct Page {
    std::string web_dir, page;
    std::vector<std::string> libraries;
    std::size_t lib_at = 0, data_at = 0;
};

// Reads every asset; throws Error naming the missing or broken one.
Page load_page(const ExportOptions& opt) {
    Page p;
    p.web_dir = opt.web_dir;
    p.page = read_asset(opt.web_dir, "explorer.html", "the explorer page");
    for (const auto& lib : kLibraries) {
        p.libraries.push_back(read_asset(opt.web_dir, lib.path, lib.what));
        if (p.libraries.back().find("</script") != std::string::npos) {
            throw Error("html export: " + opt.web_dir + "/" + lib.path +
                        " contains '</script' and cannot be inlined");
        }
    }
    p.lib_at = p.page.find(kLibrariesMarker);
    p.data_at = p.page.find(kDataMarker);
    if (p.lib_at == std::string::npos || p.data_at == std::string::npos || p.data_at < p.lib_at) {
        throw Error("html export: " + opt.web_dir + "/explorer.html lacks the marker lines '" +
                    std::string(kLibrariesMarker) + "' and '" + std::string(kDataMarker) +
                    "' (in this order)");
    }
    return p;
}

void write_page(const Page& p, const CitationGraph& g,
                const std::function<void(std::string_view)>& out) {
    const std::string_view page = p.page;
    Sink s(out);
    s.raw(page.substr(0, p.lib_at));
    for (std::size_t i = 0; i < p.libraries.size(); ++i) {
        s.raw("<script>/* ");
        s.raw(kLibraries[i].path + std::string_view("node_modules/").size());
        s.raw(" (MIT licence: third_party/LICENSES) */\n");
        s.raw(p.libraries[i]);
        s.raw("\n</script>\n");
    }
    const auto after_lib = p.lib_at + kLibrariesMarker.size();
    s.raw(page.substr(after_lib, p.data_at - after_lib));
    s.raw("<script type=\"application/json\" id=\"citegraph-data\">");
    write_data(s, g);
    s.raw("</script>");
    s.raw(page.substr(p.data_at + kDataMarker.size()));
    s.flush();
}

} // namespace

void write_html(const CitationGraph& g, const ExportOptions& opt,
                const std::function<void(std::string_view)>& out) {
    write_page(load_page(opt), g, out);
}

std::string HtmlExporter::render(const CitationGraph& g, const ExportOptions& opt) const {
    std::string out;
    write_html(g, opt, [&](std::string_view piece) { out += piece; });
    return out;
}

void HtmlExporter::write(const CitationGraph& g, const ExportOptions& opt,
                         const std::string& path) const {
    // The assets are read (and a missing one refused) before the output file is opened.
    const Page page = load_page(opt);
    OutputFile file(path, opt.output);
    write_page(page, g, [&](std::string_view piece) { file.write(piece); });
    file.commit();
}

} // namespace citegraph
