// import-metadata's reader: MARCXML records into node metadata (issue #15), malformed XML with
// its position, and the rule that a stored title or date is never replaced.
#include "citegraph/engine/error.hpp"
#include "citegraph/importers/marc.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;

namespace {

// Two records in the shape of the Digital Library export (prefixed names, a namespace on
// each record, ISBD punctuation at the end of 245 $a).
const char* kTwo = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- Search-Engine-Total-Number-Of-Results: 2 -->
<collection xmlns="http://www.loc.gov/MARC21/slim">
<ns0:record xmlns:ns0="http://www.loc.gov/MARC21/slim">
  <ns0:controlfield tag="001">1</ns0:controlfield>
  <ns0:datafield tag="191" ind1=" " ind2=" ">
    <ns0:subfield code="a">A/C.3/78/L.9</ns0:subfield>
    <ns0:subfield code="c">78</ns0:subfield>
  </ns0:datafield>
  <ns0:datafield tag="041" ind1="0" ind2=" "><ns0:subfield code="a">eng</ns0:subfield></ns0:datafield>
  <ns0:datafield tag="245" ind1="1" ind2="0">
    <ns0:subfield code="a">Rights of  the child : families &amp; follow-up :</ns0:subfield>
    <ns0:subfield code="b">draft resolution /</ns0:subfield>
  </ns0:datafield>
  <ns0:datafield tag="246" ind1="1" ind2=" "><ns0:subfield code="a">儿童权利</ns0:subfield></ns0:datafield>
  <ns0:datafield tag="269" ind1=" " ind2=" "><ns0:subfield code="a">2023-10-31</ns0:subfield></ns0:datafield>
  <ns0:datafield tag="650" ind1=" " ind2=" "><ns0:subfield code="a">CHILDREN</ns0:subfield></ns0:datafield>
  <ns0:datafield tag="630" ind1=" " ind2=" "><ns0:subfield code="a">Convention on the Rights of the Child (1989)</ns0:subfield></ns0:datafield>
  <ns0:datafield tag="993" ind1="1" ind2=" "><ns0:subfield code="a">A/RES/78/187</ns0:subfield></ns0:datafield>
  <ns0:datafield tag="993" ind1="3" ind2=" "><ns0:subfield code="a">A/78/481/Add.1</ns0:subfield></ns0:datafield>
</ns0:record>
<ns0:record xmlns:ns0="http://www.loc.gov/MARC21/slim">
  <ns0:datafield tag="191" ind1=" " ind2=" "><ns0:subfield code="a">not a symbol</ns0:subfield></ns0:datafield>
</ns0:record>
</collection>
)";

// The message of the InputError `xml` raises ("" when none).
std::string error_of(const std::string& xml) {
    try {
        read_marcxml("bad.xml", xml);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("marc: symbol, titles by language, date, subjects and related records", "[marc]") {
    auto rs = read_marcxml("two.xml", kTwo);
    REQUIRE(rs.size() == 2);
    const MarcRecord& r = rs[0];
    CHECK(r.line == 4);
    CHECK(r.symbol == "A/C.3/78/L.9");
    CHECK(r.language == "en");
    CHECK(r.titles.size() == 2);
    CHECK(r.titles.at("en") == "Rights of the child: families & follow-up");
    CHECK(r.titles.at("zh") == "儿童权利"); // 246 in Han script
    CHECK(r.date == "2023-10-31");
    CHECK(r.subjects ==
          std::vector<std::string>{"CHILDREN", "Convention on the Rights of the Child (1989)"});
    CHECK(r.related == std::vector<std::string>{"A/RES/78/187", "A/78/481/Add.1"});
    CHECK(rs[1].symbol == "not a symbol");
}

TEST_CASE("marc: a stored title or date is kept and the conflict reported", "[marc]") {
    auto rs = read_marcxml("two.xml", kTwo);
    CitationGraph g;
    NodeRecord adopted;
    adopted.id = "A/RES/78/187";
    adopted.kind = NodeKind::Resolution;
    adopted.names["en"] = "Rights of the child"; // the resolution's own title line
    g.add_node(adopted);
    MetadataPlan p = plan_metadata("two.xml", rs, g);
    CHECK(p.records == 2);
    REQUIRE(p.skipped.size() == 1);
    CHECK(p.skipped[0] == "two.xml:22: 191 'not a symbol' is not a UN document symbol");
    REQUIRE(p.nodes.size() == 2);
    const NodeRecord& draft = p.nodes[0];
    CHECK(draft.id == "A/C.3/78/L.9");
    CHECK(draft.kind == NodeKind::Document);
    CHECK(draft.date == "2023-10-31");
    CHECK(draft.names.at("en") == "Rights of the child: families & follow-up");
    // The adopted resolution gets the draft's Chinese title, not its English one.
    const NodeRecord& res = p.nodes[1];
    CHECK(res.id == "A/RES/78/187");
    CHECK(res.names.count("en") == 0);
    CHECK(res.names.at("zh") == "儿童权利");
    REQUIRE(p.conflicts.size() == 1);
    CHECK(p.conflicts[0] ==
          "A/RES/78/187 title (en): keeps \"Rights of the child\"; two.xml:4 "
          "(993 of A/C.3/78/L.9) says \"Rights of the child: families & follow-up\"");
    CHECK(p.new_nodes == 1);
    CHECK(p.titles == 3);
    CHECK(p.dates == 1);
    CHECK(p.subjects == 2);
}

TEST_CASE("marc: malformed XML is an error naming the file, line and column", "[marc]") {
    CHECK_THAT(error_of("<collection>\n<record>\n</collection>"),
               Catch::StartsWith("bad.xml:3:1") &&
                   Catch::Contains("</collection> does not match <record> (line 2)"));
    CHECK_THAT(error_of("<collection>\n  <record>&nbsp;</record></collection>"),
               Catch::StartsWith("bad.xml:2:11") && Catch::Contains("unknown entity &nbsp;"));
    CHECK_THAT(error_of("<collection><record>"), Catch::Contains("end of file inside <record>"));
    CHECK_THAT(error_of("<collection>\n<!-- never closed"),
               Catch::StartsWith("bad.xml:2:1") && Catch::Contains("unterminated comment"));
    CHECK_THAT(error_of("<collection><record tag=191/></collection>"),
               Catch::Contains("attribute tag without quotes"));
    CHECK_THAT(error_of("<collection/>\n<collection/>"),
               Catch::StartsWith("bad.xml:2:1") && Catch::Contains("second root element"));
    CHECK_THAT(error_of("<html><body/></html>"), Catch::Contains("not MARCXML"));
    CHECK_THAT(error_of("<collection>\n\xC3(</collection>"),
               Catch::StartsWith("bad.xml:2:1") && Catch::Contains("invalid UTF-8"));
    CHECK_THAT(error_of(""), Catch::Contains("no root element"));
    CHECK_THAT(error_of("<!DOCTYPE c [<!ENTITY x \"y\">]><collection/>"),
               Catch::Contains("internal subset"));
    CHECK(error_of("<collection><record/></collection>").empty());
}
