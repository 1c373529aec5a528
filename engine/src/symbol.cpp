// The UN document-symbol grammar (see symbol.hpp). Everything here is a hand-written scanner over
// std::string_view: input is first normalised to ASCII (full-width forms, exotic spaces and
// hyphens folded), then scanned left to right without backtracking.
//
// Design decisions worth knowing when reading the results:
//  * Leading and trailing white space is trimmed; trailing punctuation is not (the caller trims
//    sentence punctuation, a stray "." makes the text a non-symbol).
//  * Inside a bare number, spaces are accepted only before a part letter ("49/35 A") and before
//    a parenthesised session or year ("2625 (XXV)"), never inside the parentheses.
//  * Numbers never have leading zeros and are read with a digit cap, so no input can overflow.
//  * GA "N/M" needs session 31..99 (sessions 1-30 used the Roman form); the Roman form needs a
//    canonical numeral I..XXX, optionally "S-"/"ES-" prefixed; "S-N/M" and "ES-N/M" take
//    N 1..99. ECOSOC takes "YYYY/M" (1978..2100) or the Roman form I..LXIII; organisational
//    and resumed session tags such as "(ORG-75)" are rejected. The Security Council takes
//    "M (YYYY)" only, no part letters.
//  * Any other prefix takes "N/M" with N 1..99 or a year 1946..2100 (the Commission on Human
//    Rights and its Sub-Commission numbered by year: E/CN.4/RES/2005/69), and "S-N/M" for
//    special sessions (A/HRC/RES/S-30/1). Emergency special sessions are GA only.
//  * Decisions: only the "N/M", "YYYY/M" and "S-/ES-" forms; decisions were not numbered in
//    the Roman era, and the Security Council does not number decisions, so a Security Council
//    decision number is always rejected.
//  * A resolution symbol followed by /Rev.N, /Add.N, /Corr.N or /Amend.N (A/RES/78/1/Rev.1)
//    is a separate Document whose key is the resolution key plus the suffix chain.
//  * Document symbols admit no spaces and no parenthesised groups at all. They need two
//    components after the root (A/68/457), except a lone verbatim record (S/PV.4385) or an
//    old draft (A/L.632); the pre-1994 single-number forms (S/26757, A/8082) are rejected as
//    too easily confused with noise. The session of a document is its first number or S-/ES-
//    session component when more of the body follows it.
#include "citegraph/engine/symbol.hpp"

#include "citegraph/engine/text.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace citegraph {
namespace {

// ---------------------------------------------------------------------------------------------
// Normalisation to ASCII

bool is_unicode_space(char32_t c) {
    return c == 0x00A0                     // no-break space
           || (c >= 0x2000 && c <= 0x200A) // en quad .. hair space
           || c == 0x202F                  // narrow no-break space
           || c == 0x205F                  // medium mathematical space
           || c == 0x3000;                 // ideographic space
}

// Folds the text to printable ASCII: the full-width block U+FF01..U+FF5E ("６８／１９３",
// "（ＸＸＶ）") to its ASCII twin, Unicode spaces and ASCII white space to ' ', the hyphen and
// non-breaking hyphen (U+2010, U+2011) to '-'. Any other non-ASCII character or control
// character, or malformed UTF-8, makes the text a non-symbol. The result is trimmed.
std::optional<std::string> normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::optional<char32_t> cp = decode_utf8(text, i);
        if (!cp) {
            return std::nullopt;
        }
        const char32_t c = *cp;
        if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == ' ') {
            out += ' ';
        } else if (c > 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else if (c >= 0xFF01 && c <= 0xFF5E) {
            out += static_cast<char>(c - 0xFEE0);
        } else if (is_unicode_space(c)) {
            out += ' ';
        } else if (c == 0x2010 || c == 0x2011) {
            out += '-';
        } else {
            return std::nullopt;
        }
    }
    const std::size_t first = out.find_first_not_of(' ');
    if (first == std::string::npos) {
        return std::string();
    }
    const std::size_t last = out.find_last_not_of(' ');
    return out.substr(first, last - first + 1);
}

// ---------------------------------------------------------------------------------------------
// Scanning

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

// Number of consecutive digits in s from position pos.
std::size_t digit_run(std::string_view s, std::size_t pos) {
    std::size_t n = 0;
    while (pos + n < s.size() && is_digit(s[pos + n])) {
        ++n;
    }
    return n;
}

