// The query library: see queries.hpp for the definitions each function implements.
#include "citegraph/engine/queries.hpp"

#include "citegraph/engine/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace citegraph {

namespace {

using Vertex = CitationGraph::Vertex;
using Edge = CitationGraph::Edge;

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        v = v * 10 + (c - '0');
        if (v > 1000000) {
            return -1;
        }
    }
    return v;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

bool in_range(const std::string& date, const std::string& since, const std::string& until) {
    if (since.empty() && until.empty()) {
        return true;
    }
    if (date.empty()) {
        return false;
    }
    return (since.empty() || compare_dates(date, since) >= 0) &&
           (until.empty() || compare_dates(date, until) <= 0);
}

const std::string& date_of(const CitationGraph& g, const std::string& id) {
    static const std::string kEmpty;
    auto v = g.find(id);
    return v ? g.node(*v).date : kEmpty;
}

// A set of vertices that is cleared in O(1): a vertex is in the set when its stamp is current.
class Marks {
  public:
    explicit Marks(std::size_t n) : stamp_(n, 0) {}
    void clear() { ++now_; }
    // true when `v` was not yet marked
    bool mark(Vertex v) {
        if (stamp_[v] == now_) {
            return false;
        }
        stamp_[v] = now_;
        return true;
    }
    bool has(Vertex v) const { return stamp_[v] == now_; }

  private:
    std::vector<std::uint32_t> stamp_;
    std::uint32_t now_ = 1;
};

// The resolution number: the digits after the last '/' of the id, -1 when there are none.
int number_of(const std::string& id) {
    auto slash = id.rfind('/');
    std::string_view tail =
        slash == std::string::npos ? std::string_view() : std::string_view(id).substr(slash + 1);
    return all_digits(tail) ? to_int(tail) : -1;
}

CitationRow make_row(const CitationGraph& g, Edge e) {
    const auto& bg = g.boost_graph();
    CitationRow r;
    const NodeRecord& s = g.node(boost::source(e, bg));
    const NodeRecord& t = g.node(boost::target(e, bg));
    r.source = s.id;
    r.target = t.id;
    r.relation = g.props(e).relation;
    r.role = g.props(e).role;
    r.prov = g.provenance(e);
    r.citing_date = date_of(g, r.prov.document);
    r.cited_date = t.date;
    r.anachronism = !r.citing_date.empty() && !r.cited_date.empty() &&
                    compare_dates(r.cited_date, r.citing_date) > 0;
    return r;
}

bool keep_row(const CitationGraph& g, const CitationRow& r, const std::string& other,
              const CitationFilter& f) {
    if (!f.relations.empty() && !f.relations.count(r.relation)) {
        return false;
    }
    if (!f.roles.empty() && !f.roles.count(r.role)) {
        return false;
    }
    if (!f.language.empty() && r.prov.language != f.language) {
        return false;
    }
    if (!f.body.empty() && other != f.body) {
        auto v = g.find(other);
        if (!v || g.node(*v).body != f.body) {
            return false;
        }
    }
    return in_range(r.citing_date, f.since, f.until);
}

void sort_rows(std::vector<CitationRow>& rows, bool by_source) {
    std::sort(rows.begin(), rows.end(), [by_source](const CitationRow& a, const CitationRow& b) {
        int ra = paragraph_rank(a.prov.paragraph), rb = paragraph_rank(b.prov.paragraph);
        const std::string& oa = by_source ? a.source : a.target;
        const std::string& ob = by_source ? b.source : b.target;
        return std::tie(a.relation, a.prov.document, a.prov.language, ra, a.prov.span_begin, oa,
                        a.role) < std::tie(b.relation, b.prov.document, b.prov.language, rb,
                                           b.prov.span_begin, ob, b.role);
    });
}

int language_rank(const std::string& lang) {
    if (lang == "en") {
        return 0;
    }
    return lang == "zh" ? 1 : 2;
}

// "pp1".."pp3"
bool is_early_preambular(const std::string& paragraph) {
    if (paragraph.size() < 3 || paragraph.compare(0, 2, "pp") != 0) {
        return false;
    }
    std::string_view n = std::string_view(paragraph).substr(2);
    if (!all_digits(n)) {
        return false;
    }
    int k = to_int(n);
    return k >= 1 && k <= 3;
}

bool is_resolution_like(NodeKind k) {
    return k == NodeKind::Resolution || k == NodeKind::Decision;
}

bool is_chain_edge(const CitationGraph& g, Edge e) {
    const auto& p = g.props(e);
    if ((p.relation != Relation::reaffirms && p.relation != Relation::recalls) ||
        p.role != Role::object) {
        return false;
    }
    if (!is_resolution_like(g.node(boost::target(e, g.boost_graph())).kind)) {
        return false;
    }
    return is_early_preambular(g.provenance(e).paragraph);
}

