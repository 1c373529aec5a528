// The PDF importer: the layout rules on a few hand-placed words, then a two-page PDF laid out
// like an official resolution (tests/fixtures/pdf, written by make_fixtures.py) against the
// same document as plain text, and the refusals.
#include "citegraph/engine/error.hpp"
#include "citegraph/importers/pdf_layout.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace citegraph;
using namespace citegraph::testing;
using citegraph::pdf::lay_out;
using citegraph::pdf::Page;
using citegraph::pdf::Word;

namespace {

const std::string kPdfFixtures = std::string(CITEGRAPH_FIXTURES_DIR) + "/pdf/";

// Words of one line set in `size` points with baseline `y`, placed left to right from `x` with
// a gap of `gap` points (0.6 em per character, as in Courier).
std::vector<Word> line(double x, double y, double size, const std::vector<std::string>& words,
                       double gap = 3) {
    std::vector<Word> out;
    for (const auto& w : words) {
        Word word;
        word.text = w;
        word.x0 = x;
        word.x1 = x + 0.6 * size * static_cast<double>(w.size());
        word.y0 = y - size;
        word.y1 = y;
        word.size = size;
        word.space_after = true;
        x = word.x1 + gap;
        out.push_back(word);
    }
    out.back().space_after = false;
    return out;
}

Word sup(const std::string& digits, double x, double line_baseline, double line_size) {
    Word w;
    w.text = digits;
    w.size = 0.65 * line_size;
    w.x0 = x;
    w.x1 = x + 0.6 * w.size * static_cast<double>(digits.size());
    w.y1 = line_baseline - line_size / 3;
    w.y0 = w.y1 - w.size;
    return w;
}

void add(Page& p, const std::vector<Word>& ws) {
    p.words.insert(p.words.end(), ws.begin(), ws.end());
}

std::set<std::string> edge_set(const ImportBatch& b) {
    auto lines = edge_lines(b);
    return {lines.begin(), lines.end()};
}

} // namespace

TEST_CASE("pdf layout: a raised smaller digit run is a footnote marker", "[pdf][layout]") {
    Page p;
    auto ws = line(72, 100, 10, {"against", "Corruption,"});
    add(p, ws);
    p.words.push_back(sup("5", ws.back().x1, 100, 10));
    add(p, line(ws.back().x1 + 6, 100, 10, {"and", "2005"}));
    auto l = lay_out({p});
    CHECK(l.text == "against Corruption,\u2075 and 2005\n");
    CHECK(l.markers == 1);
}

TEST_CASE("pdf layout: digits in the line's own size stay text", "[pdf][layout]") {
    Page p;
    add(p, line(72, 100, 10, {"resolution", "1325", "(2000)"}));
    auto l = lay_out({p});
    CHECK(l.text == "resolution 1325 (2000)\n");
    CHECK(l.markers == 0);
}

TEST_CASE("pdf layout: glyph gaps decide word breaks the text layer got wrong", "[pdf][layout]") {
    Page p;
    // "Commissio" and "n" 1 pt apart with a space in the text layer; words 4 pt apart.
    auto a = line(72, 100, 10, {"the", "Commissio"}, 4);
    auto b = line(a.back().x1 + 1, 100, 10, {"n", "on", "Narcotic", "Drugs"}, 4);
    a.back().space_after = true;
    add(p, a);
    add(p, b);
    // "follow" "-up" 1.2 pt apart; "A" "/RES/1/1" with no gap and no space.
    auto c = line(72, 112, 10, {"the", "follow"}, 4);
    auto d = line(c.back().x1 + 1.2, 112, 10, {"-up", "to", "A"}, 4);
    auto e = line(d.back().x1, 112, 10, {"/RES/1/1"});
    c.back().space_after = true;
    d.back().space_after = false;
    add(p, c);
    add(p, d);
    add(p, e);
    auto l = lay_out({p});
    CHECK(l.text == "the Commission on Narcotic Drugs\nthe follow-up to A/RES/1/1\n");
}

TEST_CASE("pdf layout: ligatures are spelled out", "[pdf][layout]") {
    Page p;
    add(p, line(72, 100, 10,
                {"Reaf\xEF\xAC\x81rming", "\xEF\xAC\x83"
                                          "cient"}));
    CHECK(lay_out({p}).text == "Reaffirming fficient\n");
}

