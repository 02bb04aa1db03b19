// The intake screen's controls (see intake_widgets.h).
#include "app/gui/intake/intake_widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "render/colormap.h"

namespace bodymap::app::intake {

namespace {
constexpr ImU32 kChosenFill = IM_COL32(214, 226, 243, 255);
constexpr ImU32 kChosenEdge = IM_COL32(52, 86, 140, 255);
constexpr ImU32 kIdleFill = IM_COL32(250, 250, 250, 255);
constexpr ImU32 kIdleEdge = IM_COL32(170, 164, 158, 255);
constexpr ImU32 kInk = IM_COL32(25, 25, 25, 255);

ImFont* headingFont(const UiContext& ui) { return ui.heading ? ui.heading : ImGui::GetFont(); }
ImFont* bodyFont(const UiContext& ui) { return ui.body ? ui.body : ImGui::GetFont(); }

std::string visibleLabel(const char* label) {
    const std::string l(label);
    const auto hash = l.find("##");
    return hash == std::string::npos ? l : l.substr(0, hash);
}

void drawTick(ImDrawList* dl, ImVec2 c, float r, float thickness) {
    dl->AddLine(ImVec2(c.x - r, c.y), ImVec2(c.x - r * 0.3f, c.y + r * 0.7f), kChosenEdge, thickness);
    dl->AddLine(ImVec2(c.x - r * 0.3f, c.y + r * 0.7f), ImVec2(c.x + r, c.y - r * 0.8f), kChosenEdge,
                thickness);
}

// TRANSLATORS: the size of the marker the client paints with (a button about 90 px wide).
constexpr const char* kSizeNames[3] = {trNoopC("marker size", "Small"), trNoopC("marker size", "Medium"),
                                       trNoopC("marker size", "Large")};
}  // namespace

bool bigButton(const char* label, bool active, ImVec2 size, const UiContext& ui, ImU32 activeColor,
               const char* logLabel) {
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, activeColor);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, activeColor);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, activeColor);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    // The heading font, or the body font when the label would not fit in it.
    ImFont* font = headingFont(ui);
    const std::string text = visibleLabel(label);
    if (size.x > 0 && font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x +
                          2 * ImGui::GetStyle().FramePadding.x > size.x) {
        font = bodyFont(ui);
    }
    ImGui::PushFont(font);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 8.0f * ui.scale);
    const bool clicked = ImGui::Button(label, size);
    ImGui::PopStyleVar();
    ImGui::PopFont();
    if (active) ImGui::PopStyleColor(4);
    logLastItem(logLabel ? logLabel : text.c_str());
    // The text shown, when the log names the button by a fixed id (tests of other languages).
    if (logLabel && text != logLabel) {
        testLogChanged(std::string("label ") + logLabel, std::string("label ") + logLabel + " " + text);
    }
    return clicked;
}

