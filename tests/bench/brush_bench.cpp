// Brush benchmarks: one dab, a 1,000-sample stroke, and the colour update of a dirty rectangle.
// Target (issue 3): a 1,000-sample stroke applies in under 5 ms.
#include <benchmark/benchmark.h>

#include <cmath>

#include "maps/brush.h"
#include "render/pain_image.h"
#include "tests/support/test_support.h"

using namespace bodymap;

static void BM_DabRadius20(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    maps::PainMap map = maps::PainMap::blankFor(t);
    maps::BrushSettings brush;
    brush.radius = 20;
    brush.softness = 0.3f;
    maps::EditRecorder rec(map, maps::ViewId::Front);
    int i = 0;
    for (auto _ : state) {
        brush.intensity = static_cast<std::uint8_t>(1 + (i++ % 10));
        benchmark::DoNotOptimize(
            maps::applyDab(map, t, maps::ViewId::Front, {256.0f, 330.0f}, brush, rec));
    }
}
BENCHMARK(BM_DabRadius20)->Unit(benchmark::kMicrosecond);

// 1,000 mouse samples ~3 cells apart along a wavy path over the torso and legs, radius 12.
static void BM_Stroke1000Samples(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    maps::PainMap map = maps::PainMap::blankFor(t);
    maps::BrushSettings brush;
    brush.radius = 12;
    brush.softness = 0.3f;
    for (auto _ : state) {
        maps::Stroke stroke(map, t, maps::ViewId::Front, brush);
        for (int i = 0; i < 1000; ++i) {
            const float a = static_cast<float>(i) * 0.02f;
            stroke.addSample({256.0f + 60.0f * std::sin(a), 250.0f + static_cast<float>(i) * 0.6f});
        }
        benchmark::DoNotOptimize(stroke.finish());
        brush.intensity = static_cast<std::uint8_t>(brush.intensity % 10 + 1);
    }
}
BENCHMARK(BM_Stroke1000Samples)->Unit(benchmark::kMillisecond);

// Re-colouring the rectangle a 40-cell dab touched, at the GUI's 2 pixels per cell.
static void BM_ColorizeDirtyRect(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    maps::PainMap map = maps::PainMap::blankFor(t);
    maps::BrushSettings brush;
    brush.radius = 20;
    brush.qualities = maps::bit(maps::Quality::Burning) | maps::bit(maps::Quality::Aching);
    maps::EditRecorder rec(map, maps::ViewId::Front);
    maps::applyDab(map, t, maps::ViewId::Front, {256.0f, 330.0f}, brush, rec);
    render::PainImageStyle style;
    style.scale = 2;
    std::vector<std::uint8_t> px(static_cast<std::size_t>(t.width * 2 * t.height * 2 * 4));
    const maps::CellRect rect{236, 310, 277, 351};
    for (auto _ : state) {
        render::colorizePain(map, maps::ViewId::Front, rect, style, px.data());
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_ColorizeDirtyRect)->Unit(benchmark::kMicrosecond);

// What the GUI does per frame while painting: re-composite the display pixels of a dirty
// rectangle (a radius-20 dab) at the default 1600x1000 scale (~0.87 px per cell).
static void BM_ComposeDirtyRect(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    maps::PainMap map = maps::PainMap::blankFor(t);
    maps::BrushSettings brush;
    brush.radius = 20;
    brush.qualities = maps::bit(maps::Quality::Burning);
    maps::EditRecorder rec(map, maps::ViewId::Front);
    maps::applyDab(map, t, maps::ViewId::Front, {256.0f, 330.0f}, brush, rec);
    const float k = 0.87f;
    const int w = static_cast<int>(static_cast<float>(t.width) * k);
    const int h = static_cast<int>(static_cast<float>(t.height) * k);
    std::vector<std::uint8_t> under(static_cast<std::size_t>(w * h * 4), 230);
    std::vector<std::uint8_t> over(static_cast<std::size_t>(w * h * 4), 0);
    std::vector<std::uint8_t> out(static_cast<std::size_t>(w * h * 4), 0);
    const render::PixelRect r = render::pixelsOfCells({236, 310, 277, 351}, k, w, h);
    render::PainImageStyle style;
    for (auto _ : state) {
        render::composeView(map, maps::ViewId::Front, under.data(), over.data(), out.data(), w, h, r, k, style);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_ComposeDirtyRect)->Unit(benchmark::kMicrosecond);
