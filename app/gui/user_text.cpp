// User text in any script (see user_text.h).
#include "app/gui/user_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

#include <imgui_internal.h>

#include "app/gui/app_state.h"
#include "app/gui/gl_texture.h"
#include "app/gui/glyph_atlas.h"
#include "render/text_raster.h"

namespace bodymap::app {

namespace {

// DejaVu Sans is (ascender - descender) = 1.1641 em: ImGui's FreeType fonts are sized by that
// height, pango by the em.
constexpr double kEmPerFontSize = 1.0 / 1.1641;
// Shaped textures not drawn for this long are dropped.
constexpr double kEvictSeconds = 30.0;

bool shapedCodepoint(std::uint32_t c) {
    return (c >= 0x0300 && c <= 0x036F)      // combining diacritics (ImGui cannot place them)
           || (c >= 0x0590 && c <= 0x08FF)   // Hebrew, Arabic, Syriac, Thaana, N'Ko, ...
           || (c >= 0x0900 && c <= 0x0DFF)   // Devanagari and the other Indic scripts
           || (c >= 0x0E00 && c <= 0x0FFF)   // Thai, Lao, Tibetan
           || (c >= 0x1000 && c <= 0x109F)   // Myanmar
           || (c >= 0x1100 && c <= 0x11FF)   // Hangul jamo (composed by shaping)
           || (c >= 0x1780 && c <= 0x18AF)   // Khmer, Mongolian
           || (c >= 0x1A00 && c <= 0x1CFF)   // Buginese ... Vedic
           || (c >= 0x1DC0 && c <= 0x1DFF)   // combining supplement
           || (c >= 0x200C && c <= 0x200F)   // ZWNJ, ZWJ, LRM, RLM
           || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)  // bidi controls
           || (c >= 0x20D0 && c <= 0x20FF)   // combining marks for symbols
           || (c >= 0x2600 && c <= 0x27BF)   // symbols and dingbats (emoji presentation)
           || (c >= 0x2B00 && c <= 0x2BFF)   // arrows and stars (emoji)
           || (c >= 0xA8E0 && c <= 0xABFF)   // Devanagari extended ... Meetei Mayek
           || (c >= 0xFB1D && c <= 0xFDFF)   // Hebrew and Arabic presentation forms
           || (c >= 0xFE00 && c <= 0xFE0F)   // variation selectors (emoji style)
           || (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE70 && c <= 0xFEFF)
           || c > 0xFFFF;                    // emoji, and all beyond the atlas's 16-bit range
}

struct Shaped {
    std::unique_ptr<GlTexture> texture;
    int width = 0, height = 0, baseline = 0;
    double lastUsed = 0;
};

std::unordered_map<std::string, Shaped>& cache() {
    static std::unordered_map<std::string, Shaped> c;
    return c;
}

// Text for a test-log line: newlines as "\n".
std::string oneLine(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

bool fontIsBold(const ImFont* f) {
    return f && f->ConfigData && std::strstr(f->ConfigData->Name, "Bold") != nullptr;
}

// The current font's text as a texture in colour `color` (its alpha is applied when drawn).
const Shaped& shaped(std::string_view text, ImU32 color, float wrapWidth) {
    const ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const bool bold = fontIsBold(font);
    const auto r = static_cast<std::uint8_t>(color >> IM_COL32_R_SHIFT);
    const auto g = static_cast<std::uint8_t>(color >> IM_COL32_G_SHIFT);
    const auto b = static_cast<std::uint8_t>(color >> IM_COL32_B_SHIFT);
    char head[64];
    std::snprintf(head, sizeof head, "%.2f|%d|%02x%02x%02x|%.0f|", static_cast<double>(size), bold ? 1 : 0, r, g, b,
                  static_cast<double>(wrapWidth));
    std::string key = head;
    key.append(text);
    Shaped& s = cache()[key];
    s.lastUsed = ImGui::GetTime();
    if (s.texture) return s;
    const render::RasterText t =
        render::rasterizeText(std::string(text), size * kEmPerFontSize, r, g, b, bold, wrapWidth);
    s.texture = std::make_unique<GlTexture>();
    s.width = t.width;
    s.height = t.height;
    s.baseline = t.baseline;
    if (t.width > 0) s.texture->create(t.width, t.height, t.rgba.data(), false);
    if (testLogEnabled()) {
        const std::string one = oneLine(text);
        testLog("text-shaped w=" + std::to_string(t.width) + " h=" + std::to_string(t.height) + " " + one);
        if (t.unknownGlyphs > 0) testLog("glyph-missing shaped " + std::to_string(t.unknownGlyphs) + " " + one);
    }
    return s;
}

ImU32 alphaTint(ImU32 color) { return IM_COL32(255, 255, 255, (color >> IM_COL32_A_SHIFT) & 0xFF); }

// Draws a shaped texture with its first baseline on the line at `pos` (the line's top).
void drawShaped(ImDrawList* dl, const Shaped& s, ImVec2 pos, ImU32 color) {
    if (!s.texture || !s.texture->valid()) return;
    const float top = std::round(pos.y + ImGui::GetFont()->Ascent * ImGui::GetFont()->Scale - static_cast<float>(s.baseline));
    const float left = std::round(pos.x);
    dl->AddImage(s.texture->imguiId(), ImVec2(left, top),
                 ImVec2(left + static_cast<float>(s.width), top + static_cast<float>(s.height)), ImVec2(0, 0),
                 ImVec2(1, 1), alphaTint(color));
}

// The block's height in the layout: one line per line, and more when pango's lines are taller.
float shapedItemHeight(const Shaped& s, std::string_view text, bool wrapped) {
    const float lineH = ImGui::GetTextLineHeight();
    if (!wrapped && text.find('\n') == std::string_view::npos) return lineH;
    const float top = ImGui::GetFont()->Ascent - static_cast<float>(s.baseline);
    return std::max(lineH, top + static_cast<float>(s.height));
}

void shapedItem(std::string_view text, ImU32 color, float wrapWidth) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // Rows scrolled out of view are not drawn (nor rasterised): a guess at their size is enough.
    if (wrapWidth <= 0 && text.find('\n') == std::string_view::npos &&
        !ImGui::IsRectVisible(ImVec2(1, ImGui::GetTextLineHeight()))) {
        ImGui::Dummy(ImVec2(ImGui::CalcTextSize(text.data(), text.data() + text.size()).x, ImGui::GetTextLineHeight()));
        return;
    }
    const Shaped& s = shaped(text, color, wrapWidth);
    drawShaped(ImGui::GetWindowDrawList(), s, pos, color);
    ImGui::Dummy(ImVec2(static_cast<float>(s.width), shapedItemHeight(s, text, wrapWidth > 0)));
}

std::unordered_map<std::string, int>& placedThisFrame() {
    static std::unordered_map<std::string, int> m;
    return m;
}

// Tests: where each user text was drawn ("user-text X Y W H TEXT"), once per place.
void logPlaced(std::string_view text, ImVec2 min, ImVec2 size) {
    if (!testLogEnabled()) return;
    char where[64];
    std::snprintf(where, sizeof where, "%d %d %d %d ", static_cast<int>(min.x), static_cast<int>(min.y),
                  static_cast<int>(size.x), static_cast<int>(size.y));
    // Keyed by the text and how often it was drawn before in this frame: a name shown in two
    // places at once is two keys, each logged when it moves.
    const std::string t = oneLine(text);
    const int nth = placedThisFrame()[t]++;
    testLogChanged("user-text " + std::to_string(nth) + " " + t, "user-text " + std::string(where) + t);
}

struct Ime {
    std::string text;  // the composition (preedit), empty when none
    int cursor = 0;    // in characters
    bool rectSet = false;
    SDL_Rect rect{};
};

Ime& ime() {
    static Ime i;
    return i;
}

}  // namespace

