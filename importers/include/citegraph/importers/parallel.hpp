// Importing many files on several threads, with the outcomes handed over in input order: the
// caller writes them to the store, prints and counts exactly as a one-thread loop would, so
// the store and the output do not depend on the number of threads.
#pragma once

#include "citegraph/importers/importer.hpp"

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace citegraph {

struct FileOutcome {
    std::optional<ImportResult> result; // set when the import succeeded
    std::exception_ptr error;           // set when it threw (InputError, Error, ...)
};

// Imports `files` with import_file() on `jobs` threads (0: one per core; 1: on the calling
// thread, nothing started) and calls `sink(index, outcome)` on the calling thread for file 0,
// 1, 2, ... in order. When `sink` returns false no further file is handed over and the
// threads stop after the file each is reading. At most about 4 x jobs outcomes wait for the
// sink at any time, so memory stays bounded for any number of files. An exception thrown by
// `sink` stops the threads and propagates.
void import_in_order(ImportContext& ctx, const std::vector<std::string>& files,
                     const std::string& language, unsigned jobs,
                     const std::function<bool(std::size_t, FileOutcome&)>& sink);

// The number of threads `jobs` = 0 stands for: the cores of this machine (at least 1).
unsigned default_import_jobs();

} // namespace citegraph