TEST_CASE("pdf layout: the gap between lines separates paragraphs", "[pdf][layout]") {
    Page p;
    for (int i = 0; i < 4; ++i) { // leading 12 pt: one paragraph
        add(p, line(72, 100 + 12 * i, 10, {"line", std::to_string(i)}));
    }
    add(p, line(96, 154, 10, {"next", "paragraph"})); // 18 pt below: a new one
    auto l = lay_out({p});
    CHECK(l.text == "line 0\nline 1\nline 2\nline 3\n\nnext paragraph\n");
}

TEST_CASE("pdf layout: running headers and footers go, footnotes stay", "[pdf][layout]") {
    std::vector<Page> pages(3);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Page& p = pages[i];
        add(p, line(123, 300, 10,
                    {"Body", "text", "of", "page", std::to_string(i + 1), "in", "body", "size"}));
        // Footer: page counter and job number (numbers only) on every page.
        add(p, line(60, 757, 8.5, {std::to_string(i + 1) + "/3"}));
        add(p, line(500, 757, 7, {"24-12345"}));
        if (i > 0) { // running header: symbol and title, smaller than the body
            add(p, line(60, 60, 8.5, {"A/RES/79/901"}));
            add(p, line(330, 50, 8.5, {"Fixture", "title"}));
        }
    }
    add(pages[0], line(440, 60, 10, {"A/RES/79/901"})); // the first page's own symbol stays
    // A footnote at the bottom of page 3: rule, then a numbered note in a smaller size.
    add(pages[2], line(96, 700, 8, {"__________________"}));
    pages[2].words.push_back(sup("1", 110, 724, 8.5));
    add(pages[2], line(123, 724, 8.5, {"A/80/83."}));
    auto l = lay_out(pages);
    CHECK(l.text == "A/RES/79/901\n\nBody text of page 1 in body size\n\n"
                    "Body text of page 2 in body size\n\nBody text of page 3 in body size\n\n"
                    "\u00B9 A/80/83.\n");
    CHECK(l.furniture == 3 * 2 + 2 * 2 + 1); // footers, headers, the rule
    REQUIRE(l.page_begin.size() == 3);
    CHECK(l.text.substr(l.page_begin[1] + 1, 4) == "Body");
}

TEST_CASE("pdf layout: each footnote is a block, a marker wrapped to a line start goes back",
          "[pdf][layout]") {
    Page p;
    auto a = line(72, 100, 10, {"the", "Convention"});
    add(p, a);
    p.words.push_back(sup("12", 72, 112, 10)); // the marker wrapped to the next line
    add(p, line(80, 112, 10, {"and", "the", "Protocol."}));
    add(p, line(96, 640, 8, {"__________________"}));
    p.words.push_back(sup("12", 110, 654, 8.5));
    add(p, line(123, 654, 8.5, {"United", "Nations,", "Treaty", "Series,"}));
    add(p, line(123, 664.5, 8.5, {"vol.", "2349."}));
    p.words.push_back(sup("13", 110, 675, 8.5));
    add(p, line(123, 675, 8.5, {"A/79/123."}));
    auto l = lay_out({p});
    CHECK(l.text == "the Convention\u00B9\u00B2\nand the Protocol.\n\n"
                    "\u00B9\u00B2 United Nations, Treaty Series,\nvol. 2349.\n\n"
                    "\u00B9\u00B3 A/79/123.\n");
    CHECK(l.markers == 3);
}

