// import_in_order(): the outcomes of a multi-threaded import reach the sink in input order and
// are the same as a one-thread import's, whatever the number of threads; stopping and a
// throwing sink end it cleanly.
#include "citegraph/engine/error.hpp"
#include "citegraph/importers/parallel.hpp"
#include "support.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

using namespace citegraph;
using citegraph::testing::context;
using citegraph::testing::describe;

namespace {

const std::string kFixtures = std::string(CITEGRAPH_FIXTURES_DIR) + "/";

// Text files, a PDF, a file with invalid UTF-8, a scanned PDF and a missing file, repeated so
// that there are many more files than threads and the window between them moves.
std::vector<std::string> mixed_files(std::size_t rounds) {
    const std::vector<std::string> one = {
        kFixtures + "en/small_resolution.en.txt", kFixtures + "zh/small_resolution.zh.txt",
        kFixtures + "zh/invalid_utf8.zh.txt",     kFixtures + "pdf/A_RES_79_901.en.pdf",
        kFixtures + "en/A_RES_68_193.en.txt",     kFixtures + "pdf/scanned.en.pdf",
        kFixtures + "no/such/file.en.txt",        kFixtures + "pdf/A_RES_70_178.pdf"};
    std::vector<std::string> files;
    for (std::size_t r = 0; r < rounds; ++r) {
        files.insert(files.end(), one.begin(), one.end());
    }
    return files;
}

// One line per outcome: the batch in full, or the error message.
std::vector<std::string> run(const std::vector<std::string>& files, unsigned jobs) {
    std::vector<std::string> lines;
    std::size_t expected = 0;
    import_in_order(context(), files, "", jobs, [&](std::size_t i, FileOutcome& o) {
        REQUIRE(i == expected++);
        REQUIRE((o.result.has_value() != static_cast<bool>(o.error)));
        if (o.error) {
            try {
                std::rethrow_exception(o.error);
            } catch (const std::exception& e) {
                lines.push_back(std::to_string(i) + " error " + e.what());
            }
        } else {
            lines.push_back(std::to_string(i) + " " + describe(o.result->batch));
        }
        return true;
    });
    return lines;
}

} // namespace

TEST_CASE("parallel import: the same outcomes in input order for 1, 2, 3 and 8 threads",
          "[parallel]") {
    const auto files = mixed_files(6);
    const auto one = run(files, 1);
    REQUIRE(one.size() == files.size());
    std::size_t errors = 0;
    for (const auto& l : one) {
        errors += l.find(" error ") != std::string::npos;
    }
    CHECK(errors == 3 * 6); // invalid UTF-8, scanned PDF, missing file
    for (unsigned jobs : {2u, 3u, 8u}) {
        INFO("jobs " << jobs);
        CHECK(run(files, jobs) == one);
    }
}

TEST_CASE("parallel import: a sink that says stop gets nothing more", "[parallel]") {
    const auto files = mixed_files(10);
    for (unsigned jobs : {1u, 4u}) {
        std::size_t calls = 0;
        import_in_order(context(), files, "", jobs, [&](std::size_t i, FileOutcome&) {
            ++calls;
            return i < 6; // the 7th file (index 6) is the last one handed over
        });
        CHECK(calls == 7);
    }
}

TEST_CASE("parallel import: an exception from the sink stops the threads and propagates",
          "[parallel]") {
    const auto files = mixed_files(10);
    std::size_t calls = 0;
    CHECK_THROWS_WITH(import_in_order(context(), files, "", 4,
                                      [&](std::size_t i, FileOutcome&) -> bool {
                                          ++calls;
                                          if (i == 3) {
                                              throw std::runtime_error("sink failed");
                                          }
                                          return true;
                                      }),
                      "sink failed");
    CHECK(calls == 4);
}

TEST_CASE("parallel import: no files, and more threads than files", "[parallel]") {
    std::size_t calls = 0;
    import_in_order(context(), {}, "", 4, [&](std::size_t, FileOutcome&) { return ++calls > 0; });
    CHECK(calls == 0);
    const auto files = mixed_files(1);
    CHECK(run(files, 64) == run(files, 1));
    CHECK(default_import_jobs() >= 1);
}
