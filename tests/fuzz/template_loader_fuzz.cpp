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
        // The label runs (metrics walk them) are the labelled cells exactly, in order.
        if (view.labelRuns.size() != view.runLabels.size()) broken("run label count");
        std::size_t next = 0;
        for (std::size_t k = 0; k < view.labelRuns.size(); ++k) {
            const auto run = view.labelRuns[k];
            if (run.length == 0 || run.start < next || run.start + run.length > view.labels.size()) broken("run bounds");
            for (std::size_t c = run.start; c < run.start + run.length; ++c) {
                if (view.labels[c] != view.runLabels[k]) broken("run label");
            }
            for (std::size_t c = next; c < run.start; ++c) {
                if (view.labels[c] != maps::kNoRegion) broken("labelled cell outside the runs");
            }
            next = run.start + run.length;
        }
        for (std::size_t c = next; c < view.labels.size(); ++c) {
            if (view.labels[c] != maps::kNoRegion) broken("labelled cell after the runs");
        }
    }
    for (const auto& band : bt.bands) {
        std::size_t cells = 0;
        for (const auto run : band.runs) cells += run.length;
        if (cells != band.cells.size()) broken("band runs");
    }
    // Body cells in no region (an outline island no region polygon reaches) stay unlabelled.
    if (regionCells > bodyCells) broken("more region cells than body cells");
    return 0;
}
