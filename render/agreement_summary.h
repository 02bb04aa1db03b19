// maps::computeAgreement's figures for the report, in types of render's own: maps/agreement.h
// and maps/comparison.h both define maps::Overlap, so no file may include both (report.h
// includes comparison.h). Only agreement_summary.cpp includes agreement.h.
#pragma once

#include <optional>
#include <vector>

#include "maps/body_template.h"
#include "maps/pain_map.h"

namespace bodymap::render {

struct AgreementCells {
    int client = 0, findings = 0, both = 0;  // body cells (see maps/agreement.h)
    int unionCells = 0;
    std::optional<double> jaccard, found, drawn;  // 0..1; none where maps::Overlap has none
};

struct AgreementSummary {
    AgreementCells total;
    struct Region {
        int region = -1;  // index into BodyTemplate::regions
        AgreementCells cells;
    };
    std::vector<Region> regions;  // every region with a union, largest union first (stable)
};

// maps::computeAgreement(map, t), regions sorted by union, descending.
AgreementSummary summarizeAgreement(const maps::PainMap& map, const maps::BodyTemplate& t);

}  // namespace bodymap::render
