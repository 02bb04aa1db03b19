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
};

struct IntakeState {
    IntakePhase phase = IntakePhase::Off;
    std::string clientId;      // the one client of this intake
    std::string clientName;    // the client's own name, the only one shown
    std::string savedPath;     // the visit Done saved (the therapist lands on it after unlocking)
    maps::ViewId portraitView = maps::ViewId::Front;  // portrait layout: the one view shown
};

inline bool intakeActive(const IntakeState& i) { return i.phase != IntakePhase::Off; }

}  // namespace bodymap::app
