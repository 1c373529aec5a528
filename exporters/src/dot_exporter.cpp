#include "citegraph/exporters/dot_exporter.hpp"

#include "cgraph_handle.hpp"
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/text.hpp"
#include "citegraph/exporters/jsonld_exporter.hpp"
#include "citegraph/exporters/svg_pictures.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace citegraph {
namespace {

using detail::gv;

struct KindStyle {
    const char* shape;
    const char* style;
    const char* fill;
};

constexpr std::array<KindStyle, kNodeKindCount> kKindStyles = {{
    {"box", "filled", "#cfe2f3"},         // Resolution
    {"box", "filled,rounded", "#d9d2e9"}, // Decision
    {"note", "filled", "#eeeeee"},        // Document
    {"component", "filled", "#fce5cd"},   // Treaty
    {"tab", "filled", "#fff2cc"},         // Instrument
    {"folder", "filled", "#d9ead3"},      // Programme
    {"ellipse", "filled", "#f4cccc"},     // Body
    {"hexagon", "filled", "#d0e0e3"},     // Actor
}};

// Preambular verbs in blues, greens and violets, operative ones in warm colours.
constexpr std::array<const char*, kRelationCount> kRelationColours = {
    "#1f4e79", // reaffirms
    "#2e75b6", // recalls
    "#7f7f7f", // notes
    "#38761d", // welcomes
    "#6aa84f", // recognizes
    "#b45f06", // emphasizes
    "#cc0000", // expresses_concern
    "#674ea7", // considers
    "#8e7cc3", // convinced
    "#a64d79", // aware
    "#0b5394", // guided_by
    "#990000", // condemns
    "#000000", // decides
    "#e69138", // requests
    "#cc4125", // urges
    "#bf9000", // calls_upon
    "#45818e", // encourages
    "#76a5af", // invites
    "#134f5c", // recommends
    "#274e13", // endorses
    "#93c47d", // approves
    "#f1c232", // draws_attention
    "#c90076", // commends
    "#d5a6bd", // expresses_appreciation
    "#666666", // adopted_on_report
    "#b7b7b7", // refers_to
};

constexpr std::array<const char*, kRoleCount> kRoleStyles = {"solid", "bold", "dashed", "dotted"};
constexpr std::array<const char*, kRoleCount> kRoleLegend = {
    "", "addressee (bold): asked or urged", "mention (dashed)", "source (dotted): footnote"};

constexpr std::size_t kLabelWidth = 20;       // code points a line
constexpr std::size_t kLabelLines = 4;        // lines of a name before "…"
constexpr std::size_t kTooltipClause = 100;   // code points of a clause in a tooltip
constexpr std::size_t kTooltipLines = 12;     // citations listed in an edge tooltip
constexpr std::size_t kLabelParagraphs = 4;   // paragraphs listed in an edge label
constexpr std::size_t kPrismMaxNodes = 2000;  // sfdp: full prism overlap removal up to here
constexpr std::size_t kStaggerMinLeaves = 12; // dot: spread leaves over ranks from here

// Text for an escString attribute (label, tooltip): lines joined by "\n", backslashes
// doubled. cgraph 2.42 writes a value ending in a backslash as `...\"`, which reads back as
// an escaped quote, so such a value gets a trailing space.
std::string esc(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            continue;
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == '\\') {
        out += ' ';
    }
    return out;
}

bool is_un_document(NodeKind k) {
    return k == NodeKind::Resolution || k == NodeKind::Decision || k == NodeKind::Document;
}

std::string node_label(const NodeRecord& n, const std::string& lang) {
    auto it = n.names.find(lang);
    const std::string head = n.symbol.empty() ? std::string() : detail::single_line(n.symbol);
    if (it == n.names.end() || it->second.empty()) {
        return head.empty() ? detail::single_line(n.id) : head;
    }
    std::string name = detail::wrap_text(detail::single_line(detail::valid_utf8(it->second)),
                                         kLabelWidth, kLabelLines);
    return head.empty() ? name : head + "\n" + name;
}

std::string node_tooltip(const NodeRecord& n) {
    std::string out = n.id + " (" + std::string(to_string(n.kind)) + ")";
    for (const auto& [lang, name] : n.names) {
        out += "\n" + lang + ": " + detail::single_line(detail::valid_utf8(name));
    }
    if (!n.date.empty()) {
        out += "\ndate: " + n.date;
    }
    return out;
}

