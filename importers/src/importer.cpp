#include "citegraph/importers/importer.hpp"

#include "citegraph/engine/error.hpp"
#include "citegraph/engine/symbol.hpp"
#include "utf8.hpp"
#include "validate.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>

namespace citegraph {
namespace {
constexpr std::uintmax_t kMaxFileBytes = kMaxTextBytes;
constexpr std::uintmax_t kMaxPdfBytes = 256u << 20; // PDFs carry fonts and images
} // namespace

ImportContext::ImportContext(std::string data_dir) : data_dir_(std::move(data_dir)) {
    std::error_code ec;
    if (!std::filesystem::is_directory(data_dir_, ec)) {
        throw Error(data_dir_ +
                    ": no data folder there (the lexicon/ and gazetteer/ tables; an install has "
                    "them in PREFIX/share/citegraph): set CITEGRAPH_DATA or give --data DIR");
    }
    gazetteer_.load(data_dir_ + "/gazetteer/entities.tsv");
}

std::string ImportContext::default_data_dir() {
    if (const char* env = std::getenv("CITEGRAPH_DATA"); env && *env) {
        return env;
    }
    // ../share/citegraph beside the running executable: PREFIX/bin/citegraph reads
    // PREFIX/share/citegraph; in the build tree, BUILD/share/citegraph is a link to the source
    // tree's data/ (made by CMake), so BUILD/cli/citegraph reads the source tree's tables.
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) {
        return "data";
    }
    const fs::path dir = (exe.parent_path() / ".." / "share" / "citegraph").lexically_normal();
    const fs::path real = fs::canonical(dir, ec);
    return ec ? dir.string() : real.string();
}

const Lexicon& ImportContext::lexicon(const std::string& lang) {
    std::lock_guard<std::mutex> lock(lexicons_mutex_);
    auto it = lexicons_.find(lang);
    if (it == lexicons_.end()) {
        auto lex = std::make_unique<Lexicon>(Lexicon::load(data_dir_, lang, gazetteer_));
        it = lexicons_.emplace(lang, std::move(lex)).first;
    }
    return *it->second;
}

std::string detect_language(const std::string& path, std::string_view text) {
    std::string name = std::filesystem::path(path).filename().string();
    // "X.zh.txt", "X.zh-Hant.txt", "X-EN.pdf"
    for (std::string_view tag : {"zh-Hant", "zh-Hans", "zh", "en", "fr", "es", "ru", "ar"}) {
        std::string dotted = "." + std::string(tag) + ".";
        if (name.find(dotted) != std::string::npos) {
            return std::string(tag);
        }
        std::string upper(tag.substr(0, 2));
        for (auto& c : upper) {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (name.find("-" + upper + ".") != std::string::npos) {
            return std::string(tag.substr(0, 2));
        }
    }
    // "X.de.txt": a language tag we have no tables for is kept, so that the import is refused
    // ("no tables for language 'de'") instead of reading the text with the English tables.
    if (auto last = name.rfind('.'); last != std::string::npos && last > 0) {
        auto prev = name.rfind('.', last - 1);
        if (prev != std::string::npos) {
            std::string tag = name.substr(prev + 1, last - prev - 1);
            if ((tag.size() == 2 || tag.size() == 3) &&
                tag.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
                return tag;
            }
        }
    }
    std::size_t han = 0, latin = 0, cyr = 0, arab = 0;
    for (std::size_t i = 0; i < text.size() && i < (1u << 16);) {
        char32_t cp = 0;
        i += static_cast<std::size_t>(utf8::decode(text, i, cp));
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            ++han;
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
            ++latin;
        } else if (cp >= 0x0400 && cp <= 0x04FF) {
            ++cyr;
        } else if (cp >= 0x0600 && cp <= 0x06FF) {
            ++arab;
        }
    }
    if (han * 4 > latin) {
        return "zh";
    }
    if (cyr > latin) {
        return "ru";
    }
    if (arab > latin) {
        return "ar";
    }
    return "en";
}

std::string symbol_from_file_name(const std::string& path) {
    std::string stem = std::filesystem::path(path).filename().string();
    stem = stem.substr(0, stem.find('.'));
    if (stem.find('_') == std::string::npos) {
        return {};
    }
    std::string slashed = stem;
    for (auto& c : slashed) {
        if (c == '_') {
            c = '/';
        }
    }
    // Series that take their number after a dot: "A_L_632" is A/L.632, "A_68_PV_70" A/68/PV.70.
    for (std::string_view series : {"L", "PV", "SR", "CRP", "WP", "Add", "Rev", "Corr"}) {
        std::string from = "/" + std::string(series) + "/";
        for (auto at = slashed.find(from); at != std::string::npos;
             at = slashed.find(from, at + 1)) {
            slashed[at + from.size() - 1] = '.';
        }
    }
    if (auto s = parse_symbol(slashed)) {
        return s->key;
    }
    // "A_RES_2758_XXVI" -> "A/RES/2758 (XXVI)", "S_RES_1373_2001" -> "S/RES/1373 (2001)"
    auto last = slashed.rfind('/');
    if (last != std::string::npos) {
        std::string alt = slashed.substr(0, last) + " (" + slashed.substr(last + 1) + ")";
        if (auto s = parse_symbol(alt)) {
            return s->key;
        }
    }
    return {};
}

