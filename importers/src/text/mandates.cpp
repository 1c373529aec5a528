// Mandates as records (issue #17). See mandates.hpp and data/lexicon/<lang>/mandates.tsv.
#include "citegraph/importers/mandates.hpp"

#include "citegraph/engine/schema.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>
#include <utility>

namespace citegraph::text {
namespace {

bool is_word_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c >= 0x80 || c == '-' || c == '_';
}

bool is_char_start(unsigned char c) {
    return (c & 0xC0) != 0x80;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// Rows "surface <TAB> value" of one key: the surfaces as a LiteralSet, each with its value.
struct Keyed {
    LiteralSet set;
    std::map<std::string, std::string, std::less<>> value;
};

Keyed keyed(const Lexicon& lex, std::string_view key) {
    Keyed k;
    std::vector<std::string> surfaces;
    for (const auto& row : lex.values(key)) {
        auto tab = row.find('\t');
        std::string surface = ascii_lower(row.substr(0, tab));
        surfaces.push_back(surface);
        k.value.emplace(surface, tab == std::string::npos ? surface : row.substr(tab + 1));
    }
    k.set = LiteralSet(surfaces);
    return k;
}

struct OrganTemplate {
    Template tpl;
    std::string organ; // body id, or "@self": the citing document's organ
};

std::vector<OrganTemplate> organ_templates(const Lexicon& lex, std::string_view key) {
    std::vector<OrganTemplate> out;
    for (const auto& row : lex.values(key)) {
        auto tab = row.find('\t');
        out.push_back({Template(row.substr(0, tab)),
                       tab == std::string::npos ? "@self" : row.substr(tab + 1)});
    }
    return out;
}

// Everything read from the table once per document.
struct Reader {
    const Lexicon& lex;
    const Gazetteer& gaz;
    std::size_t window = 6; // bytes between a due template and the organ named beside it
    bool boundary = false;  // keywords count only at a word start
    LiteralSet action_start;
    LiteralSet skip;
    Keyed actions;
    Keyed recurrence;
    std::vector<OrganTemplate> due;
    std::vector<OrganTemplate> agenda;
    // A circumstance framing the action ("与 … 合作", "在 … 范围内"): skipped when its close
    // follows its open within `max` bytes; its action (when given) is read when no keyword
    // follows.
    struct Frame {
        std::string open, close;
        std::size_t max = 0;
        std::string action;
    };
    std::vector<Frame> frames;
    bool proper_case = false; // a capitalised word inside the clause is a name, not an action
    std::vector<std::pair<std::string, std::string>> brackets; // name brackets: 《 … 》
    LiteralSet light;                     // light verbs: yield to a keyword right after them
    std::size_t light_window = 0;         // bytes after a light verb where that keyword may start
    std::vector<std::string> frame_stops; // a frame does not reach past these

    Reader(const Lexicon& l, const Gazetteer& g)
        : lex(l), gaz(g), boundary(l.value("word_boundary") == "yes"),
          action_start(lower_all(l.values("action_start"))),
          skip(lower_all(l.values("action_skip"))), actions(keyed(l, "action")),
          recurrence(keyed(l, "recurrence")), due(organ_templates(l, "due")),
          agenda(organ_templates(l, "agenda")), proper_case(l.value("action_proper_case") == "yes"),
          light(lower_all(l.values("action_light"))), frame_stops(l.values("action_frame_stop")) {
        if (std::string w = l.value("due_organ_window"); !w.empty()) {
            window = static_cast<std::size_t>(std::stoi(w));
        }
        if (std::string w = l.value("action_light_window"); !w.empty()) {
            light_window = static_cast<std::size_t>(std::stoi(w));
        }
        for (const auto& row : l.values("action_frame")) {
            std::vector<std::string> f = split_tabs(row);
            if (f.size() >= 3) {
                frames.push_back({ascii_lower(f[0]), ascii_lower(f[1]),
                                  static_cast<std::size_t>(std::stoi(f[2])),
                                  f.size() > 3 ? f[3] : ""});
            }
        }
        for (const auto& row : l.values("name_bracket")) {
            std::vector<std::string> f = split_tabs(row);
            if (f.size() == 2) {
                brackets.emplace_back(f[0], f[1]);
            }
        }
    }

    static std::vector<std::string> split_tabs(const std::string& row) {
        std::vector<std::string> out;
        std::size_t from = 0;
        for (std::size_t tab; (tab = row.find('\t', from)) != std::string::npos; from = tab + 1) {
            out.push_back(row.substr(from, tab - from));
        }
        out.push_back(row.substr(from));
        return out;
    }

    // The bytes of `t` inside a name, where an action keyword does not count: a gazetteer
    // alias ("the Peacebuilding Fund", "the Conference"), a bracketed title (《 … 》).
    std::vector<bool> name_mask(std::string_view t) const {
        std::vector<bool> mask(t.size(), false);
        for (const auto& m : lex.alias_automaton().find_longest(t)) {
            const Alias& a = lex.aliases()[m.pattern];
            if (!a.targets.empty() || !a.anaphor_tag.empty()) {
                std::fill(mask.begin() + m.begin, mask.begin() + m.end, true);
            }
        }
        for (const auto& [open, close] : brackets) {
            for (std::size_t p = t.find(open); p != std::string_view::npos;
                 p = t.find(open, p + 1)) {
                std::size_t q = t.find(close, p + open.size());
                if (q == std::string_view::npos) {
                    break;
                }
                std::fill(mask.begin() + static_cast<std::ptrdiff_t>(p),
                          mask.begin() + static_cast<std::ptrdiff_t>(q + close.size()), true);
                p = q;
            }
        }
        return mask;
    }

    // The body named right before [begin, end) (`after` false) or right after it, within
    // `window` bytes; "" when none.
    std::string organ_beside(std::string_view t, std::size_t begin, std::size_t end,
                             bool after) const {
        std::string best;
        for (const auto& m : lex.alias_automaton().find_longest(t)) {
            const Alias& a = lex.aliases()[m.pattern];
            if (a.targets.empty()) {
                continue;
            }
            const Entity* e = gaz.find(a.targets.front());
            if (e == nullptr || e->kind != NodeKind::Body) {
                continue;
            }
            if (!after && m.end <= begin && begin - m.end <= window) {
                best = e->id; // the last one before wins
            } else if (after && m.begin >= end && m.begin - end <= window) {
                return e->id;
            }
        }
        return best;
    }

    static std::vector<std::string> lower_all(const std::vector<std::string>& v) {
        std::vector<std::string> out;
        for (const auto& s : v) {
            out.push_back(ascii_lower(s));
        }
        return out;
    }

    bool starts_here(std::string_view t, std::size_t pos) const {
        if (!is_char_start(static_cast<unsigned char>(t[pos]))) {
            return false;
        }
        return !boundary || pos == 0 || !is_word_byte(static_cast<unsigned char>(t[pos - 1]));
    }

    // The first position at or after `from` where a literal of `set` starts (at a word start),
    // skipping the `skip` literals; npos when none. `len` gets the literal's length.
    std::size_t find(std::string_view t, std::size_t from, const LiteralSet& set,
                     std::size_t& len) const {
        for (std::size_t p = from; p < t.size(); ++p) {
            if (!starts_here(t, p)) {
                continue;
            }
            if (std::size_t s = skip.longest_at(t, p); s > 0) {
                p += s - 1;
                continue;
            }
            if (std::size_t n = set.longest_at(t, p); n > 0) {
                len = n;
                return p;
            }
        }
        return std::string_view::npos;
    }

    std::string keyword(std::string_view lower, std::size_t from, const Keyed& k) const {
        std::size_t len = 0;
        std::size_t p = find(lower, from, k.set, len);
        if (p == std::string_view::npos) {
            return "";
        }
        auto it = k.value.find(lower.substr(p, len));
        return it == k.value.end() ? "" : it->second;
    }

    // The action: the first `action` keyword at or after `from` that is not inside a name
    // (name_mask; with action_proper_case, a capitalised word), not in an `action_skip`
    // phrase and not inside an `action_frame`; a light verb (`action_light`) yields to a
    // keyword starting within `light_window` bytes after it. "other" when none.
    std::string action(std::string_view clause, std::string_view lower, std::size_t from) const {
        const std::vector<bool> mask = name_mask(clause);
        std::string fallback;
        auto value = [&](std::size_t p, std::size_t len) {
            auto it = actions.value.find(lower.substr(p, len));
            return it == actions.value.end() ? std::string() : it->second;
        };
        std::size_t light_at = std::string_view::npos, light_end = 0;
        std::string light_action;
        std::string frame_action;
        for (std::size_t p = from; p < lower.size(); ++p) {
            if (light_at != std::string_view::npos && p > light_end + light_window) {
                return light_action;
            }
            if (!starts_here(lower, p) || mask[p]) {
                continue;
            }
            if (proper_case && p > 0 && clause[p] >= 'A' && clause[p] <= 'Z') {
                while (p + 1 < lower.size() &&
                       is_word_byte(static_cast<unsigned char>(lower[p + 1]))) {
                    ++p;
                }
                continue;
            }
            if (std::size_t s = skip.longest_at(lower, p); s > 0) {
                p += s - 1;
                continue;
            }
            // Of the frames opening here, the one reaching farthest.
            std::size_t frame_end = 0;
            for (const auto& f : frames) {
                if (lower.compare(p, f.open.size(), f.open) != 0) {
                    continue;
                }
                // The farthest close before the first frame stop (included): "与会员国开展
                // 协作及密切协商，" is one frame.
                std::string_view area = lower.substr(p + f.open.size(), f.max);
                for (const auto& stop : frame_stops) {
                    if (std::size_t e = area.find(stop); e != std::string_view::npos) {
                        area = area.substr(0, e + stop.size());
                    }
                }
                std::size_t q = area.rfind(f.close);
                if (q != std::string_view::npos &&
                    p + f.open.size() + q + f.close.size() > frame_end) {
                    frame_end = p + f.open.size() + q + f.close.size();
                    frame_action = f.action;
                }
            }
            if (frame_end > 0) {
                if (fallback.empty()) {
                    fallback = frame_action;
                }
                p = frame_end - 1;
                continue;
            }
            std::size_t n = actions.set.longest_at(lower, p);
            if (n == 0) {
                continue;
            }
            std::string a = value(p, n);
            if (light_at == std::string_view::npos && light.longest_at(lower, p) == n) {
                light_at = p;
                light_end = p + n;
                light_action = a;
                p += n - 1;
                continue;
            }
            return a;
        }
        if (light_at != std::string_view::npos) {
            return light_action;
        }
        return fallback.empty() ? "other" : fallback;
    }

    // The session (or year) a matched template names.
    // The addressee when it is a body that holds sessions (a tag of `session_body_tag`):
    // "Requests the Commission ... at its thirty-fifth session" is the Commission's session.
    std::string session_body(const std::string& addressee) const {
        const Entity* e = gaz.find(addressee);
        if (e == nullptr || e->kind != NodeKind::Body) {
            return "";
        }
        for (const auto& tag : lex.values("session_body_tag")) {
            if (e->tags.count(tag) != 0) {
                return e->id;
            }
        }
        return "";
    }

    void fill_due(std::string_view t, std::size_t begin, const Template::Result& r,
                  const std::string& organ_row, const std::string& organ,
                  const std::string& subject, MandateRecord& m) const {
        if (organ_row == "@before" || organ_row == "@after") {
            m.due_organ = organ_beside(t, begin, r.end, organ_row == "@after");
            if (m.due_organ.empty()) {
                m.due_organ = subject.empty() ? organ : subject;
            }
        } else {
            m.due_organ = organ_row == "@self" ? organ : organ_row;
        }
        for (const auto& [slot, text] : r.slots) {
            int n = -1;
            if (slot == "ordinal") {
                n = lex.ordinal(text);
                if (n == 0) {
                    n = lex.ordinal(ascii_lower(text));
                }
            } else if (slot == "zhnum" || slot == "num") {
                n = parse_zh_number(text);
            } else if (slot == "Y") {
                m.due_year = text;
                continue;
            }
            if (n > 0) {
                m.due_session = std::to_string(n);
            }
        }
    }

    // The earliest match of one of `tpls` in `t` (table order breaks ties); false when none.
    bool scan(std::string_view t, const std::vector<OrganTemplate>& tpls, const std::string& organ,
              const std::string& subject, MandateRecord& m) const {
        Template::Result r;
        for (std::size_t p = 0; p < t.size(); ++p) {
            if (!starts_here(t, p)) {
                continue;
            }
            for (const auto& ot : tpls) {
                if (ot.tpl.match(t, p, lex, r)) {
                    fill_due(t, p, r, ot.organ, organ, subject, m);
                    return true;
                }
            }
        }
        return false;
    }

    // What is read of a clause: the clause, and when the extractor ended it before a
    // `clause_end` mark (at a comma: "Requests the Office, mindful of ..., to inform ..."),
    // the paragraph's text on to that mark.
    // Bounded, so that a paragraph of many clauses reads in linear time: the clause is looked
    // for from where the previous clause of its paragraph was found (`cursor`, clauses come in
    // order) within the next kWindow bytes, and read on by at most kWindow bytes.
    static constexpr std::size_t kWindow = 4096;

    std::string region(const std::string& clause,
                       const std::map<std::string, const ParagraphRecord*>& by_label,
                       const std::string& label, std::map<std::string, std::size_t>& cursor,
                       std::string_view next = {}) const {
        const auto& ends = lex.values("clause_end");
        auto ends_clause = [&](std::string_view t) {
            while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) {
                t.remove_suffix(1);
            }
            for (const auto& e : ends) {
                if (t.size() >= e.size() && t.substr(t.size() - e.size()) == e) {
                    return true;
                }
            }
            return false;
        };
        auto it = by_label.find(label);
        if (ends.empty() || it == by_label.end() || ends_clause(clause)) {
            return clause;
        }
        const std::string_view text = it->second->text;
        std::size_t& from = cursor[label];
        if (from > text.size()) {
            return clause;
        }
        std::size_t at = text.substr(from, clause.size() + kWindow).find(clause);
        if (at == std::string_view::npos) {
            return clause;
        }
        at += from;
        from = at;
        const std::size_t after = at + clause.size();
        const std::string_view rest = text.substr(after, kWindow);
        std::size_t stop = rest.size();
        // Not into the paragraph's next clause ("Encourages the widest possible
        // participation ..., invites States to contribute ...").
        if (!next.empty()) {
            if (std::size_t q = rest.find(next.substr(0, std::min<std::size_t>(next.size(), 48)));
                q != std::string_view::npos) {
                stop = q;
            }
        }
        for (const auto& e : ends) {
            std::size_t q = rest.find(e);
            if (q != std::string_view::npos && q + e.size() < stop) {
                stop = q + e.size();
            }
        }
        return std::string(text.substr(at, clause.size() + stop));
    }

    // `subject`: the first addressee, when it is a body that holds sessions ("its").
    MandateRecord read(std::string_view clause, const std::string& organ,
                       const std::string& subject = "") const {
        MandateRecord m;
        std::string lower = ascii_lower(clause);
        std::size_t from = 0, len = 0;
        if (!action_start.empty()) {
            std::size_t p = find(lower, 0, action_start, len);
            if (p != std::string_view::npos) {
                from = p + len;
            }
        }
        m.action = action(clause, lower, from);
        m.recurrence = keyword(lower, 0, recurrence);
        scan(clause, due, organ, subject, m);
        return m;
    }
};

} // namespace

