// UTF-8 and markup helpers shared by every module (engine, importers, exporters).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace citegraph {

// Decodes the UTF-8 sequence at s[i] and advances i past it; nullopt (i unchanged) if it is
// malformed: truncated, overlong, a surrogate or beyond U+10FFFF.
std::optional<char32_t> decode_utf8(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of a code point.
inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Escapes & < > " for XML and HTML-like text (SVG, Graphviz HTML labels).
std::string xml_escape(std::string_view s);

// An ISO 8601 calendar date of the Gregorian calendar: "YYYY-MM-DD" (or, with `partial`, also
// "YYYY" and "YYYY-MM"), year 1000 to 9999, month 1 to 12, the day within the month (29 February
// in leap years only). "2015-02-31", "2024-13-45" and "yesterday" are not.
bool is_iso_date(std::string_view s, bool partial = false);

} // namespace citegraph
