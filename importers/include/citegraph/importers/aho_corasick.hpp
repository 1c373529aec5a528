// One automaton for every literal the importer looks for (gazetteer aliases, clause verbs).
// Byte-level Aho-Corasick; on valid UTF-8 input every match starts on a code point.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

class AhoCorasick {
  public:
    struct Match {
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        std::uint32_t pattern = 0; // index given to add()
    };

    // Adds a pattern; returns its index. Call build() after the last add().
    std::uint32_t add(std::string_view pattern);
    void build();

    // Every occurrence of every pattern, in order of end position.
    std::vector<Match> find_all(std::string_view text) const;
    // Leftmost-longest, non-overlapping occurrences. Patterns that begin or end with an ASCII
    // letter or digit only match where the neighbouring character is not one (word bounds).
    // `accept`, when given, removes candidates before the choice (a rejected long match does
    // not hide the shorter ones it overlaps).
    std::vector<Match> find_longest(std::string_view text,
                                    const std::function<bool(const Match&)>& accept = {}) const;
    // The longest pattern that starts exactly at `pos`, if any.
    bool longest_at(std::string_view text, std::size_t pos, Match& out) const;

    std::size_t size() const { return lengths_.size(); }
    // True when find_all() runs as a DFA (false when its table would be too large).
    bool is_dfa() const { return !delta_.empty(); }
    std::uint32_t length(std::uint32_t pattern) const { return lengths_[pattern]; }

  private:
    struct Node {
        std::vector<std::pair<unsigned char, std::uint32_t>> next; // sorted by byte
        std::uint32_t fail = 0;
        std::uint32_t out = UINT32_MAX;  // pattern ending here (longest), or none
        std::uint32_t dict = UINT32_MAX; // nearest node on the fail chain with an output
    };
    static constexpr std::size_t kMaxDfaEntries = std::size_t{1} << 23; // 32 MiB of states
    static constexpr std::uint32_t kReports = 0x80000000u; // in delta_: the target reports
    std::uint32_t child(std::uint32_t node, unsigned char c) const;
    void build_dfa(const std::vector<std::uint32_t>& order);
    bool bounded(std::string_view text, std::uint32_t begin, std::uint32_t end) const;

    std::vector<Node> nodes_{Node{}};
    std::vector<std::uint32_t> lengths_;
    std::vector<std::string> patterns_;
    std::vector<std::uint32_t> root_next_; // dense transitions of the root (256)
    // The automaton as a DFA (fail links folded in), for find_all(): delta_[state * classes_ +
    // class_of_[byte]]. Bytes that no pattern contains share class 0. Empty when the table
    // would exceed kMaxDfaEntries; find_all() then follows the fail links.
    std::array<std::uint8_t, 256> class_of_{};
    std::uint32_t classes_ = 0;
    std::vector<std::uint32_t> delta_;
    bool built_ = false;
};

} // namespace citegraph
