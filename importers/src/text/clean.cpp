// Stage 1: validate and normalise, keeping a byte map back to the original.
#include "../utf8.hpp"
#include "citegraph/engine/error.hpp"
#include "citegraph/importers/text_pipeline.hpp"

#include <algorithm>

namespace citegraph::text {
namespace {

// Line and column (1-based, column in code points) of byte `offset`.
std::pair<std::uint32_t, std::uint32_t> line_col(std::string_view raw, std::size_t offset) {
    std::uint32_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < raw.size(); ++i) {
        if (raw[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return {line, col};
}

[[noreturn]] void fail(const std::string& file, std::string_view raw, std::size_t offset,
                       const std::string& message) {
    auto [line, col] = line_col(raw, offset);
    throw InputError(file, message, offset, line, col);
}

// Length of the valid UTF-8 sequence at raw[i], or 0 (overlongs and surrogates are invalid).
int valid_sequence(std::string_view raw, std::size_t i) {
    auto b0 = static_cast<unsigned char>(raw[i]);
    if (b0 < 0x80) {
        return 1;
    }
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        if (b0 == 0xE0) {
            lo = 0xA0;
        } else if (b0 == 0xED) {
            hi = 0x9F;
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        if (b0 == 0xF0) {
            lo = 0x90;
        } else if (b0 == 0xF4) {
            hi = 0x8F;
        }
    } else {
        return 0;
    }
    if (i + static_cast<std::size_t>(n) > raw.size()) {
        return 0;
    }
    for (int k = 1; k < n; ++k) {
        auto b = static_cast<unsigned char>(raw[i + static_cast<std::size_t>(k)]);
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
            return 0;
        }
    }
    return n;
}

int superscript_digit(char32_t cp) {
    switch (cp) {
    case 0x2070:
        return 0;
    case 0x00B9:
        return 1;
    case 0x00B2:
        return 2;
    case 0x00B3:
        return 3;
    default:
        return (cp >= 0x2074 && cp <= 0x2079) ? static_cast<int>(cp - 0x2070) : -1;
    }
}

// Full-width ASCII forms become ASCII, except the punctuation Chinese text uses as its own
// (，；：！？), which the lexicon names as it is written.
char32_t fold_width(char32_t cp) {
    // Ideographic, no-break, en, em, thin, narrow no-break and the other fixed-width spaces.
    if (cp == 0x3000 || cp == 0x00A0 || (cp >= 0x2002 && cp <= 0x200A) || cp == 0x202F ||
        cp == 0x205F) {
        return U' ';
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
        switch (cp) {
        case 0xFF0C: // ，
        case 0xFF1B: // ；
        case 0xFF1A: // ：
        case 0xFF01: // ！
        case 0xFF1F: // ？
            return cp;
        default:
            return cp - 0xFEE0;
        }
    }
    return cp;
}

// "little-endian" or "big-endian" when the first 4 KiB look like UTF-16 without a byte order
// mark (NUL bytes at one parity of offsets, almost none at the other), else nullptr.
const char* utf16_without_bom(std::string_view raw) {
    std::size_t n = std::min<std::size_t>(raw.size(), 4096) & ~std::size_t{1};
    std::size_t even = 0, odd = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (raw[i] == '\0') {
            ++(i % 2 == 0 ? even : odd);
        }
    }
    std::size_t pairs = n / 2;
    auto one_sided = [pairs](std::size_t many, std::size_t few) {
        return many >= 2 && many * 16 >= pairs && few * 8 <= many;
    };
    return one_sided(odd, even) ? "little-endian" : one_sided(even, odd) ? "big-endian" : nullptr;
}

bool is_hspace(char c) {
    return c == ' ' || c == '\t';
}

} // namespace

CleanText clean(std::string_view raw, const Lexicon& lex, const std::string& file) {
    if (raw.empty()) {
        throw InputError(file, "empty file");
    }
    if (raw.size() > 0xFFFFFFF0u) {
        throw InputError(file, "file larger than 4 GiB");
    }
    if (raw.size() >= 2 &&
        ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
        throw InputError(file, "UTF-16 text (byte order mark); convert it to UTF-8", 0, 1, 1);
    }
    if (raw.substr(0, 5) == "%PDF-") {
        throw InputError(file, "binary file: a PDF, not a text file", 0, 1, 1);
    }
    if (raw.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        throw InputError(file, "binary file: a ZIP archive, not a text file", 0, 1, 1);
    }

    // Pass 1: decode, validate, take out superscript markers, fold widths and variants.
    std::string t1;
    std::vector<std::uint32_t> o1;
    std::vector<std::uint8_t> l1;
    std::vector<FootnoteMarker> markers;
    t1.reserve(raw.size());
    o1.reserve(raw.size() + 1);
    l1.reserve(raw.size() + 1);
    const auto& variants = lex.char_variants();
    int marker_value = -1;
    std::size_t i = 0;
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") {
        i = 3;
    }
    auto flush_marker = [&]() {
        if (marker_value >= 0) {
            markers.push_back({static_cast<std::uint32_t>(t1.size()), marker_value});
            marker_value = -1;
        }
    };
    // Printable ASCII needs none of the steps below unless the variants table maps some of it.
    const bool ascii_variants = !variants.empty() && variants.begin()->first < 0x80;
    auto plain_ascii = [&](std::size_t at) {
        const auto b = static_cast<unsigned char>(raw[at]);
        return b >= 0x20 && b < 0x7F && b != '*' && !ascii_variants;
    };
    while (i < raw.size()) {
        if (plain_ascii(i)) {
            // A run of printable ASCII is copied as it is, each byte its own origin.
            flush_marker();
            std::size_t j = i + 1;
            while (j < raw.size() && plain_ascii(j)) {
                ++j;
            }
            const std::size_t from = o1.size();
            t1.append(raw.data() + i, j - i);
            o1.resize(from + (j - i));
            for (std::size_t k = 0; k < j - i; ++k) {
                o1[from + k] = static_cast<std::uint32_t>(i + k);
            }
            l1.resize(from + (j - i), 1);
            i = j;
            continue;
        }
        int n = valid_sequence(raw, i);
        if (n == 0 && utf16_without_bom(raw) != nullptr) {
            fail(file, raw, i,
                 std::string("UTF-16 text without a byte order mark (") + utf16_without_bom(raw) +
                     ": NUL bytes at every other offset); convert it to UTF-8");
        }
        if (n == 0) {
            fail(
                file, raw, i, "invalid UTF-8 byte 0x" + [&] {
                    static const char* hex = "0123456789ABCDEF";
                    auto b = static_cast<unsigned char>(raw[i]);
                    return std::string{hex[b >> 4], hex[b & 15]};
                }());
        }
        char32_t cp = 0;
        utf8::decode(raw, i, cp);
        std::size_t at = i;
        i += static_cast<std::size_t>(n);

        int sup = superscript_digit(cp);
        if (sup >= 0) {
            // Multi-digit markers (¹⁴); a run longer than 4 digits is not a footnote marker.
            marker_value = marker_value < 0
                               ? sup
                               : (marker_value < 1000 ? marker_value * 10 + sup : marker_value);
            continue;
        }
        flush_marker();
        if (cp == U'\r') {
            if (i < raw.size() && raw[i] == '\n') {
                continue; // CRLF: the LF is emitted next
            }
            cp = U'\n';
        }
        if (cp == U'\f' || cp == 0x2028 || cp == 0x2029) {
            cp = U'\n';
        }
        if (cp < 0x20 && cp != U'\n' && cp != U'\t' && utf16_without_bom(raw) != nullptr) {
            fail(file, raw, at,
                 std::string("UTF-16 text without a byte order mark (") + utf16_without_bom(raw) +
                     ": NUL bytes at every other offset); convert it to UTF-8");
        }
        if (cp < 0x20 && cp != U'\n' && cp != U'\t') {
            fail(file, raw, at,
                 cp == 0 ? "binary file: NUL byte" : "binary file: control character");
        }
        if (cp == 0xFEFF || cp == 0x200B) {
            continue; // BOM inside the text, zero-width space
        }
        if (cp == U'*' && i < raw.size() && raw[i] == '*') {
            ++i; // "**bold**" emphasis left by the extraction tool
            continue;
        }
        cp = lex.standard_char(fold_width(cp));
        std::size_t before = t1.size();
        utf8::append(t1, cp);
        for (std::size_t k = before; k < t1.size(); ++k) {
            o1.push_back(static_cast<std::uint32_t>(at));
            l1.push_back(static_cast<std::uint8_t>(i - at));
        }
    }
    flush_marker();

