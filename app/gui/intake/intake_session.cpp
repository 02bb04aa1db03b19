// The intake session (see intake.h).
#include "app/gui/intake/intake.h"

namespace bodymap::app {

void startIntake(AppState& s, const std::string& clientId, bool fromLastVisit) {
    (void)clientId;
    (void)fromLastVisit;
    s.clientMode = true;
}

void intakeDone(AppState& s) {
    s.clientMode = false;
    s.post("Thank you. The drawing is ready for your therapist.");
}

void drawIntakePages(AppState& s, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    (void)s;
    (void)ui;
    (void)pos;
    (void)size;
}

}  // namespace bodymap::app
