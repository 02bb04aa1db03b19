// Shared widgets: intensity swatches, quality toggles with their patterns, the legend, and
// text that keeps inside its space (wrapped bullets, ellipsized lines).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "render/colormap.h"

namespace bodymap::app {

namespace {
ImU32 toU32(render::Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

bool isDark(render::Rgba c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140; }
}  // namespace

void qualityPatternSwatch(ImDrawList* dl, ImVec2 p0, ImVec2 p1, unsigned char qualityBit, ImU32 fill) {
    dl->AddRectFilled(p0, p1, fill, 3.0f);
    dl->PushClipRect(p0, p1, true);
    const ImU32 ink = IM_COL32(45, 34, 30, 255);
    const float h = p1.y - p0.y;
    const float step = std::max(7.0f, h * 0.5f);  // symbol spacing
    const float r = step * 0.28f;                 // symbol half size
    const float t = std::max(1.0f, h / 16.0f);    // line thickness
    for (maps::Quality q : maps::kQualities) {
        if (!(qualityBit & maps::bit(q))) continue;
        if (q == maps::Quality::Stabbing) {  // continuous diagonal hatching ///
            for (float x = p0.x - h; x < p1.x + h; x += step * 0.7f) {
                dl->AddLine(ImVec2(x, p1.y), ImVec2(x + h, p0.y), ink, t);
            }
            continue;
        }
        int row = 0;
        for (float cy = p0.y + step * 0.5f; cy < p1.y + r; cy += step, ++row) {
            const float shift = (row % 2) ? step * 0.5f : 0.0f;
            for (float cx = p0.x + step * 0.5f + shift; cx < p1.x + r; cx += step) {
                switch (q) {
                    case maps::Quality::Aching:  // ^
                        dl->AddLine(ImVec2(cx - r, cy + r * 0.6f), ImVec2(cx, cy - r * 0.6f), ink, t);
                        dl->AddLine(ImVec2(cx, cy - r * 0.6f), ImVec2(cx + r, cy + r * 0.6f), ink, t);
                        break;
                    case maps::Quality::Burning:  // x
                        dl->AddLine(ImVec2(cx - r * 0.8f, cy - r * 0.8f), ImVec2(cx + r * 0.8f, cy + r * 0.8f), ink, t);
                        dl->AddLine(ImVec2(cx - r * 0.8f, cy + r * 0.8f), ImVec2(cx + r * 0.8f, cy - r * 0.8f), ink, t);
                        break;
                    case maps::Quality::PinsAndNeedles:  // o
                        dl->AddCircle(ImVec2(cx, cy), r * 0.75f, ink, 12, t);
                        break;
                    case maps::Quality::Numbness:  // =
                        dl->AddLine(ImVec2(cx - r, cy - r * 0.4f), ImVec2(cx + r, cy - r * 0.4f), ink, t);
                        dl->AddLine(ImVec2(cx - r, cy + r * 0.4f), ImVec2(cx + r, cy + r * 0.4f), ink, t);
                        break;
                    default:
                        break;
                }
            }
        }
    }
    dl->PopClipRect();
    dl->AddRect(p0, p1, IM_COL32(120, 112, 105, 255), 3.0f);
}

void heading(const char* text, const UiContext& ui) {
    ImGui::Spacing();
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted(text);
    if (ui.bold) ImGui::PopFont();
    ImGui::Separator();
}

void intensitySwatches(AppState& s, float size, const UiContext& ui) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float gap = std::max(2.0f, size * 0.08f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int perRow = std::max(1, static_cast<int>((avail + gap) / (size + gap)));
    for (int k = 0; k <= maps::kMaxIntensity; ++k) {
        if (k % perRow != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(k);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const bool clicked = ImGui::InvisibleButton("##sw", ImVec2(size, size));
        const bool hovered = ImGui::IsItemHovered();
        const render::Rgba c = k == 0 ? render::Rgba{255, 255, 255, 255} : render::intensityColor(k);
        const bool selected = k == 0 ? s.tools.tool == Tool::Erase
                                     : (s.tools.tool != Tool::Erase && s.tools.brush.intensity == k);
        dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), toU32(c), 4.0f);
        dl->AddRect(p, ImVec2(p.x + size, p.y + size),
                    selected ? IM_COL32(20, 20, 20, 255) : IM_COL32(150, 143, 136, 255), 4.0f, 0,
                    selected ? 3.0f * ui.scale : 1.0f);
        char num[12];  // any int: GCC -O1 cannot see that the value is 0..10
        std::snprintf(num, sizeof num, "%d", k);
        ImFont* f = size > 40 ? (ui.heading ? ui.heading : ImGui::GetFont()) : ImGui::GetFont();
        const float fs = size > 40 ? f->FontSize : ImGui::GetFontSize();
        const ImVec2 ts = f->CalcTextSizeA(fs, FLT_MAX, 0, num);
        dl->AddText(f, fs, ImVec2(p.x + (size - ts.x) / 2, p.y + (size - ts.y) / 2),
                    isDark(c) ? IM_COL32(255, 255, 255, 255) : IM_COL32(30, 30, 30, 255), num);
        if (clicked) {
            if (k == 0) {
                s.tools.tool = Tool::Erase;
            } else {
                s.tools.brush.intensity = static_cast<std::uint8_t>(k);
                if (s.tools.tool == Tool::Erase) s.tools.tool = Tool::Paint;
            }
        }
        if (hovered) {
            if (k == 0) tooltipf("%s", tr("0: no pain (eraser)"));
            else if (k == 10) tooltipf("%s", tr("10: worst pain imaginable (key 0)"));
            // TRANSLATORS: tooltip of an intensity swatch: the intensity and its key (both 1-9).
            else tooltipf(tr("%d (key %d)"), k, k);
        }
        ImGui::PopID();
    }
}

void qualityToggles(AppState& s, const UiContext& ui, bool large, int columns) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = (large ? 52.0f : 28.0f) * ui.scale;
    const float sw = h * 1.6f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float colW = (ImGui::GetContentRegionAvail().x - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    int index = 0;
    for (maps::Quality q : maps::kQualities) {
        if (index % columns != 0) ImGui::SameLine(0, gap);
        ++index;
        ImGui::PushID(static_cast<int>(maps::bit(q)));
        const bool on = (s.tools.brush.qualities & maps::bit(q)) != 0;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = colW;
        if (ImGui::InvisibleButton("##q", ImVec2(w, h))) {
            s.tools.brush.qualities = static_cast<std::uint8_t>(s.tools.brush.qualities ^ maps::bit(q));
            if (s.tools.tool == Tool::Erase) s.tools.tool = Tool::Paint;
        }
        logLastItem(std::string(maps::qualityName(q)).c_str());
        const bool hovered = ImGui::IsItemHovered();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h),
                          on ? IM_COL32(214, 226, 243, 255)
                             : hovered ? IM_COL32(238, 238, 240, 255) : IM_COL32(248, 248, 248, 255),
                          5.0f);
        dl->AddRect(p, ImVec2(p.x + w, p.y + h),
                    on ? IM_COL32(52, 86, 140, 255) : IM_COL32(200, 196, 190, 255), 5.0f, 0,
                    on ? 2.0f * ui.scale : 1.0f);
        const float pad = h * 0.15f;
        const ImVec2 s0(p.x + pad, p.y + pad);
        qualityPatternSwatch(dl, s0, ImVec2(s0.x + sw - 2 * pad, p.y + h - pad), maps::bit(q),
                             IM_COL32(253, 190, 110, 255));
        ImFont* f = large && ui.heading ? ui.heading : ImGui::GetFont();
        // The text ends before the check mark's square on the right: the symbol goes first when
        // the name and symbol do not both fit (the swatch shows the pattern anyway).
        const float textX = p.x + sw + pad, textEnd = p.x + w - h;
        const std::string name(maps::qualityName(q));
        std::string label = name + "   " + std::string(maps::qualitySymbol(q));
        const auto width = [&](const std::string& t) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.c_str()).x; };
        if (width(label) > textEnd - textX) label = name;
        // A long name (a translation) is shortened with "..."; the tooltip names it whole.
        if (width(label) > textEnd - textX) {
            std::string cut = name;
            while (!cut.empty() && width(cut + "...") > textEnd - textX) {
                do cut.pop_back();
                while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
                if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
            }
            label = cut + "...";
        }
        const ImVec4 clip(textX, p.y, textEnd, p.y + h);
        dl->AddText(f, f->FontSize, ImVec2(textX, p.y + (h - f->FontSize) / 2),
                    IM_COL32(30, 30, 30, 255), label.c_str(), nullptr, 0, &clip);
        // Check mark on the right, in its own square.
        const float cx = p.x + w - h * 0.5f, cy = p.y + h * 0.5f, r = h * 0.2f;
        if (on) {
            dl->AddLine(ImVec2(cx - r, cy), ImVec2(cx - r * 0.3f, cy + r * 0.7f), IM_COL32(52, 86, 140, 255), 2.5f * ui.scale);
            dl->AddLine(ImVec2(cx - r * 0.3f, cy + r * 0.7f), ImVec2(cx + r, cy - r * 0.8f), IM_COL32(52, 86, 140, 255), 2.5f * ui.scale);
        }
        if (hovered) {
            // TRANSLATORS: tooltip of a pain quality toggle: %1$s the quality ("Burning"), %2$s its
            // symbol ("xxx").
            tooltipf(tr("%s: paint marks this feeling with the %s pattern (toggle)"),
                     std::string(maps::qualityName(q)).c_str(), std::string(maps::qualitySymbol(q)).c_str());
        }
        ImGui::PopID();
        if (columns == 1) ImGui::Dummy(ImVec2(0, 2 * ui.scale));
    }
}

