// The UN document-symbol grammar: parse the forms users meet in texts and canonicalise them
// to one key per work. Hand-written scanners, no regular expressions.
//
// Keys have no spaces; display forms follow UN typography:
//   GA resolution      A/RES/68/193            A/RES/68/193
//   part letter        A/RES/49/35A            A/RES/49/35 A
//   sessions 1-30      A/RES/2625(XXV)         A/RES/2625 (XXV)
//   special/emergency  A/RES/S-26/2, A/RES/ES-10/19
//   GA decision        A/DEC/72/548            A/DEC/72/548
//   Security Council   S/RES/1373(2001)        S/RES/1373 (2001)
//   ECOSOC             E/RES/2013/40; pre-1978 E/RES/1733(LIV)
//   Human Rights C.    A/HRC/RES/34/19, A/HRC/DEC/...
//   other bodies       <PREFIX>/RES/22/7, e.g. CCPCJ/RES/22/7 (prefix from the gazetteer)
//   documents          A/68/457, E/2013/30/Corr.1, A/C.3/68/L.15/Rev.1, A/68/PV.70 ...
#pragma once

#include "citegraph/engine/schema.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace citegraph {

struct Symbol {
    NodeKind kind = NodeKind::Document; // Resolution, Decision or Document
    std::string key;                    // canonical id
    std::string display;                // typographic form
    std::string session;                // "68", "XXV", "S-26", "ES-10", "2001" (SC year), ...
};

// Which series a bare number such as "68/193", "1373 (2001)" or "2013/40" belongs to. The
// importer decides this from the body named before the number; GA is the default.
struct Organ {
    // "A/RES", "S/RES", "E/RES", "A/HRC/RES", "CCPCJ/RES", ...; or a template for a series
    // whose symbol holds the session inside: "UNEP/EA.{session}/Res.{number}".
    std::string res_prefix = "A/RES";
    std::string dec_prefix = "A/DEC"; // prefix for decisions

    static Organ general_assembly() { return {}; }
    static Organ security_council() { return {"S/RES", "S/DEC"}; }
    static Organ ecosoc() { return {"E/RES", "E/DEC"}; }
};

// Bounds on a symbol, so that a node id stays short whatever the input: the longest UN
// symbols are about 40 characters (E/CN.4/Sub.2/2005/L.10/Add.1/Corr.1), with at most three
// suffixes (/Rev.1/Add.2/Corr.1).
inline constexpr std::size_t kMaxSymbolBytes = 80;
inline constexpr std::size_t kMaxSymbolSuffixes = 4;

// A full symbol as written: "A/RES/68/193", "S/RES/1373 (2001)", "E/2013/30/Corr.1",
// "A/C.3/68/L.15/Rev.1". Spaces inside are tolerated where UN typography puts them. Returns
// nullopt for anything that is not a well-formed symbol, and for one longer than
// kMaxSymbolBytes or with more than kMaxSymbolSuffixes suffixes.
std::optional<Symbol> parse_symbol(std::string_view text);

// A bare resolution or decision number as written after "resolution"/"决议": "68/193",
// "49/35 A", "2625 (XXV)", "S-26/2", "ES-10/19", "1373 (2001)", "2013/40", "1733 (LIV)".
// Rejects what is not a plausible number in that organ's series: dates ("12/18"), page
// counters ("2/28"), ranges ("2012-2015"), job numbers ("23-25976"), plain counts.
std::optional<Symbol> parse_resolution_number(std::string_view text, const Organ& organ,
                                              bool decision = false);

// The adoption dates a resolution or decision can bear, read from its key's session, as ISO
// dates (inclusive): General Assembly regular session N opens in September 1945+N and ends
// when session N+1 opens (the first session: 1946 and its resumed part in 1947); a Security
// Council "1373(2001)" or an ECOSOC "2013/40" key carries its year. nullopt when the key says
// nothing about its date (special and emergency sessions, other series, documents).
struct DateWindow {
    std::string first;
    std::string last;
    bool contains(std::string_view iso_date) const { return iso_date >= first && iso_date <= last; }
};
std::optional<DateWindow> date_window(std::string_view key);

// Value of a Roman numeral I..MMMM written in canonical form, or 0 if not one.
int roman_value(std::string_view text);

} // namespace citegraph