class Scanner {
  public:
    explicit Scanner(std::string_view s) : s_(s) {}

    bool done() const { return pos_ == s_.size(); }
    char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
    char get() { return s_[pos_++]; }

    bool eat(char c) {
        if (peek() != c) {
            return false;
        }
        ++pos_;
        return true;
    }

    bool eat(std::string_view lit) {
        if (s_.substr(pos_, lit.size()) != lit) {
            return false;
        }
        pos_ += lit.size();
        return true;
    }

    void skip_spaces() {
        while (peek() == ' ') {
            ++pos_;
        }
    }

    // A decimal number of 1..max_digits digits, no leading zero (so never 0). Reading all the
    // digits of the run before converting means "99999999999" is rejected, not overflowed.
    std::optional<int> number(std::size_t max_digits) {
        const std::size_t n = digit_run(s_, pos_);
        if (n == 0 || n > max_digits || s_[pos_] == '0') {
            return std::nullopt;
        }
        int value = 0;
        for (std::size_t k = 0; k < n; ++k) {
            value = value * 10 + (s_[pos_ + k] - '0');
        }
        pos_ += n;
        return value;
    }

    // A run of capital letters, possibly empty.
    std::string_view upper_run() {
        const std::size_t start = pos_;
        while (is_upper(peek())) {
            ++pos_;
        }
        return s_.substr(start, pos_ - start);
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Bare resolution and decision numbers

enum class Series { general_assembly, security_council, ecosoc, other };

Series series_of(const Organ& organ) {
    if (organ.res_prefix == "A/RES") {
        return Series::general_assembly;
    }
    if (organ.res_prefix == "S/RES") {
        return Series::security_council;
    }
    if (organ.res_prefix == "E/RES") {
        return Series::ecosoc;
    }
    return Series::other;
}

// The part of key and display after "<prefix>/", and the session.
struct Tail {
    std::string key;
    std::string display;
    std::string session;
};

void append_part_letter(Tail& t, char letter) {
    if (letter != '\0') {
        t.key += letter;
        t.display += ' ';
        t.display += letter;
    }
}

// An optional part letter at the end of the text: "35A" or "35 A". Returns '\0' when the text
// ends here, the letter otherwise, nullopt when what follows is not a capital letter. Anything
// after the letter ("35 AB") is left for the caller's end-of-text check.
std::optional<char> final_part_letter(Scanner& in) {
    if (in.done()) {
        return '\0';
    }
    in.skip_spaces();
    if (!is_upper(in.peek())) {
        return std::nullopt;
    }
    return in.get();
}

// "N/M[ L]" after the number N has been read and the '/' eaten.
std::optional<Tail> session_slash_number(Scanner& in, std::string session) {
    const std::optional<int> number = in.number(3);
    if (!number) {
        return std::nullopt;
    }
    const std::optional<char> letter = final_part_letter(in);
    if (!letter) {
        return std::nullopt;
    }
    Tail t;
    t.key = session + '/' + std::to_string(*number);
    t.display = t.key;
    t.session = std::move(session);
    append_part_letter(t, *letter);
    return t;
}

// "S-26/2", "ES-10/19": special and emergency special sessions.
std::optional<Tail> special_session_form(Scanner& in, Series series) {
    std::string tag;
    if (in.eat("ES-")) {
        if (series != Series::general_assembly) {
            return std::nullopt;
        }
        tag = "ES-";
    } else if (in.eat("S-")) {
        if (series != Series::general_assembly && series != Series::other) {
            return std::nullopt;
        }
        tag = "S-";
    } else {
        return std::nullopt;
    }
    const std::optional<int> session = in.number(2);
    if (!session || !in.eat('/')) {
        return std::nullopt;
    }
    return session_slash_number(in, tag + std::to_string(*session));
}

bool plain_session_ok(Series series, int session) {
    switch (series) {
    case Series::general_assembly:
        return session >= 31 && session <= 99;
    case Series::ecosoc:
        return session >= 1978 && session <= 2100;
    case Series::other:
        return (session >= 1 && session <= 99) || (session >= 1946 && session <= 2100);
    case Series::security_council:
        return false;
    }
    return false;
}

// The parenthesised group of "2625 (XXV)", "3201 (S-VI)", "1733 (LIV)", "1373 (2001)", after
// the '(' has been eaten; returns the session text.
std::optional<std::string> paren_session(Scanner& in, Series series) {
    if (series == Series::security_council) {
        const std::optional<int> year = in.number(4);
        if (!year || *year < 1946 || *year > 2100) {
            return std::nullopt;
        }
        return std::to_string(*year);
    }
    std::string tag;
    int max_session = 63; // ECOSOC sessions before the 1978 numbering change
    if (series == Series::general_assembly) {
        max_session = 30;
        if (in.eat("ES-")) {
            tag = "ES-";
        } else if (in.eat("S-")) {
            tag = "S-";
        }
    }
    const std::string_view roman = in.upper_run();
    const int value = roman_value(roman);
    if (value < 1 || value > max_session) {
        return std::nullopt;
    }
    return tag + std::string(roman);
}

// Forms starting with a number: "68/193", "49/35 A", "2013/40", "2625 (XXV)", "217 A (III)",
// "1373 (2001)".
std::optional<Tail> numbered_form(Scanner& in, Series series, bool decision) {
    const std::optional<int> first = in.number(4);
    if (!first) {
        return std::nullopt;
    }
    if (in.eat('/')) {
        if (!plain_session_ok(series, *first)) {
            return std::nullopt;
        }
        return session_slash_number(in, std::to_string(*first));
    }
    // Roman-era and Security Council form: number [letter] (session).
    if (decision || series == Series::other) {
        return std::nullopt;
    }
    in.skip_spaces();
    char letter = '\0';
    if (is_upper(in.peek())) {
        if (series == Series::security_council) {
            return std::nullopt;
        }
        letter = in.get();
        in.skip_spaces();
    }
    if (!in.eat('(')) {
        return std::nullopt;
    }
    std::optional<std::string> session = paren_session(in, series);
    if (!session || !in.eat(')')) {
        return std::nullopt;
    }
    // The part letter may also follow the session, as the key writes it ("217 (III) A").
    if (letter == '\0' && series != Series::security_council) {
        const std::optional<char> after = final_part_letter(in);
        if (!after) {
            return std::nullopt;
        }
        letter = *after;
    }
    // Key: number, session, part letter ("A/RES/217(III)A", as the Digital Library files
    // part A of resolution 217 (III)); display as the texts write it ("A/RES/217 A (III)").
    Tail t;
    t.key = std::to_string(*first) + '(' + *session + ')';
    t.display = std::to_string(*first);
    if (letter != '\0') {
        t.key += letter;
        t.display += ' ';
        t.display += letter;
    }
    t.display += " (" + *session + ')';
    t.session = std::move(*session);
    return t;
}

// parse_resolution_number on text already normalised and trimmed.
std::optional<Symbol> parse_number(std::string_view text, const Organ& organ, bool decision) {
    const Series series = series_of(organ);
    const std::string& prefix = decision ? organ.dec_prefix : organ.res_prefix;
    if (prefix.empty() || (decision && series == Series::security_council)) {
        return std::nullopt;
    }
    Scanner in(text);
    std::optional<Tail> tail;
    if (is_digit(in.peek())) {
        tail = numbered_form(in, series, decision);
    } else {
        tail = special_session_form(in, series);
    }
    if (!tail || !in.done()) {
        return std::nullopt;
    }
    Symbol sym;
    sym.kind = decision ? NodeKind::Decision : NodeKind::Resolution;
    if (prefix.find('{') != std::string::npos) {
        // A series whose symbol carries the session inside: "UNEP/EA.{session}/Res.{number}"
        // (resolution 5/5 of the Environment Assembly is UNEP/EA.5/Res.5). Only the plain
        // "session/number" form, sessions 1-99, no part letter.
        const std::size_t slash = tail->key.find('/');
        const std::string session = tail->key.substr(0, slash);
        const std::string number =
            slash == std::string::npos ? std::string() : tail->key.substr(slash + 1);
        auto digits = [](const std::string& x) {
            return !x.empty() && x.size() <= 3 &&
                   x.find_first_not_of("0123456789") == std::string::npos;
        };
        if (!digits(session) || session.size() > 2 || !digits(number)) {
            return std::nullopt;
        }
        std::string key = prefix;
        for (const auto& [field, value] :
             {std::pair<std::string_view, const std::string&>{"{session}", session},
              std::pair<std::string_view, const std::string&>{"{number}", number}}) {
            const std::size_t at = key.find(field);
            if (at == std::string::npos) {
                return std::nullopt;
            }
            key.replace(at, field.size(), value);
        }
        if (key.find('{') != std::string::npos) {
            return std::nullopt;
        }
        sym.key = key;
        sym.display = std::move(key);
        sym.session = session;
        return sym;
    }
    sym.key = prefix + '/' + tail->key;
    sym.display = prefix + '/' + tail->display;
    sym.session = std::move(tail->session);
    return sym;
}

// ---------------------------------------------------------------------------------------------
// Full symbols

// Series roots: the first component of a symbol.
constexpr std::array<std::string_view, 29> kRoots = {
    "A",    "S",   "E",     "ST",   "T",   "TD",  "UNEP", "CRC",  "CEDAW", "CCPR",
    "CERD", "CAT", "CMW",   "CRPD", "CED", "HRI", "DP",   "ICEF", "UNW",   "CCPCJ",
    "CND",  "ECE", "SPLOS", "ISBA", "PBC", "HSP", "IDB",  "ICCD", "UNCTAD"};

// Mixed-case body names that take a dot-number ("E/CN.4/Sub.2/1998/13").
constexpr std::array<std::string_view, 1> kMixedCaseBodies = {"Sub"};

// Trailing suffixes, in the exact case UN symbols use.
constexpr std::array<std::string_view, 4> kSuffixes = {"Rev", "Add", "Corr", "Amend"};

constexpr std::size_t kMaxWord = 16;

template <std::size_t N>
bool in_table(const std::array<std::string_view, N>& table, std::string_view s) {
    for (std::string_view entry : table) {
        if (entry == s) {
            return true;
        }
    }
    return false;
}

enum class Part { number, session, word, dotted, suffix, invalid };

// "123": 1..5 digits, no leading zero.
bool is_number_part(std::string_view c) {
    Scanner in(c);
    return in.number(5) && in.done();
}

// Classifies one '/'-separated component of a document symbol.
Part classify(std::string_view c) {
    if (c.empty()) {
        return Part::invalid;
    }
    if (is_digit(c[0])) {
        return is_number_part(c) ? Part::number : Part::invalid;
    }
    Scanner in(c);
    if (in.eat("ES-") || in.eat("S-")) {
        return in.number(2) && in.done() ? Part::session : Part::invalid;
    }
    const std::size_t dot = c.find('.');
    if (dot == std::string_view::npos) {
        const std::string_view word = in.upper_run();
        return in.done() && word.size() <= kMaxWord ? Part::word : Part::invalid;
    }
    const std::string_view name = c.substr(0, dot);
    const std::string_view value = c.substr(dot + 1);
    if (in_table(kSuffixes, name)) {
        Scanner num(value);
        return num.number(3) && num.done() ? Part::suffix : Part::invalid;
    }
    Scanner head(name);
    const bool upper_name = !head.upper_run().empty() && head.done() && name.size() <= kMaxWord;
    if (!upper_name && !in_table(kMixedCaseBodies, name)) {
        return Part::invalid;
    }
    // "CN.15", "PV.70", or a Roman working-group number as in "WG.III".
    if (is_number_part(value) || roman_value(value) > 0) {
        return Part::dotted;
    }
    return Part::invalid;
}

bool has_digit(std::string_view s) {
    for (char c : s) {
        if (is_digit(c)) {
            return true;
        }
    }
    return false;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, end - start));
        start = end + 1;
    }
}

