// Official PDFs of ../shared/corpus (label corpus) against the texts other tools extracted from
// the same PDFs: every PDF imports (the scanned Russian one is refused), and the edges agree.
//
// Two kinds of pairs. The eight en-ga texts were extracted by a careful tool: paragraphs
// match one for one, and where a paragraph's text differs, it differs only by footnote markers
// the text kept as plain digits ("Officials 30 and", "18 May 201834"), which the PDF importer
// reads as superscripts; paragraphs of identical text give identical edges. The misc texts of
// A/RES/73/3-8 (pdftotext's default mode: footers and footnotes inside paragraphs, no blank
// lines between paragraphs) and S/2018/221, S/2020/110 (a dataset's JSON, one paragraph per
// line) are damaged: there, paragraphs of identical text must give identical edges, and the
// PDF import must be clean (no page furniture in any paragraph, operative paragraphs numbered
// without a gap).
#include "citegraph/engine/error.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

using namespace citegraph;
using namespace citegraph::testing;

namespace {

const std::string kCorpus = std::string(CITEGRAPH_SHARED_DIR) + "/corpus/";

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '\n') {
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

// Whether `txt` is `pdf` with some runs of digits added (spaces ignored): the footnote markers
// a text extraction leaves in the running text.
bool differs_by_markers(const std::string& pdf, const std::string& txt) {
    std::string a, b;
    for (char c : pdf) {
        if (c != ' ') {
            a += c;
        }
    }
    for (char c : txt) {
        if (c != ' ') {
            b += c;
        }
    }
    std::size_t i = 0, j = 0;
    while (j < b.size()) {
        if (i < a.size() && a[i] == b[j]) {
            ++i;
            ++j;
        } else if (b[j] >= '0' && b[j] <= '9') {
            ++j;
        } else {
            return false;
        }
    }
    return i == a.size();
}

struct Imported {
    std::map<std::string, std::string> text;            // label -> squeezed text
    std::map<std::string, std::set<std::string>> edges; // label -> "relation role target"
    std::vector<std::string> labels;
};

Imported load(const std::string& path) {
    ImportResult r = import_file(context(), path);
    Imported out;
    for (const auto& p : r.batch.document.paragraphs) {
        out.labels.push_back(p.label);
        out.text[p.label] = squeeze(p.text);
    }
    for (const auto& e : r.batch.edges) {
        out.edges[e.prov.paragraph].insert(std::string(to_string(e.relation)) + " " +
                                           std::string(to_string(e.role)) + " " + e.target);
    }
    return out;
}

// Paragraphs whose text both imports read the same must carry the same edges.
std::size_t check_identical_paragraphs(const std::string& name, const Imported& pdf,
                                       const Imported& txt) {
    std::size_t same = 0;
    for (const auto& [label, text] : pdf.text) {
        auto it = txt.text.find(label);
        if (it == txt.text.end() || it->second != text) {
            continue;
        }
        ++same;
        INFO(name << " " << label);
        auto pe = pdf.edges.find(label);
        auto te = txt.edges.find(label);
        CHECK((pe == pdf.edges.end() ? std::set<std::string>{} : pe->second) ==
              (te == txt.edges.end() ? std::set<std::string>{} : te->second));
    }
    return same;
}

bool has_furniture(const std::string& t) {
    // A job number "24-12345", a barcode "*2412345*" or a page counter "3/28" standing alone.
    for (std::size_t i = 0; i + 8 <= t.size(); ++i) {
        bool job = std::isdigit(static_cast<unsigned char>(t[i])) &&
                   std::isdigit(static_cast<unsigned char>(t[i + 1])) && t[i + 2] == '-' &&
                   std::all_of(t.begin() + static_cast<std::ptrdiff_t>(i) + 3,
                               t.begin() + static_cast<std::ptrdiff_t>(i) + 8,
                               [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        if (job && (i == 0 || t[i - 1] == ' ') && (i + 8 == t.size() || t[i + 8] == ' ')) {
            return true;
        }
        if (t[i] == '*' && i + 9 <= t.size() && t[i + 8] == '*') {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("pdf corpus: every PDF imports, the scanned one is refused", "[pdf][corpus]") {
    std::size_t pdfs = 0, imported = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kCorpus + "misc")) {
        if (entry.path().extension() != ".pdf") {
            continue;
        }
        ++pdfs;
        std::string name = entry.path().filename().string();
        INFO(name);
        if (name == "A_RES_2758_XXVI.ru.pdf") {
            CHECK_THROWS_WITH(import_file(context(), entry.path().string()),
                              Catch::Contains("scanned PDF: none of its 1 pages has a text "
                                              "layer"));
            continue;
        }
        ImportResult r = import_file(context(), entry.path().string());
        CHECK(!r.batch.document.paragraphs.empty());
        CHECK(r.batch.document.language == "en");
        CHECK(r.batch.document.id == symbol_from_file_name(name));
        ++imported;
    }
    CHECK(pdfs == 16);
    CHECK(imported == 15);
}

TEST_CASE("pdf corpus: the en-ga PDFs give the edges of their texts", "[pdf][corpus]") {
    std::size_t pairs = 0, identical = 0, marker_only = 0, all = 0;
    for (const char* doc : {"A_RES_78_229", "A_RES_78_267", "A_RES_79_129", "A_RES_79_308",
                            "A_RES_80_168", "A_RES_80_225", "A_RES_80_229", "A_RES_80_4"}) {
        std::string name(doc);
        INFO(name);
        Imported pdf = load(kCorpus + "misc/" + name + ".en.pdf");
        Imported txt = load(kCorpus + "en-ga/" + name + ".en.txt");
        ++pairs;
        CHECK(pdf.labels == txt.labels);
        identical += check_identical_paragraphs(name, pdf, txt);
        for (const auto& [label, text] : pdf.text) {
            ++all;
            auto it = txt.text.find(label);
            if (it != txt.text.end() && it->second != text) {
                INFO(label << "\n  pdf: " << text << "\n  txt: " << it->second);
                CHECK(differs_by_markers(text, it->second));
                ++marker_only;
            }
        }
    }
    CHECK(pairs == 8);
    // 497 paragraphs (506 before lower-case continuation lines joined their paragraph: 78/229
    // lost 4, 80/229 lost 5, each checked against the text); 11 differ only by the markers the
    // texts left in (read when written: 78/229 pp47 pp53 pp67 pp68 pp72 pp77, 79/129 pp6,
    // 79/308 pp1, 80/229 pp49 pp66 pp67).
    CHECK(all == 497);
    CHECK(identical + marker_only == all);
    CHECK(marker_only == 11);
}

TEST_CASE("pdf corpus: PDFs whose other extraction is damaged import cleanly", "[pdf][corpus]") {
    for (const char* doc :
         {"A_RES_73_3", "A_RES_73_6", "A_RES_73_7", "A_RES_73_8", "S_2018_221", "S_2020_110"}) {
        std::string name(doc);
        INFO(name);
        Imported pdf = load(kCorpus + "misc/" + name + ".en.pdf");
        Imported txt = load(kCorpus + "misc/" + name + ".en.txt");
        CHECK(check_identical_paragraphs(name, pdf, txt) > 0);
        int next_op = 1;
        for (const auto& label : pdf.labels) {
            INFO(label << ": " << pdf.text[label]);
            CHECK_FALSE(has_furniture(pdf.text[label]));
            if (label.rfind("op", 0) == 0) {
                CHECK(label == "op" + std::to_string(next_op));
                ++next_op;
            }
        }
        CHECK(next_op > 1);
    }
}
