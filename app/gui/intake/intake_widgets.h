// The intake screen's controls, sized for a finger (at least 48 px) and labelled in plain words:
// intensity with words at 0, 5 and 10, "What does it feel like?" buttons, the marker size, the
// large action buttons and the Front / Back switch. Each logs its rectangle for the layout tests.
#pragma once

#include <imgui.h>

#include "app/gui/app_state.h"
#include "app/gui/ui_context.h"

namespace bodymap::app::intake {

constexpr float kMinTarget = 48.0f;  // smallest touch target, px at scale 1 (Material's 48 dp)
// The marker sizes a client picks from (Small, Medium, Large), radius in chart cells.
constexpr float kMarkerSizes[3] = {5.0f, 12.0f, 24.0f};

// A large button in the heading font, filled with `activeColor` when `active`; logged as
// `logLabel` (the label's text up to "##" when null).
bool bigButton(const char* label, bool active, ImVec2 size, const UiContext& ui,
               ImU32 activeColor = IM_COL32(52, 86, 140, 255), const char* logLabel = nullptr);
// Text in the intake's body font (20 px), wrapped at screen x `wrapX`.
void bodyText(const char* text, const UiContext& ui, float wrapX);
// A heading in the heading font, wrapped at screen x `wrapX` when it is > 0.
void headingText(const char* text, const UiContext& ui, float wrapX = 0);
// Height of intensityRow for a swatch side `swatch`.
float intensityRowHeight(float swatch, const UiContext& ui);
// "How strong is it?", swatches 0-10 in one row (0 is the eraser) with the words "no pain",
// "moderate" and "worst imaginable" under 0, 5 and 10.
void intensityRow(AppState& s, float swatch, float gap, const UiContext& ui);
// One quality's button: its pattern, name and symbol; filled and ticked while chosen.
void qualityButton(AppState& s, int index, ImVec2 size, const UiContext& ui);
// "Size of the marker": Small, Medium, Large (each `size`), side by side.
void markerSizeButtons(AppState& s, ImVec2 size, float gap, const UiContext& ui);
// One line saying what the next stroke paints ("Next mark: 6, Burning and Aching").
void nextMarkLine(const AppState& s, const UiContext& ui, float wrapX);
// Zoom the chart about its centre (factor > 1 zooms in); Fit shows the whole body again.
void zoomChart(AppState& s, float factor);
void fitChart(AppState& s);

}  // namespace bodymap::app::intake