void bodyText(const char* text, const UiContext& ui, float wrapX) {
    ImGui::PushFont(bodyFont(ui));
    ImGui::PushTextWrapPos(wrapX - ImGui::GetWindowPos().x);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void headingText(const char* text, const UiContext& ui, float wrapX) {
    ImGui::PushFont(headingFont(ui));
    if (wrapX > 0) ImGui::PushTextWrapPos(wrapX - ImGui::GetWindowPos().x);
    ImGui::TextUnformatted(text);
    if (wrapX > 0) ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

float intensityRowHeight(float swatch, const UiContext& ui) {
    return headingFont(ui)->FontSize + ImGui::GetStyle().ItemSpacing.y + swatch + 6 * ui.scale +
           bodyFont(ui)->FontSize;
}

void intensityRow(AppState& s, float swatch, float gap, const UiContext& ui) {
    headingText(tr("How strong is it?"), ui);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    for (int k = 0; k <= maps::kMaxIntensity; ++k) {
        const ImVec2 p(start.x + static_cast<float>(k) * (swatch + gap), start.y);
        ImGui::SetCursorScreenPos(p);
        ImGui::PushID(k);
        const bool clicked = ImGui::InvisibleButton("##level", ImVec2(swatch, swatch));
        ImGui::PopID();
        char name[16];
        std::snprintf(name, sizeof name, "Level%d", k);
        logLastItem(name);
        const render::Rgba c = k == 0 ? render::Rgba{255, 255, 255, 255} : render::intensityColor(k);
        const bool chosen = k == 0 ? s.tools.tool == Tool::Erase
                                   : (s.tools.tool != Tool::Erase && s.tools.brush.intensity == k);
        const ImVec2 e(p.x + swatch, p.y + swatch);
        dl->AddRectFilled(p, e, IM_COL32(c.r, c.g, c.b, 255), 6.0f * ui.scale);
        if (chosen) {
            dl->AddRect(ImVec2(p.x - 2 * ui.scale, p.y - 2 * ui.scale),
                        ImVec2(e.x + 2 * ui.scale, e.y + 2 * ui.scale), kInk, 7.0f * ui.scale, 0,
                        4.0f * ui.scale);
        } else {
            dl->AddRect(p, e, kIdleEdge, 6.0f * ui.scale, 0, 1.0f);
        }
        char num[4];
        std::snprintf(num, sizeof num, "%d", k);
        ImFont* f = headingFont(ui);
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, num);
        const bool dark = 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140;
        dl->AddText(f, f->FontSize, ImVec2(p.x + (swatch - ts.x) / 2, p.y + (swatch - ts.y) / 2),
                    dark ? IM_COL32(255, 255, 255, 255) : kInk, num);
        if (clicked) {
            if (k == 0) {
                s.tools.tool = Tool::Erase;
            } else {
                s.tools.brush.intensity = static_cast<std::uint8_t>(k);
                s.tools.tool = Tool::Paint;
            }
        }
    }
    // The words under 0 (left-aligned), 5 (centred) and 10 (right-aligned).
    ImFont* bf = bodyFont(ui);
    const float y = start.y + swatch + 6 * ui.scale;
    const float rowW = 11 * swatch + 10 * gap;
    const ImU32 grey = IM_COL32(60, 60, 60, 255);
    // TRANSLATORS: the anchor word under 0 of the 0-10 pain intensity scale (NRS), read by the
    // client: the usual wording of the validated NRS in your language. Short (about 12 letters).
    const char* none = trc("pain scale", "no pain");
    // TRANSLATORS: the anchor word under 5 of the 0-10 pain intensity scale (NRS). Short.
    const char* moderate = trc("pain scale", "moderate");
    // TRANSLATORS: the anchor word under 10 of the 0-10 pain intensity scale (NRS): "worst pain
    // imaginable" in the validated NRS wording of your language. Short (about 18 letters).
    const char* worst = trc("pain scale", "worst imaginable");
    const float nw = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, none).x;
    const float mw = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, moderate).x;
    const float ww = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, worst).x;
    // Centred under 5, but never over the words at the ends.
    const float mx = std::clamp(start.x + 5 * (swatch + gap) + swatch / 2 - mw / 2, start.x + nw + 8 * ui.scale,
                                std::max(start.x + nw + 8 * ui.scale, start.x + rowW - ww - 8 * ui.scale - mw));
    dl->AddText(bf, bf->FontSize, ImVec2(start.x, y), grey, none);
    dl->AddText(bf, bf->FontSize, ImVec2(mx, y), grey, moderate);
    dl->AddText(bf, bf->FontSize, ImVec2(start.x + rowW - ww, y), grey, worst);
    testLogChanged("intake-anchors", std::string("label anchors ") + none + " | " + moderate + " | " + worst);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(rowW, swatch + 6 * ui.scale + bf->FontSize));
}

void qualityButton(AppState& s, int index, ImVec2 size, const UiContext& ui) {
    const maps::Quality q = maps::kQualities[static_cast<std::size_t>(index)];
    const std::string name(maps::qualityName(q));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(index);
    if (ImGui::InvisibleButton("##feel", size)) {
        s.tools.brush.qualities = static_cast<std::uint8_t>(s.tools.brush.qualities ^ maps::bit(q));
        if (s.tools.tool == Tool::Erase) s.tools.tool = Tool::Paint;
    }
    ImGui::PopID();
    logLastItem(std::string(maps::qualityEnglishName(q)).c_str());
    testLogChanged(std::string("label quality ") + std::to_string(index), "label quality " + name);
    const bool on = (s.tools.brush.qualities & maps::bit(q)) != 0;
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 e(p.x + size.x, p.y + size.y);
    const float round = 8.0f * ui.scale;
    dl->AddRectFilled(p, e, on ? kChosenFill : hovered ? IM_COL32(238, 238, 240, 255) : kIdleFill, round);
    dl->AddRect(p, e, on ? kChosenEdge : kIdleEdge, round, 0, on ? 3.0f * ui.scale : 1.0f);
    const float pad = 8.0f * ui.scale;
    // Left: the tick box, empty or ticked. Right: the symbol's pattern as it shows on the chart.
    const float box = std::min(size.y * 0.5f, 26.0f * ui.scale);
    const ImVec2 b0(p.x + pad + 2 * ui.scale, p.y + (size.y - box) / 2);
    const ImVec2 b1(b0.x + box, b0.y + box);
    dl->AddRectFilled(b0, b1, IM_COL32(255, 255, 255, 255), 4.0f * ui.scale);
    dl->AddRect(b0, b1, on ? kChosenEdge : kIdleEdge, 4.0f * ui.scale, 0, on ? 2.0f * ui.scale : 1.0f);
    if (on) drawTick(dl, ImVec2((b0.x + b1.x) / 2, (b0.y + b1.y) / 2), box * 0.32f, 3.0f * ui.scale);
    const float swH = size.y - 2 * pad, swW = std::min(swH * 1.3f, 48.0f * ui.scale);
    qualityPatternSwatch(dl, ImVec2(e.x - pad - swW, p.y + pad), ImVec2(e.x - pad, e.y - pad), maps::bit(q),
                         IM_COL32(253, 190, 110, 255));
    // The name between them: bold on one line when it fits, else regular on up to two lines.
    const float textX = b1.x + pad, room = e.x - pad - swW - pad - textX;
    const ImVec4 clip(textX, p.y, textX + room, e.y);
    ImFont* hf = headingFont(ui);
    ImFont* bf = bodyFont(ui);
    const float nameW = hf->CalcTextSizeA(hf->FontSize, FLT_MAX, 0, name.c_str()).x;
    if (nameW <= room) {
        dl->AddText(hf, hf->FontSize, ImVec2(textX, p.y + (size.y - hf->FontSize) / 2), kInk, name.c_str(),
                    nullptr, 0, &clip);
        // The symbol as the report's legend writes it ("^^^"), when there is room.
        const std::string symbol(maps::qualitySymbol(q));
        const float gapX = 10 * ui.scale;
        if (nameW + gapX + bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, symbol.c_str()).x <= room) {
            dl->AddText(bf, bf->FontSize, ImVec2(textX + nameW + gapX, p.y + (size.y - bf->FontSize) / 2),
                        IM_COL32(85, 85, 85, 255), symbol.c_str());
        }
    } else {
        const ImVec2 ts = bf->CalcTextSizeA(bf->FontSize, FLT_MAX, room, name.c_str());
        dl->AddText(bf, bf->FontSize, ImVec2(textX, p.y + (size.y - ts.y) / 2), kInk, name.c_str(), nullptr,
                    room, &clip);
    }
}

