// Query commands (cites, cited-by, mandates, related, series, rank, path, timeline,
// anachronisms): readable aligned tables by default, JSON with --json.
#include "citegraph/engine/queries.hpp"

#include "citegraph/engine/text.hpp"
#include "citegraph/exporters/output_file.hpp"
#include "citegraph/exporters/timeline_svg.hpp"
#include "cli.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <sstream>
#include <tuple>

namespace citegraph::cli {

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// ---- text tables ---------------------------------------------------------------------------

// Display columns of a UTF-8 string: East Asian wide characters count 2.
std::size_t display_width(const std::string& s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else if (c >= 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xC0) {
            len = 2;
            cp = c & 0x1F;
        }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
        w += wide ? 2 : 1;
        i += len;
    }
    return w;
}

// The first `cols` display columns of `s`, with "..." when cut (0: no limit).
std::string clip(const std::string& s, std::size_t cols) {
    if (cols == 0 || display_width(s) <= cols) {
        return s;
    }
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        std::string next = out + s.substr(i, len);
        if (display_width(next) + 3 > cols) {
            break;
        }
        out = std::move(next);
        i += len;
    }
    return out + "...";
}

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    void print(std::ostream& os, const std::string& indent = "") const {
        std::vector<std::size_t> w(header.size(), 0);
        auto widen = [&](const std::vector<std::string>& r) {
            for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) {
                w[i] = std::max(w[i], display_width(r[i]));
            }
        };
        widen(header);
        for (const auto& r : rows) {
            widen(r);
        }
        auto line = [&](const std::vector<std::string>& r) {
            std::string out = indent;
            for (std::size_t i = 0; i < r.size(); ++i) {
                out += r[i];
                if (i + 1 < r.size()) {
                    out += std::string(w[i] - display_width(r[i]) + 2, ' ');
                }
            }
            while (!out.empty() && out.back() == ' ') {
                out.pop_back();
            }
            os << out << "\n";
        };
        line(header);
        for (const auto& r : rows) {
            line(r);
        }
    }
};

std::string fixed(double x, int digits) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(digits);
    s << x;
    return s.str();
}

void print_json(const rapidjson::StringBuffer& buf) {
    std::cout << buf.GetString() << "\n";
}