    // Pass 2: white space. Trailing blanks go, runs collapse to one space, and spaces next to
    // CJK characters (inserted by PDF extraction) are dropped.
    CleanText out;
    out.raw_size = static_cast<std::uint32_t>(raw.size());
    out.text.reserve(t1.size());
    out.origin.reserve(t1.size());
    out.origin_len.reserve(t1.size());
    std::vector<std::uint32_t> newpos(t1.size() + 1, 0);
    auto prev_cjk = [&]() {
        if (out.text.empty()) {
            return false;
        }
        char32_t cp = 0;
        utf8::decode(out.text, out.text.size() - utf8::prev_len(out.text, out.text.size()), cp);
        return utf8::is_cjk(cp);
    };
    std::size_t k = 0;
    while (k < t1.size()) {
        newpos[k] = static_cast<std::uint32_t>(out.text.size());
        if (is_hspace(t1[k])) {
            std::size_t j = k;
            while (j < t1.size() && is_hspace(t1[j])) {
                ++j;
            }
            for (std::size_t m = k; m < j; ++m) {
                newpos[m] = static_cast<std::uint32_t>(out.text.size());
            }
            bool at_line_start = out.text.empty() || out.text.back() == '\n';
            bool at_line_end = j >= t1.size() || t1[j] == '\n';
            bool next_cjk = false;
            if (j < t1.size()) {
                char32_t cp = 0;
                utf8::decode(t1, j, cp);
                next_cjk = utf8::is_cjk(cp);
            }
            if (!at_line_start && !at_line_end && !next_cjk && !prev_cjk()) {
                out.text += ' ';
                out.origin.push_back(o1[k]);
                out.origin_len.push_back(l1[k]);
            }
            k = j;
            continue;
        }
        // A run up to the next blank is copied as it is.
        std::size_t j = k + 1;
        while (j < t1.size() && !is_hspace(t1[j])) {
            ++j;
        }
        out.text.append(t1, k, j - k);
        out.origin.insert(out.origin.end(), o1.begin() + static_cast<std::ptrdiff_t>(k),
                          o1.begin() + static_cast<std::ptrdiff_t>(j));
        out.origin_len.insert(out.origin_len.end(), l1.begin() + static_cast<std::ptrdiff_t>(k),
                              l1.begin() + static_cast<std::ptrdiff_t>(j));
        for (std::size_t m = k + 1; m < j; ++m) {
            newpos[m] = newpos[k] + static_cast<std::uint32_t>(m - k);
        }
        k = j;
    }
    newpos[t1.size()] = static_cast<std::uint32_t>(out.text.size());
    for (auto& m : markers) {
        m.pos = newpos[m.pos];
    }
    out.markers = std::move(markers);
    return out;
}

} // namespace citegraph::text
