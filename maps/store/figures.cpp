// The summary figures stored beside each visit: a few numbers from maps::computeMetrics.
#include <nlohmann/json.hpp>

#include "maps/metrics.h"
#include "maps/store/store.h"

namespace bodymap::store {

namespace {

// Dense or compact: the metrics are the same bit for bit (maps/metrics.h).
template <typename Map>
VisitFigures figuresOf(const Map& map, const maps::TemplateRegistry& templates) {
    VisitFigures f;
    const auto templ = templates.find(map.templateId());
    if (!templ) return f;
    auto m = maps::computeMetrics(map, *templ);
    if (!m) return f;
    f.known = true;
    f.extentPct = m->overall.cells.extentPct();
    f.maxIntensity = m->overall.cells.maxIntensity;
    f.burden = m->overall.cells.burden();
    f.wpi = m->wpi;
    f.generalizedPain = m->generalizedPain;
    // The 2016 criteria: generalized pain is pain in at least 4 of the 5 regions.
    f.generalized = m->generalizedPain >= 4;
    for (std::size_t i = 0; i < m->regions.size() && i < templ->regions.size(); ++i) {
        if (m->regions[i].paintedCells > 0) {
            f.regionCoverage.emplace_back(templ->regions[i].id, m->regions[i].extentPct());
        }
    }
    return f;
}

}  // namespace

VisitFigures computeFigures(const maps::PainMap& map, const maps::TemplateRegistry& templates) {
    return figuresOf(map, templates);
}

VisitFigures computeFigures(const maps::CompactMap& map, const maps::TemplateRegistry& templates) {
    return figuresOf(map, templates);
}

std::string figuresJson(const VisitFigures& f) {
    nlohmann::ordered_json j;
    j["extent_pct"] = f.extentPct;
    j["max_intensity"] = f.maxIntensity;
    j["burden"] = f.burden;
    j["wpi"] = f.wpi;
    j["generalized_pain"] = f.generalizedPain;
    j["generalized"] = f.generalized;
    nlohmann::ordered_json regions = nlohmann::ordered_json::object();
    for (const auto& [id, pct] : f.regionCoverage) regions[id] = pct;
    j["regions"] = regions;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace bodymap::store