void legend(const UiContext& ui) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x;
    const float step = w / 10.0f;
    const float h = 16.0f * ui.scale;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    for (int k = 1; k <= 10; ++k) {
        const ImVec2 a(p.x + static_cast<float>(k - 1) * step, p.y);
        dl->AddRectFilled(a, ImVec2(a.x + step, a.y + h), toU32(render::intensityColor(k)));
        char num[12];  // any int: GCC -O1 cannot see that the value is 0..10
        std::snprintf(num, sizeof num, "%d", k);
        const ImVec2 ts = ImGui::CalcTextSize(num);
        dl->AddText(ImVec2(a.x + (step - ts.x) / 2, a.y + h + 2), IM_COL32(60, 60, 60, 255), num);
    }
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), IM_COL32(150, 143, 136, 255));
    ImGui::Dummy(ImVec2(w, h + ImGui::GetFontSize() + 4));
    // TRANSLATORS: the two ends of the intensity legend, under the colours 1 and 10.
    const char* mild = tr("1 mild");
    const char* worst = tr("10 worst imaginable");
    if (ImGui::CalcTextSize(mild).x + ImGui::CalcTextSize(worst).x + ImGui::GetStyle().ItemSpacing.x > w) {
        ImGui::TextDisabled("%s", mild);  // one under the other when both do not fit in a row
    } else {
        ImGui::TextDisabled("%s", mild);
        ImGui::SameLine(w - ImGui::CalcTextSize(worst).x);
    }
    ImGui::TextDisabled("%s", worst);
    ImGui::Spacing();
    const float sh = ImGui::GetFontSize() * 1.2f;
    for (maps::Quality q : maps::kQualities) {
        const ImVec2 a = ImGui::GetCursorScreenPos();
        qualityPatternSwatch(dl, a, ImVec2(a.x + sh * 1.8f, a.y + sh), maps::bit(q),
                             IM_COL32(253, 190, 110, 255));
        ImGui::Dummy(ImVec2(sh * 1.8f, sh));
        ImGui::SameLine();
        textf("%s  %s", std::string(maps::qualityName(q)).c_str(), std::string(maps::qualitySymbol(q)).c_str());
    }
}