void key_str(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

// ---- option parsing ------------------------------------------------------------------------

template <typename E>
bool parse_set(const std::vector<std::string>& xs, const char* what, std::set<E>& out) {
    for (const auto& x : xs) {
        auto v = parse_choice<E>(x, what);
        if (!v) {
            return false;
        }
        out.insert(*v);
    }
    return true;
}

// ---- cites / cited-by ----------------------------------------------------------------------

struct CitesArgs {
    std::string id;
    std::vector<std::string> relations, roles;
    std::string body, since, until, lang;
    bool json = false;
    bool full = false;
};

void add_filter_options(CLI::App* c, CitesArgs& a) {
    c->add_option("id", a.id, "node id, resolution number (68/193), acronym or name")->required();
    c->add_option("--relation", a.relations, "keep only these relations (reaffirms, ...)");
    c->add_option("--role", a.roles, "keep only these roles (object, addressee, mention, source)");
    c->add_option("--body", a.body, "the other end is this body or was issued by it");
    c->add_option("--since", a.since, "citing document dated on or after (YYYY[-MM[-DD]])")
        ->check(date_validator());
    c->add_option("--until", a.until, "citing document dated on or before (YYYY[-MM[-DD]])")
        ->check(date_validator());
    c->add_option("--lang", a.lang, "only this language version");
    c->add_flag("--json", a.json, "JSON output");
    c->add_flag("--full", a.full, "do not shorten clause texts");
}

int cmd_cites(const Globals& g, const CitesArgs& a, bool outgoing) {
    // --body names a body through the resolver's names: the whole graph then.
    CitationGraph graph = a.body.empty() ? load_graph_for(g, a.id) : load_graph(g);
    CitationFilter f;
    if (!parse_set(a.relations, "relation", f.relations) || !parse_set(a.roles, "role", f.roles)) {
        return kUsage;
    }
    NodeResolver resolver = make_resolver(g, graph);
    std::string id = resolve_or_report(resolver, graph, a.id);
    if (id.empty()) {
        return kInput;
    }
    if (!a.body.empty() && (f.body = resolve_body_or_report(resolver, a.body)).empty()) {
        return kInput;
    }
    f.since = a.since;
    f.until = a.until;
    f.language = a.lang;
    auto rows = outgoing ? cites(graph, id, f) : cited_by(graph, id, f);
    auto groups = group_citations(rows);
    std::size_t flagged = 0;
    for (const auto& r : rows) {
        flagged += r.anachronism ? 1 : 0;
    }
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartObject();
        key_str(w, "id", id);
        key_str(w, "direction", outgoing ? "cites" : "cited-by");
        w.Key("count");
        w.Uint64(rows.size());
        w.Key("anachronisms");
        w.Uint64(flagged);
        w.Key("groups");
        w.StartArray();
        for (const auto& gr : groups) {
            w.StartObject();
            key_str(w, "relation", std::string(to_string(gr.relation)));
            key_str(w, "document", gr.document);
            w.Key("edges");
            w.StartArray();
            for (const auto& r : gr.rows) {
                w.StartObject();
                key_str(w, "source", r.source);
                key_str(w, "target", r.target);
                key_str(w, "role", std::string(to_string(r.role)));
                key_str(w, "language", r.prov.language);
                key_str(w, "paragraph", r.prov.paragraph);
                w.Key("span");
                w.StartArray();
                w.Uint(r.prov.span_begin);
                w.Uint(r.prov.span_end);
                w.EndArray();
                key_str(w, "citing_date", r.citing_date);
                key_str(w, "cited_date", r.cited_date);
                w.Key("anachronism");
                w.Bool(r.anachronism);
                key_str(w, "text", r.prov.text);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        print_json(buf);
        return kOk;
    }
    std::cout << id << (outgoing ? " cites" : " is cited by") << ": " << rows.size()
              << (rows.size() == 1 ? " edge" : " edges") << " in " << groups.size()
              << (groups.size() == 1 ? " group" : " groups") << "\n";
    for (const auto& gr : groups) {
        std::cout << "\n" << to_string(gr.relation) << " - " << gr.document;
        const std::string& date = gr.rows.front().citing_date;
        std::cout << (date.empty() ? "" : " (" + date + ")") << "\n";
        Table t;
        t.header = {"para", "lang", "role", outgoing ? "target" : "source", "date", "text"};
        for (const auto& r : gr.rows) {
            const std::string& other = outgoing ? r.target : r.source;
            const std::string& other_date = outgoing ? r.cited_date : r.citing_date;
            t.rows.push_back({r.prov.paragraph, r.prov.language, std::string(to_string(r.role)),
                              other + (r.anachronism ? " (!)" : ""), other_date,
                              clip(r.prov.text, a.full ? 0 : 60)});
        }
        t.print(std::cout, "  ");
    }
    if (flagged > 0) {
        std::cout << "\n(!) " << flagged
                  << " cited work(s) dated after the citing document (kept, check the source)\n";
    }
    return kOk;
}

// ---- mandates ------------------------------------------------------------------------------

struct MandateArgs {
    std::string to, by, since, until, lang, due, session;
    std::vector<std::string> verbs, actions;
    bool recurring = false;
    bool json = false;
    bool csv = false;
    bool full = false;
};

// A mandate row with its stored record (issue #17): what is asked, due where and when, and
// whether it recurs. `record` is null for a store imported before the records existed.
struct MandateOut {
    MandateRow row;
    const MandateRecord* record = nullptr;
};

std::string due_text(const MandateRecord* m) {
    if (m == nullptr || m->due_organ.empty()) {
        return "";
    }
    std::string when = !m->due_session.empty() ? m->due_session : m->due_year;
    return when.empty() ? m->due_organ : m->due_organ + " " + when;
}

// A CSV field (RFC 4180): quoted when it holds a comma, quote or line end.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& x : v) {
        out += (out.empty() ? "" : sep) + x;
    }
    return out;
}

