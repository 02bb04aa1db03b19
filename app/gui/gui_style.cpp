// The GUI's look (see gui_style.h).
#include "app/gui/gui_style.h"

#include <algorithm>
#include <iostream>
#include <string>

#include <imgui_freetype.h>

#include "app/gui/fonts.h"
#include "app/gui/glyph_atlas.h"

namespace bodymap::app {

float displayScale(SDL_Window* window) {
    float ddpi = 0;
    const int display = SDL_GetWindowDisplayIndex(window);
    if (SDL_GetDisplayDPI(display < 0 ? 0 : display, &ddpi, nullptr, nullptr) != 0 || ddpi <= 0) {
        return 1.0f;
    }
    return std::clamp(ddpi / 96.0f, 1.0f, 3.0f);
}

void loadFonts(UiContext& ui) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    const std::string regular = findFontFile("DejaVu Sans");
    const std::string bold = findFontFile("DejaVu Sans:bold");
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF,
                                      0x0400, 0x04FF, 0x2010, 0x205E, 0x2190, 0x21FF, 0};
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    // The large fonts carry only the glyphs they show: building the atlas is part of start-up.
    static const ImWchar kLatin[] = {0x0020, 0x00FF, 0};
    // The side marks are one capital letter in every language: R/L, D/G (French), D/I (Spanish).
    static const ImWchar kMarks[] = {'A', 'Z', 0};
    auto add = [&](const std::string& file, float size, const ImWchar* ranges) -> ImFont* {
        if (!file.empty()) {
            if (ImFont* f = io.Fonts->AddFontFromFileTTF(file.c_str(), size, &cfg, ranges)) return f;
        }
        ImFontConfig def;
        def.SizePixels = size;
        return io.Fonts->AddFontDefault(&def);
    };
    ui.regular = add(regular, 16.0f * ui.scale, kRanges);
    ui.bold = add(bold.empty() ? regular : bold, 16.0f * ui.scale, kRanges);
    ui.body = add(regular, 20.0f * ui.scale, kRanges);
    ui.heading = add(bold.empty() ? regular : bold, 22.0f * ui.scale, kLatin);
    ui.mark = add(bold.empty() ? regular : bold, 64.0f * ui.scale, kMarks);
    ui.title = add(bold.empty() ? regular : bold, 40.0f * ui.scale, kLatin);
    if (regular.empty()) {
        std::cerr << "bodymap: DejaVu Sans not found through fontconfig; using the built-in font\n";
    }
    // Other scripts' glyphs are added when text needs them (glyph_atlas.h).
    glyphAtlasInit(ui);
}

void applyStyle(float scale) {
    ImGui::StyleColorsLight();
    ImGuiStyle& st = ImGui::GetStyle();
    st.WindowRounding = 0;
    st.ChildRounding = 4;
    st.FrameRounding = 4;
    st.GrabRounding = 4;
    st.PopupRounding = 4;
    st.FramePadding = ImVec2(8, 5);
    st.ItemSpacing = ImVec2(8, 6);
    st.WindowPadding = ImVec2(12, 10);
    st.ScrollbarSize = 14;
    st.GrabMinSize = 12;
    ImVec4* c = st.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.965f, 0.961f, 0.953f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    // Dialogs in the panel colour: text fields, check boxes and radio buttons (white) must show
    // against them (on ImGui's white popups they were invisible).
    c[ImGuiCol_PopupBg] = ImVec4(0.965f, 0.961f, 0.953f, 1.0f);
    // Tooltips are popups: dark text on this light colour, with a visible edge. Grey captions
    // dark enough to read on it and on the panels (about 5:1; ImGui's 0.6 grey was 2.6:1).
    c[ImGuiCol_Text] = ImVec4(0.08f, 0.08f, 0.08f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.42f, 0.42f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.55f, 0.52f, 0.49f, 0.6f);
    // Warnings in text ("cannot be read") use this: ImGui's yellow was unreadable on light grey.
    c[ImGuiCol_PlotHistogram] = ImVec4(0.60f, 0.30f, 0.0f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.925f, 0.918f, 0.906f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.88f, 0.87f, 0.86f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.84f, 0.90f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.77f, 0.88f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.85f, 0.93f, 1.0f);
    // Hovered rows light enough for their grey second line to stay readable.
    c[ImGuiCol_HeaderHovered] = ImVec4(0.72f, 0.81f, 0.94f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.64f, 0.75f, 0.91f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.204f, 0.337f, 0.549f, 1.0f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.25f, 0.40f, 0.65f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.204f, 0.337f, 0.549f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.80f, 0.78f, 0.75f, 1.0f);
    st.ScaleAllSizes(scale);
}

}  // namespace bodymap::app