// A title compared across sessions: lower-case ASCII, without trailing spaces and
// punctuation (ASCII and the CJK full stop / comma).
std::string normal_title(std::string_view s) {
    std::string t = lower_ascii(s);
    for (;;) {
        if (!t.empty() && (t.back() == ' ' || t.back() == '.' || t.back() == ',' ||
                           t.back() == ';' || t.back() == ':')) {
            t.pop_back();
        } else if (t.size() >= 3 && (t.compare(t.size() - 3, 3, "\xE3\x80\x82") == 0 ||
                                     t.compare(t.size() - 3, 3, "\xEF\xBC\x8C") == 0)) {
            t.resize(t.size() - 3);
        } else {
            break;
        }
    }
    std::size_t b = 0;
    while (b < t.size() && t[b] == ' ') {
        ++b;
    }
    return t.substr(b);
}

} // namespace

// ---- shared helpers ------------------------------------------------------------------------

int compare_dates(std::string_view a, std::string_view b) {
    std::size_t n = std::min(a.size(), b.size());
    int c = a.substr(0, n).compare(b.substr(0, n));
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::optional<Vertex> resolve_node(const CitationGraph& g, std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    if (auto v = g.find(text)) {
        return v;
    }
    auto slash = text.find('/');
    if (slash != std::string_view::npos && all_digits(text.substr(0, slash)) &&
        all_digits(text.substr(slash + 1))) {
        if (auto v = g.find("A/RES/" + std::string(text))) {
            return v;
        }
    }
    std::string low = lower_ascii(text);
    if (auto v = g.find("body:" + low)) {
        return v;
    }
    std::optional<Vertex> best;
    for (auto [it, end] = boost::vertices(g.boost_graph()); it != end; ++it) {
        const NodeRecord& n = g.node(*it);
        bool match = lower_ascii(n.symbol) == low && !n.symbol.empty();
        for (const auto& kv : n.names) {
            match = match || lower_ascii(kv.second) == low;
        }
        if (match && (!best || n.id < g.node(*best).id)) {
            best = *it;
        }
    }
    return best;
}

Vertex require_node(const CitationGraph& g, std::string_view text) {
    auto v = resolve_node(g, text);
    if (!v) {
        throw QueryError("no node '" + std::string(text) + "'");
    }
    return *v;
}

std::string display_name(const NodeRecord& n) {
    for (const char* lang : {"en", "zh"}) {
        auto it = n.names.find(lang);
        if (it != n.names.end()) {
            return it->second;
        }
    }
    return n.names.empty() ? std::string() : n.names.begin()->second;
}

int session_of(const NodeRecord& n) {
    if (all_digits(n.session)) {
        return to_int(n.session);
    }
    std::string_view id = n.id;
    if (id.size() > 6 && id.compare(0, 6, "A/RES/") == 0) {
        std::string_view rest = id.substr(6);
        auto slash = rest.find('/');
        if (slash != std::string_view::npos && all_digits(rest.substr(0, slash))) {
            return to_int(rest.substr(0, slash));
        }
    }
    return -1;
}

// ---- cites / cited-by ----------------------------------------------------------------------

std::vector<CitationRow> cites(const CitationGraph& g, std::string_view id,
                               const CitationFilter& f) {
    Vertex v = require_node(g, id);
    std::vector<CitationRow> rows;
    for (auto [it, end] = boost::out_edges(v, g.boost_graph()); it != end; ++it) {
        CitationRow r = make_row(g, *it);
        if (keep_row(g, r, r.target, f)) {
            rows.push_back(std::move(r));
        }
    }
    sort_rows(rows, false);
    return rows;
}

std::vector<CitationRow> cited_by(const CitationGraph& g, std::string_view id,
                                  const CitationFilter& f) {
    Vertex v = require_node(g, id);
    std::vector<CitationRow> rows;
    for (auto [it, end] = boost::in_edges(v, g.boost_graph()); it != end; ++it) {
        CitationRow r = make_row(g, *it);
        if (keep_row(g, r, r.prov.document, f)) {
            rows.push_back(std::move(r));
        }
    }
    sort_rows(rows, true);
    return rows;
}

std::vector<CitationGroup> group_citations(const std::vector<CitationRow>& rows) {
    std::vector<CitationGroup> groups;
    for (const auto& r : rows) {
        if (groups.empty() || groups.back().relation != r.relation ||
            groups.back().document != r.prov.document) {
            groups.push_back({r.relation, r.prov.document, {}});
        }
        groups.back().rows.push_back(r);
    }
    return groups;
}

std::vector<CitationRow> anachronisms(const CitationGraph& g) {
    std::vector<CitationRow> rows;
    for (Edge e : g.sorted_edges()) {
        CitationRow r = make_row(g, e);
        if (r.anachronism) {
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

// ---- mandates ------------------------------------------------------------------------------

std::vector<MandateRow> mandates(const CitationGraph& g, const MandateFilter& f) {
    const auto& bg = g.boost_graph();
    std::map<std::tuple<std::string, std::string, Relation, std::string>, std::size_t> seen;
    std::vector<MandateRow> rows;
    for (auto [it, end] = boost::edges(bg); it != end; ++it) {
        const EdgeProps& p = g.props(*it);
        if (p.role != Role::addressee) {
            continue;
        }
        if (!f.verbs.empty() && !f.verbs.count(p.relation)) {
            continue;
        }
        const NodeRecord& to = g.node(boost::target(*it, bg));
        if (!f.to.empty() && to.id != f.to) {
            continue;
        }
        const auto prov = g.provenance(*it);
        if (!f.language.empty() && prov.language != f.language) {
            continue;
        }
        auto dv = g.find(prov.document);
        const NodeRecord* doc = dv ? &g.node(*dv) : nullptr;
        if (!f.by.empty() && prov.document != f.by && !(doc && doc->body == f.by)) {
            continue;
        }
        std::string date = doc ? doc->date : std::string();
        if (!in_range(date, f.since, f.until)) {
            continue;
        }
        auto key = std::make_tuple(prov.document, prov.paragraph, p.relation, to.id);
        auto [pos, fresh] = seen.emplace(key, rows.size());
        if (fresh) {
            rows.push_back({prov.document,
                            date,
                            prov.paragraph,
                            p.relation,
                            to.id,
                            prov.language,
                            {prov.language},
                            prov.text});
            continue;
        }
        MandateRow& r = rows[pos->second];
        if (std::find(r.languages.begin(), r.languages.end(), prov.language) == r.languages.end()) {
            r.languages.push_back(prov.language);
        }
        if (std::make_pair(language_rank(prov.language), prov.language) <
            std::make_pair(language_rank(r.language), r.language)) {
            r.language = prov.language;
            r.text = prov.text;
        }
    }
    for (auto& r : rows) {
        std::sort(r.languages.begin(), r.languages.end());
    }
    std::sort(rows.begin(), rows.end(), [](const MandateRow& a, const MandateRow& b) {
        int ra = paragraph_rank(a.paragraph), rb = paragraph_rank(b.paragraph);
        return std::tie(a.date, a.document, ra, a.paragraph, a.addressee, a.verb) <
               std::tie(b.date, b.document, rb, b.paragraph, b.addressee, b.verb);
    });
    return rows;
}

// ---- related -------------------------------------------------------------------------------

std::vector<RelatedResult> related(const CitationGraph& g, std::string_view id,
                                   const RelatedOptions& o) {
    const auto& bg = g.boost_graph();
    const Vertex d = require_node(g, id);
    const std::size_t n = g.num_nodes();
    Marks marks(n), inner(n);

    auto distinct_sources = [&](Vertex t, bool addressee, auto&& fn) {
        inner.clear();
        for (auto [it, end] = boost::in_edges(t, bg); it != end; ++it) {
            if ((g.props(*it).role == Role::addressee) == addressee &&
                inner.mark(boost::source(*it, bg))) {
                fn(boost::source(*it, bg));
            }
        }
    };
    auto count_distinct_targets = [&](Vertex s) {
        inner.clear();
        std::size_t k = 0;
        for (auto [it, end] = boost::out_edges(s, bg); it != end; ++it) {
            k += inner.mark(boost::target(*it, bg)) ? 1 : 0;
        }
        return k;
    };

    // The query's cited works, addressed bodies and citing documents, each with its weight.
    std::vector<std::pair<Vertex, double>> td, ad, cd;
    marks.clear();
    std::vector<Vertex> tv, av;
    Marks amarks(n);
    for (auto [it, end] = boost::out_edges(d, bg); it != end; ++it) {
        const auto p = g.provenance(*it);
        if (!o.paragraph.empty() && p.paragraph != o.paragraph) {
            continue;
        }
        Vertex t = boost::target(*it, bg);
        if (g.props(*it).role == Role::addressee) {
            if (amarks.mark(t)) {
                av.push_back(t);
            }
        } else if (marks.mark(t)) {
            tv.push_back(t);
        }
    }
    std::vector<double> coupling(n, 0.0), cocitation(n, 0.0), addressees(n, 0.0);
    std::vector<Vertex> touched;
    Marks touched_marks(n);
    // Paragraph-level co-citation shares, by candidate (few: one citing paragraph's targets).
    std::unordered_map<Vertex, std::vector<SharedWork>> para_share;
    auto touch = [&](Vertex c) {
        if (touched_marks.mark(c)) {
            touched.push_back(c);
        }
    };
    for (Vertex t : tv) {
        std::vector<Vertex> srcs;
        distinct_sources(t, false, [&](Vertex s) { srcs.push_back(s); });
        double w = srcs.empty() ? 0.0 : 1.0 / static_cast<double>(srcs.size());
        td.emplace_back(t, w);
        for (Vertex c : srcs) {
            if (c != d) {
                coupling[c] += w;
                touch(c);
            }
        }
    }
    for (Vertex b : av) {
        std::vector<Vertex> srcs;
        distinct_sources(b, true, [&](Vertex s) { srcs.push_back(s); });
        double w = srcs.empty() ? 0.0 : 1.0 / static_cast<double>(srcs.size());
        ad.emplace_back(b, w);
        for (Vertex c : srcs) {
            if (c != d) {
                addressees[c] += w;
                touch(c);
            }
        }
    }
    if (o.paragraph.empty()) {
        std::vector<Vertex> citing;
        marks.clear();
        for (auto [it, end] = boost::in_edges(d, bg); it != end; ++it) {
            if (marks.mark(boost::source(*it, bg))) {
                citing.push_back(boost::source(*it, bg));
            }
        }
        std::vector<std::string> paras;
        std::vector<Vertex> in_para;
        for (Vertex s : citing) {
            double w = 1.0 / static_cast<double>(count_distinct_targets(s));
            cd.emplace_back(s, w);
            inner.clear();
            paras.clear();
            for (auto [it, end] = boost::out_edges(s, bg); it != end; ++it) {
                Vertex c = boost::target(*it, bg);
                if (c == d) {
                    paras.push_back(g.provenance(*it).paragraph);
                } else if (inner.mark(c)) {
                    cocitation[c] += w;
                    touch(c);
                }
            }
            // Cited in the same paragraph: a second, stronger share.
            std::sort(paras.begin(), paras.end());
            paras.erase(std::unique(paras.begin(), paras.end()), paras.end());
            for (const std::string& para : paras) {
                inner.clear();
                in_para.clear();
                for (auto [it, end] = boost::out_edges(s, bg); it != end; ++it) {
                    if (g.provenance(*it).paragraph == para && inner.mark(boost::target(*it, bg))) {
                        in_para.push_back(boost::target(*it, bg));
                    }
                }
                double wp = 1.0 / static_cast<double>(in_para.size());
                for (Vertex c : in_para) {
                    if (c != d) {
                        cocitation[c] += wp;
                        para_share[c].push_back({g.node(s).id + " " + para, wp});
                    }
                }
            }
        }
    }

    struct Scored {
        long long key;
        Vertex v;
    };
    std::vector<Scored> scored;
    for (Vertex c : touched) {
        NodeKind k = g.node(c).kind;
        if (k == NodeKind::Body || k == NodeKind::Actor) {
            continue;
        }
        double s = o.coupling_weight * coupling[c] + o.cocitation_weight * cocitation[c] +
                   o.addressee_weight * addressees[c];
        if (s > 0) {
            scored.push_back({std::llround(s * 1e9), c});
        }
    }
    std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        if (a.key != b.key) {
            return a.key > b.key;
        }
        return g.node(a.v).id < g.node(b.v).id;
    });
    if (scored.size() > o.top) {
        scored.resize(o.top);
    }

    auto by_weight = [&](std::vector<SharedWork>& xs) {
        std::sort(xs.begin(), xs.end(), [](const SharedWork& a, const SharedWork& b) {
            return std::tie(b.weight, a.id) < std::tie(a.weight, b.id);
        });
    };
    std::vector<RelatedResult> out;
    for (const Scored& sc : scored) {
        Vertex c = sc.v;
        RelatedResult r;
        r.id = g.node(c).id;
        r.coupling = coupling[c];
        r.cocitation = cocitation[c];
        r.addressees = addressees[c];
        r.score = o.coupling_weight * r.coupling + o.cocitation_weight * r.cocitation +
                  o.addressee_weight * r.addressees;
        // Why: intersect the query's lists with the candidate's edges.
        marks.clear();
        amarks.clear();
        for (auto [it, end] = boost::out_edges(c, bg); it != end; ++it) {
            (g.props(*it).role == Role::addressee ? amarks : marks).mark(boost::target(*it, bg));
        }
        for (auto [t, w] : td) {
            if (marks.has(t)) {
                r.shared_cited.push_back({g.node(t).id, w});
            }
        }
        for (auto [b, w] : ad) {
            if (amarks.has(b)) {
                r.shared_mandated.push_back({g.node(b).id, w});
            }
        }
        for (auto [s, w] : cd) {
            bool cites_c = false;
            for (auto [it, end] = boost::out_edges(s, bg); it != end && !cites_c; ++it) {
                cites_c = boost::target(*it, bg) == c;
            }
            if (cites_c) {
                r.cited_together.push_back({g.node(s).id, w});
            }
        }
        auto ps = para_share.find(c);
        if (ps != para_share.end()) {
            r.cited_together.insert(r.cited_together.end(), ps->second.begin(), ps->second.end());
        }
        by_weight(r.shared_cited);
        by_weight(r.shared_mandated);
        by_weight(r.cited_together);
        out.push_back(std::move(r));
    }
    return out;
}

// ---- series --------------------------------------------------------------------------------

std::vector<SeriesMember> series(const CitationGraph& g, std::string_view id) {
    const auto& bg = g.boost_graph();
    const Vertex d = require_node(g, id);
    const NodeRecord& dn = g.node(d);
    const std::size_t n = g.num_nodes();
    std::vector<std::vector<std::string>> evidence(n);
    std::vector<char> member(n, 0);
    std::vector<Vertex> members;
    auto add = [&](Vertex v, std::string why) {
        if (v == d && why != "self") {
            return; // the query document is "self" only
        }
        if (!member[v]) {
            member[v] = 1;
            members.push_back(v);
        }
        auto& ev = evidence[v];
        if (std::find(ev.begin(), ev.end(), why) == ev.end()) {
            ev.push_back(std::move(why));
        }
    };
    add(d, "self");

    // S0: same title in the same language, different session.
    std::vector<std::pair<std::string, std::string>> titles;
    for (const auto& [lang, name] : dn.names) {
        std::string t = normal_title(name);
        if (!t.empty()) {
            titles.emplace_back(lang, t);
        }
    }
    const int dsession = session_of(dn);
    if (!titles.empty()) {
        for (auto [it, end] = boost::vertices(bg); it != end; ++it) {
            const NodeRecord& m = g.node(*it);
            if (*it == d || !is_resolution_like(m.kind)) {
                continue;
            }
            int s = session_of(m);
            if (s == dsession && s != -1) {
                continue;
            }
            for (const auto& [lang, t] : titles) {
                auto nit = m.names.find(lang);
                if (nit != m.names.end() && normal_title(nit->second) == t) {
                    add(*it, "title");
                    break;
                }
            }
        }
    }
    const std::vector<Vertex> seeds = members;

    // Earlier: along chain edges from the seeds, recursively.
    std::vector<char> seen(n, 0);
    std::vector<Vertex> queue(seeds);
    for (Vertex v : seeds) {
        seen[v] = 1;
    }
    for (std::size_t i = 0; i < queue.size(); ++i) {
        Vertex u = queue[i];
        for (auto [it, end] = boost::out_edges(u, bg); it != end; ++it) {
            if (!is_chain_edge(g, *it)) {
                continue;
            }
            Vertex t = boost::target(*it, bg);
            add(t, "cited by " + g.node(u).id + " " + g.provenance(*it).paragraph);
            if (!seen[t]) {
                seen[t] = 1;
                queue.push_back(t);
            }
        }
    }
    // Later: documents whose chain edges reach the seeds, recursively.
    std::fill(seen.begin(), seen.end(), 0);
    queue = seeds;
    for (Vertex v : seeds) {
        seen[v] = 1;
    }
    for (std::size_t i = 0; i < queue.size(); ++i) {
        Vertex u = queue[i];
        for (auto [it, end] = boost::in_edges(u, bg); it != end; ++it) {
            if (!is_chain_edge(g, *it)) {
                continue;
            }
            Vertex s = boost::source(*it, bg);
            add(s, "cites " + g.node(u).id + " " + g.provenance(*it).paragraph);
            if (!seen[s]) {
                seen[s] = 1;
                queue.push_back(s);
            }
        }
    }

    std::vector<SeriesMember> out;
    for (Vertex v : members) {
        const NodeRecord& m = g.node(v);
        SeriesMember s;
        s.id = m.id;
        s.date = m.date;
        s.session = session_of(m);
        s.title = display_name(m);
        s.in_store = boost::out_degree(v, bg) > 0;
        s.self = v == d;
        s.evidence = evidence[v];
        std::sort(s.evidence.begin(), s.evidence.end());
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const SeriesMember& a, const SeriesMember& b) {
        auto key = [](const SeriesMember& m) {
            return std::make_tuple(m.session < 0 ? 1000000 : m.session, m.date, number_of(m.id),
                                   m.id);
        };
        return key(a) < key(b);
    });
    return out;
}

// ---- rank ----------------------------------------------------------------------------------

PageRankResult pagerank(const CitationGraph& g, const PageRankOptions& o) {
    const auto& bg = g.boost_graph();
    const std::size_t n = g.num_nodes();
    PageRankResult res;
    if (n == 0) {
        res.converged = true;
        return res;
    }
    // Compressed rows of the weighted adjacency: parallel edges collapsed (weight 1) or
    // counted (weight = multiplicity).
    std::vector<std::size_t> start(n + 1, 0);
    std::vector<Vertex> col;
    std::vector<double> wt;
    std::vector<double> out_weight(n, 0.0);
    std::vector<Vertex> targets;
    for (Vertex u = 0; u < n; ++u) {
        targets.clear();
        for (auto [it, end] = boost::out_edges(u, bg); it != end; ++it) {
            targets.push_back(boost::target(*it, bg));
        }
        std::sort(targets.begin(), targets.end());
        for (std::size_t i = 0; i < targets.size();) {
            std::size_t j = i;
            while (j < targets.size() && targets[j] == targets[i]) {
                ++j;
            }
            double w = o.multiplicity ? static_cast<double>(j - i) : 1.0;
            col.push_back(targets[i]);
            wt.push_back(w);
            out_weight[u] += w;
            i = j;
        }
        start[u + 1] = col.size();
    }
    const double nd = static_cast<double>(n);
    std::vector<double> x(n, 1.0 / nd), next(n);
    for (res.iterations = 1; res.iterations <= o.max_iter; ++res.iterations) {
        double dangling = 0;
        std::fill(next.begin(), next.end(), 0.0);
        for (Vertex u = 0; u < n; ++u) {
            if (out_weight[u] == 0) {
                dangling += x[u];
                continue;
            }
            double share = x[u] / out_weight[u];
            for (std::size_t k = start[u]; k < start[u + 1]; ++k) {
                next[col[k]] += share * wt[k];
            }
        }
        double err = 0;
        for (Vertex v = 0; v < n; ++v) {
            double val = o.alpha * (next[v] + dangling / nd) + (1.0 - o.alpha) / nd;
            err += std::fabs(val - x[v]);
            next[v] = val;
        }
        x.swap(next);
        if (err < nd * o.tol) {
            res.converged = true;
            break;
        }
    }
    if (!res.converged) {
        res.iterations = o.max_iter;
    }
    res.rank = std::move(x);
    return res;
}

std::vector<RankRow> rank(const CitationGraph& g, const RankOptions& o) {
    const auto& bg = g.boost_graph();
    PageRankResult pr = pagerank(g, o.pagerank);
    Marks marks(g.num_nodes());
    std::vector<RankRow> rows;
    for (auto [vit, vend] = boost::vertices(bg); vit != vend; ++vit) {
        const NodeRecord& node = g.node(*vit);
        if (!o.kinds.empty() && !o.kinds.count(node.kind)) {
            continue;
        }
        RankRow r;
        r.id = node.id;
        r.kind = node.kind;
        r.citations = boost::in_degree(*vit, bg);
        marks.clear();
        for (auto [it, end] = boost::in_edges(*vit, bg); it != end; ++it) {
            r.citing_documents += marks.mark(boost::source(*it, bg)) ? 1 : 0;
        }
        r.pagerank = pr.rank[*vit];
        if (!o.by_pagerank && r.citing_documents == 0) {
            continue;
        }
        rows.push_back(std::move(r));
    }
    auto cmp = [&o](const RankRow& a, const RankRow& b) {
        if (o.by_pagerank) {
            return std::make_tuple(b.pagerank, b.citing_documents, a.id) <
                   std::make_tuple(a.pagerank, a.citing_documents, b.id);
        }
        return std::make_tuple(b.citing_documents, b.citations, b.pagerank, a.id) <
               std::make_tuple(a.citing_documents, a.citations, a.pagerank, b.id);
    };
    std::size_t k = std::min(o.top, rows.size());
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(k), rows.end(), cmp);
    rows.resize(k);
    return rows;
}

