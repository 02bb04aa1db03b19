// The Clients tab: search and pick a client, create one, list the client's visits newest first
// with a small thumbnail, open a visit or start a new one.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "app/app_state.h"
#include "app/gl_texture.h"
#include "app/ui_context.h"

namespace bodymap::app {

// GUI-side cache of visit thumbnails (textures), keyed by file path.
struct LibraryPanelState {
    struct Thumb {
        std::unique_ptr<GlTexture> texture;  // null when the file could not be drawn
        int width = 0, height = 0;
    };
    std::map<std::string, Thumb> thumbs;
    std::string newId, newName, newError;   // the New client form
};

void drawLibraryPanel(AppState& s, LibraryPanelState& p, const UiContext& ui);

// "2026-11-24T14:30:00" -> "24 Nov 2026, 14:30"; other text is returned unchanged.
std::string friendlyDate(const std::string& iso);

}  // namespace bodymap::app
