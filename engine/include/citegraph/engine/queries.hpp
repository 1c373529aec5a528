// The questions users ask of the citation graph: what a work cites and who cites it, the
// mandates given to a body, related documents, the series of a recurring resolution, the most
// cited works, citation chains between two works, and citations over time.
//
// Every query is a pure function of a CitationGraph (no store access) and returns plain rows
// in a deterministic order. Unknown node ids raise QueryError. Internals use vectors indexed by
// vertex, never maps keyed by id, so the queries stay linear on large graphs.
//
// Dates are ISO 8601 strings that may be partial ("2013", "2013-12", "2013-12-18"). Two dates
// are compared at their common precision: "2013" is neither before nor after "2013-12-18".
#pragma once

#include "citegraph/engine/error.hpp"
#include "citegraph/engine/graph.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

// A query named a node that is not in the graph, or its options are inconsistent.
class QueryError : public Error {
  public:
    using Error::Error;
};

// -1, 0 or 1: `a` before, equal to (at common precision) or after `b`. Empty dates compare
// equal to everything.
int compare_dates(std::string_view a, std::string_view b);

// The node a user means by `text`: NodeResolver(g).find(text) (resolve.hpp: id, bare
// resolution number, acronym, symbol or name in any language, folded). nullopt when nothing
// matches.
std::optional<CitationGraph::Vertex> resolve_node(const CitationGraph& g, std::string_view text);
// As resolve_node, but throws QueryError naming `text` when nothing matches.
CitationGraph::Vertex require_node(const CitationGraph& g, std::string_view text);

// The General Assembly session of a node: NodeRecord::session when numeric, else the session
// part of an "A/RES/<session>/<number>" id; -1 when unknown.
int session_of(const NodeRecord& n);

// ---- cites / cited-by ----------------------------------------------------------------------

struct CitationFilter {
    std::set<Relation> relations; // empty: all
    std::set<Role> roles;         // empty: all
    // The node at the other end of the edge (the target for `cites`, the citing document for
    // `cited_by`) is this node, or was issued by it (NodeRecord::body). Empty: any.
    std::string body;
    // The citing document's date (Provenance::document's NodeRecord::date) lies in
    // [since, until] at common precision. Empty: unbounded. Undated documents are kept only
    // when both bounds are empty.
    std::string since;
    std::string until;
    std::string language; // Provenance::language; empty: all
};

struct CitationRow {
    std::string source;
    std::string target;
    Relation relation = Relation::notes;
    Role role = Role::object;
    Provenance prov;
    std::string citing_date; // date of prov.document ("" when unknown)
    std::string cited_date;  // date of the target ("" when unknown)
    // Temporal sanity: the cited work is dated after the citing document. Such edges are kept
    // and flagged, never dropped (an extraction error, or a typo in the source text).
    bool anachronism = false;
};

// Edges out of `id`, ordered by (relation, document, language, paragraph rank, span, target).
std::vector<CitationRow> cites(const CitationGraph& g, std::string_view id,
                               const CitationFilter& f = {});
// Edges into `id`, ordered by (relation, document, language, paragraph rank, span, source).
std::vector<CitationRow> cited_by(const CitationGraph& g, std::string_view id,
                                  const CitationFilter& f = {});

// Rows grouped by (relation, citing document), keeping the rows' order.
struct CitationGroup {
    Relation relation = Relation::notes;
    std::string document;
    std::vector<CitationRow> rows;
};
std::vector<CitationGroup> group_citations(const std::vector<CitationRow>& rows);

// Every anachronistic edge of the graph, in CitationGraph::sorted_edges() order.
std::vector<CitationRow> anachronisms(const CitationGraph& g);

// ---- mandates ------------------------------------------------------------------------------

struct MandateFilter {
    std::string to;            // addressee id ("body:unodc"); empty: any
    std::string by;            // citing document id, or its issuing body ("body:ga")
    std::set<Relation> verbs;  // empty: all
    std::string since, until;  // citing document's date, as in CitationFilter
    std::string language;      // empty: one row per mandate, its text from the version
                               // first under `prefer`
    LanguagePreference prefer; // the caller's languages (model.hpp); empty: code order
};

