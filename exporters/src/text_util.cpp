#include "text_util.hpp"

#include "citegraph/engine/text.hpp"

#include <algorithm>
#include <set>

namespace citegraph::detail {

char32_t next_code_point(std::string_view text, std::size_t& pos) {
    if (auto cp = decode_utf8(text, pos)) {
        return *cp;
    }
    ++pos;
    return kReplacementChar;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        next_code_point(text, pos);
        ++n;
    }
    return n;
}

namespace {

// Bytes that every writer copies as they are: printable ASCII, tab and newline. Exports are
// mostly such runs (ids, English clause text), so they are copied in bulk, not decoded.
bool plain(unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n';
}

std::size_t plain_run(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    while (end < text.size() && plain(static_cast<unsigned char>(text[end]))) {
        ++end;
    }
    return end;
}

} // namespace

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            std::size_t end = pos + 1;
            while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) {
                ++end;
            }
            out.append(text, pos, end - pos);
            pos = end;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        if (cp == kReplacementChar && pos == start + 1) {
            append_utf8(out, cp);
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

std::string xml_safe(std::string_view text) {
    // Invalid bytes become U+FFFD (as valid_utf8 does), CR and CRLF become LF, and the
    // characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) are dropped.
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = plain_run(text, pos);
        if (end > pos) {
            out.append(text, pos, end - pos);
            pos = end;
            continue;
        }
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b == '\r') {
            out += '\n';
            pos += pos + 1 < text.size() && text[pos + 1] == '\n' ? 2 : 1;
            continue;
        }
        if (b < 0x80) {
            ++pos; // a C0 control (dropped) or DEL (allowed in XML 1.0)
            if (b == 0x7F) {
                out += static_cast<char>(b);
            }
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        if (cp == kReplacementChar && pos == start + 1) {
            append_utf8(out, cp);
        } else if (cp != 0xFFFE && cp != 0xFFFF) {
            out.append(text, start, pos - start);
        }
    }
    return out;
}

std::string single_line(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

bool is_cjk(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || // radicals, CJK punctuation, kana, ideographs
           (cp >= 0xAC00 && cp <= 0xD7AF) || // hangul syllables
           (cp >= 0xF900 && cp <= 0xFAFF) || // compatibility ideographs
           (cp >= 0xFE30 && cp <= 0xFE4F) || // compatibility forms
           (cp >= 0xFF00 && cp <= 0xFFEF) || // full-width forms
           (cp >= 0x20000 && cp <= 0x3FFFF); // supplementary ideographs
}

namespace {

// Characters that must not begin a line (a small kinsoku set).
bool no_line_start(char32_t cp) {
    switch (cp) {
    case U'，':
    case U'。':
    case U'、':
    case U'；':
    case U'：':
    case U'！':
    case U'？':
    case U'）':
    case U'」':
    case U'』':
    case U'》':
    case U'〉':
    case U'】':
    case U'”':
    case U'’':
    case U'…':
    case U',':
    case U'.':
    case U';':
    case U':':
    case U')':
        return true;
    default:
        return false;
    }
}

std::string prefix(std::string_view text, std::size_t n) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n && pos < text.size(); ++i) {
        next_code_point(text, pos);
    }
    return std::string(text.substr(0, pos));
}

struct Unit {
    std::string text;
    std::size_t width = 0; // code points
    bool space_before = false;
    bool glue = false; // must not start a line
};

// Latin words (runs of non-space, non-CJK characters) and single CJK characters.
std::vector<Unit> split_units(std::string_view text) {
    std::vector<Unit> units;
    bool space = false;
    bool in_word = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(text, pos);
        const std::string_view bytes = text.substr(start, pos - start);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000) {
            space = true;
            in_word = false;
            continue;
        }
        if (is_cjk(cp) || !in_word) {
            Unit u;
            u.text = std::string(bytes);
            u.width = 1;
            u.space_before = space;
            u.glue = no_line_start(cp) && !space;
            units.push_back(std::move(u));
            in_word = !is_cjk(cp);
        } else {
            units.back().text.append(bytes);
            ++units.back().width;
        }
        space = false;
    }
    return units;
}

} // namespace

std::string wrap_text(std::string_view text, std::size_t width, std::size_t max_lines) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t used = 0;
    auto flush = [&] {
        lines.push_back(line);
        line.clear();
        used = 0;
    };
    for (Unit& u : split_units(text)) {
        // A word longer than a line is cut into line-sized pieces.
        while (u.width > width) {
            if (used > 0) {
                flush();
            }
            std::size_t pos = 0;
            for (std::size_t i = 0; i < width; ++i) {
                next_code_point(u.text, pos);
            }
            line = u.text.substr(0, pos);
            flush();
            u.text.erase(0, pos);
            u.width -= width;
            u.space_before = false;
        }
        const std::size_t need = u.width + ((u.space_before && used > 0) ? 1 : 0);
        if (used > 0 && used + need > width && !u.glue) {
            flush();
        }
        if (used > 0 && u.space_before) {
            line += ' ';
            ++used;
        }
        line += u.text;
        used += u.width;
    }
    if (!line.empty()) {
        flush();
    }
    if (lines.size() > max_lines && max_lines > 0) {
        lines.resize(max_lines);
        std::string& last = lines.back();
        if (count_code_points(last) >= width) {
            last = prefix(last, width - 1);
        }
        last += "…";
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            out += '\n';
        }
        out += lines[i];
    }
    return out;
}

