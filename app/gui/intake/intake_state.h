// The locked client intake (the kiosk) as AppState holds it. app/gui/intake/ draws it; the rest
// of the GUI asks intakeActive() before offering anything that leads elsewhere.
#pragma once

#include <string>

#include "maps/pain_map.h"

namespace bodymap::app {

enum class IntakePhase {
    Off,            // the therapist's GUI
    Drawing,        // the client paints: only the intake screen is reachable
    ConfirmNoPain,  // Done with nothing painted: "No pain today?"
    ThankYou,       // saved: "Thank you, please hand the device back"; the PIN unlocks
    SaveFailed,     // Done could not save: "Please hand the device to your therapist"
};

// Why the PIN is asked for: what a right PIN does.
enum class PinPurpose {
    None,
    Leave,   // leave the intake without Done: back to the therapist GUI, the drawing kept open
    Quit,    // the window was closed: leave, then quit (asking about unsaved work)
};

// Digits typed on the pad (never shown, only counted) and the line under them.
struct PinEntry {
    std::string digits;
    std::string message;
    bool error = false;
};

// Wrong PINs in this process: from the third on, a delay that doubles (30 s, 60 s, ...).
// Closing the dialog does not reset it; only a right PIN does.
struct PinGate {
    int wrong = 0;
    double lockedUntil = 0;    // ImGui time; no PIN is checked before it
};

// Settings > Therapist PIN...: the current PIN (when one is set), the new one, the new one again.
struct PinSettingsDialog {
    bool open = false;
    int step = 0;              // 0 current PIN, 1 new PIN, 2 new PIN again
    std::string first;         // the new PIN of step 1, compared in step 2
    PinEntry entry;
};

struct IntakeState {
    IntakePhase phase = IntakePhase::Off;
    std::string clientId;      // the one client of this intake
    std::string clientName;    // the client's own name, the only one shown
    std::string savedPath;     // the visit Done saved (the therapist lands on it after unlocking)
    std::string saveError;     // why Done could not save (shown to the therapist after unlocking)
    maps::ViewId portraitView = maps::ViewId::Front;  // portrait layout: the one view shown
    // The language of what the client reads (a shipped tag, or "pseudo"); the therapist's
    // PIN dialog and messages keep the UI language. The saved map does not depend on it.
    std::string language;
    std::string uiLanguage;    // the therapist's (the process default), noted each frame
    bool languageList = false; // the client is choosing a language (the list replaces the chart)
    PinPurpose pinPrompt = PinPurpose::None;  // the PIN dialog is open for this
    PinEntry pin;
    PinGate gate;              // kept across dialogs and intakes of this process
    PinSettingsDialog settingsPin;
};

inline bool intakeActive(const IntakeState& i) { return i.phase != IntakePhase::Off; }

}  // namespace bodymap::app