MandateRecord read_clause(std::string_view clause, const Lexicon& lex, const Gazetteer& gaz,
                          const std::string& organ) {
    return Reader(lex, gaz).read(clause, organ);
}

std::vector<MandateRecord> read_mandates(const std::vector<ParagraphRecord>& paragraphs,
                                         const std::vector<EdgeRecord>& edges, const Lexicon& lex,
                                         const Gazetteer& gaz, const std::string& organ) {
    const Reader reader(lex, gaz);
    // One record per clause: the addressee edges of a mandate relation with the same
    // paragraph and span.
    std::map<std::string, const ParagraphRecord*> by_label;
    for (const auto& p : paragraphs) {
        by_label.emplace(p.label, &p);
    }
    std::map<std::string, std::size_t> cursor; // per paragraph: where its last clause was
    // Per clause (paragraph, span): the text of the paragraph's next clause with edges.
    std::map<std::pair<std::string, std::uint32_t>, std::string_view> next_clause;
    {
        std::map<std::string, std::map<std::uint32_t, std::string_view>> starts;
        for (const auto& e : edges) {
            if (!e.prov.text.empty()) {
                starts[e.prov.paragraph].emplace(e.prov.span_begin, e.prov.text);
            }
        }
        for (const auto& [label, spans] : starts) {
            for (auto it = spans.begin(); it != spans.end(); ++it) {
                auto nx = std::next(it);
                if (nx != spans.end()) {
                    next_clause.emplace(std::make_pair(label, it->first), nx->second);
                }
            }
        }
    }
    auto next_text = [&](const std::string& label, std::uint32_t begin) {
        auto it = next_clause.find({label, begin});
        return it == next_clause.end() ? std::string_view() : it->second;
    };
    using Key = std::tuple<int, std::uint32_t, std::uint32_t, std::string>;
    std::map<Key, MandateRecord> by_clause;
    std::map<std::string, bool> has_mandate;
    for (const auto& e : edges) {
        if (e.role != Role::addressee || !is_mandate_relation(e.relation)) {
            continue;
        }
        Key key{paragraph_rank(e.prov.paragraph), e.prov.span_begin, e.prov.span_end,
                e.prov.paragraph};
        auto it = by_clause.find(key);
        if (it == by_clause.end()) {
            const std::string_view next = next_text(e.prov.paragraph, e.prov.span_begin);
            const std::size_t at = cursor[e.prov.paragraph];
            MandateRecord m =
                reader.read(reader.region(e.prov.text, by_label, e.prov.paragraph, cursor, next),
                            organ, reader.session_body(e.target));
            if (m.action == "other" && !next.empty()) {
                // Nothing asked before the next clause: the two share what follows
                // ("Invites Member States and requests the Office to collect ...").
                cursor[e.prov.paragraph] = at;
                m = reader.read(reader.region(e.prov.text, by_label, e.prov.paragraph, cursor),
                                organ, reader.session_body(e.target));
            }
            m.paragraph = e.prov.paragraph;
            m.verb = std::string(to_string(e.relation));
            m.span_begin = e.prov.span_begin;
            m.span_end = e.prov.span_end;
            m.text = e.prov.text;
            it = by_clause.emplace(key, std::move(m)).first;
            has_mandate[e.prov.paragraph] = true;
        }
        auto& a = it->second.addressees;
        if (std::find(a.begin(), a.end(), e.target) == a.end()) {
            a.push_back(e.target);
        }
    }
    // An item the organ puts on its own agenda ("Decides to include in the provisional agenda
    // of its eightieth session the item ..."): a mandate of the organ to itself.
    for (const auto& p : paragraphs) {
        if (p.label.rfind("op", 0) != 0 || has_mandate.count(p.label) != 0) {
            continue;
        }
        MandateRecord m;
        if (!reader.scan(p.text, reader.agenda, organ, "", m)) {
            continue;
        }
        m.paragraph = p.label;
        m.verb = "decides";
        m.addressees = {organ};
        m.action = "agenda";
        m.recurrence = reader.read(p.text, organ).recurrence;
        m.span_begin = p.span_begin;
        m.span_end = p.span_end;
        m.text = p.text;
        by_clause.emplace(Key{paragraph_rank(p.label), p.span_begin, p.span_end, p.label},
                          std::move(m));
    }
    std::vector<MandateRecord> out;
    out.reserve(by_clause.size());
    for (auto& [key, m] : by_clause) {
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace citegraph::text
