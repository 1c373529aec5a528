#include "citegraph/exporters/exporter.hpp"

#include "citegraph/engine/error.hpp"

namespace citegraph {

void write_text_file(const std::string& path, std::string_view content,
                     const OutputPolicy& policy) {
    write_output_file(path, content, policy);
}

void SingleFileExporter::write(const CitationGraph& g, const ExportOptions& opt,
                               const std::string& path) const {
    // Render first: a graph that cannot be exported leaves no half-written file behind.
    write_text_file(path, render(g, opt), opt.output);
}

std::string StreamingExporter::render(const CitationGraph& g, const ExportOptions& opt) const {
    std::string out;
    stream(g, opt, [&out](std::string_view piece) { out += piece; });
    return out;
}

void StreamingExporter::write(const CitationGraph& g, const ExportOptions& opt,
                              const std::string& path) const {
    OutputFile file(path, opt.output);
    stream(g, opt, [&file](std::string_view piece) { file.write(piece); });
    file.commit();
}

} // namespace citegraph
