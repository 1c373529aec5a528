// The only translation unit that includes boost/graph/graphml.hpp (slow to compile).
#include "citegraph/exporters/graphml_exporter.hpp"

#include "citegraph/engine/error.hpp"
#include "text_util.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/make_shared.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <exception>
#include <functional>
#include <iostream>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <type_traits>
#include <utility>

namespace citegraph {
namespace {

// The graph Boost writes: vertices numbered 0..n-1 in sorted-id order (Boost writes n<index>),
// each edge carrying its position in the sorted edge list. With bidirectionalS, edges(g) walks
// the edge list in insertion order, so adding the edges in sorted order writes them in that
// order (and directedS's edge iterator trips gcc 12's -Wmaybe-uninitialized inside Boost).
using GmlGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                       boost::no_property, std::size_t>;
using GmlVertex = boost::graph_traits<GmlGraph>::vertex_descriptor;
using GmlEdge = boost::graph_traits<GmlGraph>::edge_descriptor;

// One attribute column for write_graphml: the value of element i, computed when Boost asks for
// it. Boost's own property maps answer get_string() through an ostringstream per value, which
// was three quarters of the export's time; this answers with the string itself.
template <typename Key, typename Value> class Column final : public boost::dynamic_property_map {
  public:
    using Fn = std::function<std::string(std::size_t)>;
    Column(const GmlGraph& g, Fn fn) : g_(g), fn_(std::move(fn)) {}

    boost::any get(const boost::any& key) override { return get_string(key); }
    std::string get_string(const boost::any& key) override { return fn_(index(key)); }
    void put(const boost::any&, const boost::any&) override {
        throw boost::dynamic_const_put_error();
    }
    const std::type_info& key() const override { return typeid(Key); }
    const std::type_info& value() const override { return typeid(Value); }

  private:
    std::size_t index(const boost::any& key) const {
        if constexpr (std::is_same_v<Key, GmlEdge>) {
            return g_[boost::any_cast<GmlEdge>(key)];
        } else {
            return boost::any_cast<GmlVertex>(key);
        }
    }
    const GmlGraph& g_;
    Fn fn_;
};

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
// <data key="keyN"></data> line. Such lines are dropped (a non-empty value never looks like
// that).
bool empty_data_line(std::string_view line) {
    while (!line.empty() && line.front() == ' ') {
        line.remove_prefix(1);
    }
    const std::string_view open = "<data key=\"key";
    const std::string_view close = "\"></data>\n";
    return line.size() > open.size() + close.size() && line.substr(0, open.size()) == open &&
           line.substr(line.size() - close.size()) == close &&
           detail::is_integer(line.substr(open.size(), line.size() - open.size() - close.size()));
}

// The stream write_graphml writes to: whole lines, the empty <data> ones dropped, handed to
// `emit` (a string or a file), so that a large graph is never held twice in memory.
class LineFilter final : public std::streambuf {
  public:
    using Emit = std::function<void(std::string_view)>;
    explicit LineFilter(Emit emit) : emit_(std::move(emit)) {}
    ~LineFilter() override { finish(); }
    // Whatever follows the last newline.
    void finish() {
        if (!line_.empty()) {
            emit_(line_);
            line_.clear();
        }
    }

  protected:
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) {
            char ch = static_cast<char>(c);
            xsputn(&ch, 1);
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        std::string_view rest(s, static_cast<std::size_t>(n));
        while (!rest.empty()) {
            std::size_t nl = rest.find('\n');
            if (nl == std::string_view::npos) {
                line_.append(rest);
                break;
            }
            line_.append(rest.substr(0, nl + 1));
            rest.remove_prefix(nl + 1);
            if (!empty_data_line(line_)) {
                emit_(line_);
            }
            line_.clear();
        }
        return n;
    }

  private:
    Emit emit_;
    std::string line_;
};

} // namespace

namespace {

void write_graphml_to(const CitationGraph& g, const ExportOptions& opt,
                      const LineFilter::Emit& emit) {
    const auto& bg = g.boost_graph();
    const auto vertices = g.sorted_vertices();
    const auto edges = g.sorted_edges();
    const auto languages = detail::name_languages(g);

    GmlGraph tg(vertices.size());
    std::vector<std::size_t> position(g.num_nodes());
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        position[vertices[i]] = i;
    }
    for (std::size_t i = 0; i < edges.size(); ++i) {
        boost::add_edge(position[boost::source(edges[i], bg)],
                        position[boost::target(edges[i], bg)], i, tg);
    }

