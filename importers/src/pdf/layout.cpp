// Page geometry -> pipeline text. See pdf_layout.hpp for the rules.
#include "citegraph/importers/pdf_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace citegraph::pdf {
namespace {

// Thresholds, as fractions of a line's font size or of the page height. UN documents set the
// body in 10 pt on 12 pt leading with 6 pt between paragraphs, footnotes in 8.5 pt with
// markers in 5.5-6.5 pt raised by about a third of the line's size.
constexpr double kSameBaseline = 0.3; // baselines closer than this share a line
constexpr double kSuperSize = 0.8;    // a marker is at most this size of its line's text
constexpr double kSuperRaise = 0.1;   // and its baseline sits at least this far above
constexpr double kWideGap = 2.5;      // a horizontal gap this wide splits a line (columns)
constexpr double kTightGap = 0.12;    // a gap this narrow is no space, whatever the text says
constexpr double kWordGap = 0.2;      // a gap this wide is a space even without one in the text
constexpr double kParagraphGap =
    0.25;                            // a baseline distance over the leading plus this: a paragraph
constexpr double kSizeChange = 0.12; // so does a change of font size over this
constexpr double kSmaller = 0.95;    // furniture and footnotes are smaller than the body
constexpr double kTopZone = 0.12;    // running headers sit above this share of the page
constexpr double kBottomZone = 0.88; // footers below this one
constexpr std::size_t kRepeatPages = 3; // a line repeated on this many pages is furniture

bool digits_only(const std::string& s) {
    return !s.empty() && s.size() <= 4 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Typographic ligatures (U+FB00-FB06) spelled out: "Reaﬃrming" must read as "Reaffirming".
std::string unligature(const std::string& s) {
    if (s.find("\xEF\xAC") == std::string::npos) {
        return s;
    }
    static const char* const expand[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 2 < s.size() && s[i] == '\xEF' && s[i + 1] == '\xAC' &&
            static_cast<unsigned char>(s[i + 2]) >= 0x80 &&
            static_cast<unsigned char>(s[i + 2]) <= 0x86) {
            out += expand[static_cast<unsigned char>(s[i + 2]) - 0x80];
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string superscript(const std::string& digits) {
    static const char* const sup[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                      "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string out;
    for (char c : digits) {
        out += sup[c - '0'];
    }
    return out;
}

// A line as laid out: its words (normal and superscript) left to right.
struct Item {
    const Word* w;
    bool sup;
};
struct Line {
    std::vector<Item> items;
    double top = 0, baseline = 0, size = 0;
    bool split = false; // one of several pieces of a physical line (a column, a header cell)
    std::string text;   // assembled, superscripts as Unicode superscript digits
    std::string key;    // digits folded, for repetition across pages
    bool furniture_shape = false; // only numbers: "2/28", "23-25976 (E) 100124", "*2325976*"
};

// A font size a text layer can mean (damaged or hostile ones carry NaN, 0 or 1e300).
bool plausible_size(double size) {
    return std::isfinite(size) && size > 0 && size < 1000;
}

double body_size(const std::vector<Page>& pages) {
    std::map<long, std::size_t> chars;
    for (const auto& p : pages) {
        for (const auto& w : p.words) {
            if (!plausible_size(w.size)) {
                continue;
            }
            chars[std::lround(w.size * 10)] += w.text.size();
        }
    }
    long best = 0;
    std::size_t most = 0;
    for (auto [size, n] : chars) {
        if (n > most) {
            most = n;
            best = size;
        }
    }
    return static_cast<double>(best) / 10;
}

// Assembles a line's text from its items (left to right already).
void finish(Line& l) {
    l.text.clear();
    // The text layer's word breaks, unless the glyphs say otherwise: justified lines set
    // letter by letter split words and hyphens off ("Commissio n", "zero -" 1-1.4 pt apart,
    // words 3-4 pt apart). A gap under half the line's typical word gap is no space.
    std::vector<double> gaps;
    for (std::size_t k = 1; k < l.items.size(); ++k) {
        if (l.items[k - 1].w->space_after && !l.items[k].sup) {
            gaps.push_back(l.items[k].w->x0 - l.items[k - 1].w->x1);
        }
    }
    double tight = kTightGap * l.size;
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                         gaps.end());
        tight = std::max(tight, std::min(0.5 * gaps[gaps.size() / 2], kWordGap * l.size));
    }
    const Item* prev = nullptr;
    for (const auto& it : l.items) {
        if (prev != nullptr && !it.sup) {
            double gap = it.w->x0 - prev->w->x1;
            if (gap > kWordGap * l.size || (prev->w->space_after && gap > tight)) {
                l.text += ' ';
            }
        }
        l.text += it.sup ? superscript(it.w->text) : unligature(it.w->text);
        prev = &it;
    }
    l.key.clear();
    std::size_t letters = 0, digits = 0;
    int paren = 0;
    for (char c : l.text) {
        if (c >= '0' && c <= '9') {
            ++digits;
            if (l.key.empty() || l.key.back() != '#') {
                l.key += '#';
            }
        } else if (c != ' ') {
            l.key += c;
        }
        paren += c == '(' ? 1 : c == ')' ? -1 : 0;
        // Letters outside a parenthesised language code ("(E)"); ASCII letters and the lead
        // bytes of other scripts' characters.
        if (paren <= 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           static_cast<unsigned char>(c) >= 0xC0)) {
            ++letters;
        }
    }
    bool barcode = l.text.size() > 2 && l.text.front() == '*' && l.text.back() == '*';
    l.furniture_shape = barcode || (letters == 0 && digits > 0);
}

// The page's lines in reading order, superscript markers attached to the line they sit on.
std::vector<Line> lines_of(const Page& page) {
    std::vector<const Word*> words, digits;
    for (const auto& w : page.words) {
        bool sane = std::isfinite(w.x0) && std::isfinite(w.x1) && std::isfinite(w.y0) &&
                    std::isfinite(w.y1) && plausible_size(w.size);
        if (sane && !w.text.empty() && w.y1 > w.y0) {
            (digits_only(w.text) ? digits : words).push_back(&w);
        }
    }
    auto by_baseline = [](const Word* a, const Word* b) {
        return a->y1 != b->y1 ? a->y1 < b->y1 : a->x0 < b->x0;
    };
    std::sort(words.begin(), words.end(), by_baseline);
    std::sort(digits.begin(), digits.end(), by_baseline);

    std::vector<Line> lines;
    auto place = [&lines](const Word* w) {
        // The nearest line whose baseline is within tolerance; lines are kept by baseline.
        Line* best = nullptr;
        double best_d = 0;
        for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
            double tol = kSameBaseline * std::max(it->size, w->size);
            double d = std::fabs(it->baseline - w->y1);
            if (it->baseline < w->y1 - 3 * tol) {
                break;
            }
            if (d <= tol && (best == nullptr || d < best_d)) {
                best = &*it;
                best_d = d;
            }
        }
        if (best == nullptr) {
            Line l;
            l.top = w->y0;
            l.baseline = w->y1;
            l.size = w->size;
            auto pos =
                std::upper_bound(lines.begin(), lines.end(), w->y1,
                                 [](double y, const Line& other) { return y < other.baseline; });
            best = &*lines.insert(pos, std::move(l));
        }
        best->items.push_back({w, false});
        best->top = std::min(best->top, w->y0);
        best->size = std::max(best->size, w->size);
    };
    for (const Word* w : words) {
        place(w);
    }
    // Digit runs: a superscript marker when smaller than the line they sit on and raised above
    // its baseline, an ordinary word otherwise.
    std::vector<const Word*> plain;
    for (const Word* d : digits) {
        Line* host = nullptr;
        double centre = (d->y0 + d->y1) / 2;
        // The host's baseline is at or below the marker's centre: the nearest few lines there.
        auto from = std::lower_bound(lines.begin(), lines.end(), centre,
                                     [](const Line& l, double y) { return l.baseline < y; });
        for (auto it = from; it != lines.end() && it - from < 8; ++it) {
            Line& l = *it;
            if (d->size <= kSuperSize * l.size && centre >= l.top - 0.2 * l.size &&
                centre <= l.baseline && d->y1 < l.baseline - kSuperRaise * l.size &&
                (host == nullptr || l.baseline < host->baseline)) {
                host = &l;
            }
        }
        if (host != nullptr) {
            host->items.push_back({d, true});
        } else {
            plain.push_back(d);
        }
    }
    for (const Word* w : plain) {
        place(w);
    }

    // Pieces of one physical line far apart are separate lines (header cells, columns).
    std::vector<Line> out;
    for (auto& l : lines) {
        std::sort(l.items.begin(), l.items.end(),
                  [](const Item& a, const Item& b) { return a.w->x0 < b.w->x0; });
        Line piece = l;
        piece.items.clear();
        bool split = false;
        for (const auto& it : l.items) {
            if (!piece.items.empty() && !it.sup &&
                it.w->x0 - piece.items.back().w->x1 > kWideGap * l.size) {
                out.push_back(piece);
                piece.items.clear();
                split = true;
            }
            piece.items.push_back(it);
        }
        out.push_back(piece);
        if (split) {
            for (auto k = out.size() - 1;; --k) {
                out[k].split = true;
                if (out[k].baseline != l.baseline || k == 0 || out[k - 1].baseline != l.baseline) {
                    break;
                }
            }
        }
    }
    for (auto& l : out) {
        finish(l);
    }
    return out;
}

// The document's leading as a multiple of the font size: the distance between the baselines of
// successive lines of one size within a paragraph (1.2 for UN documents, 2 for typescript).
// Paragraph gaps are larger, and a document of short paragraphs has more of them than line
// pitches, so this is a low percentile of the observed distances, not the most common one.
double leading(const std::vector<std::vector<Line>>& lines) {
    std::vector<double> ratios;
    for (const auto& page : lines) {
        for (std::size_t i = 1; i < page.size(); ++i) {
            const Line& a = page[i - 1];
            const Line& b = page[i];
            if (a.split || b.split || a.size <= 0 || std::fabs(a.size - b.size) > 0.05 * a.size) {
                continue;
            }
            double r = (b.baseline - a.baseline) / a.size;
            if (r > 0.9 && r < 3.0) {
                ratios.push_back(r);
            }
        }
    }
    if (ratios.empty()) {
        return 1.2;
    }
    auto k = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 10);
    std::nth_element(ratios.begin(), k, ratios.end());
    return *k;
}

