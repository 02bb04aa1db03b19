// Agreement between the client's drawing and the therapist's findings on the same map: how much
// of what the client painted the therapist found, and the reverse, as the Jaccard index overall
// and per region (research has compared patient and clinician drawings of one pain this way;
// see ../shared/DOMAIN.md). Pure functions, tested against hand-computed cases.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "maps/body_template.h"
#include "maps/compact_map.h"
#include "maps/pain_map.h"

namespace bodymap::maps {

// The rule: a body cell is the CLIENT'S when its intensity is >= 1, and a FINDING when it
// carries any Finding bit. Cells outside the silhouette count for neither. Over a set of cells:
//   both     = cells that are the client's and a finding,
//   union    = client + findings - both,
//   Jaccard  = both / union, 0..1 (1: the same cells; 0: no cell in common); none when the
//              union is empty (neither drew anything there: nothing to agree on),
//   found    = both / client: the share of the client's drawing the therapist also found,
//   drawn    = both / findings: the share of the findings the client had drawn.
struct LayerOverlap {
    int client = 0;
    int findings = 0;
    int both = 0;
    int unionCells() const { return client + findings - both; }
    std::optional<double> jaccard() const;
    std::optional<double> foundShare() const;   // both / client; none when client == 0
    std::optional<double> drawnShare() const;   // both / findings; none when findings == 0
    void add(const LayerOverlap& o) {
        client += o.client;
        findings += o.findings;
        both += o.both;
    }
};

struct RegionOverlap {
    int region = -1;   // index into BodyTemplate::regions
    LayerOverlap cells;
};

struct Agreement {
    LayerOverlap total;                          // both views
    std::array<LayerOverlap, kViewCount> views;  // per view
    // Every region where the client drew or the therapist found something (union > 0), in
    // template order.
    std::vector<RegionOverlap> regions;
    std::array<int, kFindingCount> findingCells{};  // body cells carrying each finding
};

Agreement computeAgreement(const PainMap& map, const BodyTemplate& t);
// The same, bit for bit, from a compact map's spans.
Agreement computeAgreement(const CompactMap& map, const BodyTemplate& t);

}  // namespace bodymap::maps
