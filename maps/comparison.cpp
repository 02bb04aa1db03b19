// Comparing two visits and summarizing a series (see comparison.h and METRICS.md).
#include "maps/i18n/i18n.h"
#include "maps/comparison.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bodymap::maps {

CellChange classifyChange(int before, int after) {
    if (before <= 0) return after <= 0 ? CellChange::None : CellChange::New;
    if (after <= 0) return CellChange::Resolved;
    if (after > before) return CellChange::Worse;
    if (after < before) return CellChange::Better;
    return CellChange::Unchanged;
}

std::string_view cellChangeId(CellChange c) {
    switch (c) {
        case CellChange::None: return "none";
        case CellChange::New: return "new";
        case CellChange::Resolved: return "resolved";
        case CellChange::Worse: return "worse";
        case CellChange::Better: return "better";
        case CellChange::Unchanged: return "unchanged";
    }
    return "none";
}

namespace {
Status checkPair(const PainMap& before, const PainMap& after, const BodyTemplate& t) {
    if (before.templateId() != after.templateId()) {
        return Error{"the maps use different templates (\"" + before.templateId() + "\" and \"" +
                     after.templateId() + "\")"};
    }
    if (auto st = checkMapOnTemplate(before, t); !st) return st;
    return checkMapOnTemplate(after, t);
}
}  // namespace

Result<DifferenceMap> differenceMap(const PainMap& before, const PainMap& after,
                                    const BodyTemplate& t) {
    if (auto st = checkPair(before, after, t); !st) return Error{st.error()};
    DifferenceMap d;
    d.width = t.width;
    d.height = t.height;
    d.regionCounts.assign(t.regions.size(), ChangeCounts{});
    for (ViewId v : kViews) {
        const std::size_t vi = static_cast<std::size_t>(viewIndex(v));
        const auto& labels = t.view(v).labels;
        const auto& a = before.layer(v).intensity;
        const auto& b = after.layer(v).intensity;
        DifferenceLayer& out = d.views[vi];
        const std::size_t n = labels.size();
        out.change.assign(n, CellChange::None);
        out.delta.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const int x = a[i], y = b[i];
            if ((x | y) == 0) continue;  // the common case: no pain in either visit
            const RegionIndex l = labels[i];
            if (l == kNoRegion) continue;
            const CellChange c = classifyChange(x, y);
            out.change[i] = c;
            out.delta[i] = static_cast<std::int8_t>(y - x);
            ++d.regionCounts[l][static_cast<std::size_t>(c)];
            d.deltaSum += y - x;
            d.absDeltaSum += std::abs(y - x);
        }
    }
    // Per-view counts from the regions; None = body cells with no pain in either visit.
    for (ViewId v : kViews) {
        const std::size_t vi = static_cast<std::size_t>(viewIndex(v));
        for (int r : t.view(v).regions) {
            const ChangeCounts& rc = d.regionCounts[static_cast<std::size_t>(r)];
            for (std::size_t k = 0; k < kCellChangeCount; ++k) d.viewCounts[vi][k] += rc[k];
        }
        const int changed = std::accumulate(d.viewCounts[vi].begin(), d.viewCounts[vi].end(), 0);
        d.viewCounts[vi][0] = t.view(v).bodyCells - changed;
        for (std::size_t k = 0; k < kCellChangeCount; ++k) d.counts[k] += d.viewCounts[vi][k];
    }
    for (std::size_t r = 0; r < t.regions.size(); ++r) {
        ChangeCounts& rc = d.regionCounts[r];
        rc[0] = t.regions[r].cellCount -
                std::accumulate(rc.begin() + 1, rc.end(), 0);
    }
    return d;
}

Overlap jaccardOverlap(const DifferenceMap& d) {
    Overlap o;
    const auto count = [&d](CellChange c) { return d.counts[static_cast<std::size_t>(c)]; };
    o.intersection = count(CellChange::Worse) + count(CellChange::Better) +
                     count(CellChange::Unchanged);
    o.unionCells = o.intersection + count(CellChange::New) + count(CellChange::Resolved);
    o.jaccard = o.unionCells == 0 ? 1.0
                                  : static_cast<double>(o.intersection) /
                                        static_cast<double>(o.unionCells);
    return o;
}

