// Comparing visits: the difference map, Jaccard overlap, metric changes and per-region changes
// of two maps; metric trends, the frequency map and the mean-intensity map of a series.
// Rules are stated beside each function and in maps/METRICS.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maps/body_template.h"
#include "maps/compact_map.h"
#include "maps/metrics.h"
#include "maps/pain_map.h"
#include "maps/result.h"

namespace bodymap::maps {

// Per body cell, before -> after (painted = intensity >= 1):
//   both 0 -> None; 0 -> >0 New; >0 -> 0 Resolved; both >0: higher Worse, lower Better,
//   equal Unchanged. Cells outside the body are None.
enum class CellChange : std::uint8_t { None, New, Resolved, Worse, Better, Unchanged };
constexpr int kCellChangeCount = 6;
CellChange classifyChange(int before, int after);   // intensities 0..10
std::string_view cellChangeId(CellChange c);        // "none", "new", "resolved", ...

using ChangeCounts = std::array<int, kCellChangeCount>;  // cells per CellChange

struct DifferenceLayer {
    std::vector<CellChange> change;  // width*height, row-major
    std::vector<std::int8_t> delta;  // after - before, -10..10 (0 outside the body)
};

struct DifferenceMap {
    int width = 0;
    int height = 0;
    std::array<DifferenceLayer, kViewCount> views;
    std::array<ChangeCounts, kViewCount> viewCounts{};
    ChangeCounts counts{};                  // both views
    std::vector<ChangeCounts> regionCounts; // indexed like BodyTemplate::regions
    std::int64_t deltaSum = 0;              // sum of (after - before) over body cells
    std::int64_t absDeltaSum = 0;           // sum of |after - before|: the amount of change

    const DifferenceLayer& layer(ViewId v) const { return views[static_cast<std::size_t>(v)]; }
};

// The cell-by-cell difference of two maps on template t. Error when either map is not on t.
Result<DifferenceMap> differenceMap(const PainMap& before, const PainMap& after,
                                    const BodyTemplate& t);

// Jaccard overlap |A ∩ B| / |A ∪ B| of the painted body cells of both views, 0..1. When neither
// map has paint the drawings agree exactly and the value is 1 (by definition; see METRICS.md).
struct Overlap {
    int intersection = 0;   // cells painted in both
    int unionCells = 0;     // cells painted in either
    double jaccard = 1.0;
};
Overlap jaccardOverlap(const DifferenceMap& d);
Result<Overlap> jaccardOverlap(const PainMap& a, const PainMap& b, const BodyTemplate& t);

// The change of one scalar metric: after - before (none when either is undefined).
struct MetricChange {
    std::string key;
    std::string label;
    std::optional<double> before;
    std::optional<double> after;
    std::optional<double> change;
};
// Every scalar metric of scalarMetrics(), paired by key, in that order.
std::vector<MetricChange> metricChanges(const MapMetrics& before, const MapMetrics& after);

// The change in one region. Sorted by size = |burden change| (region intensity sum / (10 x
// region cells), which weighs both extent and intensity and is comparable across region sizes),
// then |painted-cell change|, then region index.
struct RegionChange {
    int region = -1;             // index into BodyTemplate::regions
    CellStats before;
    CellStats after;
    ChangeCounts cells{};        // per CellChange, from the difference map
    double coverageChangePct() const { return after.extentPct() - before.extentPct(); }
    double burdenChange() const { return after.burden() - before.burden(); }
    int paintedChange() const { return after.paintedCells - before.paintedCells; }
};
// Regions where anything changed (some cell new, resolved, worse or better), largest first.
std::vector<RegionChange> regionChanges(const MapMetrics& before, const MapMetrics& after,
                                        const DifferenceMap& d);

// Everything `bodymap compare` reports.
struct Comparison {
    MapMetrics before;
    MapMetrics after;
    DifferenceMap difference;
    Overlap overlap;
    std::vector<MetricChange> metrics;
    std::vector<RegionChange> regions;
};
Result<Comparison> compareMaps(const PainMap& before, const PainMap& after,
                               const BodyTemplate& t, const PainfulAreaRule& rule = {});

// A series of visits of one client, in visit-time order.
struct MetricTrend {
    std::string key;
    std::string label;
    std::vector<std::optional<double>> values;  // one per visit, in SeriesSummary::order
};
struct SeriesSummary {
    std::vector<std::size_t> order;        // input indices sorted by visit time (stable)
    std::vector<std::string> visitTimes;   // in that order
    std::vector<MapMetrics> metrics;       // in that order
    std::vector<MetricTrend> trends;       // one per scalar metric
    int width = 0;
    int height = 0;
    // Per cell: share of visits in which the cell was painted, 0..1 (0 outside the body).
    std::array<std::vector<float>, kViewCount> frequency;
    // Per cell: mean intensity over ALL visits (a visit without pain there counts as 0), 0..10.
    std::array<std::vector<float>, kViewCount> meanIntensity;
};
// Summarizes visits drawn on template t; error when there are none or one is not on t. Visit
// times are ISO 8601 strings and sort as text (ties keep the input order).
Result<SeriesSummary> summarizeSeries(const std::vector<const PainMap*>& visits,
                                      const BodyTemplate& t, const PainfulAreaRule& rule = {});

// The same summary, bit for bit, from compact maps: frequency and mean intensity accumulated from
// their painted spans into one accumulator for the series (never a dense map per visit), the
// metrics from the spans (computeMetrics of a CompactMap). Errors as summarizeSeries.
Result<SeriesSummary> summarizeSeries(const std::vector<const CompactMap*>& visits,
                                      const BodyTemplate& t, const PainfulAreaRule& rule = {});

// The same summary built one visit at a time, so that a caller can read a visit, add it and
// drop it: memory is one accumulator per series (a count and a sum per cell) plus the metrics
// of each visit, however many visits there are. finish() gives what summarizeSeries gives for
// the visits in the order they were added, bit for bit. t must outlive the builder.
class SeriesBuilder {
public:
    explicit SeriesBuilder(const BodyTemplate& t, const PainfulAreaRule& rule = {});
    // Adds one visit; error (and nothing added) when it is not drawn on t.
    Status add(const PainMap& visit);
    Status add(const CompactMap& visit);  // cost follows the painted spans, not the grid
    // The same with the visit's metrics already computed (computeMetrics(visit, t, rule()), e.g.
    // on a thread that reads the next visits meanwhile).
    Status add(const CompactMap& visit, MapMetrics metrics);
    const PainfulAreaRule& rule() const { return m_rule; }
    std::size_t size() const { return m_visitTimes.size(); }
    // The summary of the visits added so far; error when there are none. The builder is empty
    // afterwards.
    Result<SeriesSummary> finish();

private:
    void addMetrics(std::string visitTime, MapMetrics metrics);
    void sizeAccumulators(std::size_t cells);