std::string truncate_text(std::string_view text, std::size_t n) {
    std::string out = prefix(text, n);
    if (out.size() < text.size()) {
        out += "…";
    }
    return out;
}

const std::string& display_name(const NodeRecord& node, const std::string& lang) {
    auto it = node.names.find(lang);
    if (it != node.names.end() && !it->second.empty()) {
        return it->second;
    }
    if (!node.symbol.empty()) {
        return node.symbol;
    }
    return node.id;
}

std::string upper_snake(std::string_view name) {
    std::string out(name);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        } else if (c == '-' || c == ' ') {
            c = '_';
        }
    }
    return out;
}

namespace {

// RFC 3987 ucschar: the non-ASCII code points an IRI path may carry unencoded.
bool is_ucschar(char32_t cp) {
    if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
        return false; // C1 controls, surrogates, private use (iprivate: queries only), nonchars
    }
    return (cp & 0xFFFE) != 0xFFFE && cp <= 0xEFFFD;
}

} // namespace

std::string iri_escape(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            // ipchar = unreserved / sub-delims / ":" / "@", and "/" between segments.
            const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                              (c >= '0' && c <= '9') ||
                              std::string_view("-._~/:@!$&'()*+,;=").find(static_cast<char>(c)) !=
                                  std::string_view::npos;
            if (keep) {
                out += static_cast<char>(c);
            } else {
                out += '%';
                out += kHex[c >> 4];
                out += kHex[c & 0x0F];
            }
            ++pos;
            continue;
        }
        const std::size_t begin = pos;
        const char32_t cp = next_code_point(text, pos);
        const std::string_view bytes = text.substr(begin, pos - begin);
        const bool decoded = cp != kReplacementChar || bytes == "\xEF\xBF\xBD";
        if (decoded && is_ucschar(cp)) {
            out += bytes;
        } else {
            for (char ch : bytes) {
                const auto b = static_cast<unsigned char>(ch);
                out += '%';
                out += kHex[b >> 4];
                out += kHex[b & 0x0F];
            }
        }
    }
    return out;
}

bool is_integer(std::string_view text) {
    if (text.empty() || text.size() > 18) {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_iso_date_like(std::string_view text) {
    // A real calendar date only: "2015-02-31" is written as an untyped string, never as an
    // xsd:date (JSON-LD) or a Neo4j date, which a reader would reject or roll over.
    return is_iso_date(text, true);
}

std::vector<std::string> split_list(std::string_view text, char sep) {
    std::vector<std::string> out;
    while (true) {
        const std::size_t end = text.find(sep);
        std::string_view piece = text.substr(0, end);
        while (!piece.empty() && piece.front() == ' ') {
            piece.remove_prefix(1);
        }
        while (!piece.empty() && piece.back() == ' ') {
            piece.remove_suffix(1);
        }
        if (!piece.empty()) {
            out.emplace_back(piece);
        }
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return out;
}

std::vector<std::string> name_languages(const CitationGraph& g) {
    std::set<std::string> langs;
    for (auto v : g.sorted_vertices()) {
        for (const auto& [lang, name] : g.node(v).names) {
            if (!name.empty()) {
                langs.insert(lang);
            }
        }
    }
    return {langs.begin(), langs.end()};
}

bool natural_less(std::string_view a, std::string_view b) {
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            std::size_t ie = i;
            std::size_t je = j;
            while (ie < a.size() && is_digit(a[ie])) {
                ++ie;
            }
            while (je < b.size() && is_digit(b[je])) {
                ++je;
            }
            std::string_view na = a.substr(i, ie - i);
            std::string_view nb = b.substr(j, je - j);
            while (na.size() > 1 && na.front() == '0') {
                na.remove_prefix(1);
            }
            while (nb.size() > 1 && nb.front() == '0') {
                nb.remove_prefix(1);
            }
            if (na.size() != nb.size()) {
                return na.size() < nb.size();
            }
            if (na != nb) {
                return na < nb;
            }
            i = ie;
            j = je;
            continue;
        }
        if (a[i] != b[j]) {
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        }
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j)) {
        return (a.size() - i) < (b.size() - j);
    }
    return a < b; // equal under the natural order: fall back to bytes for a total order
}

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (char c : data) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

} // namespace citegraph::detail
