// The Difference tab of the compare workspace: before and after charts, the difference map with
// its diverging legend, the key figures before -> after and the per-region change table.
//
// [SECTION] The compared pair and its pictures
// [SECTION] Cards: charts, difference map, legend
// [SECTION] Key figures and region table
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/compare_workspace.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "app/gui/library_panel.h"
#include "render/chart.h"
#include "render/colormap.h"
#include "render/diff_image.h"

namespace bodymap::app {

using maps::ViewId;

namespace {

// [SECTION] The compared pair and its pictures

std::string pairKey(const AppState& s, const CompareWorkspaceState& c) {
    return c.beforePath + "|" + c.afterPath + "|" +
           (c.afterPath == kOpenMapChoice ? std::to_string(s.doc.generation) : std::string());
}

// The open document, or the chosen visit made dense in `dense` (kept with the pair).
const maps::PainMap* mapFor(AppState& s, CompareWorkspaceState& c, const std::string& choice,
                            std::optional<maps::PainMap>& dense, std::string& error) {
    dense.reset();
    if (choice == kOpenMapChoice) return &s.doc.map;
    const LoadedVisit& v = loadVisit(s, c, choice);
    if (!v.map) {
        error = v.error;
        return nullptr;
    }
    dense = maps::denseFrom(*v.map);
    return &*dense;
}

const maps::PainMap* pairMap(const AppState& s, const std::string& choice,
                             const std::optional<maps::PainMap>& dense) {
    if (choice == kOpenMapChoice) return &s.doc.map;
    return dense ? &*dense : nullptr;
}

std::string dateOf(const AppState& s, const std::string& choice) {
    if (choice == kOpenMapChoice) {
        const std::string when = friendlyDate(s.doc.map.info.visitTime);
        // TRANSLATORS: under "After": the map open in the chart; %s is its date.
        return i18n::format(s.doc.modified() ? tr("%s (open map, unsaved)") : tr("%s (open map)"), when.c_str());
    }
    for (const auto& v : s.library.visits) {
        if (v.path == choice) return friendlyDate(v.visitTime);
    }
    return choice;
}

void updatePair(AppState& s, CompareWorkspaceState& c) {
    const std::string key = pairKey(s, c);
    if (c.pair.key == key) return;
    ComparedPair& p = c.pair;
    p.key = key;
    p.startedAt = std::chrono::steady_clock::now();
    p.cmp.reset();
    p.beforeMap.reset();
    p.afterMap.reset();
    p.tmpl.reset();
    p.error.clear();
    p.before.width = p.after.width = p.diff.width = 0;  // redraw the pictures
    p.beforeLabel = dateOf(s, c.beforePath);
    p.afterLabel = dateOf(s, c.afterPath);
    if (c.beforePath == c.afterPath) {
        p.error = tr("Pick two different visits.");
        return;
    }
    std::string err;
    const maps::PainMap* a = mapFor(s, c, c.beforePath, p.beforeMap, err);
    if (!a) {
        // TRANSLATORS: %1$s is the visit's date, %2$s the loader's error.
        p.error = i18n::format(tr("The visit of %s cannot be read: %s"), p.beforeLabel.c_str(), err.c_str());
        return;
    }
    const maps::PainMap* b = mapFor(s, c, c.afterPath, p.afterMap, err);
    if (!b) {
        p.error = i18n::format(tr("The visit of %s cannot be read: %s"), p.afterLabel.c_str(), err.c_str());
        return;
    }
    p.tmpl = s.templates.find(a->templateId());
    if (!p.tmpl) {
        // TRANSLATORS: %s is a body template's id ("adult-v1").
        p.error = i18n::format(tr("The body template %s is not installed."), a->templateId().c_str());
        return;
    }
    auto cmp = maps::compareMaps(*a, *b, *p.tmpl);
    if (!cmp) {
        // TRANSLATORS: %s is why ("they are on different templates").
        p.error = i18n::format(tr("These two maps cannot be compared: %s"), cmp.error().c_str());
        return;
    }
    p.cmp = std::move(cmp.value());
}

void ensurePictures(AppState& s, CompareWorkspaceState& c, int widthPx) {
    ComparedPair& p = c.pair;
    if (!p.cmp || (p.before.valid() && p.before.width == widthPx && p.diff.width == widthPx)) return;
    render::ChartOptions o;
    o.guides = true;
    // The client's drawings are compared (the difference map is theirs): no therapist's layer.
    o.findings = false;
    o.clientMarksOnly = true;
    o.map = pairMap(s, c.beforePath, p.beforeMap);
    const auto before = render::renderChart(*p.tmpl, render::ViewSelection::Both, widthPx, o);
    uploadTexture(p.before, before.pixels, before.width, before.height);
    o.map = pairMap(s, c.afterPath, p.afterMap);
    const auto after = render::renderChart(*p.tmpl, render::ViewSelection::Both, widthPx, o);
    uploadTexture(p.after, after.pixels, after.width, after.height);
    // The same geometry as the charts; the legend band below is drawn by the GUI instead.
    auto diff = render::renderDifference(*p.tmpl, p.cmp->difference, widthPx);
    const int rows = std::min(diff.height, before.height);
    diff.pixels.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(diff.width) * 4);
    uploadTexture(p.diff, diff.pixels, diff.width, rows);
    if (testLogEnabled()) {
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - p.startedAt).count();
        testLog("pair-ready in " + std::to_string(static_cast<int>(ms + 0.5)) + " ms");
    }
}