// Attribute symbols of the root graph (agwrite writes attributes sorted by name).
struct Attrs {
    Agsym_t* node_label;
    Agsym_t* node_tooltip;
    Agsym_t* shape;
    Agsym_t* node_style;
    Agsym_t* fillcolor;
    Agsym_t* url;
    Agsym_t* kind;
    Agsym_t* edge_label;
    Agsym_t* edge_tooltip;
    Agsym_t* color;
    Agsym_t* fontcolor;
    Agsym_t* edge_style;
    Agsym_t* penwidth;
    Agsym_t* relation;
    Agsym_t* role;
    Agsym_t* citations;
    Agsym_t* minlen;
};

Agsym_t* decl(Agraph_t* g, int kind, const char* name, const std::string& def) {
    return agattr(g, kind, gv(name), gv(def));
}

void set(void* obj, Agsym_t* sym, const std::string& value) {
    agxset(obj, sym, gv(value));
}

// Sets an HTML-like label: agxset keeps the html flag because the refstr already exists.
void set_html(Agraph_t* g, void* obj, Agsym_t* sym, const std::string& html) {
    char* s = agstrdup_html(g, gv(html));
    agxset(obj, sym, s);
    agstrfree(g, s);
}

std::string legend_html(const std::set<NodeKind>& kinds, const std::set<Relation>& relations,
                        const std::set<Role>& roles) {
    std::string h = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\">";
    h += "<TR><TD COLSPAN=\"2\"><B>Legend</B></TD></TR>";
    for (NodeKind k : kinds) {
        const KindStyle& s = kKindStyles[static_cast<std::size_t>(k)];
        h += "<TR><TD BGCOLOR=\"" + std::string(s.fill) + "\">" + s.shape +
             "</TD><TD ALIGN=\"LEFT\">" + xml_escape(to_string(k)) + "</TD></TR>";
    }
    for (Relation r : relations) {
        h += "<TR><TD BGCOLOR=\"" + std::string(kRelationColours[static_cast<std::size_t>(r)]) +
             "\"> </TD><TD ALIGN=\"LEFT\">" + xml_escape(to_string(r)) + "</TD></TR>";
    }
    for (Role r : roles) {
        if (r != Role::object) {
            h += "<TR><TD>" + std::string(kRoleStyles[static_cast<std::size_t>(r)]) +
                 "</TD><TD ALIGN=\"LEFT\">" + xml_escape(kRoleLegend[static_cast<std::size_t>(r)]) +
                 "</TD></TR>";
        }
    }
    h += "</TABLE>";
    return h;
}

using MergedEdges = std::map<std::tuple<std::string, std::string, Relation, Role>,
                             std::vector<CitationGraph::Edge>>;

// dot puts every work a resolution cites in the next rank: a resolution citing 80 works
// becomes a column 80 nodes tall. Like `unflatten -l`, spread the leaves (works citing
// nothing) of a node with many of them over several ranks, giving their edges minlen 1..L,
// L ~ 0.4 sqrt(leaves) (between 2 and 8), so the picture is closer to square. Returns the
// minlen of each staggered (source id, target id). Not for sfdp, which has no ranks.
std::map<std::pair<std::string, std::string>, int>
leaf_stagger(const CitationGraph& g, const MergedEdges& merged, const std::string& layout) {
    std::map<std::pair<std::string, std::string>, int> out;
    if (layout == "sfdp") {
        return out;
    }
    const auto& bg = g.boost_graph();
    std::map<std::string, std::vector<std::string>> leaves; // source id -> leaf target ids
    for (const auto& [key, edges] : merged) {
        const auto& [source_id, target_id, relation, role] = key;
        const auto target = boost::target(edges.front(), bg);
        auto& list = leaves[source_id];
        if (boost::out_degree(target, bg) == 0 && (list.empty() || list.back() != target_id)) {
            list.push_back(target_id);
        }
    }
    for (const auto& [source_id, targets] : leaves) {
        if (targets.size() < kStaggerMinLeaves) {
            continue;
        }
        const double root = std::sqrt(static_cast<double>(targets.size()));
        const int levels = std::clamp(static_cast<int>(std::lround(0.4 * root)), 2, 8);
        for (std::size_t k = 0; k < targets.size(); ++k) {
            out[{source_id, targets[k]}] = 1 + static_cast<int>(k % levels);
        }
    }
    return out;
}

