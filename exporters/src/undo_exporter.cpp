#include "citegraph/exporters/undo_exporter.hpp"

#include "text_util.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

namespace citegraph {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
constexpr std::string_view kOa = "http://www.w3.org/ns/oa#";
constexpr std::string_view kEliCites = "http://data.europa.eu/eli/ontology#cites";
constexpr std::string_view kLan = "http://id.loc.gov/vocabulary/iso639-1/";
constexpr std::size_t kFlushAt = 1 << 16;

bool is_un_document(NodeKind k) {
    return k == NodeKind::Resolution || k == NodeKind::Decision || k == NodeKind::Document;
}

// What eli:cites may point at: a work, never an organisation or a programme.
bool is_work(NodeKind k) {
    return is_un_document(k) || k == NodeKind::Treaty || k == NodeKind::Instrument;
}

std::string undo(std::string_view local) {
    return std::string(kUndoNamespace) + std::string(local);
}
std::string allot(std::string_view local) {
    return std::string(kAllotNamespace) + std::string(local);
}
std::string cg(std::string_view local) {
    return std::string(kCitegraphBase) + "vocab#" + std::string(local);
}
std::string dcterms(std::string_view local) {
    return std::string(kDcterms) + std::string(local);
}
std::string oa(std::string_view local) {
    return std::string(kOa) + std::string(local);
}

std::string class_of(NodeKind k) {
    switch (k) {
    case NodeKind::Resolution:
        return undo("Resolution");
    case NodeKind::Decision:
        return undo("Decision");
    case NodeKind::Document:
    case NodeKind::Instrument:
        return undo("Document");
    case NodeKind::Treaty:
        return undo("Treaty");
    case NodeKind::Programme:
        return allot("Concept");
    case NodeKind::Body:
    case NodeKind::Actor:
        return allot("Organization");
    }
    return undo("Document");
}

// A language tag N-Quads accepts: letters, then -alphanumerics.
bool is_language_tag(std::string_view tag) {
    if (tag.empty()) {
        return false;
    }
    bool first = true, start = true;
    for (char c : tag) {
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (c == '-') {
            if (start) {
                return false;
            }
            first = false;
            start = true;
        } else if (alpha || (digit && !first)) {
            start = false;
        } else {
            return false;
        }
    }
    return !start;
}

// An ISO 639-1 code (lan: has the two-letter codes only).
bool is_iso639_1(std::string_view lang) {
    return lang.size() == 2 && lang[0] >= 'a' && lang[0] <= 'z' && lang[1] >= 'a' && lang[1] <= 'z';
}

// Writes N-Quads statements into a buffer that is handed to the sink every 64 KiB.
class Quads {
  public:
    explicit Quads(const StreamingExporter::Sink& out) : out_(out) {}
    ~Quads() = default;
    Quads(const Quads&) = delete;
    Quads& operator=(const Quads&) = delete;

    void graph(std::string g) { graph_ = std::move(g); }

    void iri(std::string_view s, std::string_view p, std::string_view o) {
        subject_predicate(s, p);
        buf_ += '<';
        buf_ += o;
        buf_ += '>';
        end();
    }
    // A literal: plain (lang and datatype empty), language-tagged or typed.
    void literal(std::string_view s, std::string_view p, std::string_view value,
                 std::string_view lang = {}, std::string_view datatype = {}) {
        subject_predicate(s, p);
        buf_ += '"';
        for (char c : detail::valid_utf8(value)) {
            switch (c) {
            case '"':
                buf_ += "\\\"";
                break;
            case '\\':
                buf_ += "\\\\";
                break;
            case '\n':
                buf_ += "\\n";
                break;
            case '\r':
                buf_ += "\\r";
                break;
            default:
                buf_ += c;
            }
        }
        buf_ += '"';
        if (!lang.empty() && is_language_tag(lang)) {
            buf_ += '@';
            buf_ += lang;
        } else if (!datatype.empty()) {
            buf_ += "^^<";
            buf_ += datatype;
            buf_ += '>';
        }
        end();
    }
    void integer(std::string_view s, std::string_view p, std::uint64_t n) {
        literal(s, p, std::to_string(n), {}, std::string(kXsd) + "integer");
    }
    void flush() {
        if (!buf_.empty()) {
            out_(buf_);
            buf_.clear();
        }
    }

