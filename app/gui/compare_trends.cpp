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
#include "app/gui/tr_text.h"
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
// Titles translated where shown (trc("trend chart", title)).
constexpr TrendSpec kTrends[] = {
    // xgettext:no-c-format
    {"extent_pct", trNoopC("trend chart", "Pain extent (% of body)"), "%.1f %%", 0},
    {"max_intensity", trNoopC("trend chart", "Maximum intensity (0-10)"), "%.0f", 10},
    {"mean_intensity", trNoopC("trend chart", "Mean intensity (0-10)"), "%.1f", 10},
    {"pain_burden", trNoopC("trend chart", "Pain burden (%)"), "%.2f %%", 0, 100.0},
    {"wpi", trNoopC("trend chart", "Widespread Pain Index (0-19)"), "%.0f", 19},
    // TRANSLATORS: a trend chart: in how many of the 5 body regions of the fibromyalgia criteria pain is.
    {"generalized_pain", trNoopC("trend chart", "Generalized pain (regions of 5)"), "%.0f", 5},
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
    const char* fullTitle = trc("trend chart", spec.title);
    ImGui::PushFont(bold);  // shortened in its own font: a narrow card cut the title off
    const std::string title = ellipsize(fullTitle, p1.x - p0.x - 2 * pad);
    ImGui::PopFont();
    dl->AddText(bold, fh, ImVec2(p0.x + pad, p0.y + pad), IM_COL32(40, 40, 40, 255), title.c_str());
    if (title != fullTitle && ImGui::IsMouseHoveringRect(p0, ImVec2(p1.x, p0.y + pad + fh)) &&
        ImGui::IsWindowHovered()) {
        tooltipf("%s", fullTitle);
    }
    if (!trend || trend->values.empty()) return;

    // Latest value and its change since the first visit, on the title line's right.
    std::vector<std::optional<double>> vals = trend->values;
    for (auto& v : vals) if (v) *v *= spec.scale;
    if (vals.back()) {
        const std::string last = i18n::format(spec.format, *vals.back());
        std::string text = last;
        ImU32 col = compare_colors::kNeutral;
        if (vals.front()) {
            const double d = *vals.back() - *vals.front();
            char dv[48];
            std::snprintf(dv, sizeof dv, spec.format, std::abs(d));  // C locale: only to test for 0
            if (std::atof(dv) != 0.0) {
                const std::string change = (d > 0 ? "+" : "-") + i18n::format(spec.format, std::abs(d));
                // TRANSLATORS: a trend chart's latest value and its change since the first visit
                // ("3.5 %  (+1.2 % since first)").
                text = i18n::format(tr("%s  (%s since first)"), last.c_str(), change.c_str());
                col = d > 0 ? compare_colors::kWorse : compare_colors::kBetter;
            } else {
                // TRANSLATORS: a trend chart's latest value, the same as at the first visit.
                text = i18n::format(tr("%s  (as at first)"), last.c_str());
            }
        }
        const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        if (p0.x + pad + bold->CalcTextSizeA(fh, FLT_MAX, 0, fullTitle).x + 16 * sc < p1.x - pad - ts.x) {
            dl->AddText(ImVec2(p1.x - pad - ts.x, p0.y + pad), col, text.c_str());
        }
    }

    // Y axis range.
    double top = spec.fixedMax;
    if (top <= 0) {
        double mx = 0;
        for (const auto& v : vals) if (v) mx = std::max(mx, *v);
        top = niceCeil(std::max(mx * 1.1, spec.key == std::string("pain_burden") ? 1.0 : 5.0));
    }
    std::string tickText = i18n::format(spec.format, top);
    const float yLabelW = ImGui::CalcTextSize(tickText.c_str()).x + 6 * sc;
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
        tickText = i18n::format(spec.format, v);
        const ImVec2 ts = ImGui::CalcTextSize(tickText.c_str());
        dl->AddText(ImVec2(a.x - ts.x - 5 * sc, y - ts.y / 2), compare_colors::kNeutral, tickText.c_str());
    }

    // X: real dates; a margin so that the first and last points are not on the border.
    const double x0 = xs.front(), x1 = xs.back();
    const double span = std::max(x1 - x0, 1.0);
    const float margin = 14 * sc;
    auto xOf = [&](double d) {
        return xs.size() == 1 ? (a.x + b.x) / 2
                              : a.x + margin + static_cast<float>((d - x0) / span) * (b.x - a.x - 2 * margin);
    };
    // Many visits (a weekly client over years): a tick per visit would be a solid bar and the
    // dates unreadable, so the axis shows calendar years (or months) instead and the line is
    // drawn without a dot per visit; the hovered visit keeps its dot and its date in the tooltip.
    const float perVisit = xs.size() > 1 ? (b.x - a.x - 2 * margin) / static_cast<float>(xs.size() - 1) : FLT_MAX;
    const bool crowded = perVisit < 9 * sc;
    float lastRight = -FLT_MAX;
    if (crowded) {
        int y0 = 0, m0 = 0, y1 = 0, m1 = 0;
        std::sscanf(s.visitTimes.front().c_str(), "%4d-%2d", &y0, &m0);
        std::sscanf(s.visitTimes.back().c_str(), "%4d-%2d", &y1, &m1);
        const bool years = x1 - x0 > 540;  // over ~18 months: ticks on years, else on months
        // Evenly spaced labels: the smallest step (in years or months) whose labels fit.
        const float plotW = b.x - a.x - 2 * margin;
        const float unitPx = plotW * static_cast<float>((years ? 365.25 : 30.44) / span);
        const float labelW = ImGui::CalcTextSize(years ? "2026" : axisMonth(9, 2026).c_str()).x + 12 * sc;
        int step = years ? 10 : 12;
        for (int k : years ? std::vector<int>{1, 2, 5, 10} : std::vector<int>{1, 2, 3, 6, 12}) {
            if (static_cast<float>(k) * unitPx >= labelW) {
                step = k;
                break;
            }
        }
        bool first = true;
        for (int y = y0; y <= y1; ++y) {
            for (int m = 1; m <= 12; ++m) {
                if (years ? (m > 1 || y % step != 0) : ((m - 1) % step != 0)) continue;
                char iso[32];
                std::snprintf(iso, sizeof iso, "%04d-%02d-01T00:00:00", y, m);
                const auto day = maps::visitDayNumber(iso);
                if (!day || *day < x0 || *day > x1) continue;
                const float x = xOf(*day);
                dl->AddLine(ImVec2(x, b.y), ImVec2(x, b.y + 4 * sc), compare_colors::kAxis);
                // Months carry their year on the first label and on each January.
                const std::string label = years ? std::to_string(y) : axisMonth(m, first || m == 1 ? y : 0);
                first = false;
                const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
                const float lx = std::clamp(x - ts.x / 2, p0.x + pad, p1.x - pad - ts.x);
                if (lx > lastRight + 6 * sc) {
                    dl->AddText(ImVec2(lx, b.y + 4 * sc), compare_colors::kNeutral, label.c_str());
                    lastRight = lx + ts.x;
                }
            }
        }
    }
    for (std::size_t i = 0; i < xs.size() && !crowded; ++i) {
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
            // TRANSLATORS: a trend chart's value for a visit where it has none (no pain painted).
            const std::string v = vals[i] ? i18n::format(spec.format, *vals[i]) : std::string(tr("not defined"));
            // TRANSLATORS: a trend chart's tooltip: the visit's date, then the chart's title and the value.
            tooltipf(trc("trend tooltip", "%s\n%s: %s"), friendlyDate(s.visitTimes[i]).c_str(), fullTitle, v.c_str());
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
                        compare_colors::kLine, (crowded ? 1.25f : 2.0f) * sc);
        }
    }
    for (std::size_t i = 0; i < vals.size(); ++i) {
        if (!vals[i]) continue;
        const ImVec2 pt(xOf(xs[i]), yOf(*vals[i]));
        const bool hot = static_cast<int>(i) == c.hoverVisit;
        if (crowded && !hot) continue;
        dl->AddCircleFilled(pt, (hot ? 5.5f : 4.0f) * sc, IM_COL32(255, 255, 255, 255));
        dl->AddCircleFilled(pt, (hot ? 4.5f : 3.0f) * sc, compare_colors::kLine);
    }
    dl->PopClipRect();
}

}  // namespace

void drawTrendsTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                   ImVec2 size) {
    if (!updateSeries(s, c)) {
        const std::string line = i18n::format(trn("Loading %zu of %zu visit", "Loading %zu of %zu visits", c.series.paths.size()),
                                              c.series.loaded + 1, c.series.paths.size());
        centredMessage(ui, pos, size, tr("Reading the visits"), line.c_str());
        return;
    }
    const SeriesState& se = c.series;
    if (!se.summary) {
        centredMessage(ui, pos, size, tr("No trends yet"), se.error.c_str());
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
    // TRANSLATORS: above the trend charts: the number of visits, the first and the last date.
    const std::string period = i18n::format(trn("%zu visit, %s to %s. Hover a chart for the values.",
                                                "%zu visits, %s to %s. Hover a chart for the values.",
                                                sum.visitTimes.size()),
                                            sum.visitTimes.size(), shortDate(sum.visitTimes.front(), true).c_str(),
                                            shortDate(sum.visitTimes.back(), true).c_str());
    ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), period, size.x, period);
    logLastItem("trend-period");
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
        logCompareRect(("trend-chart-" + std::to_string(i)).c_str(), ImVec2(x, y), ImVec2(x + w, y + h));
    }
    c.hoverVisit = hoverVisit;
}

}  // namespace bodymap::app