// One mandate: an edge with Role::addressee (the operative verb asks the addressee to act).
struct MandateRow {
    std::string document;
    std::string date; // citing document's date
    std::string paragraph;
    Relation verb = Relation::requests;
    std::string addressee;
    std::string language;               // the language `text` is in
    std::vector<std::string> languages; // all language versions carrying this mandate
    std::string text;
};

// Mandates ordered by (date, document, paragraph rank, addressee, verb). Language versions
// of one (document, paragraph, verb, addressee) are one row unless `language` is set.
std::vector<MandateRow> mandates(const CitationGraph& g, const MandateFilter& f = {});

// ---- related -------------------------------------------------------------------------------

struct RelatedOptions {
    std::size_t top = 10;
    std::string paragraph; // restrict the query document to one paragraph ("op12"); no
                           // co-citation then (nothing cites a paragraph)
    double coupling_weight = 1.0;
    double cocitation_weight = 1.0;
    double addressee_weight = 1.0;
    // false: scores only, the three "why" lists stay empty (for ranking many documents; the
    // results and their scores are the same).
    bool explain = true;
};

struct SharedWork {
    std::string id;
    double weight = 0; // this work's contribution before the component weight
};

struct RelatedResult {
    std::string id;
    double score = 0; // weighted sum of the three components
    double coupling = 0;
    double cocitation = 0;
    double addressees = 0;
    std::vector<SharedWork> shared_cited; // why: works both cite (coupling)
    // why: documents citing both (co-citation), then "DOC PARA" for a paragraph citing both
    std::vector<SharedWork> cited_together;
    std::vector<SharedWork> shared_mandated; // why: bodies both address
};

// Documents most related to `id`, by the resource-allocation index on three bipartite
// projections. With T(x) the works x cites (roles object, mention, source), A(x) the bodies x
// addresses (Role::addressee) and C(x) the documents citing x (any role):
//   coupling(d, c)   = sum over t in T(d) & T(c) of 1 / |citing documents of t|
//   cocitation(d, c) = sum over s in C(d) & C(c) of 1 / |T(s) u A(s)|
//                    + sum over paragraphs P of such s citing both of 1 / |targets of s in P|
//   addressees(d, c) = sum over b in A(d) & A(c) of 1 / |documents addressing b|
// so a target every document cites (the Charter, 70/1) adds 1/N while a target only d and c
// share adds 1/2. Candidates are all nodes except `id` itself and bodies and actors. Results
// by decreasing score, then id; each lists its shared works by decreasing weight, then id.
std::vector<RelatedResult> related(const CitationGraph& g, std::string_view id,
                                   const RelatedOptions& o = {});

// ---- series --------------------------------------------------------------------------------

// The lineage of a recurring resolution. A chain edge is a reaffirms or recalls edge with
// role object from a document's pp1-pp3 to a Resolution or Decision (the "Reaffirming its
// resolutions 46/152 ... and 67/189" lists). The series of `d` is:
//   S0 = d and every Resolution/Decision with a different session whose title equals a title
//        of d in the same language (case- and trailing-punctuation-insensitive);
//   earlier = everything reachable from S0 along chain edges (recursively: a cited
//        resolution that is in the store contributes its own lists);
//   later = every document reaching S0 along chain edges (recursively).
// Then a member found only along chain edges stays only when its session is in the run of
// sessions reaching d's session with gaps of at most two, and it was adopted within a month of
// d's time of year (works every member cites, such as A/RES/60/1 or 46/152, are not members).
// Each member says why it is included and whether the store holds its text (an imported
// document: it has outgoing edges) or it is only cited. Agenda item numbers are not used:
// they are renumbered every session. Members are ordered by session (session_of), then date,
// then resolution number, then id; `d` itself is included with evidence "self".
struct SeriesMember {
    std::string id;
    std::string date;
    int session = -1;
    std::string title;
    bool in_store = false;
    bool self = false;
    std::vector<std::string> evidence; // "self", "title", "cited by X ppN", "cites X ppN"
};
// Titles are display_name(member, prefer).
std::vector<SeriesMember> series(const CitationGraph& g, std::string_view id,
                                 const LanguagePreference& prefer = {});

