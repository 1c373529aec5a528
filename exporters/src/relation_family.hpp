// The 25 relations grouped into 8 families for pictures (html, SVG): 25 colours cannot be
// told apart, 8 can. Colours are the Okabe-Ito palette (safe for the common colour-vision
// deficiencies), with grey for the procedural link. Private to the library.
#pragma once

#include "citegraph/engine/schema.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace citegraph::detail {

struct RelationFamily {
    std::string_view name;   // shown in legends and filters
    std::string_view colour; // #rrggbb
};

inline constexpr std::size_t kFamilyCount = 8;
inline constexpr std::array<RelationFamily, kFamilyCount> kFamilies = {{
    {"reaffirms / recalls", "#0072B2"},
    {"notes / recognizes", "#56B4E9"},
    {"welcomes / endorses", "#009E73"},
    {"concern / condemns", "#D55E00"},
    {"decides", "#000000"},
    {"requests / invites", "#E69F00"},
    {"urges / calls upon", "#CC79A7"},
    {"adopted on report", "#999999"},
}};

// The family of each relation, in Relation order.
inline constexpr std::array<std::uint8_t, kRelationCount> kFamilyOf = {
    0, // reaffirms
    0, // recalls
    1, // notes
    2, // welcomes
    1, // recognizes
    1, // emphasizes
    3, // expresses_concern
    1, // considers
    1, // convinced
    1, // aware
    0, // guided_by
    3, // condemns
    4, // decides
    5, // requests
    6, // urges
    6, // calls_upon
    5, // encourages
    5, // invites
    5, // recommends
    2, // endorses
    2, // approves
    5, // draws_attention
    2, // commends
    2, // expresses_appreciation
    7, // adopted_on_report
};

inline std::size_t family_of(Relation r) {
    return kFamilyOf[static_cast<std::size_t>(r)];
}

} // namespace citegraph::detail
