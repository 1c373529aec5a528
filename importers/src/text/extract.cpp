// Stages 3 and 4: tokenize each paragraph into clauses (one clause verb each), find the
// references in them (gazetteer names, resolution numbers, document symbols, footnote
// sources), give each a role, and resolve it to a language-neutral node.
#include "../utf8.hpp"
#include "citegraph/engine/symbol.hpp"
#include "citegraph/importers/text_pipeline.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

namespace citegraph::text {
namespace {

using u32 = std::uint32_t;

struct Region {
    u32 begin = 0;
    u32 end = 0;
    bool contains(u32 p) const { return p >= begin && p < end; }
};

// Regions sorted by start with the running maximum of their ends: whether a position lies in
// any of them in O(log n), whatever their overlaps (a linear scan per reference made a
// paragraph dense with references quadratic).
class RegionIndex {
  public:
    RegionIndex() = default;
    explicit RegionIndex(std::vector<Region> rs) {
        std::sort(rs.begin(), rs.end(),
                  [](const Region& a, const Region& b) { return a.begin < b.begin; });
        begins_.reserve(rs.size());
        reach_.reserve(rs.size());
        u32 reach = 0;
        for (const auto& r : rs) {
            reach = std::max(reach, r.end);
            begins_.push_back(r.begin);
            reach_.push_back(reach);
        }
    }
    bool contains(u32 p) const {
        auto it = std::upper_bound(begins_.begin(), begins_.end(), p);
        return it != begins_.begin() &&
               reach_[static_cast<std::size_t>(it - begins_.begin()) - 1] > p;
    }

  private:
    std::vector<u32> begins_; // sorted
    std::vector<u32> reach_;  // reach_[i]: the largest end of the regions up to i
};

struct NameMatch {
    u32 begin = 0;
    u32 end = 0;
    std::vector<const Entity*> entities; // resolved (anaphors included), may be empty
    const Alias* alias = nullptr;
};

struct Clause {
    u32 begin = 0;    // start of the clause (its connector or verb)
    u32 verb_end = 0; // end of the clause verb
    u32 end = 0;
    std::optional<Relation> relation;
    u32 reported = UINT32_MAX; // start of reported speech inside the clause
};

// A reference found in a paragraph, before roles are assigned.
struct Ref {
    u32 begin = 0;
    u32 end = 0;
    NodeRecord node;
    bool entity = false;  // from the gazetteer
    bool organ = false;   // names the body whose resolution follows
    bool source = false;  // from a footnote
    bool anaphor = false; // "the Convention", "the Office": the entity named before
    u32 anchor = 0;       // position in the paragraph that decides the clause (marker position)
    const Span* span = nullptr; // where begin/end point (paragraph or footnote text)
};

// An organ that scopes the resolution lists after it (null: the citing document's own organ,
// "its resolutions").
struct ScopeMark {
    std::size_t pos = 0;
    const Entity* organ = nullptr;   // null: the citing document's own organ
    const NameMatch* name = nullptr; // the organ's name, when it is named in full here
    bool unknown = false;            // "… in its resolution" after a name that is no known organ
};

bool starts_at(std::string_view text, std::size_t pos, std::string_view lit) {
    return !lit.empty() && text.substr(pos, lit.size()) == lit;
}

std::vector<std::string> split_tab(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto p = s.find('\t', start);
        out.push_back(s.substr(start, p == std::string::npos ? p : p - start));
        if (p == std::string::npos) {
            return out;
        }
        start = p + 1;
    }
}

// Joint symbols ("A/67/65-E/2012/48") are two symbols of at most ~60 characters each.
constexpr std::size_t kMaxJointSymbol = 160;

// Longest literal of `values` at pos; 0 if none.
std::size_t literal_at(std::string_view text, std::size_t pos, const LiteralSet& values) {
    return values.longest_at(text, pos);
}

// Marks the bytes covered by the regions (for per-byte tests in the scanners); each byte is
// written once however much the regions overlap.
std::vector<char> mask_of(std::size_t n, std::vector<Region> regions) {
    std::sort(regions.begin(), regions.end(),
              [](const Region& a, const Region& b) { return a.begin < b.begin; });
    std::vector<char> m(n, 0);
    std::size_t reach = 0; // bytes before this are marked already
    for (const auto& r : regions) {
        std::size_t end = std::min<std::size_t>(r.end, n);
        for (std::size_t p = std::max<std::size_t>(r.begin, reach); p < end; ++p) {
            m[p] = 1;
        }
        reach = std::max(reach, end);
    }
    return m;
}

// Positions p in t where a literal of `set` starts and `ok(p)` holds, in order.
template <typename Pred>
std::vector<u32> literal_positions(std::string_view t, const LiteralSet& set, Pred ok) {
    std::vector<u32> out;
    for (std::size_t p = set.next_start(t, 0); p < t.size(); p = set.next_start(t, p + 1)) {
        if (ok(p) && set.longest_at(t, p) > 0) {
            out.push_back(static_cast<u32>(p));
        }
    }
    return out;
}

// The first element of a sorted vector that is >= v, or end().
std::vector<u32>::const_iterator first_at_or_after(const std::vector<u32>& sorted, std::size_t v) {
    return std::lower_bound(sorted.begin(), sorted.end(), v,
                            [](u32 x, std::size_t y) { return x < y; });
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && text[pos] == ' ') {
        ++pos;
    }
    return pos;
}

// A footnote marker typed as text after a clause boundary, as the UN website's texts of the
// 1990s write them ("…和国际人权盟约,3/ 回顾…"): 1-3 digits and a slash that no digit or
// letter follows (a resolution number "48/122" never matches). Returns the position after
// it and its spaces, or pos.
std::size_t skip_slash_marker(std::string_view text, std::size_t pos) {
    std::size_t d = pos;
    while (d < text.size() && d - pos < 3 && utf8::is_digit(text[d])) {
        ++d;
    }
    if (d == pos || d + 1 > text.size() || text[d] != '/' ||
        (d + 1 < text.size() && utf8::is_ascii_alnum(text[d + 1]))) {
        return pos;
    }
    return skip_spaces(text, d + 1);
}

NodeRecord node_from_entity(const Entity& e) {
    NodeRecord n;
    n.id = e.id;
    n.kind = e.kind;
    n.names = e.names;
    n.symbol = e.symbol;
    n.unts_volume = e.unts_volume;
    n.unts_number = e.unts_number;
    return n;
}

NodeRecord node_from_symbol(const Symbol& s, const std::string& body) {
    NodeRecord n;
    n.id = s.key;
    n.kind = s.kind;
    n.symbol = s.display;
    n.session = s.session;
    n.body = body;
    return n;
}

// The number token at pos: [S-|ES-]digits[/digits][ A][ (XXV|2001)] with a slash or a
// parenthesised session; returns its end, or pos if none.
std::size_t number_token(std::string_view t, std::size_t pos) {
    std::size_t p = pos;
    if (starts_at(t, p, "ES-")) {
        p += 3;
    } else if (starts_at(t, p, "S-")) {
        p += 2;
    }
    std::size_t d = p;
    while (d < t.size() && utf8::is_digit(t[d])) {
        ++d;
    }
    if (d == p) {
        return pos;
    }
    // OCR'd volumes break a number with a hyphen ("3-057 (XXVIII)"): read through it when a
    // Roman session follows and the digits make a number of at most four.
    if (p == pos && d + 1 < t.size() && t[d] == '-' && utf8::is_digit(t[d + 1])) {
        std::size_t d2 = d + 1;
        while (d2 < t.size() && utf8::is_digit(t[d2])) {
            ++d2;
        }
        std::size_t o = d2 < t.size() && t[d2] == ' ' ? d2 + 1 : d2;
        std::size_t r = o + 1;
        while (r < t.size() && std::string_view("IVXLC").find(t[r]) != std::string_view::npos) {
            ++r;
        }
        if ((d - p) + (d2 - d - 1) <= 4 && o < t.size() && t[o] == '(' && r > o + 1 &&
            r < t.size() && t[r] == ')') {
            d = d2;
        }
    }
    p = d;
    bool qualified = false;
    if (p + 1 < t.size() && t[p] == '/' && utf8::is_digit(t[p + 1])) {
        ++p;
        while (p < t.size() && utf8::is_digit(t[p])) {
            ++p;
        }
        qualified = true;
    }
    // Part letter: " A" or "A", not followed by a letter or digit.
    std::size_t q = p < t.size() && t[p] == ' ' ? p + 1 : p;
    if (q < t.size() && t[q] >= 'A' && t[q] <= 'Z' &&
        (q + 1 >= t.size() || !utf8::is_ascii_alnum(t[q + 1]))) {
        p = q + 1;
    }
    q = p < t.size() && t[p] == ' ' ? p + 1 : p;
    if (q < t.size() && t[q] == '(') {
        // (Only a nearby ')' counts: looking further would rescan the text at every number.)
        std::size_t close = t.substr(0, std::min(t.size(), q + 11)).find(')', q);
        if (close != std::string_view::npos && close - q <= 10) {
            bool ok = false; // something besides spaces ("660 ( 1990)" in web copies)
            for (std::size_t k = q + 1; k < close; ++k) {
                char c = t[k];
                if (c == ' ') {
                    continue;
                }
                ok = (c >= 'A' && c <= 'Z') || utf8::is_digit(c) || c == '-';
                if (!ok) {
                    break;
                }
            }
            if (ok) {
                p = close + 1;
                qualified = true;
            }
        }
    }
    return qualified ? p : pos;
}

bool token_start_ok(std::string_view t, std::size_t pos) {
    if (pos == 0) {
        return true;
    }
    char c = t[pos - 1];
    return !utf8::is_ascii_alnum(c) && c != '/' && c != '.' && c != '-';
}

class Extractor {
  public:
    Extractor(const Segmented& seg, const CleanText& clean, const Lexicon& lex,
              const Gazetteer& gaz, const std::string& doc, const std::string& lang)
        : seg_(seg), clean_(clean), lex_(lex), gaz_(gaz), doc_(doc), lang_(lang) {
        for (const auto& q : lex.values("quote")) {
            auto parts = split_tab(q);
            if (parts.size() == 2 && !parts[0].empty()) { // an empty mark never opens
                quotes_.emplace_back(parts[0], parts[1]);
            }
        }
        for (const auto& q : lex.values("title_mark")) {
            auto parts = split_tab(q);
            if (parts.size() == 2 && !parts[0].empty()) {
                titles_.emplace_back(parts[0], parts[1]);
            }
        }
        // The citing document's organ issues what it cites without naming an organ.
        if (const Entity* e = gaz.find(seg.header.organ); e && !e->res_prefix.empty()) {
            self_organ_.res_prefix = e->res_prefix;
            self_organ_.dec_prefix = e->dec_prefix;
            self_organ_id_ = e->id;
        }
        lang_table_ = lex.language();
        date_after_ = lex.value("date_scope", "forward") == "backward";
        anchor_before_ = lex.value("anchor_side", "after") == "before";
    }

