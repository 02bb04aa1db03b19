// Text that people typed or that files hold (client names, therapists, notes, tag notes), in
// any script. Text whose characters the glyph atlas can draw one by one (Latin, Greek,
// Cyrillic, Chinese, Japanese, Korean, ...) is drawn by ImGui, the atlas growing with it
// (glyph_atlas.h); text that needs shaping or ordering (Arabic, Hebrew, Devanagari and the
// other Indic scripts, Thai, combining marks, emoji) is drawn by pango into a texture
// (render/text_raster.h), cached, and shown as an image in its place. Also the input method:
// the composition (SDL_TEXTEDITING) is shown at the caret of the active text field.
#pragma once

#include <string_view>

#include <SDL.h>
#include <imgui.h>

namespace bodymap::app {

// True if `text` needs pango (shaping, right-to-left, colour emoji, beyond ImWchar).
bool needsShaping(std::string_view text);

// Like ImGui::TextUnformatted (one item; newlines break lines), in the current font and the
// text colour (or `color` when not 0).
void userText(std::string_view text, ImU32 color = 0);
void userTextDisabled(std::string_view text);
// Wrapped at the wrap position (as ImGui::TextWrapped), e.g. notes in a tooltip.
void userTextWrapped(std::string_view text);
// Drawn on a draw list with its top-left at `pos` (as ImDrawList::AddText), current font.
void userTextAt(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text);
// The size userText would take.
ImVec2 userTextSize(std::string_view text);
// After a text field holding `text`: notes its characters for the atlas and, while it holds
// text that ImGui cannot shape (Arabic, Hebrew, Devanagari, Thai, emoji), shows it shaped on
// a line under the field. Tests: the field's place is logged as `logName` (logLastItem).
void userFieldPreview(std::string_view text, const char* logName = nullptr);

// The main loop's hooks. Between frames: grows the atlas, drops textures not drawn for a while.
void userTextBetweenFrames();
// Every SDL event: keeps the input method's composition (SDL_TEXTEDITING; a commit or a
// field losing focus ends it).
void userTextEvent(const SDL_Event& ev);
// Inside the frame, after the panels and before ImGui::Render: the composition at the caret
// and the input method's window placed there (SDL_SetTextInputRect).
void userTextEndFrame();

}  // namespace bodymap::app
