// The Figures tab: extent, intensity, burden, WPI with the areas that count, generalized pain,
// qualities and left/right symmetry of the open map. All maths lives in maps/metrics.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <vector>

#include "app/gui/panels.h"
#include "app/gui/side_panels.h"
#include "app/gui/tr_text.h"
#include "maps/i18n/i18n.h"

namespace bodymap::app {

namespace {
// A label and its value, the values in one column: at `column` (the widest label of the section,
// translated) when the row has room for both, else under the label.
void row(const char* name, const char* fmt, double v, float column) {
    ImGui::TextUnformatted(name);
    const std::string value = i18n::format(fmt, v);
    if (column + ImGui::CalcTextSize(value.c_str()).x <= ImGui::GetWindowContentRegionMax().x) {
        ImGui::SameLine(column);
        ImGui::TextUnformatted(value.c_str());
    } else {
        ImGui::Indent();
        ImGui::TextUnformatted(value.c_str());
        ImGui::Unindent();
    }
}

float columnFor(std::initializer_list<const char*> labels, const UiContext& ui) {
    float w = 120 * ui.scale;
    for (const char* l : labels) w = std::max(w, ImGui::CalcTextSize(l).x);
    return ImGui::GetCursorPosX() + w + 2 * ImGui::GetStyle().ItemSpacing.x;
}

// The therapist's findings: how much of the body each covers, and how they agree with what the
// client drew (maps/agreement.h states the rule), overall and in the regions that differ most.
void findingsSection(const AppState& s, const maps::Agreement& a, const maps::MapMetrics& m, const UiContext& ui) {
    // TRANSLATORS: Figures tab heading: what the therapist found on palpation.
    heading(tr("The therapist's findings"), ui);
    int body = 0;
    for (const auto& v : m.views) body += v.cells.bodyCells;
    std::vector<std::string> names;
    for (maps::Finding f : maps::kFindings) names.emplace_back(maps::findingName(f));
    float colW = 120 * ui.scale;
    for (const auto& n : names) colW = std::max(colW, ImGui::CalcTextSize(n.c_str()).x);
    const float col = ImGui::GetCursorPosX() + colW + 2 * ImGui::GetStyle().ItemSpacing.x;
    for (std::size_t f = 0; f < maps::kFindings.size(); ++f) {
        if (a.findingCells[f] == 0) continue;
        row(names[f].c_str(), tr("%.1f %% of body"), maps::extentPct(a.findingCells[f], body), col);
    }
    // TRANSLATORS: Figures tab heading: the therapist's findings compared with the client's drawing.
    heading(tr("Agreement with the client's drawing"), ui);
    const auto j = a.total.jaccard();
    const char* jl = tr("Overlap (Jaccard)");
    // TRANSLATORS: Figures tab: the share of the client's painted area where the therapist found something.
    const char* fl = tr("Client's area found");
    // TRANSLATORS: Figures tab: the share of the therapist's findings inside the client's painted area.
    const char* dl = tr("Findings the client drew");
    const float c2 = columnFor({jl, fl, dl}, ui);
    if (j) row(jl, tr("%.0f %%"), *j * 100.0, c2);
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", tr("Cells both marked out of the cells either marked, in per cent: 100 is the same area, 0 no cell in common"));
    }
    if (auto f = a.total.foundShare()) row(fl, tr("%.0f %%"), *f * 100.0, c2);
    if (auto d = a.total.drawnShare()) row(dl, tr("%.0f %%"), *d * 100.0, c2);
    // The regions where client and therapist differ most (the largest areas either marked).
    std::vector<maps::RegionOverlap> regions = a.regions;
    std::stable_sort(regions.begin(), regions.end(), [](const maps::RegionOverlap& x, const maps::RegionOverlap& y) {
        return x.cells.unionCells() > y.cells.unionCells();
    });
    if (regions.size() > 6) regions.resize(6);
    for (const auto& r : regions) {
        const auto rj = r.cells.jaccard();
        if (!rj) continue;
        const char* name = i18n::templateText(i18n::kRegionContext, s.templ().regions[static_cast<std::size_t>(r.region)].name);
        row(name, tr("%.0f %%"), *rj * 100.0, c2);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("Two drawings of the same pain a minute apart overlap by about 40 to 70 per cent, so a "
                                "modest overlap is no disagreement."));
    ImGui::PopStyleColor();
    if (testLogEnabled() && j) {
        char line[160];
        std::snprintf(line, sizeof line, "agreement jaccard %.4f client %d findings %d both %d", *j, a.total.client,
                      a.total.findings, a.total.both);
        testLogChanged("agreement", line);
    }
}
}  // namespace