Result<Overlap> jaccardOverlap(const PainMap& a, const PainMap& b, const BodyTemplate& t) {
    auto d = differenceMap(a, b, t);
    if (!d) return Error{d.error()};
    return jaccardOverlap(d.value());
}

std::vector<MetricChange> metricChanges(const MapMetrics& before, const MapMetrics& after) {
    const std::vector<ScalarMetric> a = scalarMetrics(before);
    const std::vector<ScalarMetric> b = scalarMetrics(after);
    std::vector<MetricChange> out;
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        MetricChange c{a[i].key, a[i].label, a[i].value, b[i].value, std::nullopt};
        if (a[i].value && b[i].value) c.change = *b[i].value - *a[i].value;
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<RegionChange> regionChanges(const MapMetrics& before, const MapMetrics& after,
                                        const DifferenceMap& d) {
    std::vector<RegionChange> out;
    const std::size_t n = std::min({before.regions.size(), after.regions.size(),
                                    d.regionCounts.size()});
    for (std::size_t r = 0; r < n; ++r) {
        const ChangeCounts& c = d.regionCounts[r];
        const int changed = c[static_cast<std::size_t>(CellChange::New)] +
                            c[static_cast<std::size_t>(CellChange::Resolved)] +
                            c[static_cast<std::size_t>(CellChange::Worse)] +
                            c[static_cast<std::size_t>(CellChange::Better)];
        if (changed == 0) continue;
        RegionChange rc;
        rc.region = static_cast<int>(r);
        rc.before = before.regions[r];
        rc.after = after.regions[r];
        rc.cells = c;
        out.push_back(rc);
    }
    std::stable_sort(out.begin(), out.end(), [](const RegionChange& x, const RegionChange& y) {
        const double bx = std::abs(x.burdenChange()), by = std::abs(y.burdenChange());
        if (bx != by) return bx > by;
        const int px = std::abs(x.paintedChange()), py = std::abs(y.paintedChange());
        if (px != py) return px > py;
        return x.region < y.region;
    });
    return out;
}

Result<Comparison> compareMaps(const PainMap& before, const PainMap& after,
                               const BodyTemplate& t, const PainfulAreaRule& rule) {
    auto d = differenceMap(before, after, t);
    if (!d) return Error{d.error()};
    auto mb = computeMetrics(before, t, rule);
    if (!mb) return Error{mb.error()};
    auto ma = computeMetrics(after, t, rule);
    if (!ma) return Error{ma.error()};
    Comparison c;
    c.before = std::move(mb.value());
    c.after = std::move(ma.value());
    c.difference = std::move(d.value());
    c.overlap = jaccardOverlap(c.difference);
    c.metrics = metricChanges(c.before, c.after);
    c.regions = regionChanges(c.before, c.after, c.difference);
    return c;
}

namespace {

// summarizeSeries for dense or compact visits: the builder orders them by time as it finishes
// (ties keep the input order).
template <typename Map>
Result<SeriesSummary> summarizeWithBuilder(const std::vector<const Map*>& visits, const BodyTemplate& t,
                                           const PainfulAreaRule& rule) {
    if (visits.empty()) return Error{tr("no visits to summarize")};
    // Every visit checked before any is added, so that the errors are summarizeSeries' own.
    for (std::size_t i = 0; i < visits.size(); ++i) {
        if (!visits[i]) return Error{i18n::format(tr("visit %zu is missing"), i + 1)};
        if (auto st = checkMapOnTemplate(*visits[i], t); !st) {
            return Error{i18n::format(tr("visit %zu: %s"), i + 1, st.error().c_str())};
        }
    }
    SeriesBuilder builder(t, rule);
    for (const Map* m : visits) {
        if (auto st = builder.add(*m); !st) return Error{st.error()};
    }
    return builder.finish();
}

}  // namespace

Result<SeriesSummary> summarizeSeries(const std::vector<const PainMap*>& visits,
                                      const BodyTemplate& t, const PainfulAreaRule& rule) {
    return summarizeWithBuilder(visits, t, rule);
}

SeriesBuilder::SeriesBuilder(const BodyTemplate& t, const PainfulAreaRule& rule) : m_template(&t), m_rule(rule) {}

void SeriesBuilder::addMetrics(std::string visitTime, MapMetrics metrics) {
    m_visitTimes.push_back(std::move(visitTime));
    m_metrics.push_back(std::move(metrics));
}

void SeriesBuilder::sizeAccumulators(std::size_t cells) {
    for (std::size_t v = 0; v < kViewCount; ++v) {
        if (m_hits[v].size() == cells) continue;
        m_hits[v].assign(cells, 0);
        m_sums[v].assign(cells, 0);
    }
}

Status SeriesBuilder::add(const PainMap& visit) {
    const BodyTemplate& t = *m_template;
    if (auto st = checkMapOnTemplate(visit, t); !st) {
        return Error{i18n::format(tr("visit %zu: %s"), size() + 1, st.error().c_str())};
    }
    auto metrics = computeMetrics(visit, t, m_rule);
    if (!metrics) return Error{metrics.error()};
    const std::size_t cells = visit.cellCount();
    sizeAccumulators(cells);  // once: every visit on t has t's grid
    for (ViewId v : kViews) {
        const std::size_t vi = static_cast<std::size_t>(viewIndex(v));
        const auto& in = visit.layer(v).intensity;
        for (std::size_t i = 0; i < cells; ++i) {
            m_hits[vi][i] += in[i] > 0 ? 1u : 0u;
            m_sums[vi][i] += in[i];
        }
    }
    addMetrics(visit.info.visitTime, std::move(metrics.value()));
    return Ok{};
}

Status SeriesBuilder::add(const CompactMap& visit) {
    if (auto st = checkMapOnTemplate(visit, *m_template); !st) {
        return Error{i18n::format(tr("visit %zu: %s"), size() + 1, st.error().c_str())};
    }
    auto metrics = computeMetrics(visit, *m_template, m_rule);
    if (!metrics) return Error{metrics.error()};
    return add(visit, std::move(metrics.value()));
}

Status SeriesBuilder::add(const CompactMap& visit, MapMetrics metrics) {
    const BodyTemplate& t = *m_template;
    if (auto st = checkMapOnTemplate(visit, t); !st) {
        return Error{i18n::format(tr("visit %zu: %s"), size() + 1, st.error().c_str())};
    }
    const std::size_t cells = visit.cellCount();
    sizeAccumulators(cells);
    for (ViewId v : kViews) {
        const std::size_t vi = static_cast<std::size_t>(viewIndex(v));
        std::uint32_t* hits = m_hits[vi].data();
        std::uint32_t* sums = m_sums[vi].data();
        for (const CellSpan& span : visit.layer(v).intensity) {
            // Spans hold values 1..10 and lie on the grid; one that does not is cut to it.
            if (span.value == 0) continue;
            const std::size_t end = std::min<std::size_t>(cells, std::size_t{span.start} + span.length);
            for (std::size_t i = span.start; i < end; ++i) {
                ++hits[i];
                sums[i] += span.value;
            }
        }
    }
    addMetrics(visit.info.visitTime, std::move(metrics));
    return Ok{};
}

Result<SeriesSummary> summarizeSeries(const std::vector<const CompactMap*>& visits, const BodyTemplate& t,
                                      const PainfulAreaRule& rule) {
    return summarizeWithBuilder(visits, t, rule);
}

Result<SeriesSummary> SeriesBuilder::finish() {
    if (m_visitTimes.empty()) return Error{tr("no visits to summarize")};
    const BodyTemplate& t = *m_template;
    SeriesSummary s;
    s.width = t.width;
    s.height = t.height;
    s.order.resize(m_visitTimes.size());
    std::iota(s.order.begin(), s.order.end(), std::size_t{0});
    std::stable_sort(s.order.begin(), s.order.end(),
                     [this](std::size_t a, std::size_t b) { return m_visitTimes[a] < m_visitTimes[b]; });
    for (std::size_t idx : s.order) {
        s.visitTimes.push_back(std::move(m_visitTimes[idx]));
        s.metrics.push_back(std::move(m_metrics[idx]));
    }
    // As summarizeSeries: the shares and means of body cells, 0 outside the body.
    const std::size_t cells = static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height);
    const float n = static_cast<float>(s.visitTimes.size());
    for (ViewId v : kViews) {
        const std::size_t vi = static_cast<std::size_t>(viewIndex(v));
        const auto& labels = t.view(v).labels;
        s.frequency[vi].assign(cells, 0.0f);
        s.meanIntensity[vi].assign(cells, 0.0f);
        if (m_hits[vi].size() != cells) continue;
        for (std::size_t i = 0; i < cells; ++i) {
            if (labels[i] == kNoRegion) continue;
            s.frequency[vi][i] = static_cast<float>(m_hits[vi][i]) / n;
            s.meanIntensity[vi][i] = static_cast<float>(m_sums[vi][i]) / n;
        }
    }
    for (std::size_t k = 0; k < s.metrics.size(); ++k) {
        const std::vector<ScalarMetric> row = scalarMetrics(s.metrics[k]);
        if (s.trends.empty()) {
            for (const ScalarMetric& m : row) s.trends.push_back({m.key, m.label, {}});
        }
        for (std::size_t i = 0; i < row.size() && i < s.trends.size(); ++i) {
            s.trends[i].values.push_back(row[i].value);
        }
    }
    *this = SeriesBuilder(t, m_rule);
    return s;
}