void wrappedBullet(const char* text) {
    ImGui::Bullet();  // leaves the cursor on the same line, after the bullet
    ImGui::TextWrapped("%s", text);
}

std::string ellipsize(const std::string& text, float maxWidth) {
    if (ImGui::CalcTextSize(text.c_str()).x <= maxWidth) return text;
    const char* kDots = "...";
    const float dotsW = ImGui::CalcTextSize(kDots).x;
    std::size_t end = text.size();
    // Drop whole UTF-8 sequences from the end until the rest and the dots fit.
    while (end > 0) {
        do {
            --end;
        } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        if (ImGui::CalcTextSize(text.data(), text.data() + end).x + dotsW <= maxWidth) break;
    }
    while (end > 0 && text[end - 1] == ' ') --end;
    return text.substr(0, end) + kDots;
}

void colorChipText(ImU32 color, const char* text) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(p.x, p.y + h * 0.15f), b(p.x + h * 0.7f, p.y + h * 0.85f);
    dl->AddRectFilled(a, b, color, 2.0f);
    dl->AddRect(a, b, IM_COL32(90, 90, 90, 255), 2.0f);
    ImGui::Dummy(ImVec2(h * 0.7f, h));
    ImGui::SameLine(0, h * 0.35f);
    ImGui::TextUnformatted(text);
}

void ellipsizedText(ImU32 color, const std::string& text, float maxWidth, const std::string& full) {
    const std::string shown = ellipsize(text, maxWidth);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    if (!full.empty() && (shown != text || full != text) && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
        ImGui::TextUnformatted(full.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace bodymap::app