int cmd_mandates(const Globals& g, const MandateArgs& a) {
    CitationGraph graph = load_graph(g);
    auto store = open_for_reading(g);
    const std::vector<StoredMandate> stored =
        store ? store->mandates() : std::vector<StoredMandate>{};
    MandateFilter f;
    f.prefer = kLanguages;
    if (!parse_set(a.verbs, "verb", f.verbs)) {
        return kUsage;
    }
    NodeResolver resolver = make_resolver(g, graph);
    if (!a.to.empty() && (f.to = resolve_or_report(resolver, graph, a.to)).empty()) {
        return kInput;
    }
    if (!a.by.empty() && (f.by = resolve_body_or_report(resolver, a.by)).empty()) {
        return kInput;
    }
    std::string due;
    if (!a.due.empty() && (due = resolve_body_or_report(resolver, a.due)).empty()) {
        return kInput;
    }
    f.since = a.since;
    f.until = a.until;
    f.language = a.lang;
    std::vector<MandateOut> rows;
    // The record of an edge row: same document version, paragraph and verb, and the row's
    // addressee among the record's.
    std::map<std::tuple<std::string, std::string, std::string, std::string>,
             std::vector<const MandateRecord*>>
        index;
    for (const auto& s : stored) {
        index[{s.document, s.language, s.mandate.paragraph, s.mandate.verb}].push_back(&s.mandate);
    }
    for (auto& r : mandates(graph, f)) {
        MandateOut o;
        auto it = index.find({r.document, r.language, r.paragraph, std::string(to_string(r.verb))});
        if (it != index.end()) {
            for (const MandateRecord* m : it->second) {
                if (std::find(m->addressees.begin(), m->addressees.end(), r.addressee) !=
                    m->addressees.end()) {
                    o.record = m;
                    break;
                }
            }
        }
        o.row = std::move(r);
        rows.push_back(std::move(o));
    }
    // Items an organ puts on its own agenda ("Decides to include ..."): records without an
    // edge, one language version per document (en, zh, then alphabetical, as above).
    std::map<std::string, std::vector<std::string>> agenda_langs;
    for (const auto& s : stored) {
        if (s.mandate.verb == "decides") {
            auto& v = agenda_langs[s.document];
            if (std::find(v.begin(), v.end(), s.language) == v.end()) {
                v.push_back(s.language);
            }
        }
    }
    auto lang_rank = [](const std::string& l) { return preference_rank(kLanguages, l); };
    for (auto& [doc, langs] : agenda_langs) {
        std::sort(langs.begin(), langs.end(), [&](const std::string& x, const std::string& y) {
            return std::make_pair(lang_rank(x), x) < std::make_pair(lang_rank(y), y);
        });
    }
    const bool decides_ok = f.verbs.empty() || f.verbs.count(Relation::decides) != 0;
    for (const auto& s : stored) {
        const MandateRecord& m = s.mandate;
        if (m.verb != "decides" || !decides_ok || m.addressees.empty()) {
            continue;
        }
        if (a.lang.empty() ? agenda_langs[s.document].front() != s.language
                           : a.lang != s.language) {
            continue;
        }
        auto v = graph.find(s.document);
        std::string date = v ? graph.node(*v).date : "";
        std::string body = v ? graph.node(*v).body : "";
        if ((!f.to.empty() && m.addressees.front() != f.to) ||
            (!f.by.empty() && f.by != s.document && f.by != body) ||
            (!f.since.empty() && date.substr(0, f.since.size()) < f.since) ||
            (!f.until.empty() && date.substr(0, f.until.size()) > f.until)) {
            continue;
        }
        MandateOut o;
        o.row.document = s.document;
        o.row.date = date;
        o.row.paragraph = m.paragraph;
        o.row.verb = Relation::decides;
        o.row.addressee = m.addressees.front();
        o.row.language = s.language;
        o.row.languages = agenda_langs[s.document];
        o.row.text = m.text;
        o.record = &m;
        rows.push_back(std::move(o));
    }
    // The record filters.
    std::vector<MandateOut> kept;
    for (auto& o : rows) {
        const MandateRecord* m = o.record;
        if (!a.actions.empty() && (m == nullptr || std::find(a.actions.begin(), a.actions.end(),
                                                             m->action) == a.actions.end())) {
            continue;
        }
        if (!due.empty() && (m == nullptr || m->due_organ != due)) {
            continue;
        }
        if (!a.session.empty() &&
            (m == nullptr || (m->due_session != a.session && m->due_year != a.session))) {
            continue;
        }
        if (a.recurring && (m == nullptr || m->recurrence.empty())) {
            continue;
        }
        kept.push_back(std::move(o));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const MandateOut& x, const MandateOut& y) {
        return std::make_tuple(x.row.date, x.row.document, paragraph_rank(x.row.paragraph),
                               x.row.addressee, static_cast<int>(x.row.verb)) <
               std::make_tuple(y.row.date, y.row.document, paragraph_rank(y.row.paragraph),
                               y.row.addressee, static_cast<int>(y.row.verb));
    });
    auto field = [](const MandateRecord* m, std::string MandateRecord::*member) {
        return m == nullptr ? std::string() : m->*member;
    };
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartArray();
        for (const auto& o : kept) {
            const auto& r = o.row;
            const MandateRecord* m = o.record;
            w.StartObject();
            key_str(w, "document", r.document);
            key_str(w, "date", r.date);
            key_str(w, "paragraph", r.paragraph);
            key_str(w, "verb", std::string(to_string(r.verb)));
            key_str(w, "addressee", r.addressee);
            w.Key("addressees");
            w.StartArray();
            for (const auto& x : m ? m->addressees : std::vector<std::string>{r.addressee}) {
                w.String(x.c_str());
            }
            w.EndArray();
            key_str(w, "action", field(m, &MandateRecord::action));
            key_str(w, "due_organ", field(m, &MandateRecord::due_organ));
            key_str(w, "due_session", field(m, &MandateRecord::due_session));
            key_str(w, "due_year", field(m, &MandateRecord::due_year));
            key_str(w, "recurrence", field(m, &MandateRecord::recurrence));
            key_str(w, "language", r.language);
            w.Key("languages");
            w.StartArray();
            for (const auto& l : r.languages) {
                w.String(l.c_str());
            }
            w.EndArray();
            key_str(w, "text", r.text);
            w.EndObject();
        }
        w.EndArray();
        print_json(buf);
        return kOk;
    }
    if (a.csv) {
        std::cout << "document,date,paragraph,verb,addressee,addressees,action,due_organ,"
                     "due_session,due_year,recurrence,language,text\n";
        for (const auto& o : kept) {
            const auto& r = o.row;
            const MandateRecord* m = o.record;
            std::vector<std::string> cols = {r.document,
                                             r.date,
                                             r.paragraph,
                                             std::string(to_string(r.verb)),
                                             r.addressee,
                                             m ? joined(m->addressees, ";") : r.addressee,
                                             field(m, &MandateRecord::action),
                                             field(m, &MandateRecord::due_organ),
                                             field(m, &MandateRecord::due_session),
                                             field(m, &MandateRecord::due_year),
                                             field(m, &MandateRecord::recurrence),
                                             r.language,
                                             r.text};
            std::string line;
            for (std::size_t i = 0; i < cols.size(); ++i) {
                line += (i ? "," : "") + csv_field(cols[i]);
            }
            std::cout << line << "\n";
        }
        return kOk;
    }
    std::cout << kept.size() << (kept.size() == 1 ? " mandate" : " mandates") << "\n";
    Table t;
    t.header = {"document", "date", "para", "verb", "addressee", "action", "due", "recur", "text"};
    for (const auto& o : kept) {
        const auto& r = o.row;
        const MandateRecord* m = o.record;
        t.rows.push_back({r.document, r.date, r.paragraph, std::string(to_string(r.verb)),
                          r.addressee, field(m, &MandateRecord::action), due_text(m),
                          field(m, &MandateRecord::recurrence), clip(r.text, a.full ? 0 : 60)});
    }
    if (!kept.empty()) {
        t.print(std::cout);
    }
    return kOk;
}

