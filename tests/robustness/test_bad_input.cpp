// Bad input files through the real CLI: each gets one error line naming the file (and the
// position where there is one), exit code 2, and leaves the store exactly as it was; in a
// batch the other files still import (--keep-going, the default) and the summary lists the
// failures; --strict stops at the first.
#include "rob_support.hpp"

using namespace rob;

namespace {

struct Refusal {
    std::string name;    // file name to write the bytes to
    std::string bytes;   // its content
    std::string message; // expected text after "citegraph: error: FILE"
    std::string lang;    // --lang, if any
};

std::string small_en() {
    return read_file(fixture("en/small_resolution.en.txt"));
}

// The refusal contract, alone and in a batch, with --keep-going and --strict.
void check_refused(const std::string& test, const Refusal& c) {
    fs::path dir = work_dir(test);
    std::string db = baseline_store(dir);
    fs::path bad = dir / c.name;
    write_file(bad, c.bytes);
    std::string lang = c.lang.empty() ? "" : " --lang " + c.lang;
    Fingerprint before = fingerprint(db);
    REQUIRE(before.opened);

    // Alone.
    Run r = run("--db " + quote(db) + " import" + lang + " " + quote(bad.string()));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("citegraph: error: " + bad.string() + c.message) != std::string::npos);
    CHECK(count_of(r.out, "citegraph: error:") == 1);
    CHECK(r.out.find("  failed: " + bad.string()) != std::string::npos);
    CHECK(fingerprint(db) == before);

    if (!c.lang.empty()) {
        return; // --lang applies to every file of a batch
    }
    // In a batch between two good files: both import, the summary lists the failure.
    fs::path copy = dir / "batch.db";
    fs::copy_file(db, copy);
    std::string good1 = fixture("en/A_RES_68_193.en.txt");
    std::string good2 = fixture("fr/A_RES_68_193.fr.txt");
    Run b = run("--db " + quote(copy.string()) + " import" + lang + " " + quote(good1) + " " +
                quote(bad.string()) + " " + quote(good2));
    INFO(b.out);
    CHECK(b.code == 2);
    CHECK(b.out.find("summary: 2 imported, 1 failed") != std::string::npos);
    CHECK(b.out.find("  failed: " + bad.string()) != std::string::npos);
    CHECK(fingerprint(copy.string()).count("documents") == before.count("documents") + 2);

    // --strict: stops at the bad file, the file after it is not imported.
    fs::path strict = dir / "strict.db";
    fs::copy_file(db, strict);
    Run s = run("--db " + quote(strict.string()) + " import --strict" + lang + " " +
                quote(bad.string()) + " " + quote(good1));
    INFO(s.out);
    CHECK(s.code == 2);
    CHECK(s.out.find("summary: 0 imported, 1 failed") != std::string::npos);
    CHECK(fingerprint(strict.string()) == before);
}

std::string utf16(const std::string& ascii, bool little) {
    std::string out;
    for (char ch : ascii) {
        out += little ? std::string{ch, '\0'} : std::string{'\0', ch};
    }
    return out;
}

} // namespace

TEST_CASE("robustness: empty file", "[robustness][input]") {
    check_refused("empty", {"empty.en.txt", "", ": empty file", ""});
}

TEST_CASE("robustness: a damaged PDF, a ZIP or other binary data", "[robustness][input]") {
    // PDFs go to the PDF importer by their content, whatever the file is called.
    check_refused("pdf", {"A_RES_70_1.en.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\n",
                          ": damaged or unreadable PDF (poppler: error: Couldn't read xref "
                          "table)",
                          ""});
    check_refused("pdf-txt", {"A_RES_70_1.en.txt", "%PDF-1.4\n\x00\x01\x02",
                              ": damaged or unreadable PDF", ""});
    check_refused("zip", {"A_RES_70_1.en.zip", std::string("PK\x03\x04\x14\x00\x00\x00", 8),
                          ":1:1 (byte 0): binary file: a ZIP archive, not a text file", ""});
    // Other binary data: the first NUL or control byte, with its position.
    check_refused("elf", {"A_RES_70_1.en.txt",
                          std::string("\x7F"
                                      "ELF\x02\x01\x01\x00",
                                      8),
                          ":1:5 (byte 4): binary file: control character", ""});
}

TEST_CASE("robustness: invalid UTF-8 names line, column and byte", "[robustness][input]") {
    std::string text = small_en();
    auto at = text.find("Recalling");
    REQUIRE(at != std::string::npos);
    // Line of `at`: count the newlines before it.
    auto line = std::to_string(1 + count_of(text.substr(0, at), "\n"));
    std::string lone = text.substr(0, at) + "\xC3(" + text.substr(at);
    check_refused("utf8-lone",
                  {"A_RES_70_1.en.txt", lone,
                   ":" + line + ":1 (byte " + std::to_string(at) + "): invalid UTF-8 byte 0xC3",
                   ""});
    std::string overlong = text.substr(0, at) + "\xC0\xAF" + text.substr(at);
    check_refused("utf8-overlong",
                  {"A_RES_70_1.en.txt", overlong,
                   ":" + line + ":1 (byte " + std::to_string(at) + "): invalid UTF-8 byte 0xC0",
                   ""});
    std::string surrogate = text.substr(0, at) + "\xED\xA0\x80" + text.substr(at);
    check_refused("utf8-surrogate",
                  {"A_RES_70_1.en.txt", surrogate,
                   ":" + line + ":1 (byte " + std::to_string(at) + "): invalid UTF-8 byte 0xED",
                   ""});
    std::string truncated = text + "\xE5\x9B";
    check_refused("utf8-truncated", {"A_RES_70_1.en.txt", truncated,
                                     ":" + std::to_string(1 + count_of(text, "\n")) + ":1 (byte " +
                                         std::to_string(text.size()) + "): invalid UTF-8 byte 0xE5",
                                     ""});
}

