#include "citegraph/exporters/gexf_exporter.hpp"

#include "graph_attrs.hpp"
#include "text_util.hpp"

namespace citegraph {
namespace {

using detail::AttrDecl;
using detail::AttrType;
using detail::AttrValue;

const char* gexf_type(AttrType t) {
    switch (t) {
    case AttrType::Int:
        return "integer";
    case AttrType::Long:
        return "long";
    case AttrType::Double:
        return "double";
    case AttrType::String:
        break;
    }
    return "string";
}

// The attribute declarations of one class, all but those written as XML attributes of the
// element itself (label, weight).
void declare(std::string& out, const char* cls, const std::vector<AttrDecl>& decls) {
    out += std::string("    <attributes class=\"") + cls + "\" mode=\"static\">\n";
    for (std::size_t i = 0; i < decls.size(); ++i) {
        if (decls[i].name == "label" || decls[i].name == "weight") {
            continue;
        }
        out += "      <attribute id=\"" + std::to_string(i) + "\" title=\"" + decls[i].name +
               "\" type=\"" + gexf_type(decls[i].type) + "\"/>\n";
    }
    out += "    </attributes>\n";
}

// Writes the element's own attributes (label, weight) and returns the rest.
std::vector<AttrValue> split(std::string& out, const std::vector<AttrDecl>& decls,
                             std::vector<AttrValue> values) {
    std::vector<AttrValue> rest;
    for (auto& v : values) {
        const auto& name = decls[v.attr].name;
        if (name == "label" || name == "weight") {
            out += " " + name + "=\"" + v.value + "\"";
        } else {
            rest.push_back(std::move(v));
        }
    }
    return rest;
}

void attvalues(std::string& out, const std::vector<AttrValue>& values) {
    if (values.empty()) {
        out += "/>\n";
        return;
    }
    out += ">\n        <attvalues>\n";
    for (const auto& v : values) {
        out += "          <attvalue for=\"" + std::to_string(v.attr) + "\" value=\"" + v.value +
               "\"/>\n";
    }
    out += "        </attvalues>\n";
}

// A full ISO date for the timeline; partial dates (a year, a month) are left out.
bool timeline_date(const std::string& date) {
    return date.size() == 10 && detail::is_iso_date_like(date);
}

} // namespace

void GexfExporter::stream(const CitationGraph& g, const ExportOptions& opt,
                          const Sink& sink) const {
    const auto& bg = g.boost_graph();
    const detail::NodeAttrs node_attrs(g, opt.lang);
    const detail::EdgeAttrs edge_attrs(true);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<gexf xmlns=\"http://gexf.net/1.3\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
                      "version=\"1.3\">\n"
                      "  <meta>\n"
                      "    <creator>citegraph</creator>\n"
                      "    <description>UN documents and what they cite</description>\n"
                      "  </meta>\n"
                      "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" "
                      "timeformat=\"date\">\n";
    declare(out, "node", node_attrs.decls());
    declare(out, "edge", edge_attrs.decls());
    auto flush = [&](bool force) {
        if (force || out.size() >= (1u << 16)) {
            sink(out);
            out.clear();
        }
    };
    out += "    <nodes>\n";
    for (auto v : g.sorted_vertices()) {
        const NodeRecord& n = g.node(v);
        out += "      <node id=\"" + detail::xml_escape(n.id) + "\"";
        auto rest = split(out, node_attrs.decls(), node_attrs.values(n));
        if (timeline_date(n.date)) {
            out += " start=\"" + n.date + "\"";
        }
        attvalues(out, rest);
        if (!rest.empty()) {
            out += "      </node>\n";
        }
        flush(false);
    }
    out += "    </nodes>\n    <edges>\n";
    std::size_t id = 0;
    detail::for_each_edge_group(
        g, g.sorted_edges(), true, [&](const std::vector<CitationGraph::Edge>& group) {
            const auto e = group.front();
            const NodeRecord& source = g.node(boost::source(e, bg));
            out += "      <edge id=\"" + std::to_string(id++) + "\" source=\"" +
                   detail::xml_escape(source.id) + "\" target=\"" +
                   detail::xml_escape(g.node(boost::target(e, bg)).id) + "\"";
            auto rest = split(out, edge_attrs.decls(), edge_attrs.values(g, group));
            if (timeline_date(source.date)) {
                out += " start=\"" + source.date + "\"";
            }
            attvalues(out, rest);
            if (!rest.empty()) {
                out += "      </edge>\n";
            }
            flush(false);
        });
    out += "    </edges>\n  </graph>\n</gexf>\n";
    flush(true);
}

} // namespace citegraph
