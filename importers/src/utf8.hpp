// UTF-8 helpers shared by the importer stages (internal header).
#pragma once

#include "citegraph/engine/text.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace citegraph::utf8 {

// Decodes the code point at s[i] (s is known-valid UTF-8) and returns its byte length.
inline int decode(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        cp = b;
        return 1;
    }
    int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    cp = b & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    }
    return n;
}

inline void append(std::string& out, char32_t cp) {
    append_utf8(out, cp);
}

// Han ideographs, CJK punctuation and full-width forms: the characters around which PDF
// extraction inserts spaces that carry no meaning.
inline bool is_cjk(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF);
}

inline bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Length of the UTF-8 sequence that ends just before s[i] (i > 0).
inline std::size_t prev_len(std::string_view s, std::size_t i) {
    std::size_t n = 1;
    while (n < 4 && n < i && (static_cast<unsigned char>(s[i - n]) & 0xC0) == 0x80) {
        ++n;
    }
    return n;
}

} // namespace citegraph::utf8
