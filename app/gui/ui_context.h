// Fonts and scale shared by the panels (GUI resources, not document data).
#pragma once

#include <imgui.h>

namespace bodymap::app {

struct UiContext {
    float scale = 1.0f;        // display scale: 1 at 96 dpi
    ImFont* regular = nullptr;  // body text
    ImFont* body = nullptr;     // intake's body text (20 px: a client reads it at arm's length)
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;  // panel headings, intake headings
    ImFont* mark = nullptr;     // the large R / L marks
    ImFont* title = nullptr;    // the intake's full-page messages ("Thank you, ...")
};

// Colours of the UI, matched to the chart palette.
namespace ui_colors {
constexpr ImU32 kSideMark = IM_COL32(52, 86, 140, 255);
constexpr ImU32 kViewLabel = IM_COL32(77, 77, 77, 255);
constexpr ImU32 kChartBackground = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kBrushCursor = IM_COL32(30, 30, 30, 200);
constexpr ImU32 kBrushCursorHalo = IM_COL32(255, 255, 255, 200);
}  // namespace ui_colors

}  // namespace bodymap::app
