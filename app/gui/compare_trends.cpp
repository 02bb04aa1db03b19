// The Trends tab of the compare workspace: one small chart per key metric over all saved visits
// of the client, dates spaced by real time on the x axis, points and lines, values on hover.
// Drawn with the ImGui draw list (1.86 has no plotting widget); figures from summarizeSeries.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/compare_workspace.h"
#include "app/gui/library_panel.h"
#include "app/gui/panels.h"
#include "maps/visit_time.h"

namespace bodymap::app {

namespace {

struct TrendSpec {
    const char* key;
    const char* title;
    const char* format;   // value with unit
    double fixedMax;      // y axis top; 0 = from the data
    double scale = 1.0;   // shown value = stored value x scale (burden: fraction -> %)
};
constexpr TrendSpec kTrends[] = {
    {"extent_pct", "Pain extent (% of body)", "%.1f %%", 0},
    {"max_intensity", "Maximum intensity (0-10)", "%.0f", 10},
    {"mean_intensity", "Mean intensity (0-10)", "%.1f", 10},
    {"pain_burden", "Pain burden (%)", "%.2f %%", 0, 100.0},
    {"wpi", "Widespread Pain Index (0-19)", "%.0f", 19},
    {"generalized_pain", "Generalized pain (regions of 5)", "%.0f", 5},
};

// A round axis top at or above v: 1, 2, 2.5, 5 x 10^k.
double niceCeil(double v) {
    if (v <= 0) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (f * p >= v - 1e-12) return f * p;
    }
    return 10 * p;
}

const maps::MetricTrend* findTrend(const maps::SeriesSummary& s, const char* key) {
    for (const auto& t : s.trends) if (t.key == key) return &t;
    return nullptr;
}

void drawTrendChart(const maps::SeriesSummary& s, const std::vector<double>& xs, const TrendSpec& spec,
                    CompareWorkspaceState& c, const UiContext& ui, ImVec2 p0, ImVec2 p1,
                    int& hoverVisit) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sc = ui.scale;
    dl->AddRectFilled(p0, p1, compare_colors::kPanel, 6 * sc);
    dl->AddRect(p0, p1, compare_colors::kPanelBorder, 6 * sc);
    const maps::MetricTrend* trend = findTrend(s, spec.key);
    const float pad = 10 * sc;
    const float fh = ImGui::GetFontSize();
    ImFont* bold = ui.bold ? ui.bold : ImGui::GetFont();
    ImGui::PushFont(bold);  // shortened in its own font: a narrow card cut the title off
    const std::string title = ellipsize(spec.title, p1.x - p0.x - 2 * pad);
    ImGui::PopFont();
    dl->AddText(bold, fh, ImVec2(p0.x + pad, p0.y + pad), IM_COL32(40, 40, 40, 255), title.c_str());
    if (title != spec.title && ImGui::IsMouseHoveringRect(p0, ImVec2(p1.x, p0.y + pad + fh)) &&
        ImGui::IsWindowHovered()) {
        ImGui::SetTooltip("%s", spec.title);
    }
    if (!trend || trend->values.empty()) return;

    // Latest value and its change since the first visit, on the title line's right.
    std::vector<std::optional<double>> vals = trend->values;
    for (auto& v : vals) if (v) *v *= spec.scale;
    if (vals.back()) {
        char last[48], text[160];
        std::snprintf(last, sizeof last, spec.format, *vals.back());
        ImU32 col = compare_colors::kNeutral;
        if (vals.front()) {
            const double d = *vals.back() - *vals.front();
            char dv[48];
            std::snprintf(dv, sizeof dv, spec.format, std::abs(d));
            if (std::atof(dv) != 0.0) {
                std::snprintf(text, sizeof text, "%s  (%s%s since first)", last, d > 0 ? "+" : "-", dv);
                col = d > 0 ? compare_colors::kWorse : compare_colors::kBetter;
            } else {
                std::snprintf(text, sizeof text, "%s  (as at first)", last);
            }
        } else {
            std::snprintf(text, sizeof text, "%s", last);
        }
        const ImVec2 ts = ImGui::CalcTextSize(text);
        if (p0.x + pad + bold->CalcTextSizeA(fh, FLT_MAX, 0, spec.title).x + 16 * sc < p1.x - pad - ts.x) {
            dl->AddText(ImVec2(p1.x - pad - ts.x, p0.y + pad), col, text);
        }
    }