// ---- related -------------------------------------------------------------------------------

// Whether an imported version of document `id` has a paragraph labelled `label`; if not, an
// error naming its first and last paragraphs (a paragraph without citations is still one).
bool has_paragraph(const Globals& g, const std::string& id, const std::string& label) {
    auto store = open_for_reading(g);
    std::string first, last;
    if (store) {
        for (const auto& d : store->documents()) {
            if (d.id != id) {
                continue;
            }
            for (const auto& p : store->paragraphs(d.id, d.language)) {
                if (p.label == label) {
                    return true;
                }
                first = first.empty() ? p.label : first;
                last = p.label;
            }
        }
    }
    std::cerr << "citegraph: error: " << id << " has no paragraph '" << label << "'"
              << (first.empty() ? std::string(" (it is not an imported document)")
                                : " (its paragraphs run from " + first + " to " + last + ")")
              << "\n";
    return false;
}

struct RelatedArgs {
    std::string id;
    std::string paragraph;
    std::size_t top = 10;
    bool json = false;
};

void write_shared(Writer& w, const char* key, const std::vector<SharedWork>& xs) {
    w.Key(key);
    w.StartArray();
    for (const auto& x : xs) {
        w.StartObject();
        key_str(w, "id", x.id);
        w.Key("weight");
        w.Double(x.weight);
        w.EndObject();
    }
    w.EndArray();
}

std::string why_list(const std::vector<SharedWork>& xs, std::size_t max = 4) {
    std::string out;
    for (std::size_t i = 0; i < xs.size() && i < max; ++i) {
        out += (i ? ", " : "") + xs[i].id;
    }
    if (xs.size() > max) {
        out += ", +" + std::to_string(xs.size() - max) + " more";
    }
    return out;
}

