// The one place where a node a user names on the command line becomes a node of the graph
// (issue #15): every command's node argument goes through NodeResolver.
//
// A user may name a node by its id ("A/RES/68/193", "body:unep"), a bare resolution number
// ("68/193"), an acronym ("UNEP" -> body:unep), its symbol, or a name in any language, in any
// case for the cased scripts (Latin, Greek, Cyrillic), with fullwidth forms ("ＵＮＥＰ") and
// the character variants of the data tables (traditional Chinese "聯合國" = "联合国") folded.
// Further surface forms (the alias tables of data/lexicon) can be added. When nothing
// matches, suggest() lists the closest names (edit distance, shared words).
#pragma once

#include "citegraph/engine/graph.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace citegraph {

class NodeResolver {
  public:
    // `variants`: character variant -> standard form, folded before comparing (the rows of
    // data/lexicon/<lang>/variants.tsv; variants longer than one code point are ignored).
    explicit NodeResolver(const CitationGraph& g,
                          const std::vector<std::pair<std::string, std::string>>& variants = {});
    // A further surface form of node `id` (ignored when the graph has no such node).
    void add_alias(std::string_view text, std::string_view id);

    // The node `text` names, or nullopt. Order: exact id; bare number "s/n" -> A/RES/s/n;
    // folded id; "body:" + folded text; folded name, symbol, alias or id without its prefix
    // ("iccpr" -> treaty:iccpr; several nodes with the same form: the smallest id).
    std::optional<CitationGraph::Vertex> find(std::string_view text) const;
    // As find(), else the issuing body (NodeRecord::body) of some node equal to `text`,
    // folded, or "body:" + folded (the General Assembly issues resolutions but is never cited,
    // so "body:ga" may be no node). Empty when neither.
    std::string find_body(std::string_view text) const;
    // Up to `n` ids whose names are closest to `text` (best first, then by id), each with its
    // display name under `prefer` (model.hpp): "body:unep (United Nations Environment
    // Programme)". Closest: within an edit
    // distance of max(2, length / 3), else containing or contained in `text`, else sharing at
    // least half of its words of four bytes or more.
    std::vector<std::string> suggest(std::string_view text, std::size_t n = 5,
                                     const LanguagePreference& prefer = {}) const;

    // `text` as compared: variants mapped, fullwidth ASCII to ASCII, cased letters lower,
    // curly apostrophes straight, white space runs to one space, trimmed.
    std::string fold(std::string_view text) const;

  private:
    const CitationGraph& g_;
    std::unordered_map<char32_t, std::string> variants_;
    // folded form -> vertices (ids, names, symbols, aliases)
    std::map<std::string, std::vector<CitationGraph::Vertex>, std::less<>> by_form_;
    std::map<std::string, std::vector<CitationGraph::Vertex>, std::less<>> by_id_;
    void add_form(const std::string& folded, CitationGraph::Vertex v);
};

} // namespace citegraph
