// Stage 2: blocks -> header, preambular and operative paragraphs, footnotes. Paragraphs cut by
// a page end (no terminal punctuation) are rejoined across the footnotes that interrupt them.
#include "../utf8.hpp"
#include "citegraph/engine/symbol.hpp"
#include "citegraph/importers/text_pipeline.hpp"

#include <algorithm>
#include <cstdio>

namespace citegraph::text {
namespace {

struct Range {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct Block {
    std::vector<Range> lines;
    int footnote = 0; // footnote number when the block starts with a marker
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
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

// Appends clean[r] to the span, with a space (or nothing next to CJK) between pieces.
void append(Span& s, const CleanText& c, Range r) {
    std::string_view piece(c.text.data() + r.begin, r.end - r.begin);
    if (!s.text.empty() && !boundary_cjk(s.text, piece)) {
        s.text += ' ';
        s.map.push_back(r.begin);
    }
    auto base = static_cast<std::uint32_t>(s.text.size());
    s.text.append(piece);
    for (std::uint32_t i = r.begin; i < r.end; ++i) {
        s.map.push_back(i);
    }
    for (const auto& m : c.markers) {
        if (m.pos > r.begin && m.pos <= r.end) {
            s.markers.push_back({base + (m.pos - r.begin), m.number});
        } else if (m.pos == r.begin && base > 0) {
            s.markers.push_back({base, m.number});
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

std::vector<Block> blocks_of(const CleanText& c) {
    std::vector<Block> blocks;
    Block cur;
    std::uint32_t pos = 0;
    const auto n = static_cast<std::uint32_t>(c.text.size());
    while (pos <= n) {
        std::uint32_t eol = pos;
        while (eol < n && c.text[eol] != '\n') {
            ++eol;
        }
        if (eol > pos) {
            cur.lines.push_back({pos, eol});
        } else if (!cur.lines.empty()) {
            blocks.push_back(std::move(cur));
            cur = Block{};
        }
        pos = eol + 1;
    }
    if (!cur.lines.empty()) {
        blocks.push_back(std::move(cur));
    }
    for (auto& b : blocks) {
        for (const auto& m : c.markers) {
            if (m.pos == b.lines.front().begin) {
                b.footnote = m.number;
                break;
            }
        }
    }
    return blocks;
}

// Splits a block at clean-text position `at` (inside one of its lines).
std::pair<Block, Block> split_block(const Block& b, std::uint32_t at) {
    Block first, second;
    for (auto r : b.lines) {
        if (r.end <= at) {
            first.lines.push_back(r);
        } else if (r.begin >= at) {
            second.lines.push_back(r);
        } else {
            first.lines.push_back({r.begin, at});
            second.lines.push_back({at, r.end});
        }
    }
    first.footnote = b.footnote;
    return {first, second};
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

// Web copies run header lines together: the title line and a subject line that carries the
// first paragraph ("大会, 回顾…") become blocks of their own.
std::vector<Block> refine_header_lines(const CleanText& c, std::vector<Block> blocks,
                                       const Lexicon& lex) {
    std::vector<Block> out;
    for (auto& b : blocks) {
        if (b.footnote > 0) {
            out.push_back(std::move(b));
            continue;
        }
        Block cur;
        for (auto r : b.lines) {
            std::string_view line(c.text.data() + r.begin, r.end - r.begin);
            std::string num, title;
            std::size_t subject = 0;
            for (const auto& subj : lex.values("subject")) {
                if (line.size() >= subj.size() && line.substr(0, subj.size()) == subj) {
                    subject = subj.size();
                }
            }
            if (subject > 0 && (b.lines.size() > 1 || line.size() > subject)) {
                if (!cur.lines.empty()) {
                    out.push_back(std::move(cur));
                    cur = Block{};
                }
                auto cut = static_cast<std::uint32_t>(r.begin + subject);
                out.push_back(Block{{{r.begin, cut}}, 0});
                auto rest = trim_front(c, cut, r.end);
                if (rest < r.end) {
                    cur.lines.push_back({rest, r.end});
                }
                continue;
            }
            // One paragraph a line (web copies): a line that opens with a clause verb or an
            // operative number after a line that ended a clause starts a new block.
            if (!cur.lines.empty()) {
                auto prev = cur.lines.back();
                std::string_view prev_line(c.text.data() + prev.begin, prev.end - prev.begin);
                AhoCorasick::Match m;
                std::uint32_t body = 0;
                if (ends_terminal(prev_line, lex) &&
                    (lex.verb_automaton().longest_at(line, 0, m) ||
                     operative_number(line, body) > 0)) {
                    out.push_back(std::move(cur));
                    cur = Block{};
                }
            }
            if (title_line(line, num, title)) {
                // The subject may follow the title on the same line ("52/133. 标题 大会, …").
                std::size_t at = std::string_view::npos;
                for (const auto& subj : lex.values("subject")) {
                    at = std::min(at, line.find(subj, line.size() - title.size()));
                }
                if (b.lines.size() > 1 || at != std::string_view::npos) {
                    if (!cur.lines.empty()) {
                        out.push_back(std::move(cur));
                        cur = Block{};
                    }
                    if (at == std::string_view::npos) {
                        out.push_back(Block{{r}, 0});
                        continue;
                    }
                    auto cut = static_cast<std::uint32_t>(r.begin + at);
                    out.push_back(Block{{{r.begin, cut}}, 0});
                    // The rest starts with the subject: let the subject rule split it.
                    std::vector<Block> rest = refine_header_lines(c, {Block{{{cut, r.end}}, 0}}, lex);
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

// "12." or "12 ." at the start of a block: the operative paragraph number, else -1.
int operative_number(std::string_view text, std::uint32_t& body_begin) {
    std::size_t i = 0;
    while (i < text.size() && utf8::is_digit(text[i])) {
        ++i;
    }
    if (i == 0 || i > 3) {
        return -1;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] == ' ') {
        ++j;
    }
    if (j >= text.size() || text[j] != '.') {
        return -1;
    }
    ++j;
    if (j < text.size() && utf8::is_digit(text[j])) {
        return -1; // "2.5 per cent"
    }
    while (j < text.size() && text[j] == ' ') {
        ++j;
    }
    body_begin = static_cast<std::uint32_t>(j);
    return std::stoi(std::string(text.substr(0, i)));
}

bool ends_terminal(std::string_view text, const Lexicon& lex) {
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    for (const auto& t : lex.values("terminal")) {
        if (ends_with(text, t)) {
            return true;
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
    auto blocks = refine_header_lines(c, blocks_of(c), lex);

    // Header: everything up to the subject line ("大会，", "The General Assembly,").
    std::size_t body_start = 0;
    bool subject_found = false;
    std::size_t title_block = blocks.size();
    for (std::size_t b = 0; b < blocks.size() && !subject_found; ++b) {
        // Header facts sit one per line, often without blank lines between them.
        bool block_is_title = false;
        for (std::size_t li = 0; li < blocks[b].lines.size(); ++li) {
            Span s;
            append(s, c, blocks[b].lines[li]);
            std::string_view t = s.text;
            Template::Result r;
            bool is_subject = false;
            for (const auto& subj : lex.values("subject")) {
                if (t == subj) {
                    is_subject = true;
                }
            }
            if (is_subject) {
                // The subject names the acting organ: "安全理事会，" makes it a Council text.
                for (const auto& e : gaz.entities()) {
                    auto it = e.names.find(lex.language());
                    if (it != e.names.end() && e.tags.count("organ") &&
                        starts_with(t, it->second)) {
                        seg.header.organ = e.id;
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
                if (starts_with(t, open) && t.find(lex.value("report_marker", "report")) !=
                                                std::string_view::npos) {
                    report = true;
                }
            }
            if (report) {
                seg.header.report = block_span(c, blocks[b]);
                break;
            }
            if (title_block == blocks.size() && li == 0 &&
                title_line(block_span(c, blocks[b]).text, seg.header.symbol_text,
                           seg.header.title)) {
                title_block = b;
                block_is_title = true;
                break;
            }
            if (seg.header.date.empty()) {
                for (std::size_t p = 0; p < t.size(); ++p) {
                    if (!utf8::is_digit(t[p]) || (p > 0 && utf8::is_digit(t[p - 1]))) {
                        continue;
                    }
                    bool hit = false;
                    for (const auto& tpl : lex.templates("date")) {
                        if (tpl.match(t, p, lex, r)) {
                            seg.header.date = iso_date(r, lex);
                            hit = !seg.header.date.empty();
                            break;
                        }
                    }
                    if (hit) {
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
    bool closing = false;
    std::vector<Block> queue(blocks.begin() + static_cast<std::ptrdiff_t>(
                                 std::min(body_start, blocks.size())),
                             blocks.end());
    for (std::size_t b = 0; b < queue.size(); ++b) {
        // Operative paragraphs run together in one block ("…; 2. 请…") are split apart.
        if (queue[b].footnote == 0) {
            Span s0 = block_span(c, queue[b]);
            std::uint32_t ignored = 0;
            int expect = operative_number(s0.text, ignored) == next_op ? next_op + 1 : next_op;
            std::string want = std::to_string(expect) + ".";
            for (std::size_t q = s0.text.find(want, 1); q != std::string::npos;
                 q = s0.text.find(want, q + 1)) {
                std::uint32_t body = 0;
                std::string_view before = std::string_view(s0.text).substr(0, q);
                while (!before.empty() && before.back() == ' ') {
                    before.remove_suffix(1);
                }
                if (utf8::is_digit(s0.text[q - 1]) || before.empty() ||
                    !ends_terminal(before, lex) ||
                    operative_number(std::string_view(s0.text).substr(q), body) != expect) {
                    continue;
                }
                auto [head, tail] = split_block(queue[b], s0.clean_pos(static_cast<std::uint32_t>(q)));
                queue[b] = head;
                queue.insert(queue.begin() + static_cast<std::ptrdiff_t>(b) + 1, tail);
                break;
            }
        }
        const Block& blk = queue[b];
        if (blk.footnote > 0) {
            seg.footnotes.emplace(blk.footnote, block_span(c, blk));
            continue;
        }
        Span s = block_span(c, blk);
        std::string_view t = s.text;
        // Closing lines: the adoption date and "第70次全体会议" / "70th plenary meeting".
        bool closing_block = false;
        for (auto line : blk.lines) {
            Span ls;
            append(ls, c, line);
            Template::Result r;
            if (any_template(lex, "meeting", ls.text, r, true)) {
                seg.header.meeting = r.get("num");
                closing_block = true;
            } else if (line.begin == blk.lines.front().begin &&
                       any_template(lex, "date", ls.text, r, true)) {
                closing_block = true;
            }
        }
        if (closing_block) {
            closing = true;
            continue;
        }
        if (closing) {
            continue;
        }
        std::uint32_t body_begin = 0;
        int num = operative_number(t, body_begin);
        bool continues = cur != nullptr && !ends_terminal(cur->span.text, lex);
        if (num == next_op) {
            seg.paragraphs.push_back({"op" + std::to_string(num), true, body_begin, {}});
            cur = &seg.paragraphs.back();
            ++next_op;
            for (auto r2 : blk.lines) {
                append(cur->span, c, r2);
            }
            continue;
        }
        if (continues || (cur != nullptr && cur->operative)) {
            // A page end cut the paragraph, or sub-items of an operative paragraph.
            for (auto r2 : blk.lines) {
                append(cur->span, c, r2);
            }
            continue;
        }
        seg.paragraphs.push_back({"pp" + std::to_string(++pp), false, 0, {}});
        cur = &seg.paragraphs.back();
        for (auto r2 : blk.lines) {
            append(cur->span, c, r2);
        }
    }
    return seg;
}

} // namespace citegraph::text