int cmd_related(const Globals& g, const RelatedArgs& a) {
    CitationGraph graph = load_graph(g);
    std::string text = a.id;
    RelatedOptions o;
    o.top = a.top;
    o.paragraph = a.paragraph;
    auto hash = text.find('#'); // "A/RES/68/193#op12"
    if (hash != std::string::npos) {
        o.paragraph = text.substr(hash + 1);
        text.resize(hash);
    }
    std::string id = resolve_or_report(make_resolver(g, graph), graph, text);
    if (id.empty()) {
        return kInput;
    }
    if (!o.paragraph.empty() && !has_paragraph(g, id, o.paragraph)) {
        return kInput;
    }
    auto rows = related(graph, id, o);
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartObject();
        key_str(w, "id", id);
        key_str(w, "paragraph", o.paragraph);
        w.Key("related");
        w.StartArray();
        for (const auto& r : rows) {
            w.StartObject();
            key_str(w, "id", r.id);
            w.Key("score");
            w.Double(r.score);
            w.Key("coupling");
            w.Double(r.coupling);
            w.Key("cocitation");
            w.Double(r.cocitation);
            w.Key("addressees");
            w.Double(r.addressees);
            write_shared(w, "shared_cited", r.shared_cited);
            write_shared(w, "cited_together_by", r.cited_together);
            write_shared(w, "shared_addressees", r.shared_mandated);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        print_json(buf);
        return kOk;
    }
    std::cout << "related to " << id << (o.paragraph.empty() ? "" : " " + o.paragraph) << ": "
              << rows.size() << (rows.size() == 1 ? " document" : " documents") << "\n";
    Table t;
    t.header = {"#", "id", "score", "coupling", "co-cited", "addressees", "why"};
    std::size_t i = 0;
    for (const auto& r : rows) {
        std::string why;
        if (!r.shared_cited.empty()) {
            why += "both cite " + why_list(r.shared_cited);
        }
        if (!r.cited_together.empty()) {
            why += (why.empty() ? "" : "; ") + std::string("cited together by ") +
                   why_list(r.cited_together);
        }
        if (!r.shared_mandated.empty()) {
            why += (why.empty() ? "" : "; ") + std::string("both address ") +
                   why_list(r.shared_mandated);
        }
        t.rows.push_back({std::to_string(++i), r.id, fixed(r.score, 3), fixed(r.coupling, 3),
                          fixed(r.cocitation, 3), fixed(r.addressees, 3), why});
    }
    if (!rows.empty()) {
        t.print(std::cout);
    }
    return kOk;
}

// ---- series --------------------------------------------------------------------------------

struct IdArgs {
    std::string id;
    bool json = false;
};

int cmd_series(const Globals& g, const IdArgs& a) {
    CitationGraph graph = load_graph(g);
    std::string id = resolve_or_report(make_resolver(g, graph), graph, a.id);
    if (id.empty()) {
        return kInput;
    }
    auto members = series(graph, id, kLanguages);
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartObject();
        key_str(w, "id", id);
        w.Key("series");
        w.StartArray();
        for (const auto& m : members) {
            w.StartObject();
            key_str(w, "id", m.id);
            key_str(w, "date", m.date);
            w.Key("session");
            w.Int(m.session);
            key_str(w, "title", m.title);
            w.Key("in_store");
            w.Bool(m.in_store);
            w.Key("self");
            w.Bool(m.self);
            w.Key("evidence");
            w.StartArray();
            for (const auto& e : m.evidence) {
                w.String(e.c_str());
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        print_json(buf);
        return kOk;
    }
    std::cout << "series of " << id << ": " << members.size()
              << (members.size() == 1 ? " member" : " members") << "\n";
    Table t;
    t.header = {"", "id", "session", "date", "status", "evidence"};
    for (const auto& m : members) {
        std::string ev;
        for (const auto& e : m.evidence) {
            ev += (ev.empty() ? "" : "; ") + e;
        }
        t.rows.push_back({m.self ? "->" : "", m.id, m.session < 0 ? "" : std::to_string(m.session),
                          m.date, m.in_store ? "in store" : "cited only", ev});
    }
    t.print(std::cout);
    return kOk;
}

// ---- rank ----------------------------------------------------------------------------------

struct RankArgs {
    std::vector<std::string> kinds;
    std::size_t top = 20;
    std::string by = "indegree";
    bool multiplicity = false;
    bool json = false;
};

int cmd_rank(const Globals& g, const RankArgs& a) {
    RankOptions o;
    if (!parse_set(a.kinds, "node kind", o.kinds)) {
        return kUsage;
    }
    o.top = a.top;
    o.by_pagerank = a.by == "pagerank";
    o.pagerank.multiplicity = a.multiplicity;
    CitationGraph graph = load_graph(g);
    auto rows = rank(graph, o);
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartArray();
        for (const auto& r : rows) {
            w.StartObject();
            key_str(w, "id", r.id);
            key_str(w, "kind", std::string(to_string(r.kind)));
            w.Key("citing_documents");
            w.Uint64(r.citing_documents);
            w.Key("citations");
            w.Uint64(r.citations);
            w.Key("pagerank");
            w.Double(r.pagerank);
            w.EndObject();
        }
        w.EndArray();
        print_json(buf);
        return kOk;
    }
    std::cout << "top " << rows.size() << " by " << (o.by_pagerank ? "PageRank" : "in-degree")
              << " (" << graph.num_nodes() << " nodes, " << graph.num_edges() << " edges)\n";
    Table t;
    t.header = {"#", "id", "kind", "citing docs", "citations", "pagerank", "name"};
    std::size_t i = 0;
    for (const auto& r : rows) {
        auto v = graph.find(r.id);
        t.rows.push_back({std::to_string(++i), r.id, std::string(to_string(r.kind)),
                          std::to_string(r.citing_documents), std::to_string(r.citations),
                          fixed(r.pagerank, 6),
                          clip(display_name(graph.node(*v), kLanguages), 50)});
    }
    if (!rows.empty()) {
        t.print(std::cout);
    }
    return kOk;
}

