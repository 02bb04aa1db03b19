// The compare workspace (see compare_workspace.h): the top bar with the visit pickers and the
// tabs, the messages when there is nothing to compare, and the shared loading helpers.
//
// [SECTION] Helpers: loading visits, textures, geometry, text
// [SECTION] Series: all visits of the client, a few files per frame
// [SECTION] Top bar and tabs
#include "app/gui/compare_workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "app/gui/library_panel.h"
#include "app/gui/library_store.h"
#include "app/gui/panels.h"
#include "app/gui/tr_text.h"
#include "app/gui/user_text.h"
#include "maps/compare_choice.h"
#include "maps/map_format.h"

namespace bodymap::app {

namespace {
constexpr double kLoadBudgetSeconds = 0.03;  // file reading per frame while a series loads
constexpr ImU32 kWorkspaceBg = IM_COL32(238, 236, 232, 255);
// TRANSLATORS: abbreviated month names for the dates on the trend charts' axes ("7 Sep").
constexpr const char* kMonths[] = {trNoopC("short month", "Jan"), trNoopC("short month", "Feb"),
                                   trNoopC("short month", "Mar"), trNoopC("short month", "Apr"),
                                   trNoopC("short month", "May"), trNoopC("short month", "Jun"),
                                   trNoopC("short month", "Jul"), trNoopC("short month", "Aug"),
                                   trNoopC("short month", "Sep"), trNoopC("short month", "Oct"),
                                   trNoopC("short month", "Nov"), trNoopC("short month", "Dec")};

double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

// [SECTION] Helpers: loading visits, textures, geometry, text

const LoadedVisit& loadVisit(AppState& s, CompareWorkspaceState& c, const std::string& path) {
    auto it = c.visits.find(path);
    if (it != c.visits.end()) return it->second;
    LoadedVisit v;
    v.version = listedVersion(s, path);
    auto map = loadLibraryCompactMap(s, path);
    if (map) v.map = std::move(map.value());
    else v.error = map.error();
    return c.visits.emplace(path, std::move(v)).first->second;
}

void uploadTexture(CompareTexture& t, const std::vector<std::uint8_t>& rgba, int width, int height) {
    if (!t.texture) t.texture = std::make_unique<GlTexture>();
    t.texture->create(width, height, rgba.data());
    t.width = width;
    t.height = height;
}

bool cellUnder(const maps::BodyTemplate& t, ImVec2 origin, float pxPerCell, ImVec2 p,
               maps::ViewId& view, int& x, int& y) {
    if (pxPerCell <= 0) return false;
    const float W = static_cast<float>(t.width);
    const float gap = W * 0.06f;  // the geometry of renderChart(Both) and renderDifference
    float cx = (p.x - origin.x) / pxPerCell;
    const float cy = (p.y - origin.y) / pxPerCell;
    if (cy < 0 || cy >= static_cast<float>(t.height)) return false;
    if (cx >= 0 && cx < W) {
        view = maps::ViewId::Front;
    } else if (cx >= W + gap && cx < 2 * W + gap) {
        view = maps::ViewId::Back;
        cx -= W + gap;
    } else {
        return false;
    }
    x = static_cast<int>(cx);
    y = static_cast<int>(cy);
    return true;
}

void logCompareRect(const char* label, ImVec2 p0, ImVec2 p1) {
    if (!testLogEnabled()) return;
    char rect[96];
    std::snprintf(rect, sizeof rect, " %d %d %d %d", static_cast<int>(p0.x), static_cast<int>(p0.y),
                  static_cast<int>(p1.x - p0.x), static_cast<int>(p1.y - p0.y));
    testLogChanged(std::string("compare-rect ") + label, std::string("rect ") + label + rect);
}

void compareHeading(const UiContext& ui, const char* text) {
    if (ui.bold) ImGui::PushFont(ui.bold);
    ImGui::TextUnformatted(text);
    if (ui.bold) ImGui::PopFont();
}

std::string shortDate(const std::string& iso, bool year) {
    int y = 0, mo = 0, d = 0;
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12) return iso;
    const char* month = trc("short month", kMonths[mo - 1]);
    // TRANSLATORS: a short date on a chart axis: the day, the abbreviated month and the year
    // ("7 Sep 2026"); reorder with %2$s %1$d %3$d.
    if (year) return i18n::format(trc("axis date", "%d %s %d"), d, month, y);
    // TRANSLATORS: a short date on a chart axis without the year: the day and the month ("7 Sep").
    return i18n::format(trc("axis date", "%d %s"), d, month);
}

std::string axisMonth(int month, int year) {
    if (month < 1 || month > 12) return std::string();
    const char* name = trc("short month", kMonths[month - 1]);
    // TRANSLATORS: a month on a chart axis with its year ("Jan 2026"), where the year changes.
    return year > 0 ? i18n::format(trc("axis date", "%s %d"), name, year) : std::string(name);
}

void leftOutNote(const SeriesState& se, float x, float width) {
    if (se.skipped.empty()) return;
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    std::string more;
    if (se.skipped.size() > 1) {
        // TRANSLATORS: after the first visit left out of the trends ("Left out: 7 Sep 2026:
        // cannot be read"), the count of the others.
        more = i18n::format(trn(" and %zu more", " and %zu more", se.skipped.size() - 1), se.skipped.size() - 1);
    }
    std::string full = tr("Left out of the trends and maps:");
    for (const auto& why : se.skipped) full += "\n\xE2\x80\xA2 " + why;  // bullet
    // The count stays visible: only the first reason is shortened.
    const float moreW = ImGui::CalcTextSize(more.c_str()).x;
    // TRANSLATORS: %s is a visit and why it is left out ("7 Sep 2026: cannot be read (...)").
    const std::string first = ellipsize(i18n::format(tr("Left out: %s"), se.skipped.front().c_str()),
                                        std::max(40.0f, width - moreW));
    ellipsizedText(IM_COL32(153, 77, 0, 255), first + more, width, full);
}

void centredMessage(const UiContext& ui, ImVec2 pos, ImVec2 size, const char* title,
                    const char* detail) {
    const float w = std::min(size.x - 40 * ui.scale, 560 * ui.scale);
    ImFont* hf = ui.heading ? ui.heading : ImGui::GetFont();
    const ImVec2 ts = hf->CalcTextSizeA(hf->FontSize, FLT_MAX, w, title);
    const float y = pos.y + size.y * 0.36f;
    ImGui::GetWindowDrawList()->AddText(hf, hf->FontSize, ImVec2(pos.x + (size.x - ts.x) / 2, y),
                                        IM_COL32(60, 60, 60, 255), title, nullptr, w);
    if (detail && *detail) {
        ImGui::SetCursorScreenPos(ImVec2(pos.x + (size.x - w) / 2, y + ts.y + 12 * ui.scale));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(100, 100, 100, 255));
        ImGui::TextWrapped("%s", detail);
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
}

// [SECTION] Series: all visits of the client, a few files per frame

bool updateSeries(AppState& s, CompareWorkspaceState& c) {
    SeriesState& se = c.series;
    std::string key;
    for (const auto& v : s.library.visits) key += v.path + "\n";
    if (se.key != key) {
        se = SeriesState{};
        se.key = key;
        se.startedAt = nowSeconds();
        for (const auto& v : s.library.visits) se.paths.push_back(v.path);
    }
    if (se.summary || !se.error.empty()) return true;
    const double start = nowSeconds();
    while (se.loaded < se.paths.size() && nowSeconds() - start < kLoadBudgetSeconds) {
        loadVisit(s, c, se.paths[se.loaded]);
        ++se.loaded;
    }
    if (se.loaded < se.paths.size()) return false;

    // The template of the newest readable visit; visits on another template are left out. The
    // visits are compact and added to the summary one by one: no dense map per visit.
    std::unordered_map<std::string, const maps::VisitEntry*> entries;
    for (const auto& e : s.library.visits) entries.emplace(e.path, &e);
    se.skipped.clear();
    std::optional<maps::SeriesBuilder> builder;
    for (const std::string& path : se.paths) {
        const LoadedVisit& v = c.visits[path];
        const auto entry = entries.find(path);
        const std::string when = entry != entries.end() ? friendlyDate(entry->second->visitTime) : path;
        if (!v.map) {
            // TRANSLATORS: a visit left out of the trends: %1$s its date, %2$s the loader's error.
            se.skipped.push_back(i18n::format(tr("%s: cannot be read (%s)"), when.c_str(), v.error.c_str()));
            continue;
        }
        if (!se.tmpl) se.tmpl = s.templates.find(v.map->templateId());
        if (se.tmpl && !builder) builder.emplace(*se.tmpl);
        if (!se.tmpl || !builder->add(*v.map)) {
            // TRANSLATORS: a visit left out of the trends; %s is its date.
            se.skipped.push_back(i18n::format(tr("%s: drawn on another body template"), when.c_str()));
            continue;
        }
    }
    if (!builder || builder->size() < 2) {
        se.error = tr("Trends and the frequency map need at least two saved visits that can be read.");
        return true;
    }
    auto summary = builder->finish();
    if (summary) se.summary = std::move(summary.value());
    else se.error = summary.error();
    if (testLogEnabled()) {
        const double ms = (nowSeconds() - se.startedAt) * 1000.0;
        testLog("series-ready " + std::to_string(se.summary ? se.summary->visitTimes.size() : 0) + " visits in " +
                std::to_string(static_cast<int>(ms + 0.5)) + " ms");
    }
    return true;
}

// [SECTION] Top bar and tabs

namespace {

std::string visitLabel(const maps::VisitEntry& v, bool newest) {
    std::string label = friendlyDate(v.visitTime);
    // TRANSLATORS: a visit in the Before/After pickers; %s is its date.
    if (newest && !v.error.empty()) return i18n::format(tr("%s  (latest, cannot be read)"), label.c_str());
    // TRANSLATORS: the newest visit in the Before/After pickers; %s is its date.
    if (newest) return i18n::format(tr("%s  (latest)"), label.c_str());
    // TRANSLATORS: a visit in the Before/After pickers whose file cannot be read; %s is its date.
    if (!v.error.empty()) return i18n::format(tr("%s  (cannot be read)"), label.c_str());
    return label;
}

std::string choiceLabel(const AppState& s, const std::string& path) {
    if (path == kOpenMapChoice) {  // the date first: it is what the combo must not cut off
        const std::string when = friendlyDate(s.doc.map.info.visitTime);
        // TRANSLATORS: the map open in the chart, in the After picker; %s is its date.
        return i18n::format(s.doc.modified() ? tr("%s  (open, unsaved)") : tr("%s  (open)"), when.c_str());
    }
    const auto& visits = s.library.visits;
    for (std::size_t i = 0; i < visits.size(); ++i) {
        if (visits[i].path == path) return visitLabel(visits[i], i == 0);
    }
    return tr("Pick a visit");
}

bool listed(const AppState& s, const std::string& path) {
    for (const auto& v : s.library.visits) if (v.path == path) return true;
    return false;
}

// Names the open document for the default choice: which file, and whether it has edits.
std::string openDocumentKey(const AppState& s) {
    return (s.doc.path.empty() ? "(new) " + s.doc.map.info.clientId : s.doc.path) +
           (s.doc.modified() ? " *" : "");
}

// The default pair (maps::pickComparePair): when a visit of the client is open, the visit
// before it -> the open visit (or a note that it is the first); otherwise the two newest
// readable visits, or the only one against the open map.
void pickDefaults(AppState& s, CompareWorkspaceState& c, const std::string& name) {
    const auto& visits = s.library.visits;
    maps::OpenVisit open;
    open.path = s.doc.path;
    open.visitTime = s.doc.map.info.visitTime;
    open.ofClient = s.doc.path.empty() && !s.doc.map.info.clientId.empty() && s.doc.map.info.clientId == c.client;
    const maps::ComparePick pick = maps::pickComparePair(visits, open);
    using Side = maps::ComparePick::Side;
    // The open visit as its file when it has no unsaved edits, else as the open map.
    c.afterPath = pick.afterSide == Side::Visit && !(visits[pick.after].path == s.doc.path && s.doc.modified())
                      ? visits[pick.after].path
                      : std::string(kOpenMapChoice);
    c.beforePath = pick.beforeSide == Side::Visit ? visits[pick.before].path : std::string();
    if (pick.openIsFirst) {
        // TRANSLATORS: %1$s is the open visit's date, %2$s the client's name.
        c.noEarlier = i18n::format(tr("The open visit (%s) is the first of %s: there is no earlier visit to "
                                      "compare it with. Pick two visits above, or see the Trends and "
                                      "Frequency tabs."),
                                   friendlyDate(open.visitTime).c_str(), name.c_str());
    } else if (pick.beforeSide == Side::None) {
        c.beforePath = visits[0].path;  // nothing readable: the combo shows why
    }
}

// Keeps the choices valid, and makes the default choice for a new client or open document.
void defaultChoices(AppState& s, CompareWorkspaceState& c, const std::string& name) {
    const auto& visits = s.library.visits;
    const std::string openKey = openDocumentKey(s);
    if (c.client != s.library.selectedClient || c.defaultsFor != openKey) {
        c.client = s.library.selectedClient;
        c.defaultsFor = openKey;
        c.beforePath.clear();
        c.afterPath.clear();
        c.noEarlier.clear();
        c.hoverRegion = -1;
        if (!visits.empty()) pickDefaults(s, c, name);
        return;
    }
    if (visits.empty()) return;
    if (!(c.afterPath == kOpenMapChoice || listed(s, c.afterPath))) {
        c.afterPath = visits.size() >= 2 ? visits[0].path : std::string(kOpenMapChoice);
    }
    if (!listed(s, c.beforePath) && c.noEarlier.empty()) {
        c.beforePath = visits.size() >= 2 ? visits[1].path : visits[0].path;
    }
}

// On entering the workspace, drop the visits that were saved again since they were read (or are
// not listed any more).
void revalidate(const AppState& s, CompareWorkspaceState& c) {
    for (auto it = c.visits.begin(); it != c.visits.end();) {
        const std::string version = listedVersion(s, it->first);
        if (version.empty() || version != it->second.version) it = c.visits.erase(it);
        else ++it;
    }
    c.pair.key.clear();
    c.series.key.clear();
}

bool visitCombo(AppState& s, const char* id, std::string& choice, bool allowOpenMap, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    // The preview shortened with "..." rather than cut off mid-word by the arrow.
    const std::string preview = ellipsize(choiceLabel(s, choice), width - ImGui::GetFrameHeight() -
                                                                      2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::BeginCombo(id, preview.c_str())) {
        const auto& visits = s.library.visits;
        for (std::size_t i = 0; i < visits.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const bool selected = choice == visits[i].path;
            if (ImGui::Selectable(visitLabel(visits[i], i == 0).c_str(), selected)) {
                choice = visits[i].path;
                changed = true;
            }
            if (selected) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        if (allowOpenMap) {
            ImGui::Separator();
            if (ImGui::Selectable(choiceLabel(s, kOpenMapChoice).c_str(), choice == kOpenMapChoice)) {
                choice = kOpenMapChoice;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::string clientName(const AppState& s) {
    for (const auto& cl : s.library.clients) {
        if (cl.id == s.library.selectedClient) return cl.displayName;
    }
    return s.library.selectedClient;
}

}  // namespace

void drawCompareWorkspace(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                          ImVec2 size) {
    if (size.x < 100 || size.y < 100) return;
    const int frame = ImGui::GetFrameCount();
    if (frame > c.lastFrame + 1) revalidate(s, c);
    c.lastFrame = frame;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), kWorkspaceBg);

    const float pad = 14 * ui.scale;
    const LibraryState& lib = s.library;
    if (lib.selectedClient.empty()) {
        centredMessage(ui, pos, size, tr("Compare visits"),
                       tr("Pick a client in the Clients tab on the right: their visits can then be "
                          "compared here, side by side, with the difference map, trends over all "
                          "visits and the frequency map. Press F3 to go back to the chart."));
        return;
    }
    if (lib.stale) return;  // the Clients tab re-lists the visits this frame
    const std::string name = clientName(s);
    defaultChoices(s, c, name);
    if (lib.visits.empty()) {
        // TRANSLATORS: %s is the client's name.
        const std::string title = i18n::format(tr("%s has no saved visits yet"), name.c_str());
        centredMessage(ui, pos, size, title.c_str(),
                       tr("Draw a map and save it as a visit (File > Save); with two visits they can "
                          "be compared here. Press F3 to go back to the chart."));
        return;
    }

    // Top bar: who, before -> after, the tabs.
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad * 0.8f));
    if (ui.heading) ImGui::PushFont(ui.heading);
    userText(name);
    if (ui.heading) ImGui::PopFont();
    logLastItem("compare-client");
    ImGui::SameLine(0, 14 * ui.scale);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4 * ui.scale);
    textDisabledf(trn("%zu visit", "%zu visits", lib.visits.size()), lib.visits.size());
    logLastItem("compare-visits");

