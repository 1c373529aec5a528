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

} // namespace citegraph
