// Mandates as records (issue #17): reads, from the clauses that carry mandate edges, what is
// asked (the action), the organ and session or year it is due at, and whether it recurs. All
// wording is data: the keys of data/lexicon/<lang>/mandates.tsv, documented in that file.
#pragma once

#include "citegraph/engine/model.hpp"
#include "citegraph/importers/lexicon.hpp"

#include <string>
#include <vector>

namespace citegraph::text {

// The mandates of one document version: one record per clause carrying addressee edges of a
// mandate relation (requests, urges, calls_upon, encourages, invites, recommends), plus one
// per operative paragraph that puts an item on the organ's own agenda (an `agenda` template of
// the table), addressed to `organ`, the citing document's organ. `paragraphs` and `edges` are
// the batch's; records are in paragraph order, then clause order.
std::vector<MandateRecord> read_mandates(const std::vector<ParagraphRecord>& paragraphs,
                                         const std::vector<EdgeRecord>& edges, const Lexicon& lex,
                                         const Gazetteer& gaz, const std::string& organ);

// The reading of one clause alone (action, due organ/session/year, recurrence); `organ` is
// what "its" refers to when no organ is named beside the session. For tests and for clause text
// from elsewhere.
MandateRecord read_clause(std::string_view clause, const Lexicon& lex, const Gazetteer& gaz,
                          const std::string& organ);

} // namespace citegraph::text