    boost::dynamic_properties dp;
    auto node_column = [&](const std::string& name, auto field) {
        dp.insert(name, boost::make_shared<Column<GmlVertex, std::string>>(
                            tg, [&g, &vertices, field](std::size_t i) {
                                return field(g.node(vertices[i]));
                            }));
    };
    auto edge_column = [&](const std::string& name, auto field) {
        using Value =
            decltype(field(std::declval<const ProvenanceRef&>(), std::declval<const EdgeProps&>()));
        dp.insert(name, boost::make_shared<Column<GmlEdge, Value>>(
                            tg, [&g, &edges, field](std::size_t i) {
                                Value v = field(g.provenance(edges[i]), g.props(edges[i]));
                                if constexpr (std::is_same_v<Value, std::string>) {
                                    return v;
                                } else {
                                    return std::to_string(v);
                                }
                            }));
    };
    using detail::xml_safe;
    node_column("label", [&opt](const NodeRecord& n) {
        return xml_safe(detail::display_name(n, opt.lang));
    });
    node_column("labels", [](const NodeRecord& n) { return ":" + std::string(to_string(n.kind)); });
    node_column("node_id", [](const NodeRecord& n) { return xml_safe(n.id); });
    node_column("kind", [](const NodeRecord& n) { return std::string(to_string(n.kind)); });
    node_column("symbol", [](const NodeRecord& n) { return xml_safe(n.symbol); });
    for (const auto& lang : languages) {
        node_column("name_" + attr_safe(lang), [lang](const NodeRecord& n) {
            auto it = n.names.find(lang);
            return it == n.names.end() ? std::string() : xml_safe(it->second);
        });
    }
    node_column("date", [](const NodeRecord& n) { return xml_safe(n.date); });
    node_column("body", [](const NodeRecord& n) { return xml_safe(n.body); });
    node_column("session", [](const NodeRecord& n) { return xml_safe(n.session); });
    node_column("unts_volume", [](const NodeRecord& n) { return xml_safe(n.unts_volume); });
    node_column("unts_number", [](const NodeRecord& n) { return xml_safe(n.unts_number); });
    edge_column("label", [](const ProvenanceRef&, const EdgeProps& p) {
        return detail::upper_snake(to_string(p.relation));
    });
    edge_column("relation", [](const ProvenanceRef&, const EdgeProps& p) {
        return std::string(to_string(p.relation));
    });
    edge_column("role", [](const ProvenanceRef&, const EdgeProps& p) {
        return std::string(to_string(p.role));
    });
    edge_column("document",
                [](const ProvenanceRef& pr, const EdgeProps&) { return xml_safe(pr.document); });
    edge_column("language",
                [](const ProvenanceRef& pr, const EdgeProps&) { return xml_safe(pr.language); });
    edge_column("paragraph",
                [](const ProvenanceRef& pr, const EdgeProps&) { return xml_safe(pr.paragraph); });
    edge_column("text",
                [](const ProvenanceRef& pr, const EdgeProps&) { return xml_safe(pr.text); });
    edge_column("span_start", [](const ProvenanceRef& pr, const EdgeProps&) {
        return static_cast<unsigned int>(pr.span_begin);
    });
    edge_column("span_end", [](const ProvenanceRef& pr, const EdgeProps&) {
        return static_cast<unsigned int>(pr.span_end);
    });

    LineFilter sink(emit);
    std::ostream os(&sink);
    boost::write_graphml(os, tg, boost::get(boost::vertex_index, tg), dp, true);
    sink.finish();
}

} // namespace

std::string to_graphml(const CitationGraph& g, const ExportOptions& opt) {
    std::string xml;
    xml.reserve(1024 + 250 * g.num_nodes() + 350 * g.num_edges());
    write_graphml_to(g, opt, [&xml](std::string_view line) { xml.append(line); });
    return xml;
}

void GraphmlExporter::write(const CitationGraph& g, const ExportOptions& opt,
                            const std::string& path) const {
    // Streamed through the output-file policy (output_file.hpp): memory stays bounded however
    // large the graph, every write is checked, and a failed export leaves the target as it was.
    // The first write error is kept and rethrown here: the lines pass through a streambuf, and
    // an ostream swallows what its streambuf throws.
    OutputFile out(path, opt.output);
    std::exception_ptr error;
    write_graphml_to(g, opt, [&out, &error](std::string_view line) {
        if (error) {
            return;
        }
        try {
            out.write(line);
        } catch (...) {
            error = std::current_exception();
        }
    });
    if (error) {
        std::rethrow_exception(error);
    }
    out.commit();
}

} // namespace citegraph
