#include "citegraph/engine/schema.hpp"

namespace citegraph {
namespace {

constexpr std::array<std::string_view, kNodeKindCount> kKindNames = {
    "Resolution", "Decision", "Document", "Treaty", "Instrument", "Programme", "Body", "Actor"};

constexpr std::array<std::string_view, kRelationCount> kRelationNames = {"reaffirms",
                                                                         "recalls",
                                                                         "notes",
                                                                         "welcomes",
                                                                         "recognizes",
                                                                         "emphasizes",
                                                                         "expresses_concern",
                                                                         "considers",
                                                                         "convinced",
                                                                         "aware",
                                                                         "guided_by",
                                                                         "condemns",
                                                                         "decides",
                                                                         "requests",
                                                                         "urges",
                                                                         "calls_upon",
                                                                         "encourages",
                                                                         "invites",
                                                                         "recommends",
                                                                         "endorses",
                                                                         "approves",
                                                                         "draws_attention",
                                                                         "commends",
                                                                         "expresses_appreciation",
                                                                         "adopted_on_report",
                                                                         "refers_to"};

constexpr std::array<std::string_view, kRoleCount> kRoleNames = {"object", "addressee", "mention",
                                                                 "source"};

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::string_view, N>& names, std::string_view s) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == s) {
            return static_cast<E>(i);
        }
    }
    return std::nullopt;
}

} // namespace

std::string_view to_string(NodeKind k) {
    return kKindNames[static_cast<std::size_t>(k)];
}
std::string_view to_string(Relation r) {
    return kRelationNames[static_cast<std::size_t>(r)];
}
std::string_view to_string(Role r) {
    return kRoleNames[static_cast<std::size_t>(r)];
}

std::optional<NodeKind> parse_node_kind(std::string_view s) {
    return lookup<NodeKind>(kKindNames, s);
}
std::optional<Relation> parse_relation(std::string_view s) {
    return lookup<Relation>(kRelationNames, s);
}
std::optional<Role> parse_role(std::string_view s) {
    return lookup<Role>(kRoleNames, s);
}

int paragraph_rank(std::string_view label) {
    auto number = [&](std::size_t from) {
        int n = 0;
        for (std::size_t i = from; i < label.size() && i < from + 6; ++i) {
            if (label[i] < '0' || label[i] > '9') {
                return -1;
            }
            n = n * 10 + (label[i] - '0');
        }
        return n;
    };
    if (label == "header") {
        return 0;
    }
    if (label.size() > 2 && label.substr(0, 2) == "pp" && number(2) >= 0) {
        return 1 + number(2);
    }
    if (label.size() > 2 && label.substr(0, 2) == "op" && number(2) >= 0) {
        return 1000000 + number(2);
    }
    return 2000000;
}

bool is_mandate_relation(Relation r) {
    switch (r) {
    case Relation::requests:
    case Relation::urges:
    case Relation::calls_upon:
    case Relation::encourages:
    case Relation::invites:
    case Relation::recommends:
        return true;
    default:
        return false;
    }
}

} // namespace citegraph