// Builds the whole picture into `dot`. `layout` is the engine to record in the graph ("" for
// none); edge labels are left out for sfdp, which is for graphs too large to read them.
void build(const detail::CGraph& dot, const CitationGraph& g, const ExportOptions& opt,
           const std::string& layout) {
    Agraph_t* root = dot.get();

    decl(root, AGRAPH, "charset", "UTF-8");
    decl(root, AGRAPH, "fontname", opt.font);
    decl(root, AGRAPH, "rankdir", "LR");
    if (!layout.empty()) {
        decl(root, AGRAPH, "layout", layout);
    }
    if (layout == "sfdp") {
        // prism overlap removal costs ~50 s at 10000 nodes; its scaling phase alone ~5 s.
        decl(root, AGRAPH, "overlap", g.num_nodes() <= kPrismMaxNodes ? "prism" : "prism0");
        decl(root, AGRAPH, "outputorder", "edgesfirst");
    }
    decl(root, AGNODE, "fontname", opt.font);
    decl(root, AGEDGE, "fontname", opt.font);
    decl(root, AGEDGE, "fontsize", "10");

    Attrs a{};
    // The default is written explicitly: gvContext() declares label=\N on every later graph,
    // so without it the DOT text would depend on whether an SVG was rendered before.
    a.node_label = decl(root, AGNODE, "label", "\\N");
    a.node_tooltip = decl(root, AGNODE, "tooltip", "");
    a.shape = decl(root, AGNODE, "shape", "box");
    a.node_style = decl(root, AGNODE, "style", "filled");
    a.fillcolor = decl(root, AGNODE, "fillcolor", "white");
    a.url = decl(root, AGNODE, "URL", "");
    a.kind = decl(root, AGNODE, "kind", "");
    a.edge_label = decl(root, AGEDGE, "label", "");
    a.edge_tooltip = decl(root, AGEDGE, "tooltip", "");
    a.color = decl(root, AGEDGE, "color", "black");
    a.fontcolor = decl(root, AGEDGE, "fontcolor", "black");
    a.edge_style = decl(root, AGEDGE, "style", "solid");
    a.penwidth = decl(root, AGEDGE, "penwidth", "1");
    a.relation = decl(root, AGEDGE, "relation", "");
    a.role = decl(root, AGEDGE, "role", "");
    a.citations = decl(root, AGEDGE, "citations", "1");

    std::set<NodeKind> kinds;
    std::set<Relation> relations;
    std::set<Role> roles;
    std::vector<Agnode_t*> nodes(g.num_nodes(), nullptr);
    for (auto v : g.sorted_vertices()) {
        const NodeRecord& n = g.node(v);
        Agnode_t* an = agnode(root, gv(n.id), 1);
        nodes[v] = an;
        kinds.insert(n.kind);
        const KindStyle& s = kKindStyles[static_cast<std::size_t>(n.kind)];
        set(an, a.node_label, esc(node_label(n, opt.lang)));
        set(an, a.node_tooltip, esc(node_tooltip(n)));
        set(an, a.shape, s.shape);
        set(an, a.node_style, s.style);
        set(an, a.fillcolor, s.fill);
        if (is_un_document(n.kind)) {
            set(an, a.url, node_iri(n.id, n.kind));
        }
        set(an, a.kind, std::string(to_string(n.kind)));
    }

    // Merge parallel citations: one DOT edge per (source, target, relation, role).
    MergedEdges merged;
    const auto& bg = g.boost_graph();
    for (auto e : g.sorted_edges()) {
        const EdgeProps& p = g.props(e);
        merged[{g.node(boost::source(e, bg)).id, g.node(boost::target(e, bg)).id, p.relation,
                p.role}]
            .push_back(e);
    }
    const auto stagger = leaf_stagger(g, merged, layout);
    if (!stagger.empty()) {
        a.minlen = decl(root, AGEDGE, "minlen", "1");
    }
    for (const auto& [key, edges] : merged) {
        const auto& [source_id, target_id, relation, role] = key;
        relations.insert(relation);
        roles.insert(role);
        const CitationGraph::Edge first = edges.front();
        Agedge_t* ae = agedge(root, nodes[boost::source(first, bg)],
                              nodes[boost::target(first, bg)], nullptr, 1);

        std::set<std::string, bool (*)(std::string_view, std::string_view)> paragraphs(
            &detail::natural_less);
        std::string tooltip = source_id + " → " + target_id + ": " +
                              std::string(to_string(relation)) + " (" +
                              std::string(to_string(role)) + ")";
        std::size_t listed = 0;
        for (auto e : edges) {
            const auto prov = g.provenance(e);
            if (!prov.paragraph.empty()) {
                paragraphs.insert(detail::single_line(prov.paragraph));
            }
            if (listed++ < kTooltipLines) {
                tooltip += "\n[" + prov.language + " " + prov.paragraph + "] " +
                           detail::truncate_text(detail::single_line(detail::valid_utf8(prov.text)),
                                                 kTooltipClause);
            }
        }
        if (edges.size() > kTooltipLines) {
            tooltip += "\n… " + std::to_string(edges.size() - kTooltipLines) + " more";
        }

        std::string label(to_string(relation));
        if (edges.size() > 1) {
            label += " ×" + std::to_string(edges.size());
        }
        if (!paragraphs.empty()) {
            label += "\n";
            std::size_t i = 0;
            for (const auto& para : paragraphs) {
                if (i == kLabelParagraphs) {
                    label += ", …";
                    break;
                }
                label += (i++ == 0 ? "" : ", ") + para;
            }
        }

        const std::string colour = kRelationColours[static_cast<std::size_t>(relation)];
        if (layout != "sfdp") {
            set(ae, a.edge_label, esc(label));
        }
        set(ae, a.edge_tooltip, esc(tooltip));
        set(ae, a.color, colour);
        set(ae, a.fontcolor, colour);
        set(ae, a.edge_style, kRoleStyles[static_cast<std::size_t>(role)]);
        if (edges.size() > 1) {
            set(ae, a.penwidth, edges.size() >= 5 ? "3" : edges.size() >= 3 ? "2.5" : "2");
        }
        set(ae, a.relation, std::string(to_string(relation)));
        set(ae, a.role, std::string(to_string(role)));
        set(ae, a.citations, std::to_string(edges.size()));
        if (auto it = stagger.find({source_id, target_id}); it != stagger.end()) {
            set(ae, a.minlen, std::to_string(it->second));
        }
    }

    if (g.num_nodes() == 0) {
        return;
    }
    // The legend: a name no work has (ids are UN symbols or "prefix:slug").
    std::string legend_name = "_legend";
    while (g.find(legend_name)) {
        legend_name += "_";
    }
    Agraph_t* legend = agsubg(root, gv("legend"), 1);
    agsafeset(legend, gv("rank"), gv("sink"), gv(""));
    Agnode_t* ln = agnode(legend, gv(legend_name), 1);
    set_html(root, ln, a.node_label, legend_html(kinds, relations, roles));
    set(ln, a.shape, "plaintext");
    set(ln, a.node_style, "solid");
    set(ln, a.fillcolor, "white");
}

