#include "citegraph/importers/aho_corasick.hpp"

#include <catch2/catch.hpp>

using citegraph::AhoCorasick;

TEST_CASE("aho-corasick finds every occurrence, overlapping ones too", "[ac]") {
    AhoCorasick ac;
    auto he = ac.add("he");
    auto she = ac.add("she");
    auto hers = ac.add("hers");
    ac.build();
    auto all = ac.find_all("ushers");
    REQUIRE(all.size() == 3);
    CHECK(all[0].pattern == she);
    CHECK(all[1].pattern == he);
    CHECK(all[2].pattern == hers);
    CHECK(all[2].begin == 2);
    CHECK(all[2].end == 6);
}

TEST_CASE("aho-corasick longest match prefers the longer name", "[ac]") {
    AhoCorasick ac;
    auto council = ac.add("人权理事会");
    auto gaz = ac.add("大会");
    auto cop = ac.add("缔约方大会");
    ac.build();
    auto m = ac.find_longest("人权理事会和缔约方大会及大会");
    REQUIRE(m.size() == 3);
    CHECK(m[0].pattern == council);
    CHECK(m[1].pattern == cop);
    CHECK(m[2].pattern == gaz);
}

TEST_CASE("aho-corasick respects ASCII word bounds", "[ac]") {
    AhoCorasick ac;
    ac.add("UNODC");
    ac.add("Member States");
    ac.build();
    CHECK(ac.find_longest("UNODCX and XUNODC").empty());
    CHECK(ac.find_longest("the UNODC, Member States.").size() == 2);
    CHECK(ac.find_longest("Member Statesman").empty());
}

TEST_CASE("aho-corasick longest_at anchors the match", "[ac]") {
    AhoCorasick ac;
    ac.add("请");
    ac.add("又请");
    ac.add("再次请");
    ac.build();
    AhoCorasick::Match m;
    REQUIRE(ac.longest_at("再次请联合国", 0, m));
    CHECK(m.end == std::string("再次请").size());
    CHECK_FALSE(ac.longest_at("联合国再次请", 0, m));
}
