// Fitting the window to its display and remembering its size (see window_size.h).
#include "app/gui/window_size.h"

#include <algorithm>

#include "app/gui/document_ops.h"

namespace bodymap::app {

namespace {
constexpr int kDefaultW = 1600, kDefaultH = 1000;
constexpr int kMinW = 320, kMinH = 240;  // the smallest --size accepts
constexpr double kDebounceSeconds = 1.0;

// A size worth remembering: not maximised or full screen (the next start would open a
// normal window of the screen's size that the user never chose).
bool rememberable(SDL_Window* window) {
    const Uint32 flags = SDL_GetWindowFlags(window);
    return !(flags & (SDL_WINDOW_MAXIMIZED | SDL_WINDOW_FULLSCREEN | SDL_WINDOW_FULLSCREEN_DESKTOP |
                      SDL_WINDOW_MINIMIZED));
}

void remember(AppState& s, WindowSizeKeeper& k, int w, int h) {
    if (w == k.savedW && h == k.savedH) return;
    s.settings.windowWidth = w;
    s.settings.windowHeight = h;
    if (saveSettings(s)) {
        k.savedW = w;
        k.savedH = h;
        testLog("window-size-saved " + std::to_string(w) + " " + std::to_string(h));
    }
}
}  // namespace

void windowOpenSize(const AppState& s, int display, int requestedW, int requestedH, bool useRemembered,
                    int& w, int& h) {
    if (requestedW > 0 && requestedH > 0) {
        w = requestedW;
        h = requestedH;
    } else if (useRemembered && s.settings.windowWidth >= kMinW && s.settings.windowHeight >= kMinH) {
        w = s.settings.windowWidth;
        h = s.settings.windowHeight;
    } else {
        w = kDefaultW;
        h = kDefaultH;
    }
    SDL_Rect usable{0, 0, 0, 0};
    if (SDL_GetDisplayUsableBounds(display < 0 ? 0 : display, &usable) == 0 && usable.w > 0 &&
        usable.h > 0) {
        w = std::clamp(w, std::min(kMinW, usable.w), usable.w);
        h = std::clamp(h, std::min(kMinH, usable.h), usable.h);
    }
}

void fitAndShowWindow(SDL_Window* window, const AppState& s, int requestedW, int requestedH,
                      WindowSizeKeeper& keeper) {
    const int display = SDL_GetWindowDisplayIndex(window);
    int w = 0, h = 0;
    windowOpenSize(s, display, requestedW, requestedH, keeper.enabled, w, h);
    // The window manager's frame comes out of the usable area too (known only on some systems
    // before the window is shown; 0 elsewhere).
    int top = 0, left = 0, bottom = 0, right = 0;
    if (SDL_GetWindowBordersSize(window, &top, &left, &bottom, &right) == 0) {
        SDL_Rect usable{0, 0, 0, 0};
        if (SDL_GetDisplayUsableBounds(display < 0 ? 0 : display, &usable) == 0) {
            w = std::max(std::min(kMinW, usable.w), std::min(w, usable.w - left - right));
            h = std::max(std::min(kMinH, usable.h), std::min(h, usable.h - top - bottom));
        }
    }
    SDL_SetWindowSize(window, w, h);
    const int d = display < 0 ? 0 : display;
    SDL_SetWindowPosition(window, static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(d)),
                          static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(d)));
    SDL_ShowWindow(window);
    keeper.savedW = s.settings.windowWidth;
    keeper.savedH = s.settings.windowHeight;
    SDL_GetWindowSize(window, &keeper.seenW, &keeper.seenH);
    keeper.openW = keeper.seenW;
    keeper.openH = keeper.seenH;
    testLog("window-size " + std::to_string(keeper.seenW) + " " + std::to_string(keeper.seenH));
}

void windowSizeTick(SDL_Window* window, AppState& s, WindowSizeKeeper& keeper, double now) {
    if (!keeper.enabled) return;
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    if (w != keeper.seenW || h != keeper.seenH) {
        keeper.seenW = w;
        keeper.seenH = h;
        keeper.changedAt = now;
        return;
    }
    if (keeper.changedAt >= 0 && now - keeper.changedAt >= kDebounceSeconds) {
        keeper.changedAt = -1;
        if (rememberable(window)) remember(s, keeper, w, h);
    }
}

void windowSizeAtExit(SDL_Window* window, AppState& s, WindowSizeKeeper& keeper) {
    if (!keeper.enabled || !rememberable(window)) return;
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    if ((w != keeper.openW || h != keeper.openH) && w >= kMinW && h >= kMinH) remember(s, keeper, w, h);
}

}  // namespace bodymap::app
