// The Clients tab: search and pick a client, create one, list the client's visits newest first
// with a small thumbnail, open a visit or start a new one. The lists follow the disk (see
// pollLibrary); entries the library does not follow (symlinks) are listed as warnings.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/app_state.h"
#include "app/gui/gl_texture.h"
#include "app/gui/ui_context.h"

namespace bodymap::app {

// GUI-side cache of visit thumbnails (textures), keyed by file path.
struct LibraryPanelState {
    struct Thumb {
        std::unique_ptr<GlTexture> texture;  // null when the file could not be drawn
        int width = 0, height = 0;
        std::string version;                 // of the visit when drawn: redrawn when it changes
    };
    std::map<std::string, Thumb> thumbs;
    std::uint64_t listing = 0;              // LibraryState::listing the thumbnails were checked at
    // What the visit search looks in, lower-cased, per listed visit: built once per listing,
    // not every frame (a visit's notes may be 64 KiB each).
    std::vector<std::string> visitHaystacks;
    std::string newId, newName, newError;   // the New client form
};

void drawLibraryPanel(AppState& s, LibraryPanelState& p, const UiContext& ui);

// "2026-11-24T14:30:00" (or a visit file's name time "2026-11-24T14-30-00") -> "24 Nov 2026,
// 14:30"; other text is returned escaped to one printable line of at most ~80 characters.
std::string friendlyDate(const std::string& iso);

}  // namespace bodymap::app