    // Y axis range.
    double top = spec.fixedMax;
    if (top <= 0) {
        double mx = 0;
        for (const auto& v : vals) if (v) mx = std::max(mx, *v);
        top = niceCeil(std::max(mx * 1.1, spec.key == std::string("pain_burden") ? 1.0 : 5.0));
    }
    char tickText[32];
    std::snprintf(tickText, sizeof tickText, spec.format, top);
    const float yLabelW = ImGui::CalcTextSize(tickText).x + 6 * sc;
    const ImVec2 a(p0.x + pad + yLabelW, p0.y + pad + fh + 10 * sc);     // plot top-left
    const ImVec2 b(p1.x - pad - 8 * sc, p1.y - pad - fh - 6 * sc);      // plot bottom-right
    if (b.x - a.x < 40 || b.y - a.y < 30) return;
    auto yOf = [&](double v) { return b.y - static_cast<float>(v / top) * (b.y - a.y); };
    // Grid lines: whole-number metrics (WPI, counts, the 0-10 scale) on whole numbers, every
    // line labelled, with the scale's top (19, 5) as the last line; other metrics at quarters,
    // labelled at 0, the middle and the top.
    const bool whole = std::string(spec.format) == "%.0f";
    std::vector<std::pair<double, bool>> lines;  // value, labelled
    if (whole) {
        double step = 1;
        for (double nice : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0}) {
            step = nice;
            if (top / nice <= 5.0) break;
        }
        for (double v = 0; v < top - step * 0.5; v += step) lines.emplace_back(v, true);
        lines.emplace_back(top, true);
    } else {
        for (int k = 0; k <= 4; ++k) lines.emplace_back(top * k / 4.0, k % 2 == 0);
    }
    for (const auto& [v, labelled] : lines) {
        const float y = yOf(v);
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), v == 0 ? compare_colors::kAxis : compare_colors::kGrid);
        if (!labelled) continue;
        std::snprintf(tickText, sizeof tickText, spec.format, v);
        const ImVec2 ts = ImGui::CalcTextSize(tickText);
        dl->AddText(ImVec2(a.x - ts.x - 5 * sc, y - ts.y / 2), compare_colors::kNeutral, tickText);
    }

    // X: real dates; a margin so that the first and last points are not on the border.
    const double x0 = xs.front(), x1 = xs.back();
    const double span = std::max(x1 - x0, 1.0);
    const float margin = 14 * sc;
    auto xOf = [&](double d) {
        return xs.size() == 1 ? (a.x + b.x) / 2
                              : a.x + margin + static_cast<float>((d - x0) / span) * (b.x - a.x - 2 * margin);
    };
    float lastRight = -FLT_MAX;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const float x = xOf(xs[i]);
        dl->AddLine(ImVec2(x, b.y), ImVec2(x, b.y + 3 * sc), compare_colors::kAxis);
        const bool withYear = i == 0 || i + 1 == xs.size();
        std::string label = shortDate(s.visitTimes[i], withYear && xs.size() <= 3);
        ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        float lx = std::clamp(x - ts.x / 2, p0.x + pad, p1.x - pad - ts.x);
        // A label that would collide with the previous one is shortened to the day when the
        // month is the previous visit's ("7 Sep  21"), and otherwise left out (hover shows it).
        const std::string& when = s.visitTimes[i];
        if (lx <= lastRight + 6 * sc && i > 0 && when.size() >= 10 && s.visitTimes[i - 1].size() >= 10 &&
            when.compare(0, 7, s.visitTimes[i - 1], 0, 7) == 0) {
            label = when.substr(when[8] == '0' ? 9 : 8, when[8] == '0' ? 1 : 2);
            ts = ImGui::CalcTextSize(label.c_str());
            lx = std::clamp(x - ts.x / 2, p0.x + pad, p1.x - pad - ts.x);
        }
        if (lx > lastRight + 6 * sc) {
            dl->AddText(ImVec2(lx, b.y + 4 * sc), compare_colors::kNeutral, label.c_str());
            lastRight = lx + ts.x;
        }
    }

    // Hover: the nearest visit by x, shared by all charts.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && mouse.x >= p0.x && mouse.x < p1.x && mouse.y >= p0.y && mouse.y < p1.y) {
        float best = FLT_MAX;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const float dx = std::abs(xOf(xs[i]) - mouse.x);
            if (dx < best) {
                best = dx;
                hoverVisit = static_cast<int>(i);
            }
        }
        if (hoverVisit >= 0 && hoverVisit < static_cast<int>(vals.size())) {
            const auto i = static_cast<std::size_t>(hoverVisit);
            char v[48] = "not defined";
            if (vals[i]) std::snprintf(v, sizeof v, spec.format, *vals[i]);
            ImGui::SetTooltip("%s\n%s: %s", friendlyDate(s.visitTimes[i]).c_str(), spec.title, v);
        }
    }
    if (c.hoverVisit >= 0 && c.hoverVisit < static_cast<int>(xs.size())) {
        const float x = xOf(xs[static_cast<std::size_t>(c.hoverVisit)]);
        dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), IM_COL32(52, 86, 140, 90), 1.5f * sc);
    }

    // Lines between defined neighbours, then the points.
    dl->PushClipRect(ImVec2(a.x - 6 * sc, a.y - 6 * sc), ImVec2(b.x + 6 * sc, b.y + 6 * sc), true);
    for (std::size_t i = 1; i < vals.size(); ++i) {
        if (vals[i - 1] && vals[i]) {
            dl->AddLine(ImVec2(xOf(xs[i - 1]), yOf(*vals[i - 1])), ImVec2(xOf(xs[i]), yOf(*vals[i])),
                        compare_colors::kLine, 2.0f * sc);
        }
    }
    for (std::size_t i = 0; i < vals.size(); ++i) {
        if (!vals[i]) continue;
        const ImVec2 pt(xOf(xs[i]), yOf(*vals[i]));
        const bool hot = static_cast<int>(i) == c.hoverVisit;
        dl->AddCircleFilled(pt, (hot ? 5.5f : 4.0f) * sc, IM_COL32(255, 255, 255, 255));
        dl->AddCircleFilled(pt, (hot ? 4.5f : 3.0f) * sc, compare_colors::kLine);
    }
    dl->PopClipRect();
}

}  // namespace

void drawTrendsTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                   ImVec2 size) {
    if (!updateSeries(s, c)) {
        char line[64];
        std::snprintf(line, sizeof line, "Loading %zu of %zu", c.series.loaded + 1, c.series.paths.size());
        centredMessage(ui, pos, size, "Reading the visits", line);
        return;
    }
    const SeriesState& se = c.series;
    if (!se.summary) {
        centredMessage(ui, pos, size, "No trends yet", se.error.c_str());
        return;
    }
    const maps::SeriesSummary& sum = *se.summary;
    std::vector<double> xs;
    for (std::size_t i = 0; i < sum.visitTimes.size(); ++i) {
        const auto d = maps::visitDayNumber(sum.visitTimes[i]);
        // An undated visit sits one day after the previous one, so the order still reads.
        xs.push_back(d ? *d : (xs.empty() ? 0.0 : xs.back() + 1.0));
    }
    const float sc = ui.scale;
    const float gap = 12 * sc;
    const float noteH = ImGui::GetTextLineHeightWithSpacing() * (se.skipped.empty() ? 1.0f : 2.0f);
    ImGui::SetCursorScreenPos(pos);
    char period[160];
    std::snprintf(period, sizeof period, "%zu visits, %s to %s. Hover a chart for the values.",
                  sum.visitTimes.size(), shortDate(sum.visitTimes.front(), true).c_str(),
                  shortDate(sum.visitTimes.back(), true).c_str());
    ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), period, size.x, period);
    leftOutNote(se, pos.x, size.x);
    const int n = static_cast<int>(std::size(kTrends));
    const int cols = size.x > 860 * sc ? 3 : 2;
    const int rows = (n + cols - 1) / cols;
    const float top = pos.y + noteH + 4 * sc;
    const float w = (size.x - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
    const float h = std::max(120 * sc, (pos.y + size.y - top - static_cast<float>(rows - 1) * gap) /
                                           static_cast<float>(rows));
    int hoverVisit = -1;
    for (int i = 0; i < n; ++i) {
        const float x = pos.x + static_cast<float>(i % cols) * (w + gap);
        const float y = top + static_cast<float>(i / cols) * (h + gap);
        drawTrendChart(sum, xs, kTrends[i], c, ui, ImVec2(x, y), ImVec2(x + w, y + h), hoverVisit);
    }
    c.hoverVisit = hoverVisit;
}

}  // namespace bodymap::app
