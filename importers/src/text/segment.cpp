// Stage 2: blocks -> header, preambular and operative paragraphs, footnotes. Paragraphs cut by
// a page end (no terminal punctuation) are rejoined across the footnotes that interrupt them.
#include "../utf8.hpp"
#include "citegraph/engine/symbol.hpp"
#include "citegraph/importers/text_pipeline.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <set>

namespace citegraph::text {
namespace {

struct Range {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct Block {
    std::vector<Range> lines;
    int footnote = 0; // footnote number when the block starts with a marker
    // The operative number of a paragraph whose number a PDF printed alone on the line after
    // its first line ("Decides to establish … of⏎1.⏎its provisional …"); 0: none.
    int number = 0;
    // The block follows page furniture (a page break): a paragraph cut there goes on in it.
    bool page_start = false;
};

bool starts_with(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool boundary_cjk(std::string_view left, std::string_view right) {
    if (left.empty() || right.empty()) {
        return true;
    }
    char32_t a = 0, b = 0;
    utf8::decode(left, left.size() - utf8::prev_len(left, left.size()), a);
    utf8::decode(right, 0, b);
    return utf8::is_cjk(a) || utf8::is_cjk(b);
}

// The text of one line.
std::string_view line_text(const CleanText& c, Range r) {
    return std::string_view(c.text.data() + r.begin, r.end - r.begin);
}

// Whether a space goes between text already assembled and the next piece (nothing next to
// CJK).
bool space_before(const std::string& text, std::string_view piece) {
    // A line broken inside a symbol or a hyphenated word ("A/78/" + "482", "non-" +
    // "governmental") joins without a space.
    bool glued = !text.empty() && !piece.empty() && utf8::is_ascii_alnum(piece.front()) &&
                 (text.back() == '/' || (text.back() == '-' && text.size() >= 2 &&
                                         utf8::is_ascii_alnum(text[text.size() - 2])));
    return !text.empty() && !glued && !boundary_cjk(text, piece);
}

// Appends clean[r] to the span, with a space between pieces where space_before() says so.
void append(Span& s, const CleanText& c, Range r) {
    const std::string_view piece = line_text(c, r);
    if (space_before(s.text, piece)) {
        s.text += ' ';
        s.map.push_back(r.begin);
    }
    auto base = static_cast<std::uint32_t>(s.text.size());
    s.text.append(piece);
    std::size_t old = s.map.size();
    s.map.resize(old + (r.end - r.begin));
    for (std::uint32_t i = r.begin; i < r.end; ++i) {
        s.map[old + (i - r.begin)] = i;
    }
    // Markers are sorted by position: visit only those in [r.begin, r.end].
    auto it = std::lower_bound(c.markers.begin(), c.markers.end(), r.begin,
                               [](const FootnoteMarker& m, std::uint32_t p) { return m.pos < p; });
    for (; it != c.markers.end() && it->pos <= r.end; ++it) {
        if (it->pos > r.begin) {
            s.markers.push_back({base + (it->pos - r.begin), it->number});
        } else if (base > 0) {
            s.markers.push_back({base, it->number});
        }
    }
}

Span block_span(const CleanText& c, const Block& b) {
    Span s;
    for (auto r : b.lines) {
        append(s, c, r);
    }
    return s;
}

// block_span(c, b).text without the byte map, for tests on the text alone.
std::string block_text(const CleanText& c, const Block& b) {
    std::string text;
    for (auto r : b.lines) {
        const std::string_view piece = line_text(c, r);
        if (space_before(text, piece)) {
            text += ' ';
        }
        text.append(piece);
    }
    return text;
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char ch) { return utf8::is_digit(ch); });
}

// Whether the text starts with a lower-case letter of the Latin or Cyrillic script.
bool starts_lower(std::string_view t) {
    if (t.empty()) {
        return false;
    }
    char32_t cp = 0;
    utf8::decode(t, 0, cp);
    return (cp >= U'a' && cp <= U'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
           (cp >= 0x430 && cp <= 0x45F);
}

// Whether the text starts with an upper-case letter of the Latin, Greek or Cyrillic script.
bool starts_upper(std::string_view t) {
    if (t.empty()) {
        return false;
    }
    char32_t cp = 0;
    utf8::decode(t, 0, cp);
    return (cp >= U'A' && cp <= U'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
           (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

// Whether the text starts with a letter of a script without letter case (Arabic, Han, …): not
// a digit, punctuation or symbol ("72/112 of …", "《…》", "（a）").
bool starts_caseless_letter(std::string_view t) {
    if (t.empty()) {
        return false;
    }
    char32_t cp = 0;
    utf8::decode(t, 0, cp);
    return cp >= 0x590 && !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
           !(cp >= 0xFF00 && cp <= 0xFFEF) && !(cp >= 0x660 && cp <= 0x669);
}

// A typographic bullet at the start of a line ("- ", "• ", "– ", "— ", "· ", "▪ ", or "-" right
// before CJK text): its length with the spaces after it, else 0.
std::size_t bullet_len(std::string_view t) {
    for (std::string_view b :
         {"-", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x96\xAA"}) {
        if (starts_with(t, b) && t.size() > b.size() && t[b.size()] != ' ') {
            // The space after a bullet before CJK text was dropped by clean(): "-回顾…".
            char32_t cp = 0;
            utf8::decode(t, b.size(), cp);
            if (utf8::is_cjk(cp)) {
                return b.size();
            }
        }
        if (starts_with(t, b) && t.size() > b.size() && t[b.size()] == ' ') {
            std::size_t k = b.size();
            while (k < t.size() && t[k] == ' ') {
                ++k;
            }
            return k < t.size() ? k : 0;
        }
    }
    return 0;
}

// A sub-item of a paragraph: a bullet, "(a)", "(iv)", "a)", "б)" at the start of the text.
bool sub_item(std::string_view t) {
    if (bullet_len(t) > 0) {
        return true;
    }
    std::size_t i = !t.empty() && t[0] == '(' ? 1 : 0;
    std::size_t letters = 0;
    while (i < t.size() && letters < 6) {
        char32_t cp = 0;
        int n = utf8::decode(t, i, cp);
        bool lower = (cp >= U'a' && cp <= U'z') || (cp >= 0x430 && cp <= 0x44F);
        if (!lower) {
            break;
        }
        i += static_cast<std::size_t>(n);
        ++letters;
    }
    return letters > 0 && (letters <= 1 || t[0] == '(') && i < t.size() && t[i] == ')';
}

// Lines a PDF page adds around the text: job numbers ("23-25976 (E)  100124"), barcodes
// ("*2325976*"), page counters ("2/28").
bool page_furniture(std::string_view t) {
    if (t.size() >= 8 && is_digits(t.substr(0, 2)) && t[2] == '-' && is_digits(t.substr(3, 5)) &&
        (t.size() == 8 || t[8] == ' ')) {
        return true;
    }
    if (t.size() >= 3 && t.front() == '*' && t.back() == '*' &&
        is_digits(t.substr(1, t.size() - 2))) {
        return true;
    }
    auto slash = t.find('/');
    if (slash != std::string_view::npos && slash > 0 && slash < 4 && t.size() - slash - 1 <= 3 &&
        is_digits(t.substr(0, slash)) && is_digits(t.substr(slash + 1))) {
        int a = std::stoi(std::string(t.substr(0, slash)));
        int b = std::stoi(std::string(t.substr(slash + 1)));
        return a >= 1 && a <= b;
    }
    return false;
}

bool title_line(std::string_view text, std::string& number, std::string& title);
bool ends_terminal(std::string_view text, const Lexicon& lex);
std::uint32_t trim_front(const CleanText& c, std::uint32_t pos, std::uint32_t end);

// Lines of page furniture that carry no word: the "/..." that ends a page of older PDFs, a
// stray "·" or "•" of OCR, the "-----" after the last paragraph. A lone terminal punctuation
// mark (a wrapped "." or "。") is text, not furniture.
bool noise_line(std::string_view t, const Lexicon& lex) {
    if (t.empty() || t.size() > 12) {
        return false;
    }
    std::size_t chars = 0;
    for (std::size_t i = 0; i < t.size();) {
        char32_t cp = 0;
        i += static_cast<std::size_t>(utf8::decode(t, i, cp));
        ++chars;
        const bool mark = cp == U'-' || cp == U'/' || cp == U'.' || cp == U'*' || cp == U'=' ||
                          cp == U'~' || cp == U' ' || cp == 0xB7 || cp == 0x2022 || cp == 0x2013 ||
                          cp == 0x2014 || cp == 0x2026;
        if (!mark) {
            return false;
        }
    }
    return chars > 1 || !ends_terminal(t, lex);
}

// A page label line of PDF text ("Page 2"): a `page_label` word of the lexicon and a number.
bool page_label(std::string_view t, const Lexicon& lex) {
    for (const auto& w : lex.values("page_label")) {
        if (t.size() > w.size() + 1 && starts_with(t, w) && t[w.size()] == ' ' &&
            is_digits(t.substr(w.size() + 1))) {
            return true;
        }
    }
    return false;
}

// Lines a web page adds around the text: navigation rows ("Home | Documents | …",
// "← | previous | next |", a lone "|") and the lexicon's `web_line` openings (page chrome,
// share and licence lines). They carry no paragraph and no citation.
bool web_chrome(std::string_view t, const Lexicon& lex) {
    const std::string_view left_arrow = "\xE2\x86\x90", right_arrow = "\xE2\x86\x92";
    if (starts_with(t, "|") || ends_with(t, "|") || starts_with(t, left_arrow) ||
        ends_with(t, right_arrow) || std::count(t.begin(), t.end(), '|') >= 2) {
        return true;
    }
    for (const auto& w : lex.values("web_line")) {
        // The opening is a whole word: "Share this page" is chrome, "Shares the view" is not.
        if (starts_with(t, w) && (t.size() == w.size() || !utf8::is_ascii_alnum(t[w.size()]))) {
            return true;
        }
    }
    return false;
}

// Blocks of non-blank lines, without the page furniture of PDF text: job numbers, barcodes,
// page counters, the document's symbol repeated at page tops and the running title next to
// them; the rule above footnotes ends a block and opens the footnote area, where blocks that
// start with a number ("1  United Nations, Treaty Series…") are footnotes.
std::vector<Block> blocks_of(const CleanText& c, const Lexicon& lex) {
    struct Line {
        Range r;
        std::string_view t;
    };
    std::vector<Line> lines;
    const auto n = static_cast<std::uint32_t>(c.text.size());
    for (std::uint32_t pos = 0; pos <= n;) {
        std::uint32_t eol = pos;
        while (eol < n && c.text[eol] != '\n') {
            ++eol;
        }
        lines.push_back({{pos, eol}, std::string_view(c.text.data() + pos, eol - pos)});
        pos = eol + 1;
    }
    // The title (to recognise running headers) and the document's own symbol line.
    std::string title;
    std::string symbol_line;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string num, t;
        // ("S/RES/1010 (1995)": one space before a year in brackets.)
        if (symbol_line.empty() && lines[i].t.find('/') != std::string_view::npos &&
            std::count(lines[i].t.begin(), lines[i].t.end(), ' ') <= 1) {
            if (auto s = parse_symbol(lines[i].t); s && s->kind != NodeKind::Document) {
                symbol_line = std::string(lines[i].t);
            }
        }
        if (title.empty() && title_line(lines[i].t, num, t)) {
            // The title runs to the next blank line, but no real title is longer than this:
            // a longer block is not all title, and every line is looked up in it below.
            constexpr std::size_t kMaxTitle = 1000;
            title = t;
            for (std::size_t j = i + 1;
                 j < lines.size() && !lines[j].t.empty() && title.size() < kMaxTitle; ++j) {
                title += " " + std::string(lines[j].t);
            }
        }
    }
    const std::string rule = lex.value("footnote_rule");
    auto is_title_fragment = [&](std::string_view t) {
        return t.size() >= 8 && !title.empty() && title.find(t) != std::string::npos;
    };

    std::vector<Block> blocks;
    std::vector<char> touches; // block was next to page furniture
    Block cur;
    bool cur_touch = false;
    int footnote_area = 0; // which footnote area (rule) the lines are in; 0: none
    int rules = 0;
    auto flush = [&](bool next_touch) {
        if (!cur.lines.empty()) {
            cur.page_start = cur_touch;
            blocks.push_back(std::move(cur));
            touches.push_back(cur_touch || next_touch);
            cur = Block{};
            cur_touch = next_touch;
        } else {
            cur_touch = cur_touch || next_touch;
        }
    };
    std::vector<int> in_footnote_area;
    bool after_symbol = false; // only running title lines since the symbol line
    for (const auto& l : lines) {
        bool furniture = page_furniture(l.t) || noise_line(l.t, lex) || page_label(l.t, lex) ||
                         (!symbol_line.empty() && l.t == symbol_line);
        bool is_rule = !rule.empty() && l.t.substr(0, rule.size()) == rule;
        if (!l.t.empty() && !furniture && !is_rule && web_chrome(l.t, lex)) {
            flush(false);
            continue;
        }
        const bool symbol = !symbol_line.empty() && l.t == symbol_line;
        if (symbol) {
            // The running title on the lines right next to the symbol at a page top (a text
            // without blank lines) is not the paragraph's: before it …
            while (!cur.lines.empty() && is_title_fragment(line_text(c, cur.lines.back())) &&
                   !ends_terminal(line_text(c, cur.lines.back()), lex)) {
                cur.lines.pop_back();
            }
        }
        if (l.t.empty() || is_rule) {
            after_symbol = false;
        } else if (symbol) {
            after_symbol = true;
        } else if (!furniture) {
            if (after_symbol && is_title_fragment(l.t) && !ends_terminal(l.t, lex)) {
                continue; // … and after it
            }
            after_symbol = false;
        }
        if (l.t.empty() || furniture || is_rule) {
            flush(furniture);
            if (is_rule) {
                footnote_area = ++rules;
            } else if (furniture) {
                footnote_area = 0; // the next page begins
            }
            continue;
        }
        if (cur.lines.empty()) {
            in_footnote_area.resize(blocks.size() + 1);
            in_footnote_area[blocks.size()] = footnote_area;
        }
        cur.lines.push_back(l.r);
    }
    flush(false);
    in_footnote_area.resize(blocks.size());

    std::vector<Block> out;
    int closed_area = 0; // an area in which a block was not a footnote: the text resumed
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block& b = blocks[i];
        std::string_view first = line_text(c, b.lines.front());
        bool all_title = touches[i] && std::all_of(b.lines.begin(), b.lines.end(), [&](Range r) {
                             return is_title_fragment(line_text(c, r));
                         });
        if (all_title) {
            continue; // a running header
        }
        // Markers are sorted by position: the first one at the block's start, if any.
        auto m =
            std::lower_bound(c.markers.begin(), c.markers.end(), b.lines.front().begin,
                             [](const FootnoteMarker& fm, std::uint32_t p) { return fm.pos < p; });
        if (m != c.markers.end() && m->pos == b.lines.front().begin) {
            b.footnote = m->number;
        }
        // Plain-digit footnotes after the rule: "12  See CAC/COSP/2019/17, sect. I.B."
        if (b.footnote == 0 && in_footnote_area[i] != 0 && in_footnote_area[i] != closed_area) {
            std::size_t d = 0;
            while (d < first.size() && d < 4 && utf8::is_digit(first[d])) {
                ++d;
            }
            if (d > 0 && d < first.size() && first[d] == ' ') {
                std::size_t k = d;
                while (k < first.size() && first[k] == ' ') {
                    ++k;
                }
                b.footnote = std::stoi(std::string(first.substr(0, d)));
                b.lines.front().begin += static_cast<std::uint32_t>(k);
            } else if (d > 0 && d < first.size() && first[d] == '/' &&
                       (d + 1 == first.size() || first[d + 1] == ' ')) {
                // Older UN documents number their footnotes "1/": "1/ A/48/185, annex II.",
                // or the number alone and its text in the next line or block.
                b.footnote = std::stoi(std::string(first.substr(0, d)));
                if (d + 1 < first.size()) {
                    b.lines.front().begin =
                        trim_front(c, b.lines.front().begin + static_cast<std::uint32_t>(d + 1),
                                   b.lines.front().end);
                } else if (b.lines.size() > 1) {
                    b.lines.erase(b.lines.begin());
                } else if (i + 1 < blocks.size() &&
                           in_footnote_area[i + 1] == in_footnote_area[i]) {
                    std::string_view next = line_text(c, blocks[i + 1].lines.front());
                    std::size_t e = 0;
                    while (e < next.size() && e < 4 && utf8::is_digit(next[e])) {
                        ++e;
                    }
                    if (!(e > 0 && e < next.size() && next[e] == '/')) {
                        b.lines = blocks[i + 1].lines; // the footnote's text
                        ++i;
                    }
                }
            } else {
                closed_area = in_footnote_area[i];
            }
        }
        if (b.footnote == 0) {
            out.push_back(std::move(b));
            continue;
        }
        // Footnotes without blank lines between them: a line that opens with the next
        // footnote's marker, or after the rule with its number ("3 Resolution 70/1."), starts
        // it.
        Block piece{{b.lines.front()}, b.footnote};
        for (std::size_t li = 1; li < b.lines.size(); ++li) {
            const Range r = b.lines[li];
            const std::string_view lt = line_text(c, r);
            const int next = piece.footnote + 1;
            const std::string digits = std::to_string(next);
            std::uint32_t skip = 0;
            bool starts_next = false;
            auto mk = std::lower_bound(
                c.markers.begin(), c.markers.end(), r.begin,
                [](const FootnoteMarker& fm, std::uint32_t p) { return fm.pos < p; });
            if (mk != c.markers.end() && mk->pos == r.begin) {
                starts_next = mk->number == next;
            } else if (in_footnote_area[i] != 0 && starts_with(lt, digits) &&
                       lt.size() > digits.size() + 1 && lt[digits.size()] == ' ') {
                starts_next = true;
                skip = static_cast<std::uint32_t>(digits.size() + 1);
            }
            if (starts_next) {
                out.push_back(std::move(piece));
                piece = Block{{{trim_front(c, r.begin + skip, r.end), r.end}}, next};
                continue;
            }
            piece.lines.push_back(r);
        }
        out.push_back(std::move(piece));
    }
    return out;
}

std::uint32_t trim_front(const CleanText& c, std::uint32_t pos, std::uint32_t end) {
    while (pos < end && c.text[pos] == ' ') {
        ++pos;
    }
    return pos;
}

bool title_line(std::string_view text, std::string& number, std::string& title);
int operative_number(std::string_view text, std::uint32_t& body_begin);
bool ends_terminal(std::string_view text, const Lexicon& lex);
bool any_template(const Lexicon& lex, std::string_view key, std::string_view text,
                  Template::Result& r, bool whole);

// Whether a line opens a paragraph: an operative number, a clause verb, or another word that
// opens paragraphs without being a clause verb (`paragraph_opener`). A line that starts
// in lower case (Latin, Cyrillic) continues its paragraph ("…,⏎expressing deep concern …"),
// except in languages whose paragraphs open in lower case (`paragraphs_open_lower`: Russian
// "ссылаясь на …") in a text that does not separate its paragraphs by blank lines.
bool opens_paragraph(std::string_view line, const Lexicon& lex, bool lower_opens) {
    std::uint32_t body = 0;
    // A number alone decides nothing past 999 here: a wrapped line may open with a year
    // ("2050."); paragraph 1000 and up count where they are the number expected next.
    if (const int n = operative_number(line, body); n > 0 && n < 1000) {
        return true;
    }
    if (!lower_opens && starts_lower(line)) {
        return false;
    }
    AhoCorasick::Match m;
    if (lex.verb_automaton().longest_at(line, 0, m)) {
        return true;
    }
    for (const auto& w : lex.values("paragraph_opener")) {
        if (starts_with(line, w) &&
            (line.size() == w.size() || !utf8::is_ascii_alnum(line[w.size()]))) {
            return true;
        }
    }
    return false;
}

// Lines run together into one block (web copies, texts without blank lines) are cut where a
// paragraph opens: the title line, the report line and the subject line of the header, a
// subject line that carries the first paragraph ("大会, 回顾…"), and in the body a line that
// opens a paragraph after a line that ended a clause. A bullet before a paragraph ("- Recalling
// …", "- 1. Decides …") is dropped; other bullets mark sub-items.
// Whether the subject line opens the text: "The General Assembly," / "大会，" at the start of
// the line (`subject`), or a whole line of `subject_line`.
bool subject_at(std::string_view line, const Lexicon& lex) {
    for (const auto& subj : lex.values("subject")) {
        if (starts_with(line, subj)) {
            return true;
        }
    }
    for (const auto& subj : lex.values("subject_line")) {
        if (line == subj) {
            return true;
        }
    }
    return false;
}

// Whether the text sets one paragraph a line (web copies): after the subject line, at least
// three lines in four end a clause (a line cut by a page end or a PDF's line width mostly does
// not). In such a text a line that ends a clause ends its paragraph.
bool one_paragraph_a_line(const CleanText& c, const std::vector<Block>& blocks,
                          const Lexicon& lex) {
    bool body = false;
    int lines = 0, ended = 0;
    for (const auto& b : blocks) {
        if (b.footnote > 0) {
            continue;
        }
        for (auto r : b.lines) {
            std::string_view t = line_text(c, r);
            if (!body) {
                body = subject_at(t, lex);
                continue;
            }
            ++lines;
            ended += ends_terminal(t, lex);
        }
    }
    return lines >= 3 && ended * 4 >= lines * 3;
}

// Where a run-together preamble ("…, Recalling also its resolution …, Concerned that …") starts
// its next paragraph inside a line: after ", " a clause verb or paragraph opener that starts in
// upper case (scripts with letter case only: in a caseless script a verb after a comma opens a
// clause of the same paragraph). npos when none.
std::size_t run_together_paragraph(std::string_view line, std::size_t from, const Lexicon& lex) {
    for (std::size_t p = line.find(',', from); p != std::string_view::npos;
         p = line.find(',', p + 1)) {
        std::size_t q = p + 1;
        // A footnote call in brackets may follow the comma: "…Council,[1] Noting further …".
        if (q < line.size() && line[q] == '[') {
            std::size_t d = q + 1;
            while (d < line.size() && d - q <= 3 && utf8::is_digit(line[d])) {
                ++d;
            }
            if (d > q + 1 && d < line.size() && line[d] == ']') {
                q = d + 1;
            }
        }
        if (q >= line.size() || line[q] != ' ') {
            continue;
        }
        while (q < line.size() && line[q] == ' ') {
            ++q;
        }
        std::string_view rest = line.substr(q);
        if (!starts_upper(rest)) {
            continue;
        }
        AhoCorasick::Match m;
        bool opens = lex.verb_automaton().longest_at(rest, 0, m);
        for (const auto& w : lex.values("paragraph_opener")) {
            opens = opens || (starts_with(rest, w) &&
                              (rest.size() == w.size() || !utf8::is_ascii_alnum(rest[w.size()])));
        }
        if (opens) {
            return q;
        }
    }
    return std::string_view::npos;
}

std::vector<Block> refine_header_lines(const CleanText& c, std::vector<Block> blocks,
                                       const Lexicon& lex, bool one_per_line) {
    // Whether the text separates its paragraphs by blank lines: several blocks open one.
    int opening_blocks = 0;
    for (const auto& b : blocks) {
        opening_blocks +=
            b.footnote == 0 && opens_paragraph(line_text(c, b.lines.front()), lex, true);
    }
    const bool lower_opens = lex.value("paragraphs_open_lower") == "yes" && opening_blocks < 3;
    bool in_header = true; // no subject line yet
    std::vector<Block> out;
    for (auto& b : blocks) {
        if (b.footnote > 0) {
            out.push_back(std::move(b));
            continue;
        }
        Block cur;
        cur.page_start = b.page_start;
        for (std::size_t li = 0; li < b.lines.size(); ++li) {
            Range r = b.lines[li];
            std::string_view line = line_text(c, r);
            if (std::size_t k = bullet_len(line);
                k > 0 && opens_paragraph(line.substr(k), lex, lower_opens)) {
                r.begin += static_cast<std::uint32_t>(k); // "- Recalling …"
                line = line_text(c, r);
            }
            std::string num, title;
            if (in_header && !cur.lines.empty() &&
                (title_line(line, num, title) ||
                 (starts_with(line, lex.value("report_open", "[")) &&
                  line.find(lex.value("report_marker", "report")) != std::string_view::npos))) {
                out.push_back(std::move(cur)); // header facts one a line, no blank lines
                cur = Block{};
            }
            std::size_t subject = 0;
            for (const auto& subj : lex.values("subject")) {
                if (line.size() >= subj.size() && line.substr(0, subj.size()) == subj) {
                    subject = subj.size();
                }
            }
            if (subject > 0 || subject_at(line, lex)) {
                in_header = false;
            }
            if (subject > 0 && (b.lines.size() > 1 || line.size() > subject)) {
                if (!cur.lines.empty()) {
                    out.push_back(std::move(cur));
                    cur = Block{};
                }
                auto cut = static_cast<std::uint32_t>(r.begin + subject);
                out.push_back(Block{{{r.begin, cut}}, 0});
                auto rest = trim_front(c, cut, r.end);
                if (rest >= r.end) {
                    continue;
                }
                r.begin = rest; // the first paragraph, on the subject's line
                line = line_text(c, r);
            }
            // A PDF's operative number alone on the line after the paragraph's first line
            // ("Decides to establish, … in accordance with rule 28 of⏎1.⏎its provisional
            // rules …"): the number belongs to the paragraph that line opened. (A number alone
            // after a line that ended a clause is the next paragraph's, printed before it.)
            if (std::uint32_t nb = 0; !in_header && cur.lines.size() == 1 && cur.number == 0 &&
                                      operative_number(line, nb) > 0 && nb >= line.size()) {
                std::string_view first = line_text(c, cur.lines.front());
                std::uint32_t fb = 0;
                // (The line after the number goes on with the paragraph: it opens none.)
                const std::string_view after =
                    li + 1 < b.lines.size() ? line_text(c, b.lines[li + 1]) : std::string_view();
                if (!ends_terminal(first, lex) && operative_number(first, fb) < 0 &&
                    !starts_lower(first) && opens_paragraph(first, lex, false) && !after.empty() &&
                    !opens_paragraph(after, lex, lower_opens)) {
                    cur.number = operative_number(line, nb);
                    continue;
                }
            }
            // One paragraph a line (web copies): a line that opens with a clause verb or an
            // operative number after a line that ended a clause starts a new block; in a text
            // set one paragraph a line, so does any line of a caseless script (Chinese, Arabic:
            // "表示注意到…", "在这方面强调…" open paragraphs without a verb of the table) after
            // one that ended a clause, but sub-items. (In a cased script a line in upper case
            // that opens no paragraph goes on with a title: "…in the Teaching,⏎Study,
            // Dissemination and …".)
            if (!cur.lines.empty()) {
                auto prev = cur.lines.back();
                std::string_view prev_line = line_text(c, prev);
                std::uint32_t prev_body = 0;
                bool prev_is_number_only =
                    operative_number(prev_line, prev_body) > 0 && prev_body >= prev_line.size();
                Template::Result end;
                const bool prev_ended = ends_terminal(prev_line, lex);
                const bool opens = opens_paragraph(line, lex, lower_opens);
                const bool next_line_paragraph =
                    one_per_line && !in_header && !sub_item(line) && starts_caseless_letter(line);
                if (!prev_is_number_only && prev_ended &&
                    (opens || next_line_paragraph || any_template(lex, "end", line, end, true))) {
                    out.push_back(std::move(cur));
                    cur = Block{};
                }
            }
            // A preamble run together on one line (OCR'd volumes, web copies): it is cut
            // before each paragraph it holds.
            if (!in_header) {
                std::size_t from = 0;
                for (std::size_t at = run_together_paragraph(line, from, lex);
                     at != std::string_view::npos; at = run_together_paragraph(line, from, lex)) {
                    auto cut = static_cast<std::uint32_t>(r.begin + at);
                    Range head{r.begin, cut};
                    while (head.end > head.begin && c.text[head.end - 1] == ' ') {
                        --head.end;
                    }
                    cur.lines.push_back(head);
                    out.push_back(std::move(cur));
                    cur = Block{};
                    r.begin = cut;
                    line = line_text(c, r);
                    from = 0;
                }
            }
            if (title_line(line, num, title)) {
                // The subject may follow the title on the same line ("52/133. 标题 大会, …").
                std::size_t at = std::string_view::npos;
                for (const auto& subj : lex.values("subject")) {
                    at = std::min(at, line.find(subj, line.size() - title.size()));
                }
                if (at != std::string_view::npos) {
                    if (!cur.lines.empty()) {
                        out.push_back(std::move(cur));
                        cur = Block{};
                    }
                    auto cut = static_cast<std::uint32_t>(r.begin + at);
                    out.push_back(Block{{{r.begin, cut}}, 0});
                    // The rest starts with the subject: let the subject rule split it.
                    std::vector<Block> rest =
                        refine_header_lines(c, {Block{{{cut, r.end}}, 0}}, lex, one_per_line);
                    for (auto& x : rest) {
                        out.push_back(std::move(x));
                    }
                    continue;
                }
            }
            cur.lines.push_back(r);
        }
        if (!cur.lines.empty()) {
            out.push_back(std::move(cur));
        }
    }
    return out;
}

// The operative paragraph number at the start of a block, else -1: "12." or "12 .", "12-",
// "12 -" or "12 –" (a space after the dash: Arabic texts, "١٢-" once its digits are mapped),
// "(12)". `body_begin` is where the text after it starts. Up to four digits: a resolution may
// run past paragraph 999 (a number counts only where it is the one expected next, so "2015."
// starting a line is no paragraph of a short text).
int operative_number(std::string_view text, std::uint32_t& body_begin) {
    const bool paren = !text.empty() && text[0] == '(';
    std::size_t i = paren ? 1 : 0;
    const std::size_t first = i;
    while (i < text.size() && utf8::is_digit(text[i])) {
        ++i;
    }
    if (i == first || i - first > (paren ? 3 : 4)) { // "(1980)" is a year, not paragraph 1980
        return -1;
    }
    std::size_t j = i;
    if (paren) {
        if (j >= text.size() || text[j] != ')' || j + 1 >= text.size() || text[j + 1] != ' ') {
            return -1; // "(12)" and a space: "(2010)" inside a title is not a number
        }
        ++j;
    } else {
        while (j < text.size() && text[j] == ' ') {
            ++j;
        }
        // "12." everywhere; "12 - ", "12 – " and, in web copies, "12- " and "12-" in Arabic
        // texts (never a range such as "12-15" or "2030-2035": no digit may follow the dash).
        if (j < text.size() && text[j] == '.') {
            ++j;
            if (j < text.size() && utf8::is_digit(text[j])) {
                return -1; // "2.5 per cent"
            }
        } else if (j < text.size() && (text[j] == '-' || text.substr(j, 3) == "\xE2\x80\x93")) {
            j += text[j] == '-' ? 1 : 3;
            std::size_t k = j;
            while (k < text.size() && text[k] == ' ') {
                ++k;
            }
            if (k >= text.size() || utf8::is_digit(text[k]) || text[k] == '-') {
                return -1;
            }
        } else {
            return -1;
        }
    }
    while (j < text.size() && text[j] == ' ') {
        ++j;
    }
    body_begin = static_cast<std::uint32_t>(j);
    return std::stoi(std::string(text.substr(first, i - first)));
}

// Chinese numbering of old texts and web copies: "一." "二、" "1、". Read only for a block
// that ends a clause: a section heading ("三. 合作", Roman III in the English text) does not.
int zh_operative_number(std::string_view text, std::uint32_t& body_begin) {
    std::size_t n = zh_numeral_length(text, 0);
    const bool words = n > 0;
    while (!words && n < text.size() && n < 3 && utf8::is_digit(text[n])) {
        ++n;
    }
    std::size_t j = n;
    if (n > 0 && text.substr(j, 3) == "\xE3\x80\x81") { // 、
        j += 3;
    } else if (words && j < text.size() && text[j] == '.') {
        ++j;
    } else {
        return -1;
    }
    while (j < text.size() && text[j] == ' ') {
        ++j;
    }
    body_begin = static_cast<std::uint32_t>(j);
    return parse_zh_number(text.substr(0, n));
}

bool ends_terminal(std::string_view text, const Lexicon& lex) {
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    if (lex.value("digit_markers") == "yes") {
        // "…Questions, 3": a footnote marker after the closing punctuation.
        std::size_t d = 0;
        while (d < text.size() && d < 4 && utf8::is_digit(text[text.size() - 1 - d])) {
            ++d;
        }
        if (d > 0 && d < 4 && d < text.size()) {
            std::string_view rest = text.substr(0, text.size() - d);
            while (!rest.empty() && rest.back() == ' ') {
                rest.remove_suffix(1);
            }
            if (!rest.empty() && !utf8::is_digit(rest.back()) && rest.back() != '/') {
                text = rest;
            }
        }
    }
    for (const auto& t : lex.values("terminal")) {
        if (ends_with(text, t)) {
            return true;
        }
    }
    // "…Economic and Social Council,[1]": a footnote call in brackets after the closing
    // punctuation (web copies).
    if (ends_with(text, "]")) {
        std::size_t d = 0;
        while (d < 3 && d + 2 < text.size() && utf8::is_digit(text[text.size() - 2 - d])) {
            ++d;
        }
        if (d > 0 && text.size() > d + 2 && text[text.size() - 2 - d] == '[') {
            return ends_terminal(text.substr(0, text.size() - 2 - d), lex);
        }
    }
    // "…signed on 26 May 1993, 1/": the footnote call of older UN documents after the
    // closing punctuation.
    if (ends_with(text, "/")) {
        std::size_t d = 0;
        while (d < 3 && d + 1 < text.size() && utf8::is_digit(text[text.size() - 2 - d])) {
            ++d;
        }
        if (d > 0 && text.size() > d + 2 && text[text.size() - 2 - d] == ' ') {
            return ends_terminal(text.substr(0, text.size() - 2 - d), lex);
        }
    }
    return false;
}

// The whole block matches the template (nothing but white space after it).
bool whole_match(const Template& t, std::string_view text, const Lexicon& lex,
                 Template::Result& r) {
    if (!t.match(text, 0, lex, r)) {
        return false;
    }
    std::size_t e = r.end;
    while (e < text.size() && text[e] == ' ') {
        ++e;
    }
    return e == text.size();
}

bool any_template(const Lexicon& lex, std::string_view key, std::string_view text,
                  Template::Result& r, bool whole) {
    for (const auto& t : lex.templates(key)) {
        if (whole ? whole_match(t, text, lex, r) : t.match(text, 0, lex, r)) {
            return true;
        }
    }
    return false;
}

// "68/193. Title" -> ("68/193", "Title").
bool title_line(std::string_view text, std::string& number, std::string& title) {
    auto dot = text.find(". ");
    if (dot == std::string_view::npos || dot == 0 || dot > 24) {
        dot = text.find('.');
        if (dot == std::string_view::npos || dot == 0 || dot > 24) {
            return false;
        }
    }
    std::string_view num = text.substr(0, dot);
    if (!parse_resolution_number(num, Organ::general_assembly()) &&
        !parse_resolution_number(num, Organ::security_council())) {
        return false;
    }
    number = std::string(num);
    std::string_view rest = text.substr(dot + 1);
    while (!rest.empty() && rest.front() == ' ') {
        rest.remove_prefix(1);
    }
    title = std::string(rest);
    return true;
}

// PDF text keeps footnote markers as plain digits: glued to a word or to punctuation
// ("Corruption5 and", "thereto,1", "2021,6"), or standing alone after a comma when it is the
// next footnote in sequence ("Protocol, 2  the"). Only numbers of footnotes that exist count.
void strip_digit_markers(Span& s, std::uint32_t from, const std::set<int>& defined,
                         int& next_expected, const std::vector<std::string>& months,
                         const std::string& clean_text) {
    std::string text;
    std::vector<std::uint32_t> map;
    std::vector<FootnoteMarker> markers = s.markers;
    const std::string& t = s.text;
    text.reserve(t.size());
    map.reserve(t.size());
    std::size_t i = 0;
    auto keep = [&](std::size_t k) {
        text += t[k];
        map.push_back(s.map[k]);
    };
    // The current word, found by one forward scan (not by scanning back from every number):
    // t[word_start, i) has no space, last_slash is the last '/' before `scanned`.
    std::size_t scanned = 0, word_start = 0, last_slash = std::string::npos;
    while (i < t.size()) {
        bool start = i >= from && utf8::is_digit(t[i]) && (i == 0 || !utf8::is_digit(t[i - 1]));
        std::size_t j = i;
        while (start && j < t.size() && utf8::is_digit(t[j]) && j - i < 4) {
            ++j;
        }
        // "7 March 20082": a marker glued to the year of a date.
        if (start && i > 0 && t[i - 1] == ' ') {
            std::size_t k = i;
            while (k < t.size() && utf8::is_digit(t[k]) && k - i < 8) {
                ++k;
            }
            bool after_month = false;
            for (const auto& m : months) {
                after_month = after_month ||
                              (i >= m.size() + 1 && t.compare(i - m.size() - 1, m.size(), m) == 0);
            }
            bool year_like =
                k - i >= 5 && (t.compare(i, 2, "19") == 0 || t.compare(i, 2, "20") == 0);
            if (!after_month && year_like && k - i <= 6 &&
                std::stoi(t.substr(i + 4, k - i - 4)) == next_expected) {
                after_month = true; // "for 20244 and": year 2024, footnote 4 (the next one)
            }
            if (after_month && k - i >= 5 && k - i <= 7 &&
                (k == t.size() || !utf8::is_ascii_alnum(t[k]))) {
                int v = std::stoi(t.substr(i + 4, k - i - 4));
                if (defined.count(v) && t[i + 4] != '0' && v <= next_expected) {
                    for (std::size_t y = i; y < i + 4; ++y) {
                        keep(y);
                    }
                    next_expected = std::max(next_expected, v + 1);
                    markers.push_back({static_cast<std::uint32_t>(text.size()), v});
                    i = k;
                    continue;
                }
            }
        }
        // "…signed on 26 May 1993, 1/ Recalling": the footnote call of older UN documents.
        if (start && j - i <= 3 && i > 0 && t[i - 1] == ' ' && j < t.size() && t[j] == '/' &&
            (j + 1 == t.size() || t[j + 1] == ' ') &&
            defined.count(std::stoi(t.substr(i, j - i))) > 0) {
            const int v = std::stoi(t.substr(i, j - i));
            next_expected = std::max(next_expected, v + 1);
            // Drop the call and the space before it.
            while (!text.empty() && text.back() == ' ') {
                text.pop_back();
                map.pop_back();
            }
            markers.push_back({static_cast<std::uint32_t>(text.size()), v});
            i = j + 1;
            continue;
        }
        bool marker = false;
        if (start && j - i <= 3 && i > 0 &&
            (j == t.size() || t[j] == ' ' || t[j] == ',' || t[j] == ';' || t[j] == '.' ||
             t[j] == ')')) {
            int v = std::stoi(t.substr(i, j - i));
            char p = t[i - 1];
            bool known = defined.count(v) > 0;
            bool glued_word = p >= 'a' && p <= 'z';
            bool glued_punct = p == ',' || p == ';' || p == ':' || p == ')' || p == '.' ||
                               p == '\'' || p == '"' ||
                               (i >= 3 && (t.compare(i - 3, 3, "\xE2\x80\x9D") == 0 ||
                                           t.compare(i - 3, 3, "\xE2\x80\x99") == 0));
            bool thousands = p == ',' && i >= 2 && utf8::is_digit(t[i - 2]) && j - i == 3;
            bool decimal = p == '.' && i >= 2 && utf8::is_digit(t[i - 2]);
            // "…Goals 6" closing a PDF line: the next footnote, alone at the end of the line.
            std::uint32_t last = s.map[j - 1] + 1;
            bool line_end = last >= clean_text.size() || clean_text[last] == '\n';
            // (Not a day before its month: "resolutions 54/47 of 1⏎December 1999".)
            std::size_t after = j;
            while (after < t.size() && t[after] == ' ') {
                ++after;
            }
            bool day = false;
            for (const auto& m : months) {
                day = day || (!m.empty() && t.compare(after, m.size(), m) == 0);
            }
            bool spaced = p == ' ' && i >= 2 && v == next_expected && !day &&
                          (t[i - 2] == ',' || t[i - 2] == ';' ||
                           (line_end && std::isalpha(static_cast<unsigned char>(t[i - 2]))));
            bool glued_upper = p >= 'A' && p <= 'Z' && v == next_expected;
            // Digits inside a symbol or a reference are not markers: "A/78/481/Add.2",
            // "para.2", "No.5".
            for (; scanned < i; ++scanned) { // the word before the digits, kept up to date
                if (t[scanned] == ' ') {
                    word_start = scanned + 1;
                } else if (t[scanned] == '/') {
                    last_slash = scanned;
                }
            }
            std::string_view word(t.data() + word_start, i - word_start);
            // (Only when the digits follow a letter or a dot: after ",", ";" or ")" the token
            // has ended, as in "resolution 77/75,7".)
            bool in_symbol = (p == '.' || std::isalpha(static_cast<unsigned char>(p))) &&
                             last_slash != std::string::npos && last_slash >= word_start;
            for (std::string_view abbr :
                 {"Add.", "Rev.", "Corr.", "Amend.", "No.", "Nos.", "vol.", "vols.", "para.",
                  "paras.", "chap.", "sect.", "art.", "Art.", "p.", "pp."}) {
                if (word.size() >= abbr.size() && word.substr(word.size() - abbr.size()) == abbr) {
                    in_symbol = true;
                }
            }
            marker =
                known && !thousands && !decimal && !in_symbol &&
                ((glued_word || glued_punct) || ((spaced || glued_upper) && v == next_expected));
            if (marker) {
                next_expected = std::max(next_expected, v + 1);
                markers.push_back({static_cast<std::uint32_t>(text.size()), v});
                // "Protocol, 2  the": drop the marker and the spaces after it but one.
                std::size_t k = j;
                if (spaced ||
                    (j < t.size() && t[j] == ' ' && !text.empty() && text.back() == ' ')) {
                    while (k < t.size() && t[k] == ' ') {
                        ++k;
                    }
                    if (!text.empty() && text.back() != ' ' && k < t.size()) {
                        keep(j); // one space
                    }
                }
                i = k;
                continue;
            }
        }
        keep(i);
        ++i;
    }
    // Markers already recorded (superscripts) keep their places: re-map them.
    if (markers.size() != s.markers.size()) {
        std::vector<FootnoteMarker> old(s.markers.begin(), s.markers.end());
        std::vector<FootnoteMarker> fresh(markers.begin() + static_cast<std::ptrdiff_t>(old.size()),
                                          markers.end());
        for (auto& m : old) {
            // `map` is increasing: the first position at or after the marker's.
            std::uint32_t clean_pos = s.clean_pos(m.pos);
            m.pos = static_cast<std::uint32_t>(std::lower_bound(map.begin(), map.end(), clean_pos) -
                                               map.begin());
        }
        old.insert(old.end(), fresh.begin(), fresh.end());
        std::sort(old.begin(), old.end(),
                  [](const FootnoteMarker& a, const FootnoteMarker& b) { return a.pos < b.pos; });
        s.markers = std::move(old);
        s.text = std::move(text);
        s.map = std::move(map);
    }
}

} // namespace

std::string iso_date(const Template::Result& r, const Lexicon& lex) {
    std::string y = r.get("Y"), m = r.get("M"), d = r.get("D");
    int month = 0;
    if (m.empty()) {
        month = lex.month(r.get("month"));
    } else if (m.size() <= 2) {
        month = std::stoi(m);
    }
    if (y.size() != 4 || d.empty() || d.size() > 2 || month < 1 || month > 12) {
        return {};
    }
    int day = std::stoi(d);
    if (day < 1 || day > 31) {
        return {};
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), month, day);
    return buf;
}

Segmented segment(const CleanText& c, const Lexicon& lex, const Gazetteer& gaz) {
    Segmented seg;
    auto raw_blocks = blocks_of(c, lex);
    const bool one_per_line = one_paragraph_a_line(c, raw_blocks, lex);
    auto blocks = refine_header_lines(c, std::move(raw_blocks), lex, one_per_line);

    // Header: everything up to the subject line ("大会，", "The General Assembly,").
    std::size_t body_start = 0;
    bool subject_found = false;
    std::size_t title_block = blocks.size();
    std::string first_date;   // any date in the header
    std::string closing_date; // the date line at the end
    for (std::size_t b = 0; b < blocks.size() && !subject_found; ++b) {
        // Header facts sit one per line, often without blank lines between them.
        bool block_is_title = false;
        for (std::size_t li = 0; li < blocks[b].lines.size(); ++li) {
            std::string_view t = line_text(c, blocks[b].lines[li]);
            Template::Result r;
            bool is_subject = false;
            for (const auto& subj : lex.values("subject")) {
                if (t == subj) {
                    is_subject = true;
                }
            }
            for (const auto& subj : lex.values("subject_line")) {
                // A whole line, never a prefix, and only before a clause verb: "大会" alone is
                // also the masthead of a PDF.
                if (!is_subject && t == subj) {
                    std::string_view next;
                    if (li + 1 < blocks[b].lines.size()) {
                        next = line_text(c, blocks[b].lines[li + 1]);
                    } else if (b + 1 < blocks.size()) {
                        next = line_text(c, blocks[b + 1].lines.front());
                    }
                    // (No preamble: "The General Assembly" before "1. Takes note of …".)
                    AhoCorasick::Match m;
                    std::uint32_t nb = 0;
                    is_subject = lex.verb_automaton().longest_at(next, 0, m) ||
                                 operative_number(next, nb) == 1;
                }
            }
            if (is_subject) {
                // The subject names the acting organ: "安全理事会，" makes it a Council text, and
                // so does "إن مجلس الأمن،" (the name after a particle): the longest organ name
                // in the line.
                std::size_t named = 0;
                for (const auto& e : gaz.entities()) {
                    auto it = e.names.find(lex.language());
                    if (it != e.names.end() && e.tags.count("organ") && it->second.size() > named &&
                        t.find(it->second) != std::string_view::npos) {
                        seg.header.organ = e.id;
                        named = it->second.size();
                    }
                }
                body_start = b + 1;
                subject_found = true;
                break;
            }
            if (seg.header.session.empty() && (any_template(lex, "session", t, r, false) ||
                                               any_template(lex, "special_session", t, r, false))) {
                std::string n = r.get("zhnum");
                if (n.empty()) {
                    n = r.get("num");
                }
                int v = parse_zh_number(n);
                if (v < 0) {
                    v = lex.ordinal(r.get("ordinal"));
                }
                if (v > 0) {
                    seg.header.session = std::to_string(v);
                }
                continue;
            }
            if (seg.header.agenda_item.empty() && any_template(lex, "agenda", t, r, false)) {
                seg.header.agenda_item = r.get("num");
                continue;
            }
            bool report = false;
            for (const auto& open : lex.values("report_open")) {
                if (starts_with(t, open) &&
                    t.find(lex.value("report_marker", "report")) != std::string_view::npos) {
                    report = true;
                }
            }
            if (report) {
                seg.header.report = block_span(c, blocks[b]);
                // A bracket that a blank line cut ("[on the report of the … Committee⏎⏎(Fourth
                // Committee) (A/78/421, para. 13)]") goes on to its closing bracket.
                const std::string close = lex.value("report_close", "]");
                while (seg.header.report->text.find(close) == std::string::npos &&
                       b + 1 < blocks.size() && blocks[b + 1].footnote == 0 &&
                       ends_with(block_text(c, blocks[b + 1]), close)) {
                    ++b;
                    for (auto r2 : blocks[b].lines) {
                        append(*seg.header.report, c, r2);
                    }
                }
                break;
            }
            if (title_block == blocks.size() && li == 0 &&
                title_line(block_text(c, blocks[b]), seg.header.symbol_text, seg.header.title)) {
                title_block = b;
                block_is_title = true;
                break;
            }
            // The adoption date ("on 19 December 2023", "2013年12月18日大会决议"); other
            // header dates (distribution) only as a last resort.
            const auto& adoption = lex.templates("adoption");
            const auto& dates = lex.templates("date");
            for (std::size_t p = 0; p < t.size() && seg.header.date.empty(); ++p) {
                for (const auto& tpl : adoption) {
                    if (tpl.match(t, p, lex, r)) {
                        seg.header.date = iso_date(r, lex);
                        break;
                    }
                }
            }
            for (std::size_t p = 0; p < t.size() && first_date.empty(); ++p) {
                if (!utf8::is_digit(t[p]) || (p > 0 && utf8::is_digit(t[p - 1]))) {
                    continue;
                }
                for (const auto& tpl : dates) {
                    if (tpl.match(t, p, lex, r)) {
                        first_date = iso_date(r, lex);
                        break;
                    }
                }
            }
        }
        (void)block_is_title;
    }
    if (!subject_found) {
        // No subject line (a cut or unusual text): the body starts after the title, if any.
        body_start = title_block < blocks.size() ? title_block + 1 : 0;
    }

    // Body: preambular paragraphs until "1.", then operative ones by number.
    int next_op = 1;
    int pp = 0;
    Paragraph* cur = nullptr;
    bool cur_one_block = false; // cur is an operative paragraph of exactly one block so far
    bool closing = false;
    bool annex = false;
    int annexes = 0;
    int annex_par = 0;
    // One block of the body (a whole block, or one piece of a block split below).
    std::function<void(const Block&)> read_block;
    // Whether a block that starts in lower case continues the paragraph before it (not in
    // languages whose paragraphs open in lower case).
    const bool lower_continues = lex.value("paragraphs_open_lower") != "yes";
    read_block = [&](const Block& whole_block) {
        if (whole_block.footnote > 0) {
            seg.footnotes.emplace(whole_block.footnote, block_span(c, whole_block));
            return;
        }
        // A bullet before a paragraph ("- Regretting …", "- 2. Decides …") is dropped; after a
        // paragraph that introduces a list (":") or before lower case it marks a sub-item.
        Block blk = whole_block;
        if (std::size_t k = bullet_len(line_text(c, blk.lines.front())); k > 0) {
            std::string_view after = line_text(c, blk.lines.front()).substr(k);
            bool list = cur != nullptr && (ends_with(cur->span.text, ":") ||
                                           ends_with(cur->span.text, "\xEF\xBC\x9A"));
            if (!list && !starts_lower(after) && !sub_item(after)) {
                blk.lines.front().begin += static_cast<std::uint32_t>(k);
            }
        }
        const bool prev_one_block = cur_one_block;
        cur_one_block = false;
        const std::string text = block_text(c, blk);
        std::string_view t = text;
        // Closing lines: the adoption date and "第70次全体会议" / "70th plenary meeting" /
        // "Adopted by the Security Council at its 4956th meeting". Lines before them in the
        // same block (a text without blank lines) are read first.
        bool closing_block = false;
        for (std::size_t li = 0; li < blk.lines.size(); ++li) {
            const std::string_view lt = line_text(c, blk.lines[li]);
            Template::Result r;
            bool meeting = any_template(lex, "meeting", lt, r, true);
            if (!meeting && !closing_block && li == 0 && any_template(lex, "end", lt, r, true)) {
                // A block of text after the resolution: a site's licence note (tpl_end).
            } else if (!meeting && !closing_block && (li == 0 || li + 1 < blk.lines.size()) &&
                       any_template(lex, "date", lt, r, true)) {
                // A date line closes when it is the block's first line or a meeting line
                // follows it.
                Template::Result r2;
                if (li > 0 &&
                    !any_template(lex, "meeting", line_text(c, blk.lines[li + 1]), r2, true)) {
                    continue;
                }
                closing_date = iso_date(r, lex);
            } else if (meeting) {
                seg.header.meeting = r.get("num");
            } else if (closing_block && any_template(lex, "date", lt, r, true)) {
                closing_date = iso_date(r, lex);
                continue;
            } else {
                continue;
            }
            if (!closing_block && li > 0 && !closing) {
                Block head;
                head.lines.assign(blk.lines.begin(),
                                  blk.lines.begin() + static_cast<std::ptrdiff_t>(li));
                read_block(head);
            }
            closing_block = true;
        }
        if (closing_block) {
            closing = true;
            return;
        }
        // An annex: its paragraphs are the document's too, labelled annex.p1, annex.p2, …
        bool annex_heading = false;
        {
            const std::string_view first = line_text(c, blk.lines.front());
            for (const auto& a : lex.values("annex")) {
                if (first == a) {
                    annex_heading = true; // the annex's own title may follow on the next lines
                }
            }
        }
        if (annex_heading) {
            annex = true;
            ++annexes;
            cur = nullptr;
            return;
        }
        if (annex) {
            bool continues_annex =
                cur != nullptr && (!ends_terminal(cur->span.text, lex) || sub_item(t) ||
                                   (lower_continues && starts_lower(t)));
            if (!continues_annex) {
                std::string label = "annex" + (annexes > 1 ? std::to_string(annexes) : "") + ".p" +
                                    std::to_string(++annex_par);
                seg.paragraphs.push_back({label, false, 0, {}});
                cur = &seg.paragraphs.back();
            }
            for (auto r2 : blk.lines) {
                append(cur->span, c, r2);
            }
            return;
        }
        if (closing) {
            return;
        }
        std::uint32_t body_begin = 0;
        int num = operative_number(t, body_begin);
        if (num < 0 && ends_terminal(t, lex)) {
            num = zh_operative_number(t, body_begin);
        }
        if (blk.number > 0) {
            num = blk.number; // printed on the line after the paragraph's first line
            body_begin = 0;
        }
        // A page end cut the paragraph, or a sub-item ("(a)", "(i)", "- ") belongs to it. (A
        // block after a blank line, not after a page break, that opens a paragraph starts one
        // even after a paragraph that does not end a clause: "…表示极度震惊⏎⏎重申…".)
        const bool cut_off = !ends_terminal(cur != nullptr ? cur->span.text : std::string(), lex) &&
                             !(!blk.page_start && opens_paragraph(t, lex, !lower_continues));
        bool continues =
            cur != nullptr && (cut_off || sub_item(t) || (lower_continues && starts_lower(t)));
        // The number of the block just read again, right after it ("2. …;" then "2. …"): a
        // paragraph of its own with the same label, which the import refuses (validate.cpp),
        // instead of merging it into the one before. (Not after a paragraph that has taken in
        // more blocks: the sections of a resolution restart their numbering, I, 1., 2., II,
        // 1., …, and are read as before.)
        const bool repeated = num > 0 && num == next_op - 1 && prev_one_block && cur != nullptr &&
                              cur->label == "op" + std::to_string(num) &&
                              ends_terminal(cur->span.text, lex);
        if (num == next_op || repeated) {
            seg.paragraphs.push_back({"op" + std::to_string(num), true, body_begin, {}});
            cur = &seg.paragraphs.back();
            next_op = num + 1;
            for (auto r2 : blk.lines) {
                append(cur->span, c, r2);
            }
            cur_one_block = true;
            return;
        }
        if (continues || (cur != nullptr && cur->operative)) {
            // A page end cut the paragraph, or sub-items of an operative paragraph.
            for (auto r2 : blk.lines) {
                append(cur->span, c, r2);
            }
            return;
        }
        seg.paragraphs.push_back({"pp" + std::to_string(++pp), false, 0, {}});
        cur = &seg.paragraphs.back();
        for (auto r2 : blk.lines) {
            append(cur->span, c, r2);
        }
    };
    for (std::size_t b = std::min(body_start, blocks.size()); b < blocks.size(); ++b) {
        const Block& whole = blocks[b];
        if (whole.footnote != 0) {
            read_block(whole);
            continue;
        }
        // Operative paragraphs run together in one block ("…; 2. 请…") are split apart, piece
        // by piece: each piece is read before the next split is looked for (the number
        // expected next depends on it). The block's span is built once; the rest of the block
        // after a split is its suffix s0.text[off..] and starts in whole.lines[line] at clean
        // position `from` (rebuilding the rest's span at every split was quadratic).
        const Span s0 = block_span(c, whole);
        std::size_t off = 0;
        std::size_t line = 0;
        std::uint32_t from = whole.lines.front().begin;
        while (true) {
            std::string_view rest = std::string_view(s0.text).substr(off);
            std::uint32_t ignored = 0;
            const int first_num =
                off == 0 && whole.number > 0 ? whole.number : operative_number(rest, ignored);
            int expect = first_num == next_op ? next_op + 1 : next_op;
            std::string want = std::to_string(expect) + ".";
            std::size_t split = std::string_view::npos;
            for (std::size_t q = rest.find(want, 1); q != std::string_view::npos;
                 q = rest.find(want, q + 1)) {
                std::uint32_t body = 0;
                std::string_view before = rest.substr(0, q);
                while (!before.empty() && before.back() == ' ') {
                    before.remove_suffix(1);
                }
                if (utf8::is_digit(rest[q - 1]) || before.empty() || !ends_terminal(before, lex) ||
                    operative_number(rest.substr(q), body) != expect) {
                    continue;
                }
                split = q;
                break;
            }
            // The rest as a block: its first line starts at `from`.
            auto rest_lines = [&](std::size_t end_line) {
                Block r;
                r.number = off == 0 ? whole.number : 0;
                for (std::size_t i = line; i < end_line; ++i) {
                    r.lines.push_back(whole.lines[i]);
                }
                if (!r.lines.empty()) {
                    r.lines.front().begin = from;
                }
                return r;
            };
            if (split == std::string_view::npos) {
                Block r = rest_lines(whole.lines.size());
                read_block(r);
                break;
            }
            // The head: the rest's lines that end by `at`, and the part before `at` of the
            // line `at` falls in (rest and head hold no footnote: whole.footnote is 0).
            const std::uint32_t at = s0.clean_pos(static_cast<std::uint32_t>(off + split));
            std::size_t k = static_cast<std::size_t>(
                std::upper_bound(whole.lines.begin() + static_cast<std::ptrdiff_t>(line),
                                 whole.lines.end(), at,
                                 [](std::uint32_t p, const Range& r) { return p < r.begin; }) -
                whole.lines.begin() - 1);
            Block head = rest_lines(k);
            std::uint32_t k_begin = k == line ? from : whole.lines[k].begin;
            if (k_begin < at) {
                head.lines.push_back({k_begin, at});
            }
            read_block(head);
            off += split;
            line = k;
            from = at;
        }
    }
    if (seg.header.date.empty()) {
        seg.header.date = !closing_date.empty() ? closing_date : first_date;
    }
    if (lex.value("digit_markers") == "yes") {
        std::set<int> defined;
        for (const auto& [n, fn] : seg.footnotes) {
            defined.insert(n);
        }
        int next_expected = 1;
        for (auto& p : seg.paragraphs) {
            strip_digit_markers(p.span, p.body_begin, defined, next_expected, lex.values("month"),
                                c.text);
        }
    }
    return seg;
}

} // namespace citegraph::text
