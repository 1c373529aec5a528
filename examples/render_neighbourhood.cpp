// Example: import a resolution text with the library API, keep the neighbourhood of the
// resolution and render it to SVG with Chinese labels.
//   render_neighbourhood DATA_DIR TEXT_FILE OUT.svg [ID]
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/graph.hpp"
#include "citegraph/exporters/exporter.hpp"
#include "citegraph/importers/importer.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: render_neighbourhood DATA_DIR TEXT_FILE OUT.svg [ID]\n";
        return 1;
    }
    try {
        citegraph::ImportContext ctx(argv[1]);
        citegraph::ImportResult r = citegraph::import_file(ctx, argv[2]);

        citegraph::CitationGraph g;
        for (const auto& n : r.batch.nodes) {
            g.add_node(n);
        }
        for (const auto& e : r.batch.edges) {
            g.add_edge(e);
        }

        // One hop around the resolution, without actors (Member States are addressed by
        // almost every paragraph and would crowd the picture).
        citegraph::GraphFilter f;
        f.from = argc > 4 ? argv[4] : r.batch.document.id;
        f.depth = 1;
        f.kinds = {citegraph::NodeKind::Resolution, citegraph::NodeKind::Document,
                   citegraph::NodeKind::Treaty,     citegraph::NodeKind::Instrument,
                   citegraph::NodeKind::Programme,  citegraph::NodeKind::Body};
        citegraph::CitationGraph sub = citegraph::filter_graph(g, f);

        citegraph::ExportOptions opt;
        opt.lang = r.batch.document.language.substr(0, 2);
        opt.focus = f.from; // the two-sided neighbourhood picture (svg_pictures.hpp)
        citegraph::make_exporter("svg")->write(sub, opt, argv[3]);
        std::cout << f.from << ": " << sub.num_nodes() << " nodes, " << sub.num_edges()
                  << " edges -> " << argv[3] << "\n";
    } catch (const citegraph::Error& e) {
        std::cerr << "render_neighbourhood: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
