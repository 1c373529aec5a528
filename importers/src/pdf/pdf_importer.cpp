// The PDF importer: poppler reads the text layer in-process, pdf::lay_out turns the words into
// the pipeline's text, and the text importer does the rest.
#include "citegraph/engine/error.hpp"
#include "citegraph/importers/importer.hpp"
#include "citegraph/importers/pdf_layout.hpp"

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

namespace citegraph {
namespace {

// A dense page of a resolution has about 1,000 words; far more is not a resolution, and the
// layout's cost grows with the words per page.
constexpr std::size_t kMaxWordsPerPage = 50000;

// poppler reports damaged objects on stderr; keep the last message for our error instead.
thread_local std::string poppler_last_message;

void poppler_message(const std::string& msg, void*) {
    poppler_last_message = msg;
}

void quiet_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(poppler_message, nullptr); });
}

bool is_pdf(std::string_view head) {
    return head.substr(0, 5) == "%PDF-";
}

std::string to_string(const poppler::ustring& u) {
    poppler::byte_array b = u.to_utf8();
    std::string s(b.begin(), b.end());
    // Control characters some fonts map glyphs to carry no text.
    s.erase(std::remove_if(s.begin(), s.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x20; }),
            s.end());
    return s;
}

class PdfImporter final : public Importer {
  public:
    explicit PdfImporter(ImportContext& ctx) : ctx_(ctx) {}

    std::string_view name() const override { return "pdf"; }

    bool accepts(const std::string&, std::string_view head) const override { return is_pdf(head); }

    ImportResult import(const std::string& path, std::string_view bytes,
                        const std::string& language) override {
        pdf::Layout layout = read_pdf_layout(path, bytes);
        if (layout.text.size() > kMaxTextBytes) { // the memory bound of a text applies here too
            throw InputError(path, "text layer too large: " + std::to_string(layout.text.size()) +
                                       " bytes (the limit is " + std::to_string(kMaxTextBytes) +
                                       " bytes of text; a resolution is well under 1 MB)");
        }
        auto text = make_text_importer(ctx_);
        std::string lang = language.empty() ? detect_language(path, layout.text) : language;
        return text->import(path, layout.text, lang);
    }

  private:
    ImportContext& ctx_;
};

// The words of every page, read by poppler. poppler keeps process-wide state (the error
// callback above, font and cache tables): parallel imports read one PDF at a time here and
// lay them out in parallel.
std::vector<pdf::Page> read_pages(const std::string& path, std::string_view bytes) {
    std::vector<pdf::Page> pages;
    static std::mutex poppler_mutex;
    std::lock_guard<std::mutex> lock(poppler_mutex);
    poppler_last_message.clear();
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        throw InputError(path, "damaged or unreadable PDF" +
                                   (poppler_last_message.empty()
                                        ? std::string()
                                        : " (poppler: " + poppler_last_message + ")"));
    }
    if (doc->is_locked()) {
        throw InputError(path, "encrypted PDF: it needs a password to be read");
    }
    // A PDF with no pages, or whose page tree promises pages it does not hold, is damaged,
    // not scanned: OCR would not help.
    if (doc->pages() <= 0) {
        throw InputError(path, "damaged PDF: it has no pages (an empty or broken page tree)");
    }
    std::size_t chars = 0;
    int missing = 0;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> pg(doc->create_page(i));
        pdf::Page page;
        if (!pg) {
            ++missing;
            pages.push_back(std::move(page));
            continue;
        }
        poppler::rectf box = pg->page_rect();
        page.width = box.width();
        page.height = box.height();
        auto boxes = pg->text_list(poppler::page::text_list_include_font);
        if (boxes.size() > kMaxWordsPerPage) {
            throw InputError(path, "page " + std::to_string(i + 1) + " has " +
                                       std::to_string(boxes.size()) + " words (more than " +
                                       std::to_string(kMaxWordsPerPage) + "): not a resolution");
        }
        for (auto& tb : boxes) {
            if (tb.rotation() != 0) {
                continue; // vertical text in the margins ("Please recycle")
            }
            pdf::Word w;
            w.text = to_string(tb.text());
            poppler::rectf r = tb.bbox();
            w.x0 = r.left();
            w.y0 = r.top();
            w.x1 = r.right();
            w.y1 = r.bottom();
            w.size = tb.has_font_info() ? tb.get_font_size() : r.height();
            w.space_after = tb.has_space_after();
            chars += w.text.size();
            page.words.push_back(std::move(w));
        }
        pages.push_back(std::move(page));
    }
    if (chars == 0 && missing > 0) {
        throw InputError(path, "damaged PDF: its page tree counts " + std::to_string(doc->pages()) +
                                   " pages but " + std::to_string(missing) +
                                   " of them are missing, and the others hold no text");
    }
    if (chars == 0) {
        throw InputError(path, "scanned PDF: none of its " + std::to_string(doc->pages()) +
                                   " pages has a text layer; run OCR on it first (e.g. "
                                   "ocrmypdf) or import a text version");
    }
    return pages;
}

} // namespace

pdf::Layout read_pdf_layout(const std::string& path, std::string_view bytes) {
    quiet_poppler();
    if (!is_pdf(bytes.substr(0, 5))) {
        throw InputError(path, "not a PDF file (no %PDF- header)", 0, 1, 1);
    }
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        throw InputError(path, "PDF larger than 2 GiB");
    }
    return pdf::lay_out(read_pages(path, bytes));
}

std::unique_ptr<Importer> make_pdf_importer(ImportContext& ctx) {
    return std::make_unique<PdfImporter>(ctx);
}

} // namespace citegraph