namespace {

[[noreturn]] void too_large(const std::string& path, std::uintmax_t limit, std::string size) {
    throw InputError(path, "file too large: " + size + " bytes (the limit is " +
                               std::to_string(limit) +
                               " bytes; a resolution text is well under 1 MB)");
}

// Whether the first bytes of a stream say PDF; `head` receives the bytes read.
bool starts_pdf(std::istream& in, std::string& head) {
    char buf[5] = {};
    in.read(buf, sizeof buf);
    head.clear();
    head.append(buf, static_cast<std::size_t>(in.gcount()));
    return head == "%PDF-";
}

// Reads the rest of `in` after `bytes`, at most `limit` bytes in all; more is an error (bounded
// memory, also for standard input, whose size is not known before reading it).
std::string read_bounded(std::istream& in, const std::string& path, std::uintmax_t limit,
                         std::string bytes = {}) {
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        const auto got = static_cast<std::size_t>(in.gcount());
        if (bytes.size() + got > limit) { // refused before the string would have to grow
            too_large(path, limit, "over " + std::to_string(limit));
        }
        bytes.append(buf, got);
    }
    return bytes;
}

} // namespace

std::string read_input(const std::string& path) {
    std::ifstream file;
    std::error_code size_error;
    std::uintmax_t size = 0;
    if (path != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            throw InputError(path, "is a directory");
        }
        // Only regular files (stat does not open, so a FIFO cannot block here): opening a
        // FIFO waits for a writer forever, a device never ends or blocks, and either would
        // hold back the commit of the whole batch.
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            const int e = errno;
            std::error_code lec;
            if (std::filesystem::is_symlink(path, lec)) {
                throw InputError(path, "cannot open file: a symbolic link to " +
                                           std::filesystem::read_symlink(path, lec).string() +
                                           " (" + std::strerror(e) + ")");
            }
            throw InputError(path, std::string("cannot open file (") + std::strerror(e) + ")");
        }
        if (!S_ISREG(st.st_mode)) {
            throw InputError(path, std::string("not a regular file but ") +
                                       (S_ISFIFO(st.st_mode)   ? "a FIFO (named pipe)"
                                        : S_ISCHR(st.st_mode)  ? "a character device"
                                        : S_ISBLK(st.st_mode)  ? "a block device"
                                        : S_ISSOCK(st.st_mode) ? "a socket"
                                                               : "a special file") +
                                       "; to import from a pipe, give '-' and redirect it to "
                                       "standard input");
        }
        file.open(path, std::ios::binary);
        if (!file) {
            throw InputError(path, std::string("cannot open file (") + std::strerror(errno) + ")");
        }
        size = std::filesystem::file_size(path, size_error);
    }
    std::istream& in = path == "-" ? std::cin : file;
    std::string bytes;
    const bool pdf = starts_pdf(in, bytes);
    // Bounded memory and time: the pipeline needs about 20 bytes per input byte.
    const std::uintmax_t limit = pdf ? kMaxPdfBytes : kMaxFileBytes;
    const bool sized = path != "-" && !size_error;
    if (sized && size > limit) {
        too_large(path, limit, std::to_string(size));
    }
    // Room for all of it at once (for standard input, the text limit): no doubling copies
    // while the input grows; pages are only touched as bytes arrive.
    bytes.reserve(static_cast<std::size_t>(sized ? size : kMaxFileBytes) + 1);
    return read_bounded(in, path, limit, std::move(bytes));
}

ImportResult import_file(ImportContext& ctx, const std::string& path, const std::string& language) {
    const std::string bytes = read_input(path);
    std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 512));
    std::unique_ptr<Importer> importer = make_pdf_importer(ctx);
    if (!importer->accepts(path, head)) {
        importer = make_text_importer(ctx);
    }
    if (!importer->accepts(path, head)) {
        throw InputError(path, "no importer reads this file");
    }
    ImportResult r = importer->import(path, bytes, language);
    const std::string& lang = r.report.language;
    validate_import(r, ctx.lexicon(lang.substr(0, lang.find('-'))), path);
    return r;
}

} // namespace citegraph
