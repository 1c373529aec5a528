// NodeResolver: the one resolver of every command's node argument (issue #15).
#include "citegraph/engine/resolve.hpp"

#include <catch2/catch.hpp>

using namespace citegraph;

namespace {

NodeRecord node(const std::string& id, NodeKind kind, std::map<std::string, std::string> names) {
    NodeRecord n;
    n.id = id;
    n.kind = kind;
    n.names = std::move(names);
    return n;
}

CitationGraph sample() {
    CitationGraph g;
    g.add_node(node("A/RES/68/193", NodeKind::Resolution, {}));
    g.add_node(node("body:unodc", NodeKind::Body,
                    {{"en", "United Nations Office on Drugs and Crime"},
                     {"zh", "联合国毒品和犯罪问题办公室"},
                     {"fr", "Office des Nations Unies contre la drogue et le crime"},
                     {"ru", "Управление Организации Объединенных Наций по наркотикам и "
                            "преступности"}}));
    g.add_node(
        node("body:cnd", NodeKind::Body,
             {{"en", "Commission on Narcotic Drugs"}, {"fr", "Commission des stupéfiants"}}));
    g.add_node(node("body:unep", NodeKind::Body, {{"en", "United Nations Environment Programme"}}));
    // Two nodes with one name: the smallest id wins.
    g.add_node(node("treaty:b", NodeKind::Treaty, {{"en", "Same Name"}}));
    g.add_node(node("treaty:a", NodeKind::Treaty, {{"en", "Same Name"}}));
    NodeRecord issued = node("A/RES/70/1", NodeKind::Resolution, {});
    issued.body = "body:ga";
    g.add_node(issued);
    return g;
}

} // namespace

TEST_CASE("resolve: ids, numbers, acronyms and names in any case and width", "[resolve]") {
    CitationGraph g = sample();
    NodeResolver r(g, {{"聯", "联"}, {"國", "国"}, {"問", "问"}, {"題", "题"}, {"辦", "办"}});
    auto id = [&](const std::string& t) {
        auto v = r.find(t);
        return v ? g.node(*v).id : std::string("-");
    };
    CHECK(id("A/RES/68/193") == "A/RES/68/193");
    CHECK(id("a/res/68/193") == "A/RES/68/193");
    CHECK(id("68/193") == "A/RES/68/193");
    CHECK(id("６８/１９３") == "A/RES/68/193"); // fullwidth digits
    CHECK(id("UNODC") == "body:unodc");
    CHECK(id("ＵＮＯＤＣ") == "body:unodc");
    CHECK(id("Body:UNODC") == "body:unodc");
    CHECK(id("  united   nations office on drugs and crime ") == "body:unodc");
    CHECK(id("联合国毒品和犯罪问题办公室") == "body:unodc");
    CHECK(id("聯合國毒品和犯罪問題辦公室") == "body:unodc"); // traditional forms
    CHECK(id("OFFICE DES NATIONS UNIES CONTRE LA DROGUE ET LE CRIME") == "body:unodc");
    CHECK(id("COMMISSION DES STUPÉFIANTS") == "body:cnd"); // Latin-1 capitals
    CHECK(id("УПРАВЛЕНИЕ организации объединенных наций по наркотикам и преступности") ==
          "body:unodc");
    CHECK(id("Same Name") == "treaty:a");
    CHECK(id("") == "-");
    CHECK(id("body:nothing") == "-");
}

TEST_CASE("resolve: aliases of the data tables and issuing bodies", "[resolve]") {
    CitationGraph g = sample();
    NodeResolver r(g);
    CHECK_FALSE(r.find("UN Environment"));
    r.add_alias("UN Environment", "body:unep");
    r.add_alias("Nowhere", "body:not-in-the-graph"); // ignored
    REQUIRE(r.find("un environment"));
    CHECK(g.node(*r.find("un environment")).id == "body:unep");
    CHECK_FALSE(r.find("Nowhere"));
    // body:ga issues a document but is no node.
    CHECK_FALSE(r.find("body:ga"));
    CHECK(r.find_body("GA") == "body:ga");
    CHECK(r.find_body("body:ga") == "body:ga");
    CHECK(r.find_body("UNODC") == "body:unodc");
    CHECK(r.find_body("body:sc").empty());
}

TEST_CASE("resolve: the closest names when nothing matches", "[resolve]") {
    CitationGraph g = sample();
    NodeResolver r(g);
    CHECK_FALSE(r.find("UNDOC"));
    // Edit distance: two letters swapped.
    auto s = r.suggest("UNDOC");
    REQUIRE_FALSE(s.empty());
    CHECK(s[0] == "body:unodc (United Nations Office on Drugs and Crime)");
    // A part of a name.
    s = r.suggest("Office on Drugs");
    REQUIRE_FALSE(s.empty());
    CHECK(s[0] == "body:unodc (United Nations Office on Drugs and Crime)");
    // Shared words: both United Nations bodies, UNEP's name sharing "programme" too.
    s = r.suggest("environment programme of the world");
    REQUIRE_FALSE(s.empty());
    CHECK(s[0] == "body:unep (United Nations Environment Programme)");
    CHECK(r.suggest("qqqqqqqqqqqqqqqqqqqq").empty());
    // One shared word of four ("drugs") is not half of the query's words.
    CHECK(r.suggest("drugs of the world and of this time").empty());
    CHECK(r.suggest("Same Nome").size() == 2);
    CHECK(r.suggest("Same Nome")[0] == "treaty:a (Same Name)");
}
