// Key presses collected from SDL events during a frame. Dear ImGui 1.86 only sees the key state
// at frame time, so a press and release within one frame (a quick tap, or xdotool) would be
// lost; shortcuts are therefore taken from the events themselves.
#pragma once

#include <vector>

#include <SDL.h>

namespace bodymap::app {

struct KeyPress {
    SDL_Scancode scancode = SDL_SCANCODE_UNKNOWN;
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
    bool repeat = false;
};

using KeyPresses = std::vector<KeyPress>;

inline KeyPress keyPressFrom(const SDL_KeyboardEvent& e) {
    KeyPress k;
    k.scancode = e.keysym.scancode;
    k.ctrl = (e.keysym.mod & KMOD_CTRL) != 0;
    k.shift = (e.keysym.mod & KMOD_SHIFT) != 0;
    k.alt = (e.keysym.mod & KMOD_ALT) != 0;
    k.repeat = e.repeat != 0;
    return k;
}

}  // namespace bodymap::app