// [SECTION] Cards: charts, difference map, legend

ImU32 toU32(render::Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

void card(ImVec2 p0, ImVec2 p1, float scale) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, p1, compare_colors::kPanel, 6 * scale);
    dl->AddRect(p0, p1, compare_colors::kPanelBorder, 6 * scale);
}

void drawRegionOutline(const maps::BodyTemplate& t, int region, ImVec2 origin, float k, float scale) {
    if (region < 0 || region >= static_cast<int>(t.regions.size())) return;
    const maps::Region& r = t.regions[static_cast<std::size_t>(region)];
    const float dx = r.view == ViewId::Back ? static_cast<float>(t.width) * 1.06f : 0.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& ring : r.polygons) {
        std::vector<ImVec2> pts;
        pts.reserve(ring.size());
        for (const auto& q : ring) pts.emplace_back(origin.x + (q.x + dx) * k, origin.y + q.y * k);
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(20, 20, 20, 230),
                        ImDrawFlags_Closed, 2.0f * scale);
    }
}

// The change at one spot between the two visits, as the difference tooltip names it.
const char* changeName(maps::CellChange ch) {
    switch (ch) {
        case maps::CellChange::New: return trc("difference", "new pain");
        case maps::CellChange::Resolved: return trc("difference", "resolved");
        case maps::CellChange::Worse: return trc("difference", "worse");
        case maps::CellChange::Better: return trc("difference", "better");
        case maps::CellChange::Unchanged: return trc("difference", "unchanged");
        default: return trc("difference", "no pain");
    }
}

// Tooltip and highlighted region for the pointer over one of the three pictures.
void hoverPicture(AppState& s, CompareWorkspaceState& c, ImVec2 origin, float k, int& hoverRegion) {
    const ComparedPair& p = c.pair;
    const maps::BodyTemplate& t = *p.tmpl;
    ViewId v = ViewId::Front;
    int x = 0, y = 0;
    if (!ImGui::IsWindowHovered() || !cellUnder(t, origin, k, ImGui::GetIO().MousePos, v, x, y)) return;
    const maps::RegionIndex r = t.regionAt(v, x, y);
    if (r == maps::kNoRegion) return;
    hoverRegion = r;
    const maps::PainMap* a = pairMap(s, c.beforePath, p.beforeMap);
    const maps::PainMap* b = pairMap(s, c.afterPath, p.afterMap);
    if (!a || !b) return;
    const int before = a->intensityAt(v, x, y), after = b->intensityAt(v, x, y);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(i18n::templateText(i18n::kRegionContext, t.regions[r].name));
    // TRANSLATORS: hover tooltip on the compared maps: the intensity before, after, and the
    // change ("better", "new pain").
    textf(tr("Here: %d \xE2\x86\x92 %d, %s"), before, after, changeName(maps::classifyChange(before, after)));
    ImGui::EndTooltip();
}