// ---- path ----------------------------------------------------------------------------------

struct PathArgs {
    std::string a, b;
    bool undirected = false;
    std::size_t limit = 10;
    bool json = false;
};

int cmd_path(const Globals& g, const PathArgs& a) {
    CitationGraph graph = load_graph(g);
    NodeResolver resolver = make_resolver(g, graph);
    std::string from = resolve_or_report(resolver, graph, a.a);
    std::string to = from.empty() ? std::string() : resolve_or_report(resolver, graph, a.b);
    if (from.empty() || to.empty()) {
        return kInput;
    }
    PathOptions o;
    o.undirected = a.undirected;
    o.limit = a.limit;
    auto paths = shortest_paths(graph, from, to, o);
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartObject();
        key_str(w, "from", from);
        key_str(w, "to", to);
        w.Key("paths");
        w.StartArray();
        for (const auto& p : paths) {
            w.StartArray();
            for (const auto& h : p) {
                w.StartObject();
                key_str(w, "from", h.from);
                key_str(w, "to", h.to);
                w.Key("forward");
                w.Bool(h.forward);
                key_str(w, "relation", std::string(to_string(h.relation)));
                key_str(w, "role", std::string(to_string(h.role)));
                key_str(w, "document", h.document);
                key_str(w, "paragraph", h.paragraph);
                w.Key("parallel");
                w.Uint64(h.parallel);
                w.EndObject();
            }
            w.EndArray();
        }
        w.EndArray();
        w.EndObject();
        print_json(buf);
        return kOk;
    }
    if (paths.empty()) {
        std::cout << "no citation chain from " << from << " to " << to
                  << (a.undirected ? "" : " (try --undirected)") << "\n";
        return kOk;
    }
    std::cout << paths.size() << " shortest " << (paths.size() == 1 ? "chain" : "chains")
              << " of length " << paths.front().size() << " from " << from << " to " << to << "\n";
    for (const auto& p : paths) {
        std::string line = "  " + from;
        for (const auto& h : p) {
            std::string label = std::string(to_string(h.relation)) + " " + h.paragraph;
            if (h.parallel > 1) {
                label += " +" + std::to_string(h.parallel - 1);
            }
            line += h.forward ? " -[" + label + "]-> " + h.to : " <-[" + label + "]- " + h.to;
        }
        std::cout << line << "\n";
    }
    return kOk;
}

// ---- timeline ------------------------------------------------------------------------------

struct TimelineArgs {
    std::string id;
    std::string by = "year";
    std::string svg;
    bool json = false;
};

int cmd_timeline(const Globals& g, const TimelineArgs& a) {
    CitationGraph graph = load_graph(g);
    std::string id = resolve_or_report(make_resolver(g, graph), graph, a.id);
    if (id.empty()) {
        return kInput;
    }
    TimelineBucket bucket = a.by == "session" ? TimelineBucket::session : TimelineBucket::year;
    auto rows = timeline(graph, id, bucket);
    if (!a.svg.empty()) {
        OutputPolicy policy;
        policy.protect = store_files(g);
        write_output_file(a.svg, timeline_svg(rows, id + ": citing documents per " + a.by), policy);
        std::cerr << "wrote " << a.svg << "\n";
    }
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartObject();
        key_str(w, "id", id);
        key_str(w, "bucket", a.by);
        w.Key("rows");
        w.StartArray();
        for (const auto& r : rows) {
            w.StartObject();
            key_str(w, a.by.c_str(), r.bucket);
            w.Key("documents");
            w.Uint64(r.documents);
            w.Key("citations");
            w.Uint64(r.citations);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        print_json(buf);
        return kOk;
    }
    std::cout << id << " cited per " << a.by << "\n";
    Table t;
    t.header = {a.by, "documents", "citations", ""};
    for (const auto& r : rows) {
        t.rows.push_back({r.bucket, std::to_string(r.documents), std::to_string(r.citations),
                          std::string(std::min<std::size_t>(r.documents, 60), '#')});
    }
    if (!rows.empty()) {
        t.print(std::cout);
    }
    return kOk;
}

// ---- anachronisms --------------------------------------------------------------------------

