// The main window's size: fitted to the usable area of the display it opens on, and remembered
// in the settings (saved a moment after the user stops resizing, and at exit).
#pragma once

#include <SDL.h>

#include "app/gui/app_state.h"

namespace bodymap::app {

struct WindowSizeKeeper {
    int savedW = 0, savedH = 0;   // the size last written to (or read from) the settings
    int seenW = 0, seenH = 0;     // the size at the last tick
    int openW = 0, openH = 0;     // the size it opened with
    double changedAt = -1;        // when the size last changed (seconds); -1: nothing pending
    bool enabled = true;          // off for screenshots and benchmarks: nothing remembered or used
};

// The size the window opens with: `requestedW x requestedH` when given (non-zero), else the
// remembered size (if `useRemembered`), else 1600x1000; in every case shrunk to fit the usable
// bounds of `display`.
void windowOpenSize(const AppState& s, int display, int requestedW, int requestedH, bool useRemembered,
                    int& w, int& h);
// Sizes and centres `window` for windowOpenSize on the display it is on (the remembered size
// only when `keeper` is enabled: screenshots and benchmarks are reproducible), then shows it.
void fitAndShowWindow(SDL_Window* window, const AppState& s, int requestedW, int requestedH,
                      WindowSizeKeeper& keeper);
// Once per frame: remembers the window's size one second after it last changed.
void windowSizeTick(SDL_Window* window, AppState& s, WindowSizeKeeper& keeper, double now);
// At exit: remembers the window's size if the user changed it (a resize not yet saved).
void windowSizeAtExit(SDL_Window* window, AppState& s, WindowSizeKeeper& keeper);

}  // namespace bodymap::app
