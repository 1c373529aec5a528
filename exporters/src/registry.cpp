// THE list of built-in exporters.
#include "citegraph/engine/error.hpp"
#include "citegraph/exporters/dot_exporter.hpp"
#include "citegraph/exporters/exporter.hpp"
#include "citegraph/exporters/gexf_exporter.hpp"
#include "citegraph/exporters/graphml_exporter.hpp"
#include "citegraph/exporters/html_exporter.hpp"
#include "citegraph/exporters/jsonld_exporter.hpp"
#include "citegraph/exporters/neo4j_exporter.hpp"
#include "citegraph/exporters/undo_exporter.hpp"

namespace citegraph {

std::vector<std::string_view> export_formats() {
    return {"dot", "svg", "graphml", "gexf", "jsonld", "neo4j", "undo-nq", "html"};
}

std::unique_ptr<Exporter> make_exporter(std::string_view format) {
    if (format == "dot") {
        return std::make_unique<DotExporter>();
    }
    if (format == "svg") {
        return std::make_unique<SvgExporter>();
    }
    if (format == "graphml") {
        return std::make_unique<GraphmlExporter>();
    }
    if (format == "gexf") {
        return std::make_unique<GexfExporter>();
    }
    if (format == "jsonld") {
        return std::make_unique<JsonldExporter>();
    }
    if (format == "neo4j") {
        return std::make_unique<Neo4jExporter>();
    }
    if (format == "undo-nq") {
        return std::make_unique<UndoExporter>();
    }
    if (format == "html") {
        return std::make_unique<HtmlExporter>();
    }
    return nullptr;
}

std::string export_to_string(const CitationGraph& g, std::string_view format,
                             const ExportOptions& opt) {
    auto exporter = make_exporter(format);
    if (!exporter) {
        std::string known;
        for (auto f : export_formats()) {
            known += known.empty() ? "" : ", ";
            known += f;
        }
        throw Error("unknown export format '" + std::string(format) + "' (known: " + known + ")");
    }
    const auto* single = dynamic_cast<const SingleFileExporter*>(exporter.get());
    if (single == nullptr) {
        throw Error("export format '" + std::string(format) +
                    "' writes a directory of files, not one string");
    }
    return single->render(g, opt);
}

} // namespace citegraph
