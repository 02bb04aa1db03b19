// The Difference tab of the compare workspace: before and after charts, the difference map with
// its diverging legend, the key figures before -> after and the per-region change table.
//
// [SECTION] The compared pair and its pictures
// [SECTION] Cards: charts, difference map, legend
// [SECTION] Key figures and region table
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/compare_workspace.h"
#include "app/gui/panels.h"
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

const maps::PainMap* mapFor(AppState& s, CompareWorkspaceState& c, const std::string& choice,
                            std::string& error) {
    if (choice == kOpenMapChoice) return &s.doc.map;
    const LoadedVisit& v = loadVisit(s, c, choice);
    if (!v.map) {
        error = v.error;
        return nullptr;
    }
    return &*v.map;
}

std::string dateOf(const AppState& s, const std::string& choice) {
    if (choice == kOpenMapChoice) {
        return friendlyDate(s.doc.map.info.visitTime) + (s.doc.modified() ? " (open map, unsaved)" : " (open map)");
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
    p.cmp.reset();
    p.tmpl.reset();
    p.error.clear();
    p.before.width = p.after.width = p.diff.width = 0;  // redraw the pictures
    p.beforeLabel = dateOf(s, c.beforePath);
    p.afterLabel = dateOf(s, c.afterPath);
    if (c.beforePath == c.afterPath) {
        p.error = "Pick two different visits.";
        return;
    }
    std::string err;
    const maps::PainMap* a = mapFor(s, c, c.beforePath, err);
    if (!a) {
        p.error = "The visit of " + p.beforeLabel + " cannot be read: " + err;
        return;
    }
    const maps::PainMap* b = mapFor(s, c, c.afterPath, err);
    if (!b) {
        p.error = "The visit of " + p.afterLabel + " cannot be read: " + err;
        return;
    }
    p.tmpl = s.templates.find(a->templateId());
    if (!p.tmpl) {
        p.error = "The body template " + a->templateId() + " is not installed.";
        return;
    }
    auto cmp = maps::compareMaps(*a, *b, *p.tmpl);
    if (!cmp) {
        p.error = "These two maps cannot be compared: " + cmp.error();
        return;
    }
    p.cmp = std::move(cmp.value());
}

void ensurePictures(AppState& s, CompareWorkspaceState& c, int widthPx) {
    ComparedPair& p = c.pair;
    if (!p.cmp || (p.before.valid() && p.before.width == widthPx && p.diff.width == widthPx)) return;
    std::string err;
    render::ChartOptions o;
    o.guides = true;
    o.map = mapFor(s, c, c.beforePath, err);
    const auto before = render::renderChart(*p.tmpl, render::ViewSelection::Both, widthPx, o);
    uploadTexture(p.before, before.pixels, before.width, before.height);
    o.map = mapFor(s, c, c.afterPath, err);
    const auto after = render::renderChart(*p.tmpl, render::ViewSelection::Both, widthPx, o);
    uploadTexture(p.after, after.pixels, after.width, after.height);
    // The same geometry as the charts; the legend band below is drawn by the GUI instead.
    auto diff = render::renderDifference(*p.tmpl, p.cmp->difference, widthPx);
    const int rows = std::min(diff.height, before.height);
    diff.pixels.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(diff.width) * 4);
    uploadTexture(p.diff, diff.pixels, diff.width, rows);
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

const char* changeName(maps::CellChange ch) {
    switch (ch) {
        case maps::CellChange::New: return "new pain";
        case maps::CellChange::Resolved: return "resolved";
        case maps::CellChange::Worse: return "worse";
        case maps::CellChange::Better: return "better";
        case maps::CellChange::Unchanged: return "unchanged";
        default: return "no pain";
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
    std::string err;
    const maps::PainMap* a = mapFor(s, c, c.beforePath, err);
    const maps::PainMap* b = mapFor(s, c, c.afterPath, err);
    if (!a || !b) return;
    const int before = a->intensityAt(v, x, y), after = b->intensityAt(v, x, y);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(t.regions[r].name.c_str());
    ImGui::Text("Here: %d \xE2\x86\x92 %d, %s", before, after, changeName(maps::classifyChange(before, after)));
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
    const bool roomy = ImGui::CalcTextSize("\xE2\x86\x90 better 0 worse \xE2\x86\x92").x + 16 * scale <= barW;
    const char* betterLabel = roomy ? "\xE2\x86\x90 better" : "better";
    const char* worseLabel = roomy ? "worse \xE2\x86\x92" : "worse";
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
    char worse[96], better[96], same[64];
    std::snprintf(worse, sizeof worse, "new %d \xC2\xB7 worse %d", n(maps::CellChange::New), n(maps::CellChange::Worse));
    std::snprintf(better, sizeof better, "resolved %d \xC2\xB7 better %d", n(maps::CellChange::Resolved),
                  n(maps::CellChange::Better));
    std::snprintf(same, sizeof same, "unchanged %d", n(maps::CellChange::Unchanged));
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
        ImGui::SetTooltip("%s \xC2\xB7 %s \xC2\xB7 %s\nBody cells by change (painted = intensity 1 or more).\n"
                          "Colour = after - before: blue better or resolved, red worse or new, grey "
                          "unchanged pain.", better, worse, same);
    }
    return y + fh - pos.y;
}

// "extent 1.7 % · max 5 · WPI 2" on one line when it fits `width`, else on two lines
// ("extent 1.7 %" / "max 5 · WPI 2"): a narrow card cut it to "extent 1.7...".
std::string summaryLine(const maps::MapMetrics& m, float width) {
    char extent[48], rest[64];
    std::snprintf(extent, sizeof extent, "extent %.1f %%", m.overall.cells.extentPct());
    std::snprintf(rest, sizeof rest, "max %d \xC2\xB7 WPI %d", m.overall.cells.maxIntensity, m.wpi);
    const std::string one = std::string(extent) + " \xC2\xB7 " + rest;
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
constexpr FigureRow kFigureRows[] = {
    {"extent_pct", "Pain extent, whole body", "%.1f %%"},
    {"front_extent_pct", "  front", "%.1f %%"},
    {"back_extent_pct", "  back", "%.1f %%"},
    {"max_intensity", "Maximum intensity", "%.0f"},
    {"mean_intensity", "Mean intensity", "%.1f"},
    {"pain_burden", "Pain burden", "%.2f %%", 100.0},
    {"wpi", "WPI (of 19)", "%.0f"},
    {"generalized_pain", "Generalized pain (of 5)", "%.0f"},
};

// A signed change in the colour of its direction (more pain is worse for every key figure).
void changeText(double change, const char* format) {
    char value[48], buf[64];
    std::snprintf(value, sizeof value, format, std::abs(change));
    const double shown = std::atof(value);
    if (shown == 0.0) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(compare_colors::kNeutral), "same");
        return;
    }
    std::snprintf(buf, sizeof buf, "%s%s", change > 0 ? "+" : "-", value);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(change > 0 ? compare_colors::kWorse : compare_colors::kBetter),
                       "%s", buf);
}

