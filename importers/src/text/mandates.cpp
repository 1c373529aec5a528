// Mandates as records (issue #17). See mandates.hpp and data/lexicon/<lang>/mandates.tsv.
#include "citegraph/importers/mandates.hpp"

#include "citegraph/engine/schema.hpp"

#include <algorithm>
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

    Reader(const Lexicon& l, const Gazetteer& g)
        : lex(l), gaz(g), boundary(l.value("word_boundary") == "yes"),
          action_start(lower_all(l.values("action_start"))),
          skip(lower_all(l.values("action_skip"))), actions(keyed(l, "action")),
          recurrence(keyed(l, "recurrence")), due(organ_templates(l, "due")),
          agenda(organ_templates(l, "agenda")) {
        if (std::string w = l.value("due_organ_window"); !w.empty()) {
            window = static_cast<std::size_t>(std::stoi(w));
        }
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
                       const std::string& label, std::map<std::string, std::size_t>& cursor) const {
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
        m.action = keyword(lower, from, actions);
        if (m.action.empty()) {
            m.action = "other";
        }
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
            MandateRecord m =
                reader.read(reader.region(e.prov.text, by_label, e.prov.paragraph, cursor), organ,
                            reader.session_body(e.target));
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
