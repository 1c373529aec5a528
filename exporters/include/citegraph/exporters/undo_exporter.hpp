// RDF in the UN's own vocabulary: the UN System Document Ontology (UNDO, with ALLOT, part of
// the UN System's Semantic Interoperability Framework), written as N-Quads, streamed (one node,
// then one citing document at a time: memory does not grow with the output).
//
// Vocabularies (used as ../shared/vocab/undo's worked examples use them)
//   undo:   https://w3id.org/un/ontology/undo/    (the ontology's own preferredNamespaceUri;
//                                                  its 2017 examples still say
//                                                  https://w3id.org/akn/ontology/undo/)
//   allot:  https://w3id.org/akn/ontology/allot/
//   oa:     http://www.w3.org/ns/oa#               eli: http://data.europa.eu/eli/ontology#
//   dcterms, rdfs, xsd, lan: http://id.loc.gov/vocabulary/iso639-1/
//   cg:     https://citegraph.invalid/vocab#       our terms, only for what UNDO lacks. The
//           base is under the reserved top-level name .invalid (RFC 6761): it is not
//           registered, never resolves and does not pretend to; the README's "Exports"
//           section lists every term.
//
// IRIs
//   Resolution, Decision, Document   https://undocs.org/{id}        (the UN's own resolver)
//   a language version of those      https://undocs.org/{lang}/{id} (undocs.org's form)
//   every other node                 https://citegraph.invalid/id/{id}
//   a relation, an annotation        https://citegraph.invalid/relation/{16 hex digits},
//                                    https://citegraph.invalid/annotation/{16 hex digits}
//   a relation's semantics           https://citegraph.invalid/concept/{relation}
//   a role                           https://citegraph.invalid/vocab#{role} (cg:object,
//                                    cg:addressee, cg:source; data/vocab/citegraph.ttl)
// {id} is written as RFC 3987 allows (text_util's iri_escape): "A/RES/2625(XXV)" stays
// https://undocs.org/A/RES/2625(XXV); a space, "%", "?" or "#" is percent-encoded.
//
// Default graph: what the store knows of every node —
//   <n> a undo:Resolution | undo:Decision | undo:Document (documents, instruments) |
//         undo:Treaty | allot:Concept (programmes) | allot:Organization (bodies, actors) ;
//       dcterms:identifier "id" ; rdfs:label "name"@lang ; dcterms:date (xsd:date, gYear,
//       gYearMonth) ; dcterms:creator <issuing body> ; cg:kind "Instrument" ; cg:session ;
//       cg:untsVolume, cg:untsNumber (xsd:integer when numeric) .
//   and the semantics concepts (a allot:Concept ; rdfs:label) and roles (a cg:Role).
// Named graph <D> for every citing document D: what D says (provenance) —
//   <D> allot:hasRealization <D in lang> . <D in lang> a undo:DocumentVersion ;
//       dcterms:language lan:{lang} .                     (each language read)
//   <D> allot:mentions <t> .                              (every node D names, any role)
//   <D> eli:cites <t> .                                   (works D cites: resolutions,
//                                                          decisions, documents, treaties,
//                                                          instruments; never an addressee)
//   <rel> a undo:Relation ; undo:hasProponent <D's issuing body, else D> ;
//       undo:hasSemantics <concept/{relation}> ; undo:hasReceiver <t> ; cg:role cg:{role} .
//                                                     (every edge but the role mention: the
//                                                      verb acts on t; addressees are mandates)
//   <ann> a undo:Annotation ; oa:hasBody <rel> ; oa:hasTarget <D> ; cg:paragraph "op12" ;
//       dcterms:language lan:{lang} ; cg:version <D in lang> ; cg:spanStart, cg:spanEnd
//       (xsd:integer, bytes of the file read) ; cg:text "clause"@lang .   (one per edge)
// The relation digest is FNV-1a 64 over (D, proponent, relation, role, t); the annotation's
// over the whole edge with its provenance: both stable across exports.
#pragma once

#include "citegraph/exporters/exporter.hpp"

#include <string>
#include <string_view>

namespace citegraph {

inline constexpr std::string_view kUndoNamespace = "https://w3id.org/un/ontology/undo/";
inline constexpr std::string_view kAllotNamespace = "https://w3id.org/akn/ontology/allot/";
inline constexpr std::string_view kCitegraphBase = "https://citegraph.invalid/";

// The IRI of a node in this export, as described above.
std::string undo_node_iri(std::string_view id, NodeKind kind);

class UndoExporter final : public StreamingExporter {
  public:
    std::string_view format() const override { return "undo-nq"; }
    void stream(const CitationGraph& g, const ExportOptions& opt, const Sink& out) const override;
};

} // namespace citegraph
