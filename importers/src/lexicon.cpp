#include "citegraph/importers/lexicon.hpp"

#include "citegraph/engine/error.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace citegraph {
namespace {

// The Latin letters with a diacritic that French and Spanish verbs use, and their plain
// letters (OCR of old volumes and some web copies lose the accents).
std::string without_accents(const std::string& s) {
    static const std::pair<const char*, char> kFold[] = {
        {"\u00e0", 'a'}, {"\u00e2", 'a'}, {"\u00e1", 'a'}, {"\u00e4", 'a'}, {"\u00e7", 'c'},
        {"\u00e8", 'e'}, {"\u00e9", 'e'}, {"\u00ea", 'e'}, {"\u00eb", 'e'}, {"\u00ee", 'i'},
        {"\u00ef", 'i'}, {"\u00ed", 'i'}, {"\u00f4", 'o'}, {"\u00f3", 'o'}, {"\u00f6", 'o'},
        {"\u00f9", 'u'}, {"\u00fb", 'u'}, {"\u00fa", 'u'}, {"\u00fc", 'u'}, {"\u00c0", 'A'},
        {"\u00c2", 'A'}, {"\u00c1", 'A'}, {"\u00c7", 'C'}, {"\u00c8", 'E'}, {"\u00c9", 'E'},
        {"\u00ca", 'E'}, {"\u00ce", 'I'}, {"\u00cd", 'I'}, {"\u00d4", 'O'}, {"\u00d3", 'O'},
        {"\u00da", 'U'}, {"\u00db", 'U'}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        bool folded = false;
        for (const auto& [from, to] : kFold) {
            const std::size_t n = std::char_traits<char>::length(from);
            if (s.compare(i, n, from) == 0) {
                out += to;
                i += n;
                folded = true;
                break;
            }
        }
        if (!folded) {
            out += s[i++];
        }
    }
    return out;
}

std::vector<std::string> split(std::string_view line, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto pos = line.find(sep, start);
        out.emplace_back(line.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) {
            break;
        }
        start = pos + 1;
    }
    return out;
}

// Rows of a TSV file, without comments and blank lines. Missing optional files read as empty.
std::vector<std::vector<std::string>> read_tsv(const std::string& path, bool required) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (required) {
            throw Error(path + ": cannot read data table");
        }
        return {};
    }
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty() || line[0] == '#') {
            continue;
        }
        rows.push_back(split(line, '\t'));
    }
    return rows;
}

const std::string& at(const std::vector<std::string>& row, std::size_t i) {
    static const std::string empty;
    return i < row.size() ? row[i] : empty;
}

} // namespace

// ---- Gazetteer ------------------------------------------------------------------------------

