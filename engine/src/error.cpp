#include "citegraph/engine/error.hpp"

namespace citegraph {
namespace {

std::string format_input_error(const std::string& file, const std::string& message,
                               std::uint64_t byte_offset, std::uint32_t line,
                               std::uint32_t column) {
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
    if (byte_offset != InputError::kNoPosition) {
        out += (line > 0 ? " (byte " : ": byte ") + std::to_string(byte_offset) +
               (line > 0 ? ")" : "");
    }
    return out + ": " + message;
}

} // namespace

InputError::InputError(std::string file, std::string message, std::uint64_t byte_offset,
                       std::uint32_t line, std::uint32_t column)
    : Error(format_input_error(file, message, byte_offset, line, column)), file_(std::move(file)),
      byte_offset_(byte_offset), line_(line) {}

StoreError::StoreError(const std::string& path, const std::string& message)
    : Error(path + ": " + message) {}

} // namespace citegraph
