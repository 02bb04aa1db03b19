// Fascial lines in the GUI: overlay toggles with the line colours (the legend), the tag tool's
// band picker and editor, and the Tags tab. Tag edits are undoable document edits.
#pragma once

#include "app/gui/app_state.h"
#include "app/gui/ui_context.h"

namespace bodymap::app {

void drawFascialControls(AppState& s, const UiContext& ui);  // tools panel section
void drawTagsTab(AppState& s, const UiContext& ui);          // right panel tab
void drawTagEditor(AppState& s, const UiContext& ui);        // modal, when open
// The tag tool clicked a body cell: open the editor for the band there (or let the user pick).
void tagAt(AppState& s, maps::ViewId v, int x, int y);
// Index of the tag on a band in the open map, or -1.
int tagIndexOf(const AppState& s, int band);
// Help text for the fascial lines feature.
void fascialHelp(const UiContext& ui);

}  // namespace bodymap::app
