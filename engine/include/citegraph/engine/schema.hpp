// The closed vocabularies every language maps onto: node kinds, citation relations and edge
// roles. Adding a value here is a schema change: bump Store::kSchemaVersion and say why.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace citegraph {

enum class NodeKind : std::uint8_t {
    Resolution,
    Decision,
    Document,   // reports, notes, records, meeting records
    Treaty,     // conventions, protocols, the Charter
    Instrument, // declarations, strategies, plans of action, rules, agreed conclusions
    Programme,
    Body,  // organs, committees, offices, funds, conferences, officials
    Actor, // Member States, States parties, all States
};
inline constexpr std::size_t kNodeKindCount = 8;

// The clause verbs of UN resolutions, language-neutral. The first 24 come from the
// drafting conventions of preambular and operative clauses. `adopted_on_report` is the one
// extension: the header line "[adopted on the report of the Third Committee (A/68/457)]"
// is not a clause verb, yet it is a citation users ask for (which report carried this text).
// `refers_to` is the weakest: a work named where no clause verb types the reference (the
// verb-less sentences of an annexed declaration, "we remain committed to … the Charter"; a
// paragraph whose verb is not in the lexicon). Its role is `mention` (or `source` for a
// footnote): the target is resolved, the text says nothing about what is done to it.
enum class Relation : std::uint8_t {
    reaffirms,
    recalls,
    notes,
    welcomes,
    recognizes,
    emphasizes,
    expresses_concern,
    considers,
    convinced,
    aware,
    guided_by,
    condemns,
    decides,
    requests,
    urges,
    calls_upon,
    encourages,
    invites,
    recommends,
    endorses,
    approves,
    draws_attention,
    commends,
    expresses_appreciation,
    adopted_on_report,
    refers_to,
};
inline constexpr std::size_t kRelationCount = 26;

enum class Role : std::uint8_t {
    object,    // what the clause verb acts on
    addressee, // who is asked or urged: a mandate
    mention,   // named inside the clause, not acted on
    source,    // cited by a footnote of the clause
};
inline constexpr std::size_t kRoleCount = 4;

std::string_view to_string(NodeKind k);
std::string_view to_string(Relation r);
std::string_view to_string(Role r);

std::optional<NodeKind> parse_node_kind(std::string_view s);
std::optional<Relation> parse_relation(std::string_view s);
std::optional<Role> parse_role(std::string_view s);

// Sort rank of a paragraph label: "header" first, then pp1..ppN, then op1..opM, then others.
int paragraph_rank(std::string_view label);

// Operative verbs whose addressee is a mandate holder (requests, urges, calls_upon,
// encourages, invites, recommends). "Decides" acts on the Assembly itself: no addressee.
bool is_mandate_relation(Relation r);

template <typename E> constexpr std::size_t count_of();
template <> constexpr std::size_t count_of<NodeKind>() {
    return kNodeKindCount;
}
template <> constexpr std::size_t count_of<Relation>() {
    return kRelationCount;
}
template <> constexpr std::size_t count_of<Role>() {
    return kRoleCount;
}

} // namespace citegraph
