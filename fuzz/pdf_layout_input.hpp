// The input encoding of the fuzz_pdf_layout target, shared with the test that replays its
// corpus (tests/robustness/test_regressions.cpp): each word is 11 bytes of geometry and flags
// followed by up to 7 bytes of text; a 0xFF byte starts a new page.
#pragma once

#include "citegraph/importers/pdf_layout.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace citegraph::fuzzing {

inline std::vector<pdf::Page> decode_pages(const std::uint8_t* data, std::size_t size) {
    std::vector<pdf::Page> pages(1);
    std::size_t i = 0;
    auto coord = [&](std::size_t k, double scale) {
        return (static_cast<double>(data[k]) * 256 + data[k + 1]) / 65535.0 * scale;
    };
    while (i < size) {
        if (data[i] == 0xFF) {
            pages.emplace_back();
            ++i;
            continue;
        }
        if (i + 11 > size) {
            break;
        }
        pdf::Word w;
        w.x0 = coord(i, 700) - 50;
        w.x1 = w.x0 + coord(i + 2, 200) - 10;
        w.y0 = coord(i + 4, 900) - 50;
        w.y1 = w.y0 + coord(i + 6, 40) - 5;
        w.size = coord(i + 8, 40) - 2;
        w.space_after = (data[i + 10] & 0x80) != 0;
        std::size_t n = data[i + 10] & 7;
        i += 11;
        for (std::size_t k = 0; k < n && i < size; ++k, ++i) {
            w.text += static_cast<char>(data[i]);
        }
        pages.back().words.push_back(std::move(w));
    }
    return pages;
}

// What the target checks of a layout: one offset per page, ordered and inside the text, and
// the text ends with a newline.
inline bool layout_holds(const std::vector<pdf::Page>& pages, const pdf::Layout& l) {
    if (l.page_begin.size() != pages.size()) {
        return false;
    }
    for (std::size_t p = 0; p < l.page_begin.size(); ++p) {
        if (l.page_begin[p] > l.text.size() || (p > 0 && l.page_begin[p] < l.page_begin[p - 1])) {
            return false;
        }
    }
    return l.text.empty() || l.text.back() == '\n';
}

} // namespace citegraph::fuzzing
