// The panels of the main window and client mode. Each draws from and edits AppState only
// through the functions in app_state.h.
#pragma once

#include <string>

#include "app/gui/app_state.h"
#include "app/gui/key_input.h"
#include "app/gui/ui_context.h"

namespace bodymap::app {

void drawToolsPanel(AppState& s, const UiContext& ui);     // tools_panel.cpp
// The painting tools without the fascial lines and view options, for a tab (small windows),
// and those two sections on their own (shown in the Tags tab then).
void drawToolsCompact(AppState& s, const UiContext& ui);   // tools_panel.cpp
void drawLinesAndView(AppState& s, const UiContext& ui);   // tools_panel.cpp
// The findings brush's choices and the Mark tool's (therapist_tools.cpp).
void drawFindingsControls(AppState& s, const UiContext& ui);
void drawMarkControls(AppState& s, const UiContext& ui);
// The Tags tab's list of the marks on the chart: a click picks one for the Mark tool.
void drawMarksList(AppState& s, const UiContext& ui);
// The chart's own symbols as textures `size` pixels high (a finding's is 1.5 x as wide), for
// legends and buttons (therapist_tools.cpp).
void* markIconTexture(maps::MarkKind kind, maps::DrawnBy by, int size);
void* findingIconTexture(maps::Finding f, int size);
void drawMenuBar(AppState& s, const UiContext& ui);        // menu_bar.cpp
void drawHelpWindow(AppState& s, const UiContext& ui);     // menu_bar.cpp

// Shared widgets (widgets.cpp).
// A panel section's title: some space above, bold, a rule below.
void heading(const char* text, const UiContext& ui);
// A row of intensity swatches 0..10 (0 selects the eraser); `size` is a swatch's side.
void intensitySwatches(AppState& s, float size, const UiContext& ui);
// A toggle per quality with its symbol pattern; `large` for client mode.
void qualityToggles(AppState& s, const UiContext& ui, bool large, int columns = 1);
// The intensity colour legend and the quality symbol legend.
void legend(const UiContext& ui);
// Draws quality q's pattern in the rectangle [p0, p1) of the current window.
void qualityPatternSwatch(ImDrawList* dl, ImVec2 p0, ImVec2 p1, unsigned char qualityBit,
                          ImU32 fill);

// A bullet with text that wraps at the window's edge, continuation lines under the text.
void wrappedBullet(const char* text);
// `text` cut to at most `maxWidth` pixels in the current font, ending in "..." when cut (never
// inside a UTF-8 sequence).
std::string ellipsize(const std::string& text, float maxWidth);
// A small square in `color`, then `text` in the normal text colour: for colours that would be
// unreadable as text (a pale line colour on a light tooltip).
void colorChipText(ImU32 color, const char* text);
// A line of coloured text shortened to `maxWidth`; hovering it shows `full` (wrapped) when
// that says more than the line.
void ellipsizedText(ImU32 color, const std::string& text, float maxWidth, const std::string& full);

// Keyboard shortcuts that work anywhere (not while typing in a text field).
void handleShortcuts(AppState& s, const KeyPresses& keys);  // shortcuts.cpp

}  // namespace bodymap::app
