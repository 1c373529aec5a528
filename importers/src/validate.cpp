// The checks every import passes after extraction (text and PDF alike), on the batch the
// importer built: data the store must not take as it is. See validate.hpp.
#include "validate.hpp"

#include "citegraph/engine/error.hpp"
#include "citegraph/engine/text.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace citegraph {

namespace {

// Writing systems of the six UN languages, by Unicode block (letters only; digits,
// punctuation and symbols belong to none).
enum Script : std::size_t { kLatin, kCyrillic, kArabic, kHan, kOther, kScripts };
constexpr const char* kScriptNames[] = {"Latin", "Cyrillic", "Arabic", "Han", "another script"};

Script script_of(char32_t cp) {
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F)) {
        return cp == 0xD7 || cp == 0xF7 ? kScripts : kLatin; // × ÷
    }
    if (cp >= 0x400 && cp <= 0x52F) {
        return kCyrillic;
    }
    if ((cp >= 0x620 && cp <= 0x64A) || (cp >= 0x66E && cp <= 0x6D3) ||
        (cp >= 0x750 && cp <= 0x77F) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF)) {
        return kArabic;
    }
    if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0x20000 && cp <= 0x3FFFF)) {
        return kHan;
    }
    if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x530 && cp <= 0x5FF) ||
        (cp >= 0x900 && cp <= 0x0DFF) || (cp >= 0xE00 && cp <= 0xEFF) ||
        (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7A3)) {
        return kOther; // Greek, Armenian, Hebrew, Indic, Thai, kana, Hangul
    }
    return kScripts; // not a letter of any script we count
}

using Counts = std::array<std::size_t, kScripts>;

void count_letters(std::string_view s, Counts& counts, std::size_t& total, std::size_t limit) {
    for (std::size_t i = 0; i < s.size() && total < limit;) {
        auto cp = decode_utf8(s, i);
        if (!cp) {
            ++i;
            continue;
        }
        Script sc = script_of(*cp);
        if (sc != kScripts) {
            ++counts[sc];
            ++total;
        }
    }
}

Script dominant(const Counts& counts) {
    return static_cast<Script>(std::max_element(counts.begin(), counts.end()) - counts.begin());
}

// The script a language is written in, read from its own tables: the letters of its clause
// verbs (data/lexicon/<lang>/verbs.tsv). Nothing about any language is written here.
Script script_of_tables(const Lexicon& lex) {
    Counts counts{};
    std::size_t total = 0;
    for (const auto& v : lex.verbs()) {
        count_letters(v.surface, counts, total, static_cast<std::size_t>(-1));
    }
    return total == 0 ? kScripts : dominant(counts);
}

// A text whose letters are in another script than its language's tables reads with the
// wrong tables: no verb, no organ, no date matches, and the import keeps no edge. At least
// 50 letters, and under a tenth of them in the tables' script while another script has
// more than half: a text in another language, not one that quotes a foreign name.
void check_script(const ImportResult& r, const Lexicon& lex, const std::string& path) {
    const Script expected = script_of_tables(lex);
    if (expected == kScripts) {
        return;
    }
    Counts counts{};
    std::size_t total = 0;
    for (const auto& p : r.batch.document.paragraphs) {
        count_letters(p.text, counts, total, 1u << 20);
    }
    const Script found = dominant(counts);
    if (total < 50 || found == expected || counts[expected] * 10 >= total ||
        counts[found] * 2 <= total) {
        return;
    }
    throw InputError(path, "the text is written in " + std::string(kScriptNames[found]) +
                               " script (" + std::to_string(counts[found]) + " of " +
                               std::to_string(total) + " letters) but its language is '" +
                               r.report.language + "', whose tables are in " +
                               kScriptNames[expected] +
                               " script; give the right language with --lang or in the file "
                               "name (X.zh.txt)");
}

} // namespace

void validate_import(ImportResult& r, const Lexicon& lex, const std::string& path) {
    check_script(r, lex, path);
    ImportBatch& b = r.batch;
    const std::string& self = b.document.id;

    // Impossible calendar dates (31 February, month 13) are dropped, not stored: the
    // exporters would type them xsd:date / Neo4j date, which readers reject.
    for (auto& n : b.nodes) {
        if (!n.date.empty() && !is_iso_date(n.date, true)) {
            r.report.warnings.push_back("impossible date '" + n.date + "' of " + n.id + " dropped");
            n.date.clear();
        }
    }

    // A document citing itself (its own symbol in its text, or a header that names it as
    // its own report) is no citation: the edge is dropped.
    std::map<std::string, std::size_t> self_citations; // paragraph -> count
    auto is_self = [&](const EdgeRecord& e) { return e.target == self && e.source == self; };
    for (const auto& e : b.edges) {
        if (is_self(e)) {
            ++self_citations[e.prov.paragraph];
        }
    }
    if (!self_citations.empty()) {
        std::string where;
        std::size_t n = 0;
        for (const auto& [paragraph, count] : self_citations) {
            where += (where.empty() ? "" : ", ") + paragraph;
            n += count;
        }
        b.edges.erase(std::remove_if(b.edges.begin(), b.edges.end(), is_self), b.edges.end());
        r.report.edges = b.edges.size();
        r.report.warnings.push_back("the document cites itself (" + std::to_string(n) +
                                    (n == 1 ? " citation" : " citations") + " in " + where +
                                    "): not stored as edges");
    }

    // Paragraph numbers are the paragraphs' keys (cites --paragraph, related ID#op3, the
    // edges' provenance): two paragraphs with one number would merge in every query. The
    // document is refused rather than stored with a wrong key.
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < b.document.paragraphs.size(); ++i) {
        const auto& label = b.document.paragraphs[i].label;
        auto [it, fresh] = seen.emplace(label, i);
        if (!fresh) {
            throw InputError(path, "paragraph " + label + " occurs twice (paragraphs " +
                                       std::to_string(it->second + 1) + " and " +
                                       std::to_string(i + 1) +
                                       " of the document): the numbering is broken; fix the "
                                       "text so that each paragraph number occurs once");
        }
    }
}

} // namespace citegraph
