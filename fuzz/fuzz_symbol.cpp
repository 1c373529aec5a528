// libFuzzer target: the UN document-symbol grammar (parse_symbol, parse_resolution_number,
// roman_value) on arbitrary bytes. The first byte picks the organ and decision flag; a parsed
// symbol must re-parse to the same key.
#include "citegraph/engine/symbol.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace citegraph;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const Organ organs[] = {Organ::general_assembly(), Organ::security_council(), Organ::ecosoc(),
                            Organ{"A/HRC/RES", "A/HRC/DEC"}, Organ{"CCPCJ/RES", "CCPCJ/DEC"}};
    std::uint8_t sel = data[0];
    std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

    if (auto s = parse_symbol(text)) {
        // The canonical key is itself a well-formed symbol with the same key.
        auto again = parse_symbol(s->key);
        if (!again || again->key != s->key) {
            std::abort();
        }
    }
    const Organ& organ = organs[sel % (sizeof organs / sizeof organs[0])];
    (void)parse_resolution_number(text, organ, (sel & 0x80) != 0);
    (void)roman_value(text);
    return 0;
}
