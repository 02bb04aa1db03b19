// The right-hand panel: tabs for the client library, the visit's details and its figures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/gui/app_state.h"
#include "app/gui/library_panel.h"
#include "app/gui/ui_context.h"
#include "maps/agreement.h"
#include "maps/metrics.h"
#include "maps/visit_time.h"

namespace bodymap::app {

struct SidePanelState {
    LibraryPanelState library;
    // Visit tab: a working copy edited by the text fields, committed as one undo step when a
    // field loses focus after a change.
    maps::VisitInfo editInfo;
    bool editing = false;         // a field was active last frame (its last edit is not yet in)
    // The date control's fields; a typed number stays here until its field is left.
    maps::CivilTime editTime;
    bool timeTyped = false;       // a date field's number was typed and not yet committed
    // Figures tab: metrics of the open map, recomputed when the document changes.
    std::optional<maps::MapMetrics> metrics;
    maps::Agreement agreement;               // the client's drawing against the findings
    std::uint64_t metricsGeneration = UINT64_MAX;
    std::string metricsError;
};

// `withTools`: a small window, where the painting tools are the first tab ("Paint") and the
// fascial lines and view options head the Tags tab.
void drawSidePanel(AppState& s, SidePanelState& p, const UiContext& ui, bool withTools = false);  // side_panels.cpp
void drawVisitTab(AppState& s, SidePanelState& p, const UiContext& ui);    // visit_panel.cpp
void drawFiguresTab(AppState& s, SidePanelState& p, const UiContext& ui);  // figures_panel.cpp

}  // namespace bodymap::app