bool needsShaping(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        if (shapedCodepoint(nextCodepoint(text, i))) return true;
    }
    return false;
}

void userText(std::string_view text, ImU32 color) {
    const ImU32 c = color ? color : ImGui::GetColorU32(ImGuiCol_Text);
    if (!needsShaping(text)) {
        atlasCovers(text);
        if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        if (color) ImGui::PopStyleColor();
        logPlaced(text, ImGui::GetItemRectMin(), ImGui::GetItemRectSize());
        return;
    }
    atlasCovers(text);  // for the places that draw it with ImGui (unshaped, but not "?")
    shapedItem(text, c, -1);
    logPlaced(text, ImGui::GetItemRectMin(), ImGui::GetItemRectSize());
}

void userTextDisabled(std::string_view text) { userText(text, ImGui::GetColorU32(ImGuiCol_TextDisabled)); }

void userTextWrapped(std::string_view text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const bool push = window->DC.TextWrapPos < 0.0f;
    if (push) ImGui::PushTextWrapPos(0.0f);
    if (!needsShaping(text)) {
        atlasCovers(text);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
    } else {
        const float wrap = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), window->DC.TextWrapPos);
        shapedItem(text, ImGui::GetColorU32(ImGuiCol_Text), std::max(1.0f, wrap));
    }
    if (push) ImGui::PopTextWrapPos();
}