TEST_CASE("pdf importer: a resolution PDF gives the edges of its text", "[pdf][importer]") {
    auto& ctx = context();
    ImportResult pdf = import_file(ctx, kPdfFixtures + "A_RES_79_901.en.pdf");
    ImportResult txt = import_file(ctx, kPdfFixtures + "A_RES_79_901.en.txt");
    CHECK(pdf.batch.document.id == "A/RES/79/901");
    CHECK(pdf.batch.document.language == "en");
    CHECK(pdf.batch.document.source == kPdfFixtures + "A_RES_79_901.en.pdf");
    std::vector<std::string> labels;
    for (const auto& p : pdf.batch.document.paragraphs) {
        labels.push_back(p.label);
    }
    // The paragraph cut by the page end is whole again; header, footers and the rotated
    // margin text are not paragraphs.
    CHECK(labels == std::vector<std::string>{"pp1", "pp2", "pp3", "op1", "op2"});
    CHECK(pdf.batch.document.paragraphs[2].text ==
          "Noting the work of the United Nations Office on Drugs and Crime and of the "
          "Commission on Crime Prevention and Criminal Justice,");
    CHECK(edge_set(pdf.batch) == edge_set(txt.batch));
    CHECK(edge_set(pdf.batch) ==
          std::set<std::string>{"pp1 recalls object A/RES/46/152", "pp1 recalls object A/RES/60/1",
                                "pp1 recalls object treaty:uncac",
                                "pp1 recalls source treaty:uncac", "pp2 welcomes object body:sg",
                                "pp2 welcomes mention A/RES/78/229", "pp2 welcomes source A/79/123",
                                "pp3 notes object body:unodc", "pp3 notes object body:ccpcj",
                                "op1 requests addressee body:unodc",
                                "op2 requests addressee body:sg", "op2 requests source A/79/456"});
    CHECK(pdf.report.unresolved.empty());
    // Spans index the laid-out text (what `citegraph pdftext` prints).
    std::string bytes = read_file(kPdfFixtures + "A_RES_79_901.en.pdf");
    auto layout = read_pdf_layout("A_RES_79_901.en.pdf", bytes);
    for (const auto& e : pdf.batch.edges) {
        REQUIRE(e.prov.span_end <= layout.text.size());
        CHECK(e.prov.span_begin < e.prov.span_end);
    }
    const auto& op1 = pdf.batch.document.paragraphs[3];
    CHECK(layout.text.substr(op1.span_begin, 11) == "1. Requests");
}

TEST_CASE("pdf importer: the same edges whatever the file's language tag says", "[pdf][importer]") {
    // The language comes from the text when the name carries no tag.
    std::string bytes = read_file(kPdfFixtures + "A_RES_79_901.en.pdf");
    auto imp = make_pdf_importer(context());
    REQUIRE(imp->accepts("x.pdf", bytes.substr(0, 512)));
    ImportResult r = imp->import("A_RES_79_901.pdf", bytes);
    CHECK(r.batch.document.language == "en");
    CHECK(r.batch.edges.size() == 12);
}

TEST_CASE("pdf importer: scanned, damaged and truncated PDFs are refused clearly",
          "[pdf][importer]") {
    auto& ctx = context();
    CHECK_THROWS_WITH(import_file(ctx, kPdfFixtures + "scanned.en.pdf"),
                      Catch::Contains("scanned.en.pdf: scanned PDF: none of its 1 pages has a "
                                      "text layer; run OCR on it first"));
    auto imp = make_pdf_importer(context());
    CHECK_THROWS_WITH(imp->import("junk.pdf", "%PDF-1.7\nnot a pdf at all\n"),
                      Catch::Contains("junk.pdf: damaged or unreadable PDF"));
    std::string bytes = read_file(kPdfFixtures + "A_RES_79_901.en.pdf");
    CHECK_THROWS_AS(imp->import("cut.pdf", bytes.substr(0, 200)), InputError);
}

TEST_CASE("pdf importer: a Chinese PDF, its language found in the text", "[pdf][importer]") {
    // Written by make_zh_fixture.py (reportlab, WenQuanYi Micro Hei embedded); no tag in the name.
    auto& ctx = context();
    ImportResult pdf = import_file(ctx, kPdfFixtures + "A_RES_70_178.pdf");
    ImportResult txt = import_file(ctx, kPdfFixtures + "A_RES_70_178.zh.txt");
    CHECK(pdf.batch.document.id == "A/RES/70/178");
    CHECK(pdf.batch.document.language == "zh");
    REQUIRE(pdf.batch.document.paragraphs.size() == 4);
    // The marker after "决议，" is a footnote (its source), and the paragraph cut by the page
    // end continues after the footnote and the running header.
    CHECK(pdf.batch.document.paragraphs[1].text ==
          "回顾安全理事会第1373(2001)号决议以及联合国毒品和犯罪问题办公室的工作，");
    CHECK(has_edge(pdf.batch, "pp1 reaffirms source A/68/PV.70"));
    CHECK(has_edge(pdf.batch, "op1 requests addressee body:unodc"));
    CHECK(edge_set(pdf.batch) == edge_set(txt.batch));
    CHECK(pdf.batch.edges.size() == 10);
}
