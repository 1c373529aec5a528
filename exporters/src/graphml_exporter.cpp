#include "citegraph/exporters/graphml_exporter.hpp"

#include "graph_attrs.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <tuple>

namespace citegraph {
namespace {

using detail::AttrDecl;
using detail::AttrType;
using detail::AttrValue;

const char* graphml_type(AttrType t) {
    switch (t) {
    case AttrType::Int:
        return "int";
    case AttrType::Long:
        return "long";
    case AttrType::Double:
        return "double";
    case AttrType::String:
        break;
    }
    return "string";
}

// The <key> declarations, sorted by name (node before edge for the same name) and numbered
// key0, key1, …; key_of_node[i] / key_of_edge[i] is the number of declaration i.
struct Keys {
    std::string xml;
    std::vector<std::size_t> node, edge;
};

Keys make_keys(const std::vector<AttrDecl>& nodes, const std::vector<AttrDecl>& edges) {
    std::vector<std::tuple<std::string, int, std::size_t, AttrType>> all;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        all.emplace_back(nodes[i].name, 0, i, nodes[i].type);
    }
    for (std::size_t i = 0; i < edges.size(); ++i) {
        all.emplace_back(edges[i].name, 1, i, edges[i].type);
    }
    std::sort(all.begin(), all.end());
    Keys k;
    k.node.resize(nodes.size());
    k.edge.resize(edges.size());
    for (std::size_t id = 0; id < all.size(); ++id) {
        const auto& [name, is_edge, index, type] = all[id];
        (is_edge ? k.edge : k.node)[index] = id;
        k.xml += "  <key id=\"key" + std::to_string(id) + "\" for=\"" +
                 (is_edge ? "edge" : "node") + "\" attr.name=\"" + name + "\" attr.type=\"" +
                 graphml_type(type) + "\" />\n";
    }
    return k;
}

void write_data(std::string& out, std::vector<AttrValue> values,
                const std::vector<std::size_t>& key_of) {
    for (auto& v : values) {
        v.attr = key_of[v.attr];
    }
    std::sort(values.begin(), values.end(),
              [](const AttrValue& a, const AttrValue& b) { return a.attr < b.attr; });
    for (const auto& v : values) {
        out += "      <data key=\"key" + std::to_string(v.attr) + "\">" + v.value + "</data>\n";
    }
}

} // namespace

void GraphmlExporter::stream(const CitationGraph& g, const ExportOptions& opt,
                             const Sink& sink) const {
    const auto& bg = g.boost_graph();
    const detail::NodeAttrs node_attrs(g, opt.lang);
    const detail::EdgeAttrs edge_attrs(opt.aggregate);
    const Keys keys = make_keys(node_attrs.decls(), edge_attrs.decls());

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    out += keys.xml;
    out += "  <graph id=\"G\" edgedefault=\"directed\" parse.nodeids=\"free\" "
           "parse.edgeids=\"canonical\" parse.order=\"nodesfirst\">\n";
    auto flush = [&](bool force) {
        if (force || out.size() >= (1u << 16)) {
            sink(out);
            out.clear();
        }
    };
    for (auto v : g.sorted_vertices()) {
        const NodeRecord& n = g.node(v);
        out += "    <node id=\"" + detail::xml_escape(n.id) + "\">\n";
        write_data(out, node_attrs.values(n), keys.node);
        out += "    </node>\n";
        flush(false);
    }
    std::size_t id = 0;
    detail::for_each_edge_group(
        g, g.sorted_edges(), opt.aggregate, [&](const std::vector<CitationGraph::Edge>& group) {
            const auto e = group.front();
            out += "    <edge id=\"e" + std::to_string(id++) + "\" source=\"" +
                   detail::xml_escape(g.node(boost::source(e, bg)).id) + "\" target=\"" +
                   detail::xml_escape(g.node(boost::target(e, bg)).id) + "\">\n";
            write_data(out, edge_attrs.values(g, group), keys.edge);
            out += "    </edge>\n";
            flush(false);
        });
    out += "  </graph>\n</graphml>\n";
    flush(true);
}

std::string to_graphml(const CitationGraph& g, const ExportOptions& opt) {
    return GraphmlExporter().render(g, opt);
}

} // namespace citegraph