void Gazetteer::load(const std::string& path) {
    auto rows = read_tsv(path, true);
    if (rows.empty()) {
        throw Error(path + ": empty gazetteer");
    }
    const auto& header = rows[0];
    auto col = [&](std::string_view name) -> std::size_t {
        auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) {
            throw Error(path + ": missing column '" + std::string(name) + "'");
        }
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t c_id = col("id"), c_kind = col("kind"), c_tags = col("tags"),
                      c_res = col("res_prefix"), c_dec = col("dec_prefix"), c_sym = col("symbol"),
                      c_vol = col("unts_volume"), c_num = col("unts_number");
    // Optional: the tables of before issue #15 have no `parent` column.
    const auto parent_it = std::find(header.begin(), header.end(), std::string("parent"));
    const std::size_t c_parent = static_cast<std::size_t>(parent_it - header.begin());
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        Entity e;
        e.id = at(row, c_id);
        auto kind = parse_node_kind(at(row, c_kind));
        if (e.id.empty() || !kind) {
            throw Error(path + ":" + std::to_string(r + 1) + ": bad id or kind");
        }
        e.kind = *kind;
        for (auto& t : split(at(row, c_tags), ',')) {
            if (!t.empty()) {
                e.tags.insert(t);
            }
        }
        e.res_prefix = at(row, c_res);
        e.dec_prefix = at(row, c_dec);
        e.symbol = at(row, c_sym);
        e.unts_volume = at(row, c_vol);
        e.unts_number = at(row, c_num);
        if (parent_it != header.end()) {
            e.parent = at(row, c_parent);
        }
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (header[c].rfind("name_", 0) == 0 && !at(row, c).empty()) {
                e.names[header[c].substr(5)] = at(row, c);
            }
        }
        if (index_.count(e.id) > 0) {
            throw Error(path + ":" + std::to_string(r + 1) + ": duplicate id " + e.id);
        }
        index_.emplace(e.id, entities_.size());
        entities_.push_back(std::move(e));
    }
    anaphor_keys_.assign(entities_.size(), {});
    for (std::size_t i = 0; i < entities_.size(); ++i) {
        const Entity& e = entities_[i];
        for (const auto& t : e.tags) {
            anaphor_keys_[i].emplace_back(t, e.id);
            anaphor_keys_[i].emplace_back("child:" + t, e.id);
        }
        if (e.parent.empty()) {
            continue;
        }
        auto p = index_.find(e.parent);
        if (p == index_.end()) {
            throw Error(path + ": " + e.id + ": unknown parent " + e.parent);
        }
        if (entities_[p->second].kind != NodeKind::Treaty) {
            continue; // an organ's subsidiary bodies are not what "the Committee" means
        }
        auto& keys = anaphor_keys_[p->second];
        for (const auto& t : e.tags) {
            std::string key = "child:" + t;
            bool taken = std::any_of(keys.begin(), keys.end(),
                                     [&](const auto& k) { return k.first == key; });
            if (!taken) {
                keys.emplace_back(std::move(key), e.id);
            }
        }
    }
}

const std::vector<std::pair<std::string, std::string>>&
Gazetteer::anaphor_keys(const Entity& e) const {
    // `e` is one of ours (from find()) on the import path: its index without a lookup.
    // (std::less: a total order even for a pointer into another gazetteer.)
    const std::less<const Entity*> before;
    if (!entities_.empty() && !before(&e, entities_.data()) &&
        before(&e, entities_.data() + entities_.size())) {
        return anaphor_keys_[static_cast<std::size_t>(&e - entities_.data())];
    }
    static const std::vector<std::pair<std::string, std::string>> none;
    auto it = index_.find(e.id);
    return it == index_.end() ? none : anaphor_keys_[it->second];
}

const Entity* Gazetteer::find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &entities_[it->second];
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

const Entity* Gazetteer::organ_of_symbol(std::string_view key) const {
    const Entity* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& e : entities_) {
        for (const std::string* prefix : {&e.res_prefix, &e.dec_prefix}) {
            // A template ("UNEP/EA.{session}/Res.{number}") matches by its head ("UNEP/EA.").
            const std::size_t brace = prefix->find('{');
            const std::string_view head = brace == std::string::npos
                                              ? std::string_view(*prefix)
                                              : std::string_view(*prefix).substr(0, brace);
            const bool ok = brace == std::string::npos
                                ? key.size() > head.size() && key[head.size()] == '/'
                                : key.size() > head.size();
            if (!head.empty() && head.size() > best_len && ok &&
                key.compare(0, head.size(), head) == 0) {
                best = &e;
                best_len = head.size();
            }
        }
    }
    return best;
}

std::vector<const Entity*> Gazetteer::by_unts(const std::string& number,
                                              const std::vector<std::string>& volumes) const {
    std::vector<const Entity*> out;
    for (const auto& e : entities_) {
        if (e.unts_number != number || e.unts_volume.empty()) {
            continue;
        }
        for (const auto& v : split(e.unts_volume, ';')) {
            if (std::find(volumes.begin(), volumes.end(), v) != volumes.end()) {
                out.push_back(&e);
                break;
            }
        }
    }
    return out;
}

// ---- Template -------------------------------------------------------------------------------