// ---- path ----------------------------------------------------------------------------------

std::vector<CitationPath> shortest_paths(const CitationGraph& g, std::string_view a,
                                         std::string_view b, const PathOptions& o) {
    const auto& bg = g.boost_graph();
    const Vertex va = require_node(g, a);
    const Vertex vb = require_node(g, b);
    const std::size_t n = g.num_nodes();
    std::vector<CitationPath> paths;
    if (va == vb) {
        paths.emplace_back();
        return paths;
    }
    // Neighbours of u in the search direction (forward) or against it (backward).
    auto neighbours = [&](Vertex u, bool forward, std::vector<Vertex>& out) {
        out.clear();
        if (forward || o.undirected) {
            for (auto [it, end] = boost::out_edges(u, bg); it != end; ++it) {
                out.push_back(boost::target(*it, bg));
            }
        }
        if (!forward || o.undirected) {
            for (auto [it, end] = boost::in_edges(u, bg); it != end; ++it) {
                out.push_back(boost::source(*it, bg));
            }
        }
    };
    // Breadth-first distances from s; stops expanding at `max_depth` and, once `goal` is
    // reached, at its level (nothing beyond lies on a shortest path).
    auto bfs = [&](Vertex s, bool forward, Vertex goal, int max_depth) {
        std::vector<int> dist(n, -1);
        std::vector<Vertex> queue{s}, nb;
        dist[s] = 0;
        for (std::size_t i = 0; i < queue.size(); ++i) {
            Vertex u = queue[i];
            if (dist[u] >= max_depth || (dist[goal] >= 0 && dist[u] >= dist[goal])) {
                break; // the queue is in distance order
            }
            neighbours(u, forward, nb);
            for (Vertex v : nb) {
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        return dist;
    };
    std::vector<int> da = bfs(va, true, vb, std::numeric_limits<int>::max());
    if (da[vb] < 0 || o.limit == 0) {
        return paths;
    }
    const int total = da[vb];
    std::vector<int> db = bfs(vb, false, va, total);

    auto hop = [&](Vertex u, Vertex v) {
        PathHop h;
        h.from = g.node(u).id;
        h.to = g.node(v).id;
        std::vector<Edge> es;
        for (auto [it, end] = boost::out_edges(u, bg); it != end; ++it) {
            if (boost::target(*it, bg) == v) {
                es.push_back(*it);
            }
        }
        if (es.empty()) {
            h.forward = false;
            for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
                if (boost::target(*it, bg) == u) {
                    es.push_back(*it);
                }
            }
        }
        auto key = [&](Edge e) {
            const auto p = g.provenance(e);
            return std::make_tuple(p.document, paragraph_rank(p.paragraph), p.language,
                                   g.props(e).relation, g.props(e).role, p.span_begin);
        };
        Edge best = *std::min_element(es.begin(), es.end(),
                                      [&](Edge x, Edge y) { return key(x) < key(y); });
        h.relation = g.props(best).relation;
        h.role = g.props(best).role;
        h.document = g.provenance(best).document;
        h.paragraph = g.provenance(best).paragraph;
        h.parallel = es.size();
        return h;
    };

    // Depth-first from a through vertices on some shortest path, neighbours by id.
    std::vector<Vertex> stack{va};
    std::vector<Vertex> nb;
    std::function<void(Vertex)> dfs = [&](Vertex u) {
        if (paths.size() >= o.limit) {
            return;
        }
        if (u == vb) {
            CitationPath p;
            for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
                p.push_back(hop(stack[i], stack[i + 1]));
            }
            paths.push_back(std::move(p));
            return;
        }
        neighbours(u, true, nb);
        std::vector<Vertex> next;
        for (Vertex v : nb) {
            if (da[v] == da[u] + 1 && db[v] >= 0 && da[v] + db[v] == total) {
                next.push_back(v);
            }
        }
        std::sort(next.begin(), next.end(),
                  [&](Vertex x, Vertex y) { return g.node(x).id < g.node(y).id; });
        next.erase(std::unique(next.begin(), next.end()), next.end());
        for (Vertex v : next) {
            stack.push_back(v);
            dfs(v);
            stack.pop_back();
        }
    };
    dfs(va);
    return paths;
}

