// Pointer samples from SDL events and the mouse as ImGui sees it (see pointer_input.h).
#include "app/gui/pointer_input.h"

#include <imgui_internal.h>

namespace bodymap::app {

namespace {

// SDL button number to ImGui's index (left 0, right 1, middle 2); -1 for others.
int imguiButton(Uint8 b) {
    switch (b) {
        case SDL_BUTTON_LEFT: return 0;
        case SDL_BUTTON_RIGHT: return 1;
        case SDL_BUTTON_MIDDLE: return 2;
        default: return -1;
    }
}

}  // namespace

void queuePointerEvent(std::vector<PointerEvent>& queue, const SDL_Event& ev, int windowW,
                       int windowH) {
    PointerEvent p;
    switch (ev.type) {
        case SDL_MOUSEMOTION:
            if (ev.motion.which == SDL_TOUCH_MOUSEID) return;
            p.action = PointerAction::Move;
            p.pos = ImVec2(static_cast<float>(ev.motion.x), static_cast<float>(ev.motion.y));
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (ev.button.which == SDL_TOUCH_MOUSEID) return;
            p.action = ev.type == SDL_MOUSEBUTTONDOWN ? PointerAction::Down : PointerAction::Up;
            p.button = ev.button.button;
            p.pos = ImVec2(static_cast<float>(ev.button.x), static_cast<float>(ev.button.y));
            break;
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
            p.action = ev.type == SDL_FINGERDOWN   ? PointerAction::Down
                       : ev.type == SDL_FINGERUP   ? PointerAction::Up
                                                   : PointerAction::Move;
            p.finger = true;
            p.id = ev.tfinger.fingerId;
            // Normalized to the window (0..1), not clamped.
            p.pos = ImVec2(ev.tfinger.x * static_cast<float>(windowW),
                           ev.tfinger.y * static_cast<float>(windowH));
            break;
        default:
            return;
    }
    queue.push_back(p);
}

void trackMouse(MouseTracker& m, const SDL_Event& ev) {
    switch (ev.type) {
        case SDL_MOUSEMOTION:
            m.pos = ImVec2(static_cast<float>(ev.motion.x), static_cast<float>(ev.motion.y));
            m.inside = true;
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: {
            m.pos = ImVec2(static_cast<float>(ev.button.x), static_cast<float>(ev.button.y));
            m.inside = true;
            const int b = imguiButton(ev.button.button);
            if (b < 0) break;
            const auto i = static_cast<std::size_t>(b);
            m.held[i] = ev.type == SDL_MOUSEBUTTONDOWN;
            if (m.held[i]) m.pressedInFrame[i] = true;
            break;
        }
        case SDL_WINDOWEVENT:
            if (ev.window.event == SDL_WINDOWEVENT_LEAVE) m.inside = false;
            if (ev.window.event == SDL_WINDOWEVENT_ENTER) m.inside = true;
            break;
        default:
            break;
    }
}

void feedImGuiMouse(MouseTracker& m, ImGuiIO& io) {
    // A press and release within one frame still shows as down for that frame (a click), as
    // the backend does it.
    bool any = false;
    for (std::size_t i = 0; i < m.held.size(); ++i) {
        io.MouseDown[i] = m.held[i] || m.pressedInFrame[i];
        any = any || io.MouseDown[i];
        m.pressedInFrame[i] = false;
    }
    // Outside the window (or before the pointer ever entered it) there is no hover.
    io.MousePos = m.inside || any ? m.pos : ImVec2(-FLT_MAX, -FLT_MAX);
}

bool pressReachesCurrentWindow(ImVec2 p) {
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return false;
    const ImGuiContext& g = *GImGui;
    const ImGuiWindow* current = g.CurrentWindow;
    // Windows are kept in display order, back to front; a window not yet begun this frame
    // still has last frame's place (the frame is being built).
    for (int i = g.Windows.Size - 1; i >= 0; --i) {
        const ImGuiWindow* w = g.Windows[i];
        // (ImGui's implicit "Debug" window is active during every frame, but never shown.)
        if (!(w->Active || w->WasActive) || w->Hidden || w->IsFallbackWindow) continue;
        if (w->Flags & ImGuiWindowFlags_NoMouseInputs) continue;
        if (!w->OuterRectClipped.Contains(p)) continue;
        return w == current;
    }
    return false;
}

}  // namespace bodymap::app