Template::Template(std::string_view spec) {
    std::size_t i = 0;
    while (i < spec.size()) {
        if (spec[i] == '{') {
            auto close = spec.find('}', i);
            Piece piece{true, std::string(spec.substr(i + 1, close - i - 1)), Slot::none};
            const std::string& name = piece.text;
            if (name == "num" || name == "Y" || name == "M" || name == "D") {
                piece.kind = Slot::digits;
            } else if (name == "zhnum") {
                piece.kind = Slot::zhnum;
            } else if (name == "month") {
                piece.kind = Slot::month;
            } else if (name == "ordinal") {
                piece.kind = Slot::ordinal;
            } else if (name == "vols") {
                piece.kind = Slot::vols;
            } else if (name == "word") {
                piece.kind = Slot::word;
            } else if (name == "any") {
                piece.kind = Slot::any;
            }
            pieces_.push_back(std::move(piece));
            i = close + 1;
        } else {
            auto next = spec.find('{', i);
            pieces_.push_back({false, std::string(spec.substr(i, next == std::string_view::npos
                                                                     ? std::string_view::npos
                                                                     : next - i))});
            i = next == std::string_view::npos ? spec.size() : next;
        }
    }
}

std::string Template::Result::get(std::string_view name) const {
    for (const auto& [k, v] : slots) {
        if (k == name) {
            return v;
        }
    }
    return {};
}

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

// Literal match where a space in the template matches any run of white space (or none).
bool match_literal(std::string_view lit, std::string_view text, std::size_t& pos) {
    std::size_t p = pos;
    for (std::size_t i = 0; i < lit.size(); ++i) {
        if (lit[i] == ' ') {
            while (p < text.size() && is_space(text[p])) {
                ++p;
            }
            continue;
        }
        if (p >= text.size() || text[p] != lit[i]) {
            return false;
        }
        ++p;
    }
    pos = p;
    return true;
}

std::size_t digits_at(std::string_view text, std::size_t pos) {
    std::size_t p = pos;
    while (p < text.size() && utf8::is_digit(text[p])) {
        ++p;
    }
    return p - pos;
}

constexpr std::string_view kZhDigits[] = {"零", "〇", "一", "二", "两", "三", "四", "五",
                                          "六", "七", "八", "九", "十", "百", "千"};

std::size_t zh_numeral_at(std::string_view text, std::size_t pos) {
    std::size_t p = pos;
    while (p < text.size()) {
        bool hit = false;
        for (auto d : kZhDigits) {
            if (text.substr(p, d.size()) == d) {
                p += d.size();
                hit = true;
                break;
            }
        }
        if (!hit) {
            break;
        }
    }
    return p - pos;
}

// Longest word from `words` at pos (case-sensitive), 0 if none.
template <typename Map>
std::size_t word_at(std::string_view text, std::size_t pos, const Map& words) {
    std::size_t best = 0;
    for (const auto& [w, v] : words) {
        if (w.size() > best && text.substr(pos, w.size()) == w) {
            best = w.size();
        }
    }
    return best;
}

} // namespace

bool Template::match(std::string_view text, std::size_t pos, const Lexicon& lex, Result& r) const {
    r.slots.clear();
    std::size_t p = pos;
    for (const auto& piece : pieces_) {
        if (!piece.slot) {
            if (!match_literal(piece.text, text, p)) {
                return false;
            }
            continue;
        }
        std::size_t n = 0;
        const std::string& s = piece.text;
        if (piece.kind == Slot::digits) {
            n = digits_at(text, p);
        } else if (piece.kind == Slot::zhnum) {
            n = digits_at(text, p);
            if (n == 0) {
                n = zh_numeral_at(text, p);
            }
        } else if (piece.kind == Slot::month) {
            n = lex.literals("month").longest_at(text, p); // the longest month name at p
        } else if (piece.kind == Slot::ordinal) {
            n = lex.literals("ordinal").longest_at(text, p); // 198 ordinals in English
        } else if (piece.kind == Slot::vols) {
            // number (sep number)*
            std::size_t q = p;
            std::size_t last_end = p;
            while (true) {
                std::size_t d = digits_at(text, q);
                if (d == 0) {
                    break;
                }
                q += d;
                last_end = q;
                bool sep = false;
                for (const auto& f : lex.values("list_separator")) {
                    std::size_t t = q;
                    while (t < text.size() && text[t] == ' ') {
                        ++t;
                    }
                    if (match_literal(f, text, t)) {
                        while (t < text.size() && text[t] == ' ') {
                            ++t;
                        }
                        if (t < text.size() && utf8::is_digit(text[t])) {
                            q = t;
                            sep = true;
                            break;
                        }
                    }
                }
                if (!sep) {
                    break;
                }
            }
            n = last_end - p;
        } else if (piece.kind == Slot::word) {
            while (p + n < text.size() && (utf8::is_ascii_alnum(text[p + n]) ||
                                           text[p + n] == '.' || text[p + n] == '-')) {
                ++n;
            }
        } else if (piece.kind == Slot::any) {
            auto nl = text.find('\n', p);
            n = (nl == std::string_view::npos ? text.size() : nl) - p;
        }
        if (n == 0) {
            return false;
        }
        r.slots.emplace_back(s, std::string(text.substr(p, n)));
        p += n;
    }
    r.end = p;
    return true;
}