// ---- timeline ------------------------------------------------------------------------------

std::vector<TimelineRow> timeline(const CitationGraph& g, std::string_view id,
                                  TimelineBucket bucket) {
    const auto& bg = g.boost_graph();
    const Vertex v = require_node(g, id);
    std::map<int, std::pair<std::set<std::string>, std::size_t>> counts; // -1: unknown
    for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it) {
        const std::string& doc = g.document_of(*it);
        auto dv = g.find(doc);
        int key = -1;
        if (dv) {
            const NodeRecord& dn = g.node(*dv);
            if (bucket == TimelineBucket::session) {
                key = session_of(dn);
            } else if (dn.date.size() >= 4 && all_digits(std::string_view(dn.date).substr(0, 4))) {
                key = to_int(std::string_view(dn.date).substr(0, 4));
            }
        }
        auto& c = counts[key];
        c.first.insert(doc);
        ++c.second;
    }
    std::vector<TimelineRow> rows;
    int first = -1, last = -1;
    for (const auto& [k, c] : counts) {
        if (k >= 0) {
            first = first < 0 ? k : first;
            last = k;
        }
    }
    for (int k = first; first >= 0 && k <= last; ++k) {
        auto it = counts.find(k);
        TimelineRow r;
        r.bucket = std::to_string(k);
        if (it != counts.end()) {
            r.documents = it->second.first.size();
            r.citations = it->second.second;
        }
        rows.push_back(r);
    }
    auto unknown = counts.find(-1);
    if (unknown != counts.end()) {
        rows.push_back({"unknown", unknown->second.first.size(), unknown->second.second});
    }
    return rows;
}