    const BodyTemplate* m_template;
    PainfulAreaRule m_rule;
    std::vector<std::string> m_visitTimes;  // in the order added
    std::vector<MapMetrics> m_metrics;      // in the order added
    // Per view and cell: visits with paint there, and the sum of their intensities.
    std::array<std::vector<std::uint32_t>, kViewCount> m_hits;
    std::array<std::vector<std::uint32_t>, kViewCount> m_sums;
};

// What the frequency and mean-intensity maps say about a set of body cells (a view, a region,
// the whole body). With n visits, a cell painted in k of them has share k / n.
struct SeriesCellFigures {
    int bodyCells = 0;
    int everPainted = 0;     // cells painted in at least one visit (k >= 1)
    int halfOrMore = 0;      // cells painted in at least half of the visits (2k >= n)
    int everyVisit = 0;      // cells painted in every visit (k == n)
    double maxShare = 0.0;   // highest share of the cells, 0..1
    double maxMean = 0.0;    // highest mean intensity of the cells (over all visits), 0..10
    double meanSum = 0.0;    // sum of the cells' mean intensities

    double everPaintedPct() const { return maps::extentPct(everPainted, bodyCells); }  // 0..100
    double halfOrMorePct() const { return maps::extentPct(halfOrMore, bodyCells); }    // 0..100
    double everyVisitPct() const { return maps::extentPct(everyVisit, bodyCells); }    // 0..100
    // Mean of the visits' pain burdens over these cells, 0..1: sum of mean intensity / (10 x cells).
    double meanBurden() const { return bodyCells == 0 ? 0.0 : meanSum / (10.0 * bodyCells); }
};
struct SeriesFigures {
    std::size_t visits = 0;
    std::array<SeriesCellFigures, kViewCount> views;
    SeriesCellFigures overall;                // both views
    std::vector<SeriesCellFigures> regions;   // indexed like BodyTemplate::regions
};
// The figures of a summary made on template t (empty figures when its grid is not t's).
SeriesFigures seriesFigures(const SeriesSummary& s, const BodyTemplate& t);

}  // namespace bodymap::maps
