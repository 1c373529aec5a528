// Plain records exchanged between importers, the store, the graph and exporters.
#pragma once

#include "citegraph/engine/schema.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace citegraph {

// A work: the language-neutral node. `id` is the canonical key (see symbol.hpp for UN
// symbols; other kinds use "<prefix>:<slug>", e.g. "treaty:untoc", "body:unodc").
struct NodeRecord {
    std::string id;
    NodeKind kind = NodeKind::Document;
    std::string symbol;                       // display form of a UN symbol, if any
    std::map<std::string, std::string> names; // language code -> name or title
    std::string date;                         // ISO 8601 (YYYY-MM-DD), if known
    std::string body;                         // issuing body id, e.g. "body:ga"
    std::string session;                      // e.g. "68", "XXV", "ES-10"
    std::string unts_volume;                  // ';'-separated volumes, e.g. "2225;2237"
    std::string unts_number;                  // UNTS registration number

    // Fill attributes this record lacks from `other` (the same work seen elsewhere).
    void merge_from(const NodeRecord& other);
};

// Where a citation was made.
struct Provenance {
    std::string document;         // citing document id
    std::string language;         // BCP 47 code of the version read: "zh", "en", ...
    std::string paragraph;        // "pp3", "op12", "header", ...
    std::uint32_t span_begin = 0; // byte offsets into the original file
    std::uint32_t span_end = 0;
    std::string text; // the clause text (normalised)
};

struct EdgeRecord {
    std::string source; // node id (the citing document, for citations)
    std::string target; // node id
    Relation relation = Relation::notes;
    Role role = Role::object;
    Provenance prov;
};

struct ParagraphRecord {
    std::string label; // pp1..ppN, op1..opM
    std::uint32_t span_begin = 0;
    std::uint32_t span_end = 0;
    std::string text;
};

// One language version of one document, as imported.
struct DocumentRecord {
    std::string id;          // node id of the work, e.g. "A/RES/68/193"
    std::string language;    // "zh", "en", ...
    std::string source;      // file name it was read from
    std::string agenda_item; // "108"
    std::string meeting;     // closing plenary meeting number, "70"
    std::vector<ParagraphRecord> paragraphs;
};

// One mandate read from a clause (issue #17): what an operative verb asks of its addressees,
// the action asked, where and when it is due, and whether it recurs. Values are the
// language-neutral names of data/lexicon/<lang>/mandates.tsv ("report", "meeting", ...).
struct MandateRecord {
    std::string paragraph; // "op12"
    std::string verb;      // relation name ("requests"), or "decides" for an agenda item
    std::vector<std::string> addressees; // node ids, in order of appearance
    std::string action;                  // "report", "meeting", ...; "other" when none is read
    std::string due_organ;               // body id ("body:ga"), "" when none is named
    std::string due_session;             // "79"; "" when none is named
    std::string due_year;                // "2025"; "" when none is named
    std::string recurrence;              // "annual", "biennial", ...; "" when none
    std::uint32_t span_begin = 0;        // the clause, as on its edges
    std::uint32_t span_end = 0;
    std::string text;
};

// Everything one import produces; the store writes it in one transaction.
struct ImportBatch {
    DocumentRecord document;
    std::vector<NodeRecord> nodes;
    std::vector<EdgeRecord> edges;
    std::vector<MandateRecord> mandates; // of `document`, in paragraph order
};

// A caller's language preference: language codes, the most wanted first ({"en", "zh"}). The
// engine has no preference of its own; a language not listed comes after the listed ones, by
// code (an empty preference is code order).
using LanguagePreference = std::vector<std::string>;

// The rank of `lang` under `prefer`: its index, or prefer.size() when it is not listed.
inline std::size_t preference_rank(const LanguagePreference& prefer, const std::string& lang) {
    return static_cast<std::size_t>(std::find(prefer.begin(), prefer.end(), lang) - prefer.begin());
}

// The display name of a node: its name in the first language of `prefer` it has a name in,
// else in the language of the smallest code; empty when it has none.
inline std::string display_name(const NodeRecord& n, const LanguagePreference& prefer) {
    for (const auto& lang : prefer) {
        if (auto it = n.names.find(lang); it != n.names.end()) {
            return it->second;
        }
    }
    return n.names.empty() ? std::string() : n.names.begin()->second;
}

} // namespace citegraph
