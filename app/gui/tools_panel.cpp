// The tools panel on the left: tool choice, intensity swatches, brush size and softness,
// quality toggles, undo/redo and view options.
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

void drawToolsPanel(AppState& s, const UiContext& ui) {
    heading("Tool", ui);
    const float w = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
    if (toolButton("Paint", "Paint pain (B)", s.tools.tool == Tool::Paint, w, ui)) s.tools.tool = Tool::Paint;
    ImGui::SameLine();
    if (toolButton("Erase", "Erase (E)", s.tools.tool == Tool::Erase, w, ui)) s.tools.tool = Tool::Erase;
    ImGui::SameLine();
    if (toolButton("Fill", "Fill a whole region with one click (F)", s.tools.tool == Tool::Fill, w, ui)) {
        s.tools.tool = Tool::Fill;
    }
    ImGui::SameLine();
    if (toolButton("Tag", "Tag a fascial band: restricted, tender, ... (T)", s.tools.tool == Tool::Tag, w, ui)) {
        s.tools.tool = Tool::Tag;
        if (!s.view.visibleLines) s.view.visibleLines = (1u << maps::kFascialLineCount) - 1;
    }

    heading("Intensity", ui);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float sw = (avail - 5 * 4.0f) / 6.0f;
    intensitySwatches(s, sw, ui);
    ImGui::TextDisabled("Keys 1-9, 0 for 10");

    heading("Brush", ui);
    float radius = s.tools.brush.radius;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##size", &radius, 2.0f, 60.0f, "Size %.0f")) s.tools.brush.radius = radius;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Brush radius in chart cells ([ and ])");
    float soft = s.tools.brush.softness;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##soft", &soft, 0.0f, 1.0f, "Softness %.2f")) s.tools.brush.softness = soft;
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("A soft brush fades towards its edge; it never lowers stronger pain there");
    }

    heading("What it feels like", ui);
    qualityToggles(s, ui, false);

    heading("Edit", ui);
    const float hw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginDisabled(!s.doc.history.canUndo());
    if (ImGui::Button("Undo", ImVec2(hw, 0))) undo(s);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && s.doc.history.canUndo()) {
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", s.doc.history.undoLabel().c_str());
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.doc.history.canRedo());
    if (ImGui::Button("Redo", ImVec2(hw, 0))) redo(s);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && s.doc.history.canRedo()) {
        ImGui::SetTooltip("Redo %s (Ctrl+Shift+Z or Ctrl+Y)", s.doc.history.redoLabel().c_str());
    }

    heading("Fascial lines", ui);
    drawFascialControls(s, ui);

    heading("View", ui);
    ImGui::Checkbox("Region borders", &s.view.regionBorders);
    char zoom[32];
    std::snprintf(zoom, sizeof zoom, "Reset zoom (%.0f%%)", s.view.zoom * 100);
    if (ImGui::Button(zoom, ImVec2(-1, 0))) {
        s.view.zoom = 1.0f;
        s.view.panX = s.view.panY = 0;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Wheel or +/- to zoom, middle or right drag to pan (Ctrl+0 resets)");
}

}  // namespace bodymap::app
