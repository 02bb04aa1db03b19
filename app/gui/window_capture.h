// Saving what the window shows as a PNG (--screenshot, --signal-screenshot, replay screenshots).
#pragma once

#include <string>

#include <SDL.h>

namespace bodymap::app {

// Reads the GL back buffer of `window` and writes it to `path` (opaque RGBA PNG). False, with
// the reason on stderr, when it cannot be written.
bool saveScreenshot(SDL_Window* window, const std::string& path);

}  // namespace bodymap::app