    Extraction run() {
        if (seg_.header.report) {
            header_report(*seg_.header.report);
        }
        // The Council's numbers with the years this text gives them ("1493 (2003)"), so that a
        // bare "resolution 1493" anywhere in it reads as S/RES/1493(2003).
        learn_sc_years(doc_);
        // The works the title names are what "the Convention", "the Office" … refer to until
        // the text names another ("78/64. Convention on Prohibitions or Restrictions …").
        if (!seg_.header.title.empty()) {
            Span title;
            title.text = seg_.header.title;
            const std::size_t reported = out_.unresolved.size();
            names(title, {}, "header");
            out_.unresolved.resize(reported); // an anaphor in a title refers to nothing here
        }
        for (const auto& p : seg_.paragraphs) {
            learn_sc_years(p.span.text);
        }
        for (const auto& p : seg_.paragraphs) {
            paragraph(p);
        }
        for (auto& [id, n] : nodes_) {
            out_.nodes.push_back(std::move(n)); // run() is the last use of nodes_
        }
        return std::move(out_);
    }

    std::vector<std::pair<std::string, Relation>> verbs_of(const Paragraph& p) {
        auto quoted = regions(p.span.text, quotes_);
        auto titled = regions(p.span.text, titles_);
        std::vector<Region> opaque = quoted;
        opaque.insert(opaque.end(), titled.begin(), titled.end());
        auto ns = names(p.span, quoted, p.label);
        std::vector<std::pair<std::string, Relation>> out;
        for (const auto& c : clauses(p, opaque, ns)) {
            if (c.relation) {
                out.emplace_back(p.span.text.substr(c.begin, c.verb_end - c.begin), *c.relation);
            }
        }
        return out;
    }

  private:
    // ---- regions and names ------------------------------------------------------------------

    // The clause boundaries of a text that are not inside quotation marks, in order; computed
    // once per text (organ_owns asks about many stretches of one paragraph).
    const std::vector<u32>& unquoted_boundaries(std::string_view t) const {
        if (boundary_cache_text_ != t.data() || boundary_cache_size_ != t.size()) {
            const std::vector<char> quoted = mask_of(t.size(), regions(t, quotes_));
            const auto& boundaries = lits("boundary");
            boundary_cache_ =
                literal_positions(t, boundaries, [&](std::size_t p) { return !quoted[p]; });
            boundary_cache_text_ = t.data();
            boundary_cache_size_ = t.size();
        }
        return boundary_cache_;
    }

