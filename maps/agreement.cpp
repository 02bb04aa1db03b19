// Agreement between the client's drawing and the therapist's findings (see agreement.h), from
// dense rasters or from a compact map's spans. Both paths only count cells per region; the views,
// the total and the region list derive from those counts in one place.
#include "maps/agreement.h"

#include "maps/span_overlap.h"

namespace bodymap::maps {

std::optional<double> LayerOverlap::jaccard() const {
    const int u = unionCells();
    if (u <= 0) return std::nullopt;
    return static_cast<double>(both) / static_cast<double>(u);
}

std::optional<double> LayerOverlap::foundShare() const {
    if (client <= 0) return std::nullopt;
    return static_cast<double>(both) / static_cast<double>(client);
}

std::optional<double> LayerOverlap::drawnShare() const {
    if (findings <= 0) return std::nullopt;
    return static_cast<double>(both) / static_cast<double>(findings);
}

namespace {

// A view's and the total's counts from the per-region counts of the view's regions.
void addView(Agreement& a, ViewId v, const TemplateView& view,
             const std::vector<LayerOverlap>& perRegion) {
    LayerOverlap& ov = a.views[static_cast<std::size_t>(v)];
    for (int r : view.regions) ov.add(perRegion[static_cast<std::size_t>(r)]);
    a.total.add(ov);
}

void listRegions(Agreement& a, const std::vector<LayerOverlap>& perRegion) {
    for (std::size_t r = 0; r < perRegion.size(); ++r) {
        if (perRegion[r].unionCells() > 0) a.regions.push_back({static_cast<int>(r), perRegion[r]});
    }
}

void countFindingBits(Agreement& a, std::uint8_t f, int cells) {
    for (int b = 0; b < kFindingCount; ++b) {
        if (f & (1u << b)) a.findingCells[static_cast<std::size_t>(b)] += cells;
    }
}

}  // namespace

Agreement computeAgreement(const PainMap& map, const BodyTemplate& t) {
    Agreement a;
    std::vector<LayerOverlap> perRegion(t.regions.size());
    for (ViewId v : kViews) {
        const TemplateView& view = t.view(v);
        const ViewLayer& layer = map.layer(v);
        if (layer.intensity.size() != map.cellCount() || layer.findings.size() != map.cellCount() ||
            map.width() != t.width || map.height() != t.height) {
            continue;  // not drawn on this template's grid: nothing comparable
        }
        // Only body cells count: the label runs cover exactly them, one region per run.
        for (std::size_t k = 0; k < view.labelRuns.size(); ++k) {
            const CellRun run = view.labelRuns[k];
            LayerOverlap& reg = perRegion[view.runLabels[k]];
            for (std::uint32_t i = run.start; i < run.start + run.length; ++i) {
                const bool client = layer.intensity[i] >= 1;
                const std::uint8_t f = layer.findings[i];
                if (!client && f == 0) continue;
                const int c = client ? 1 : 0, fd = f != 0 ? 1 : 0;
                reg.client += c;
                reg.findings += fd;
                reg.both += c & fd;
                countFindingBits(a, f, 1);
            }
        }
        addView(a, v, view, perRegion);
    }
    listRegions(a, perRegion);
    return a;
}

// The rule of the intersection (the dense rule, restated for spans): a body cell belongs to the
// region of the label run covering it (the background is in no run, so nothing there is met);
// it is the client's when an intensity span of value >= 1 covers it, and a finding when a
// findings span of non-zero value covers it (every other cell is 0 in both). So, per region:
//   client   = cells where intensity spans overlap its label runs,
//   findings = cells where findings spans overlap its label runs (and their bits, per bit),
//   both     = cells of those client pieces that a findings span also covers.
// The client pieces come in cell order, so one forward cursor over the findings spans finds the
// `both` cells of all of them; neither walk steps through the label runs no span touches (they
// are skipped in O(log) probes, see skipTo).
Agreement computeAgreement(const CompactMap& map, const BodyTemplate& t) {
    if (isShredded(map) && map.width() == t.width && map.height() == t.height) {
        return computeAgreement(denseFrom(map), t);  // as computeMetrics does (compact_map.h)
    }
    Agreement a;
    std::vector<LayerOverlap> perRegion(t.regions.size());
    for (ViewId v : kViews) {
        const TemplateView& view = t.view(v);
        const CompactLayer& layer = map.layer(v);
        if (map.width() != t.width || map.height() != t.height ||
            !runsInOrder(layer.intensity, map.cellCount()) ||
            !runsInOrder(layer.findings, map.cellCount())) {
            continue;  // not drawn on this template's grid: nothing comparable
        }
        const SpanList& findings = layer.findings;
        std::size_t findingCursor = 0;
        auto addClient = [&](std::size_t i, std::size_t k, std::uint32_t lo, std::uint32_t hi) {
            if (layer.intensity[i].value == 0) return;
            LayerOverlap& reg = perRegion[view.runLabels[k]];
            reg.client += static_cast<int>(hi - lo);
            auto addBoth = [&](std::size_t j, std::uint32_t flo, std::uint32_t fhi) {
                if (findings[j].value != 0) reg.both += static_cast<int>(fhi - flo);
            };
            forEachOverlapIn(findings, findingCursor, lo, hi, addBoth);
        };
        auto addFindings = [&](std::size_t j, std::size_t k, std::uint32_t lo, std::uint32_t hi) {
            const std::uint8_t f = findings[j].value;
            if (f == 0) return;
            const int n = static_cast<int>(hi - lo);
            perRegion[view.runLabels[k]].findings += n;
            countFindingBits(a, f, n);
        };
        forEachOverlap(layer.intensity, view.labelRuns, addClient);
        forEachOverlap(findings, view.labelRuns, addFindings);
        addView(a, v, view, perRegion);
    }
    listRegions(a, perRegion);
    return a;
}

}  // namespace bodymap::maps
