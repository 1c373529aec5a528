#include "citegraph/exporters/jsonld_exporter.hpp"

#include "text_util.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <rapidjson/prettywriter.h>
#include <set>
#include <tuple>

namespace citegraph {
namespace {

// A RapidJSON output stream that hands its bytes to the sink every 64 KiB: the document is
// never held whole.
class SinkStream {
  public:
    using Ch = char;
    explicit SinkStream(const StreamingExporter::Sink& out) : out_(out) {}
    void Put(char c) {
        buf_ += c;
        if (buf_.size() >= (1u << 16)) {
            Flush();
        }
    }
    void Flush() {
        if (!buf_.empty()) {
            out_(buf_);
            buf_.clear();
        }
    }

  private:
    const StreamingExporter::Sink& out_;
    std::string buf_;
};

using Writer = rapidjson::PrettyWriter<SinkStream>;

bool is_un_document(NodeKind k) {
    return k == NodeKind::Resolution || k == NodeKind::Decision || k == NodeKind::Document;
}

// What eli:cites may point at (its range is eli:LegalResource): a work, never an
// organisation, an actor or a programme.
bool is_work(NodeKind k) {
    return is_un_document(k) || k == NodeKind::Treaty || k == NodeKind::Instrument;
}

void str(Writer& w, std::string_view s) {
    const std::string valid = detail::valid_utf8(s);
    w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

void key(Writer& w, std::string_view s) {
    w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void term(Writer& w, std::string_view name, std::string_view id, std::string_view type = {},
          std::string_view container = {}) {
    key(w, name);
    if (type.empty() && container.empty()) {
        str(w, id);
        return;
    }
    w.StartObject();
    key(w, "@id");
    str(w, id);
    if (!type.empty()) {
        key(w, "@type");
        str(w, type);
    }
    if (!container.empty()) {
        key(w, "@container");
        str(w, container);
    }
    w.EndObject();
}

void write_context(Writer& w) {
    key(w, "@context");
    w.StartObject();
    key(w, "@version");
    w.Double(1.1);
    term(w, "cg", kVocabNamespace);
    term(w, "eli", "http://data.europa.eu/eli/ontology#");
    term(w, "allot", "https://w3id.org/akn/ontology/allot/");
    term(w, "dcterms", "http://purl.org/dc/terms/");
    term(w, "schema", "http://schema.org/");
    term(w, "xsd", "http://www.w3.org/2001/XMLSchema#");
    // works
    term(w, "identifier", "dcterms:identifier");
    term(w, "symbol", "eli:id_local");
    term(w, "name", "schema:name", {}, "@language");
    term(w, "date", "eli:date_document", "xsd:date");
    term(w, "passedBy", "eli:passed_by", "@id");
    term(w, "session", "cg:session");
    term(w, "untsVolume", "cg:untsVolume");
    term(w, "untsNumber", "cg:untsNumber");
    // citations
    term(w, "cites", "eli:cites", "@id");
    term(w, "mentions", "allot:mentions", "@id");
    term(w, "citingDocument", "cg:citingDocument", "@id");
    term(w, "cited", "cg:cited", "@id");
    term(w, "provenanceDocument", "cg:provenanceDocument", "@id");
    term(w, "relation", "cg:relation", "@id");
    term(w, "role", "cg:role", "@id");
    term(w, "paragraph", "cg:paragraph");
    term(w, "language", "dcterms:language", "xsd:language");
    term(w, "spanStart", "cg:spanStart", "xsd:integer");
    term(w, "spanEnd", "cg:spanEnd", "xsd:integer");
    term(w, "text", "cg:text");
    for (std::size_t i = 0; i < kRelationCount; ++i) {
        const std::string name(to_string(static_cast<Relation>(i)));
        term(w, name, "cg:" + name, "@id");
    }
    w.EndObject();
}

std::vector<std::string_view> types_of(NodeKind k) {
    switch (k) {
    case NodeKind::Resolution:
        return {"schema:Legislation", "eli:LegalResource", "cg:Resolution"};
    case NodeKind::Decision:
        return {"schema:Legislation", "eli:LegalResource", "cg:Decision"};
    case NodeKind::Document:
        return {"schema:CreativeWork", "cg:Document"};
    case NodeKind::Treaty:
        return {"schema:Legislation", "eli:LegalResource", "cg:Treaty"};
    case NodeKind::Instrument:
        return {"schema:CreativeWork", "cg:Instrument"};
    case NodeKind::Programme:
        return {"cg:Programme"};
    case NodeKind::Body:
        return {"schema:Organization", "cg:Body"};
    case NodeKind::Actor:
        return {"cg:Actor"};
    }
    return {};
}

// The IRI of an id that may or may not be a node of `g` (a body named only as an issuer, the
// document of a provenance): its kind if it is one, `fallback` otherwise.
std::string iri_of(const CitationGraph& g, const std::string& id, NodeKind fallback) {
    auto v = g.find(id);
    return node_iri(id, v ? g.node(*v).kind : fallback);
}

// A number when the text is one, else the string.
void number_or_string(Writer& w, const std::string& s) {
    if (detail::is_integer(s) && s.size() <= 15) {
        w.Int64(std::stoll(s));
    } else {
        str(w, s);
    }
}

void write_date(Writer& w, const std::string& date) {
    key(w, "date");
    if (date.size() == 10 && detail::is_iso_date_like(date)) {
        str(w, date); // coerced to xsd:date by the context
        return;
    }
    w.StartObject();
    key(w, "@value");
    str(w, date);
    if (detail::is_iso_date_like(date)) {
        key(w, "@type");
        str(w, date.size() == 4 ? "xsd:gYear" : "xsd:gYearMonth");
    }
    w.EndObject();
}

void write_node(Writer& w, const CitationGraph& g, CitationGraph::Vertex v) {
    const NodeRecord& n = g.node(v);
    const auto& bg = g.boost_graph();
    w.StartObject();
    key(w, "@id");
    str(w, node_iri(n.id, n.kind));
    key(w, "@type");
    w.StartArray();
    for (auto t : types_of(n.kind)) {
        str(w, t);
    }
    w.EndArray();
    key(w, "identifier");
    str(w, n.id);
    if (!n.symbol.empty()) {
        key(w, "symbol");
        str(w, n.symbol);
    }
    bool any_name = false;
    for (const auto& [lang, name] : n.names) {
        any_name = any_name || (!lang.empty() && !name.empty());
    }
    if (any_name) {
        key(w, "name");
        w.StartObject();
        for (const auto& [lang, name] : n.names) {
            if (!lang.empty() && !name.empty()) {
                key(w, lang);
                str(w, name);
            }
        }
        w.EndObject();
    }
    if (!n.date.empty()) {
        write_date(w, n.date);
    }
    if (!n.body.empty()) {
        key(w, "passedBy");
        str(w, iri_of(g, n.body, NodeKind::Body));
    }
    if (!n.session.empty()) {
        key(w, "session");
        str(w, n.session);
    }
    const auto volumes = detail::split_list(n.unts_volume, ';');
    if (!volumes.empty()) {
        key(w, "untsVolume");
        w.StartArray();
        for (const auto& vol : volumes) {
            number_or_string(w, vol);
        }
        w.EndArray();
    }
    if (!n.unts_number.empty()) {
        key(w, "untsNumber");
        number_or_string(w, n.unts_number);
    }

    // Direct triples: citing -cg:relation-> target for what the verb acts on, addresses or
    // cites in a footnote (one per relation and target); citing -eli:cites-> work for every
    // work cited in any role but addressee; citing -allot:mentions-> node for every node the
    // text names.
    std::map<Relation, std::vector<std::string>> targets; // in sorted-edge (target id) order
    std::vector<std::string> cited, mentioned;
    std::set<std::pair<Relation, CitationGraph::Vertex>> seen;
    std::vector<CitationGraph::Edge> out;
    for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
        out.push_back(*it);
    }
    std::sort(out.begin(), out.end(), [&](CitationGraph::Edge a, CitationGraph::Edge b) {
        const auto& ta = g.node(boost::target(a, bg)).id;
        const auto& tb = g.node(boost::target(b, bg)).id;
        return std::tie(ta, g.props(a).relation) < std::tie(tb, g.props(b).relation);
    });
    const CitationGraph::Vertex none = boost::graph_traits<CitationGraph::Graph>::null_vertex();
    CitationGraph::Vertex last_cited = none, last_mentioned = none;
    for (auto e : out) {
        const auto t = boost::target(e, bg);
        const NodeRecord& target = g.node(t);
        const Role role = g.props(e).role;
        const Relation r = g.props(e).relation;
        if (role != Role::mention && seen.insert({r, t}).second) {
            targets[r].push_back(node_iri(target.id, target.kind));
        }
        if (role != Role::addressee && is_work(target.kind) && t != last_cited) {
            cited.push_back(node_iri(target.id, target.kind));
            last_cited = t;
        }
        if (t != last_mentioned) {
            mentioned.push_back(node_iri(target.id, target.kind));
            last_mentioned = t;
        }
    }
    for (const auto& [relation, iris] : targets) {
        key(w, to_string(relation));
        w.StartArray();
        for (const auto& iri : iris) {
            str(w, iri);
        }
        w.EndArray();
    }
    for (const auto& [name, iris] :
         {std::pair{"cites", &cited}, std::pair{"mentions", &mentioned}}) {
        if (!iris->empty()) {
            key(w, name);
            w.StartArray();
            for (const auto& iri : *iris) {
                str(w, iri);
            }
            w.EndArray();
        }
    }
    w.EndObject();
}

std::string citation_iri(const EdgeRecord& r) {
    std::string data;
    for (const std::string* field : {&r.source, &r.target}) {
        data += *field;
        data += '\x1f';
    }
    data += to_string(r.relation);
    data += '\x1f';
    data += to_string(r.role);
    data += '\x1f';
    for (const std::string* field : {&r.prov.document, &r.prov.language, &r.prov.paragraph}) {
        data += *field;
        data += '\x1f';
    }
    data += std::to_string(r.prov.span_begin) + '\x1f' + std::to_string(r.prov.span_end);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(detail::fnv1a64(data)));
    return std::string(kIdNamespace) + "citation/" + hex;
}

void write_citation(Writer& w, const CitationGraph& g, CitationGraph::Edge e) {
    const EdgeRecord r = g.edge_record(e);
    const auto& bg = g.boost_graph();
    const NodeRecord& source = g.node(boost::source(e, bg));
    const NodeRecord& target = g.node(boost::target(e, bg));
    w.StartObject();
    key(w, "@id");
    str(w, citation_iri(r));
    key(w, "@type");
    str(w, "cg:Citation");
    key(w, "citingDocument");
    str(w, node_iri(source.id, source.kind));
    key(w, "cited");
    str(w, node_iri(target.id, target.kind));
    key(w, "relation");
    str(w, "cg:" + std::string(to_string(r.relation)));
    key(w, "role");
    str(w, "cg:" + std::string(to_string(r.role)));
    if (!r.prov.paragraph.empty()) {
        key(w, "paragraph");
        str(w, r.prov.paragraph);
    }
    if (!r.prov.language.empty()) {
        key(w, "language");
        str(w, r.prov.language);
    }
    key(w, "spanStart");
    w.Uint(r.prov.span_begin);
    key(w, "spanEnd");
    w.Uint(r.prov.span_end);
    if (!r.prov.text.empty()) {
        key(w, "text");
        if (r.prov.language.empty()) {
            str(w, r.prov.text);
        } else {
            w.StartObject();
            key(w, "@value");
            str(w, r.prov.text);
            key(w, "@language");
            str(w, r.prov.language);
            w.EndObject();
        }
    }
    if (!r.prov.document.empty() && r.prov.document != source.id) {
        key(w, "provenanceDocument");
        str(w, iri_of(g, r.prov.document, NodeKind::Document));
    }
    w.EndObject();
}

} // namespace

std::string node_iri(std::string_view id, NodeKind kind) {
    const std::string_view ns = is_un_document(kind) ? kUndocsNamespace : kIdNamespace;
    return std::string(ns) + detail::iri_escape(id);
}

void JsonldExporter::stream(const CitationGraph& g, const ExportOptions& /*opt*/,
                            const Sink& sink) const {
    SinkStream out(sink);
    Writer w(out);
    w.SetIndent(' ', 2);
    w.StartObject();
    write_context(w);
    key(w, "@graph");
    w.StartArray();
    for (auto v : g.sorted_vertices()) {
        write_node(w, g, v);
    }
    for (auto e : g.sorted_edges()) {
        write_citation(w, g, e);
    }
    w.EndArray();
    w.EndObject();
    out.Put('\n');
    out.Flush();
}

std::string to_jsonld(const CitationGraph& g, const ExportOptions& opt) {
    return JsonldExporter().render(g, opt);
}

} // namespace citegraph
