// The agreement figures in render's types (see agreement_summary.h).
#include "render/agreement_summary.h"

#include <algorithm>

#include "maps/agreement.h"

namespace bodymap::render {

namespace {
AgreementCells cellsOf(const maps::Overlap& o) {
    AgreementCells c;
    c.client = o.client;
    c.findings = o.findings;
    c.both = o.both;
    c.unionCells = o.unionCells();
    c.jaccard = o.jaccard();
    c.found = o.foundShare();
    c.drawn = o.drawnShare();
    return c;
}
}  // namespace

AgreementSummary summarizeAgreement(const maps::PainMap& map, const maps::BodyTemplate& t) {
    const maps::Agreement a = maps::computeAgreement(map, t);
    AgreementSummary s;
    s.total = cellsOf(a.total);
    for (const auto& r : a.regions) s.regions.push_back({r.region, cellsOf(r.cells)});
    std::stable_sort(s.regions.begin(), s.regions.end(),
                     [](const AgreementSummary::Region& x, const AgreementSummary::Region& y) {
                         return x.cells.unionCells > y.cells.unionCells;
                     });
    return s;
}

}  // namespace bodymap::render
