// JSON-LD 1.1 for RDF stores, written with RapidJSON. The @context is embedded (no remote
// context), every @id is an absolute IRI, and every key maps to an IRI, so jsonld.js in
// safe mode drops nothing.
//
// IRIs
//   Resolution, Decision, Document  https://undocs.org/{id}
//   every other kind                https://w3id.org/citegraph/id/{id}   (":" kept)
//   a citation                      https://w3id.org/citegraph/id/citation/{16 hex digits}
// {id} is the citegraph id percent-encoded as UTF-8 except for A-Z a-z 0-9 - . _ ~ / : so
// "A/RES/2625(XXV)" becomes https://undocs.org/A/RES/2625%28XXV%29 and "treaty:untoc"
// https://w3id.org/citegraph/id/treaty:untoc; percent-decoding the tail gives the id back.
// The citation digest is FNV-1a 64 over (source, target, relation, role, document, language,
// paragraph, span begin, span end), so it is stable across exports of the same citation.
//
// Vocabulary (data/vocab/citegraph.ttl declares the cg: terms)
//   works      @type schema:Legislation + eli:LegalResource (resolutions, decisions,
//              treaties), schema:CreativeWork (documents, instruments), schema:Organization
//              (bodies), plus cg:{Kind} for every kind; dcterms:identifier = the id;
//              eli:id_local = the symbol; schema:name with @language per name;
//              eli:date_document (xsd:date; xsd:gYear / xsd:gYearMonth for partial dates);
//              eli:passed_by -> the body's IRI; cg:session; cg:untsVolume, cg:untsNumber
//              (xsd:integer when numeric)
//   citations  direct triples  citing -cg:{relation}-> cited  (cg:reaffirms, cg:requests,
//              …; the names of the Relation enum, each rdfs:subPropertyOf eli:cites and
//              dcterms:references), deduplicated; a work that is only named in the clause
//              (role mention: the verb does not act on it) gets citing -eli:cites-> cited
//              instead. And one cg:Citation node per edge with
//              cg:citingDocument, cg:cited, cg:relation, cg:role (cg:object, cg:addressee,
//              cg:mention, cg:source), cg:paragraph, dcterms:language, cg:spanStart,
//              cg:spanEnd (xsd:integer), cg:text (tagged with the language), and
//              cg:provenanceDocument when the provenance names a document other than the
//              citing node.
// Layout: {"@context": …, "@graph": [works in id order, then citations in edge order]}.
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <string>
#include <string_view>

namespace citegraph {

inline constexpr std::string_view kVocabNamespace = "https://w3id.org/citegraph/vocab#";
inline constexpr std::string_view kIdNamespace = "https://w3id.org/citegraph/id/";
inline constexpr std::string_view kUndocsNamespace = "https://undocs.org/";

// The IRI of a work, as described above.
std::string node_iri(std::string_view id, NodeKind kind);

std::string to_jsonld(const CitationGraph& g, const ExportOptions& opt);

class JsonldExporter final : public SingleFileExporter {
  public:
    std::string_view format() const override { return "jsonld"; }
    std::string render(const CitationGraph& g, const ExportOptions& opt) const override {
        return to_jsonld(g, opt);
    }
};

} // namespace citegraph
