// The tools panel on the left: tool choice, intensity swatches, brush size and softness,
// quality toggles, undo/redo and view options; on a small window a compact form of it goes
// into a tab of the side panel (see drawFrame).
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/gui/fascia_ui.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
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
    if (ImGui::IsItemHovered()) tooltipf("%s", shortcut);
    return clicked;
}

}  // namespace

namespace {
void undoRedo(AppState& s, float width = 0, float height = 0);

// The tool buttons, `perRow` in a row (fewer when a translation needs it). Returns how many
// places the last row has left, each `w` wide (for Undo and Redo in the compact panel).
int toolChoice(AppState& s, const UiContext& ui, int perRow, float* w = nullptr) {
    // TRANSLATORS: the tool buttons stand three in a row in a narrow panel: keep them short.
    const char* labels[6] = {trc("tool", "Paint"), trc("tool", "Erase"), trc("tool", "Fill"),
                             trc("tool", "Tag"),   trc("tool", "Findings"), trc("tool", "Mark")};
    const char* ids[6] = {"paint", "erase", "fill", "tag", "findings", "mark"};
    const char* tips[6] = {tr("Paint pain (B)"), tr("Erase (E)"), tr("Fill a whole region with one click (F)"),
                           tr("Tag a fascial band: restricted, tender, ... (T)"),
                           tr("Paint what palpation found: tender, tight, restricted, swollen (P). The client's drawing stays as it is"),
                           tr("Place trigger points, tender points, adhesions, arrows and labels (M)")};
    const Tool tools[6] = {Tool::Paint, Tool::Erase, Tool::Fill, Tool::Tag, Tool::Findings, Tool::Mark};
    const ImGuiStyle& st = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    float need = 0;
    for (const char* l : labels) need = std::max(need, ImGui::CalcTextSize(l).x + 2 * st.FramePadding.x);
    // Longer words (a translation) go two in a row rather than being cut by their buttons.
    while (perRow > 1 && (avail - static_cast<float>(perRow - 1) * st.ItemSpacing.x) / static_cast<float>(perRow) < need) {
        perRow = perRow > 2 ? 2 : 1;
    }
    const float bw = (avail - static_cast<float>(perRow - 1) * st.ItemSpacing.x) / static_cast<float>(perRow);
    if (w) *w = bw;
    for (int i = 0; i < 6; ++i) {
        if (i % perRow != 0) ImGui::SameLine();
        const bool clicked = toolButton(idLabel(labels[i], ids[i]).c_str(), tips[i], s.tools.tool == tools[i], bw, ui);
        logLastItem((std::string("tool-") + ids[i]).c_str());
        if (clicked) {
            s.tools.tool = tools[i];
            if (tools[i] == Tool::Tag && !s.view.visibleLines) {
                s.view.visibleLines = (1u << maps::kFascialLineCount) - 1;
            }
            if (tools[i] == Tool::Findings) s.view.showFindings = true;
            if (tools[i] == Tool::Mark) s.view.showMarks = true;
        }
    }
    return 6 % perRow == 0 ? 0 : perRow - 6 % perRow;
}

void intensityChoice(AppState& s, const UiContext& ui, float maxSwatch, bool hint) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float sw = std::min(maxSwatch, (avail - 5 * 4.0f) / 6.0f);
    intensitySwatches(s, sw, ui);
    if (hint) ImGui::TextDisabled("%s", tr("Keys 1-9, 0 for 10"));
}

void brushSize(AppState& s, float width) {
    float radius = s.tools.brush.radius;
    ImGui::SetNextItemWidth(width);
    // The slider's text is its own format: the number shown through i18n::format, '%' kept.
    // TRANSLATORS: the brush size slider's text; %s is the radius ("12").
    std::string text = i18n::format(tr("Size %s"), i18n::formatNumber(static_cast<double>(radius), 0).c_str());
    for (std::size_t at = text.find('%'); at != std::string::npos; at = text.find('%', at + 2)) text.insert(at, "%");
    if (ImGui::SliderFloat("##size", &radius, 2.0f, 60.0f, text.c_str())) s.tools.brush.radius = radius;
    logLastItem("brush-size");
    if (ImGui::IsItemHovered()) tooltipf("%s", tr("Brush radius in chart cells ([ and ])"));
}

void brushSoftness(AppState& s, float width) {
    float soft = s.tools.brush.softness;
    ImGui::SetNextItemWidth(width);
    // TRANSLATORS: the brush softness slider's text; %s is 0.00 to 1.00.
    std::string text = i18n::format(tr("Softness %s"), i18n::formatNumber(static_cast<double>(soft), 2).c_str());
    for (std::size_t at = text.find('%'); at != std::string::npos; at = text.find('%', at + 2)) text.insert(at, "%");
    if (ImGui::SliderFloat("##soft", &soft, 0.0f, 1.0f, text.c_str())) s.tools.brush.softness = soft;
    logLastItem("brush-softness");
    if (ImGui::IsItemHovered()) {
        tooltipf("%s", tr("A soft brush fades towards its edge; it never lowers stronger pain there"));
    }
}