// The diverging scale, centred under the difference map; returns the height used.
float drawDiffLegend(const maps::DifferenceMap& d, ImVec2 pos, float width, float scale) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fh = ImGui::GetFontSize();
    const float barW = std::min(width, 300 * scale);
    const float sw = barW / 21.0f;
    const float sh = 12 * scale;
    const float x0 = pos.x + (width - barW) / 2;
    float y = pos.y;
    for (int k = -10; k <= 10; ++k) {
        const float x = x0 + static_cast<float>(k + 10) * sw;
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + sw + 0.5f, y + sh), toU32(render::differenceColor(k)));
    }
    dl->AddRect(ImVec2(x0, y), ImVec2(x0 + barW, y + sh), IM_COL32(120, 115, 110, 255));
    y += sh + 2 * scale;
    // "<- better  0  worse ->" under the bar; on a narrow bar without the arrows and the 0, so
    // that the words never run into each other.
    // TRANSLATORS: the two ends of the difference map's colour scale (short).
    const char* betterWord = trc("difference scale", "better");
    const char* worseWord = trc("difference scale", "worse");
    const std::string betterArrow = std::string("\xE2\x86\x90 ") + betterWord;
    const std::string worseArrow = std::string(worseWord) + " \xE2\x86\x92";
    const bool roomy = ImGui::CalcTextSize(betterArrow.c_str()).x + ImGui::CalcTextSize(worseArrow.c_str()).x +
                           ImGui::CalcTextSize(" 0 ").x + 16 * scale <= barW;
    const char* betterLabel = roomy ? betterArrow.c_str() : betterWord;
    const char* worseLabel = roomy ? worseArrow.c_str() : worseWord;
    dl->AddText(ImVec2(x0, y), compare_colors::kBetter, betterLabel);
    const ImVec2 ws = ImGui::CalcTextSize(worseLabel);
    dl->AddText(ImVec2(x0 + barW - ws.x, y), compare_colors::kWorse, worseLabel);
    if (roomy) {
        const ImVec2 zs = ImGui::CalcTextSize("0");
        dl->AddText(ImVec2(x0 + barW / 2 - zs.x / 2, y), compare_colors::kNeutral, "0");
    }
    y += fh + 4 * scale;

    // Cell counts per class, in the colour of their side of the scale.
    const auto n = [&d](maps::CellChange ch) { return d.counts[static_cast<std::size_t>(ch)]; };
    // TRANSLATORS: counts of body cells under the difference map, by change: cells with new
    // pain and cells that got worse (keep it short).
    const std::string worseS = i18n::format(tr("new %d \xC2\xB7 worse %d"), n(maps::CellChange::New), n(maps::CellChange::Worse));
    // TRANSLATORS: counts of body cells whose pain went away and whose pain got less (short).
    const std::string betterS = i18n::format(tr("resolved %d \xC2\xB7 better %d"), n(maps::CellChange::Resolved),
                                             n(maps::CellChange::Better));
    // TRANSLATORS: count of body cells with the same pain in both visits (short).
    const std::string sameS = i18n::format(tr("unchanged %d"), n(maps::CellChange::Unchanged));
    const char* worse = worseS.c_str();
    const char* better = betterS.c_str();
    const char* same = sameS.c_str();
    const float gap = 14 * scale;
    const float chip = fh * 0.75f;
    const float total = ImGui::CalcTextSize(worse).x + ImGui::CalcTextSize(better).x + gap;
    float x = pos.x + std::max(0.0f, (width - total) / 2);
    if (total <= width) {
        dl->AddText(ImVec2(x, y), compare_colors::kBetter, better);
        x += ImGui::CalcTextSize(better).x + gap;
        dl->AddText(ImVec2(x, y), compare_colors::kWorse, worse);
    } else {  // narrow: one line each, shortened to the card (the tooltip has them all)
        const std::string b = ellipsize(better, width), w = ellipsize(worse, width);
        dl->AddText(ImVec2(pos.x + std::max(0.0f, (width - ImGui::CalcTextSize(b.c_str()).x) / 2), y),
                    compare_colors::kBetter, b.c_str());
        y += fh + 2 * scale;
        dl->AddText(ImVec2(pos.x + std::max(0.0f, (width - ImGui::CalcTextSize(w.c_str()).x) / 2), y),
                    compare_colors::kWorse, w.c_str());
    }
    y += fh + 2 * scale;
    const std::string sameShown = ellipsize(same, width - chip - 4 * scale);
    x = pos.x + std::max(0.0f, (width - chip - 4 * scale - ImGui::CalcTextSize(sameShown.c_str()).x) / 2);
    dl->AddRectFilled(ImVec2(x, y + (fh - chip) / 2), ImVec2(x + chip, y + (fh + chip) / 2),
                      toU32(render::kUnchangedPain), 2 * scale);
    x += chip + 4 * scale;
    dl->AddText(ImVec2(x, y), compare_colors::kNeutral, sameShown.c_str());
    ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
    ImGui::Dummy(ImVec2(width, fh));
    if (ImGui::IsItemHovered()) {
        // TRANSLATORS: tooltip of the difference legend; the first line is the three counts
        // above ("resolved 3 · better 5", "new 1 · worse 2", "unchanged 40").
        tooltipf(tr("%s \xC2\xB7 %s \xC2\xB7 %s\nBody cells by change (painted = intensity 1 or more).\n"
                    "Colour = after - before: blue better or resolved, red worse or new, grey "
                    "unchanged pain."),
                 better, worse, same);
    }
    return y + fh - pos.y;
}

