// The compare workspace: two visits of the selected client side by side, the difference map
// with its legend, the per-region change table, trend charts over all visits and the frequency
// map. All figures come from maps/comparison.h; the pictures from render/.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/gui/app_state.h"
#include "app/gui/gl_texture.h"
#include "app/gui/ui_context.h"
#include "maps/comparison.h"

namespace bodymap::app {

// Stands for the document open in the chart workspace in the "After" picker.
constexpr const char* kOpenMapChoice = "<open map>";

// An image on the GPU and the width it was drawn for (re-drawn when the layout changes).
struct CompareTexture {
    std::unique_ptr<GlTexture> texture;
    int width = 0, height = 0;
    bool valid() const { return texture && texture->valid(); }
};

// A visit file read once (again only when its modification time changes), compact: a client's
// 300 visits take a few MiB this way; only the two compared are made dense (ComparedPair).
struct LoadedVisit {
    std::optional<maps::CompactMap> map;
    std::string error;
    std::string version;     // the listed version when read (dropped when it changes)
};

// Before/after: the comparison and its three pictures, for one pair of choices.
struct ComparedPair {
    std::string key;                                 // before|after|generation
    std::chrono::steady_clock::time_point startedAt; // when this pair was chosen
    std::shared_ptr<const maps::BodyTemplate> tmpl;  // the template both maps are on
    std::optional<maps::Comparison> cmp;
    std::optional<maps::PainMap> beforeMap, afterMap;  // the two visits dense, for the pictures
    std::string error;
    std::string beforeLabel, afterLabel;             // dates for the headings
    CompareTexture before, after, diff;
};

// All saved visits of the client: the summary and its two maps.
struct SeriesState {
    std::string key;                          // the visit paths, in list order
    std::vector<std::string> paths;           // newest first, like LibraryState::visits
    std::size_t loaded = 0;                   // paths read so far (a few per frame)
    double startedAt = 0;                     // when loading began (steady clock, seconds)
    std::shared_ptr<const maps::BodyTemplate> tmpl;
    std::optional<maps::SeriesSummary> summary;
    std::vector<std::string> skipped;         // "date: why", visits left out
    std::string error;
    CompareTexture frequency, mean;
};

enum class CompareTab { Difference, Trends, Frequency };

// GUI state of the workspace (choices, loaded maps, textures); no document data.
struct CompareWorkspaceState {
    std::string client;                       // whose visits the choices refer to
    std::string beforePath, afterPath;        // visit paths, or kOpenMapChoice for "after"
    std::string defaultsFor;                  // the open document the default choice was made for
    std::string noEarlier;                    // why "before" is empty: the open visit is the first
    CompareTab tab = CompareTab::Difference;
    std::map<std::string, LoadedVisit> visits;  // by path
    ComparedPair pair;
    SeriesState series;
    int lastFrame = -10;                      // ImGui frame it was last drawn (to detect entry)
    int hoverRegion = -1;                     // region hovered in the table or a picture
    int hoverVisit = -1;                      // visit (series order) hovered in a trend chart
};

// Draws the workspace in the rectangle [pos, pos+size) of the current window.
void drawCompareWorkspace(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                          ImVec2 size);

// The tabs (compare_difference.cpp, compare_trends.cpp, compare_frequency.cpp), each in the
// rectangle [pos, pos+size).
void drawDifferenceTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                       ImVec2 size);
void drawTrendsTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                   ImVec2 size);
void drawFrequencyTab(AppState& s, CompareWorkspaceState& c, const UiContext& ui, ImVec2 pos,
                      ImVec2 size);

// Shared helpers (compare_workspace.cpp).
// The visit at `path`, read now if not yet cached; null when it cannot be read (see error).
const LoadedVisit& loadVisit(AppState& s, CompareWorkspaceState& c, const std::string& path);
// Loads the series a few files per frame; true when the summary (or its error) is ready.
bool updateSeries(AppState& s, CompareWorkspaceState& c);
// Uploads an image into `t` (creating the texture).
void uploadTexture(CompareTexture& t, const std::vector<std::uint8_t>& rgba, int width, int height);
// Where a point falls on a both-views image (renderChart/renderDifference/renderSeriesMap
// geometry) drawn at `origin` with `pxPerCell`: the view and cell; false when off both grids.
bool cellUnder(const maps::BodyTemplate& t, ImVec2 origin, float pxPerCell, ImVec2 p,
               maps::ViewId& view, int& x, int& y);
// For layout tests: "rect LABEL X Y W H" of [p0, p1) when the test log is on and it changed.
void logCompareRect(const char* label, ImVec2 p0, ImVec2 p1);
// A heading in the bold font.
void compareHeading(const UiContext& ui, const char* text);
// Short date for axes: "7 Sep"; with the year: "7 Sep 2026".
std::string shortDate(const std::string& iso, bool year);
// A month (1-12) on a chart axis, abbreviated ("Sep"), with its year when `year` > 0 ("Jan 2026").
std::string axisMonth(int month, int year);
// The visits left out of the series, on one line from x to x + width at the cursor's height
// ("Left out: 7 Sep 2026: cannot be read (...) and 2 more"); hovering it lists them all.
void leftOutNote(const SeriesState& se, float x, float width);
// A centred, wrapped message in the rectangle, with an optional second line in grey.
void centredMessage(const UiContext& ui, ImVec2 pos, ImVec2 size, const char* title,
                    const char* detail);

// Colours of change in text: red-brown worse, blue better (the ends of the diverging scale).
namespace compare_colors {
constexpr ImU32 kWorse = IM_COL32(178, 24, 43, 255);
constexpr ImU32 kBetter = IM_COL32(33, 102, 172, 255);
constexpr ImU32 kNeutral = IM_COL32(110, 110, 110, 255);
constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kPanelBorder = IM_COL32(214, 209, 202, 255);
constexpr ImU32 kAxis = IM_COL32(150, 145, 140, 255);
constexpr ImU32 kGrid = IM_COL32(232, 228, 222, 255);
constexpr ImU32 kLine = IM_COL32(52, 86, 140, 255);
}  // namespace compare_colors

}  // namespace bodymap::app