bool is_rule(const std::string& t) {
    return t.size() >= 5 && t.find_first_not_of('_') == std::string::npos;
}

} // namespace

Layout lay_out(const std::vector<Page>& pages) {
    Layout out;
    out.body_size = body_size(pages);
    const double body = out.body_size;

    std::vector<std::vector<Line>> lines;
    lines.reserve(pages.size());
    for (const auto& p : pages) {
        lines.push_back(lines_of(p));
    }
    const double lead = leading(lines);
    // Lines repeated at the top or the bottom of many pages (digits folded): page furniture.
    std::map<std::string, std::set<std::size_t>> top_keys, bottom_keys;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& l : lines[p]) {
            if (l.baseline < kTopZone * pages[p].height) {
                top_keys[l.key].insert(p);
            } else if (l.top > kBottomZone * pages[p].height) {
                bottom_keys[l.key].insert(p);
            }
        }
    }

    for (std::size_t p = 0; p < pages.size(); ++p) {
        const double h = pages[p].height;
        out.page_begin.push_back(static_cast<std::uint32_t>(out.text.size()));
        if (!out.text.empty()) {
            out.text += '\n'; // a page starts a block; the segmenter rejoins cut paragraphs
        }
        bool seen_body = false;
        bool footnotes = false;
        const Line* prev = nullptr;
        for (std::size_t i = 0; i < lines[p].size(); ++i) {
            const Line& l = lines[p][i];
            bool smaller = l.size < kSmaller * body;
            bool top = l.baseline < kTopZone * h;
            bool bottom = l.top > kBottomZone * h;
            bool repeated = (top && top_keys[l.key].size() >= kRepeatPages) ||
                            (bottom && bottom_keys[l.key].size() >= kRepeatPages);
            bool furniture = (p > 0 && top && !seen_body && (smaller || repeated)) ||
                             (bottom && (l.furniture_shape || repeated)) || is_rule(l.text);
            if (!smaller) {
                seen_body = true;
            }
            if (furniture) {
                ++out.furniture;
                if (is_rule(l.text)) {
                    footnotes = true;
                }
                continue;
            }
            bool starts_marker = l.items.front().sup;
            if (!footnotes && starts_marker && smaller && l.top > 0.6 * h) {
                footnotes = true; // no rule in the text layer: the first numbered small line
            }
            out.markers += static_cast<std::size_t>(std::count_if(
                l.items.begin(), l.items.end(), [](const Item& it) { return it.sup; }));

            bool new_block = prev == nullptr || l.split || prev->split;
            if (prev != nullptr) {
                double size = std::max(prev->size, l.size);
                new_block = new_block ||
                            l.baseline - prev->baseline > (lead + kParagraphGap) * size ||
                            std::fabs(prev->size - l.size) > kSizeChange * size;
            }
            if (footnotes) {
                new_block = new_block || starts_marker;
            } else if (starts_marker && prev != nullptr && !new_block) {
                // A marker wrapped to the start of a line belongs to the word before it.
                std::string sup = superscript(l.items.front().w->text);
                if (!out.text.empty() && out.text.back() == '\n') {
                    out.text.insert(out.text.size() - 1, sup);
                }
                std::string rest = l.text.substr(sup.size());
                while (!rest.empty() && rest.front() == ' ') {
                    rest.erase(0, 1);
                }
                out.text += rest;
                out.text += '\n';
                prev = &l;
                continue;
            }
            if (new_block && prev != nullptr) {
                out.text += '\n';
            }
            out.text += l.text;
            out.text += '\n';
            prev = &l;
        }
    }
    return out;
}

} // namespace citegraph::pdf
