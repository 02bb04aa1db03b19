// Agreement between the client's drawing and the therapist's findings, against hand-computed
// cases on the tiny 16 x 16 template (body: cells 2..13 in x and y; front: right chest x < 8,
// left chest x >= 8; back: four quadrants). The arithmetic sits beside each check.
#include <gtest/gtest.h>

#include "maps/agreement.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::tinyTemplate;

namespace {
void rect(std::vector<std::uint8_t>& plane, const PainMap& m, int x0, int y0, int x1, int y1, std::uint8_t v) {
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) plane[m.index(x, y)] = v;
    }
}
}  // namespace

TEST(Agreement, JaccardAndSharesOverallAndPerRegion) {
    const BodyTemplate& t = tinyTemplate();
    PainMap m = PainMap::blankFor(t);
    // The client: x 2..5, y 2..5 on the front, 4 x 4 = 16 cells, all in the right chest.
    rect(m.layer(ViewId::Front).intensity, m, 2, 2, 6, 6, 5);
    // The therapist: x 4..9, y 4..5, 6 x 2 = 12 cells: 8 in the right chest (x 4..7), 4 in the
    // left (x 8..9); in common with the client: x 4..5, y 4..5 = 4 cells.
    rect(m.layer(ViewId::Front).findings, m, 4, 4, 10, 6, bit(Finding::Tender));
    // One back cell in the left lower back, tender and tight.
    m.layer(ViewId::Back).findings[m.index(3, 10)] = bit(Finding::Tender) | bit(Finding::Tight);
    // Off the body: counted for neither.
    m.layer(ViewId::Front).intensity[m.index(0, 0)] = 9;
    m.layer(ViewId::Front).findings[m.index(0, 0)] = bit(Finding::Swollen);

    const Agreement a = computeAgreement(m, t);
    const LayerOverlap& front = a.views[static_cast<std::size_t>(ViewId::Front)];
    EXPECT_EQ(front.client, 16);
    EXPECT_EQ(front.findings, 12);
    EXPECT_EQ(front.both, 4);
    EXPECT_EQ(front.unionCells(), 24);                 // 16 + 12 - 4
    EXPECT_DOUBLE_EQ(front.jaccard().value(), 4.0 / 24.0);
    EXPECT_DOUBLE_EQ(front.foundShare().value(), 0.25);    // 4 of the client's 16
    EXPECT_DOUBLE_EQ(front.drawnShare().value(), 4.0 / 12.0);
    // Both views: the back adds one finding: union 25, Jaccard 4/25 = 0.16.
    EXPECT_EQ(a.total.client, 16);
    EXPECT_EQ(a.total.findings, 13);
    EXPECT_EQ(a.total.both, 4);
    EXPECT_DOUBLE_EQ(a.total.jaccard().value(), 0.16);
    // The back alone: nothing drawn by the client, so no share of it was found.
    const LayerOverlap& back = a.views[static_cast<std::size_t>(ViewId::Back)];
    EXPECT_DOUBLE_EQ(back.jaccard().value(), 0.0);      // 0 / 1
    EXPECT_FALSE(back.foundShare().has_value());
    // Cells per finding: tender 12 + 1 = 13, tight 1; the off-body swollen cell does not count.
    EXPECT_EQ(a.findingCells[0], 13);
    EXPECT_EQ(a.findingCells[1], 1);
    EXPECT_EQ(a.findingCells[2], 0);
    EXPECT_EQ(a.findingCells[3], 0);
    // Per region, in template order, only where someone drew something.
    ASSERT_EQ(a.regions.size(), 3u);
    EXPECT_EQ(t.regions[static_cast<std::size_t>(a.regions[0].region)].id, "front-right-chest");
    EXPECT_EQ(a.regions[0].cells.client, 16);
    EXPECT_EQ(a.regions[0].cells.findings, 8);
    EXPECT_EQ(a.regions[0].cells.both, 4);
    EXPECT_DOUBLE_EQ(a.regions[0].cells.jaccard().value(), 0.2);  // 4 / (16 + 8 - 4)
    EXPECT_EQ(t.regions[static_cast<std::size_t>(a.regions[1].region)].id, "front-left-chest");
    EXPECT_EQ(a.regions[1].cells.findings, 4);
    EXPECT_DOUBLE_EQ(a.regions[1].cells.jaccard().value(), 0.0);
    EXPECT_EQ(t.regions[static_cast<std::size_t>(a.regions[2].region)].id, "back-left-low");
    EXPECT_EQ(a.regions[2].cells.findings, 1);
}

TEST(Agreement, TheSameCellsAgreeFullyAndNothingDrawnIsNoFigure) {
    const BodyTemplate& t = tinyTemplate();
    PainMap m = PainMap::blankFor(t);
    const Agreement none = computeAgreement(m, t);
    EXPECT_FALSE(none.total.jaccard().has_value());  // neither drew anything: nothing to agree on
    EXPECT_TRUE(none.regions.empty());
    // The whole back lower half, painted and found: 12 x 6 = 72 cells, Jaccard 1.
    rect(m.layer(ViewId::Back).intensity, m, 2, 8, 14, 14, 3);
    rect(m.layer(ViewId::Back).findings, m, 2, 8, 14, 14, bit(Finding::Restricted));
    const Agreement same = computeAgreement(m, t);
    EXPECT_EQ(same.total.both, 72);
    EXPECT_DOUBLE_EQ(same.total.jaccard().value(), 1.0);
    EXPECT_DOUBLE_EQ(same.total.foundShare().value(), 1.0);
    ASSERT_EQ(same.regions.size(), 2u);  // left and right lower back, 36 cells each
    EXPECT_EQ(same.regions[0].cells.both, 36);
    EXPECT_EQ(same.regions[1].cells.both, 36);
}