int cmd_anachronisms(const Globals& g, bool json) {
    CitationGraph graph = load_graph(g);
    auto rows = anachronisms(graph);
    if (json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartArray();
        for (const auto& r : rows) {
            w.StartObject();
            key_str(w, "document", r.prov.document);
            key_str(w, "citing_date", r.citing_date);
            key_str(w, "paragraph", r.prov.paragraph);
            key_str(w, "language", r.prov.language);
            key_str(w, "target", r.target);
            key_str(w, "cited_date", r.cited_date);
            w.EndObject();
        }
        w.EndArray();
        print_json(buf);
        return kOk;
    }
    std::cout << rows.size() << " citation(s) of works dated after the citing document\n";
    Table t;
    t.header = {"document", "date", "para", "lang", "cites", "dated"};
    for (const auto& r : rows) {
        t.rows.push_back({r.prov.document, r.citing_date, r.prov.paragraph, r.prov.language,
                          r.target, r.cited_date});
    }
    if (!rows.empty()) {
        t.print(std::cout);
    }
    return kOk;
}

// ---- diff-languages ------------------------------------------------------------------------

struct DiffArgs {
    std::string id;
    std::string a, b;
    bool json = false;
};

int cmd_diff_languages(const Globals& g, const DiffArgs& a) {
    CitationGraph graph = load_graph_for(g, a.id);
    std::string id = resolve_or_report(make_resolver(g, graph), graph, a.id);
    if (id.empty()) {
        return kInput;
    }
    LanguageDiff d = diff_languages(graph, id, a.a, a.b);
    auto paras = [](const std::vector<std::string>& ps) {
        std::string out;
        for (const auto& p : ps) {
            out += (out.empty() ? "" : ",") + p;
        }
        return out;
    };
    if (a.json) {
        rapidjson::StringBuffer buf;
        Writer w(buf);
        w.SetIndent(' ', 2);
        w.StartObject();
        key_str(w, "document", d.document);
        key_str(w, "a", d.lang_a);
        key_str(w, "b", d.lang_b);
        w.Key("common");
        w.Uint64(d.common);
        for (auto [name, list] : {std::pair{"only_a", &d.only_a}, std::pair{"only_b", &d.only_b}}) {
            w.Key(name);
            w.StartArray();
            for (const auto& e : *list) {
                w.StartObject();
                key_str(w, "relation", std::string(to_string(e.relation)));
                key_str(w, "target", e.target);
                key_str(w, "role", std::string(to_string(e.role)));
                key_str(w, "paragraphs", paras(e.paragraphs));
                w.EndObject();
            }
            w.EndArray();
        }
        w.EndObject();
        print_json(buf);
        return kOk;
    }
    std::cout << d.document << ": " << d.lang_a << " vs " << d.lang_b << ": " << d.common
              << " (relation, target, role) in common, " << d.only_a.size() << " only in "
              << d.lang_a << ", " << d.only_b.size() << " only in " << d.lang_b << "\n";
    for (auto [lang, list] : {std::pair{d.lang_a, &d.only_a}, std::pair{d.lang_b, &d.only_b}}) {
        if (list->empty()) {
            continue;
        }
        std::cout << "only in " << lang << ":\n";
        Table t;
        t.header = {"relation", "role", "target", "paragraphs"};
        for (const auto& e : *list) {
            t.rows.push_back({std::string(to_string(e.relation)), std::string(to_string(e.role)),
                              e.target, paras(e.paragraphs)});
        }
        t.print(std::cout);
    }
    return d.only_a.empty() && d.only_b.empty() ? kOk : 3;
}

} // namespace

CLI::Validator date_validator() {
    return CLI::Validator(
        [](std::string& s) -> std::string {
            return is_iso_date(s, true) ? std::string()
                                        : "'" + s +
                                              "' is not a date: YYYY, YYYY-MM or YYYY-MM-DD "
                                              "(a real calendar date)";
        },
        "YYYY[-MM[-DD]]");
}

