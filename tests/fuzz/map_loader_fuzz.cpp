// libFuzzer target for the map loader: any bytes either parse into a valid map or give one
// error message naming the source; a parsed map serializes and re-parses to an equal map
// (lossless round trip), and the listing reader (readVisitInfo) never crashes either. The fast
// reader (parseMap reads through it) and the reference reader (the JSON document) agree on every
// input: the same map or the same message.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "maps/map_format.h"
#include "tests/fuzz/fuzz_support.h"

using namespace bodymap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // loadMap rejects larger files unread; the fuzzer checks what lies within the limit.
    if (size > maps::kMaxMapFileBytes) return -1;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& reg = fuzz::registry();

    auto info = maps::readVisitInfo(text, "fuzz.json");
    if (!info && info.error().rfind("fuzz.json: ", 0) != 0) std::abort();

    auto map = maps::parseMap(text, "fuzz.json", reg);
    auto reference = maps::parseMapDocument(text, "fuzz.json", reg);
    if (map.ok() != reference.ok() || (map.ok() && !(map.value() == reference.value())) ||
        (!map.ok() && map.error() != reference.error())) {
        std::fprintf(stderr, "the fast reader and the document disagree: %s | %s\n",
                     map.ok() ? "map" : map.error().c_str(), reference.ok() ? "map" : reference.error().c_str());
        std::abort();
    }
    if (!map) {
        if (map.error().rfind("fuzz.json: ", 0) != 0 || map.error().find('\n') != std::string::npos) {
            std::fprintf(stderr, "badly formed message: %s\n", map.error().c_str());
            std::abort();
        }
        return 0;
    }
    const std::string out = maps::serializeMap(map.value());
    auto again = maps::parseMap(out, "roundtrip.json", reg);
    if (!again) {
        std::fprintf(stderr, "written map does not load: %s\n", again.error().c_str());
        std::abort();
    }
    if (!(again.value() == map.value()) || maps::serializeMap(again.value()) != out) {
        std::fprintf(stderr, "round trip changed the map\n");
        std::abort();
    }
    return 0;
}
