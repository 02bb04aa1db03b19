// The intake screen (see intake.h): a simple full-window layout for a client with no training:
// large controls for paint, erase, intensity, qualities and undo, and a clear Done button.
#include <algorithm>

#include "app/gui/intake/intake.h"
#include "app/gui/panels.h"

namespace bodymap::app {

namespace {
bool bigButton(const char* label, bool active, ImVec2 size, const UiContext& ui, ImU32 activeColor) {
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, activeColor);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, activeColor);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    if (ui.heading) ImGui::PushFont(ui.heading);
    const bool clicked = ImGui::Button(label, size);
    if (ui.heading) ImGui::PopFont();
    if (active) ImGui::PopStyleColor(3);
    return clicked;
}

void bigHeading(const char* text, const UiContext& ui) {
    ImGui::Spacing();
    if (ui.heading) ImGui::PushFont(ui.heading);
    ImGui::TextUnformatted(text);
    if (ui.heading) ImGui::PopFont();
}
// Large controls along the left; returns the width they used.
float drawClientModeControls(AppState& s, const UiContext& ui, float height) {
    const float width = 400 * ui.scale;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18 * ui.scale, 14 * ui.scale));
    ImGui::BeginChild("##client", ImVec2(width, height), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (s.tools.tool == Tool::Fill || s.tools.tool == Tool::Tag) s.tools.tool = Tool::Paint;

    bigHeading("Show where it hurts", ui);
    ImGui::TextWrapped("Your right side is on the left of the front view (R), as if you faced someone.");

    bigHeading("1. How strong?", ui);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = 6 * ui.scale;
    const float sw = (avail - 5 * gap) / 6.0f;
    intensitySwatches(s, sw, ui);
    ImGui::TextDisabled("1 = mild   10 = worst imaginable");

    bigHeading("2. What does it feel like?", ui);
    qualityToggles(s, ui, true);

    bigHeading("3. Paint", ui);
    const float bw = (avail - gap) / 2;
    const ImVec2 bs(bw, 56 * ui.scale);
    if (bigButton("Paint", s.tools.tool == Tool::Paint, bs, ui, IM_COL32(52, 86, 140, 255))) s.tools.tool = Tool::Paint;
    ImGui::SameLine(0, gap);
    if (bigButton("Erase", s.tools.tool == Tool::Erase, bs, ui, IM_COL32(52, 86, 140, 255))) s.tools.tool = Tool::Erase;
    ImGui::Spacing();
    ImGui::BeginDisabled(!s.doc.history.canUndo());
    if (bigButton("Undo", false, ImVec2(bw, 48 * ui.scale), ui, 0)) undo(s);
    ImGui::EndDisabled();
    ImGui::SameLine(0, gap);
    ImGui::BeginDisabled(!s.doc.history.canRedo());
    if (bigButton("Redo", false, ImVec2(bw, 48 * ui.scale), ui, 0)) redo(s);
    ImGui::EndDisabled();
    ImGui::Spacing();
    float radius = s.tools.brush.radius;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##csize", &radius, 4.0f, 60.0f, "Brush size %.0f")) s.tools.brush.radius = radius;

    // Done sits at the bottom of the column.
    const float doneH = 64 * ui.scale;
    const float y = ImGui::GetWindowHeight() - doneH - 18 * ui.scale;
    if (ImGui::GetCursorPosY() < y) ImGui::SetCursorPosY(y);
    if (bigButton("Done", true, ImVec2(-1, doneH), ui, IM_COL32(46, 125, 70, 255))) {
        intakeDone(s);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    return width;
}

}  // namespace

ImVec4 drawIntakeScreen(AppState& s, ChartPanelState& c, const UiContext& ui, ImVec2 pos, ImVec2 size) {
    const float leftW = drawClientModeControls(s, ui, size.y);
    ImGui::SameLine(0, 0);
    const ImVec2 p(pos.x + leftW, pos.y);
    ImGui::BeginChild("##chartc", ImVec2(size.x - leftW, size.y), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    drawChartPanel(s, c, ui, p, ImVec2(size.x - leftW, size.y));
    ImGui::EndChild();
    return ImVec4(p.x, p.y, size.x - leftW, size.y);
}

}  // namespace bodymap::app