// ---- Lexicon --------------------------------------------------------------------------------

Lexicon Lexicon::load(const std::string& data_dir, const std::string& lang,
                      const Gazetteer& gazetteer) {
    namespace fs = std::filesystem;
    std::string dir = data_dir + "/lexicon/" + lang;
    if (!fs::is_directory(dir)) {
        throw Error("no tables for language '" + lang + "' (" + dir + " does not exist)");
    }
    Lexicon lex;
    lex.lang_ = lang;

    // mandates.tsv (optional) has the same form as structure.tsv: the mandate reading's keys.
    auto structure_rows = read_tsv(dir + "/structure.tsv", true);
    for (auto& row : read_tsv(dir + "/mandates.tsv", false)) {
        structure_rows.push_back(std::move(row));
    }
    for (const auto& row : structure_rows) {
        const std::string& key = at(row, 0);
        if (key.rfind("tpl_", 0) == 0) {
            lex.templates_[key.substr(4)].emplace_back(at(row, 1));
        } else if (key == "month_number") {
            lex.months_[at(row, 1)] = std::stoi(at(row, 2));
            lex.structure_["month"].push_back(at(row, 1));
        } else if (key == "ordinal_number") {
            lex.ordinals_[at(row, 1)] = std::stoi(at(row, 2));
            lex.structure_["ordinal"].push_back(at(row, 1));
        } else {
            std::string value = at(row, 1);
            for (std::size_t c = 2; c < row.size(); ++c) {
                value += '\t' + row[c];
            }
            lex.structure_[key].push_back(value);
        }
    }

    std::size_t line = 0;
    for (const auto& row : read_tsv(dir + "/verbs.tsv", true)) {
        ++line;
        Verb v;
        v.surface = at(row, 0);
        auto rel = parse_relation(at(row, 1));
        if (v.surface.empty() || !rel) {
            throw Error(dir + "/verbs.tsv: row " + std::to_string(line) + ": unknown relation '" +
                        at(row, 1) + "'");
        }
        v.relation = *rel;
        v.anywhere = at(row, 2) == "any";
        for (auto& nb : split(at(row, 3), ',')) {
            if (!nb.empty()) {
                v.not_before.push_back(nb);
            }
        }
        lex.verbs_.push_back(std::move(v));
    }
    // Texts scanned without their accents ("Reaffirme", "Prie", "decide" in OCR'd volumes):
    // where the language's table allows it (verb_unaccented yes), each verb also matches with
    // its accented Latin letters written plain, unless that spelling is a row of its own.
    if (lex.value("verb_unaccented") == "yes") {
        std::set<std::string> surfaces;
        for (const auto& v : lex.verbs_) {
            surfaces.insert(v.surface);
        }
        const std::size_t rows = lex.verbs_.size();
        for (std::size_t i = 0; i < rows; ++i) {
            std::string plain = without_accents(lex.verbs_[i].surface);
            if (surfaces.insert(plain).second) {
                Verb v = lex.verbs_[i];
                v.surface = std::move(plain);
                lex.verbs_.push_back(std::move(v));
            }
        }
    }
    for (const auto& v : lex.verbs_) {
        lex.verb_ac_.add(v.surface);
    }
    lex.verb_ac_.build();

    // Aliases: every gazetteer name in this language, then the alias table.
    std::vector<std::string> title_marks;
    for (const auto& row : lex.values("title_mark")) {
        title_marks.push_back(row);
    }
    for (const auto& e : gazetteer.entities()) {
        auto it = e.names.find(lang);
        if (it != e.names.end()) {
            lex.aliases_.push_back({it->second, {e.id}, "", {}});
            // The name between title marks: 《联合国宪章》.
            for (const auto& tm : title_marks) {
                auto tab = tm.find('\t');
                if (tab != std::string::npos) {
                    lex.aliases_.push_back(
                        {tm.substr(0, tab) + it->second + tm.substr(tab + 1), {e.id}, "", {}});
                }
            }
        }
    }
    line = 0;
    for (const auto& row : read_tsv(dir + "/aliases.tsv", false)) {
        ++line;
        Alias a;
        a.text = at(row, 0);
        const std::string& target = at(row, 1);
        if (!target.empty() && target[0] == '@') {
            a.anaphor_tag = target.substr(1);
        } else {
            a.targets = split(target, ',');
            for (const auto& t : a.targets) {
                if (gazetteer.find(t) == nullptr) {
                    throw Error(dir + "/aliases.tsv: row " + std::to_string(line) +
                                ": unknown entity '" + t + "'");
                }
            }
        }
        if (a.text.empty()) {
            throw Error(dir + "/aliases.tsv: row " + std::to_string(line) + ": empty alias");
        }
        for (auto& nb : split(at(row, 2), ',')) {
            if (!nb.empty()) {
                a.not_before.push_back(nb);
            }
        }
        lex.aliases_.push_back(std::move(a));
    }
    // Later rows with the same text override earlier ones: add in reverse so that the
    // automaton (first added wins) keeps the alias table's entry over a plain name.
    std::vector<std::uint32_t> order(lex.aliases_.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = static_cast<std::uint32_t>(order.size() - 1 - i);
    }
    std::vector<Alias> ordered;
    for (auto i : order) {
        ordered.push_back(lex.aliases_[i]);
    }
    lex.aliases_ = std::move(ordered);
    for (const auto& a : lex.aliases_) {
        lex.alias_ac_.add(a.text);
    }
    lex.alias_ac_.build();
    // Long titles of treaties and instruments also match whatever their ASCII letters' case:
    // texts capitalise a treaty's title ("… Weapons Which May Be Deemed to Be Excessively
    // Injurious …") where the depositary's list does not ("… which may be deemed to be …").
    // Names of bodies and actors keep their case ("States members of the United Nations
    // Standing Advisory Committee" is not "States Members of the United Nations").
    auto titled = [&](const Alias& a) {
        for (const auto& id : a.targets) {
            const Entity* e = gazetteer.find(id);
            if (e == nullptr || (e->kind != NodeKind::Treaty && e->kind != NodeKind::Instrument)) {
                return false;
            }
        }
        return !a.targets.empty();
    };
    for (std::size_t i = 0; i < lex.aliases_.size(); ++i) {
        const Alias& a = lex.aliases_[i];
        if (a.anaphor_tag.empty() && titled(a) &&
            static_cast<std::size_t>(std::count(a.text.begin(), a.text.end(), ' ')) + 1 >=
                kFoldedAliasWords) {
            lex.folded_alias_ac_.add(ascii_lower(a.text));
            lex.folded_alias_index_.push_back(static_cast<std::uint32_t>(i));
        }
    }
    lex.folded_alias_ac_.build();

    for (const auto& row : read_tsv(dir + "/variants.tsv", false)) {
        const std::string& from = at(row, 0);
        const std::string& to = at(row, 1);
        char32_t a = 0, b = 0;
        if (from.empty() || to.empty()) {
            continue;
        }
        int la = utf8::decode(from, 0, a);
        int lb = utf8::decode(to, 0, b);
        if (static_cast<std::size_t>(la) == from.size() &&
            static_cast<std::size_t>(lb) == to.size()) {
            lex.char_variants_[a] = b;
            if (a < 0x10000) {
                lex.variant_bmp_[a >> 6] |= std::uint64_t{1} << (a & 63);
            }
        }
    }
    for (const auto& [key, values] : lex.structure_) {
        lex.literal_sets_.emplace(key, LiteralSet(values));
    }
    return lex;
}

