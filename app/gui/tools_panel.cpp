// The tools panel on the left: tool choice, intensity swatches, brush size and softness,
// quality toggles, undo/redo and view options; on a small window a compact form of it goes
// into a tab of the side panel (see drawFrame).
#include <algorithm>
#include <cstdio>

#include "app/gui/fascia_ui.h"
#include "app/gui/panels.h"
#include "maps/fascial_lines.h"

namespace bodymap::app {

namespace {
bool toolButton(const char* label, const char* shortcut, bool active, float width, const UiContext& ui) {
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(52, 86, 140, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(62, 100, 160, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    const bool clicked = ImGui::Button(label, ImVec2(width, 34 * ui.scale));
    if (active) ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", shortcut);
    return clicked;
}

}  // namespace

namespace {
void toolChoice(AppState& s, const UiContext& ui, int perRow) {
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - static_cast<float>(perRow - 1) * sp) / static_cast<float>(perRow);
    if (toolButton("Paint", "Paint pain (B)", s.tools.tool == Tool::Paint, w, ui)) s.tools.tool = Tool::Paint;
    if (perRow > 1) ImGui::SameLine();
    if (toolButton("Erase", "Erase (E)", s.tools.tool == Tool::Erase, w, ui)) s.tools.tool = Tool::Erase;
    if (perRow > 2) ImGui::SameLine();
    if (toolButton("Fill", "Fill a whole region with one click (F)", s.tools.tool == Tool::Fill, w, ui)) {
        s.tools.tool = Tool::Fill;
    }
    if (perRow != 2) ImGui::SameLine();
    if (toolButton("Tag", "Tag a fascial band: restricted, tender, ... (T)", s.tools.tool == Tool::Tag, w, ui)) {
        s.tools.tool = Tool::Tag;
        if (!s.view.visibleLines) s.view.visibleLines = (1u << maps::kFascialLineCount) - 1;
    }
}

void intensityChoice(AppState& s, const UiContext& ui, float maxSwatch, bool hint) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float sw = std::min(maxSwatch, (avail - 5 * 4.0f) / 6.0f);
    intensitySwatches(s, sw, ui);
    if (hint) ImGui::TextDisabled("Keys 1-9, 0 for 10");
}

void brushSize(AppState& s, float width) {
    float radius = s.tools.brush.radius;
    ImGui::SetNextItemWidth(width);
    if (ImGui::SliderFloat("##size", &radius, 2.0f, 60.0f, "Size %.0f")) s.tools.brush.radius = radius;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Brush radius in chart cells ([ and ])");
}

void brushSoftness(AppState& s, float width) {
    float soft = s.tools.brush.softness;
    ImGui::SetNextItemWidth(width);
    if (ImGui::SliderFloat("##soft", &soft, 0.0f, 1.0f, "Softness %.2f")) s.tools.brush.softness = soft;
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("A soft brush fades towards its edge; it never lowers stronger pain there");
    }
}

void undoRedo(AppState& s) {
    const float hw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginDisabled(!s.doc.history.canUndo());
    if (loggedButton("Undo", ImVec2(hw, 0))) undo(s);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && s.doc.history.canUndo()) {
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", s.doc.history.undoLabel().c_str());
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.doc.history.canRedo());
    if (loggedButton("Redo", ImVec2(hw, 0))) redo(s);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && s.doc.history.canRedo()) {
        ImGui::SetTooltip("Redo %s (Ctrl+Shift+Z or Ctrl+Y)", s.doc.history.redoLabel().c_str());
    }
}

void viewOptions(AppState& s) {
    ImGui::Checkbox("Region borders", &s.view.regionBorders);
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "Reset zoom (%.0f%%)", s.view.zoom * 100);
    if (ImGui::Button(zoom, ImVec2(-1, 0))) {
        s.view.zoom = 1.0f;
        s.view.panX = s.view.panY = 0;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Wheel or +/- to zoom, middle or right drag to pan (Ctrl+0 resets)");
}
}  // namespace

void drawToolsPanel(AppState& s, const UiContext& ui) {
    heading("Tool", ui);
    toolChoice(s, ui, 4);
    heading("Intensity", ui);
    intensityChoice(s, ui, 1e9f, true);
    heading("Brush", ui);
    brushSize(s, -1);
    brushSoftness(s, -1);
    heading("What it feels like", ui);
    qualityToggles(s, ui, false);
    heading("Edit", ui);
    undoRedo(s);
    heading("Fascial lines", ui);
    drawFascialControls(s, ui);
    heading("View", ui);
    viewOptions(s);
}

void drawToolsCompact(AppState& s, const UiContext& ui) {
    toolChoice(s, ui, 4);
    undoRedo(s);
    heading("Intensity", ui);
    intensityChoice(s, ui, 36 * ui.scale, false);
    ImGui::Spacing();  // the sliders say what they are: no "Brush" heading (saves a row)
    const float hw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    brushSize(s, hw);
    ImGui::SameLine();
    brushSoftness(s, hw);
    heading("What it feels like", ui);
    qualityToggles(s, ui, false);
}

void drawLinesAndView(AppState& s, const UiContext& ui) {
    heading("Fascial lines", ui);
    drawFascialControls(s, ui);
    heading("View", ui);
    viewOptions(s);
}

}  // namespace bodymap::app
