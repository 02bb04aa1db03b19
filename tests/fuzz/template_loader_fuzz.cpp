// libFuzzer target for the body template loader: any bytes either give a template whose label
// grid is consistent (every label a region of that view, region cell counts add up to the body
// cells) or one error message naming the source.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "maps/body_template.h"

using namespace bodymap;

namespace {
[[noreturn]] void broken(const char* what) {
    std::fprintf(stderr, "template invariant broken: %s\n", what);
    std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (16u << 20)) return -1;  // loadTemplate's file limit
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto t = maps::parseTemplate(text, "fuzz.json");
    if (!t) {
        if (t.error().rfind("fuzz.json: ", 0) != 0) broken("message does not name the source");
        return 0;
    }
    const maps::BodyTemplate& bt = t.value();
    long long regionCells = 0;
    for (const auto& r : bt.regions) regionCells += r.cellCount;
    long long bodyCells = 0;
    for (const auto& view : bt.views) {
        bodyCells += view.bodyCells;
        if (view.labels.size() != static_cast<std::size_t>(bt.width) * static_cast<std::size_t>(bt.height)) {
            broken("label grid size");
        }
        for (auto label : view.labels) {
            if (label == maps::kNoRegion) continue;
            if (label >= bt.regions.size() || bt.regions[label].view != view.id) broken("label");
        }
    }
    // Body cells in no region (an outline island no region polygon reaches) stay unlabelled.
    if (regionCells > bodyCells) broken("more region cells than body cells");
    return 0;
}