SeriesFigures seriesFigures(const SeriesSummary& s, const BodyTemplate& t) {
    SeriesFigures f;
    f.visits = s.visitTimes.size();
    f.regions.assign(t.regions.size(), SeriesCellFigures{});
    const std::size_t cells = static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height);
    if (s.width != t.width || s.height != t.height || f.visits == 0) return f;
    const double n = static_cast<double>(f.visits);
    for (ViewId v : kViews) {
        const std::size_t vi = static_cast<std::size_t>(viewIndex(v));
        const auto& labels = t.view(v).labels;
        const auto& share = s.frequency[vi];
        const auto& mean = s.meanIntensity[vi];
        if (share.size() != cells || mean.size() != cells || labels.size() != cells) continue;
        SeriesCellFigures& view = f.views[vi];
        for (std::size_t i = 0; i < cells; ++i) {
            const RegionIndex l = labels[i];
            if (l == kNoRegion) continue;
            SeriesCellFigures& r = f.regions[l];
            // The share is k / n as a float: k comes back exactly (n is far below 2^24).
            const long k = std::lround(static_cast<double>(share[i]) * n);
            for (SeriesCellFigures* c : {&view, &r}) {
                ++c->bodyCells;
                if (k == 0) continue;
                ++c->everPainted;
                if (2 * k >= static_cast<long>(f.visits)) ++c->halfOrMore;
                if (k == static_cast<long>(f.visits)) ++c->everyVisit;
                c->maxShare = std::max(c->maxShare, static_cast<double>(share[i]));
                c->maxMean = std::max(c->maxMean, static_cast<double>(mean[i]));
                c->meanSum += mean[i];
            }
        }
    }
    for (const SeriesCellFigures& view : f.views) {
        f.overall.bodyCells += view.bodyCells;
        f.overall.everPainted += view.everPainted;
        f.overall.halfOrMore += view.halfOrMore;
        f.overall.everyVisit += view.everyVisit;
        f.overall.maxShare = std::max(f.overall.maxShare, view.maxShare);
        f.overall.maxMean = std::max(f.overall.maxMean, view.maxMean);
        f.overall.meanSum += view.meanSum;
    }
    return f;
}

}  // namespace bodymap::maps
