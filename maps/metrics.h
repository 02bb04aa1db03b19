// Pain-drawing metrics of one map as pure functions: extent, intensity, burden, per-region
// figures, WPI and generalized pain, extent per quality, left/right symmetry, fascial tags.
// Every rule is stated beside its function and in maps/METRICS.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maps/body_template.h"
#include "maps/clinical_areas.h"
#include "maps/compact_map.h"
#include "maps/pain_map.h"
#include "maps/result.h"

namespace bodymap::maps {

// A cell is PAINTED when its intensity is >= 1 (0 means no pain). Paint outside the silhouette
// (label kNoRegion) is ignored by every metric.

// When a WPI area counts as painful: painted cells >= minCells OR painted cells >= minShare of
// the area's body cells. A speck left by a stray tap (the smallest GUI brush covers ~13 cells)
// does not count; a small but real spot does (see METRICS.md for the figures behind defaults).
struct PainfulAreaRule {
    int minCells = 150;       // absolute threshold, cells (~4.5 cm² on the adult template)
    double minShare = 0.05;   // relative threshold, share 0..1 of the area's body cells
};
// The rule in words, for output: "an area counts as painful when at least 80 cells or 5% ...".
std::string describeRule(const PainfulAreaRule& rule);
// True when `painted` of `bodyCells` meets the rule (false when painted == 0, always).
bool areaCountsAsPainful(const PainfulAreaRule& rule, int painted, int bodyCells);

// Pain extent: painted / body cells x 100, in percent 0..100; 0 when bodyCells == 0.
double extentPct(std::int64_t painted, std::int64_t bodyCells);
// Pain burden: sum of intensity / (10 x body cells), 0..1 (1 = every body cell at 10).
double painBurden(std::int64_t intensitySum, std::int64_t bodyCells);
// Mean intensity over PAINTED cells, 0 or 1..10; 0 when nothing is painted.
double meanIntensity(std::int64_t intensitySum, std::int64_t painted);
// Symmetry index of two non-negative amounts: 1 - |l - r| / (l + r), 0..1 (1 = equal, 0 = all
// on one side); none when l + r == 0 (nothing to compare).
std::optional<double> symmetryIndex(double left, double right);

// Accumulated figures of a set of body cells (a region, a view, a side, the whole body).
struct CellStats {
    int bodyCells = 0;             // cells in the set
    int paintedCells = 0;          // of those, intensity >= 1
    std::int64_t intensitySum = 0; // sum of intensity over the set
    int maxIntensity = 0;          // 0..10
    std::uint8_t qualities = 0;    // union of Quality bits over the set

    double extentPct() const { return maps::extentPct(paintedCells, bodyCells); }   // 0..100
    double meanIntensity() const { return maps::meanIntensity(intensitySum, paintedCells); }
    double burden() const { return painBurden(intensitySum, bodyCells); }            // 0..1
    void add(const CellStats& o);
};

struct ViewMetrics {
    CellStats cells;
    std::array<int, kQualityCount> qualityCells{};  // painted cells carrying each quality
    // Extent of one quality: cells carrying it / body cells of the view, percent 0..100.
    double qualityExtentPct(int q) const { return extentPct(qualityCells[static_cast<std::size_t>(q)], cells.bodyCells); }
};

struct WpiAreaMetrics {
    CellStats cells;        // over all regions (both views) of the area
    bool painful = false;   // per the rule
};

// Left/right: every region has the patient's side. Extent of each side = painted cells of its
// regions / body cells of its regions (both views); the index compares the two extents, so a
// template whose halves differ by a few cells does not bias it. Mirrored-mask overlap is not
// used: the front and back views mirror differently and the silhouettes are not exact mirrors.
struct SymmetryMetrics {
    CellStats left;
    CellStats right;
    std::optional<double> extentIndex;     // symmetryIndex(left extent, right extent)
    std::optional<double> intensityIndex;  // symmetryIndex(left burden, right burden)
};

// Fascial lines. For each line that has bands in the template: its body cells (the union of
// its bands on both views), the painted cells on them, the share of the painted area that lies
// on the line and the mean intensity there; and the tags on its bands (METRICS.md).
struct FascialLineMetrics {
    std::string line;               // short name, "SBL"
    std::string name;               // "Superficial Back Line" (the short name when not catalogued)
    int bandCells = 0;              // body cells on the line's bands, both views
    int paintedCells = 0;           // of those, painted (intensity >= 1)
    std::int64_t intensitySum = 0;  // sum of intensity over those painted cells
    double sharePct = 0.0;          // paintedCells / painted body cells x 100, 0..100; 0 when blank
    int tags = 0;                   // tags on the line's bands

    // Mean intensity over the line's painted cells: 0 or 1..10.
    double meanIntensity() const { return maps::meanIntensity(intensitySum, paintedCells); }
    // Painted cells / the line's cells x 100 (how much of the line hurts), 0..100.
    double coveragePct() const { return extentPct(paintedCells, bandCells); }
};
struct FascialMetrics {
    int tags = 0;                                   // number of tags
    std::array<int, kTagKindCount> tagsByKind{};    // tags carrying each kind
    // Lines with bands in the template, in catalogue order (maps/fascial_lines.h); then lines
    // outside the catalogue, by name. Lines a share can be computed for; empty without bands.
    std::vector<FascialLineMetrics> lines;
    // Entry of a line by short name, nullptr when absent.
    const FascialLineMetrics* find(const std::string& line) const;
};

struct MapMetrics {
    std::array<ViewMetrics, kViewCount> views;
    ViewMetrics overall;                          // both views together
    std::vector<CellStats> regions;               // indexed like BodyTemplate::regions
    std::array<WpiAreaMetrics, kWpiAreaCount> wpiAreas;
    int wpi = 0;                                  // 0..19 painful WPI areas
    std::array<bool, kGpRegionCount> gpRegions{}; // a region has pain when any of its areas does
    int generalizedPain = 0;                      // 0..5; jaw, chest, abdomen never count
    PainfulAreaRule rule;                         // the rule WPI and generalized pain used
    SymmetryMetrics symmetry;
    FascialMetrics fascial;
};

// Ok when the map was drawn on template t (same id and grid); otherwise an error saying which.
Status checkMapOnTemplate(const PainMap& map, const BodyTemplate& t);

// All metrics of a map in one pass over each view's label and intensity rasters. Error when the
// map was not drawn on this template (id or grid differs).
Result<MapMetrics> computeMetrics(const PainMap& map, const BodyTemplate& t,
                                  const PainfulAreaRule& rule = {});
// The same figures, bit for bit, from a compact map: its painted spans intersected with the
// template's label runs (and band runs), so the cost follows what is painted, not the grid.
Status checkMapOnTemplate(const CompactMap& map, const BodyTemplate& t);
Result<MapMetrics> computeMetrics(const CompactMap& map, const BodyTemplate& t,
                                  const PainfulAreaRule& rule = {});

// A scalar metric with a stable key (CSV column, JSON key), a label for people and its value
// (none when undefined, e.g. symmetry of a blank map).
struct ScalarMetric {
    std::string key;       // "extent_pct", "front_extent_pct", "wpi", ...
    std::string label;     // "Pain extent (% of body)"
    std::optional<double> value;
};
// The scalar metrics in a fixed order (the same keys for every map): the table used for CSV,
// metric changes between visits and trends over a series.
std::vector<ScalarMetric> scalarMetrics(const MapMetrics& m);

}  // namespace bodymap::maps
