// Exporters: one interface, one file per format, one explicit registry (registry.cpp).
//
//   format   class            output                                   header
//   dot      DotExporter      Graphviz DOT, built with cgraph          dot_exporter.hpp
//   svg      SvgExporter      SVG laid out in-process by gvc           dot_exporter.hpp
//   graphml  GraphmlExporter  GraphML, node ids = citegraph ids        graphml_exporter.hpp
//   gexf     GexfExporter     GEXF 1.3 for Gephi, weighted edges       gexf_exporter.hpp
//   jsonld   JsonldExporter   JSON-LD 1.1, context embedded            jsonld_exporter.hpp
//   neo4j    Neo4jExporter    a directory of neo4j-admin import CSVs   neo4j_exporter.hpp
//   undo-nq  UndoExporter     N-Quads in the UN Document Ontology      undo_exporter.hpp
//   html     HtmlExporter     one self-contained interactive page      html_exporter.hpp
//
// Every exporter is deterministic: the same graph gives byte-identical output, whatever the
// order nodes and edges were added in (they are written in CitationGraph::sorted_vertices()
// and sorted_edges() order). Failures the user can fix (unwritable path, a graph too large to
// lay out) throw citegraph::Error with a message that names the path or the limit.
//
// Graphviz is not thread-safe: do not run the dot/svg exporters from two threads at once.
#pragma once

#include "citegraph/engine/graph.hpp"
#include "citegraph/exporters/output_file.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

struct ExportOptions {
    std::string lang = "en"; // label language for DOT/SVG/GraphML (fall back to symbol, then id)
    std::string font = "WenQuanYi Micro Hei"; // CJK-capable, from Debian fonts-wqy-microhei
    std::string layout = "auto"; // dot|sfdp|auto: auto = dot up to 150 nodes, sfdp up to
                                 // max_layout_nodes, refuse above
    std::size_t max_layout_nodes = 10000;
    bool aggregate = false;       // graphml: parallel citations merged into one weighted edge (gexf
                                  // always is)
    std::string picture = "auto"; // svg: auto|graph|neighbourhood|overview (svg_pictures.hpp)
    std::string focus;            // svg: the node of the neighbourhood picture
    std::string web_dir;          // html: the page and its libraries (html_exporter.hpp); the CLI
                                  // passes <data>/web
    OutputPolicy output; // how files are written (output_file.hpp): files never to write over
};

class Exporter {
  public:
    virtual ~Exporter() = default;
    virtual std::string_view format() const = 0;
    // path "-" means stdout where the format is one file; neo4j writes a directory. Files are
    // written under opt.output (output_file.hpp).
    virtual void write(const CitationGraph& g, const ExportOptions& opt,
                       const std::string& path) const = 0;
};

// An exporter whose output is one file: it renders to a string, and write() puts that string
// in the file (or on stdout for "-").
class SingleFileExporter : public Exporter {
  public:
    virtual std::string render(const CitationGraph& g, const ExportOptions& opt) const = 0;
    void write(const CitationGraph& g, const ExportOptions& opt,
               const std::string& path) const override;
};

// An exporter that writes its one file piece by piece as it goes (a node, a document at a
// time): its memory does not grow with the size of the output. render() gathers the pieces.
class StreamingExporter : public SingleFileExporter {
  public:
    using Sink = std::function<void(std::string_view)>;
    // Calls `out` with consecutive pieces of the output.
    virtual void stream(const CitationGraph& g, const ExportOptions& opt,
                        const Sink& out) const = 0;
    std::string render(const CitationGraph& g, const ExportOptions& opt) const override;
    // Streams into an OutputFile (output_file.hpp): a failure leaves the target as it was.
    void write(const CitationGraph& g, const ExportOptions& opt,
               const std::string& path) const override;
};

// dot, svg, graphml, gexf, jsonld, neo4j, undo-nq; nullptr if unknown.
std::unique_ptr<Exporter> make_exporter(std::string_view format);
// The formats make_exporter knows, in the order above.
std::vector<std::string_view> export_formats();
// The output of a single-file format as a string (tests, benchmarks). Throws Error for an
// unknown format and for neo4j, which writes a directory (see neo4j_exporter.hpp for a
// string form of its files).
std::string export_to_string(const CitationGraph& g, std::string_view format,
                             const ExportOptions& opt);

// Writes `content` to `path` ("-" = stdout) under the output-file policy (output_file.hpp);
// throws Error naming the path.
void write_text_file(const std::string& path, std::string_view content,
                     const OutputPolicy& policy = {});

} // namespace citegraph