// Undo and Redo, each `width` wide (0: half the row each) and `height` high (0: a text line's).
void undoRedo(AppState& s, float width, float height) {
    const float hw = width > 0 ? width : (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::BeginDisabled(!s.doc.history.canUndo());
    if (loggedButton(tr("Undo"), ImVec2(hw, height))) undo(s);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && s.doc.history.canUndo()) {
        // TRANSLATORS: tooltip of Undo; %s is what would be undone ("Paint stroke", "Fill Left hand").
        tooltipf(tr("Undo %s (Ctrl+Z)"), s.doc.history.undoLabel().c_str());
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!s.doc.history.canRedo());
    if (loggedButton(tr("Redo"), ImVec2(hw, height))) redo(s);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && s.doc.history.canRedo()) {
        // TRANSLATORS: tooltip of Redo; %s is what would be redone ("Paint stroke", "Fill Left hand").
        tooltipf(tr("Redo %s (Ctrl+Shift+Z or Ctrl+Y)"), s.doc.history.redoLabel().c_str());
    }
}

void viewOptions(AppState& s) {
    ImGui::Checkbox(idLabel(tr("Region borders"), "borders").c_str(), &s.view.regionBorders);
    logLastItem("region-borders");
    ImGui::Checkbox(idLabel(tr("Show tags"), "showtags").c_str(), &s.view.showTags);
    logLastItem("show-tags");
    if (ImGui::IsItemHovered()) tooltipf("%s", tr("Hatch the tagged fascial bands and number them as in the Tags list"));
    ImGui::Checkbox(idLabel(tr("Show findings"), "showfindings").c_str(), &s.view.showFindings);
    logLastItem("show-findings");
    if (ImGui::IsItemHovered()) tooltipf("%s", tr("The therapist's findings, hatched over the client's drawing"));
    ImGui::Checkbox(idLabel(tr("Show marks"), "showmarks").c_str(), &s.view.showMarks);
    logLastItem("show-marks");
    // TRANSLATORS: button; %.0f is the zoom in percent ("150").
    const std::string zoom = idLabel(i18n::format(tr("Reset zoom (%.0f %%)"), static_cast<double>(s.view.zoom * 100)).c_str(), "resetzoom");
    if (ImGui::Button(zoom.c_str(), ImVec2(-1, 0))) {
        s.view.zoom = 1.0f;
        s.view.panX = s.view.panY = 0;
    }
    logLastItem("reset-zoom");
    if (ImGui::IsItemHovered()) tooltipf("%s", tr("Wheel or +/- to zoom, middle or right drag to pan (Ctrl+0 resets)"));
}
}  // namespace

void drawToolsPanel(AppState& s, const UiContext& ui) {
    heading(tr("Tool"), ui);
    toolChoice(s, ui, 3);
    if (s.tools.tool == Tool::Findings) {
        heading(tr("What you found"), ui);
        drawFindingsControls(s, ui);
        heading(tr("Brush"), ui);
        brushSize(s, -1);
    } else if (s.tools.tool == Tool::Mark) {
        // TRANSLATORS: the tools panel's section of the Mark tool: which mark a click places.
        heading(tr("Mark to place"), ui);
        drawMarkControls(s, ui);
    } else {
        heading(tr("Intensity"), ui);
        intensityChoice(s, ui, 1e9f, true);
        heading(tr("Brush"), ui);
        brushSize(s, -1);
        brushSoftness(s, -1);
        heading(tr("What it feels like"), ui);
        qualityToggles(s, ui, false);
    }
    heading(tr("Edit"), ui);
    undoRedo(s);
    heading(tr("Fascial lines"), ui);
    drawFascialControls(s, ui);
    // TRANSLATORS: the tools panel's section of display options (not a body view).
    heading(trc("panel section", "View"), ui);
    viewOptions(s);
}

void drawToolsCompact(AppState& s, const UiContext& ui) {
    toolChoice(s, ui, 3);
    undoRedo(s);
    if (s.tools.tool == Tool::Findings) {
        heading(tr("What you found"), ui);
        drawFindingsControls(s, ui);
        brushSize(s, -1);
        return;
    }
    if (s.tools.tool == Tool::Mark) {
        heading(tr("Mark to place"), ui);
        drawMarkControls(s, ui);
        return;
    }
    heading(tr("Intensity"), ui);
    intensityChoice(s, ui, 36 * ui.scale, false);
    ImGui::Spacing();  // the sliders say what they are: no "Brush" heading (saves a row)
    const float hw = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    brushSize(s, hw);
    ImGui::SameLine();
    brushSoftness(s, hw);
    heading(tr("What it feels like"), ui);
    qualityToggles(s, ui, false, 2);  // two columns: the panel is short on a small screen
}

void drawLinesAndView(AppState& s, const UiContext& ui) {
    heading(tr("Fascial lines"), ui);
    drawFascialControls(s, ui);
    // TRANSLATORS: the tools panel's section of display options (not a body view).
    heading(trc("panel section", "View"), ui);
    viewOptions(s);
}

}  // namespace bodymap::app
