// Shaped text for the GUI (render/text_raster): one client name per script rasterised by pango
// at the list's 16 px, the cost of a cache miss when a new name appears (the GUI keeps the
// texture afterwards).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "render/text_raster.h"

namespace {

const std::vector<std::string>& names() {
    static const std::vector<std::string> n = {"محمد العلي", "דוד כהן", "राहुल शर्मा", "สมชาย ใจดี", "Ana 😀"};
    return n;
}

void BM_RasterizeName(benchmark::State& state) {
    const std::string& name = names()[static_cast<std::size_t>(state.range(0))];
    for (auto _ : state) {
        auto t = bodymap::render::rasterizeText(name, 13.7, 20, 20, 20);
        benchmark::DoNotOptimize(t.rgba.data());
    }
    state.SetLabel(name);
}
BENCHMARK(BM_RasterizeName)->DenseRange(0, 4)->Unit(benchmark::kMicrosecond);

}  // namespace