void drawKeyFigures(const maps::Comparison& cmp, const UiContext& ui, bool withHeading) {
    if (withHeading) compareHeading(ui, "Key figures");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##figures", 4, flags)) return;
    float labelW = ImGui::CalcTextSize("Overlap (Jaccard)").x;
    for (const FigureRow& row : kFigureRows) labelW = std::max(labelW, ImGui::CalcTextSize(row.label).x);
    ImGui::TableSetupColumn("Measure", ImGuiTableColumnFlags_WidthFixed, labelW + 8 * ui.scale);
    ImGui::TableSetupColumn("Before", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("After", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    for (const FigureRow& row : kFigureRows) {
        const maps::MetricChange* m = nullptr;
        for (const auto& mc : cmp.metrics) if (mc.key == row.key) m = &mc;
        if (!m) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.label);
        ImGui::TableNextColumn();
        if (m->before) ImGui::Text(row.format, *m->before * row.scale);
        else ImGui::TextDisabled("\xE2\x80\x94");
        ImGui::TableNextColumn();
        if (m->after) ImGui::Text(row.format, *m->after * row.scale);
        else ImGui::TextDisabled("\xE2\x80\x94");
        ImGui::TableNextColumn();
        if (m->change) changeText(*m->change * row.scale, row.format);
        else ImGui::TextDisabled("\xE2\x80\x94");
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("Overlap (Jaccard)");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Cells painted in both visits / cells painted in either: 1 = the same "
                          "area, 0 = no common area.");
    }
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", cmp.overlap.jaccard);
    ImGui::EndTable();
}

void paintedText(const maps::CellStats& st) {
    if (st.paintedCells == 0) {
        ImGui::TextDisabled("none");
        return;
    }
    ImGui::Text("%.0f %%", st.extentPct());
    ImGui::SameLine(0, 4 * ImGui::GetStyle().ItemSpacing.x / 8);
    ImGui::TextDisabled("at %.1f", st.meanIntensity());
}

