// The locked client intake: started by the therapist for one client, left only by Done or with
// the therapist's PIN. intake_session.cpp runs the session (start, Done, PIN, hand-back pages);
// intake_screen.cpp lays out what the client sees while drawing; pin.* keeps the PIN.
#pragma once

#include <string>

#include <imgui.h>

#include "app/gui/app_state.h"
#include "app/gui/chart_panel.h"
#include "app/gui/ui_context.h"
#include "maps/result.h"

namespace bodymap::app {

// intake_session.cpp
// Starts intake for `clientId` of the current library: a new visit of that client only, drawn
// by the client, blank or with the pain of the last visit. Refuses (the document unchanged) when
// `requirePin` and no therapist PIN is set, when the library cannot be read or has no such
// client. The caller has answered the unsaved-changes guard. `language`: the intake's language
// (what the client reads; the client can switch it); "" or unknown: the therapist UI's.
maps::Status startIntake(AppState& s, const std::string& clientId, bool fromLastVisit, bool requirePin = true,
                         const std::string& language = "");
// `bodymap intake --client ID [--lang L]`: restores the client's own intake recovery file when a
// killed intake left one (never another client's or the therapist's), else starts as startIntake.
maps::Status startIntakeFromCommandLine(AppState& s, const std::string& clientId, bool fromLastVisit,
                                        bool requirePin, const std::string& language = "");
// The Hand to client dialog's "Client's language" combo: the shipped languages by their own
// names. An empty `tag` starts as the therapist UI's language; pass `tag` to startIntake.
// Returns true when the choice changed.
bool intakeLanguageCombo(const UiContext& ui, std::string& tag);
// The tag an intake uses for `requested`: a shipped language or "pseudo"; else the UI's.
std::string intakeLanguageFor(const std::string& requested);
// The client pressed Done: asks "no pain today?" when nothing is painted, else saves and shows
// the hand-back page.
void intakeDone(AppState& s);
// Asks for the therapist's PIN (the Therapist button, or the window being closed: `why`).
void requestIntakeExit(AppState& s, PinPurpose why);
// Pages that replace the drawing screen (no-pain confirmation, thank-you / unlock, save failed);
// draws nothing while the client is drawing.
void drawIntakePages(AppState& s, const UiContext& ui, ImVec2 pos, ImVec2 size);
// The small grey "Therapist" button at the cursor (the drawing screen places it): asks for the
// PIN to leave the intake.
void drawTherapistButton(AppState& s, const UiContext& ui);
// Its width (it is labelled in the therapist's language).
float therapistButtonWidth(const AppState& s);
// Drawn over the whole window during intake: the PIN dialog.
void drawIntakeDialogs(AppState& s, const UiContext& ui);

// intake_screen.cpp
// What the client sees while drawing: the large controls and the chart, in [pos, pos+size).
// Returns the chart's white area (x, y, width, height in window pixels).
ImVec4 drawIntakeScreen(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size);

}  // namespace bodymap::app