// "extent 1.7 % · max 5 · WPI 2" on one line when it fits `width`, else on two lines
// ("extent 1.7 %" / "max 5 · WPI 2"): a narrow card cut it to "extent 1.7...".
std::string summaryLine(const maps::MapMetrics& m, float width) {
    // TRANSLATORS: under a compared chart: the share of the body painted (short).
    const std::string extent = i18n::format(tr("extent %.1f %%"), m.overall.cells.extentPct());
    // TRANSLATORS: under a compared chart: the maximum intensity and the Widespread Pain Index (short).
    const std::string rest = i18n::format(tr("max %d \xC2\xB7 WPI %d"), m.overall.cells.maxIntensity, m.wpi);
    const std::string one = extent + " \xC2\xB7 " + rest;
    if (ImGui::CalcTextSize(one.c_str()).x <= width) return one;
    return ellipsize(extent, width) + "\n" + ellipsize(rest, width);
}

// [SECTION] Key figures and region table

struct FigureRow {
    const char* key;
    const char* label;
    const char* format;
    double scale = 1.0;  // shown value = stored value x scale (burden: fraction -> %)
};
// Labels translated where shown, with trc("key figure", label); "front" and "back" are
// indented under the whole body's extent.
constexpr FigureRow kFigureRows[] = {
    {"extent_pct", trNoopC("key figure", "Pain extent, whole body"), "%.1f %%"},
    // TRANSLATORS: the pain extent on the front of the body (a row under "Pain extent, whole body").
    {"front_extent_pct", trNoopC("key figure", "front"), "%.1f %%"},
    // TRANSLATORS: the pain extent on the back of the body (a row under "Pain extent, whole body").
    {"back_extent_pct", trNoopC("key figure", "back"), "%.1f %%"},
    {"max_intensity", trNoopC("key figure", "Maximum intensity"), "%.0f"},
    {"mean_intensity", trNoopC("key figure", "Mean intensity"), "%.1f"},
    {"pain_burden", trNoopC("key figure", "Pain burden"), "%.2f %%", 100.0},
    // TRANSLATORS: the Widespread Pain Index, 0 to 19 regions.
    {"wpi", trNoopC("key figure", "WPI (of 19)"), "%.0f"},
    {"generalized_pain", trNoopC("key figure", "Generalized pain (of 5)"), "%.0f"},
};