// Offset of a component (a view into s) within s.
std::size_t offset_in(std::string_view s, std::string_view part) {
    return static_cast<std::size_t>(part.data() - s.data());
}

// "<root>[/<body>...]/RES|DEC/<number>[/<suffix>...]"; marker is the index of RES or DEC.
std::optional<Symbol> parse_resolution_symbol(std::string_view s,
                                              const std::vector<std::string_view>& parts,
                                              std::size_t marker) {
    if (marker + 1 >= parts.size()) {
        return std::nullopt;
    }
    // Peel trailing suffixes off; what remains after the marker is the number.
    std::size_t end = parts.size();
    while (end > marker + 2 && classify(parts[end - 1]) == Part::suffix) {
        --end;
    }
    const std::size_t base_begin = offset_in(s, parts[marker + 1]);
    const std::size_t base_end = offset_in(s, parts[end - 1]) + parts[end - 1].size();
    const std::string_view base = s.substr(base_begin, base_end - base_begin);

    const std::string stem(s.substr(0, offset_in(s, parts[marker]))); // "A/HRC/"
    const bool decision = parts[marker] == "DEC";
    const Organ organ{stem + "RES", stem + "DEC"};
    std::optional<Symbol> sym = parse_number(base, organ, decision);
    if (!sym || end == parts.size()) {
        return sym;
    }
    // A revision, addendum or corrigendum of a resolution is a document of its own.
    sym->kind = NodeKind::Document;
    sym->key += '/';
    sym->key += s.substr(offset_in(s, parts[end]));
    sym->display = sym->key;
    return sym;
}