  private:
    void subject_predicate(std::string_view s, std::string_view p) {
        buf_ += '<';
        buf_ += s;
        buf_ += "> <";
        buf_ += p;
        buf_ += "> ";
    }
    void end() {
        if (!graph_.empty()) {
            buf_ += " <";
            buf_ += graph_;
            buf_ += '>';
        }
        buf_ += " .\n";
        if (buf_.size() >= kFlushAt) {
            flush();
        }
    }

    const StreamingExporter::Sink& out_;
    std::string graph_;
    std::string buf_;
};

std::string iri_of(const CitationGraph& g, const std::string& id, NodeKind fallback) {
    auto v = g.find(id);
    return undo_node_iri(id, v ? g.node(*v).kind : fallback);
}

std::string concept_iri(Relation r) {
    return std::string(kCitegraphBase) + "concept/" + std::string(to_string(r));
}
std::string role_iri(Role r) {
    return cg(to_string(r));
}

std::string version_iri(const NodeRecord& doc, const std::string& lang) {
    if (is_un_document(doc.kind) && is_language_tag(lang)) {
        return std::string("https://undocs.org/") + detail::iri_escape(lang) + "/" +
               detail::iri_escape(doc.id);
    }
    return undo_node_iri(doc.id, doc.kind) + "/" + detail::iri_escape(lang);
}

std::string digest_iri(std::string_view kind, const std::string& data) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(detail::fnv1a64(data)));
    return std::string(kCitegraphBase) + std::string(kind) + "/" + hex;
}

void write_concepts(Quads& q) {
    const std::string concept_class = allot("Concept");
    for (std::size_t i = 0; i < kRelationCount; ++i) {
        const auto r = static_cast<Relation>(i);
        const std::string iri = concept_iri(r);
        q.iri(iri, kRdfType, concept_class);
        q.literal(iri, kRdfsLabel, to_string(r));
    }
    for (std::size_t i = 0; i < kRoleCount; ++i) {
        const auto r = static_cast<Role>(i);
        const std::string iri = role_iri(r);
        q.iri(iri, kRdfType, cg("Role"));
        q.literal(iri, kRdfsLabel, to_string(r));
    }
}

void number_or_string(Quads& q, const std::string& s, const std::string& p,
                      const std::string& value) {
    if (detail::is_integer(value)) {
        q.literal(s, p, value, {}, std::string(kXsd) + "integer");
    } else {
        q.literal(s, p, value);
    }
}

void write_node(Quads& q, const CitationGraph& g, const NodeRecord& n) {
    const std::string s = undo_node_iri(n.id, n.kind);
    q.iri(s, kRdfType, class_of(n.kind));
    q.literal(s, dcterms("identifier"), n.id);
    q.literal(s, cg("kind"), to_string(n.kind));
    for (const auto& [lang, name] : n.names) {
        if (!name.empty()) {
            q.literal(s, kRdfsLabel, name, lang);
        }
    }
    if (!n.date.empty() && detail::is_iso_date_like(n.date)) {
        const char* type = n.date.size() == 10  ? "date"
                           : n.date.size() == 4 ? "gYear"
                                                : "gYearMonth";
        q.literal(s, dcterms("date"), n.date, {}, std::string(kXsd) + type);
    }
    if (!n.body.empty()) {
        q.iri(s, dcterms("creator"), iri_of(g, n.body, NodeKind::Body));
    }
    if (!n.session.empty()) {
        q.literal(s, cg("session"), n.session);
    }
    for (const auto& vol : detail::split_list(n.unts_volume, ';')) {
        number_or_string(q, s, cg("untsVolume"), vol);
    }
    if (!n.unts_number.empty()) {
        number_or_string(q, s, cg("untsNumber"), n.unts_number);
    }
}

