// From the words a PDF's text layer places on its pages to the text the resolution pipeline
// reads. This stage uses what the page geometry knows and a plain-text extraction loses:
//
// - superscript footnote markers (a smaller digit run raised above its line's baseline) are
//   written as Unicode superscript digits, which the clean stage takes as markers before any
//   other normalisation ("thereto,¹ the Single Convention");
// - running headers and footers (job numbers, page counters, barcodes, the symbol and the
//   running title at the tops of pages after the first) are dropped by their position on the
//   page, their size and their repetition from page to page;
// - paragraphs are separated by a blank line where the vertical gap between two lines, or a
//   change of font size, says a new paragraph begins; lines cut by the page end simply follow
//   each other, so the segmenter rejoins them across the footnotes;
// - the footnote area (below the rule, set in a smaller size) gives one block per footnote,
//   each starting with its number.
//
// The input is plain data (no PDF library here), so each rule can be tested on a few words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace citegraph::pdf {

// One word as the PDF's text layer places it: box in points from the page's top-left corner.
struct Word {
    std::string text; // UTF-8
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double size = 0;          // font size in points
    bool space_after = false; // the text layer puts a space after this word
};

struct Page {
    double width = 612, height = 792;
    std::vector<Word> words;
};

struct Layout {
    std::string text;                      // the text the pipeline reads (spans refer to it)
    std::vector<std::uint32_t> page_begin; // byte offset in `text` where each page starts
    std::size_t markers = 0;               // superscript footnote markers written
    std::size_t furniture = 0;             // header and footer lines dropped
    double body_size = 0;                  // the body text's font size, points
};

Layout lay_out(const std::vector<Page>& pages);

} // namespace citegraph::pdf