std::optional<Symbol> parse_document_symbol(std::string_view s,
                                            const std::vector<std::string_view>& parts) {
    std::size_t body = 0;
    bool digit = false;
    bool in_suffixes = false;
    std::optional<std::size_t> session_part;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const Part kind = classify(parts[i]);
        if (kind == Part::invalid || (in_suffixes && kind != Part::suffix)) {
            return std::nullopt;
        }
        if (kind == Part::suffix) {
            in_suffixes = true;
            continue;
        }
        if (kind == Part::word && (parts[i] == "RES" || parts[i] == "DEC")) {
            return std::nullopt; // RES/DEC after a number or session: not a real series
        }
        ++body;
        digit = digit || has_digit(parts[i]);
        if (!session_part && (kind == Part::number || kind == Part::session)) {
            session_part = i;
        }
    }
    // Two body components at least, except a lone verbatim record (S/PV.4385, A/PV.1234) or a
    // draft of the years before drafts carried the session (A/L.632, 1971).
    const bool verbatim_record =
        body == 1 && (parts[1].substr(0, 3) == "PV." || parts[1].substr(0, 2) == "L.");
    if ((body < 2 && !verbatim_record) || !digit) {
        return std::nullopt;
    }
    Symbol sym;
    sym.kind = NodeKind::Document;
    sym.key = std::string(s);
    sym.display = sym.key;
    // The first number or session is a session only when more of the body follows it:
    // A/68/457 -> "68", S/2001/1234 -> "2001", but A/CONF.234/16 -> "".
    if (session_part && *session_part < body) {
        sym.session = std::string(parts[*session_part]);
    }
    return sym;
}

