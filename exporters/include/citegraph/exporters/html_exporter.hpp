// An interactive explorer in one self-contained HTML file (issue #18): sigma.js + graphology,
// the page's own script and the graph's data, all inlined; the page makes no network request.
//
// Nothing of the page is compiled in. At export time the exporter reads, from
// ExportOptions::web_dir (the CLI passes <data>/web):
//   explorer.html                                 the page, with two marker lines where the
//                                                 libraries and the data go
//   node_modules/graphology/dist/graphology.umd.min.js   installed by scripts/install-web.sh
//   node_modules/sigma/dist/sigma.min.js                  at the versions of web/package.json
// and refuses (citegraph::Error naming the missing file and the install script) before
// writing anything when one is missing.
//
// The data (JSON in a <script type="application/json"> element, '<' written as \u003c):
//   meta     counts (nodes, merged edges, citations), the names of kinds, relations, roles,
//            the 8 relation families with their colours, languages, organs
//   nodes    [id, kind, symbol, {lang: name}, date, organ (index or -1), cited by (distinct
//            citing nodes), community (Louvain, -1 without edges), x, y (clustered layout)]
//            in id order
//   edges    [source, target, citations, family bits, language bits]: the citations from one
//            node to another merged into one weighted edge, in (source, target) order
//   cites    [edge, relation, role, language, paragraph, text index] per citation
//   texts    the distinct clause texts
// The layout and the communities are computed here (communities.hpp), so the same store
// gives the same file, and the page only draws.
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace citegraph {

// Writes the page piece by piece to `out`; throws Error for a missing asset.
void write_html(const CitationGraph& g, const ExportOptions& opt,
                const std::function<void(std::string_view)>& out);

class HtmlExporter final : public SingleFileExporter {
  public:
    std::string_view format() const override { return "html"; }
    std::string render(const CitationGraph& g, const ExportOptions& opt) const override;
    // Streams into the output file (output_file.hpp) instead of building the page in memory.
    void write(const CitationGraph& g, const ExportOptions& opt,
               const std::string& path) const override;
};

} // namespace citegraph
