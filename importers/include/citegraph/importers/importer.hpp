// One interface for every source format. An Importer turns one file into an ImportBatch (the
// records the store writes in one transaction) and a report of what it could not resolve.
#pragma once

#include "citegraph/engine/model.hpp"
#include "citegraph/importers/lexicon.hpp"
#include "citegraph/importers/pdf_layout.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace citegraph {

struct ImportReport {
    std::string file;
    std::string document;
    std::string language;
    std::size_t paragraphs = 0;
    std::size_t edges = 0;
    struct Unresolved {
        std::string paragraph;
        std::string text;
        std::string reason;
    };
    std::vector<Unresolved> unresolved;
    // What the import corrected or dropped, for the user to see (the command prints them on
    // standard error): an impossible date, a citation of the document itself, a header
    // session that contradicts the symbol, ...
    std::vector<std::string> warnings;
};

struct ImportResult {
    ImportBatch batch;
    ImportReport report;
};

// The data every importer reads: the gazetteer and one lexicon per language, loaded lazily.
// Safe to share between threads: a loaded lexicon is read-only.
class ImportContext {
  public:
    explicit ImportContext(std::string data_dir);
    const Gazetteer& gazetteer() const { return gazetteer_; }
    // Throws citegraph::Error if there are no tables for `lang`.
    const Lexicon& lexicon(const std::string& lang);
    const std::string& data_dir() const { return data_dir_; }
    // The data directory (lexicon/, gazetteer/): $CITEGRAPH_DATA if set, else ../share/citegraph
    // relative to the running executable (PREFIX/bin -> PREFIX/share/citegraph; the build
    // tree links BUILD/share/citegraph to the source tree's data/). A --data option wins.
    static std::string default_data_dir();

  private:
    std::string data_dir_;
    Gazetteer gazetteer_;
    std::mutex lexicons_mutex_; // lexicon() may be called from several import threads
    std::map<std::string, std::unique_ptr<Lexicon>> lexicons_;
};

class Importer {
  public:
    virtual ~Importer() = default;
    virtual std::string_view name() const = 0;
    // Whether this importer reads the file (by name and first bytes).
    virtual bool accepts(const std::string& path, std::string_view head) const = 0;
    // Throws InputError naming the file and position for input it cannot import.
    virtual ImportResult import(const std::string& path, std::string_view bytes,
                                const std::string& language = "") = 0;
};

// The plain-text importer (UN resolution texts as extracted from PDF or the web).
std::unique_ptr<Importer> make_text_importer(ImportContext& ctx);

// The PDF importer: the text layer read in-process with poppler, laid out by pdf::lay_out and
// read by the text pipeline. Spans refer to the laid-out text (`citegraph pdftext` prints it).
std::unique_ptr<Importer> make_pdf_importer(ImportContext& ctx);

// The laid-out text of a PDF. Throws InputError for damaged, encrypted or scanned (no text
// layer) PDFs.
pdf::Layout read_pdf_layout(const std::string& path, std::string_view bytes);

// The largest text an import reads (a file, standard input, or the text layer of a PDF). The
// import's peak memory is bounded by about 40 bytes per input byte plus 100 MB (the worst
// shapes measured: a text dense with citations, 35x), so by about 420 MiB for any accepted
// input; the largest real resolution text in the shared corpus is 220 KB.
inline constexpr std::uintmax_t kMaxTextBytes = 8u << 20; // 8 MiB

// The bytes of a file ("-" for standard input), refused above the limit that applies (8 MiB
// of text, 256 MiB of PDF) before or while reading, never after. Throws InputError.
std::string read_input(const std::string& path);

// Reads the file ("-" for standard input) and imports it with the first importer that accepts
// it. `language` overrides detection when non-empty.
ImportResult import_file(ImportContext& ctx, const std::string& path,
                         const std::string& language = "");

// The language of a text: from a file-name tag (".zh.", ".zh-Hant.", "-EN") when present,
// else from its characters. Returns a BCP 47 tag.
std::string detect_language(const std::string& path, std::string_view text);

// The document symbol a file name encodes ("A_RES_68_193.zh.txt" -> "A/RES/68/193"), or "".
std::string symbol_from_file_name(const std::string& path);

} // namespace citegraph