void markerSizeButtons(AppState& s, ImVec2 size, float gap, const UiContext& ui) {
    int nearest = 0;
    for (int i = 1; i < 3; ++i) {
        if (std::abs(s.tools.brush.radius - kMarkerSizes[i]) < std::abs(s.tools.brush.radius - kMarkerSizes[nearest])) {
            nearest = i;
        }
    }
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        const char* name = trc("marker size", kSizeNames[i]);
        const std::string id = std::string("marker-") + kSizeNames[i];
        // The name when it fits the button, else a dot of the marker's size (never cut off).
        // (All three the same way: names when every one fits.)
        ImFont* bf = bodyFont(ui);
        bool fits = true;
        for (const char* n : kSizeNames) {
            fits = fits && bf->CalcTextSizeA(bf->FontSize, FLT_MAX, 0, trc("marker size", n)).x +
                                   2 * ImGui::GetStyle().FramePadding.x <= size.x;
        }
        const std::string label = fits ? idLabel(name, id.c_str()) : "###" + id;
        const bool chosen = i == nearest;
        if (bigButton(label.c_str(), chosen, size, ui, IM_COL32(52, 86, 140, 255), kSizeNames[i])) {
            s.tools.brush.radius = kMarkerSizes[i];
        }
        if (!fits) {
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            const float r = (4.0f + 5.0f * static_cast<float>(i)) * ui.scale;
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), r,
                                                        chosen ? IM_COL32(255, 255, 255, 255) : kInk);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name);
            testLogChanged("label " + std::string(kSizeNames[i]), "label " + std::string(kSizeNames[i]) + " " + name);
        }
    }
}

void nextMarkLine(const AppState& s, const UiContext& ui, float wrapX) {
    std::string line;
    if (s.tools.tool == Tool::Erase) {
        line = tr("Next touch: rubs out marks");
    } else {
        std::vector<std::string> names;
        for (maps::Quality q : maps::kQualities) {
            if (s.tools.brush.qualities & maps::bit(q)) names.emplace_back(maps::qualityName(q));
        }
        const int level = s.tools.brush.intensity;
        if (names.empty()) {
            // TRANSLATORS: what the client's next stroke paints: %d is the intensity 1-10.
            line = i18n::format(tr("Next mark: %d (no feeling chosen)"), level);
        } else {
            std::string feels = names[0];
            for (std::size_t i = 1; i < names.size(); ++i) {
                // TRANSLATORS: joins the names of feelings in a list: "Burning, Aching" (not the last).
                if (i + 1 < names.size()) feels = i18n::format(tr("%s, %s"), feels.c_str(), names[i].c_str());
                // TRANSLATORS: joins the last feeling to the list: "Burning, Aching and Numbness".
                else feels = i18n::format(tr("%s and %s"), feels.c_str(), names[i].c_str());
            }
            // TRANSLATORS: what the client's next stroke paints: %d is the intensity 1-10, %s
            // the feelings chosen ("Burning and Aching").
            line = i18n::format(tr("Next mark: %d, %s"), level, feels.c_str());
        }
    }
    bodyText(line.c_str(), ui, wrapX);
}

void zoomChart(AppState& s, float factor) {
    const float old = s.view.zoom;
    s.view.zoom = std::clamp(old * factor, 1.0f, 8.0f);
    const float k = s.view.zoom / old;
    s.view.panX *= k;  // the point in the middle of the chart stays there
    s.view.panY *= k;
    if (s.view.zoom == 1.0f) s.view.panX = s.view.panY = 0;
}

void fitChart(AppState& s) {
    s.view.zoom = 1.0f;
    s.view.panX = s.view.panY = 0;
}

}  // namespace bodymap::app::intake