    // Wide enough for the labels chosen, as far as the bar allows (the words and Swap beside).
    const ImGuiStyle& st = ImGui::GetStyle();
    // TRANSLATORS: "Before" and "After" label the two visit pickers of the compare workspace
    // and the first two pictures; "Swap" exchanges them.
    const char* beforeText = tr("Before");
    const char* afterText = tr("After");
    const char* swapText = tr("Swap");
    const float fixedW = ImGui::CalcTextSize(beforeText).x + ImGui::CalcTextSize(afterText).x +
                         ImGui::CalcTextSize("\xE2\x86\x92").x + ImGui::CalcTextSize(swapText).x +
                         2 * st.FramePadding.x + 6 * st.ItemSpacing.x;
    const float needW = std::max(ImGui::CalcTextSize(choiceLabel(s, c.beforePath).c_str()).x,
                                 ImGui::CalcTextSize(choiceLabel(s, c.afterPath).c_str()).x) +
                        ImGui::GetFrameHeight() + 2 * st.FramePadding.x;
    // A narrow workspace puts "After" on a line of its own rather than cutting off the dates.
    const bool twoLines = (size.x - 2 * pad - fixedW) / 2 < 200 * ui.scale;
    const float labelW = std::max(ImGui::CalcTextSize(beforeText).x, ImGui::CalcTextSize(afterText).x) + st.ItemSpacing.x;
    const float roomW = twoLines ? size.x - 2 * pad - labelW - ImGui::CalcTextSize(swapText).x -
                                       2 * st.FramePadding.x - 2 * st.ItemSpacing.x
                                 : std::max(120 * ui.scale, (size.x - 2 * pad - fixedW) / 2);
    const float comboW = std::min(std::max(needW, 180 * ui.scale), roomW);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 2 * ui.scale));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(beforeText);
    logLastItem("compare-before-label");
    ImGui::SameLine(twoLines ? pad + labelW : 0.0f);
    if (visitCombo(s, "##before", c.beforePath, false, comboW)) {
        c.hoverRegion = -1;
        c.noEarlier.clear();
    }
    logLastItem("compare-before");
    if (twoLines) {
        ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(afterText);
        logLastItem("compare-after-label");
        ImGui::SameLine(pad + labelW);
    } else {
        ImGui::SameLine();
        ImGui::TextDisabled("\xE2\x86\x92");  // →
        ImGui::SameLine();
        ImGui::TextUnformatted(afterText);
        logLastItem("compare-after-label");
        ImGui::SameLine();
    }
    if (visitCombo(s, "##after", c.afterPath, true, comboW)) c.hoverRegion = -1;
    logLastItem("compare-after");
    ImGui::SameLine();
    ImGui::BeginDisabled(c.afterPath == kOpenMapChoice || c.beforePath.empty());
    if (ImGui::Button(idLabel(swapText, "swap").c_str())) std::swap(c.beforePath, c.afterPath);
    ImGui::EndDisabled();
    logLastItem("compare-swap");
    if (ImGui::IsItemHovered()) tooltipf("%s", tr("Exchange before and after"));

    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, ImGui::GetCursorScreenPos().y + 4 * ui.scale));
    ImGui::PushItemWidth(size.x - 2 * pad);
    if (ImGui::BeginTabBar("##comparetabs")) {
        if (ImGui::BeginTabItem(idLabel(tr("Difference"), "difference").c_str())) {
            c.tab = CompareTab::Difference;
            ImGui::EndTabItem();
        }
        logLastItem("compare-tab-difference");
        if (ImGui::BeginTabItem(idLabel(tr("Trends"), "trends").c_str())) {
            c.tab = CompareTab::Trends;
            ImGui::EndTabItem();
        }
        logLastItem("compare-tab-trends");
        if (ImGui::BeginTabItem(idLabel(tr("Frequency"), "frequency").c_str())) {
            c.tab = CompareTab::Frequency;
            ImGui::EndTabItem();
        }
        logLastItem("compare-tab-frequency");
        ImGui::EndTabBar();
    }
    ImGui::PopItemWidth();
    const float top = ImGui::GetCursorScreenPos().y;
    const ImVec2 area(pos.x + pad, top + 2 * ui.scale);
    const ImVec2 areaSize(size.x - 2 * pad, pos.y + size.y - area.y - pad * 0.6f);
    if (areaSize.x < 50 || areaSize.y < 50) return;
    logCompareRect("compare-area", area, ImVec2(area.x + areaSize.x, area.y + areaSize.y));
    switch (c.tab) {
        case CompareTab::Difference:
            if (c.beforePath.empty() && !c.noEarlier.empty()) {
                centredMessage(ui, area, areaSize, tr("No earlier visit"), c.noEarlier.c_str());
            } else {
                drawDifferenceTab(s, c, ui, area, areaSize);
            }
            break;
        case CompareTab::Trends: drawTrendsTab(s, c, ui, area, areaSize); break;
        case CompareTab::Frequency: drawFrequencyTab(s, c, ui, area, areaSize); break;
    }
}

}  // namespace bodymap::app
