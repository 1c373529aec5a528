#include "citegraph/importers/aho_corasick.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <tuple>
#include <vector>

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

namespace {

// Every occurrence of every pattern, by brute force, in find_all()'s order (by end, then by
// decreasing length: the longest pattern ending at a position is reported first).
std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>>
brute_force(const std::vector<std::string>& patterns, const std::string& text) {
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> out;
    for (std::size_t end = 1; end <= text.size(); ++end) {
        std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> here;
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            const auto& pat = patterns[p];
            if (!pat.empty() && pat.size() <= end &&
                text.compare(end - pat.size(), pat.size(), pat) == 0) {
                // Duplicate patterns: the first one added reports.
                bool first = std::find(patterns.begin(), patterns.begin() + static_cast<long>(p),
                                       pat) == patterns.begin() + static_cast<long>(p);
                if (first) {
                    here.emplace_back(static_cast<std::uint32_t>(end - pat.size()),
                                      static_cast<std::uint32_t>(end),
                                      static_cast<std::uint32_t>(p));
                }
            }
        }
        std::sort(here.begin(), here.end());
        out.insert(out.end(), here.begin(), here.end());
    }
    return out;
}

void check_against_brute_force(const std::vector<std::string>& patterns,
                               const std::vector<std::string>& texts, bool dfa) {
    AhoCorasick ac;
    for (const auto& p : patterns) {
        ac.add(p);
    }
    ac.build();
    REQUIRE(ac.is_dfa() == dfa);
    for (const auto& t : texts) {
        auto got = ac.find_all(t);
        std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> as_tuples;
        for (const auto& m : got) {
            as_tuples.emplace_back(m.begin, m.end, m.pattern);
        }
        INFO("text: " << t);
        CHECK(as_tuples == brute_force(patterns, t));
    }
}

} // namespace

TEST_CASE("aho-corasick find_all agrees with brute force, as a DFA and through fail links",
          "[ac]") {
    std::mt19937 rng(20261127);
    auto random_string = [&](std::size_t max_len, const std::string& alphabet) {
        std::uniform_int_distribution<std::size_t> len(1, max_len);
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        std::string s(len(rng), ' ');
        for (auto& c : s) {
            c = alphabet[pick(rng)];
        }
        return s;
    };
    const std::string alphabet = "abcab\xe5\x86\xb3";
    for (int round = 0; round < 40; ++round) {
        std::vector<std::string> patterns;
        for (int i = 0; i < 12; ++i) {
            patterns.push_back(random_string(5, alphabet));
        }
        std::vector<std::string> texts;
        for (int i = 0; i < 8; ++i) {
            texts.push_back(random_string(60, alphabet));
        }
        SECTION("dfa " + std::to_string(round)) {
            check_against_brute_force(patterns, texts, true);
        }
        SECTION("fail links " + std::to_string(round)) {
            // A pattern holding every byte value leaves no room for the DFA's byte classes:
            // find_all() follows the fail links instead.
            std::string every;
            for (int b = 0; b < 256; ++b) {
                every += static_cast<char>(b);
            }
            patterns.push_back(every);
            texts.push_back("ab" + every + "ba");
            check_against_brute_force(patterns, texts, false);
        }
    }
}
