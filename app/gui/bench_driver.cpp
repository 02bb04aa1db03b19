// The --bench driver (see bench_driver.h).
#include "app/gui/bench_driver.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <SDL.h>

#include "app/gui/pointer_input.h"

namespace bodymap::app {

namespace {
double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}
}  // namespace

bool BenchDriver::drive(AppState& state, ChartPanelState& chart, ImGuiIO& io) {
    const int f = frame - kWarmup;
    io.MouseDown[0] = false;
    if (f < 0) return false;
    const int stroke = f / (kStrokeFrames + kGap);
    const int k = f % (kStrokeFrames + kGap);
    if (stroke >= kStrokes || k >= kStrokeFrames) return false;
    if (k == 0) state.tools.brush = {22.0f, 0.5f, static_cast<std::uint8_t>(3 + stroke), 0x05};
    const ChartPanelState& c = chart;
    const float viewX = stroke % 2 ? c.viewStride : 0.0f;
    for (int sub = 1; sub <= 4; ++sub) {
        const float t = (static_cast<float>(k) + static_cast<float>(sub) / 4.0f) / kStrokeFrames;
        const float cx = 256.0f + 75.0f * std::sin(t * 18.0f + static_cast<float>(stroke));
        const float cy = 230.0f + 420.0f * t;
        const ImVec2 p(c.origin.x + viewX + cx * c.scale, c.origin.y + cy * c.scale);
        const bool first = k == 0 && sub == 1;
        chart.pointerEvents.push_back({first ? PointerAction::Down : PointerAction::Move, false,
                                          first ? SDL_BUTTON_LEFT : 0, 0, p});
        io.MousePos = p;
    }
    if (k == kStrokeFrames - 1) {
        chart.pointerEvents.push_back({PointerAction::Up, false, SDL_BUTTON_LEFT, 0, io.MousePos});
    }
    io.MouseDown[0] = true;
    return true;
}

void BenchDriver::report(double startupMs) const {
    std::printf("start to first frame: %.1f ms\n", startupMs);
    std::printf("painting frames: %zu  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n",
                paintingMs.size(), percentile(paintingMs, 0.5), percentile(paintingMs, 0.9),
                percentile(paintingMs, 0.99), percentile(paintingMs, 1.0));
    std::printf("all frames: %zu  p50 %.2f ms  p99 %.2f ms\n", allMs.size(),
                percentile(allMs, 0.5), percentile(allMs, 0.99));
}

}  // namespace bodymap::app