// Canonical Roman numeral of 1..4000.
std::string to_roman(int value) {
    struct Step {
        int value;
        const char* text;
    };
    static constexpr std::array<Step, 13> kSteps = {{{1000, "M"},
                                                     {900, "CM"},
                                                     {500, "D"},
                                                     {400, "CD"},
                                                     {100, "C"},
                                                     {90, "XC"},
                                                     {50, "L"},
                                                     {40, "XL"},
                                                     {10, "X"},
                                                     {9, "IX"},
                                                     {5, "V"},
                                                     {4, "IV"},
                                                     {1, "I"}}};
    std::string out;
    for (const Step& step : kSteps) {
        while (value >= step.value) {
            out += step.text;
            value -= step.value;
        }
    }
    return out;
}

int roman_digit(char c) {
    switch (c) {
    case 'I':
        return 1;
    case 'V':
        return 5;
    case 'X':
        return 10;
    case 'L':
        return 50;
    case 'C':
        return 100;
    case 'D':
        return 500;
    case 'M':
        return 1000;
    default:
        return 0;
    }
}

} // namespace

std::optional<Symbol> parse_resolution_number(std::string_view text, const Organ& organ,
                                              bool decision) {
    const std::optional<std::string> norm = normalise(text);
    if (!norm || norm->empty()) {
        return std::nullopt;
    }
    return parse_number(*norm, organ, decision);
}

