// The GUI's look: display scale, fonts (DejaVu Sans through fontconfig, FreeType) and the
// ImGui style matched to the chart palette. Set up once at start-up by runGui.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include "app/gui/ui_context.h"

namespace bodymap::app {

// The panels' background colour (the window is cleared with it).
inline const ImVec4 kPanelColor(0.965f, 0.961f, 0.953f, 1.0f);

// 1 at 96 dpi, up to 3, from the display the window is on.
float displayScale(SDL_Window* window);
// Loads the fonts of `ui` at ui.scale into ImGui's atlas.
void loadFonts(UiContext& ui);
// The light ImGui style, scaled by `scale`.
void applyStyle(float scale);

}  // namespace bodymap::app