std::string timeline_svg(const std::vector<TimelineRow>& rows, const std::string& title) {
    const int bar = 28, gap = 8, left = 40, top = 40, plot = 160;
    const int width = left + static_cast<int>(rows.size()) * (bar + gap) + gap + 20;
    const int height = top + plot + 50;
    std::size_t max = 1;
    for (const auto& r : rows) {
        max = std::max(max, r.documents);
    }
    std::ostringstream s;
    s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\">\n"
      << "<title>" << xml_escape(title) << "</title>\n"
      << "<rect x=\"0\" y=\"0\" width=\"" << width << "\" height=\"" << height
      << "\" fill=\"white\"/>\n"
      << "<text x=\"" << left << "\" y=\"20\" font-family=\"sans-serif\" font-size=\"13\">"
      << xml_escape(title) << "</text>\n"
      << "<line x1=\"" << left << "\" y1=\"" << top + plot << "\" x2=\"" << width - 10 << "\" y2=\""
      << top + plot << "\" stroke=\"black\"/>\n"
      << "<text x=\"" << left - 6 << "\" y=\"" << top + 4
      << "\" font-family=\"sans-serif\" font-size=\"10\" text-anchor=\"end\">" << max
      << "</text>\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        int x = left + gap + static_cast<int>(i) * (bar + gap);
        int h =
            static_cast<int>(static_cast<double>(r.documents) * plot / static_cast<double>(max));
        s << "<rect x=\"" << x << "\" y=\"" << top + plot - h << "\" width=\"" << bar
          << "\" height=\"" << h << "\" fill=\"#4a7ab5\"><title>" << xml_escape(r.bucket) << ": "
          << r.documents << " documents, " << r.citations << " citations</title></rect>\n";
        s << "<text x=\"" << x + bar / 2 << "\" y=\"" << top + plot - h - 4
          << "\" font-family=\"sans-serif\" font-size=\"10\" text-anchor=\"middle\">" << r.documents
          << "</text>\n";
        s << "<text x=\"" << x + bar / 2 << "\" y=\"" << top + plot + 14
          << "\" font-family=\"sans-serif\" font-size=\"10\" text-anchor=\"middle\">"
          << xml_escape(r.bucket) << "</text>\n";
    }
    s << "</svg>\n";
    return s.str();
}

