// Global keyboard shortcuts (see panels.h). Not active while a text field has focus.
// Dear ImGui 1.86's SDL backend indexes keys by SDL scancode (physical key position).
#include <algorithm>

#include <SDL.h>

#include "app/panels.h"

namespace bodymap::app {

namespace {
bool keyPressed(SDL_Scancode k) { return ImGui::IsKeyPressed(static_cast<int>(k), false); }
bool keyRepeat(SDL_Scancode k) { return ImGui::IsKeyPressed(static_cast<int>(k), true); }
}  // namespace

void handleShortcuts(AppState& s) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    const bool ctrl = io.KeyCtrl;
    const bool shift = io.KeyShift;
    if (ctrl && keyRepeat(SDL_SCANCODE_Z)) {
        if (shift) redo(s);
        else undo(s);
        return;
    }
    if (ctrl && keyRepeat(SDL_SCANCODE_Y)) {
        redo(s);
        return;
    }
    if (ctrl && keyPressed(SDL_SCANCODE_0)) {
        s.view.zoom = 1.0f;
        s.view.panX = s.view.panY = 0;
        return;
    }
    if (ctrl && keyPressed(SDL_SCANCODE_M)) {
        s.clientMode = !s.clientMode;
        if (s.clientMode && s.tools.tool == Tool::Fill) s.tools.tool = Tool::Paint;
        return;
    }
    if (ctrl && keyPressed(SDL_SCANCODE_Q)) {
        s.quit = true;
        return;
    }
    if (ctrl || io.KeyAlt) return;  // other Ctrl shortcuts belong to the menus
    const SDL_Scancode digits[9] = {SDL_SCANCODE_1, SDL_SCANCODE_2, SDL_SCANCODE_3,
                                    SDL_SCANCODE_4, SDL_SCANCODE_5, SDL_SCANCODE_6,
                                    SDL_SCANCODE_7, SDL_SCANCODE_8, SDL_SCANCODE_9};
    auto setIntensity = [&s](int k) {
        s.tools.brush.intensity = static_cast<std::uint8_t>(k);
        if (s.tools.tool == Tool::Erase) s.tools.tool = Tool::Paint;
    };
    for (int k = 1; k <= 9; ++k) {
        if (keyPressed(digits[k - 1]) || keyPressed(static_cast<SDL_Scancode>(SDL_SCANCODE_KP_1 + k - 1))) {
            setIntensity(k);
        }
    }
    if (keyPressed(SDL_SCANCODE_0) || keyPressed(SDL_SCANCODE_KP_0)) setIntensity(10);
    if (keyRepeat(SDL_SCANCODE_LEFTBRACKET)) s.tools.brush.radius = std::max(2.0f, s.tools.brush.radius / 1.15f);
    if (keyRepeat(SDL_SCANCODE_RIGHTBRACKET)) s.tools.brush.radius = std::min(60.0f, s.tools.brush.radius * 1.15f);
    if (keyPressed(SDL_SCANCODE_E)) s.tools.tool = Tool::Erase;
    if (keyPressed(SDL_SCANCODE_B)) s.tools.tool = Tool::Paint;
    if (keyPressed(SDL_SCANCODE_F) && !s.clientMode) s.tools.tool = Tool::Fill;
    if (keyPressed(SDL_SCANCODE_TAB)) {
        s.view.focus = s.view.focus == maps::ViewId::Front ? maps::ViewId::Back : maps::ViewId::Front;
        s.post(s.view.focus == maps::ViewId::Front ? "Focus: front view" : "Focus: back view");
    }
    if (keyRepeat(SDL_SCANCODE_EQUALS) || keyRepeat(SDL_SCANCODE_KP_PLUS)) {
        s.view.zoom = std::min(8.0f, s.view.zoom * 1.25f);
    }
    if (keyRepeat(SDL_SCANCODE_MINUS) || keyRepeat(SDL_SCANCODE_KP_MINUS)) {
        s.view.zoom = std::max(1.0f, s.view.zoom / 1.25f);
        if (s.view.zoom == 1.0f) s.view.panX = s.view.panY = 0;
    }
}

}  // namespace bodymap::app
