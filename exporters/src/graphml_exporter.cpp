// The only translation unit that includes boost/graph/graphml.hpp (slow to compile).
#include "citegraph/exporters/graphml_exporter.hpp"

#include "text_util.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/property_map.hpp>
#include <sstream>

namespace citegraph {
namespace {

// Values as written, one struct member per attribute.
struct GmlNode {
    std::string label;  // Gephi display label
    std::string labels; // APOC node labels, ":Resolution"
    std::string node_id;
    std::string kind;
    std::string symbol;
    std::string date;
    std::string body;
    std::string session;
    std::string unts_volume;
    std::string unts_number;
};

struct GmlEdge {
    std::string label; // APOC relationship type, "REAFFIRMS"
    std::string relation;
    std::string role;
    std::string document;
    std::string language;
    std::string paragraph;
    std::string text;
    unsigned int span_start = 0;
    unsigned int span_end = 0;
};

// vecS vertices numbered 0..n-1 in sorted-id order (Boost writes n<index>). With
// bidirectionalS, edges(g) walks the graph's edge list in insertion order, so adding the edges
// in sorted order writes them in that order (and directedS's edge iterator trips gcc 12's
// -Wmaybe-uninitialized inside Boost).
using GmlGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, GmlNode, GmlEdge>;

// Language codes become attribute names (name_zh): keep them to GraphML-friendly characters.
std::string attr_safe(std::string_view lang) {
    std::string out;
    for (char c : lang) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += ok ? c : '_';
    }
    return out;
}

// Boost writes every key for every element; a value the element lacks comes out as an empty
// <data key="keyN"></data> line. Drop those lines (a non-empty value never looks like that).
std::string drop_empty_data(const std::string& xml) {
    std::string out;
    out.reserve(xml.size());
    std::size_t pos = 0;
    while (pos < xml.size()) {
        std::size_t end = xml.find('\n', pos);
        end = end == std::string::npos ? xml.size() : end + 1;
        std::string_view line(xml.data() + pos, end - pos);
        std::string_view body = line;
        while (!body.empty() && body.front() == ' ') {
            body.remove_prefix(1);
        }
        const std::string_view open = "<data key=\"key";
        const std::string_view close = "\"></data>\n";
        bool empty = false;
        if (body.size() > open.size() + close.size() && body.substr(0, open.size()) == open &&
            body.substr(body.size() - close.size()) == close) {
            std::string_view digits =
                body.substr(open.size(), body.size() - open.size() - close.size());
            empty = detail::is_integer(digits);
        }
        if (!empty) {
            out.append(line);
        }
        pos = end;
    }
    return out;
}

} // namespace

std::string to_graphml(const CitationGraph& g, const ExportOptions& opt) {
    const auto& bg = g.boost_graph();
    const auto vertices = g.sorted_vertices();
    const auto languages = detail::name_languages(g);

    GmlGraph tg;
    std::vector<std::size_t> position(g.num_nodes());
    std::vector<std::vector<std::string>> names(languages.size());
    for (auto v : vertices) {
        const NodeRecord& n = g.node(v);
        GmlNode gn;
        gn.label = detail::xml_safe(detail::display_name(n, opt.lang));
        gn.labels = ":" + std::string(to_string(n.kind));
        gn.node_id = detail::xml_safe(n.id);
        gn.kind = std::string(to_string(n.kind));
        gn.symbol = detail::xml_safe(n.symbol);
        gn.date = detail::xml_safe(n.date);
        gn.body = detail::xml_safe(n.body);
        gn.session = detail::xml_safe(n.session);
        gn.unts_volume = detail::xml_safe(n.unts_volume);
        gn.unts_number = detail::xml_safe(n.unts_number);
        position[v] = boost::add_vertex(gn, tg);
        for (std::size_t i = 0; i < languages.size(); ++i) {
            auto it = n.names.find(languages[i]);
            names[i].push_back(it == n.names.end() ? std::string() : detail::xml_safe(it->second));
        }
    }
    for (auto e : g.sorted_edges()) {
        const EdgeProps& p = g.props(e);
        const auto prov = g.provenance(e);
        GmlEdge ge;
        ge.label = detail::upper_snake(to_string(p.relation));
        ge.relation = std::string(to_string(p.relation));
        ge.role = std::string(to_string(p.role));
        ge.document = detail::xml_safe(prov.document);
        ge.language = detail::xml_safe(prov.language);
        ge.paragraph = detail::xml_safe(prov.paragraph);
        ge.text = detail::xml_safe(prov.text);
        ge.span_start = prov.span_begin;
        ge.span_end = prov.span_end;
        boost::add_edge(position[boost::source(e, bg)], position[boost::target(e, bg)], ge, tg);
    }

    boost::dynamic_properties dp;
    dp.property("label", boost::get(&GmlNode::label, tg));
    dp.property("labels", boost::get(&GmlNode::labels, tg));
    dp.property("node_id", boost::get(&GmlNode::node_id, tg));
    dp.property("kind", boost::get(&GmlNode::kind, tg));
    dp.property("symbol", boost::get(&GmlNode::symbol, tg));
    for (std::size_t i = 0; i < languages.size(); ++i) {
        dp.property("name_" + attr_safe(languages[i]),
                    boost::make_iterator_property_map(names[i].begin(),
                                                      boost::get(boost::vertex_index, tg)));
    }
    dp.property("date", boost::get(&GmlNode::date, tg));
    dp.property("body", boost::get(&GmlNode::body, tg));
    dp.property("session", boost::get(&GmlNode::session, tg));
    dp.property("unts_volume", boost::get(&GmlNode::unts_volume, tg));
    dp.property("unts_number", boost::get(&GmlNode::unts_number, tg));
    dp.property("label", boost::get(&GmlEdge::label, tg));
    dp.property("relation", boost::get(&GmlEdge::relation, tg));
    dp.property("role", boost::get(&GmlEdge::role, tg));
    dp.property("document", boost::get(&GmlEdge::document, tg));
    dp.property("language", boost::get(&GmlEdge::language, tg));
    dp.property("paragraph", boost::get(&GmlEdge::paragraph, tg));
    dp.property("text", boost::get(&GmlEdge::text, tg));
    dp.property("span_start", boost::get(&GmlEdge::span_start, tg));
    dp.property("span_end", boost::get(&GmlEdge::span_end, tg));

    std::ostringstream os;
    boost::write_graphml(os, tg, boost::get(boost::vertex_index, tg), dp, true);
    return drop_empty_data(os.str());
}

} // namespace citegraph
