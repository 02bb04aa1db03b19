// Pointer input taken from SDL events rather than from Dear ImGui's once-a-frame mouse state:
// the chart's queue of every press, motion and release (mouse and finger) in order, and the
// mouse as ImGui should see it (position and buttons tracked from the events themselves).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <SDL.h>
#include <imgui.h>

namespace bodymap::app {

enum class PointerAction : std::uint8_t { Down, Move, Up };

// One pointer sample, in window pixels.
struct PointerEvent {
    PointerAction action = PointerAction::Move;
    bool finger = false;       // a touch finger; otherwise the mouse (or a pen acting as one)
    int button = 0;            // mouse: SDL_BUTTON_LEFT, ...; 0 for a motion; fingers: 0
    SDL_FingerID id = 0;       // the finger
    ImVec2 pos{0, 0};
};

// Appends the pointer sample an SDL event carries, if any, to `queue`. Mouse events SDL makes
// up from a touch (which == SDL_TOUCH_MOUSEID) are left out: the finger events carry the touch.
// `windowW`, `windowH`: the window size in window pixels (finger positions are 0..1 of it).
void queuePointerEvent(std::vector<PointerEvent>& queue, const SDL_Event& ev, int windowW,
                       int windowH);

// The mouse as Dear ImGui should see it. ImGui 1.86's SDL backend reads the global mouse state,
// which is stale while the pointer is captured during a drag on X11 and never sees events
// pushed into the queue (--replay): position and buttons are tracked from the events instead.
struct MouseTracker {
    ImVec2 pos{-FLT_MAX, -FLT_MAX};
    bool inside = false;                     // the pointer is over the window
    std::array<bool, 3> held{};              // left, right, middle: down now
    std::array<bool, 3> pressedInFrame{};    // went down since the last frame (a quick click)
};

// Updates `m` from a mouse or window event (touch-synthesized mouse events included: they are
// how ImGui's buttons work by touch).
void trackMouse(MouseTracker& m, const SDL_Event& ev);
// Sets io.MousePos and io.MouseDown for this frame (after ImGui_ImplSDL2_NewFrame).
void feedImGuiMouse(MouseTracker& m, ImGuiIO& io);

// Whether a press at `p` (window pixels) belongs to the current ImGui window: no popup or modal
// is open and it is the topmost window under `p` (a floating window over it keeps its clicks).
// The same test as ImGui's own hovering, but for any point, not only the last mouse position.
bool pressReachesCurrentWindow(ImVec2 p);

}  // namespace bodymap::app
