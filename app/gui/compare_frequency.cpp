// The Frequency tab of the compare workspace: the frequency map (share of the client's visits
// in which each spot hurt) and the mean-intensity map, both views each, with their legends and
// values on hover. The pictures come from render/series_image.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/compare_workspace.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "render/series_image.h"

namespace bodymap::app {

namespace {

using render::SeriesMapKind;

ImU32 overBody(render::Rgba c) {
    const render::Rgba b = render::palette::kBody;
    const float a = static_cast<float>(c.a) / 255.0f;
    auto mix = [a](std::uint8_t body, std::uint8_t col) {
        return static_cast<int>(std::lround(static_cast<float>(body) + (static_cast<float>(col) - static_cast<float>(body)) * a));
    };
    return IM_COL32(mix(b.r, c.r), mix(b.g, c.g), mix(b.b, c.b), 255);
}

// The scale as a bar with five ticks, centred in [x, x+width).
void drawScale(SeriesMapKind kind, ImVec2 pos, float width, float scale) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float barW = std::min(width, 320 * scale);
    const float x0 = pos.x + (width - barW) / 2;
    const float h = 12 * scale;
    const bool freq = kind == SeriesMapKind::Frequency;
    const double top = freq ? 1.0 : 10.0;
    const int steps = 64;
    for (int i = 0; i < steps; ++i) {
        const double v = top * (i + 0.5) / steps;
        const float xa = x0 + barW * static_cast<float>(i) / steps;
        dl->AddRectFilled(ImVec2(xa, pos.y), ImVec2(xa + barW / steps + 0.5f, pos.y + h),
                          overBody(render::seriesColor(kind, v)));
    }
    dl->AddRect(ImVec2(x0, pos.y), ImVec2(x0 + barW, pos.y + h), IM_COL32(120, 115, 110, 255));
    // Labels at the quarters, or at the ends and the middle when they would touch each other.
    const float labelW = ImGui::CalcTextSize(freq ? i18n::format(trc("frequency scale", "%d %%"), 100).c_str()
                                                  : i18n::formatNumber(7.5, 1).c_str()).x;
    const int every = barW / 4 < labelW + 8 * scale ? 2 : 1;
    for (int k = 0; k <= 4; ++k) {
        // TRANSLATORS: a tick of the frequency scale: a share of the visits in percent ("25 %").
        const std::string label = freq ? i18n::format(trc("frequency scale", "%d %%"), k * 25) : i18n::format("%g", k * 2.5);
        const char* buf = label.c_str();
        const ImVec2 ts = ImGui::CalcTextSize(buf);
        const float x = x0 + barW * static_cast<float>(k) / 4;
        dl->AddLine(ImVec2(x, pos.y + h), ImVec2(x, pos.y + h + 3 * scale), IM_COL32(120, 115, 110, 255));
        if (k % every != 0) continue;
        dl->AddText(ImVec2(std::clamp(x - ts.x / 2, pos.x, pos.x + width - ts.x), pos.y + h + 4 * scale),
                    compare_colors::kNeutral, buf);
    }
}

void hoverCell(const maps::BodyTemplate& t, const maps::SeriesSummary& s, ImVec2 origin, float k) {
    maps::ViewId v = maps::ViewId::Front;
    int x = 0, y = 0;
    if (!ImGui::IsWindowHovered() || !cellUnder(t, origin, k, ImGui::GetIO().MousePos, v, x, y)) return;
    const maps::RegionIndex r = t.regionAt(v, x, y);
    if (r == maps::kNoRegion) return;
    const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width) + static_cast<std::size_t>(x);
    const auto vi = static_cast<std::size_t>(v);
    if (i >= s.frequency[vi].size()) return;
    const std::size_t n = s.visitTimes.size();
    const double share = s.frequency[vi][i];
    const auto hits = static_cast<long>(std::lround(share * static_cast<double>(n)));
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(i18n::templateText(i18n::kRegionContext, t.regions[r].name));
    // TRANSLATORS: frequency map tooltip: in how many of the client's visits this spot hurt.
    textf(trn("Pain here in %ld of %zu visit (%.0f %%)", "Pain here in %ld of %zu visits (%.0f %%)", n), hits, n,
          share * 100);
    textf(tr("Mean intensity %.1f / 10 (all visits)"), s.meanIntensity[vi][i]);
    ImGui::EndTooltip();
}

}  // namespace

void drawFrequencyTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                      ImVec2 size) {
    if (!updateSeries(s, c)) {
        // TRANSLATORS: while the visits of the client are read for the trends and maps.
        const std::string line = i18n::format(trn("Loading %zu of %zu visit", "Loading %zu of %zu visits", c.series.paths.size()),
                                              c.series.loaded + 1, c.series.paths.size());
        centredMessage(ui, pos, size, tr("Reading the visits"), line.c_str());
        return;
    }
    SeriesState& se = c.series;
    if (!se.summary) {
        centredMessage(ui, pos, size, tr("No frequency map yet"), se.error.c_str());
        return;
    }
    const maps::SeriesSummary& sum = *se.summary;
    const maps::BodyTemplate& t = *se.tmpl;
    const float sc = ui.scale;
    ImGui::SetCursorScreenPos(pos);
    // TRANSLATORS: above the frequency maps: the number of visits, the first and the last date.
    const std::string periodLine = i18n::format(trn("%zu visit, %s to %s. Hover the body for the values.",
                                                    "%zu visits, %s to %s. Hover the body for the values.",
                                                    sum.visitTimes.size()),
                                                sum.visitTimes.size(), shortDate(sum.visitTimes.front(), true).c_str(),
                                                shortDate(sum.visitTimes.back(), true).c_str());
    ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), periodLine, size.x, periodLine);
    logLastItem("freq-period");
    leftOutNote(se, pos.x, size.x);  // under the period, like on the Trends tab: inside the area
    const float noteH = ImGui::GetCursorScreenPos().y - pos.y;
    pos.y += noteH + 4 * sc;
    size.y -= noteH + 4 * sc;
    const float gap = 12 * sc, inner = 10 * sc;
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    const float colW = (size.x - gap) / 2;
    const float titleH = lineH * 2 + 4 * sc;
    const float legendH = 12 * sc + ImGui::GetFontSize() + 16 * sc;
    const float aspect = static_cast<float>(render::panelHeightCells(t)) / (static_cast<float>(t.width) * 2.06f);
    float imgW = colW - 2 * inner;
    const float maxImgH = size.y - 2 * inner - titleH - legendH;
    if (imgW * aspect > maxImgH) imgW = maxImgH / aspect;
    const int widthPx = std::max(64, static_cast<int>(imgW));
    CompareTexture* textures[2] = {&se.frequency, &se.mean};
    const SeriesMapKind kinds[2] = {SeriesMapKind::Frequency, SeriesMapKind::MeanIntensity};
    for (int i = 0; i < 2; ++i) {
        if (textures[i]->valid() && textures[i]->width == widthPx) continue;
        const auto img = render::renderSeriesMap(t, sum, kinds[i], widthPx);
        uploadTexture(*textures[i], img.pixels, img.width, img.height);
    }

    const char* titles[2] = {tr("How often it hurt"), tr("Mean intensity")};
    const std::string subtitles[2] = {tr("Share of the visits with pain at each spot"),
                                      tr("Over all visits; a visit without pain there counts as 0")};
    const float picH = static_cast<float>(se.frequency.height);
    const float cardH = inner + titleH + picH + legendH + inner;
    const float k = static_cast<float>(se.frequency.width) / (static_cast<float>(t.width) * 2.06f);
    for (int i = 0; i < 2; ++i) {
        const ImVec2 c0(pos.x + static_cast<float>(i) * (colW + gap), pos.y);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(c0, ImVec2(c0.x + colW, c0.y + cardH), compare_colors::kPanel, 6 * sc);
        dl->AddRect(c0, ImVec2(c0.x + colW, c0.y + cardH), compare_colors::kPanelBorder, 6 * sc);
        logCompareRect(("freq-card-" + std::to_string(i)).c_str(), c0, ImVec2(c0.x + colW, c0.y + cardH));
        ImGui::SetCursorScreenPos(ImVec2(c0.x + inner, c0.y + inner));
        if (ui.bold) ImGui::PushFont(ui.bold);
        ellipsizedText(ImGui::GetColorU32(ImGuiCol_Text), titles[i], colW - 2 * inner, titles[i]);
        if (ui.bold) ImGui::PopFont();
        logLastItem(("freq-title-" + std::to_string(i)).c_str());
        ImGui::SetCursorScreenPos(ImVec2(c0.x + inner, c0.y + inner + lineH));
        ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), subtitles[i], colW - 2 * inner, subtitles[i]);
        logLastItem(("freq-subtitle-" + std::to_string(i)).c_str());
        const CompareTexture& tex = *textures[i];
        const ImVec2 o(std::floor(c0.x + (colW - static_cast<float>(tex.width)) / 2), c0.y + inner + titleH);
        const ImVec2 e(o.x + static_cast<float>(tex.width), o.y + static_cast<float>(tex.height));
        if (tex.valid()) dl->AddImage(tex.texture->imguiId(), o, e);
        if (ImGui::IsMouseHoveringRect(o, e)) hoverCell(t, sum, o, k);
        drawScale(kinds[i], ImVec2(c0.x + inner, e.y + 8 * sc), colW - 2 * inner, sc);
    }
}

}  // namespace bodymap::app