TEST_CASE("robustness: UTF-16 with or without BOM is refused clearly", "[robustness][input]") {
    std::string text = small_en();
    check_refused("utf16le-bom",
                  {"A_RES_70_1.en.txt", "\xFF\xFE" + utf16(text, true),
                   ":1:1 (byte 0): UTF-16 text (byte order mark); convert it to UTF-8", ""});
    check_refused("utf16be-bom",
                  {"A_RES_70_1.en.txt", "\xFE\xFF" + utf16(text, false),
                   ":1:1 (byte 0): UTF-16 text (byte order mark); convert it to UTF-8", ""});
    check_refused("utf16le", {"A_RES_70_1.en.txt", utf16(text, true),
                              ":1:2 (byte 1): UTF-16 text without a byte order mark "
                              "(little-endian: NUL bytes at every other offset); convert it to "
                              "UTF-8",
                              ""});
    check_refused("utf16be", {"A_RES_70_1.en.txt", utf16(text, false),
                              ":1:1 (byte 0): UTF-16 text without a byte order mark (big-endian: "
                              "NUL bytes at every other offset); convert it to UTF-8",
                              ""});
    // Chinese UTF-16LE without BOM: its first error may be a byte that is not UTF-8.
    std::string zh = read_file(fixture("zh/small_resolution.zh.txt"));
    std::string zh16;
    for (std::size_t i = 0; i < zh.size();) {
        unsigned char c = static_cast<unsigned char>(zh[i]);
        char32_t cp = c;
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (n > 1) {
            cp = c & (0xFF >> (n + 1));
            for (int k = 1; k < n; ++k) {
                cp = (cp << 6) |
                     (static_cast<unsigned char>(zh[i + static_cast<std::size_t>(k)]) & 0x3F);
            }
        }
        i += static_cast<std::size_t>(n);
        zh16 += static_cast<char>(cp & 0xFF);
        zh16 += static_cast<char>((cp >> 8) & 0xFF);
    }
    check_refused("utf16le-zh",
                  {"A_RES_70_1.zh.txt", zh16,
                   ":1:3 (byte 2): UTF-16 text without a byte order mark (little-endian", ""});
}

TEST_CASE("robustness: CRLF and lone CR line ends import like LF", "[robustness][input]") {
    fs::path dir = work_dir("line-ends");
    std::string lf = small_en();
    std::string crlf, cr;
    for (char c : lf) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    std::string expected;
    for (auto [name, bytes] : {std::pair{"lf", lf}, std::pair{"crlf", crlf}, std::pair{"cr", cr}}) {
        fs::path f = dir / name / "A_RES_70_178.en.txt";
        fs::create_directories(f.parent_path());
        write_file(f, bytes);
        std::string db = (dir / (std::string(name) + ".db")).string();
        Run r = run("--db " + quote(db) + " import " + quote(f.string()));
        INFO(name << ": " << r.out);
        REQUIRE(r.code == 0);
        // "imported A/RES/70/178 (en) from FILE: 4 paragraphs, N edges, 0 unresolved"
        std::string counts = r.out.substr(r.out.find(": ", r.out.find(" from ")));
        if (expected.empty()) {
            expected = counts;
            CHECK(counts.find(" 4 paragraphs") != std::string::npos);
        }
        CHECK(counts == expected);
        CHECK(query_int(db, "SELECT count(*) FROM paragraphs WHERE text LIKE '%' || char(13) || "
                            "'%'") == 0);
    }
}

TEST_CASE("robustness: no recognisable resolution structure", "[robustness][input]") {
    check_refused("prose", {"notes.txt",
                            "Minutes of the lunch meeting.\n\nWe discussed the weather and "
                            "agreed to meet again next week.\n",
                            ": no resolution symbol: neither a title line such as '68/193. Title' "
                            "nor a file name such as A_RES_68_193.zh.txt",
                            ""});
    check_refused("title-only",
                  {"A_RES_70_2.en.txt", "70/2. A title and nothing else\n",
                   ": no resolution structure found (no paragraph after the header)", ""});
    check_refused("blank", {"A_RES_70_3.en.txt", "\n\n   \n\t\n",
                            ": no resolution structure found (no paragraph after the header)", ""});
}

TEST_CASE("robustness: a language there are no tables for", "[robustness][input]") {
    std::string de = "Siebzigste Tagung\nTagesordnungspunkt 99\n\nResolution der "
                     "Generalversammlung\nvom 17. Dezember 2015\n\n70/178. Stärkung des "
                     "Programms der Vereinten Nationen\n\nDie Generalversammlung,\n\nin "
                     "Bekräftigung ihrer Resolution 68/193,\n\n1. ersucht den Generalsekretär, "
                     "Bericht zu erstatten.\n";
    std::string none = "' (" + std::string(CITEGRAPH_DATA_DIR) + "/lexicon/de does not exist)";
    // Given with --lang.
    check_refused("lang-option", {"A_RES_70_178.txt", de,
                                  ": language 'de': no tables for language 'de" + none, "de"});
    // Tagged in the file name.
    check_refused("lang-tag", {"A_RES_70_178.de.txt", de,
                               ": language 'de': no tables for language 'de" + none, ""});
    // Untagged Latin-script text is read with the English tables; German prose without a
    // resolution's structure is refused as such.
    check_refused("lang-untagged",
                  {"brief.txt", "Sehr geehrte Damen und Herren,\n\nvielen Dank für Ihren Brief.\n",
                   ": no resolution symbol", ""});
}
