// import-metadata's reader on the real Digital Library export of ../shared/data-sources.
#include "citegraph/importers/marc.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace citegraph;

TEST_CASE("marc: the Third Committee drafts of session 78 from the Digital Library",
          "[marc][corpus]") {
    const std::string path = std::string(CITEGRAPH_SHARED_DIR) +
                             "/data-sources/undl-marcxml/session_78_committee_3_drafts.xml";
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    auto rs = read_marcxml(path, ss.str());
    // The export's header says 94 results; the file has 94 <ns0:record> elements.
    REQUIRE(rs.size() == 94);
    // The first record, read in the file (lines 38-40, 45-46, 55-56, 265-266).
    CHECK(rs[0].symbol == "A/C.3/78/L.49/Rev.1");
    CHECK(rs[0].titles.at("en") ==
          "Promotion and protection of human rights in the context of digital technologies");
    CHECK(rs[0].date == "2023-11-08");
    CHECK(rs[0].related.front() == "A/RES/78/213");
    std::size_t with_symbol = 0, with_title = 0;
    for (const auto& r : rs) {
        with_symbol += r.symbol.rfind("A/C.3/78/L.", 0) == 0 ? 1 : 0;
        with_title += r.titles.count("en");
    }
    CHECK(with_symbol == 94);
    CHECK(with_title == 94);
}
