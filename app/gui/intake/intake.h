// The locked client intake: started by the therapist for one client, left only by Done or with
// the therapist's PIN. intake_session.cpp runs the session (start, Done, PIN, hand-back page);
// intake_screen.cpp lays out what the client sees while drawing.
#pragma once

#include <string>

#include <imgui.h>

#include "app/gui/app_state.h"
#include "app/gui/chart_panel.h"
#include "app/gui/ui_context.h"

namespace bodymap::app {

// intake_session.cpp
// Starts intake for `clientId` of the current library: a new visit, blank or from the last one.
void startIntake(AppState& s, const std::string& clientId, bool fromLastVisit);
// The client pressed Done: asks "no pain today?" when nothing is painted, else saves and shows
// the hand-back page.
void intakeDone(AppState& s);
// Pages that replace the drawing screen (no-pain confirmation, thank-you / unlock) and the PIN
// dialog; draws nothing while the client is drawing.
void drawIntakePages(AppState& s, const UiContext& ui, ImVec2 pos, ImVec2 size);

// intake_screen.cpp
// What the client sees while drawing: the large controls and the chart, in [pos, pos+size).
// Returns the chart's white area (x, y, width, height in window pixels).
ImVec4 drawIntakeScreen(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size);

}  // namespace bodymap::app