// The named graph of one citing document: its versions, what it mentions and cites, and one
// UNDO relation and annotation per edge.
void write_document(Quads& q, const CitationGraph& g, CitationGraph::Vertex v) {
    const auto& bg = g.boost_graph();
    const NodeRecord& doc = g.node(v);
    const std::string d = undo_node_iri(doc.id, doc.kind);
    const std::string proponent = doc.body.empty() ? d : iri_of(g, doc.body, NodeKind::Body);
    std::vector<CitationGraph::Edge> out;
    for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
        out.push_back(*it);
    }
    // Target id, then the global edge order (document, paragraph, relation, role, span).
    std::sort(out.begin(), out.end(), [&](CitationGraph::Edge a, CitationGraph::Edge b) {
        const auto pa = g.provenance(a), pb = g.provenance(b);
        const auto& ta = g.node(boost::target(a, bg)).id;
        const auto& tb = g.node(boost::target(b, bg)).id;
        return std::tie(ta, pa.document, pa.paragraph, g.props(a).relation, g.props(a).role,
                        pa.span_begin, pa.span_end) < std::tie(tb, pb.document, pb.paragraph,
                                                               g.props(b).relation, g.props(b).role,
                                                               pb.span_begin, pb.span_end);
    });
    q.graph(d);

    std::set<std::string> languages;
    for (auto e : out) {
        languages.insert(g.provenance(e).language);
    }
    for (const auto& lang : languages) {
        if (lang.empty()) {
            continue;
        }
        const std::string ver = version_iri(doc, lang);
        q.iri(d, allot("hasRealization"), ver);
        q.iri(ver, kRdfType, undo("DocumentVersion"));
        if (is_iso639_1(lang)) {
            q.iri(ver, dcterms("language"), std::string(kLan) + lang);
        }
    }

    const CitationGraph::Vertex none = boost::graph_traits<CitationGraph::Graph>::null_vertex();
    CitationGraph::Vertex last_mention = none, last_cite = none;
    for (auto e : out) {
        const auto t = boost::target(e, bg);
        const NodeRecord& target = g.node(t);
        if (t != last_mention) {
            q.iri(d, allot("mentions"), undo_node_iri(target.id, target.kind));
            last_mention = t;
        }
        if (t != last_cite && g.props(e).role != Role::addressee && is_work(target.kind)) {
            q.iri(d, kEliCites, undo_node_iri(target.id, target.kind));
            last_cite = t;
        }
    }

    std::set<std::string> relations_written;
    for (auto e : out) {
        const EdgeProps& p = g.props(e);
        if (p.role == Role::mention) {
            continue;
        }
        const NodeRecord& target = g.node(boost::target(e, bg));
        const std::string t = undo_node_iri(target.id, target.kind);
        std::string key = doc.id + '\x1f' + proponent + '\x1f' +
                          std::string(to_string(p.relation)) + '\x1f' +
                          std::string(to_string(p.role)) + '\x1f' + target.id;
        const std::string rel = digest_iri("relation", key);
        if (relations_written.insert(rel).second) {
            q.iri(rel, kRdfType, undo("Relation"));
            q.iri(rel, undo("hasProponent"), proponent);
            q.iri(rel, undo("hasSemantics"), concept_iri(p.relation));
            q.iri(rel, undo("hasReceiver"), t);
            q.iri(rel, cg("role"), role_iri(p.role));
        }
        const ProvenanceRef prov = g.provenance(e);
        key += '\x1f' + prov.document + '\x1f' + prov.language + '\x1f' + prov.paragraph + '\x1f' +
               std::to_string(prov.span_begin) + '\x1f' + std::to_string(prov.span_end);
        const std::string ann = digest_iri("annotation", key);
        q.iri(ann, kRdfType, undo("Annotation"));
        q.iri(ann, oa("hasBody"), rel);
        q.iri(ann, oa("hasTarget"), d);
        if (!prov.paragraph.empty()) {
            q.literal(ann, cg("paragraph"), prov.paragraph);
        }
        if (!prov.language.empty()) {
            q.iri(ann, cg("version"), version_iri(doc, prov.language));
            if (is_iso639_1(prov.language)) {
                q.iri(ann, dcterms("language"), std::string(kLan) + prov.language);
            }
        }
        q.integer(ann, cg("spanStart"), prov.span_begin);
        q.integer(ann, cg("spanEnd"), prov.span_end);
        if (!prov.text.empty()) {
            q.literal(ann, cg("text"), prov.text, prov.language);
        }
        if (!prov.document.empty() && prov.document != doc.id) {
            q.iri(ann, cg("provenanceDocument"), iri_of(g, prov.document, NodeKind::Document));
        }
    }
    q.graph({});
}

} // namespace

std::string undo_node_iri(std::string_view id, NodeKind kind) {
    if (is_un_document(kind)) {
        return "https://undocs.org/" + detail::iri_escape(id);
    }
    return std::string(kCitegraphBase) + "id/" + detail::iri_escape(id);
}

void UndoExporter::stream(const CitationGraph& g, const ExportOptions& /*opt*/,
                          const Sink& out) const {
    Quads q(out);
    write_concepts(q);
    const auto order = g.sorted_vertices();
    for (auto v : order) {
        write_node(q, g, g.node(v));
    }
    for (auto v : order) {
        if (boost::out_degree(v, g.boost_graph()) > 0) {
            write_document(q, g, v);
        }
    }
    q.flush();
}

} // namespace citegraph
