// libFuzzer target: the PDF layout stage (pdf::lay_out) on arbitrary page geometry, decoded
// as pdf_layout_input.hpp says (each word 11 bytes of geometry and flags and up to 7 bytes of
// text; 0xFF starts a page). Checks: page offsets are ordered and inside the text, the text
// ends with a newline. tests/robustness replays the corpus through the same two functions.
// (poppler itself is not fuzzed here: it is not our code and not built with our sanitizers.)
#include "pdf_layout_input.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto pages = citegraph::fuzzing::decode_pages(data, size);
    const citegraph::pdf::Layout l = citegraph::pdf::lay_out(pages);
    if (!citegraph::fuzzing::layout_holds(pages, l)) {
        std::abort();
    }
    return 0;
}