// The engine recorded in the DOT text: an explicit choice, or sfdp when auto picks it.
std::string dot_layout_attribute(std::size_t nodes, const ExportOptions& opt) {
    if (opt.layout != "auto") {
        return choose_layout(0, opt); // validates the name
    }
    if (nodes > kDotLayoutMaxNodes && nodes <= opt.max_layout_nodes) {
        return "sfdp";
    }
    return "";
}

} // namespace

std::string choose_layout(std::size_t nodes, const ExportOptions& opt) {
    if (opt.layout != "auto" && opt.layout != "dot" && opt.layout != "sfdp") {
        throw Error("unknown layout '" + opt.layout + "' (use dot, sfdp or auto)");
    }
    if (nodes > opt.max_layout_nodes) {
        throw Error("graph has " + std::to_string(nodes) + " nodes; SVG layout is capped at " +
                    std::to_string(opt.max_layout_nodes) + " — filter with --from/--depth/--kind");
    }
    if (opt.layout != "auto") {
        return opt.layout;
    }
    return nodes <= kDotLayoutMaxNodes ? "dot" : "sfdp";
}

std::string to_dot(const CitationGraph& g, const ExportOptions& opt) {
    const std::string layout = dot_layout_attribute(g.num_nodes(), opt);
    detail::CGraph dot("citations");
    build(dot, g, opt, layout);
    return dot.write_dot();
}

std::string SvgExporter::render(const CitationGraph& g, const ExportOptions& opt) const {
    const std::string& p = opt.picture;
    if (p == "auto" && opt.layout != "auto") {
        return to_svg(g, opt); // a Graphviz engine was asked for
    }
    if (p == "neighbourhood" || (p == "auto" && !opt.focus.empty())) {
        if (opt.focus.empty()) {
            throw Error("the neighbourhood picture needs a focus node (--from)");
        }
        return neighbourhood_svg(g, opt.focus, opt);
    }
    if (p == "overview" || (p == "auto" && g.num_nodes() > kDotLayoutMaxNodes)) {
        return overview_svg(g, opt);
    }
    if (p != "auto" && p != "graph") {
        throw Error("unknown picture '" + p + "' (use auto, graph, neighbourhood or overview)");
    }
    return to_svg(g, opt);
}

std::string to_svg(const CitationGraph& g, const ExportOptions& opt) {
    const std::string layout = choose_layout(g.num_nodes(), opt);
    detail::GvContext gvc; // before the graph: it declares the default attributes
    detail::CGraph dot("citations");
    build(dot, g, opt, layout);
    detail::Layout laid_out(gvc, dot, layout);
    return laid_out.render("svg");
}

} // namespace citegraph
