// libFuzzer target: the store loader. The bytes are written to a file which is opened as a
// Store (read-only, as every reader command does, then read-write as import does) and read
// back with load(), stats() and documents(). StoreError is the expected refusal.
#include "citegraph/engine/error.hpp"
#include "citegraph/engine/store.hpp"
#include "citegraph/importers/importer.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

using namespace citegraph;

namespace {

void remove_store(const std::string& path) {
    for (const char* s : {"", "-wal", "-shm", "-journal"}) {
        std::remove((path + s).c_str());
    }
}

void read_all(const std::string& path, Store::Mode mode) {
    try {
        Store store(path, mode);
        (void)store.load();
        (void)store.stats();
        for (const auto& d : store.documents()) {
            (void)store.paragraphs(d.id, d.language);
        }
    } catch (const StoreError&) {
    }
}

} // namespace

// Seed corpus: CITEGRAPH_FUZZ_MAKE_SEED=OUT.db fuzz_store FILE... imports the text files into a
// new store OUT.db and exits (scripts/run-fuzz.sh makes the store seeds this way).
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    const char* out = std::getenv("CITEGRAPH_FUZZ_MAKE_SEED");
    if (out == nullptr || *out == '\0') {
        return 0;
    }
    const char* env = std::getenv("CITEGRAPH_DATA");
    ImportContext ctx(env && *env ? env : CITEGRAPH_DATA_DIR);
    {
        Store store(out); // closed (and its WAL checkpointed) before the exit
        for (int i = 1; i < *argc; ++i) {
            store.import(import_file(ctx, (*argv)[i]).batch);
        }
    }
    std::exit(0);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "fuzz-store-" + std::to_string(getpid()) + ".db";
    for (auto mode : {Store::Mode::ReadOnly, Store::Mode::ReadWrite}) {
        remove_store(path);
        if (FILE* f = std::fopen(path.c_str(), "wb")) {
            if (size > 0) {
                std::fwrite(data, 1, size, f);
            }
            std::fclose(f);
        }
        read_all(path, mode);
    }
    remove_store(path);
    return 0;
}
