// The query library: see queries.hpp for the definitions each function implements.
#include "citegraph/engine/queries.hpp"

#include "citegraph/engine/resolve.hpp"
#include "citegraph/engine/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <set>
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
    return NodeResolver(g).find(text);
}

Vertex require_node(const CitationGraph& g, std::string_view text) {
    auto v = resolve_node(g, text);
    if (!v) {
        throw QueryError("no node '" + std::string(text) + "'");
    }
    return *v;
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
        if (std::make_pair(preference_rank(f.prefer, prov.language), prov.language) <
            std::make_pair(preference_rank(f.prefer, r.language), r.language)) {
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

namespace {

// The sparse workspace of related(), one per thread, sized once and reused: a slot per vertex
// that is valid only while its stamp is the current query's (so nothing is cleared between
// queries), the lists of touched vertices, and sequential logs. A touch costs one cache line.
struct RelatedWorkspace {
    struct Slot {
        std::uint32_t stamp = 0;       // the query that last touched this vertex
        std::uint32_t last_citing = 0; // 1 + index of the last citing document that reached it
        double cocitation = 0;         // exact co-citation score
        double partial = 0;            // coupling + addressee contributions admitted so far
    };
    std::vector<Slot> slots;
    std::uint32_t now = 0;
    std::vector<Vertex> eligible; // touched candidates
    std::vector<double> scratch;
    struct Cocited {
        std::uint32_t target, citing; // citing: index into the citing documents
    };
    struct ParagraphShare {
        std::uint32_t target, citing, paragraph;
        double weight;
    };
    std::vector<Cocited> cocited_log;
    std::vector<ParagraphShare> paragraph_log;

    void prepare(std::size_t n) {
        if (slots.size() < n) {
            slots.resize(n);
        }
        if (++now == 0) { // wrapped: forget every old stamp
            std::fill(slots.begin(), slots.end(), Slot{});
            now = 1;
        }
        eligible.clear();
        cocited_log.clear();
        paragraph_log.clear();
    }
};

// The k-th largest of `values` (k >= 1, k <= size); reorders `values`.
double kth_largest(std::vector<double>& values, std::size_t k) {
    auto nth = values.begin() + static_cast<std::ptrdiff_t>(k - 1);
    std::nth_element(values.begin(), nth, values.end(), std::greater<double>());
    return *nth;
}

// Scores closer than this may share a ranking key (llround(score * 1e9)) or differ only by
// rounding: pruning keeps every candidate within it of the k-th best.
double tie_margin(double kth) {
    return 1e-8 + 1e-12 * std::fabs(kth);
}

// Which of the query's works (`sorted`: (vertex, position in the query's list), by vertex) a
// candidate's out-list (ascending (target << 1) | addressee) holds with the given addressee
// bit: sets shared[position]. A merge of two short sorted lists, no random access.
void shared_with(const std::uint32_t* first, const std::uint32_t* past, std::uint32_t bit,
                 const std::vector<std::pair<Vertex, std::uint32_t>>& sorted,
                 std::vector<char>& shared) {
    std::fill(shared.begin(), shared.end(), 0);
    auto q = sorted.begin();
    for (const std::uint32_t* p = first; p != past && q != sorted.end(); ++p) {
        if ((*p & 1) != bit) {
            continue;
        }
        const Vertex t = *p >> 1;
        while (q != sorted.end() && q->first < t) {
            ++q;
        }
        if (q != sorted.end() && q->first == t) {
            shared[q->second] = 1;
        }
    }
}

} // namespace

// How related() stays cheap on large graphs (answers are the exhaustive ones, bit for bit):
//  * per-vertex counts (|citing documents of t|, |T(s) u A(s)|) and distinct neighbour lists
//    come from CitationGraph::neighbour_index(), built once per graph;
//  * co-citation is accumulated exactly, in the definition's order, from the citing
//    documents' (paragraph, target) lists;
//  * coupling and addressee terms are "items" (a shared work t adds w(t) to every other
//    document citing t). Items are taken by decreasing weight; once the weights still to come
//    sum to less than the k-th best score so far (a lower bound: weights are >= 0), no document
//    reached only by those items can enter the top k, so their (large) citer lists are never
//    read. A work every document cites adds ~1/N to everyone and is skipped;
//  * candidates are then scored exactly (their own out-lists merged with the query's lists,
//    summed in the definition's order) by decreasing lower bound until the bound falls below
//    the k-th exact score; partial_sort of those; the "why" lists for the shown results only.
// Negative or non-finite component weights turn pruning off (every candidate is scored).
std::vector<RelatedResult> related(const CitationGraph& g, std::string_view id,
                                   const RelatedOptions& o) {
    const auto& bg = g.boost_graph();
    const Vertex d = require_node(g, id);
    std::vector<RelatedResult> out;
    if (o.top == 0) {
        return out;
    }
    const auto ix_ptr = g.neighbour_index();
    const CitationGraph::NeighbourIndex& ix = *ix_ptr;
    thread_local RelatedWorkspace ws;
    ws.prepare(g.num_nodes());
    using Slot = RelatedWorkspace::Slot;
    const bool can_prune = o.coupling_weight >= 0 && o.cocitation_weight >= 0 &&
                           o.addressee_weight >= 0 && std::isfinite(o.coupling_weight) &&
                           std::isfinite(o.cocitation_weight) && std::isfinite(o.addressee_weight);
    auto touch = [&](Vertex c) -> Slot& {
        Slot& sl = ws.slots[c];
        if (sl.stamp != ws.now) {
            sl = Slot{ws.now, 0, 0.0, 0.0};
            const NodeKind k = ix.kind[c];
            if (c != d && k != NodeKind::Body && k != NodeKind::Actor) {
                ws.eligible.push_back(c);
            }
        }
        return sl;
    };
    auto inverse = [](std::size_t k) { return k == 0 ? 0.0 : 1.0 / static_cast<double>(k); };

    // The query's cited works and addressed bodies (first-occurrence order), with their weights,
    // and the same lists by vertex for merging.
    std::vector<std::pair<Vertex, double>> td, ad, cd;
    std::vector<std::pair<Vertex, std::uint32_t>> td_sorted, ad_sorted;
    for (auto [it, end] = boost::out_edges(d, bg); it != end; ++it) {
        if (!o.paragraph.empty() && g.paragraph_of(*it) != o.paragraph) {
            continue;
        }
        const Vertex t = boost::target(*it, bg);
        if (g.props(*it).role == Role::addressee) {
            ad_sorted.emplace_back(t, 0);
        } else {
            td_sorted.emplace_back(t, 0);
        }
    }
    for (auto* sorted : {&td_sorted, &ad_sorted}) {
        std::sort(sorted->begin(), sorted->end());
        sorted->erase(std::unique(sorted->begin(), sorted->end()), sorted->end());
    }
    {
        // Positions in first-occurrence order: walk the edges again, numbering each vertex the
        // first time it is seen.
        std::vector<char> seen_t(td_sorted.size(), 0), seen_a(ad_sorted.size(), 0);
        for (auto [it, end] = boost::out_edges(d, bg); it != end; ++it) {
            if (!o.paragraph.empty() && g.paragraph_of(*it) != o.paragraph) {
                continue;
            }
            const Vertex t = boost::target(*it, bg);
            const bool addressee = g.props(*it).role == Role::addressee;
            auto& sorted = addressee ? ad_sorted : td_sorted;
            auto& seen = addressee ? seen_a : seen_t;
            auto pos = std::lower_bound(sorted.begin(), sorted.end(),
                                        std::make_pair(t, std::uint32_t{0})) -
                       sorted.begin();
            if (!seen[static_cast<std::size_t>(pos)]) {
                seen[static_cast<std::size_t>(pos)] = 1;
                auto& list = addressee ? ad : td;
                sorted[static_cast<std::size_t>(pos)].second =
                    static_cast<std::uint32_t>(list.size());
                const std::size_t citers = addressee ? ix.in_begin[t + 1] - ix.in_split[t]
                                                     : ix.in_split[t] - ix.in_begin[t];
                list.emplace_back(t, inverse(citers));
            }
        }
    }

    // Co-citation, exactly as defined: for each document s citing d (in-edge order), 1/|T(s) u
    // A(s)| to every other target of s, then per paragraph of s citing d (label order)
    // 1/|targets of s in it| to every other target in that paragraph. Each contribution is
    // also logged (sequentially) so the "why" lists of the shown results need no second pass.
    if (o.paragraph.empty()) {
        for (auto [it, end] = boost::in_edges(d, bg); it != end; ++it) {
            const Vertex s = boost::source(*it, bg);
            cd.emplace_back(s, 0.0);
        }
        // distinct, keeping the first occurrence
        std::vector<std::pair<Vertex, std::size_t>> order;
        for (std::size_t i = 0; i < cd.size(); ++i) {
            order.emplace_back(cd[i].first, i);
        }
        std::sort(order.begin(), order.end());
        std::vector<char> first(cd.size(), 0);
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i == 0 || order[i].first != order[i - 1].first) {
                first[order[i].second] = 1;
            }
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < cd.size(); ++i) {
            if (first[i]) {
                cd[kept++] = {cd[i].first, inverse(ix.distinct_targets[cd[i].first])};
            }
        }
        cd.resize(kept);
    }
    using ParagraphTarget = CitationGraph::NeighbourIndex::ParagraphTarget;
    std::vector<std::pair<const ParagraphTarget*, const ParagraphTarget*>> with_d;
    for (std::size_t i = 0; i < cd.size(); ++i) {
        const auto [s, w] = cd[i];
        const auto citing = static_cast<std::uint32_t>(i + 1);
        // One scan of s's (paragraph, target) list: w to each distinct target but d, and the
        // paragraphs citing d, each as its range of the list.
        const ParagraphTarget* first = ix.by_paragraph.data() + ix.out_para_begin[s];
        const ParagraphTarget* past = ix.by_paragraph.data() + ix.out_para_begin[s + 1];
        with_d.clear();
        for (const ParagraphTarget* p = first; p != past;) {
            const ParagraphTarget* q = p;
            bool cites_d = false;
            for (; q != past && q->paragraph == p->paragraph; ++q) {
                const Vertex c = q->target;
                if (c == d) {
                    cites_d = true;
                    continue;
                }
                Slot& sl = touch(c);
                if (sl.last_citing != citing) {
                    sl.last_citing = citing;
                    sl.cocitation += w;
                    if (o.explain) {
                        ws.cocited_log.push_back({q->target, citing - 1});
                    }
                }
            }
            if (cites_d) {
                with_d.emplace_back(p, q);
            }
            p = q;
        }
        if (with_d.size() > 1) {
            std::sort(with_d.begin(), with_d.end(), [&](const auto& x, const auto& y) {
                return g.paragraph_label(x.first->paragraph) <
                       g.paragraph_label(y.first->paragraph);
            });
        }
        for (const auto& [p, q] : with_d) {
            const double wp = inverse(static_cast<std::size_t>(q - p));
            for (const ParagraphTarget* e = p; e != q; ++e) {
                if (e->target != d) {
                    ws.slots[e->target].cocitation += wp;
                    if (o.explain) {
                        ws.paragraph_log.push_back({e->target, citing - 1, p->paragraph, wp});
                    }
                }
            }
        }
    }

    // Coupling and addressee items by decreasing weighted contribution.
    struct Item {
        double weight; // component weight x item weight
        std::size_t begin, end;
    };
    std::vector<Item> items;
    for (auto [t, w] : td) {
        items.push_back({o.coupling_weight * w, ix.in_begin[t], ix.in_split[t]});
    }
    for (auto [b, w] : ad) {
        items.push_back({o.addressee_weight * w, ix.in_split[b], ix.in_begin[b + 1]});
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.weight > b.weight; });
    std::vector<double> rest(items.size() + 1, 0.0); // rest[i]: sum of items[i..]
    for (std::size_t i = items.size(); i-- > 0;) {
        rest[i] = rest[i + 1] + std::max(0.0, items[i].weight);
    }
    const std::size_t k = o.top;
    auto lower_bound_of = [&](Vertex c) {
        return o.cocitation_weight * ws.slots[c].cocitation + ws.slots[c].partial;
    };
    auto kth_bound = [&]() {
        ws.scratch.clear();
        for (Vertex c : ws.eligible) {
            ws.scratch.push_back(lower_bound_of(c));
        }
        return kth_largest(ws.scratch, k);
    };
    double kth = -std::numeric_limits<double>::infinity();
    std::size_t work = 0, next_item = 0;
    for (; next_item < items.size(); ++next_item) {
        if (can_prune && ws.eligible.size() >= k) {
            // Refresh the bound when that costs less than what it may save (the next item's
            // citer list) or than the work done since the last refresh.
            const std::size_t next_size = items[next_item].end - items[next_item].begin;
            if (rest[next_item] >= kth - tie_margin(kth) &&
                2 * std::max(work, next_size) >= ws.eligible.size()) {
                kth = kth_bound();
                work = 0;
            }
            if (rest[next_item] < kth - tie_margin(kth)) {
                break; // nobody reached only by the remaining items can make the top k
            }
        }
        const Item& item = items[next_item];
        for (std::size_t j = item.begin; j < item.end; ++j) {
            const Vertex c = ix.in[j];
            if (c != d) {
                touch(c).partial += item.weight;
            }
        }
        work += item.end - item.begin;
    }
    const double remaining = rest[next_item];

    // Exact scores, by decreasing lower bound, until no bound can reach the k-th exact score.
    struct Scored {
        long long key;
        Vertex v;
        double coupling, cocitation, addressees, score;
    };
    std::vector<char> shared_t(td.size()), shared_a(ad.size());
    auto share = [&](Vertex c) {
        const std::uint32_t* first = ix.out.data() + ix.out_begin[c];
        const std::uint32_t* past = ix.out.data() + ix.out_begin[c + 1];
        shared_with(first, past, 0, td_sorted, shared_t);
        shared_with(first, past, 1, ad_sorted, shared_a);
    };
    auto exact = [&](Vertex c) {
        share(c);
        Scored sc{0, c, 0.0, ws.slots[c].cocitation, 0.0, 0.0};
        for (std::size_t i = 0; i < td.size(); ++i) {
            if (shared_t[i]) {
                sc.coupling += td[i].second;
            }
        }
        for (std::size_t i = 0; i < ad.size(); ++i) {
            if (shared_a[i]) {
                sc.addressees += ad[i].second;
            }
        }
        sc.score = o.coupling_weight * sc.coupling + o.cocitation_weight * sc.cocitation +
                   o.addressee_weight * sc.addressees;
        sc.key = std::llround(sc.score * 1e9);
        return sc;
    };
    kth = can_prune && ws.eligible.size() >= k ? kth_bound()
                                               : -std::numeric_limits<double>::infinity();
    std::vector<std::pair<double, Vertex>> order;
    for (Vertex c : ws.eligible) {
        const double lb = lower_bound_of(c);
        if (!can_prune || lb + remaining >= kth - tie_margin(kth)) {
            order.emplace_back(lb, c);
        }
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<Scored> scored;
    std::vector<double> best; // min-heap of the k best exact positive scores
    for (const auto& [lb, c] : order) {
        if (can_prune && best.size() >= k &&
            lb + remaining < best.front() - tie_margin(best.front())) {
            break;
        }
        Scored sc = exact(c);
        if (sc.score > 0) {
            scored.push_back(sc);
            best.push_back(sc.score);
            std::push_heap(best.begin(), best.end(), std::greater<double>());
            if (best.size() > k) {
                std::pop_heap(best.begin(), best.end(), std::greater<double>());
                best.pop_back();
            }
        }
    }
    auto ranked = [&](const Scored& a, const Scored& b) {
        if (a.key != b.key) {
            return a.key > b.key;
        }
        return g.node(a.v).id < g.node(b.v).id;
    };
    const std::size_t shown = std::min(k, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(shown),
                      scored.end(), ranked);
    scored.resize(shown);

    // Why, for the shown results only.
    std::vector<std::pair<Vertex, std::uint32_t>> shown_by_vertex; // (vertex, result index)
    bool any_cocited = false;
    for (std::size_t r = 0; r < scored.size(); ++r) {
        const Scored& sc = scored[r];
        const Vertex c = sc.v;
        shown_by_vertex.emplace_back(c, static_cast<std::uint32_t>(r));
        any_cocited = any_cocited || sc.cocitation != 0.0;
        RelatedResult res;
        res.id = g.node(c).id;
        res.coupling = sc.coupling;
        res.cocitation = sc.cocitation;
        res.addressees = sc.addressees;
        res.score = sc.score;
        if (!o.explain) {
            out.push_back(std::move(res));
            continue;
        }
        share(c);
        for (std::size_t i = 0; i < td.size(); ++i) {
            if (shared_t[i]) {
                res.shared_cited.push_back({g.node(td[i].first).id, td[i].second});
            }
        }
        for (std::size_t i = 0; i < ad.size(); ++i) {
            if (shared_a[i]) {
                res.shared_mandated.push_back({g.node(ad[i].first).id, ad[i].second});
            }
        }
        out.push_back(std::move(res));
    }
    if (any_cocited && o.explain) {
        // Documents citing both, then "DOC PARA" for a paragraph citing both (the logs are in
        // the definition's order; by_weight() orders them anyway). Shown results are found
        // with a 64-bit filter and a binary search: no random memory access per log entry.
        std::sort(shown_by_vertex.begin(), shown_by_vertex.end());
        std::uint64_t filter = 0;
        auto bit = [](Vertex v) { return std::uint64_t{1} << ((v * 0x9E3779B97F4A7C15ull) >> 58); };
        for (const auto& [v, r] : shown_by_vertex) {
            filter |= bit(v);
        }
        auto result_of = [&](Vertex v) -> RelatedResult* {
            if ((filter & bit(v)) == 0) {
                return nullptr;
            }
            auto it = std::lower_bound(shown_by_vertex.begin(), shown_by_vertex.end(),
                                       std::make_pair(v, std::uint32_t{0}));
            return it != shown_by_vertex.end() && it->first == v ? &out[it->second] : nullptr;
        };
        std::vector<const std::string*> citing_id(cd.size(), nullptr);
        auto id_of = [&](std::uint32_t i) -> const std::string& {
            if (citing_id[i] == nullptr) {
                citing_id[i] = &g.node(cd[i].first).id;
            }
            return *citing_id[i];
        };
        for (const auto& [c, i] : ws.cocited_log) {
            if (RelatedResult* res = result_of(c)) {
                res->cited_together.push_back({id_of(i), cd[i].second});
            }
        }
        for (const auto& e : ws.paragraph_log) {
            if (RelatedResult* res = result_of(e.target)) {
                const std::string& doc = id_of(e.citing);
                const std::string& label = g.paragraph_label(e.paragraph);
                SharedWork& sw = res->cited_together.emplace_back();
                sw.id.reserve(doc.size() + 1 + label.size());
                sw.id.append(doc).append(1, ' ').append(label);
                sw.weight = e.weight;
            }
        }
    }
    auto by_weight = [&](std::vector<SharedWork>& xs) {
        std::sort(xs.begin(), xs.end(), [](const SharedWork& a, const SharedWork& b) {
            return std::tie(b.weight, a.id) < std::tie(a.weight, b.id);
        });
    };
    for (auto& res : out) {
        by_weight(res.shared_cited);
        by_weight(res.shared_mandated);
        by_weight(res.cited_together);
    }
    return out;
}

