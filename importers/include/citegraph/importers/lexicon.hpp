// Languages are data. A Lexicon is everything the text pipeline knows about one language,
// read from data/lexicon/<lang>/; the Gazetteer is the language-neutral list of works and
// bodies (data/gazetteer/entities.tsv) with each language's names and aliases.
//
// File formats (UTF-8, tab-separated, '#' starts a comment line):
//   data/gazetteer/entities.tsv   header row names the columns: id kind tags res_prefix
//                                 dec_prefix symbol unts_volume unts_number name_<lang>...
//   data/lexicon/<lang>/aliases.tsv     alias  target[,target...] | @tag (anaphor)
//   data/lexicon/<lang>/verbs.tsv       surface  relation  start|any  [not-followed-by,...]
//   data/lexicon/<lang>/structure.tsv   key  value  [value2]   (keys documented in the file)
//   data/lexicon/<lang>/variants.tsv    variant  standard   (character or string mapping)
//   data/lexicon/<lang>/mandates.tsv    key  value  [value2]   (mandate reading, see the file)
#pragma once

#include "citegraph/engine/schema.hpp"
#include "citegraph/importers/aho_corasick.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

struct Entity {
    std::string id;
    NodeKind kind = NodeKind::Body;
    std::set<std::string> tags; // e.g. "convention", "office", "self" (no edges)
    std::string res_prefix;     // for bodies with a resolution series: "E/RES", ...
    std::string dec_prefix;
    std::string symbol;      // the document that adopted an instrument, if any
    std::string unts_volume; // ';'-separated
    std::string unts_number;
    std::map<std::string, std::string> names; // lang -> name
    // The treaty a treaty body or conference belongs to, or the organ a body reports to
    // (column `parent`; empty when the table has no such column).
    std::string parent;
};

class Gazetteer {
  public:
    void load(const std::string& path);
    const Entity* find(std::string_view id) const;
    const std::vector<Entity>& entities() const { return entities_; }
    // The body whose resolution or decision series the symbol `key` is in ("S/RES/1373(2001)"
    // -> the Security Council; the longest prefix wins: "A/HRC/RES/…" is the Council's, not
    // the Assembly's); nullptr when no body has that series.
    const Entity* organ_of_symbol(std::string_view key) const;
    // Treaties registered under UNTS number `number` whose volume is one of `volumes`.
    std::vector<const Entity*> by_unts(const std::string& number,
                                       const std::vector<std::string>& volumes) const;
    // What naming `e` in a document makes an anaphor (`@key` in aliases.tsv) point to, as
    // (key, entity) pairs: each tag of `e` -> `e`; "child:" + each tag of `e` -> `e`; and, when
    // `e` is a treaty, "child:" + each tag of the bodies whose parent it is -> that body (the
    // first such body in table order per tag). So "@child:conference" is the conference
    // named last or the conference of the treaty named last, whichever came later: after the
    // Framework Convention on Climate Change, "the Conference of the Parties" is its COP.
    const std::vector<std::pair<std::string, std::string>>& anaphor_keys(const Entity& e) const;

  private:
    std::vector<Entity> entities_;
    std::vector<std::vector<std::pair<std::string, std::string>>> anaphor_keys_; // by index
    std::map<std::string, std::size_t, std::less<>> index_;
};

// A small pattern language for structural lines: literal text, flexible white space where the
// template has a space, and slots: {num} ASCII digits, {zhnum} Chinese or ASCII numeral,
// {month} a month name of the lexicon, {ordinal} an ordinal word of the lexicon, {word} a run
// of letters, digits, dots and hyphens, {vols} a list
// of numbers joined by the lexicon's list separators, {any} the rest of the line.
class Template {
  public:
    Template() = default;
    explicit Template(std::string_view spec);
    struct Result {
        std::size_t end = 0;
        std::vector<std::pair<std::string, std::string>> slots; // name, captured text
        std::string get(std::string_view name) const;
    };
    // Matches at `pos`; fills `r` and returns true on success.
    bool match(std::string_view text, std::size_t pos, const class Lexicon& lex, Result& r) const;
    bool empty() const { return pieces_.empty(); }

  private:
    // What a slot matches, decided once from its name (match() runs at many positions).
    enum class Slot : std::uint8_t { none, digits, zhnum, month, ordinal, vols, word, any };
    struct Piece {
        bool slot = false;
        std::string text; // literal, or slot name
        Slot kind = Slot::none;
    };
    std::vector<Piece> pieces_;
};

struct Verb {
    std::string surface;
    Relation relation = Relation::notes;
    bool anywhere = false; // also after a clause boundary, not only at paragraph start
    std::vector<std::string> not_before; // the verb does not count when one of these follows
};

struct Alias {
    std::string text;
    std::vector<std::string> targets;    // entity ids
    std::string anaphor_tag;             // non-empty: resolves to the latest entity with this tag
    std::vector<std::string> not_before; // the alias does not count when one of these follows
};