void userTextAt(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text) {
    if (text.empty()) return;
    if (!needsShaping(text)) {
        atlasCovers(text);
        dl->AddText(pos, color, text.data(), text.data() + text.size());
        logPlaced(text, pos, ImGui::CalcTextSize(text.data(), text.data() + text.size()));
        return;
    }
    atlasCovers(text);
    const Shaped& s = shaped(text, color, -1);
    drawShaped(dl, s, pos, color);
    logPlaced(text, pos, ImVec2(static_cast<float>(s.width), ImGui::GetTextLineHeight()));
}

ImVec2 userTextSize(std::string_view text) {
    if (!needsShaping(text)) {
        atlasCovers(text);
        return ImGui::CalcTextSize(text.data(), text.data() + text.size());
    }
    const Shaped& s = shaped(text, ImGui::GetColorU32(ImGuiCol_Text), -1);
    return ImVec2(static_cast<float>(s.width), shapedItemHeight(s, text, false));
}

void userFieldPreview(std::string_view text, const char* logName) {
    if (logName) logLastItem(logName);
    // The field draws with the atlas: its characters must be there (unshaped, but not "?").
    atlasCovers(text);
    if (!needsShaping(text)) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x);
    const Shaped& s = shaped(text, ImGui::GetColorU32(ImGuiCol_TextDisabled), wrap);
    drawShaped(ImGui::GetWindowDrawList(), s, pos, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::Dummy(ImVec2(static_cast<float>(s.width), shapedItemHeight(s, text, true)));
    ImGui::PopTextWrapPos();
}

void userTextBetweenFrames() {
    placedThisFrame().clear();
    glyphAtlasUpdate();
    const double now = ImGui::GetTime();
    auto& c = cache();
    for (auto it = c.begin(); it != c.end();) {
        if (now - it->second.lastUsed > kEvictSeconds) it = c.erase(it);
        else ++it;
    }
}

void userTextEvent(const SDL_Event& ev) {
    Ime& i = ime();
    if (ev.type == SDL_TEXTEDITING) {
        i.text = ev.edit.text;
        i.cursor = ev.edit.start;
        if (testLogEnabled()) testLog("ime-preedit " + std::to_string(i.cursor) + " " + i.text);
    } else if (ev.type == SDL_TEXTINPUT) {
        i.text.clear();
    }
}

void userTextEndFrame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    Ime& i = ime();
    const bool editing = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId && !(g.InputTextState.Flags & ImGuiInputTextFlags_ReadOnly);
    if (!editing) {
        i.text.clear();
        return;
    }
    // The caret, as InputText tells the platform (its x less 1, its line's top).
    const ImVec2 caret(g.PlatformImePos.x + 1.0f, g.PlatformImePos.y);
    const float lineH = ImGui::GetTextLineHeight();
    const SDL_Rect rect{static_cast<int>(caret.x), static_cast<int>(caret.y), 1, static_cast<int>(lineH)};
    if (!i.rectSet || std::memcmp(&rect, &i.rect, sizeof rect) != 0) {
        // The input method's candidate window goes under the caret.
        SDL_SetTextInputRect(&rect);
        i.rect = rect;
        i.rectSet = true;
    }
    if (i.text.empty()) return;
    // The composition covers the text after the caret, underlined, as input methods show it.
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 size = userTextSize(i.text);
    dl->AddRectFilled(caret, ImVec2(caret.x + size.x + 2, caret.y + lineH), ImGui::GetColorU32(ImGuiCol_FrameBg));
    userTextAt(dl, caret, ImGui::GetColorU32(ImGuiCol_Text), i.text);
    dl->AddLine(ImVec2(caret.x, caret.y + lineH - 1), ImVec2(caret.x + size.x, caret.y + lineH - 1),
                ImGui::GetColorU32(ImGuiCol_Text));
    // The composition's own caret.
    std::size_t byte = 0;
    for (int k = 0; k < i.cursor && byte < i.text.size(); ++k) nextCodepoint(i.text, byte);
    const float cx = caret.x + userTextSize(std::string_view(i.text).substr(0, byte)).x;
    dl->AddLine(ImVec2(cx, caret.y + 1), ImVec2(cx, caret.y + lineH - 2), ImGui::GetColorU32(ImGuiCol_Text));
    testLogChanged("ime-drawn", "ime-preedit-drawn " + std::to_string(static_cast<int>(caret.x)) + " " +
                                    std::to_string(static_cast<int>(caret.y)) + " " + i.text);
}

}  // namespace bodymap::app
