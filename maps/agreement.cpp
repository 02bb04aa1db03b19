// Agreement between the client's drawing and the therapist's findings (see agreement.h).
#include "maps/agreement.h"

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
        LayerOverlap& ov = a.views[static_cast<std::size_t>(v)];
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
                for (int b = 0; b < kFindingCount; ++b) {
                    if (f & (1u << b)) ++a.findingCells[static_cast<std::size_t>(b)];
                }
            }
        }
        for (int r : view.regions) ov.add(perRegion[static_cast<std::size_t>(r)]);
        a.total.add(ov);
    }
    for (std::size_t r = 0; r < perRegion.size(); ++r) {
        if (perRegion[r].unionCells() > 0) a.regions.push_back({static_cast<int>(r), perRegion[r]});
    }
    return a;
}

}  // namespace bodymap::maps
