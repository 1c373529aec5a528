// JSON-LD 1.1 for RDF stores, written with RapidJSON as a stream (memory flat in the output). The
// @context is embedded (no remote context), every @id is an absolute IRI, and every key maps to an
// IRI, so jsonld.js in safe mode drops nothing.
//
// IRIs
//   Resolution, Decision, Document  https://undocs.org/{id}
//   every other kind                https://citegraph.invalid/id/{id}   (":" kept)
//   a citation                      https://citegraph.invalid/id/citation/{16 hex digits}
// {id} is the citegraph id written as RFC 3987 allows (text_util's iri_escape): unreserved
// characters, sub-delims, ":", "@" and non-ASCII letters as they are, so "A/RES/2625(XXV)"
// is https://undocs.org/A/RES/2625(XXV) (the IRI other datasets use); a space, "%", "?" or
// "#" is percent-encoded, and percent-decoding the tail gives the id back.
// Our own terms and ids live under https://citegraph.invalid/: .invalid is reserved (RFC
// 6761), never registered and never resolves, so the base does not pretend to be a published
// namespace; data/vocab/citegraph.ttl documents every cg: term.
// The citation digest is FNV-1a 64 over (source, target, relation, role, document, language,
// paragraph, span begin, span end), so it is stable across exports of the same citation.
//
// Vocabulary (published terms wherever one exists: ELI, ALLOT, Dublin Core, schema.org)
//   works      @type schema:Legislation + eli:LegalResource (resolutions, decisions,
//              treaties), schema:CreativeWork (documents, instruments), schema:Organization
//              (bodies), plus cg:{Kind} for every kind; dcterms:identifier = the id;
//              eli:id_local = the symbol; schema:name with @language per name;
//              eli:date_document (xsd:date; xsd:gYear / xsd:gYearMonth for partial dates);
//              eli:passed_by -> the body's IRI; cg:session; cg:untsVolume, cg:untsNumber
//              (xsd:integer when numeric)
//   citations  direct triples, deduplicated:
//              citing -cg:{relation}-> target  what the clause verb acts on, addresses or
//                                              cites in a footnote (cg:reaffirms, cg:requests,
//                                              …; sub-properties of allot:mentions)
//              citing -eli:cites-> work        every resolution, decision, document, treaty or
//                                              instrument cited in any role BUT addressee: an
//                                              ELI reader's citations are citations, never
//                                              Member States or an office asked to act
//              citing -allot:mentions-> node   every node the text names
//              And one cg:Citation node per edge with
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

inline constexpr std::string_view kVocabNamespace = "https://citegraph.invalid/vocab#";
inline constexpr std::string_view kIdNamespace = "https://citegraph.invalid/id/";
inline constexpr std::string_view kUndocsNamespace = "https://undocs.org/";

// The IRI of a work, as described above.
std::string node_iri(std::string_view id, NodeKind kind);

std::string to_jsonld(const CitationGraph& g, const ExportOptions& opt);

// Streamed: RapidJSON writes into 64 KiB pieces handed to the output file as they fill.
class JsonldExporter final : public StreamingExporter {
  public:
    std::string_view format() const override { return "jsonld"; }
    void stream(const CitationGraph& g, const ExportOptions& opt, const Sink& out) const override;
};

} // namespace citegraph