void drawRegionTable(CompareWorkspaceState& c, const UiContext& ui, int& hoverRegion) {
    const maps::Comparison& cmp = *c.pair.cmp;
    const maps::BodyTemplate& t = *c.pair.tmpl;
    compareHeading(ui, "Changes by region");
    ImGui::SameLine();
    ImGui::TextDisabled("(%zu, largest change first)", cmp.regions.size());
    if (cmp.regions.empty()) {
        ImGui::TextDisabled("No region changed.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##regions", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Region", ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn("Before", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("After", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Change", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const maps::RegionChange& rc : cmp.regions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(rc.region);
        const std::string& name = t.regions[static_cast<std::size_t>(rc.region)].name;
        ImGui::Selectable(name.c_str(), c.hoverRegion == rc.region,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        if (ImGui::IsItemHovered()) {
            hoverRegion = rc.region;
            const auto n = [&rc](maps::CellChange ch) { return rc.cells[static_cast<std::size_t>(ch)]; };
            ImGui::SetTooltip("%s\nPainted: %.0f %% \xE2\x86\x92 %.0f %% of the region\nMax intensity: %d "
                              "\xE2\x86\x92 %d\nCells: %d new, %d worse, %d better, %d resolved",
                              name.c_str(), rc.before.extentPct(), rc.after.extentPct(),
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
        char buf[48];
        if (std::abs(pts) >= 0.5) std::snprintf(buf, sizeof buf, "%+.0f pts", pts);
        else std::snprintf(buf, sizeof buf, "%s", burden > 0 ? "more intense" : "less intense");
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(burden > 0 ? compare_colors::kWorse
                                                                     : compare_colors::kBetter),
                           "%s", buf);
    }
    ImGui::EndTable();
}

}  // namespace

void drawDifferenceTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                       ImVec2 size) {
    updatePair(s, c);
    ComparedPair& p = c.pair;
    if (!p.cmp) {
        centredMessage(ui, pos, size, "Nothing to compare yet", p.error.c_str());
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
    const char* titles[3] = {"Before", "After", "Difference"};
    const std::string subtitles[3] = {p.beforeLabel, p.afterLabel, "after - before, per cell"};
    ImVec2 origins[3];
    for (int i = 0; i < 3; ++i) {
        const ImVec2 c0(pos.x + static_cast<float>(i) * (colW + gap), pos.y);
        card(c0, ImVec2(c0.x + colW, c0.y + cardH), sc);
        ImGui::SetCursorScreenPos(ImVec2(c0.x + inner, c0.y + inner));
        compareHeading(ui, titles[i]);
        ImGui::SetCursorScreenPos(ImVec2(c0.x + inner, c0.y + inner + lineH));
        ellipsizedText(ImGui::GetColorU32(ImGuiCol_TextDisabled), subtitles[i], colW - 2 * inner, subtitles[i]);
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
            drawDiffLegend(p.cmp->difference, below, colW - 2 * inner, sc);
        } else {
            const std::string text = summaryLine(i == 0 ? p.cmp->before : p.cmp->after, colW - 2 * inner);
            float ly = below.y + 4 * sc;
            for (std::size_t at = 0; at <= text.size();) {  // each line centred
                const std::size_t nl = std::min(text.find('\n', at), text.size());
                const std::string line = text.substr(at, nl - at);
                const ImVec2 ls = ImGui::CalcTextSize(line.c_str());
                ImGui::GetWindowDrawList()->AddText(ImVec2(c0.x + (colW - ls.x) / 2, ly),
                                                    compare_colors::kNeutral, line.c_str());
                ly += ImGui::GetFontSize() + 2 * sc;
                at = nl + 1;
            }
        }
    }
    for (const ImVec2& o : origins) drawRegionOutline(t, c.hoverRegion, o, k, sc);

    // Bottom row: key figures and the region table, each a scrollable card.
    const float y = pos.y + cardH + gap;
    const float h = pos.y + size.y - y;
    if (h > 80 * sc) {
        const float leftW = std::clamp(size.x * 0.42f, 300 * sc, 460 * sc);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, compare_colors::kPanel);
        ImGui::PushStyleColor(ImGuiCol_Border, compare_colors::kPanelBorder);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 6 * sc);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(inner, inner));
        ImGui::SetCursorScreenPos(ImVec2(pos.x, y));
        if (size.x < 880 * sc) {
            // Too narrow for both tables side by side (their numbers were cut off): one card,
            // a tab for each.
            ImGui::BeginChild("##tables", ImVec2(size.x, h), true, ImGuiWindowFlags_AlwaysUseWindowPadding);
            if (ImGui::BeginTabBar("##tabletabs")) {
                if (ImGui::BeginTabItem("Key figures")) {
                    drawKeyFigures(*p.cmp, ui, false);  // the tab names it
                    ImGui::EndTabItem();
                }
                if (ImGui::BeginTabItem("Changes by region")) {
                    drawRegionTable(c, ui, hoverRegion);
                    ImGui::EndTabItem();
                }
                ImGui::EndTabBar();
            }
            ImGui::EndChild();
        } else {
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