bool indented(const FigureRow& row) { return row.key[0] == 'f' || row.key[0] == 'b'; }

std::string rowLabel(const FigureRow& row) {
    return (indented(row) ? "  " : "") + std::string(trc("key figure", row.label));
}

// A signed change in the colour of its direction (more pain is worse for every key figure).
void changeText(double change, const char* format) {
    char value[48];
    std::snprintf(value, sizeof value, format, std::abs(change));  // C locale: only to test for 0
    if (std::atof(value) == 0.0) {
        ImGui::PushStyleColor(ImGuiCol_Text, compare_colors::kNeutral);
        // TRANSLATORS: a key figure did not change between the two visits.
        ImGui::TextUnformatted(trc("change", "same"));
        ImGui::PopStyleColor();
        return;
    }
    const std::string text = (change > 0 ? "+" : "-") + i18n::format(format, std::abs(change));
    ImGui::PushStyleColor(ImGuiCol_Text, change > 0 ? compare_colors::kWorse : compare_colors::kBetter);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

// The width the key figures want: the longest label and three columns as wide as their heading
// or a value, whichever is wider (a translation's longer headings were cut to "Bef...").
float keyFiguresWidth(const UiContext& ui) {
    float labelW = ImGui::CalcTextSize(tr("Overlap (Jaccard)")).x;
    for (const FigureRow& row : kFigureRows) labelW = std::max(labelW, ImGui::CalcTextSize(rowLabel(row).c_str()).x);
    float colW = ImGui::CalcTextSize(i18n::format("-%.2f %%", 10.0).c_str()).x;
    for (const char* h : {tr("Before"), tr("After"), tr("Change")}) colW = std::max(colW, ImGui::CalcTextSize(h).x);
    const ImGuiStyle& st = ImGui::GetStyle();
    return labelW + 8 * ui.scale + 3 * (colW + 2 * st.CellPadding.x + st.ItemSpacing.x) + 2 * st.WindowPadding.x +
           st.ScrollbarSize;
}

void drawKeyFigures(const maps::Comparison& cmp, const UiContext& ui, bool withHeading) {
    if (withHeading) compareHeading(ui, tr("Key figures"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##figures", 4, flags)) return;
    // TRANSLATORS: a row of the key figures: the share of the painted area common to both visits.
    const char* overlapLabel = tr("Overlap (Jaccard)");
    float labelW = ImGui::CalcTextSize(overlapLabel).x;
    for (const FigureRow& row : kFigureRows) labelW = std::max(labelW, ImGui::CalcTextSize(rowLabel(row).c_str()).x);
    // The labels keep their width while the numbers have room; a narrow card wraps them.
    labelW = std::min(labelW, ImGui::GetContentRegionAvail().x * 0.5f);
    // TRANSLATORS: column headings of the key figures and the region table.
    ImGui::TableSetupColumn(tr("Measure"), ImGuiTableColumnFlags_WidthFixed, labelW + 8 * ui.scale);
    ImGui::TableSetupColumn(tr("Before"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("After"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Change"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const FigureRow& row : kFigureRows) {
        const maps::MetricChange* m = nullptr;
        for (const auto& mc : cmp.metrics) if (mc.key == row.key) m = &mc;
        if (!m) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", rowLabel(row).c_str());
        ImGui::TableNextColumn();
        if (m->before) textf(row.format, *m->before * row.scale);
        else ImGui::TextDisabled("\xE2\x80\x94");
        ImGui::TableNextColumn();
        if (m->after) textf(row.format, *m->after * row.scale);
        else ImGui::TextDisabled("\xE2\x80\x94");
        ImGui::TableNextColumn();
        if (m->change) changeText(*m->change * row.scale, row.format);
        else ImGui::TextDisabled("\xE2\x80\x94");
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", overlapLabel);
    if (ImGui::IsItemHovered()) {
        tooltipf("%s", tr("Cells painted in both visits / cells painted in either: 1 = the same "
                          "area, 0 = no common area."));
    }
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(i18n::formatNumber(cmp.overlap.jaccard, 2).c_str());
    ImGui::EndTable();
}

void paintedText(const maps::CellStats& st) {
    if (st.paintedCells == 0) {
        // TRANSLATORS: a region not painted in this visit (region table).
        ImGui::TextDisabled("%s", trc("painted", "none"));
        return;
    }
    // TRANSLATORS: region table: the share of the region painted.
    const std::string share = i18n::format(trc("region table", "%.0f %%"), st.extentPct());
    // TRANSLATORS: region table, after the painted share: the mean intensity there ("at 3.5").
    const std::string at = i18n::format(tr("at %.1f"), st.meanIntensity());
    const float space = 4 * ImGui::GetStyle().ItemSpacing.x / 8;
    const bool both = ImGui::CalcTextSize(share.c_str()).x + space + ImGui::CalcTextSize(at.c_str()).x <=
                      ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted(share.c_str());
    if (both) {
        ImGui::SameLine(0, space);
        ImGui::TextDisabled("%s", at.c_str());
    } else if (ImGui::IsItemHovered()) {  // a narrow column: the intensity on hover, not cut off
        tooltipf("%s %s", share.c_str(), at.c_str());
    }
}

void drawRegionTable(CompareWorkspaceState& c, const UiContext& ui, int& hoverRegion) {
    const maps::Comparison& cmp = *c.pair.cmp;
    const maps::BodyTemplate& t = *c.pair.tmpl;
    compareHeading(ui, tr("Changes by region"));
    ImGui::SameLine();
    // TRANSLATORS: after "Changes by region": how many regions changed.
    const std::string count = i18n::format(trn("(%zu, largest change first)", "(%zu, largest change first)", cmp.regions.size()),
                                           cmp.regions.size());
    ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), count, ImGui::GetContentRegionAvail().x, count);
    if (cmp.regions.empty()) {
        ImGui::TextDisabled("%s", tr("No region changed."));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##regions", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("Region"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn(tr("Before"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr("After"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(tr("Change"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const maps::RegionChange& rc : cmp.regions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(rc.region);
        const char* name = i18n::templateText(i18n::kRegionContext, t.regions[static_cast<std::size_t>(rc.region)].name);
        // Shortened to its column (the row's tooltip names it in full).
        ImGui::Selectable(ellipsize(name, ImGui::GetContentRegionAvail().x).c_str(), c.hoverRegion == rc.region,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        if (ImGui::IsItemHovered()) {
            hoverRegion = rc.region;
            const auto n = [&rc](maps::CellChange ch) { return rc.cells[static_cast<std::size_t>(ch)]; };
            // TRANSLATORS: tooltip of a region in the region table: its name, the painted share
            // before and after, the maximum intensity before and after, and cell counts by change.
            tooltipf(tr("%s\nPainted: %.0f %% \xE2\x86\x92 %.0f %% of the region\nMax intensity: %d "
                        "\xE2\x86\x92 %d\nCells by change: new %d, worse %d, better %d, resolved %d"),
                              name, rc.before.extentPct(), rc.after.extentPct(),
                              rc.before.maxIntensity, rc.after.maxIntensity, n(maps::CellChange::New),
                              n(maps::CellChange::Worse), n(maps::CellChange::Better),
                              n(maps::CellChange::Resolved));
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        paintedText(rc.before);
        ImGui::TableNextColumn();
        paintedText(rc.after);
        ImGui::TableNextColumn();
        // Burden weighs extent and intensity: its sign says better or worse; the text shows the
        // change of the painted share, which people read more easily.
        const double burden = rc.burdenChange();
        const double pts = rc.coverageChangePct();
        // TRANSLATORS: region table: the change of the painted share in percentage points ("+12 pts").
        const std::string text = std::abs(pts) >= 0.5 ? i18n::format(tr("%+.0f pts"), pts)
                                 // TRANSLATORS: region table: the same share painted, at a higher intensity.
                                 : std::string(burden > 0 ? tr("more intense")
                                                          // TRANSLATORS: the same share painted, at a lower intensity.
                                                          : tr("less intense"));
        ImGui::PushStyleColor(ImGuiCol_Text, burden > 0 ? compare_colors::kWorse : compare_colors::kBetter);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndTable();
}

}  // namespace

void drawDifferenceTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                       ImVec2 size) {
    updatePair(s, c);
    ComparedPair& p = c.pair;
    if (!p.cmp) {
        centredMessage(ui, pos, size, tr("Nothing to compare yet"), p.error.c_str());
        return;
    }
    const maps::BodyTemplate& t = *p.tmpl;
    const float sc = ui.scale;
    const float gap = 12 * sc, inner = 10 * sc;
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    const float colW = (size.x - 2 * gap) / 3;
    const float aspect = static_cast<float>(render::panelHeightCells(t)) / (static_cast<float>(t.width) * 2.06f);
    const float titleH = lineH * 2 + 4 * sc;
    const float legendH = ImGui::GetFontSize() * 4 + 30 * sc;
    float imgW = colW - 2 * inner;
    float imgH = imgW * aspect;
    const float maxImgH = std::max(120 * sc, size.y * 0.58f - titleH - legendH - 2 * inner);
    if (imgH > maxImgH) {
        imgH = maxImgH;
        imgW = imgH / aspect;
    }
    const int widthPx = std::max(64, static_cast<int>(imgW));
    ensurePictures(s, c, widthPx);
    const float k = static_cast<float>(p.before.width) / (static_cast<float>(t.width) * 2.06f);
    const float picH = static_cast<float>(p.before.height);
    const float cardH = inner + titleH + picH + legendH + inner;

    int hoverRegion = -1;
    const CompareTexture* pics[3] = {&p.before, &p.after, &p.diff};
    const char* titles[3] = {tr("Before"), tr("After"), tr("Difference")};
    // TRANSLATORS: under the difference map's title: what its colours show.
    const std::string subtitles[3] = {p.beforeLabel, p.afterLabel, tr("after - before, per cell")};
    ImVec2 origins[3];
    for (int i = 0; i < 3; ++i) {
        const ImVec2 c0(pos.x + static_cast<float>(i) * (colW + gap), pos.y);
        card(c0, ImVec2(c0.x + colW, c0.y + cardH), sc);
        const std::string cardId = "diff-card-" + std::to_string(i);
        logCompareRect(cardId.c_str(), c0, ImVec2(c0.x + colW, c0.y + cardH));
        ImGui::SetCursorScreenPos(ImVec2(c0.x + inner, c0.y + inner));
        if (ui.bold) ImGui::PushFont(ui.bold);
        ellipsizedText(ImGui::GetColorU32(ImGuiCol_Text), titles[i], colW - 2 * inner, titles[i]);
        if (ui.bold) ImGui::PopFont();
        logLastItem(("diff-title-" + std::to_string(i)).c_str());
        ImGui::SetCursorScreenPos(ImVec2(c0.x + inner, c0.y + inner + lineH));
        ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), subtitles[i], colW - 2 * inner, subtitles[i]);
        logLastItem(("diff-subtitle-" + std::to_string(i)).c_str());
        origins[i] = ImVec2(std::floor(c0.x + (colW - static_cast<float>(pics[i]->width)) / 2),
                            c0.y + inner + titleH);
        if (pics[i]->valid()) {
            ImGui::GetWindowDrawList()->AddImage(
                pics[i]->texture->imguiId(), origins[i],
                ImVec2(origins[i].x + static_cast<float>(pics[i]->width), origins[i].y + picH));
        }
        if (ImGui::IsMouseHoveringRect(origins[i], ImVec2(origins[i].x + static_cast<float>(pics[i]->width),
                                                          origins[i].y + picH))) {
            hoverPicture(s, c, origins[i], k, hoverRegion);
        }
        const ImVec2 below(c0.x + inner, origins[i].y + picH + 6 * sc);
        if (i == 2) {
            const float used = drawDiffLegend(p.cmp->difference, below, colW - 2 * inner, sc);
            logCompareRect("diff-legend", below, ImVec2(below.x + colW - 2 * inner, below.y + used));
        } else {
            const std::string text = summaryLine(i == 0 ? p.cmp->before : p.cmp->after, colW - 2 * inner);
            float ly = below.y + 4 * sc;
            float widest = 0;
            for (std::size_t at = 0; at <= text.size();) {  // each line centred
                const std::size_t nl = std::min(text.find('\n', at), text.size());
                const std::string line = text.substr(at, nl - at);
                const ImVec2 ls = ImGui::CalcTextSize(line.c_str());
                widest = std::max(widest, ls.x);
                ImGui::GetWindowDrawList()->AddText(ImVec2(c0.x + (colW - ls.x) / 2, ly),
                                                    compare_colors::kNeutral, line.c_str());
                ly += ImGui::GetFontSize() + 2 * sc;
                at = nl + 1;
            }
            logCompareRect(("diff-summary-" + std::to_string(i)).c_str(), ImVec2(c0.x + (colW - widest) / 2, below.y + 4 * sc),
                           ImVec2(c0.x + (colW + widest) / 2, ly));
        }
    }
    for (const ImVec2& o : origins) drawRegionOutline(t, c.hoverRegion, o, k, sc);

    // Bottom row: key figures and the region table, each a scrollable card.
    const float y = pos.y + cardH + gap;
    const float h = pos.y + size.y - y;
    if (h > 80 * sc) {
        // As wide as the key figures need (at most 55 % of the row), at least 42 %, 300 to 460 px
        // unless the figures need more.
        const float want = std::min(keyFiguresWidth(ui), size.x * 0.55f);
        const float leftW = std::clamp(std::max(size.x * 0.42f, want), 300 * sc, std::max(460 * sc, want));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, compare_colors::kPanel);
        ImGui::PushStyleColor(ImGuiCol_Border, compare_colors::kPanelBorder);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 6 * sc);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(inner, inner));
        ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
        if (size.x < 880 * sc) {
            // Too narrow for both tables side by side (their numbers were cut off): one card,
            // a tab for each.
            logCompareRect("diff-tables", ImVec2(pos.x, y), ImVec2(pos.x + size.x, y + h));
            ImGui::BeginChild("##tables", ImVec2(size.x, h), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
            if (ImGui::BeginTabBar("##tabletabs")) {
                if (ImGui::BeginTabItem(idLabel(tr("Key figures"), "keyfigures").c_str())) {
                    drawKeyFigures(*p.cmp, ui, false);  // the tab names it
                    ImGui::EndTabItem();
                }
                if (ImGui::BeginTabItem(idLabel(tr("Changes by region"), "regionchanges").c_str())) {
                    drawRegionTable(c, ui, hoverRegion);
                    ImGui::EndTabItem();
                }
                ImGui::EndTabBar();
            }
            ImGui::EndChild();
        } else {
            logCompareRect("diff-keyfigures", ImVec2(pos.x, y), ImVec2(pos.x + leftW, y + h));
            logCompareRect("diff-regions", ImVec2(pos.x + leftW + gap, y), ImVec2(pos.x + size.x, y + h));
            ImGui::BeginChild("##keyfigures", ImVec2(leftW, h), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
            drawKeyFigures(*p.cmp, ui, true);
            ImGui::EndChild();
            ImGui::SetCursorScreenPos(ImVec2(pos.x + leftW + gap, y));
            ImGui::BeginChild("##regionchanges", ImVec2(size.x - leftW - gap, h), true,
                              ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
            drawRegionTable(c, ui, hoverRegion);
            ImGui::EndChild();
        }
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(2);
    }
    c.hoverRegion = hoverRegion;
}

}  // namespace bodymap::app