void add_query_commands(CLI::App& app, Globals& g, std::vector<Command>& out) {
    auto da = std::make_shared<DiffArgs>();
    auto* dl = app.add_subcommand(
        "diff-languages",
        "compare the (relation, target, role) edges of two language versions of a document; "
        "exit 0 when they agree, 3 when they differ");
    dl->add_option("id", da->id, "document id")->required();
    dl->add_option("--a", da->a, "first language (default: the first imported)");
    dl->add_option("--b", da->b, "second language (default: the second imported)");
    dl->add_flag("--json", da->json, "JSON output");
    out.push_back({dl, [&g, da] { return cmd_diff_languages(g, *da); }});

    for (bool outgoing : {true, false}) {
        auto a = std::make_shared<CitesArgs>();
        auto* c = app.add_subcommand(outgoing ? "cites" : "cited-by",
                                     outgoing ? "edges out of a node, by relation and document"
                                              : "edges into a node, by relation and document");
        add_filter_options(c, *a);
        out.push_back({c, [&g, a, outgoing] { return cmd_cites(g, *a, outgoing); }});
    }

    auto ma = std::make_shared<MandateArgs>();
    auto* m = app.add_subcommand(
        "mandates",
        "mandates: paragraph, verb, addressee, action, due organ and session, recurrence");
    m->add_option("--to", ma->to, "addressee (id, acronym or name), e.g. body:unodc or UNODC");
    m->add_option("--by", ma->by, "citing document, or its issuing body (body:ga)");
    m->add_option("--verb", ma->verbs, "only these verbs (requests, urges, ...)");
    m->add_option("--since", ma->since, "documents dated on or after (YYYY[-MM[-DD]])")
        ->check(date_validator());
    m->add_option("--until", ma->until, "documents dated on or before")->check(date_validator());
    m->add_option("--lang", ma->lang, "only this language version");
    m->add_option("--action", ma->actions,
                  "only these actions (report, note, meeting, study, plan, assistance, "
                  "consultation, agenda, information, ...)");
    m->add_option("--due", ma->due, "only mandates due at this organ (id, acronym or name)");
    m->add_option("--session", ma->session, "only mandates due at this session (79) or year");
    m->add_flag("--recurring", ma->recurring, "only recurring mandates (annual, biennial, ...)");
    m->add_flag("--json", ma->json, "JSON output: one object per mandate and addressee");
    m->add_flag("--csv", ma->csv, "CSV output (RFC 4180), one line per mandate and addressee");
    m->add_flag("--full", ma->full, "do not shorten clause texts");
    out.push_back({m, [&g, ma] { return cmd_mandates(g, *ma); }});

    auto ra = std::make_shared<RelatedArgs>();
    auto* r = app.add_subcommand(
        "related", "documents most related by shared citations, co-citation and addressees");
    r->add_option("id", ra->id, "document id; ID#op12 for one paragraph")->required();
    r->add_option("--paragraph", ra->paragraph, "only this paragraph of the document (op12)");
    r->add_option("--top", ra->top, "number of results")
        ->capture_default_str()
        ->check(count_validator());
    r->add_flag("--json", ra->json, "JSON output");
    out.push_back({r, [&g, ra] { return cmd_related(g, *ra); }});

    auto sa = std::make_shared<IdArgs>();
    auto* s = app.add_subcommand("series", "the lineage of a recurring resolution");
    s->add_option("id", sa->id, "resolution id")->required();
    s->add_flag("--json", sa->json, "JSON output");
    out.push_back({s, [&g, sa] { return cmd_series(g, *sa); }});

    auto rk = std::make_shared<RankArgs>();
    auto* k = app.add_subcommand("rank", "most-cited works by in-degree and PageRank");
    k->add_option("--kind", rk->kinds, "only these node kinds (Resolution, Treaty, ...)");
    k->add_option("--top", rk->top, "number of results")
        ->capture_default_str()
        ->check(count_validator());
    k->add_option("--by", rk->by, "indegree|pagerank")
        ->capture_default_str()
        ->check(CLI::IsMember({"indegree", "pagerank"}));
    k->add_flag("--multiplicity", rk->multiplicity,
                "PageRank weighs parallel edges by their number (default: once)");
    k->add_flag("--json", rk->json, "JSON output");
    out.push_back({k, [&g, rk] { return cmd_rank(g, *rk); }});

    auto pa = std::make_shared<PathArgs>();
    auto* p = app.add_subcommand("path", "the shortest citation chains from A to B");
    p->add_option("a", pa->a, "from")->required();
    p->add_option("b", pa->b, "to")->required();
    p->add_flag("--undirected", pa->undirected, "follow citations either way");
    p->add_option("--limit", pa->limit, "at most this many chains")
        ->capture_default_str()
        ->check(count_validator());
    p->add_flag("--json", pa->json, "JSON output");
    out.push_back({p, [&g, pa] { return cmd_path(g, *pa); }});

    auto ta = std::make_shared<TimelineArgs>();
    auto* t = app.add_subcommand("timeline", "how often a work is cited per year or session");
    t->add_option("id", ta->id, "cited work")->required();
    t->add_option("--by", ta->by, "year|session")
        ->capture_default_str()
        ->check(CLI::IsMember({"year", "session"}));
    t->add_option("--svg", ta->svg, "also write a bar chart to this SVG file");
    t->add_flag("--json", ta->json, "JSON output");
    out.push_back({t, [&g, ta] { return cmd_timeline(g, *ta); }});

    auto an_json = std::make_shared<bool>(false);
    auto* an =
        app.add_subcommand("anachronisms", "citations of works dated after the citing document");
    an->add_flag("--json", *an_json, "JSON output");
    out.push_back({an, [&g, an_json] { return cmd_anachronisms(g, *an_json); }});
}

} // namespace citegraph::cli
