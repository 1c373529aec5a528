// Helpers for importer tests: one shared ImportContext on the real data tables, importing a
// string as if it were a file, and a stable text form of a batch for golden files.
#pragma once

#include "citegraph/importers/importer.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace citegraph::testing {

inline ImportContext& context() {
    static ImportContext ctx(CITEGRAPH_DATA_DIR);
    return ctx;
}

inline ImportResult import_text(const std::string& text,
                                const std::string& name = "A_RES_1_1.zh.txt",
                                const std::string& lang = "") {
    auto imp = make_text_importer(context());
    return imp->import(name, text, lang);
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "op12 requests addressee body:unodc" for every edge, in document order.
inline std::vector<std::string> edge_lines(const ImportBatch& b) {
    std::vector<std::string> out;
    for (const auto& e : b.edges) {
        out.push_back(e.prov.paragraph + " " + std::string(to_string(e.relation)) + " " +
                      std::string(to_string(e.role)) + " " + e.target);
    }
    return out;
}

inline bool has_edge(const ImportBatch& b, const std::string& line) {
    auto lines = edge_lines(b);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

inline const NodeRecord* find_node(const ImportBatch& b, const std::string& id) {
    for (const auto& n : b.nodes) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

// The golden form: document, paragraphs, nodes (sorted), edges (document order).
inline std::string describe(const ImportBatch& b) {
    std::ostringstream out;
    out << "document " << b.document.id << " " << b.document.language
        << " agenda=" << b.document.agenda_item << " meeting=" << b.document.meeting << "\n";
    for (const auto& p : b.document.paragraphs) {
        out << "paragraph " << p.label << " [" << p.span_begin << "," << p.span_end << ") "
            << p.text << "\n";
    }
    std::vector<const NodeRecord*> nodes;
    for (const auto& n : b.nodes) {
        nodes.push_back(&n);
    }
    std::sort(nodes.begin(), nodes.end(), [](auto a, auto c) { return a->id < c->id; });
    for (const auto* n : nodes) {
        out << "node " << n->id << " " << to_string(n->kind);
        if (!n->symbol.empty())
            out << " symbol=" << n->symbol;
        if (!n->date.empty())
            out << " date=" << n->date;
        if (!n->session.empty())
            out << " session=" << n->session;
        if (!n->body.empty())
            out << " body=" << n->body;
        if (!n->unts_number.empty())
            out << " unts=" << n->unts_volume << "/" << n->unts_number;
        // Names in the document's language (gazetteer names in other languages are data,
        // not import results).
        for (const auto& [lang, name] : n->names) {
            if (lang == b.document.language.substr(0, 2)) {
                out << " name_" << lang << "=" << name;
            }
        }
        out << "\n";
    }
    for (const auto& e : b.edges) {
        out << "edge " << e.prov.paragraph << " " << to_string(e.relation) << " "
            << to_string(e.role) << " " << e.target << " [" << e.prov.span_begin << ","
            << e.prov.span_end << ")\n";
    }
    return out.str();
}

} // namespace citegraph::testing
