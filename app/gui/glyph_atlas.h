// The ImGui font atlas grows with the text shown. DejaVu Sans (Latin, Greek, Cyrillic) is
// loaded at start-up; a codepoint of user text that the atlas lacks (Chinese, Japanese,
// Korean, ...) is noted while a frame is drawn, and between frames the fonts that have it are
// found through fontconfig, merged into every UI font with exactly the noted codepoints, and
// the atlas texture is rebuilt. Scripts that need shaping never come here (user_text.h draws
// them through pango).
#pragma once

#include <cstdint>
#include <string_view>

#include "app/gui/ui_context.h"

namespace bodymap::app {

// After loadFonts: the fonts that get the new glyphs (all of `ui`'s but the R/L marks).
void glyphAtlasInit(UiContext& ui);
// True when the current font has every codepoint of `text`; the missing ones are noted for the
// next rebuild (a codepoint no installed font has is logged once as "glyph-missing U+XXXX").
bool atlasCovers(std::string_view text);
// Between frames (not inside NewFrame..Render): merges fonts for the noted codepoints and
// rebuilds and re-uploads the atlas. Returns true if it did.
bool glyphAtlasUpdate();
// Codepoints that no installed font has (a test fails on any).
int glyphsMissing();

// Decodes one UTF-8 sequence at s[i] (advancing i); malformed bytes give U+FFFD.
std::uint32_t nextCodepoint(std::string_view s, std::size_t& i);

}  // namespace bodymap::app
