// The timeline's SVG bar chart (exporters/src/timeline_svg.cpp), on the rows of the engine's
// timeline test (tests/engine/test_queries.cpp): 2010 one document citing twice, 2011 none,
// 2012 two documents, one undated.
#include "citegraph/exporters/timeline_svg.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;

TEST_CASE("timeline svg: one bar per row, scaled to the largest, title escaped",
          "[exporters][timeline]") {
    const std::vector<TimelineRow> rows{
        {"2010", 1, 2}, {"2011", 0, 0}, {"2012", 2, 2}, {"unknown", 1, 1}};
    const std::string svg = timeline_svg(rows, "work:w <cited>");
    CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0) == 0);
    // Width: 40 left + 4 bars of 28 + 8 gap each + 8 + 20; height: 40 top + 160 plot + 50.
    CHECK(svg.find("width=\"212\" height=\"250\" viewBox=\"0 0 212 250\"") != std::string::npos);
    CHECK(svg.find("<title>work:w &lt;cited&gt;</title>") != std::string::npos);
    // The largest row (2012, two documents) fills the 160-unit plot; one document is half of it.
    CHECK(svg.find("<rect x=\"48\" y=\"120\" width=\"28\" height=\"80\" fill=\"#4a7ab5\">"
                   "<title>2010: 1 documents, 2 citations</title></rect>") != std::string::npos);
    CHECK(svg.find("<rect x=\"84\" y=\"200\" width=\"28\" height=\"0\"") != std::string::npos);
    CHECK(svg.find("<rect x=\"120\" y=\"40\" width=\"28\" height=\"160\"") != std::string::npos);
    CHECK(svg.find(">unknown</text>") != std::string::npos);
    CHECK(svg.size() >= 7);
    CHECK(svg.compare(svg.size() - 7, 7, "</svg>\n") == 0);
    CHECK(svg == timeline_svg(rows, "work:w <cited>")); // deterministic
}
