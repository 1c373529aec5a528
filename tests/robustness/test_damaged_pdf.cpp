// PDFs whose page tree is empty or promises pages it does not hold are damaged, not scanned:
// "run OCR" would not help. Built at test time: a catalog, a page tree and blank pages, with
// a correct cross-reference table.
#include "rob_support.hpp"

using namespace rob;

namespace {

std::string make_pdf(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        std::string n = std::to_string(o);
        out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

const std::string kCatalog = "<< /Type /Catalog /Pages 2 0 R >>";
const std::string kPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";

} // namespace

TEST_CASE("robustness: a PDF without pages or with a page count that lies", "[robustness][pdf]") {
    fs::path dir = work_dir("pdf-damaged");
    const std::string db = (dir / "store.db").string();
    struct Case {
        const char* name;
        std::vector<std::string> objects;
        std::string message;
    };
    const Case cases[] = {
        {"zero.en.pdf",
         {kCatalog, "<< /Type /Pages /Kids [] /Count 0 >>"},
         "damaged PDF: it has no pages"},
        {"over.en.pdf", // /Count 5, one page: poppler drops the whole tree
         {kCatalog, "<< /Type /Pages /Kids [3 0 R] /Count 5 >>", kPage},
         "damaged PDF: it has no pages"},
        {"missing.en.pdf", // three pages counted, two of them objects that do not exist
         {kCatalog, "<< /Type /Pages /Kids [3 0 R 9 0 R 10 0 R] /Count 3 >>", kPage},
         "damaged PDF: its page tree counts 3 pages but 2 of them are missing"},
        {"blank.en.pdf", // a real page without text: that is what "scanned" means
         {kCatalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", kPage},
         "scanned PDF: none of its 1 pages has a text layer"},
    };
    for (const auto& c : cases) {
        fs::path f = dir / c.name;
        write_file(f, make_pdf(c.objects));
        Run r = run("--db " + quote(db) + " import " + quote(f.string()));
        INFO(c.name << ": " << r.out);
        CHECK(r.code == 2);
        CHECK(r.out.find(f.string() + ": " + c.message) != std::string::npos);
        if (std::string(c.name) != "blank.en.pdf") {
            CHECK(r.out.find("OCR") == std::string::npos);
        }
    }
}
