// The Figures tab: extent, intensity, burden, WPI with the areas that count, generalized pain,
// qualities and left/right symmetry of the open map. All maths lives in maps/metrics.
#include <cctype>
#include <string>

#include "app/gui/panels.h"
#include "app/gui/side_panels.h"

namespace bodymap::app {

namespace {
void row(const char* name, const char* fmt, double v, const UiContext& ui) {
    ImGui::TextUnformatted(name);
    ImGui::SameLine(200 * ui.scale);
    ImGui::Text(fmt, v);
}
}  // namespace

void drawFiguresTab(AppState& s, SidePanelState& p, const UiContext& ui) {
    if (p.metricsGeneration != s.doc.generation || !p.metrics) {
        p.metricsGeneration = s.doc.generation;
        auto m = maps::computeMetrics(s.doc.map, s.templ());
        if (m) {
            p.metrics = std::move(m.value());
            p.metricsError.clear();
        } else {
            p.metrics.reset();
            p.metricsError = m.error();
        }
    }
    if (!p.metrics) {
        ImGui::TextWrapped("%s", p.metricsError.c_str());
        return;
    }
    const maps::MapMetrics& m = *p.metrics;
    heading("Pain", ui);
    row("Extent (whole body)", "%.1f %%", m.overall.cells.extentPct(), ui);
    row("  front", "%.1f %%", m.views[0].cells.extentPct(), ui);
    row("  back", "%.1f %%", m.views[1].cells.extentPct(), ui);
    row("Maximum intensity", "%.0f / 10", m.overall.cells.maxIntensity, ui);
    row("Mean intensity", "%.1f / 10", m.overall.cells.meanIntensity(), ui);
    // Percent, as in the report: 100 % = every body cell at 10.
    const double burdenPct = m.overall.cells.burden() * 100.0;
    row("Pain burden", burdenPct > 0 && burdenPct < 1 ? "%.2f %%" : "%.1f %%", burdenPct, ui);  // as the report
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Sum of intensity / (10 x body cells), 0 to 100 %%");

    heading("Widespread Pain Index", ui);
    ImGui::Text("WPI %d of 19", m.wpi);
    for (int a = 0; a < maps::kWpiAreaCount; ++a) {
        if (m.wpiAreas[static_cast<std::size_t>(a)].painful) {
            ImGui::BulletText("%s", std::string(maps::wpiAreaName(static_cast<maps::WpiArea>(a))).c_str());
        }
    }
    ImGui::Text("Generalized pain: %d of 5 regions", m.generalizedPain);
    for (int r = 0; r < maps::kGpRegionCount; ++r) {
        if (m.gpRegions[static_cast<std::size_t>(r)]) {
            ImGui::BulletText("%s", std::string(maps::gpRegionName(static_cast<maps::GpRegion>(r))).c_str());
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    std::string rule = maps::describeRule(m.rule);
    if (!rule.empty()) rule[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rule[0])));
    ImGui::TextWrapped("%s. This threshold is BodyMap's own filter against specks of paint, not part "
                       "of the ACR definition. Jaw, chest and abdomen count in the WPI but not in "
                       "generalized pain (2016 criteria). A measure, not a diagnosis.",
                       rule.c_str());
    ImGui::PopStyleColor();

    heading("What it feels like", ui);
    bool any = false;
    for (int q = 0; q < maps::kQualityCount; ++q) {
        if (m.overall.qualityCells[static_cast<std::size_t>(q)] == 0) continue;
        any = true;
        const std::string name(maps::qualityName(maps::kQualities[static_cast<std::size_t>(q)]));
        row(name.c_str(), "%.1f %% of body", m.overall.qualityExtentPct(q), ui);
    }
    if (!any) ImGui::TextDisabled("No qualities marked");

    heading("Fascial lines", ui);
    bool anyLine = false;
    for (const auto& line : m.fascial.lines) {
        if (line.paintedCells == 0 && line.tags == 0) continue;
        anyLine = true;
        ImGui::TextUnformatted(line.line.c_str());
        ImGui::SameLine(60 * ui.scale);
        ImGui::Text("%.0f %% of the pain, mean %.1f%s", line.sharePct, line.meanIntensity(),
                    line.tags ? (", " + std::to_string(line.tags) + " tag" + (line.tags == 1 ? "" : "s")).c_str() : "");
    }
    if (!anyLine) ImGui::TextDisabled("No pain or tags on the lines");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Share of the painted area lying on each line's bands (lines overlap, so "
                       "shares can add up to more than 100 %%).");
    ImGui::PopStyleColor();

    heading("Left and right (patient's)", ui);
    row("Left extent", "%.1f %%", m.symmetry.left.extentPct(), ui);
    row("Right extent", "%.1f %%", m.symmetry.right.extentPct(), ui);
    if (m.symmetry.extentIndex) row("Symmetry", "%.2f", *m.symmetry.extentIndex, ui);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("1 = same on both sides, 0 = one side only");
}

}  // namespace bodymap::app