void drawFiguresTab(AppState& s, SidePanelState& p, const UiContext& ui) {
    if (p.metricsGeneration != s.doc.generation || !p.metrics) {
        p.metricsGeneration = s.doc.generation;
        auto m = maps::computeMetrics(s.doc.map, s.templ());
        p.agreement = maps::computeAgreement(s.doc.map, s.templ());
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
    heading(tr("Pain"), ui);
    // TRANSLATORS: Figures tab; the part of the body with pain, in per cent.
    const char* extent = tr("Extent (whole body)");
    // TRANSLATORS: Figures tab, under "Extent (whole body)": of the front view only.
    const char* front = trc("figures", "  front");
    // TRANSLATORS: Figures tab, under "Extent (whole body)": of the back view only.
    const char* back = trc("figures", "  back");
    const char* maxI = tr("Maximum intensity");
    const char* meanI = tr("Mean intensity");
    const char* burden = tr("Pain burden");
    const float col = columnFor({extent, front, back, maxI, meanI, burden}, ui);
    // TRANSLATORS: a percentage in the Figures tab ("12.5 %"); keep the space as your language writes it.
    const char* pct = tr("%.1f %%");
    row(extent, pct, m.overall.cells.extentPct(), col);
    row(front, pct, m.views[0].cells.extentPct(), col);
    row(back, pct, m.views[1].cells.extentPct(), col);
    // TRANSLATORS: an intensity on the 0-10 scale ("7 / 10").
    row(maxI, tr("%.0f / 10"), m.overall.cells.maxIntensity, col);
    row(meanI, tr("%.1f / 10"), m.overall.cells.meanIntensity(), col);
    // Percent, as in the report: 100 % = every body cell at 10.
    const double burdenPct = m.overall.cells.burden() * 100.0;
    row(burden, burdenPct > 0 && burdenPct < 1 ? tr("%.2f %%") : pct, burdenPct, col);  // as the report
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Sum of intensity / (10 x body cells), 0 to 100 %"));

    heading(tr("Widespread Pain Index"), ui);
    // TRANSLATORS: the Widespread Pain Index: %d of the 19 areas have pain.
    textWrappedf(tr("WPI %d of 19"), m.wpi);
    for (int a = 0; a < maps::kWpiAreaCount; ++a) {
        if (m.wpiAreas[static_cast<std::size_t>(a)].painful) {
            ImGui::Bullet();
            ImGui::TextUnformatted(std::string(maps::wpiAreaName(static_cast<maps::WpiArea>(a))).c_str());
        }
    }
    // TRANSLATORS: generalized pain (2016 ACR criteria): %d of the 5 body regions have pain.
    textWrappedf(trn("Generalized pain: %d of 5 regions", "Generalized pain: %d of 5 regions",
                     static_cast<unsigned long>(m.generalizedPain)),
                 m.generalizedPain);
    for (int r = 0; r < maps::kGpRegionCount; ++r) {
        if (m.gpRegions[static_cast<std::size_t>(r)]) {
            ImGui::Bullet();
            ImGui::TextUnformatted(std::string(maps::gpRegionName(static_cast<maps::GpRegion>(r))).c_str());
        }
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    std::string rule = maps::describeRule(m.rule);
    if (!rule.empty()) rule[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rule[0])));
    // TRANSLATORS: %s is the rule that decides when an area counts as painful (a sentence
    // without its full stop, e.g. "An area counts when at least 2 % of it is painted").
    textWrappedf(tr("%s. This threshold is BodyMap's own filter against specks of paint, not part "
                    "of the ACR definition. Jaw, chest and abdomen count in the WPI but not in "
                    "generalized pain (2016 criteria). A measure, not a diagnosis."),
                 rule.c_str());
    ImGui::PopStyleColor();

    heading(tr("What it feels like"), ui);
    bool any = false;
    std::vector<std::string> names;
    for (int q = 0; q < maps::kQualityCount; ++q) {
        names.emplace_back(maps::qualityName(maps::kQualities[static_cast<std::size_t>(q)]));
    }
    float qualityCol = 0;
    for (const auto& n : names) qualityCol = std::max(qualityCol, ImGui::CalcTextSize(n.c_str()).x);
    qualityCol = ImGui::GetCursorPosX() + std::max(qualityCol, 120 * ui.scale) + 2 * ImGui::GetStyle().ItemSpacing.x;
    for (int q = 0; q < maps::kQualityCount; ++q) {
        if (m.overall.qualityCells[static_cast<std::size_t>(q)] == 0) continue;
        any = true;
        // TRANSLATORS: how much of the body has this quality of pain ("12.5 % of body").
        row(names[static_cast<std::size_t>(q)].c_str(), tr("%.1f %% of body"), m.overall.qualityExtentPct(q), qualityCol);
    }
    if (!any) ImGui::TextDisabled("%s", tr("No qualities marked"));

    heading(tr("Fascial lines"), ui);
    bool anyLine = false;
    for (const auto& line : m.fascial.lines) {
        if (line.paintedCells == 0 && line.tags == 0) continue;
        anyLine = true;
        const char* lineName = i18n::templateText(i18n::kLineContext, line.line);
        ImGui::TextUnformatted(lineName);
        ImGui::SameLine(std::max(60 * ui.scale, ImGui::CalcTextSize(lineName).x + 2 * ImGui::GetStyle().ItemSpacing.x));
        if (line.tags) {
            // TRANSLATORS: a fascial line in the Figures tab: %.0f %% of the painted area lies on it,
            // mean intensity %.1f, and %d tags on it.
            textWrappedf(trn("%.0f %% of the pain, mean %.1f, %d tag", "%.0f %% of the pain, mean %.1f, %d tags",
                             static_cast<unsigned long>(line.tags)),
                         line.sharePct, line.meanIntensity(), line.tags);
        } else {
            // TRANSLATORS: a fascial line in the Figures tab: %.0f %% of the painted area lies on it,
            // with a mean intensity of %.1f.
            textWrappedf(tr("%.0f %% of the pain, mean %.1f"), line.sharePct, line.meanIntensity());
        }
    }
    if (!anyLine) ImGui::TextDisabled("%s", tr("No pain or tags on the lines"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr("Share of the painted area lying on each line's bands (lines overlap, so "
                                "shares can add up to more than 100 %)."));
    ImGui::PopStyleColor();

    if (s.doc.map.hasFindings()) findingsSection(s, p.agreement, m, ui);

    // TRANSLATORS: Figures tab heading: left and right are the patient's own sides.
    heading(tr("Left and right (patient's)"), ui);
    const char* leftE = tr("Left extent");
    const char* rightE = tr("Right extent");
    const char* sym = tr("Symmetry");
    const float symCol = columnFor({leftE, rightE, sym}, ui);
    row(leftE, pct, m.symmetry.left.extentPct(), symCol);
    row(rightE, pct, m.symmetry.right.extentPct(), symCol);
    if (m.symmetry.extentIndex) row(sym, tr("%.2f"), *m.symmetry.extentIndex, symCol);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("1 = same on both sides, 0 = one side only"));
}

}  // namespace bodymap::app
