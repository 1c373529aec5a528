// Large and pathological inputs, generated at test time into the build tree: bounded time and
// memory (peak RSS of the command, from wait4's rusage = VmHWM), no crash.
#include "rob_support.hpp"

using namespace rob;

namespace {

std::string header_until_recalling() {
    std::string t = read_file(fixture("en/small_resolution.en.txt"));
    return t.substr(0, t.find("Recalling"));
}

std::string tail_from_recalling() {
    std::string t = read_file(fixture("en/small_resolution.en.txt"));
    return t.substr(t.find("Recalling"));
}

std::string repeat_to(const std::string& unit, std::size_t size) {
    std::string out;
    out.reserve(size + unit.size());
    while (out.size() < size) {
        out += unit;
    }
    out.resize(size);
    return out;
}

} // namespace

TEST_CASE("robustness: a 200 MB file is refused at once, in bounded memory",
          "[robustness][large]") {
    fs::path dir = work_dir("200mb");
    std::string db = baseline_store(dir);
    fs::path big = dir / "A_RES_70_900.en.txt";
    {
        std::ofstream out(big, std::ios::binary);
        std::string unit = header_until_recalling();
        std::string para = "Recalling its resolution 68/193 of 18 December 2013,\n\n";
        out << unit;
        for (std::size_t n = unit.size(); n < (200u << 20); n += para.size()) {
            out << para;
        }
    }
    Fingerprint before = fingerprint(db);
    Run r = run("--db " + quote(db) + " import " + quote(big.string()));
    INFO(r.out << "seconds=" << r.seconds << " max_rss_kb=" << r.max_rss_kb);
    CHECK(r.code == 2);
    CHECK(r.out.find("citegraph: error: " + big.string() + ": file too large: ") !=
          std::string::npos);
    CHECK(r.out.find("(the limit is 33554432 bytes") != std::string::npos);
    CHECK(r.seconds < 10);
    CHECK(r.max_rss_kb < 200 * 1024);
    CHECK(fingerprint(db) == before);
    fs::remove(big);
}

TEST_CASE("robustness: a 10 MB single line imports in bounded time and memory",
          "[robustness][large]") {
    fs::path dir = work_dir("10mb-line");
    std::string db = baseline_store(dir);
    // One preambular paragraph of 10 MB of prose without references.
    fs::path f = dir / "A_RES_70_901.en.txt";
    write_file(f, header_until_recalling() +
                      repeat_to("Noting with appreciation the work done in many places and "
                                "ways by many people, ",
                                10u << 20) +
                      ",\n\n" + tail_from_recalling());
    Run r = run("--db " + quote(db) + " import " + quote(f.string()));
    INFO(r.out.substr(0, 2000) << "seconds=" << r.seconds << " max_rss_kb=" << r.max_rss_kb);
    CHECK(r.code == 0);
    CHECK(r.out.find("imported A/RES/70/178 (en)") != std::string::npos);
    CHECK(r.seconds < 60);
    CHECK(r.max_rss_kb < 1024 * 1024); // under 1 GiB for a 10 MB input
    WARN("10 MB single line (prose): " << r.seconds << " s, peak RSS " << r.max_rss_kb / 1024
                                       << " MiB");

    // The same without any line break at all (no structure: refused, not hung).
    fs::path g = dir / "oneline.txt";
    write_file(g, repeat_to("x", 10u << 20));
    Fingerprint before = fingerprint(db);
    Run s = run("--db " + quote(db) + " import " + quote(g.string()));
    INFO(s.out << "seconds=" << s.seconds << " max_rss_kb=" << s.max_rss_kb);
    CHECK(s.code == 2);
    CHECK(s.out.find(g.string() + ": no resolution symbol") != std::string::npos);
    CHECK(s.seconds < 60);
    CHECK(s.max_rss_kb < 1024 * 1024);
    CHECK(fingerprint(db) == before);
}

// Known bug (see tests/robustness/README.md): the extractor's region tests are linear per
// position, so a paragraph dense with references is quadratic: 0.25 MB 1 s, 0.5 MB 4 s,
// 1 MB 17 s, 10 MB about 30 min. Run under `timeout`; [!mayfail] until fixed.
TEST_CASE("robustness: a 10 MB single line dense with references",
          "[robustness][large][!mayfail]") {
    fs::path dir = work_dir("10mb-refs");
    std::string db = baseline_store(dir);
    fs::path f = dir / "A_RES_70_902.en.txt";
    write_file(f, header_until_recalling() +
                      repeat_to("Noting the work of the Office and its resolution 68/193 and the "
                                "treaty, ",
                                10u << 20) +
                      ",\n\n" + tail_from_recalling());
    Run r = run_cmd("timeout 60 " + quote(cli()) + " --db " + quote(db) + " import " +
                    quote(f.string()));
    INFO(r.out.substr(0, 2000) << "seconds=" << r.seconds << " max_rss_kb=" << r.max_rss_kb);
    CHECK(r.code == 0);
    CHECK(r.seconds < 60);
}

TEST_CASE("robustness: symbol-like garbage imports without a crash", "[robustness][garbage]") {
    fs::path dir = work_dir("garbage");
    std::string db = baseline_store(dir);
    std::string body =
        "Recalling its resolution A/RES/99999999999/1, resolution 99999999999/1, Security "
        "Council resolution S/RES/99999999999 (2001), document A/99999999999/L.1/Rev.99999999999 "
        "and resolution 4294967296/4294967296,\n\n";
    body += "Noting " + std::string(100000, '(') + "resolution 68/193" + std::string(100000, ')') +
            ",\n\n";
    body += "Noting " + repeat_to("[{(\xE3\x80\x8A\xE2\x80\x9C", 300000) + ",\n\n";
    std::string markers;
    for (int i = 0; i < 100000; ++i) {
        markers += "word\xC2\xB9 "; // "word¹ ": 10^5 footnote markers
    }
    body += "Noting " + markers + ",\n\n";
    body += "\xC2\xB9 A footnote.\n\n";
    std::string text = header_until_recalling();
    text.replace(text.find("70/178."), 7, "70/903.");
    fs::path f = dir / "A_RES_70_903.en.txt";
    write_file(f, text + body + tail_from_recalling());
    Run r = run("--db " + quote(db) + " import " + quote(f.string()));
    INFO(r.out.substr(0, 3000) << "seconds=" << r.seconds << " max_rss_kb=" << r.max_rss_kb);
    CHECK(r.code == 0);
    CHECK(r.out.find("imported A/RES/70/903 (en)") != std::string::npos);
    CHECK(r.seconds < 60);
    // No node for the impossible numbers.
    CHECK(query_int(db, "SELECT count(*) FROM nodes WHERE id LIKE '%99999999999%' OR id LIKE "
                        "'%4294967296%'") == 0);
    CHECK(fingerprint(db).integrity == "ok");
}