LiteralSet::LiteralSet(const std::vector<std::string>& values) {
    for (const auto& v : values) {
        if (!v.empty()) {
            const auto first = static_cast<unsigned char>(v[0]);
            by_first_[first].push_back(v);
            starts_[first >> 6] |= std::uint64_t{1} << (first & 63);
            ++count_;
        }
    }
    for (auto& list : by_first_) {
        std::stable_sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
            return a.size() > b.size();
        });
    }
}

std::size_t LiteralSet::match_at(std::string_view text, std::size_t pos) const {
    const std::size_t rest = text.size() - pos;
    const char* at = text.data() + pos;
    for (const auto& v : by_first_[static_cast<unsigned char>(*at)]) { // the first byte matches
        // Literals are short and most candidates differ early: a byte loop is cheaper here
        // than a call to memcmp.
        const std::size_t n = v.size();
        if (n > rest) {
            continue;
        }
        std::size_t i = 1;
        while (i < n && at[i] == v[i]) {
            ++i;
        }
        if (i == n) {
            return n;
        }
    }
    return 0;
}

const LiteralSet& Lexicon::literals(std::string_view key) const {
    static const LiteralSet none;
    auto it = literal_sets_.find(key);
    return it == literal_sets_.end() ? none : it->second;
}

const std::vector<std::string>& Lexicon::values(std::string_view key) const {
    static const std::vector<std::string> none;
    auto it = structure_.find(key);
    return it == structure_.end() ? none : it->second;
}