// ---- series --------------------------------------------------------------------------------

std::vector<SeriesMember> series(const CitationGraph& g, std::string_view id,
                                 const LanguagePreference& prefer) {
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

    // Works every member cites are not members (issue #17): a member found only along chain
    // edges must be in the run of sessions that reaches the query document's session with
    // gaps of at most two sessions (an annual or biennial item), and adopted within a month
    // of the same time of year as the document (a recurring item comes back at the same point
    // of each session). "Reaffirming its resolutions 46/152 of 18 December 1991, 60/1 of
    // 16 September 2005, 67/1 of 19 September 2012, 69/193 ... and 77/237": 46/152 is cut
    // off by the gap, 60/1 and 67/1 (September summits) by the time of year.
    auto month_of = [](const std::string& date) {
        return date.size() >= 7 ? std::atoi(date.substr(5, 2).c_str()) : 0;
    };
    const int dmonth = month_of(dn.date);
    if (dsession >= 0) {
        std::set<int> sessions;
        for (Vertex v : members) {
            if (session_of(g.node(v)) >= 0) {
                sessions.insert(session_of(g.node(v)));
            }
        }
        std::set<int> run = {dsession};
        for (int s = dsession; sessions.count(s - 1) || sessions.count(s - 2);) {
            s = sessions.count(s - 1) ? s - 1 : s - 2;
            run.insert(s);
        }
        for (int s = dsession; sessions.count(s + 1) || sessions.count(s + 2);) {
            s = sessions.count(s + 1) ? s + 1 : s + 2;
            run.insert(s);
        }
        std::vector<Vertex> kept;
        for (Vertex v : members) {
            const auto& ev = evidence[v];
            bool named = std::find(ev.begin(), ev.end(), "self") != ev.end() ||
                         std::find(ev.begin(), ev.end(), "title") != ev.end();
            const NodeRecord& m = g.node(v);
            int s = session_of(m);
            int month = month_of(m.date);
            int apart = dmonth > 0 && month > 0 ? std::abs(month - dmonth) : 0;
            apart = std::min(apart, 12 - apart);
            if (named || s < 0 || (run.count(s) != 0 && apart <= 1)) {
                kept.push_back(v);
            }
        }
        members = std::move(kept);
    }

    std::vector<SeriesMember> out;
    for (Vertex v : members) {
        const NodeRecord& m = g.node(v);
        SeriesMember s;
        s.id = m.id;
        s.date = m.date;
        s.session = session_of(m);
        s.title = display_name(m, prefer);
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
    // Neighbours of u in the search direction (forward) or against it (backward): from the
    // neighbour index when a query built it (4 bytes per distinct neighbour instead of a 24-byte
    // adjacency entry per edge), else from the adjacency lists. The answer is the same: the
    // search works on sets.
    const auto ix = g.neighbour_index_if_built();
    auto neighbours = [&](Vertex u, bool forward, std::vector<Vertex>& out) {
        out.clear();
        if (ix) {
            if (forward || o.undirected) {
                for (std::size_t k = ix->out_begin[u]; k < ix->out_begin[u + 1]; ++k) {
                    out.push_back(ix->out[k] >> 1);
                }
            }
            if (!forward || o.undirected) {
                out.insert(out.end(), ix->in.begin() + static_cast<std::ptrdiff_t>(ix->in_begin[u]),
                           ix->in.begin() + static_cast<std::ptrdiff_t>(ix->in_begin[u + 1]));
            }
            return;
        }
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
    // Bidirectional breadth-first search: whole levels, from a forward or from b backward,
    // whichever frontier has fewer edges to follow, until the two balls meet. Every shortest
    // path then has a vertex that both know (da + db == total).
    // Distances from a and b and positions on shortest paths, in a per-thread workspace that
    // is reset entry by entry (a query touches a small part of a large graph).
    // The three values of a vertex sit side by side (one cache line to read or reset).
    struct Workspace {
        std::vector<int> dist; // 3 per vertex: from a, from b, on a shortest path
        std::vector<Vertex> touched;
    };
    thread_local Workspace ws;
    if (ws.dist.size() < 3 * n) {
        ws.dist.assign(3 * n, -1);
    }
    struct Reset {
        Workspace& w;
        ~Reset() {
            for (Vertex v : w.touched) {
                w.dist[3 * v] = w.dist[3 * v + 1] = w.dist[3 * v + 2] = -1;
            }
            w.touched.clear();
        }
    } reset{ws};
    struct Column {
        int* base;
        std::size_t offset;
        int& operator[](Vertex v) const { return base[3 * v + offset]; }
    };
    const Column da{ws.dist.data(), 0}, db{ws.dist.data(), 1}, at{ws.dist.data(), 2};
    std::vector<Vertex> fa{va}, fb{vb}, next, nb, meet;
    da[va] = 0;
    db[vb] = 0;
    ws.touched.push_back(va);
    ws.touched.push_back(vb);
    // The neighbours a frontier will follow: from the index's arrays when it is there (the
    // adjacency lists' headers are cache misses), counting distinct neighbours.
    auto out_degree = [&](Vertex u) -> std::size_t {
        return ix ? ix->out_begin[u + 1] - ix->out_begin[u] : boost::out_degree(u, bg);
    };
    auto in_degree = [&](Vertex u) -> std::size_t {
        return ix ? ix->in_begin[u + 1] - ix->in_begin[u] : boost::in_degree(u, bg);
    };
    auto weight = [&](const std::vector<Vertex>& frontier, bool forward) {
        std::size_t w = 0;
        for (Vertex u : frontier) {
            w += (forward || o.undirected ? out_degree(u) : 0) +
                 (!forward || o.undirected ? in_degree(u) : 0);
        }
        return w;
    };
    int total = -1;
    while (total < 0 && !fa.empty() && !fb.empty()) {
        const bool forward = weight(fa, true) <= weight(fb, false);
        std::vector<Vertex>& frontier = forward ? fa : fb;
        const Column mine = forward ? da : db;
        const Column theirs = forward ? db : da;
        next.clear();
        for (Vertex u : frontier) {
            neighbours(u, forward, nb);
            for (Vertex v : nb) {
                if (mine[v] < 0) {
                    mine[v] = mine[u] + 1;
                    next.push_back(v);
                    ws.touched.push_back(v);
                }
                if (theirs[v] >= 0 && (total < 0 || mine[v] + theirs[v] <= total)) {
                    total = mine[v] + theirs[v];
                    meet.push_back(v); // a candidate; the final total filters them below
                }
            }
        }
        frontier.swap(next);
    }
    if (total < 0 || o.limit == 0) {
        return paths;
    }
    // The vertices on shortest paths: the meeting vertices, those before them in the forward
    // ball (distance from a falling by one per step back) and those after them in the backward
    // ball. at[v] is a vertex's distance from a on such a path, -1 off them.
    std::sort(meet.begin(), meet.end());
    meet.erase(std::unique(meet.begin(), meet.end()), meet.end());
    meet.erase(
        std::remove_if(meet.begin(), meet.end(), [&](Vertex v) { return da[v] + db[v] != total; }),
        meet.end());
    for (Vertex v : meet) {
        at[v] = da[v];
    }
    std::vector<Vertex> queue = meet;
    for (std::size_t i = 0; i < queue.size(); ++i) { // back towards a
        Vertex u = queue[i];
        neighbours(u, false, nb);
        for (Vertex v : nb) {
            if (at[v] < 0 && da[v] >= 0 && da[v] == at[u] - 1) {
                at[v] = da[v];
                queue.push_back(v);
            }
        }
    }
    queue = meet;
    for (std::size_t i = 0; i < queue.size(); ++i) { // on towards b
        Vertex u = queue[i];
        neighbours(u, true, nb);
        for (Vertex v : nb) {
            if (at[v] < 0 && db[v] >= 0 && total - db[v] == at[u] + 1) {
                at[v] = total - db[v];
                queue.push_back(v);
            }
        }
    }

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
            if (at[v] >= 0 && at[v] == at[u] + 1) {
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