std::optional<Symbol> parse_symbol(std::string_view text) {
    if (text.size() > 4 * kMaxSymbolBytes) { // spaces and full-width forms normalise away
        return std::nullopt;
    }
    const std::optional<std::string> norm = normalise(text);
    if (!norm || norm->empty() || norm->size() > kMaxSymbolBytes) {
        return std::nullopt;
    }
    const std::string_view s = *norm;
    const std::vector<std::string_view> parts = split(s, '/');
    if (parts.size() < 2 || !in_table(kRoots, parts[0])) {
        return std::nullopt;
    }
    std::size_t suffixes = 0;
    for (auto part : parts) {
        suffixes += classify(part) == Part::suffix ? 1 : 0;
    }
    if (suffixes > kMaxSymbolSuffixes) {
        return std::nullopt;
    }
    // A series whose session is the number of a dotted body and whose last part is "Res.N"
    // or "Dec.N": "UNEP/EA.5/Res.14" (the Environment Assembly), "HSP/HA.1/Res.1" (the
    // UN-Habitat Assembly). With a suffix it is a document, as for the RES series.
    if (parts.size() >= 3 && classify(parts[1]) == Part::dotted &&
        (parts[2].substr(0, 4) == "Res." || parts[2].substr(0, 4) == "Dec.") &&
        is_number_part(parts[2].substr(4))) {
        for (std::size_t i = 3; i < parts.size(); ++i) {
            if (classify(parts[i]) != Part::suffix) {
                return std::nullopt;
            }
        }
        const std::string_view session = parts[1].substr(parts[1].find('.') + 1);
        if (!is_number_part(session)) {
            return std::nullopt;
        }
        Symbol sym;
        sym.kind = parts.size() > 3     ? NodeKind::Document
                   : parts[2][0] == 'R' ? NodeKind::Resolution
                                        : NodeKind::Decision;
        sym.key = std::string(s);
        sym.display = sym.key;
        sym.session = std::string(session);
        return sym;
    }
    // A RES or DEC marker after the root and body names ("A/HRC/RES/...") makes a resolution
    // or decision; anything else is a document.
    for (std::size_t i = 1; i < parts.size(); ++i) {
        if (parts[i] == "RES" || parts[i] == "DEC") {
            return parse_resolution_symbol(s, parts, i);
        }
        const Part kind = classify(parts[i]);
        if (kind != Part::word && kind != Part::dotted) {
            break;
        }
    }
    return parse_document_symbol(s, parts);
}

std::optional<DateWindow> date_window(std::string_view key) {
    auto starts = [&](std::string_view p) { return key.substr(0, p.size()) == p; };
    auto year_window = [](int year) {
        const std::string y = std::to_string(year);
        return DateWindow{y + "-01-01", y + "-12-31"};
    };
    auto digits = [](std::string_view s) {
        int v = 0;
        std::size_t i = 0;
        for (; i < s.size() && i < 5 && s[i] >= '0' && s[i] <= '9'; ++i) {
            v = v * 10 + (s[i] - '0');
        }
        return std::make_pair(v, i);
    };
    if (starts("A/RES/") || starts("A/DEC/")) {
        std::string_view rest = key.substr(6);
        int session = 0;
        const auto [n, len] = digits(rest);
        if (len > 0 && len < rest.size() && rest[len] == '/') {
            session = n; // "68/193"
        } else if (len > 0 && len < rest.size() && rest[len] == '(') {
            const std::size_t close = rest.find(')', len);
            if (close != std::string_view::npos) {
                session = roman_value(rest.substr(len + 1, close - len - 1)); // "217(III)A"
            }
        }
        if (session < 1 || session > 200) {
            return std::nullopt;
        }
        if (session == 1) {
            return DateWindow{"1946-01-01", "1947-09-30"};
        }
        return DateWindow{std::to_string(1945 + session) + "-09-01",
                          std::to_string(1946 + session) + "-09-30"};
    }
    if (starts("S/RES/")) {
        const std::size_t open = key.find('(');
        if (open != std::string_view::npos) {
            const auto [year, len] = digits(key.substr(open + 1));
            if (len == 4) {
                return year_window(year);
            }
        }
        return std::nullopt;
    }
    if (starts("E/RES/") || starts("E/DEC/")) {
        const auto [year, len] = digits(key.substr(6));
        if (len == 4 && key.size() > 10 && key[10] == '/') {
            return year_window(year);
        }
    }
    return std::nullopt;
}

int roman_value(std::string_view text) {
    // The longest canonical numeral up to MMMM is MMMDCCCLXXXVIII (15 letters); the cap also
    // keeps the running total far from overflow.
    if (text.empty() || text.size() > 15) {
        return 0;
    }
    int total = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int digit = roman_digit(text[i]);
        if (digit == 0) {
            return 0;
        }
        const int next = i + 1 < text.size() ? roman_digit(text[i + 1]) : 0;
        total += digit < next ? -digit : digit;
    }
    if (total < 1 || total > 4000) {
        return 0;
    }
    return to_roman(total) == text ? total : 0;
}

} // namespace citegraph