// ---- rank ----------------------------------------------------------------------------------

struct PageRankOptions {
    double alpha = 0.85;
    double tol = 1e-6; // converged when the L1 change of an iteration is < N * tol
    std::size_t max_iter = 100;
    // false: parallel edges u->v (several paragraphs or language versions citing the same
    // work) count once, as in networkx.DiGraph. true: an edge u->v weighs its multiplicity.
    bool multiplicity = false;
};

struct PageRankResult {
    std::vector<double> rank; // indexed by vertex; sums to 1
    std::size_t iterations = 0;
    bool converged = false;
};

// networkx.pagerank with its defaults (no personalization, dangling nodes' rank spread
// uniformly, uniform start): the same power iteration, so results agree to rounding.
// Self-loops are kept (as networkx does). An empty graph gives an empty result.
PageRankResult pagerank(const CitationGraph& g, const PageRankOptions& o = {});

struct RankRow {
    std::string id;
    NodeKind kind = NodeKind::Document;
    std::size_t citing_documents = 0; // distinct citing documents (in-degree of the work)
    std::size_t citations = 0;        // in-edges (paragraphs x language versions)
    double pagerank = 0;
};

struct RankOptions {
    std::set<NodeKind> kinds; // empty: all
    std::size_t top = 20;
    bool by_pagerank = false; // order by PageRank instead of citing documents
    PageRankOptions pagerank;
};

// Most-cited works, by citing documents (then citations, PageRank, id) or by PageRank (then
// citing documents, id). Works nobody cites are left out when ordering by in-degree.
std::vector<RankRow> rank(const CitationGraph& g, const RankOptions& o = {});

// ---- path ----------------------------------------------------------------------------------

struct PathHop {
    std::string from, to;
    bool forward = true; // false: the edge runs to -> from (undirected search)
    Relation relation = Relation::notes;
    Role role = Role::object;
    std::string document, paragraph; // the first such edge in sorted order
    std::size_t parallel = 1;        // edges between the two nodes in this direction
};
using CitationPath = std::vector<PathHop>;

struct PathOptions {
    bool undirected = false; // follow edges either way
    std::size_t limit = 10;  // at most this many shortest paths
};

// All shortest chains from `a` to `b` (up to `limit`), ordered by the sequence of node ids.
// Empty when `b` is unreachable; one empty path when a == b.
std::vector<CitationPath> shortest_paths(const CitationGraph& g, std::string_view a,
                                         std::string_view b, const PathOptions& o = {});

// ---- timeline ------------------------------------------------------------------------------

enum class TimelineBucket { year, session };

struct TimelineRow {
    std::string bucket;        // "2013", "68", or "unknown"
    std::size_t documents = 0; // distinct citing documents
    std::size_t citations = 0; // in-edges
};

// Citations of `id` per year of the citing document's date (or per session). Years or
// sessions between the first and last are filled with zero rows; "unknown" comes last.
std::vector<TimelineRow> timeline(const CitationGraph& g, std::string_view id,
                                  TimelineBucket bucket = TimelineBucket::year);

// The SVG picture of a timeline is an output format: citegraph/exporters/timeline_svg.hpp.

// ---- language versions ----------------------------------------------------------------------

// What two language versions of one document cite, compared as (relation, target, role)
// triples: the same document should give the same graph in every language.
struct LanguageDiff {
    std::string document;
    std::string lang_a, lang_b;
    std::vector<std::string> languages; // every language the document was imported in
    std::size_t common = 0;             // triples both versions have
    struct Entry {
        Relation relation;
        std::string target;
        Role role;
        std::vector<std::string> paragraphs; // where the version that has it cites it
    };
    std::vector<Entry> only_a, only_b;
};

// Compares the two given languages, or, when they are empty, the first two the document was
// imported in. Throws QueryError for an unknown id or a language the document lacks.
LanguageDiff diff_languages(const CitationGraph& g, std::string_view id,
                            const std::string& lang_a = "", const std::string& lang_b = "");

} // namespace citegraph
