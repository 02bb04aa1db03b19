// --bench: drives the real window with a scripted sequence of strokes (pointer events as a pen
// would report them at ~240 Hz) and records the wall time of every frame.
#pragma once

#include <vector>

#include <imgui.h>

#include "app/gui/app_state.h"
#include "app/gui/chart_panel.h"

namespace bodymap::app {

struct BenchDriver {
    static constexpr int kWarmup = 30;
    static constexpr int kStrokes = 8;
    static constexpr int kStrokeFrames = 90;
    static constexpr int kGap = 10;
    int frame = 0;
    std::vector<double> paintingMs;  // frames with a stroke in progress
    std::vector<double> allMs;

    bool finished() const { return frame >= kWarmup + kStrokes * (kStrokeFrames + kGap); }
    // Queues this frame's pointer events on the chart; returns true while a stroke is in progress.
    bool drive(AppState& state, ChartPanelState& chart, ImGuiIO& io);
    // Prints the start-up time and the frame-time percentiles to stdout.
    void report(double startupMs) const;
};

}  // namespace bodymap::app
