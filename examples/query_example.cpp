// Example: import a resolution text with the library API and ask two questions of it: what
// the General Assembly requested of UNODC, and which works carry the most PageRank.
//   query_example DATA_DIR TEXT_FILE
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/graph.hpp"
#include "citegraph/engine/queries.hpp"
#include "citegraph/importers/importer.hpp"

#include <iomanip>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: query_example DATA_DIR TEXT_FILE\n";
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

        // "Everything the General Assembly has requested of UNODC since 2013."
        citegraph::MandateFilter f;
        f.to = g.node(citegraph::require_node(g, "UNODC")).id;
        f.by = "body:ga";
        f.verbs = {citegraph::Relation::requests};
        f.since = "2013";
        auto rows = citegraph::mandates(g, f);
        std::cout << "requests to " << f.to << ": " << rows.size() << "\n";
        for (const auto& m : rows) {
            std::cout << "  " << m.document << " " << m.paragraph << " (" << m.date << ")\n";
        }

        // The most central resolutions by PageRank.
        citegraph::RankOptions o;
        o.kinds = {citegraph::NodeKind::Resolution};
        o.by_pagerank = true;
        o.top = 3;
        std::cout << "top resolutions by PageRank:\n";
        for (const auto& row : citegraph::rank(g, o)) {
            std::cout << "  " << row.id << " " << std::fixed << std::setprecision(6) << row.pagerank
                      << "\n";
        }
    } catch (const citegraph::Error& e) {
        std::cerr << "query_example: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