    static std::vector<Region>
    regions(std::string_view t, const std::vector<std::pair<std::string, std::string>>& pairs) {
        std::vector<Region> rs;
        // The next occurrence of each closing mark at or after the position it was looked up
        // from: positions only grow, so each mark's text is searched once in all.
        std::vector<std::size_t> next_close(pairs.size(), 0);
        std::vector<bool> looked_up(pairs.size(), false);
        std::array<bool, 256> can_open{}; // first bytes of the opening marks
        for (const auto& pr : pairs) {
            can_open[static_cast<unsigned char>(pr.first[0])] = true;
        }
        std::size_t p = 0;
        while (p < t.size()) {
            if (!can_open[static_cast<unsigned char>(t[p])]) {
                ++p;
                continue;
            }
            bool hit = false;
            for (std::size_t i = 0; i < pairs.size(); ++i) {
                const auto& [open, close] = pairs[i];
                if (starts_at(t, p, open)) {
                    std::size_t from = p + open.size();
                    if (!looked_up[i] ||
                        (next_close[i] != std::string_view::npos && next_close[i] < from)) {
                        next_close[i] = t.find(close, from);
                        looked_up[i] = true;
                    }
                    auto c = next_close[i];
                    if (c == std::string_view::npos) {
                        break;
                    }
                    rs.push_back({static_cast<u32>(p), static_cast<u32>(c + close.size())});
                    p = c + close.size();
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                ++p;
            }
        }
        return rs;
    }

    std::vector<NameMatch> names(const Span& s, const std::vector<Region>& quoted,
                                 const std::string& label) {
        std::vector<NameMatch> out;
        auto accept = [&](const AhoCorasick::Match& m) {
            for (const auto& nb : lex_.aliases()[m.pattern].not_before) {
                if (starts_at(s.text, m.end, nb)) {
                    return false;
                }
            }
            return true;
        };
        const RegionIndex in_quotes(quoted);
        // Exact matches, and long names matched whatever their case; the longest wins.
        std::vector<AhoCorasick::Match> found = lex_.alias_automaton().find_longest(s.text, accept);
        if (!lex_.folded_alias_index().empty()) {
            const std::string low = ascii_lower(s.text);
            auto folded =
                lex_.folded_alias_automaton().find_longest(low, [&](const AhoCorasick::Match& m) {
                    AhoCorasick::Match as = m;
                    as.pattern = lex_.folded_alias_index()[m.pattern];
                    return accept(as);
                });
            if (!folded.empty()) {
                for (auto& m : folded) {
                    m.pattern = lex_.folded_alias_index()[m.pattern];
                }
                found.insert(found.end(), folded.begin(), folded.end());
                std::sort(found.begin(), found.end(),
                          [](const AhoCorasick::Match& a, const AhoCorasick::Match& b) {
                              return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
                          });
                std::vector<AhoCorasick::Match> kept;
                std::uint32_t covered = 0;
                for (const auto& m : found) {
                    if (m.begin >= covered) {
                        kept.push_back(m);
                        covered = m.end;
                    }
                }
                found = std::move(kept);
            }
        }
        for (const auto& m : found) {
            if (in_quotes.contains(m.begin)) {
                continue;
            }
            const Alias& a = lex_.aliases()[m.pattern];
            NameMatch nm{m.begin, m.end, {}, &a};
            if (!a.anaphor_tag.empty()) {
                auto it = last_by_tag_.find(a.anaphor_tag);
                if (it == last_by_tag_.end()) {
                    out_.unresolved.push_back(
                        {label, a.text,
                         "anaphor with no earlier '" + a.anaphor_tag + "' in the document"});
                } else {
                    nm.entities.push_back(gaz_.find(it->second));
                }
            } else {
                for (const auto& id : a.targets) {
                    const Entity* e = gaz_.find(id);
                    nm.entities.push_back(e);
                    for (const auto& [key, target] : gaz_.anaphor_keys(*e)) {
                        last_by_tag_[key] = target;
                    }
                }
            }
            out.push_back(std::move(nm));
        }
        return out;
    }

    // ---- clauses ----------------------------------------------------------------------------

    // The clause verb at pos (directly, or after connectors). Returns false if none.
    bool verb_at(std::string_view t, std::size_t pos, bool inner, u32& verb_end,
                 Relation& rel) const {
        for (int hops = 0; hops < 3; ++hops) {
            AhoCorasick::Match m;
            if (lex_.verb_automaton().longest_at(t, pos, m)) {
                const Verb& v = lex_.verbs()[m.pattern];
                bool blocked =
                    std::any_of(v.not_before.begin(), v.not_before.end(),
                                [&](const std::string& nb) { return starts_at(t, m.end, nb); });
                if (!blocked && (v.anywhere || !inner)) {
                    verb_end = m.end;
                    rel = v.relation;
                    return true;
                }
            }
            std::size_t c = literal_at(t, pos, lits("connector"));
            if (c == 0) {
                return false;
            }
            pos = skip_spaces(t, pos + c);
        }
        return false;
    }

    std::vector<Clause> clauses(const Paragraph& p, const std::vector<Region>& opaque,
                                const std::vector<NameMatch>& names) {
        std::string_view t = p.span.text;
        std::vector<Region> blocked = opaque;
        for (const auto& n : names) {
            blocked.push_back({n.begin, n.end});
        }
        std::vector<Clause> cs;
        Clause first;
        first.begin = static_cast<u32>(skip_spaces(t, p.body_begin));
        Relation rel{};
        if (verb_at(t, first.begin, false, first.verb_end, rel)) {
            first.relation = rel;
        } else {
            first.verb_end = first.begin;
        }
        cs.push_back(first);
        const auto& boundaries = lits("boundary");
        const auto& strong = lits("connector_anywhere");
        const auto& reported = lits("reported");
        const std::vector<char> blocked_mask = mask_of(t.size(), std::move(blocked));
        std::size_t pos = first.verb_end;
        while (pos < t.size()) {
            if (blocked_mask[pos]) {
                ++pos;
                continue;
            }
            std::size_t b = literal_at(t, pos, boundaries);
            std::size_t q = 0;
            if (b > 0) {
                q = skip_slash_marker(t, skip_spaces(t, pos + b));
            } else if (literal_at(t, pos, strong) > 0) {
                q = pos;
            } else {
                ++pos;
                continue;
            }
            u32 vend = 0;
            std::size_t r = literal_at(t, q, reported);
            if (b > 0 && r > 0) {
                // Reported speech: its verb is the cited text's, not a clause of ours.
                if (cs.back().reported == UINT32_MAX) {
                    cs.back().reported = static_cast<u32>(q);
                }
                std::size_t after = skip_spaces(t, q + r);
                for (std::size_t s; (s = literal_at(t, after, lits("reported_subject")));) {
                    after = skip_spaces(t, after + s);
                }
                if (verb_at(t, after, true, vend, rel)) {
                    after = vend;
                }
                pos = after;
                continue;
            }
            if (verb_at(t, q, true, vend, rel)) {
                cs.back().end = static_cast<u32>(q);
                Clause c;
                c.begin = static_cast<u32>(q);
                c.verb_end = vend;
                c.relation = rel;
                cs.push_back(c);
                pos = vend;
                continue;
            }
            pos = b > 0 ? pos + b : pos + 1;
        }
        cs.back().end = static_cast<u32>(t.size());
        return cs;
    }

    // The first clause that ends after pos (the last one if none). Clause ends are
    // non-decreasing: each clause ends where the next one begins.
    static const Clause& clause_of(const std::vector<Clause>& cs, u32 pos) {
        auto it = std::partition_point(cs.begin(), cs.end(),
                                       [pos](const Clause& c) { return c.end <= pos; });
        return it == cs.end() ? cs.back() : *it;
    }

    // "关于…的" regions (works that modify the head noun are mentions).
    std::vector<Region> about_regions(std::string_view t, const std::vector<Clause>& cs,
                                      const std::vector<Region>& opaque,
                                      const std::vector<NameMatch>& names) {
        std::vector<Region> out;
        const auto& opens = lits("about_open");
        const auto& closes = lits("about_close");
        const auto& heads = lits("about_head");
        const bool head_first = lex_.value("about_mode") == "after_head";
        if (opens.empty() || (closes.empty() && !head_first)) {
            return out;
        }
        std::vector<Region> region_list = opaque;
        for (const auto& n : names) {
            region_list.push_back({n.begin, n.end});
        }
        const std::vector<char> mask = mask_of(t.size(), std::move(region_list));
        auto blocked_at = [&](std::size_t p) { return p < mask.size() && mask[p] != 0; };
        // Where the head nouns and the closing words stand (outside names and quotations):
        // looked up by binary search, not by rescanning the clause for every opening word.
        const std::vector<u32> head_at =
            literal_positions(t, heads, [&](std::size_t q) { return !blocked_at(q); });
        if (head_first) {
            // Head-first languages: "resolution 70/299 … on the follow-up to …" — after a
            // head noun, an "about" word opens a modifier that runs to the end of the clause.
            for (std::size_t p = opens.next_start(t, 0); p < t.size();
                 p = opens.next_start(t, p + 1)) {
                std::size_t o = literal_at(t, p, opens);
                if (o == 0 || blocked_at(p)) {
                    continue;
                }
                const Clause& c = clause_of(cs, static_cast<u32>(p));
                // A head noun in [c.begin, p).
                auto h = first_at_or_after(head_at, c.begin);
                if (h != head_at.end() && *h < p) {
                    out.push_back({static_cast<u32>(p), c.end});
                    p = c.end;
                }
            }
            return out;
        }
        const std::vector<u32> close_at =
            literal_positions(t, closes, [&](std::size_t q) { return !blocked_at(q); });
        for (std::size_t p = opens.next_start(t, 0); p < t.size(); p = opens.next_start(t, p + 1)) {
            std::size_t o = literal_at(t, p, opens);
            if (o == 0 || blocked_at(p)) {
                continue;
            }
            const Clause& c = clause_of(cs, static_cast<u32>(p));
            // The first head noun after the opening word, in the clause, and the last closing
            // word before that head.
            auto h = first_at_or_after(head_at, p + o);
            if (h == head_at.end() || *h >= c.end) {
                continue;
            }
            auto last_close = first_at_or_after(close_at, *h);
            if (last_close != close_at.begin() && *(last_close - 1) >= p + o) {
                out.push_back({static_cast<u32>(p), *(last_close - 1)});
            }
        }
        return out;
    }

    // ---- references -------------------------------------------------------------------------

    // Resolution and decision numbers in anchored lists ("第46/152号、…和第67/192号决议").
    void resolution_groups(const Span& s, const std::vector<NameMatch>& names,
                           const std::vector<Clause>* cs, const std::string& label,
                           std::vector<Ref>& refs) {
        std::string_view t = s.text;
        const auto& fillers_sep = lits("list_separator");
        const auto& prefix = lits("item_prefix");
        const auto& suffix = lits("item_suffix");
        const auto& res_anchor = lits("res_anchor");
        const auto& dec_anchor = lits("dec_anchor");
        const auto& date_link = lits("date_link");
        struct Tok {
            std::size_t begin, end;
            std::string date;
            bool shared = false; // the date was written for another item of the list
            std::string alt;     // the item as read, when not t[begin, end): "36/87 B" of "A and B"
        };
        // The names of bodies with a resolution (decision) series, in text order.
        std::vector<const NameMatch*> res_organs, dec_organs;
        for (const auto& n : names) {
            if (!n.entities.empty() && n.entities.front()) {
                if (!n.entities.front()->res_prefix.empty()) {
                    res_organs.push_back(&n);
                }
                if (!n.entities.front()->dec_prefix.empty()) {
                    dec_organs.push_back(&n);
                }
            }
        }
        const std::vector<ScopeMark> scopes = scope_marks(t, names);
        std::vector<u32> organ_begins; // of the names that issued a list
        std::size_t pos = 0;
        while (pos < t.size()) {
            if (!utf8::is_digit(t[pos]) && t[pos] != 'S' && t[pos] != 'E') {
                ++pos;
                continue;
            }
            std::size_t e = token_start_ok(t, pos) ? number_token(t, pos) : pos;
            // A number with neither session nor year ("resolutions 1493 of 28 July 2003 and
            // 1533", "第1493号决议"): read only next to its anchor word, for the Council's
            // series whose year another mention or its date gives.
            const bool bare = e == pos && token_start_ok(t, pos) && bare_anchored(t, pos);
            if (bare) {
                e = bare_end(t, pos);
            }
            if (e == pos) {
                ++pos;
                continue;
            }
            // Collect the list: tokens joined by separators, item prefix/suffix and dates.
            std::vector<Tok> toks{{pos, e, {}, false, {}}};
            std::string pending_date; // forward scope: applies to the following items
            bool fresh_date = false;  // pending_date was written right before the next item
            std::size_t group_begin = pos;
            // Dates written just before the first item ("2011年12月19日第66/177号").
            std::size_t cur = e;
            while (true) {
                std::size_t q = cur;
                std::string date;
                bool moved = true;
                while (moved) {
                    moved = false;
                    q = skip_spaces(t, q);
                    std::size_t l = literal_at(t, q, suffix);
                    if (l == 0) {
                        l = literal_at(t, q, fillers_sep);
                    }
                    if (l == 0) {
                        l = literal_at(t, q, prefix);
                    }
                    if (l == 0) {
                        l = literal_at(t, q, date_link);
                    }
                    if (l > 0) {
                        q += l;
                        moved = true;
                        continue;
                    }
                    Template::Result r;
                    bool moved_by_date = false;
                    bool pin = false;
                    for (const auto& tpl : tpls("pinpoint")) {
                        if (tpl.match(t, q, lex_, r)) {
                            q = r.end;
                            pin = moved = true;
                            break;
                        }
                    }
                    if (pin) {
                        continue;
                    }
                    if (anchor_before_ && !toks.empty() && skip_item_title(t, q)) {
                        moved = true;
                        continue;
                    }
                    for (const auto& tpl : tpls("date")) {
                        if (q < t.size() && utf8::is_digit(t[q]) && tpl.match(t, q, lex_, r)) {
                            moved_by_date = true;
                            date = iso_date(r, lex_);
                            if (!date.empty()) {
                                q = r.end;
                                moved = true;
                                if (date_after_) {
                                    for (auto it = toks.rbegin(); it != toks.rend(); ++it) {
                                        if (!it->date.empty()) {
                                            break;
                                        }
                                        it->date = date;
                                        it->shared = it != toks.rbegin();
                                    }
                                } else {
                                    pending_date = date;
                                    fresh_date = true;
                                }
                            }
                            break;
                        }
                    }
                    // A footnote marker between items ("16 October 2020 36 and 11/3").
                    if (!moved_by_date && !bare && !toks.empty()) {
                        if (std::size_t m = footnote_marker_at(t, q); m > 0) {
                            q += m;
                            moved = true;
                        }
                    }
                }
                std::size_t ne = q < t.size() && token_start_ok(t, q) ? number_token(t, q) : q;
                if (ne == q && bare && q < t.size() && token_start_ok(t, q)) {
                    ne = bare_end(t, q);
                }
                // "36/87 A and B", "48/226 A, B and C": more parts of the item before.
                if (ne == q && q > cur && q < t.size() && t[q] >= 'A' && t[q] <= 'Z' &&
                    (q + 1 == t.size() || !utf8::is_ascii_alnum(t[q + 1])) &&
                    toks.back().end > toks.back().begin) {
                    std::string prev =
                        toks.back().alt.empty()
                            ? std::string(
                                  t.substr(toks.back().begin, toks.back().end - toks.back().begin))
                            : toks.back().alt;
                    const char last = prev.back();
                    if (last >= 'A' && last <= 'Z' && last < t[q]) {
                        prev.back() = t[q];
                        toks.push_back({q, q + 1, date_after_ ? std::string() : pending_date,
                                        !date_after_ && !fresh_date, prev});
                        cur = q + 1;
                        continue;
                    }
                }
                if (ne == q) {
                    break;
                }
                toks.push_back({q,
                                ne,
                                date_after_ ? std::string() : pending_date,
                                !date_after_ && !fresh_date,
                                {}});
                fresh_date = false;
                cur = ne;
            }
            // Forward dates written before the first item.
            if (!date_after_) {
                std::string before = date_before(t, group_begin);
                if (!before.empty() && toks.front().date.empty()) {
                    for (auto& tk : toks) {
                        if (!tk.date.empty()) {
                            break;
                        }
                        tk.date = before;
                        tk.shared = &tk != &toks.front();
                    }
                }
            }
            // The anchor word decides resolution or decision.
            bool decision = false, anchored = false;
            if (anchor_before_) {
                std::size_t b = group_begin;
                while (b > 0 && t[b - 1] == ' ') {
                    --b;
                }
                for (const auto& a : vals("res_anchor")) {
                    if (b >= a.size() && t.substr(b - a.size(), a.size()) == a) {
                        anchored = true;
                    }
                }
                for (const auto& a : vals("dec_anchor")) {
                    if (b >= a.size() && t.substr(b - a.size(), a.size()) == a) {
                        anchored = decision = true;
                    }
                }
            } else {
                std::size_t q = skip_spaces(t, cur);
                q += literal_at(t, q, suffix);
                q = skip_spaces(t, q);
                anchored = literal_at(t, q, res_anchor) > 0;
                if (!anchored && literal_at(t, q, dec_anchor) > 0) {
                    anchored = decision = true;
                }
            }
            if (!anchored) {
                for (const auto& tk : toks) {
                    std::string_view tok = t.substr(tk.begin, tk.end - tk.begin);
                    if (tok.find('/') != std::string_view::npos) {
                        out_.unresolved.push_back(
                            {label, std::string(tok), "number without a resolution anchor"});
                    }
                }
                pos = cur;
                continue;
            }
            // The organ: the nearest body with a resolution series named before the list in
            // the same clause; one named after the list; one whose scope the list stands in
            // ("Human Rights Council decision 18/120 … and resolutions 24/14 …"); the citing
            // document's own organ otherwise.
            const NameMatch* organ_match = nullptr;
            u32 clause_begin = cs ? clause_of(*cs, static_cast<u32>(group_begin)).begin : 0;
            {
                // Names come in text order without overlaps, so their ends grow too: the last
                // organ that ends by group_begin is the nearest, if it is in the clause.
                const auto& organs = decision ? dec_organs : res_organs;
                auto it = std::partition_point(
                    organs.begin(), organs.end(),
                    [group_begin](const NameMatch* n) { return n->end <= group_begin; });
                if (it != organs.begin() && (*(it - 1))->begin >= clause_begin) {
                    organ_match = *(it - 1);
                }
            }
            if (organ_match && !organ_owns(t, organ_match->end, group_begin)) {
                organ_match = nullptr;
            }
            bool unknown_after = false; // "77 (XII) adopted by the Assembly of Heads of State …"
            if (!organ_match) {
                organ_match = organ_after(t, cur, names, decision, &unknown_after);
            }
            if (unknown_after) {
                for (const auto& tk : toks) {
                    out_.unresolved.push_back({label,
                                               std::string(t.substr(tk.begin, tk.end - tk.begin)),
                                               "issued by an organ that is not in the gazetteer"});
                }
                pos = cur;
                continue;
            }
            // The organ in scope; "its resolutions": the citing document's own organ, named
            // as surely as by name.
            const Entity* organ_entity = organ_match ? organ_match->entities.front() : nullptr;
            bool own_organ = false;
            if (!organ_match && !scopes.empty()) {
                auto it = std::partition_point(
                    scopes.begin(), scopes.end(),
                    [group_begin](const ScopeMark& m) { return m.pos < group_begin; });
                if (it != scopes.begin() && (it - 1)->pos >= clause_begin) {
                    const ScopeMark& m = *(it - 1);
                    if (m.unknown) {
                        // an organ we do not know: the date decides below
                    } else if (m.organ == nullptr) {
                        own_organ = true;
                    } else if (!(decision ? m.organ->dec_prefix : m.organ->res_prefix).empty()) {
                        organ_entity = m.organ;
                        organ_match = m.name;
                    }
                }
            }
            Organ organ = self_organ_;
            std::string organ_id = self_organ_id_;
            if (organ_entity) {
                organ.res_prefix = organ_entity->res_prefix;
                organ.dec_prefix = organ_entity->dec_prefix;
                organ_id = organ_entity->id;
            }
            const bool named = organ_entity != nullptr || own_organ;
            for (const auto& tk : toks) {
                const std::string written = tk.alt.empty()
                                                ? without_ocr_hyphen(without_paren_spaces(
                                                      t.substr(tk.begin, tk.end - tk.begin)))
                                                : tk.alt;
                std::string_view tok = written;
                std::optional<Symbol> sym;
                std::string body = organ_id;
                if (bare) {
                    // Only the Council numbers bare; its year comes from the item's own date
                    // or from another mention of the number in this document.
                    if (organ.res_prefix != Organ::security_council().res_prefix || decision) {
                        continue;
                    }
                    auto year = sc_years_.find(std::string(tok));
                    std::string y = !tk.date.empty() && !tk.shared ? tk.date.substr(0, 4)
                                    : year != sc_years_.end()      ? year->second
                                                                   : std::string();
                    if (y.empty()) {
                        out_.unresolved.push_back(
                            {label, std::string(tok),
                             "Security Council resolution number without its year"});
                        continue;
                    }
                    sym = parse_resolution_number(std::string(tok) + " (" + y + ")", organ);
                } else {
                    sym = parse_resolution_number(tok, organ, decision);
                }
                if (!sym && !organ_entity && !decision) {
                    // Unambiguous forms of other series: "68/193" in a Council text,
                    // "1373 (2001)", "2013/40".
                    for (const auto& [series, id] : fallback_series()) {
                        if (id != organ_id && (sym = parse_resolution_number(tok, series))) {
                            body = id;
                            break;
                        }
                    }
                }
                if (!sym && !bare) {
                    if (auto cut = without_glued_marker(tok)) {
                        sym = parse_resolution_number(*cut, organ, decision);
                    }
                }
                if (!sym) {
                    out_.unresolved.push_back(
                        {label, std::string(tok), "not a valid resolution number"});
                    continue;
                }
                std::string date = tk.date;
                if (!date.empty()) {
                    // A date its symbol's session cannot bear: a typo when the organ is named
                    // (or the date is later than the citing text), else another organ's
                    // resolution of the same number: never a node of the wrong series.
                    const auto window = date_window(sym->key);
                    const bool later = !seg_.header.date.empty() && date > seg_.header.date;
                    if (later || (window && !window->contains(date))) {
                        // A date shared from another item of the list ("57/141, and 64/71
                        // of 4 December 2009") is simply not this item's.
                        if (!later && !named && !tk.shared) {
                            out_.unresolved.push_back(
                                {label, std::string(tok) + " (" + date + ")",
                                 "dated outside the session its number implies (another "
                                 "organ's resolution, organ not named)"});
                            continue;
                        }
                        date.clear();
                    }
                }
                if (body == "body:sc" && !sym->session.empty()) {
                    sc_years_.emplace(sym->key.substr(6, sym->key.find('(') - 6), sym->session);
                }
                Ref r;
                r.begin = static_cast<u32>(tk.begin);
                r.end = static_cast<u32>(tk.end);
                r.node = node_from_symbol(*sym, body);
                r.node.date = std::move(date);
                r.anchor = r.begin;
                r.span = &s;
                refs.push_back(std::move(r));
            }
            if (organ_match) {
                organ_begins.push_back(organ_match->begin);
            }
            pos = cur;
        }
        // The names that issued a list are mentions (marked once, not per list).
        if (!organ_begins.empty()) {
            std::sort(organ_begins.begin(), organ_begins.end());
            for (auto& r : refs) {
                if (r.entity &&
                    std::binary_search(organ_begins.begin(), organ_begins.end(), r.begin)) {
                    r.organ = true;
                }
            }
        }
    }

    // Whether the bare number at `pos` stands next to its anchor word: "resolution 1493",
    // "resolutions 1493 of …" (anchor before), "第1493号决议" (item suffix, then the anchor).
    bool bare_anchored(std::string_view t, std::size_t pos) const {
        const std::size_t end = bare_end(t, pos);
        if (end == pos) {
            return false;
        }
        if (anchor_before_) {
            std::size_t b = pos;
            while (b > 0 && t[b - 1] == ' ') {
                --b;
            }
            if (b == pos) {
                return false;
            }
            for (const auto& a : vals("res_anchor")) {
                if (b >= a.size() && t.substr(b - a.size(), a.size()) == a) {
                    return true;
                }
            }
            return false;
        }
        std::size_t q = skip_spaces(t, end);
        const std::size_t s = literal_at(t, q, lits("item_suffix"));
        return s > 0 && literal_at(t, skip_spaces(t, q + s), lits("res_anchor")) > 0;
    }

    // End of a bare resolution number at `pos` (1 to 4 ASCII digits not followed by another
    // digit, a slash, a letter or a parenthesised session), or `pos` if there is none.
    static std::size_t bare_end(std::string_view t, std::size_t pos) {
        std::size_t d = pos;
        while (d < t.size() && d < pos + 5 && t[d] >= '0' && t[d] <= '9') {
            ++d;
        }
        if (d == pos || d - pos > 4 ||
            (d < t.size() && (utf8::is_ascii_alnum(t[d]) || t[d] == '/' || t[d] == '.'))) {
            return pos;
        }
        return d;
    }

    void learn_sc_years(std::string_view t) {
        if (starts_at(t, 0, "S/RES/")) {
            t.remove_prefix(6);
        }
        for (std::size_t p = 0; p < t.size(); ++p) {
            if (!utf8::is_digit(t[p]) || (p > 0 && utf8::is_ascii_alnum(t[p - 1]))) {
                continue;
            }
            const std::size_t e = number_token(t, p);
            if (e == p) {
                continue;
            }
            const std::string tok = without_paren_spaces(t.substr(p, e - p));
            if (auto sym = parse_resolution_number(tok, Organ::security_council())) {
                sc_years_.emplace(tok.substr(0, tok.find_first_of(" (")), sym->session);
            }
            p = e;
        }
    }

    // Length of a plain number at `pos` that names a footnote of this text (a marker PDF
    // extraction left between list items: "of 16 October 2020 36 and 11/3"), or 0.
    std::size_t footnote_marker_at(std::string_view t, std::size_t pos) const {
        std::size_t d = pos;
        while (d < t.size() && d < pos + 4 && utf8::is_digit(t[d])) {
            ++d;
        }
        if (d == pos || d - pos > 3 ||
            (d < t.size() &&
             (utf8::is_ascii_alnum(t[d]) || t[d] == '/' || t[d] == '(' || t[d] == '.'))) {
            return 0;
        }
        return seg_.footnotes.count(std::stoi(std::string(t.substr(pos, d - pos)))) ? d - pos : 0;
    }

    // "76/17918": a number with a footnote marker glued to it, as PDF extraction leaves them;
    // the number without the marker when the marker names a footnote of this text.
    std::optional<std::string> without_glued_marker(std::string_view tok) const {
        const std::size_t slash = tok.find('/');
        if (slash == std::string_view::npos ||
            tok.find_first_not_of("0123456789/") != std::string_view::npos) {
            return std::nullopt;
        }
        // The longest marker first: "54/2639" is 54/26 and marker 39, not 54/263 and 9.
        for (std::size_t cut = 3; cut >= 1; --cut) {
            if (slash + 1 + cut >= tok.size()) {
                continue;
            }
            std::string_view marker = tok.substr(tok.size() - cut);
            if (marker[0] != '0' && seg_.footnotes.count(std::stoi(std::string(marker)))) {
                return std::string(tok.substr(0, tok.size() - cut));
            }
        }
        return std::nullopt;
    }

    // "3-057 (XXVIII)" as "3057 (XXVIII)" (number_token reads through such a hyphen only
    // between digits at the start of a token; "S-7/1" keeps its own).
    static std::string without_ocr_hyphen(std::string tok) {
        const std::size_t h = tok.find('-');
        if (h != std::string::npos && h > 0 && utf8::is_digit(tok[0]) &&
            utf8::is_digit(tok[h - 1]) && h + 1 < tok.size() && utf8::is_digit(tok[h + 1])) {
            tok.erase(h, 1);
        }
        return tok;
    }

    // "660 ( 1990)" as "660 (1990)": web copies put spaces inside the parentheses.
    static std::string without_paren_spaces(std::string_view tok) {
        std::string out;
        out.reserve(tok.size());
        for (std::size_t i = 0; i < tok.size(); ++i) {
            if (tok[i] == ' ' && ((!out.empty() && out.back() == '(') ||
                                  (i + 1 < tok.size() && tok[i + 1] == ')'))) {
                continue;
            }
            out += tok[i];
        }
        return out;
    }

    // "75/278 of 18 May 2021 on declaring …, 77/158 …": after an item, its subject runs to
    // the next separator that is directly followed by another number. Moves `q` there.
    bool skip_item_title(std::string_view t, std::size_t& q) const {
        std::size_t w = literal_at(t, q, lits("item_title"));
        if (w == 0 || q + w >= t.size() || t[q + w] != ' ') {
            return false;
        }
        const auto& seps = lits("list_separator");
        for (std::size_t p = q + w; p < t.size() && p < q + 400; ++p) {
            if (t[p] == ';' || t[p] == '.') {
                return false;
            }
            // Another anchor word opens a list of its own ("… in wildlife, and welcoming
            // Commission … resolutions 28/3 … and 31/1"): the title ended before it.
            if (t[p - 1] == ' ' && (literal_at(t, p, lits("res_anchor")) > 0 ||
                                    literal_at(t, p, lits("dec_anchor")) > 0)) {
                return false;
            }
            std::size_t l = literal_at(t, p, seps);
            if (l == 0 || (t[p] != ',' && t[p - 1] != ' ')) {
                continue;
            }
            std::size_t n = skip_spaces(t, p + l);
            if (n < t.size() && utf8::is_digit(t[n]) && token_start_ok(t, n) &&
                number_token(t, n) > n) {
                q = n;
                return true;
            }
        }
        return false;
    }

    // The organ named after the list: "resolution 10/4 of 16 October 2020 of the Conference
    // of the Parties to …", "résolution 22/7 de la Commission …". Dates may stand between;
    // the link words are data (organ_after_link).
    const NameMatch* organ_after(std::string_view t, std::size_t end,
                                 const std::vector<NameMatch>& names, bool decision,
                                 bool* unknown = nullptr) const {
        const auto& links = lits("organ_after_link");
        if (links.empty()) {
            return nullptr;
        }
        std::size_t q = skip_spaces(t, end);
        q = skip_spaces(t, q + footnote_marker_at(t, q));
        for (int hop = 0; hop < 2; ++hop) {
            std::size_t l = literal_at(t, q, lits("date_link"));
            Template::Result r;
            bool date = false;
            std::size_t d = skip_spaces(t, q + l);
            for (const auto& tpl : tpls("date")) {
                if (d < t.size() && utf8::is_digit(t[d]) && tpl.match(t, d, lex_, r)) {
                    q = skip_spaces(t, r.end);
                    date = true;
                    break;
                }
            }
            if (!date) {
                break;
            }
            q = skip_spaces(t, q + footnote_marker_at(t, q));
        }
        std::size_t l = literal_at(t, q, links);
        std::size_t at = skip_spaces(t, q + l);
        // Names are in text order: the one that starts at `at`, by binary search.
        for (auto it =
                 std::lower_bound(names.begin(), names.end(), at,
                                  [](const NameMatch&n, std::size_t pos) { return n.begin < pos; });
             it != names.end() && it->begin == at; ++it) {
            const NameMatch& n = *it;
            if (!n.entities.empty() && n.entities.front() &&
                !(decision ? n.entities.front()->dec_prefix : n.entities.front()->res_prefix)
                     .empty() &&
                (l > 0 || vals("organ_after_link").front().empty())) {
                return &n;
            }
        }
        // A link to a capitalised name of no body with that series: another organization's
        // organ ("adopted by the Assembly of Heads of State and Government of the OAU",
        // "of the United Nations Environment Assembly").
        if (unknown != nullptr && l > 0 && at < t.size() && t[at] >= 'A' && t[at] <= 'Z') {
            bool entity = false;
            for (auto it = std::lower_bound(
                     names.begin(), names.end(), at,
                     [](const NameMatch&n, std::size_t pos) { return n.begin < pos; });
                 it != names.end() && it->begin == at; ++it) {
                const Entity* e = it->entities.empty() ? nullptr : it->entities.front();
                entity =
                    entity || (e != nullptr && !(decision ? e->dec_prefix : e->res_prefix).empty());
            }
            *unknown = !entity;
        }
        return nullptr;
    }

    // Whether the organ named at [.., organ_end) issued the resolutions listed from
    // group_begin: "Security Council resolution 1373 (2001)" (adjacent, in languages that put
    // the organ right before the anchor word), "经济及社会理事会…的第2013/40号决议" (no clause
    // boundary between them).
    bool organ_owns(std::string_view t, std::size_t organ_end, std::size_t group_begin) const {
        if (lex_.value("organ_adjacent") == "yes") {
            const std::size_t a = anchor_after_organ(t, organ_end);
            return a != std::string_view::npos && skip_spaces(t, a) == group_begin;
        }
        // No clause boundary (outside quotation marks) in [organ_end, group_begin).
        const std::vector<u32>& boundaries = unquoted_boundaries(t);
        auto b = first_at_or_after(boundaries, organ_end);
        return b == boundaries.end() || *b >= group_begin;
    }

    // Where the anchor word after an organ's name ends: "Security Council resolution",
    // "the Council's resolutions", "the Commission, in its resolution" (the links are data:
    // organ_anchor_link); npos when no anchor word follows the name.
    std::size_t anchor_after_organ(std::string_view t, std::size_t organ_end) const {
        std::size_t p = skip_spaces(t, organ_end);
        if (starts_at(t, p, "'s")) {
            p = skip_spaces(t, p + 2);
        }
        if (std::size_t l = literal_at(t, p, lits("organ_anchor_link")); l > 0) {
            p = skip_spaces(t, p + l);
        }
        std::size_t a = literal_at(t, p, lits("res_anchor"));
        if (a == 0) {
            a = literal_at(t, p, lits("dec_anchor"));
        }
        return a > 0 ? p + a : std::string_view::npos;
    }

    // Organ scope, in languages that name the organ right before the anchor word: an organ
    // named before "resolution(s)"/"decision(s)" scopes the lists that follow in its clause
    // ("Human Rights Council resolutions on the topic, including resolutions 19/11 …") until
    // another organ, or the citing organ's own "its resolutions" (self_ref), is named.
    std::vector<ScopeMark> scope_marks(std::string_view t,
                                       const std::vector<NameMatch>& names) const {
        std::vector<ScopeMark> marks;
        if (lex_.value("organ_adjacent") != "yes") {
            return marks;
        }
        std::vector<std::pair<std::size_t, std::size_t>> owned; // organ name .. its anchor
        for (const auto& n : names) {
            const Entity* e = n.entities.empty() ? nullptr : n.entities.front();
            if (e == nullptr || (e->res_prefix.empty() && e->dec_prefix.empty())) {
                continue;
            }
            const std::size_t a = anchor_after_organ(t, n.end);
            const bool own = e->id == self_organ_id_;
            if (a != std::string_view::npos) {
                owned.emplace_back(n.begin, a);
                marks.push_back({n.begin, own ? nullptr : e, own ? nullptr : &n});
            } else if (anchor_link_before(t, n.begin)) {
                // "the resolutions and decisions of the Human Rights Council, the most recent
                // of which being resolutions 53/26 …"
                marks.push_back({n.begin, own ? nullptr : e, own ? nullptr : &n});
            }
        }
        // "Council resolution 16/21", "Commission resolution 66/1": a capitalised word right
        // before the anchor is a short form of the latest organ named before whose name has
        // that word (in this paragraph, else earlier in the document); of none, it names an
        // organ we do not know, and ends the scope of the one before.
        for (const LiteralSet* anchors : {&lits("res_anchor"), &lits("dec_anchor")}) {
            for (u32 a : literal_positions(t, *anchors, [&](std::size_t q) {
                     return q > 1 && t[q - 1] == ' ' && utf8::is_ascii_alnum(t[q - 2]);
                 })) {
                std::size_t w = a - 1;
                while (w > 0 && utf8::is_ascii_alnum(t[w - 1])) {
                    --w;
                }
                if (t[w] < 'A' || t[w] > 'Z') {
                    continue;
                }
                bool known = false;
                for (const auto& [b, e] : owned) {
                    known = known || (w >= b && w < e);
                }
                if (known) {
                    continue;
                }
                // Where no names were matched (a footnote), the whole name may stand before
                // the anchor: "General Assembly resolution 69/313" is the Assembly's, not a
                // short form of the last organ named with "Assembly" in its name.
                if (const Entity* full = full_name_before(t, w, a - 1)) {
                    marks.push_back({w, full->id == self_organ_id_ ? nullptr : full, nullptr});
                    continue;
                }
                const Entity* e = short_form_organ(t.substr(w, a - 1 - w), names, w);
                if (e == nullptr) {
                    marks.push_back({w, nullptr, nullptr, true});
                } else {
                    marks.push_back({w, e->id == self_organ_id_ ? nullptr : e, nullptr});
                }
            }
        }
        const LiteralSet& self = lits("self_ref");
        for (u32 p : literal_positions(t, self, [&](std::size_t q) {
                 return q == 0 || !utf8::is_ascii_alnum(t[q - 1]);
             })) {
            const std::size_t l = literal_at(t, p, self);
            const std::size_t q = skip_spaces(t, p + l);
            if (q == p + l || (literal_at(t, q, lits("res_anchor")) == 0 &&
                               literal_at(t, q, lits("dec_anchor")) == 0)) {
                continue; // not "its resolution": "itself", "its report"
            }
            bool linked = false; // "the Commission, in its resolution": the organ's, not ours
            for (const auto& [b, e] : owned) {
                linked = linked || (p >= b && p < e);
            }
            if (linked) {
                continue;
            }
            // "… Commission for Asia and the Pacific in its resolution": an organ that is not
            // in the gazetteer; neither ours nor the one in scope.
            bool after_link = false;
            for (const auto& link : vals("organ_anchor_link")) {
                after_link = after_link || (p + l >= link.size() &&
                                            t.substr(p + l - link.size(), link.size()) == link);
            }
            marks.push_back({p, nullptr, nullptr, after_link});
        }
        std::sort(marks.begin(), marks.end(),
                  [](const ScopeMark& a, const ScopeMark& b) { return a.pos < b.pos; });
        return marks;
    }

    // The organ with a resolution series whose name (an alias of the lexicon) starts at one of
    // the up to six words that end at `word` and ends exactly at `end`; nullptr if none.
    const Entity* full_name_before(std::string_view t, std::size_t word, std::size_t end) const {
        std::size_t start = word;
        for (int k = 0; k < 6; ++k) {
            AhoCorasick::Match m;
            if (lex_.alias_automaton().longest_at(t, start, m) && m.end == end) {
                const Alias& al = lex_.aliases()[m.pattern];
                const Entity* e = al.anaphor_tag.empty() && !al.targets.empty()
                                      ? gaz_.find(al.targets.front())
                                      : nullptr;
                return e != nullptr && (!e->res_prefix.empty() || !e->dec_prefix.empty()) ? e
                                                                                          : nullptr;
            }
            if (start < 2 || t[start - 1] != ' ') {
                return nullptr;
            }
            std::size_t q = start - 1;
            while (q > 0 && t[q - 1] != ' ') {
                --q;
            }
            start = q;
        }
        return nullptr;
    }

    // The organ with a resolution series, named before `before` in this paragraph or earlier
    // in the document (the latest first), whose name in this language has `word` as a word:
    // "Council" after the Human Rights Council, "Commission" after the Commission on Narcotic
    // Drugs. nullptr if none.
    const Entity* short_form_organ(std::string_view word, const std::vector<NameMatch>& names,
                                   std::size_t before) const {
        auto has_word = [&](const Entity* e) {
            auto it = e->names.find(lang_table_);
            if (it == e->names.end() || word.empty()) {
                return false;
            }
            const std::string& name = it->second;
            for (std::size_t at = name.find(word); at != std::string::npos;
                 at = name.find(word, at + 1)) {
                const std::size_t end = at + word.size();
                if ((at == 0 || !utf8::is_ascii_alnum(name[at - 1])) &&
                    (end == name.size() || !utf8::is_ascii_alnum(name[end]))) {
                    return true;
                }
            }
            return false;
        };
        auto series = [](const Entity* e) {
            return e != nullptr && (!e->res_prefix.empty() || !e->dec_prefix.empty());
        };
        for (auto it = names.rbegin(); it != names.rend(); ++it) {
            const Entity* e = it->entities.empty() ? nullptr : it->entities.front();
            if (it->end <= before && series(e) && has_word(e)) {
                return e;
            }
        }
        for (auto it = recent_organs_.rbegin(); it != recent_organs_.rend(); ++it) {
            if (has_word(*it)) {
                return *it;
            }
        }
        return nullptr;
    }

    // Whether an anchor word and an organ_after_link stand right before `pos`: "resolutions
    // adopted by the ", "decisions of the ".
    bool anchor_link_before(std::string_view t, std::size_t pos) const {
        auto ends_with_one = [&](std::size_t end, const std::vector<std::string>& values) {
            while (end > 0 && t[end - 1] == ' ') {
                --end;
            }
            for (const auto& v : values) {
                if (!v.empty() && end >= v.size() && t.substr(end - v.size(), v.size()) == v &&
                    (end == v.size() || !utf8::is_ascii_alnum(t[end - v.size() - 1]))) {
                    return end - v.size();
                }
            }
            return std::string_view::npos;
        };
        const std::size_t link = ends_with_one(pos, vals("organ_after_link"));
        if (link == std::string_view::npos) {
            return false;
        }
        return ends_with_one(link, vals("res_anchor")) != std::string_view::npos ||
               ends_with_one(link, vals("dec_anchor")) != std::string_view::npos;
    }

    // The series tried, in order, for a number that the organ in scope cannot have issued.
    const std::vector<std::pair<Organ, std::string>>& fallback_series() const {
        static const std::vector<std::pair<Organ, std::string>> series = {
            {Organ::general_assembly(), "body:ga"},
            {Organ::security_council(), "body:sc"},
            {Organ::ecosoc(), "body:ecosoc"}};
        return series;
    }

    // A date immediately before pos, possibly with the item prefix between ("…日第").
    std::string date_before(std::string_view t, std::size_t pos) const {
        std::size_t end = pos;
        for (const auto& p : vals("item_prefix")) {
            if (end >= p.size() && t.substr(end - p.size(), p.size()) == p) {
                end -= p.size();
                break;
            }
        }
        // Try every start within 40 bytes before `end` whose match ends exactly there.
        for (std::size_t back = std::min<std::size_t>(end, 40); back > 0; --back) {
            std::size_t s = end - back;
            if (!utf8::is_digit(t[s]) || (s > 0 && utf8::is_digit(t[s - 1]))) {
                continue;
            }
            Template::Result r;
            for (const auto& tpl : tpls("date")) {
                if (tpl.match(t, s, lex_, r) && skip_spaces(t, r.end) >= end && r.end <= end) {
                    return iso_date(r, lex_);
                }
            }
        }
        return {};
    }

    // Resolutions numbered in words after their anchor, with the session or year in
    // parentheses, as the Chinese texts of 1946-1950s wrote them: "决议案一(一)" (A/RES/1 (I)),
    // "决议案一八一(二)" (A/RES/181 (II)), "决议案四十六(一九四八)" (S/RES/46 (1948)). A year
    // is the Council's series, a session the Assembly's. Anchors: numeral_res_anchor.
    void numeral_resolutions(const Span& s, std::vector<Ref>& refs) {
        std::string_view t = s.text;
        const auto& anchors = lits("numeral_res_anchor");
        for (std::size_t p = anchors.next_start(t, 0); p < t.size();
             p = anchors.next_start(t, p + 1)) {
            std::size_t a = literal_at(t, p, anchors);
            if (a == 0) {
                continue;
            }
            std::size_t n = p + a;
            std::size_t nl = zh_numeral_length(t, n);
            std::size_t open = n + nl;
            if (nl == 0 || open >= t.size() || t[open] != '(') {
                continue;
            }
            std::size_t sl = zh_numeral_length(t, open + 1);
            std::size_t close = open + 1 + sl;
            if (sl == 0 || close >= t.size() || t[close] != ')') {
                continue;
            }
            int number = parse_zh_number(t.substr(n, nl));
            int session = parse_zh_number(t.substr(open + 1, sl));
            std::optional<Symbol> sym;
            std::string body = "body:ga";
            if (number > 0 && session >= 1946 && session <= 2100) {
                sym = parse_resolution_number(std::to_string(number) + " (" +
                                                  std::to_string(session) + ")",
                                              Organ::security_council());
                body = "body:sc";
            } else if (number > 0 && session >= 1 && session <= 39) {
                static const char* const kRoman[] = {"",  "I",  "II",  "III",  "IV",
                                                     "V", "VI", "VII", "VIII", "IX"};
                std::string roman = std::string(session / 10, 'X') + kRoman[session % 10];
                sym = parse_resolution_number(std::to_string(number) + " (" + roman + ")",
                                              Organ::general_assembly());
            }
            if (!sym) {
                continue;
            }
            Ref r;
            r.begin = static_cast<u32>(n);
            r.end = static_cast<u32>(close + 1);
            r.node = node_from_symbol(*sym, body);
            r.anchor = r.begin;
            r.span = &s;
            refs.push_back(std::move(r));
            p = close;
        }
    }

    // Document symbols: "A/68/457", "E/2013/30和Corr.1", "A/RES/60/1". The pre-1994 forms
    // with one number ("S/12611", "A/10197") are read where a symbol is all the text means:
    // right after an opening parenthesis ("report … of 19 March 1978 (S/12611)") and in a
    // footnote (`footnote`: "7 A/10197.").
    void documents(const Span& s, std::vector<Ref>& refs, bool footnote = false) {
        std::string_view t = s.text;
        std::size_t pos = 0;
        while (pos < t.size()) {
            char c = t[pos];
            if (!(c >= 'A' && c <= 'Z') || (pos > 0 && (utf8::is_ascii_alnum(t[pos - 1]) ||
                                                        t[pos - 1] == '/' || t[pos - 1] == '.'))) {
                ++pos;
                continue;
            }
            std::size_t e = pos;
            while (e < t.size() &&
                   (utf8::is_ascii_alnum(t[e]) || t[e] == '/' || t[e] == '.' || t[e] == '-')) {
                ++e;
            }
            // A Security Council symbol keeps its year: "S/RES/1373 (2001)".
            std::size_t q = e < t.size() && t[e] == ' ' ? e + 1 : e;
            if (q < t.size() && t[q] == '(') {
                std::size_t close = t.substr(0, std::min(t.size(), q + 9)).find(')', q);
                if (close != std::string_view::npos && close - q <= 8) {
                    std::string cand(t.substr(pos, close + 1 - pos));
                    if (parse_symbol(cand)) {
                        e = close + 1;
                    }
                }
            }
            while (e > pos && (t[e - 1] == '.' || t[e - 1] == '-' || t[e - 1] == '/')) {
                --e;
            }
            std::string_view cand = t.substr(pos, e - pos);
            auto sym = cand.find('/') != std::string_view::npos ? parse_symbol(cand)
                                                                : std::optional<Symbol>{};
            if (!sym && (footnote || after_open_paren(t, pos))) {
                sym = single_number_document(cand);
            }
            if (!sym) {
                // A joint document of two organs: "A/67/65-E/2012/48" names both symbols.
                // (Not in a token longer than any two symbols: every dash would be tried.)
                for (auto dash = cand.size() <= kMaxJointSymbol ? cand.find('-')
                                                                : std::string_view::npos;
                     dash != std::string_view::npos; dash = cand.find('-', dash + 1)) {
                    std::string_view right = cand.substr(dash + 1);
                    auto a = parse_symbol(cand.substr(0, dash));
                    auto b = parse_symbol(right);
                    if (a && b && right[0] >= 'A' && right[0] <= 'Z') {
                        add_symbol_ref(s, *a, pos, pos + dash, refs);
                        add_symbol_ref(s, *b, pos + dash + 1, e, refs);
                        break;
                    }
                }
                pos = std::max(e, pos + 1);
                continue;
            }
            add_symbol_ref(s, *sym, pos, e, refs);
            // "E/2013/30和Corr.1": the joined suffix names a second document.
            std::size_t p2 = e;
            for (bool more = true; more;) {
                more = false;
                std::size_t j = literal_at(t, skip_spaces(t, p2), lits("suffix_joiner"));
                if (j == 0) {
                    break;
                }
                std::size_t sfx = skip_spaces(t, skip_spaces(t, p2) + j);
                for (std::string_view kind : {"Corr.", "Add.", "Rev.", "Amend."}) {
                    if (starts_at(t, sfx, kind)) {
                        std::size_t d = sfx + kind.size();
                        while (d < t.size() && utf8::is_digit(t[d])) {
                            ++d;
                        }
                        if (d > sfx + kind.size()) {
                            auto s2 =
                                parse_symbol(sym->key + "/" + std::string(t.substr(sfx, d - sfx)));
                            if (s2) {
                                add_symbol_ref(s, *s2, sfx, d, refs);
                                p2 = d;
                                more = true;
                            }
                        }
                        break;
                    }
                }
            }
            pos = std::max(p2, e);
        }
    }

    // Whether an opening parenthesis (ASCII or full-width) stands right before pos.
    static bool after_open_paren(std::string_view t, std::size_t pos) {
        return (pos >= 1 && t[pos - 1] == '(') ||
               (pos >= 3 && t.substr(pos - 3, 3) == "\xEF\xBC\x88"); // U+FF08
    }

    // "S/12611", "A/10197", "E/5836/Add.1": an organ's root, one number of 3 to 5 digits
    // without a leading zero, and suffixes. parse_symbol rejects these forms everywhere (too
    // easily noise); the caller reads them only where the context says they are symbols.
    static std::optional<Symbol> single_number_document(std::string_view cand) {
        if (cand.size() < 5 || (cand[0] != 'A' && cand[0] != 'S' && cand[0] != 'E') ||
            cand[1] != '/' || cand[2] == '0') {
            return std::nullopt;
        }
        std::size_t p = 2;
        while (p < cand.size() && utf8::is_digit(cand[p])) {
            ++p;
        }
        if (p - 2 < 3 || p - 2 > 5) {
            return std::nullopt;
        }
        // The single-number series ended when the session-numbered ones began: the Assembly's
        // at A/10xxx (1976: A/31/…), the Council's at S/26xxx (1994: S/1994/…), ECOSOC's at
        // E/6xxx (1978: E/1978/…). A higher number is a symbol with a lost slash ("A/78423").
        const long number = std::stol(std::string(cand.substr(2, p - 2)));
        if (number > (cand[0] == 'A' ? 10999 : cand[0] == 'S' ? 26999 : 6999)) {
            return std::nullopt;
        }
        while (p < cand.size()) {
            if (cand[p] != '/') {
                return std::nullopt;
            }
            bool suffix = false;
            for (std::string_view kind : {"Add.", "Rev.", "Corr."}) {
                if (starts_at(cand, p + 1, kind)) {
                    std::size_t d = p + 1 + kind.size();
                    const std::size_t digits = d;
                    while (d < cand.size() && utf8::is_digit(cand[d])) {
                        ++d;
                    }
                    if (d > digits) {
                        p = d;
                        suffix = true;
                    }
                    break;
                }
            }
            if (!suffix) {
                return std::nullopt;
            }
        }
        Symbol sym;
        sym.kind = NodeKind::Document;
        sym.key = std::string(cand);
        sym.display = sym.key;
        return sym;
    }

    void add_symbol_ref(const Span& s, const Symbol& sym, std::size_t b, std::size_t e,
                        std::vector<Ref>& refs) {
        Ref r;
        r.begin = static_cast<u32>(b);
        r.end = static_cast<u32>(e);
        std::string body;
        if (sym.kind != NodeKind::Document) {
            body = sym.key.rfind("S/", 0) == 0       ? "body:sc"
                   : sym.key.rfind("E/", 0) == 0     ? "body:ecosoc"
                   : sym.key.rfind("A/HRC/", 0) == 0 ? "body:hrc"
                                                     : "body:ga";
        }
        r.node = node_from_symbol(sym, body);
        r.anchor = r.begin;
        r.span = &s;
        refs.push_back(std::move(r));
    }

    // UN Treaty Series citations: "第2225、2237、2241和2326卷,第39574号".
    void unts(const Span& s, std::vector<Ref>& refs) {
        std::string_view t = s.text;
        const auto& unts = tpls("unts");
        for (std::size_t p = 0; p < t.size(); ++p) {
            for (const auto& tpl : unts) {
                Template::Result r;
                if (!tpl.match(t, p, lex_, r)) {
                    continue;
                }
                std::vector<std::string> vols;
                std::string v = r.get("vols");
                std::string cur;
                for (char ch : v) {
                    if (utf8::is_digit(ch)) {
                        cur += ch;
                    } else if (!cur.empty()) {
                        vols.push_back(cur);
                        cur.clear();
                    }
                }
                if (!cur.empty()) {
                    vols.push_back(cur);
                }
                for (const Entity* e : gaz_.by_unts(r.get("num"), vols)) {
                    Ref ref;
                    ref.begin = static_cast<u32>(p);
                    ref.end = static_cast<u32>(r.end);
                    ref.node = node_from_entity(*e);
                    ref.entity = true;
                    ref.span = &s;
                    refs.push_back(std::move(ref));
                }
                p = r.end;
                break;
            }
        }
    }

    // ---- edges ------------------------------------------------------------------------------

    void add_node(const NodeRecord& n) {
        auto [it, fresh] = nodes_.emplace(n.id, n);
        if (!fresh) {
            it->second.merge_from(n);
        }
    }

    u32 raw_begin(const Span& s, u32 i) const { return clean_.raw_offset(s.clean_pos(i)); }
    u32 raw_end(const Span& s, u32 i) const {
        return i == 0 ? raw_begin(s, 0) : clean_.raw_end(s.clean_pos(i - 1));
    }

    // `clause_text` points into the paragraph; it is copied only for the edges kept.
    void emit(const Ref& r, Relation rel, Role role, const std::string& label,
              std::string_view clause_text, u32 clause = 0) {
        if (r.node.id == doc_) {
            return; // the document's own symbol (a later decision appended to its text)
        }
        add_node(r.node);
        EdgeRecord e;
        e.source = doc_;
        e.target = r.node.id;
        e.relation = rel;
        e.role = role;
        e.prov.document = doc_;
        e.prov.language = lang_;
        e.prov.paragraph = label;
        e.prov.span_begin = raw_begin(*r.span, r.begin);
        e.prov.span_end = raw_end(*r.span, r.end);
        pending_.push_back({clause, std::move(e), clause_text});
    }

    // Keeps one edge per (relation, target, role) in a clause, and drops a mention of a
    // target the same clause already acts on or addresses.
    void flush_paragraph() {
        std::set<std::tuple<u32, Relation, std::string, Role>> seen;
        std::set<std::tuple<u32, Relation, std::string>> strong;
        for (const auto& [c, e, text] : pending_) {
            if (e.role == Role::object || e.role == Role::addressee) {
                strong.insert({c, e.relation, e.target});
            }
        }
        for (auto& [c, e, text] : pending_) {
            if (e.role == Role::mention && strong.count({c, e.relation, e.target})) {
                continue;
            }
            if (seen.insert({c, e.relation, e.target, e.role}).second) {
                e.prov.text = std::string(text);
                out_.edges.push_back(std::move(e));
            }
        }
        pending_.clear();
    }

    // The issuing organ never is an edge target: the General Assembly (tag `self`) and the
    // organ the subject line named ("安全理事会，": 安理会 in a Council text is "the Council
    // itself", where the English text says "its").
    bool is_self(const Entity& e) const {
        return e.tags.count("self") > 0 || e.id == seg_.header.organ;
    }

    std::vector<Ref> name_refs(const Span& s, const std::vector<NameMatch>& names) {
        std::vector<Ref> refs;
        for (const auto& n : names) {
            for (const Entity* e : n.entities) {
                if (e == nullptr || is_self(*e)) {
                    continue;
                }
                Ref r;
                r.begin = n.begin;
                r.end = n.end;
                r.node = node_from_entity(*e);
                r.entity = true;
                r.anaphor = n.alias != nullptr && !n.alias->anaphor_tag.empty();
                r.anchor = n.begin;
                r.span = &s;
                refs.push_back(std::move(r));
            }
        }
        return refs;
    }

    void header_report(const Span& s) {
        auto quoted = regions(s.text, quotes_);
        auto ns = names(s, quoted, "header");
        std::vector<Ref> refs = name_refs(s, ns);
        documents(s, refs);
        for (const auto& r : refs) {
            if (r.node.kind == NodeKind::Actor) {
                continue;
            }
            emit(r, Relation::adopted_on_report, Role::object, "header", s.text);
        }
        flush_paragraph();
    }

    void paragraph(const Paragraph& p) {
        const Span& s = p.span;
        std::string_view t = s.text;
        auto quoted = regions(t, quotes_);
        auto titled = regions(t, titles_);
        std::vector<Region> opaque = quoted;
        opaque.insert(opaque.end(), titled.begin(), titled.end());
        auto ns = names(s, quoted, p.label);
        auto cs = clauses(p, opaque, ns);
        auto about = about_regions(t, cs, opaque, ns);

        std::vector<Ref> refs = name_refs(s, ns);
        resolution_groups(s, ns, &cs, p.label, refs);
        numeral_resolutions(s, refs);
        documents(s, refs);
        // Footnote sources, attached where the marker stands.
        std::map<std::tuple<u32, Relation, int>, u32> footnote_in_clause; // -> first anchor
        for (const auto& m : s.markers) {
            auto fn = seg_.footnotes.find(m.number);
            if (fn == seg_.footnotes.end()) {
                out_.unresolved.push_back({p.label, "footnote " + std::to_string(m.number),
                                           "marker with no footnote text"});
                continue;
            }
            std::string fn_label = p.label + " fn" + std::to_string(m.number);
            auto cached = footnote_refs_.find(m.number);
            if (cached == footnote_refs_.end()) {
                // Read each footnote once, however many markers point to it.
                FootnoteRefs f;
                std::size_t before = out_.unresolved.size();
                resolution_groups(fn->second, {}, nullptr, fn_label, f.refs);
                documents(fn->second, f.refs, true);
                unts(fn->second, f.refs);
                for (std::size_t i = before; i < out_.unresolved.size(); ++i) {
                    f.unresolved.emplace_back(out_.unresolved[i].text, out_.unresolved[i].reason);
                }
                cached = footnote_refs_.emplace(m.number, std::move(f)).first;
            } else {
                for (const auto& [text, reason] : cached->second.unresolved) {
                    out_.unresolved.push_back({fn_label, text, reason});
                }
            }
            const u32 anchor = m.pos == 0 ? 0 : m.pos - 1;
            // Another marker of the same footnote earlier in the same clause gave the same
            // edges already (flush_paragraph keeps one per clause, relation, target and role),
            // unless the clause has no verb (then each reference is reported).
            const Clause& c = clause_of(cs, anchor);
            if (c.relation) {
                auto [it, fresh] =
                    footnote_in_clause.try_emplace({c.begin, *c.relation, m.number}, anchor);
                if (!fresh && it->second <= anchor) {
                    continue;
                }
            }
            for (const Ref& cached_ref : cached->second.refs) {
                Ref r = cached_ref;
                r.source = true;
                r.anchor = anchor;
                refs.push_back(std::move(r));
            }
        }
        std::stable_sort(refs.begin(), refs.end(),
                         [](const Ref& a, const Ref& b) { return a.anchor < b.anchor; });

        // Addressees: in operative paragraphs, the first body or actor after a mandate verb,
        // and those joined to it ("会员国和…", "Member States and …").
        std::set<std::pair<u32, std::string>> addressees;
        if (p.operative) {
            for (const auto& c : cs) {
                if (!c.relation || !is_mandate_relation(*c.relation)) {
                    continue;
                }
                const NameMatch* prev = nullptr;
                // Head-first languages name the addressee right after the verb ("Calls upon
                // the relevant bodies to … Human Rights Council resolution 17/4": not the
                // Council); the window and the words that close the addressee phrase are data.
                std::size_t window = 0;
                if (!lex_.value("addressee_window").empty()) {
                    window = static_cast<std::size_t>(std::stoul(lex_.value("addressee_window")));
                }
                std::size_t limit = std::min(c.end, c.reported);
                if (window > 0) {
                    limit = std::min<std::size_t>(limit, c.verb_end + window);
                    for (const auto& stop : vals("addressee_stop")) {
                        // Only a stop word before the limit matters: look no further.
                        auto at = t.substr(0, std::min(t.size(), limit + stop.size()))
                                      .find(stop, c.verb_end);
                        if (at != std::string_view::npos) {
                            limit = std::min(limit, at);
                        }
                    }
                }
                // Names before the verb do not count: start at the first one after it.
                for (auto it =
                         std::lower_bound(ns.begin(), ns.end(), c.verb_end,
                                          [](const NameMatch&n, u32 pos) { return n.begin < pos; });
                     it != ns.end(); ++it) {
                    const NameMatch& n = *it;
                    // (Names are in text order: none after this one is in the clause either.)
                    if ((prev == nullptr && n.begin >= limit) ||
                        n.begin >= std::min(c.end, c.reported)) {
                        break;
                    }
                    if (n.begin < c.verb_end || n.entities.empty() ||
                        n.entities.front() == nullptr || is_self(*n.entities.front()) ||
                        (n.entities.front()->kind != NodeKind::Body &&
                         n.entities.front()->kind != NodeKind::Actor)) {
                        continue;
                    }
                    if (prev != nullptr) {
                        std::size_t gap = skip_spaces(t, prev->end);
                        std::size_t j = literal_at(t, gap, lits("addressee_joiner"));
                        if (j == 0 || skip_spaces(t, gap + j) != n.begin) {
                            break;
                        }
                    }
                    for (const Entity* e : n.entities) {
                        addressees.insert({n.begin, e->id});
                    }
                    prev = &n;
                    if (vals("addressee_joiner").empty()) {
                        break;
                    }
                }
            }
        }

        const RegionIndex in_about(std::move(about));
        const RegionIndex in_quotes(std::move(quoted));
        for (const auto& r : refs) {
            const Clause& c = clause_of(cs, r.anchor);
            std::string_view clause_text = t.substr(c.begin, c.end - c.begin);
            while (!clause_text.empty() && clause_text.back() == ' ') {
                clause_text.remove_suffix(1);
            }
            if (!c.relation) {
                // An actor ("States", "the international community") is an edge only as an
                // addressee: without a clause verb nothing is lost. Any other work named
                // keeps its resolved target under the weakest relation: named, not acted on.
                // An anaphor does not: in the verb-less articles of an annexed convention
                // "the Convention" is the annex itself, not the convention named last.
                if (r.anaphor) {
                    out_.unresolved.push_back(
                        {p.label, r.node.id, "anaphor in a clause without a clause verb"});
                } else if (r.node.kind != NodeKind::Actor) {
                    emit(r, Relation::refers_to, r.source ? Role::source : Role::mention, p.label,
                         clause_text, c.begin);
                }
                continue;
            }
            Role role = Role::object;
            bool mandate = p.operative && is_mandate_relation(*c.relation);
            if (r.source) {
                role = Role::source;
            } else if (addressees.count({r.begin, r.node.id})) {
                role = Role::addressee;
            } else if (r.node.kind == NodeKind::Actor) {
                continue; // actors are edges only as addressees
            } else if (r.organ || mandate || r.anchor >= c.reported || in_about.contains(r.begin) ||
                       in_quotes.contains(r.begin)) {
                role = Role::mention;
            }
            emit(r, *c.relation, role, p.label, clause_text, c.begin);
        }
        flush_paragraph();
        // The organs this paragraph named, for short forms in later ones ("Council resolution").
        for (const auto& n : ns) {
            const Entity* e = n.entities.empty() ? nullptr : n.entities.front();
            if (e != nullptr && (!e->res_prefix.empty() || !e->dec_prefix.empty())) {
                recent_organs_.erase(std::remove(recent_organs_.begin(), recent_organs_.end(), e),
                                     recent_organs_.end());
                recent_organs_.push_back(e);
            }
        }
    }

    const Segmented& seg_;
    const CleanText& clean_;
    const Lexicon& lex_;
    const Gazetteer& gaz_;
    const std::string& doc_;
    const std::string& lang_;
    std::vector<std::pair<std::string, std::string>> quotes_, titles_;
    // Lexicon tables by key, looked up once per document: the scanners ask for them inside
    // their loops. Keyed by the address of the literal naming the table (each call site's own).
    template <typename T, typename Lookup>
    static const T& memo(std::unordered_map<const char*, const T*>& m, const char* key,
                         Lookup lookup) {
        const T*& slot = m[key];
        if (slot == nullptr) {
            slot = &lookup(key);
        }
        return *slot;
    }
    const LiteralSet& lits(const char* key) const {
        return memo(lits_, key,
                    [&](const char* k) -> const LiteralSet& { return lex_.literals(k); });
    }
    const std::vector<std::string>& vals(const char* key) const {
        return memo(vals_, key, [&](const char* k) -> const std::vector<std::string>& {
            return lex_.values(k);
        });
    }
    const std::vector<Template>& tpls(const char* key) const {
        return memo(tpls_, key, [&](const char* k) -> const std::vector<Template>& {
            return lex_.templates(k);
        });
    }
    mutable std::unordered_map<const char*, const LiteralSet*> lits_;
    mutable std::unordered_map<const char*, const std::vector<std::string>*> vals_;
    mutable std::unordered_map<const char*, const std::vector<Template>*> tpls_;

    mutable std::vector<u32> boundary_cache_;
    mutable const char* boundary_cache_text_ = nullptr;
    mutable std::size_t boundary_cache_size_ = 0;
    std::string lang_table_;                      // the lexicon's language: names are keyed by it
    std::vector<const Entity*> recent_organs_;    // organs with a series, by latest mention
    std::map<std::string, std::string> sc_years_; // Council number -> year, from this text
    Organ self_organ_ = Organ::general_assembly();
    std::string self_organ_id_ = "body:ga";
    bool date_after_ = false;
    bool anchor_before_ = false;
    std::map<std::string, std::string> last_by_tag_;
    std::map<std::string, NodeRecord> nodes_;
    struct Pending {
        u32 clause = 0; // clause start
        EdgeRecord edge;
        std::string_view text; // the clause text, for the edge's provenance
    };
    std::vector<Pending> pending_;
    struct FootnoteRefs {
        std::vector<Ref> refs;                                       // before anchoring
        std::vector<std::pair<std::string, std::string>> unresolved; // (text, reason)
    };
    std::map<int, FootnoteRefs> footnote_refs_; // by footnote number
    Extraction out_;
};

} // namespace

