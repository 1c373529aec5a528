// Text helpers shared by the exporters (private to the library): UTF-8 decoding and repair,
// label choice and wrapping, IRI escaping, names of kinds and relations in output formats.
#pragma once

#include "citegraph/engine/graph.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::detail {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at text[pos] and advances pos; an invalid or truncated sequence
// (overlong, surrogate, > U+10FFFF) yields U+FFFD and advances by one byte.
char32_t next_code_point(std::string_view text, std::size_t& pos);
std::size_t count_code_points(std::string_view text);

// Valid UTF-8: invalid sequences replaced by U+FFFD.
std::string valid_utf8(std::string_view text);
// Valid UTF-8 that XML 1.0 can carry: CR LF and lone CR become LF, other C0 controls (but
// tab and LF), U+FFFE and U+FFFF are dropped.
std::string xml_safe(std::string_view text);
// One line: every run of whitespace (including newlines) becomes one space, trimmed.
std::string single_line(std::string_view text);

// Ideographs, kana, hangul, CJK punctuation and full-width forms: text where a line may
// break between any two characters.
bool is_cjk(char32_t cp);

// Wraps `text` to lines of at most `width` code points, joined by '\n'. Latin text breaks at
// spaces (a word longer than a line is cut), CJK text between characters; closing
// punctuation (，。、；：！？）」』》 …) never starts a line. When more than `max_lines`
// lines would result, the last kept line ends with "…".
std::string wrap_text(std::string_view text, std::size_t width = 20, std::size_t max_lines = 4);
// The first `n` code points of `text`, with "…" appended when it was longer.
std::string truncate_text(std::string_view text, std::size_t n);

// The node's name in `lang`, else its symbol, else its id.
const std::string& display_name(const NodeRecord& node, const std::string& lang);

// "reaffirms" -> "REAFFIRMS", "calls_upon" -> "CALLS_UPON".
std::string upper_snake(std::string_view name);

// The text as an IRI path (RFC 3987 ipath): unreserved characters, sub-delims ("(", ")",
// "!", "$", "&", "'", "*", "+", ",", ";", "="), ":", "@", "/" and non-ASCII ucschar are kept
// as they are, so "A/RES/2625(XXV)" stays as it is; everything else ("%", "?", "#", space,
// controls, <>"{}|\^`, private-use code points, invalid UTF-8) is percent-encoded as UTF-8
// bytes. Percent-decoding the result gives the text back.
std::string iri_escape(std::string_view text);

// Digits only (and at least one).
bool is_integer(std::string_view text);
// YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date (is_iso_date with partial dates).
bool is_iso_date_like(std::string_view text);

// Splits on `sep`, dropping empty pieces and trimming spaces.
std::vector<std::string> split_list(std::string_view text, char sep);

// All languages of node names in the graph, sorted.
std::vector<std::string> name_languages(const CitationGraph& g);

// Natural order, runs of digits compared as numbers: "op1" < "op12" < "pp1" < "pp2" < "pp10".
bool natural_less(std::string_view a, std::string_view b);

// FNV-1a 64-bit.
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ULL);

} // namespace citegraph::detail
