// The UN-resolution text pipeline: clean -> segment -> extract (tokenize, find references,
// resolve them to nodes) -> an ImportBatch. Every stage is language-neutral code driven by a
// Lexicon; every record keeps a span into the original bytes.
#pragma once

#include "citegraph/engine/model.hpp"
#include "citegraph/importers/lexicon.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph::text {

// ---- clean ----------------------------------------------------------------------------------

struct FootnoteMarker {
    std::uint32_t pos = 0; // in CleanText::text: the marker stood just before this byte
    int number = 0;
};

// The input validated and normalised for matching: line ends unified, superscript footnote
// markers taken out (and recorded) *before* any other normalisation, full-width forms and
// variant characters mapped, white space collapsed and dropped next to CJK characters.
struct CleanText {
    std::string text;
    std::vector<std::uint32_t> origin;    // origin[i]: byte offset in the raw input of text[i]
    std::vector<std::uint8_t> origin_len; // byte length of the raw character text[i] came from
    std::vector<FootnoteMarker> markers;
    std::uint32_t raw_size = 0;

    std::uint32_t raw_offset(std::uint32_t pos) const {
        return pos < origin.size() ? origin[pos] : raw_size;
    }
    // End (exclusive) in the raw input of the character at `pos`.
    std::uint32_t raw_end(std::uint32_t pos) const {
        return pos < origin.size() ? origin[pos] + origin_len[pos] : raw_size;
    }
};

// Throws InputError (naming `file`, line, column and byte) for empty, binary, UTF-16 or
// invalid UTF-8 input.
CleanText clean(std::string_view raw, const Lexicon& lex, const std::string& file);

// ---- segment --------------------------------------------------------------------------------

// A run of text assembled from ranges of the clean text (a paragraph broken by a page end is
// two ranges). `map[i]` is the clean-text position of text[i].
struct Span {
    std::string text;
    std::vector<std::uint32_t> map;
    std::vector<FootnoteMarker> markers; // positions in `text`

    std::uint32_t clean_pos(std::uint32_t i) const {
        return i < map.size() ? map[i] : (map.empty() ? 0 : map.back() + 1);
    }
};

struct Paragraph {
    std::string label; // pp1..ppN, op1..opM
    bool operative = false;
    std::uint32_t body_begin = 0; // where the text after "N." starts
    Span span;
};

struct Header {
    std::string symbol_text; // "68/193" as written in the title line
    std::string title;
    std::string session;        // "68"
    std::string agenda_item;    // "108"
    std::string date;           // adoption date, ISO
    std::string meeting;        // closing plenary meeting number
    std::optional<Span> report; // "[adopted on the report of …]"
    std::string organ = "body:ga";
};

struct Segmented {
    Header header;
    std::vector<Paragraph> paragraphs;
    std::map<int, Span> footnotes; // by number: the first text given for it
};

Segmented segment(const CleanText& clean, const Lexicon& lex, const Gazetteer& gaz);

// ---- extract and resolve --------------------------------------------------------------------

struct Unresolved {
    std::string paragraph;
    std::string text;
    std::string reason;
};

struct Extraction {
    std::vector<NodeRecord> nodes;
    std::vector<EdgeRecord> edges;
    std::vector<Unresolved> unresolved;
};

// Finds every reference in the segmented document and resolves it to a node; `doc` is the
// citing document's id, `lang` the language recorded on the edges.
Extraction extract(const Segmented& seg, const CleanText& clean, const Lexicon& lex,
                   const Gazetteer& gaz, const std::string& doc, const std::string& lang);

// The clause verbs of one paragraph as the tokenizer sees them: (verb as written, relation),
// in order. For checking verb tables against parallel texts.
std::vector<std::pair<std::string, Relation>>
clause_verbs(std::string_view paragraph, const Lexicon& lex, const Gazetteer& gaz);

// ISO date from a matched date template (Y, M or month, D slots), "" if not a valid date.
std::string iso_date(const Template::Result& r, const Lexicon& lex);

} // namespace citegraph::text