LanguageDiff diff_languages(const CitationGraph& g, std::string_view id, const std::string& lang_a,
                            const std::string& lang_b) {
    const auto& bg = g.boost_graph();
    CitationGraph::Vertex v = require_node(g, id);
    using Key = std::tuple<Relation, std::string, Role>;
    std::map<std::string, std::map<Key, std::vector<std::string>>> by_lang;
    for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
        const auto p = g.provenance(*it);
        Key k{g.props(*it).relation, g.node(boost::target(*it, bg)).id, g.props(*it).role};
        auto& paras = by_lang[p.language][k];
        if (std::find(paras.begin(), paras.end(), p.paragraph) == paras.end()) {
            paras.push_back(p.paragraph);
        }
    }
    LanguageDiff d;
    d.document = g.node(v).id;
    for (const auto& [lang, edges] : by_lang) {
        d.languages.push_back(lang);
    }
    d.lang_a = lang_a.empty() && !d.languages.empty() ? d.languages[0] : lang_a;
    d.lang_b = lang_b.empty() && d.languages.size() > 1 ? d.languages[1] : lang_b;
    for (const auto& l : {d.lang_a, d.lang_b}) {
        if (by_lang.count(l) == 0) {
            throw QueryError("document " + d.document + " has no edges in language '" + l +
                             "' (it has: " +
                             [&] {
                                 std::string out;
                                 for (const auto& x : d.languages) {
                                     out += (out.empty() ? "" : ", ") + x;
                                 }
                                 return out.empty() ? std::string("none") : out;
                             }() +
                             ")");
        }
    }
    const auto& a = by_lang[d.lang_a];
    const auto& b = by_lang[d.lang_b];
    for (const auto& [k, paras] : a) {
        if (b.count(k)) {
            ++d.common;
        } else {
            d.only_a.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), paras});
        }
    }
    for (const auto& [k, paras] : b) {
        if (!a.count(k)) {
            d.only_b.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), paras});
        }
    }
    return d;
}

} // namespace citegraph