Extraction extract(const Segmented& seg, const CleanText& clean, const Lexicon& lex,
                   const Gazetteer& gaz, const std::string& doc, const std::string& lang) {
    return Extractor(seg, clean, lex, gaz, doc, lang).run();
}

std::vector<std::pair<std::string, Relation>>
clause_verbs(std::string_view paragraph, const Lexicon& lex, const Gazetteer& gaz) {
    CleanText c = clean(paragraph, lex, "<paragraph>");
    Segmented seg;
    Paragraph p;
    p.label = "p";
    for (std::uint32_t i = 0; i < c.text.size(); ++i) {
        p.span.text += c.text[i] == '\n' ? ' ' : c.text[i];
        p.span.map.push_back(i);
    }
    // "12. Requests …": the verb follows the number.
    std::size_t d = 0;
    while (d < p.span.text.size() && p.span.text[d] >= '0' && p.span.text[d] <= '9') {
        ++d;
    }
    if (d > 0 && d < p.span.text.size() && p.span.text[d] == '.') {
        p.operative = true;
        p.body_begin = static_cast<std::uint32_t>(d + 1);
    } else if (d > 0 && p.span.text.compare(d, 3, " - ") == 0) {
        p.operative = true; // Arabic numbering "2 - "
        p.body_begin = static_cast<std::uint32_t>(d + 3);
    }
    std::string doc, lang = lex.language();
    return Extractor(seg, c, lex, gaz, doc, lang).verbs_of(p);
}

} // namespace citegraph::text
