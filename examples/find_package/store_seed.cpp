// Example: a program of another project that uses the installed citegraph package. It imports
// a resolution text with citegraph::importers, writes it to a SQLite store with
// citegraph::engine, reads the store back and prints the paragraphs that make requests of UNODC.
//   store_seed STORE.db [TEXT_FILE]   (default: the package's seed, samples/A_RES_68_193.zh.txt)
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/schema.hpp"
#include "citegraph/engine/store.hpp"
#include "citegraph/importers/importer.hpp"
#include "citegraph/version.hpp"

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: store_seed STORE.db [TEXT_FILE]\n";
        return 1;
    }
    const std::string data = CITEGRAPH_PACKAGE_DATA;
    const std::string text = argc > 2 ? argv[2] : data + "/samples/A_RES_68_193.zh.txt";
    try {
        std::cout << "citegraph " << citegraph::kVersion << ", data " << data << "\n";
        citegraph::ImportContext ctx(data);
        citegraph::ImportResult r = citegraph::import_file(ctx, text);
        citegraph::Store store(argv[1]);
        store.import(r.batch);
        const citegraph::StoreStats stats = store.stats();
        std::cout << "stored " << stats.documents << " document, " << stats.edges << " edges\n";
        const citegraph::CitationGraph g = store.load();
        for (const auto& edge : g.sorted_edges()) {
            const citegraph::EdgeRecord e = g.edge_record(edge);
            if (e.target == "body:unodc" && e.relation == citegraph::Relation::requests) {
                std::cout << e.source << " " << e.prov.paragraph << " "
                          << citegraph::to_string(e.relation) << " " << e.target << "\n";
            }
        }
    } catch (const citegraph::Error& e) {
        std::cerr << "store_seed: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
