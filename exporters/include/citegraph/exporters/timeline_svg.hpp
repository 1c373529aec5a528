// The picture of a timeline (citegraph::timeline in citegraph/engine/queries.hpp): a small SVG
// bar chart of the citing documents per year or session, deterministic (the same rows give the
// same bytes). `citegraph timeline ID --svg FILE` writes it.
#pragma once

#include "citegraph/engine/queries.hpp"

#include <string>
#include <vector>

namespace citegraph {

// One bar per row, its height the row's documents scaled to the largest; `title` is the
// picture's title (XML-escaped here).
std::string timeline_svg(const std::vector<TimelineRow>& rows, const std::string& title);

} // namespace citegraph