// A list of literals indexed by first byte, longest first: literal_at() tries only the few
// that can start at a position instead of the whole list.
class LiteralSet {
  public:
    LiteralSet() = default;
    explicit LiteralSet(const std::vector<std::string>& values);
    // Length of the longest literal at text[pos], 0 if none. Inline: most positions are
    // turned away by the first-byte bitmap without a call.
    std::size_t longest_at(std::string_view text, std::size_t pos) const {
        if (pos >= text.size() || !can_start(static_cast<unsigned char>(text[pos]))) {
            return 0;
        }
        return match_at(text, pos);
    }
    // The first position at or after `pos` whose byte can start a literal, or text.size().
    std::size_t next_start(std::string_view text, std::size_t pos) const {
        while (pos < text.size() && !can_start(static_cast<unsigned char>(text[pos]))) {
            ++pos;
        }
        return pos < text.size() ? pos : text.size();
    }
    // True when some literal starts with this byte.
    bool can_start(unsigned char byte) const { return (starts_[byte >> 6] >> (byte & 63)) & 1U; }
    bool empty() const { return count_ == 0; }

  private:
    std::size_t match_at(std::string_view text, std::size_t pos) const;

    std::array<std::vector<std::string>, 256> by_first_;
    std::array<std::uint64_t, 4> starts_{}; // bitmap of the first bytes of the literals
    std::size_t count_ = 0;
};

class Lexicon {
  public:
    // Reads data/lexicon/<lang>/ and the gazetteer names for `lang`. Throws citegraph::Error
    // when the folder does not exist (no tables for that language).
    static Lexicon load(const std::string& data_dir, const std::string& lang,
                        const Gazetteer& gazetteer);

    const std::string& language() const { return lang_; }

    // Structure values by key (see structure.tsv).
    const std::vector<std::string>& values(std::string_view key) const;
    // The same values as a LiteralSet, for scanning text.
    const LiteralSet& literals(std::string_view key) const;
    std::string value(std::string_view key, std::string_view fallback = "") const;
    const std::vector<Template>& templates(std::string_view key) const;

    const std::vector<Verb>& verbs() const { return verbs_; }
    const AhoCorasick& verb_automaton() const { return verb_ac_; }
    const std::vector<Alias>& aliases() const { return aliases_; }
    const AhoCorasick& alias_automaton() const { return alias_ac_; }
    // The aliases of kFoldedAliasWords words or more, ASCII-lowercased, for matching on
    // ascii_lower(text); pattern i is aliases()[folded_alias_index()[i]].
    static constexpr std::size_t kFoldedAliasWords = 5;
    const AhoCorasick& folded_alias_automaton() const { return folded_alias_ac_; }
    const std::vector<std::uint32_t>& folded_alias_index() const { return folded_alias_index_; }
    // Variant spellings to standard ones (traditional characters, ligatures...).
    const std::map<char32_t, char32_t>& char_variants() const { return char_variants_; }
    // The standard spelling of one character (itself when it has no variant entry). A bitmap
    // over the Basic Multilingual Plane turns most characters away without a search.
    char32_t standard_char(char32_t cp) const {
        if (cp < 0x10000 && !((variant_bmp_[cp >> 6] >> (cp & 63)) & 1U)) {
            return cp;
        }
        auto it = char_variants_.find(cp);
        return it == char_variants_.end() ? cp : it->second;
    }

    int month(std::string_view name) const;   // 1..12, 0 if unknown
    int ordinal(std::string_view word) const; // 0 if unknown

  private:
    std::string lang_;
    std::map<std::string, std::vector<std::string>, std::less<>> structure_;
    std::map<std::string, LiteralSet, std::less<>> literal_sets_;
    std::map<std::string, std::vector<Template>, std::less<>> templates_;
    std::vector<Verb> verbs_;
    AhoCorasick verb_ac_;
    std::vector<Alias> aliases_;
    AhoCorasick alias_ac_;
    AhoCorasick folded_alias_ac_;
    std::vector<std::uint32_t> folded_alias_index_;
    std::map<char32_t, char32_t> char_variants_;
    std::vector<std::uint64_t> variant_bmp_ = std::vector<std::uint64_t>(0x10000 / 64, 0);
    std::map<std::string, int, std::less<>> months_;
    std::map<std::string, int, std::less<>> ordinals_;
};

// The text with ASCII letters in lower case (same length: positions carry over).
std::string ascii_lower(std::string_view text);

// Value of a Chinese numeral (六十八 -> 68, 一百零八 -> 108; digits without units are read
// place by place: 一九四八 -> 1948, 一八一 -> 181) or ASCII digits; -1 if neither.
int parse_zh_number(std::string_view text);
// Byte length of the Chinese numeral (〇零一…九十百千两) at text[pos], 0 if none.
std::size_t zh_numeral_length(std::string_view text, std::size_t pos);

} // namespace citegraph
