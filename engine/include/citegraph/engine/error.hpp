// One exception hierarchy for the conditions a user can cause or fix: bad input files and
// store problems. Bugs are asserts; the CLI turns these into one-line messages and exit codes.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace citegraph {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A file that cannot be imported. `what()` reads "FILE:LINE:COL (byte N): message" when a
// position is known, "FILE: message" otherwise.
class InputError : public Error {
  public:
    static constexpr std::uint64_t kNoPosition = ~std::uint64_t{0};

    InputError(std::string file, std::string message, std::uint64_t byte_offset = kNoPosition,
               std::uint32_t line = 0, std::uint32_t column = 0);

    const std::string& file() const { return file_; }
    std::uint64_t byte_offset() const { return byte_offset_; }
    std::uint32_t line() const { return line_; }

  private:
    std::string file_;
    std::uint64_t byte_offset_;
    std::uint32_t line_;
};

// The store cannot be opened, read or written (not SQLite, wrong schema, read-only, full).
class StoreError : public Error {
  public:
    StoreError(const std::string& path, const std::string& message);
};

} // namespace citegraph