std::string Lexicon::value(std::string_view key, std::string_view fallback) const {
    const auto& v = values(key);
    return v.empty() ? std::string(fallback) : v.front();
}

const std::vector<Template>& Lexicon::templates(std::string_view key) const {
    static const std::vector<Template> none;
    auto it = templates_.find(key);
    return it == templates_.end() ? none : it->second;
}

int Lexicon::month(std::string_view name) const {
    auto it = months_.find(name);
    return it == months_.end() ? 0 : it->second;
}

int Lexicon::ordinal(std::string_view word) const {
    auto it = ordinals_.find(word);
    return it == ordinals_.end() ? 0 : it->second;
}

std::size_t zh_numeral_length(std::string_view text, std::size_t pos) {
    return zh_numeral_at(text, pos);
}

int parse_zh_number(std::string_view text) {
    if (text.empty()) {
        return -1;
    }
    if (digits_at(text, 0) == text.size()) {
        return text.size() > 9 ? -1 : std::stoi(std::string(text));
    }
    long total = 0, section = 0, digit = -1;
    long positional = 0; // digits without units, read place by place: 一九四八 = 1948
    bool units = false;
    std::size_t p = 0;
    while (p < text.size()) {
        std::size_t idx = 0;
        for (; idx < std::size(kZhDigits); ++idx) {
            if (text.substr(p, kZhDigits[idx].size()) == kZhDigits[idx]) {
                break;
            }
        }
        if (idx == std::size(kZhDigits)) {
            return -1;
        }
        p += kZhDigits[idx].size();
        static constexpr int kValue[] = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000};
        int v = kValue[idx];
        if (v >= 10) {
            section += (digit < 0 ? 1 : digit) * v;
            digit = -1;
            units = true;
        } else {
            digit = v;
            positional = std::min(positional * 10 + v, 1000000000L); // too long: -1 below
        }
    }
    if (!units) {
        return positional > 999999999 ? -1 : static_cast<int>(positional);
    }
    total = section + (digit < 0 ? 0 : digit);
    (void)word_at<std::map<std::string, int>>; // keep the helper for ordinal lookups
    return static_cast<int>(total);
}

} // namespace citegraph
