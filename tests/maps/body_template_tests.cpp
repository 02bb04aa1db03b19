// Template loading, tiling and laterality, on a tiny template and on the real default one.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <vector>

#include "maps/body_template.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::defaultTemplate;
using bodymap::test::tinyTemplate;

TEST(TinyTemplate, LabelsFollowRegionRectangles) {
    const BodyTemplate& t = tinyTemplate();
    EXPECT_EQ(t.view(ViewId::Front).bodyCells, 144);
    EXPECT_EQ(t.regionAt(ViewId::Front, 1, 1), kNoRegion);  // outside the body
    EXPECT_EQ(t.regions[t.regionAt(ViewId::Front, 2, 2)].id, "front-right-chest");
    EXPECT_EQ(t.regions[t.regionAt(ViewId::Front, 8, 5)].id, "front-left-chest");
    EXPECT_EQ(t.regions[t.regionAt(ViewId::Back, 13, 13)].id, "back-right-low");
    EXPECT_EQ(t.regionAt(ViewId::Back, 14, 13), kNoRegion);
    EXPECT_EQ(t.regionAt(ViewId::Back, -1, 3), kNoRegion);
    EXPECT_EQ(t.regions[static_cast<std::size_t>(t.regionIndex("front-left-chest"))].cellCount, 72);
}

TEST(TinyTemplate, SharedEdgesGiveEachCellExactlyOneRegion) {
    const auto& tiling = tinyTemplate().view(ViewId::Back).tiling;
    EXPECT_EQ(tiling.bodyCells, 144);
    EXPECT_EQ(tiling.exactlyOne, 144);
    EXPECT_EQ(tiling.overlapping, 0);
    EXPECT_EQ(tiling.uncovered, 0);
}

TEST(TemplateErrors, NameFileAndField) {
    std::string json = bodymap::test::tinyTemplateJson();
    auto bad = json;
    bad.replace(bad.find("\"upper-back\""), 12, "\"upper-bak\"");
    auto r = parseTemplate(bad, "t.json");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), "t.json: views[1].regions[0].wpi: unknown WPI area \"upper-bak\"");

    auto r2 = parseTemplate("{\"format\":\"bodymap-template\"", "t.json");
    ASSERT_FALSE(r2.ok());
    EXPECT_NE(r2.error().find("t.json: not valid JSON"), std::string::npos);

    auto noGrid = json;
    noGrid.replace(noGrid.find("\"grid\""), 6, "\"grud\"");
    auto r3 = parseTemplate(noGrid, "t.json");
    ASSERT_FALSE(r3.ok());
    EXPECT_EQ(r3.error(), "t.json: grid: missing");

    auto r4 = loadTemplate("/nonexistent/x.json");
    ASSERT_FALSE(r4.ok());
    EXPECT_NE(r4.error().find("/nonexistent/x.json"), std::string::npos);
}

TEST(TemplateErrors, GpMustMatchWpi) {
    std::string json = bodymap::test::tinyTemplateJson();
    const std::string from = "\"wpi\":\"chest\",\"gp\":null";
    json.replace(json.find(from), from.size(), "\"wpi\":\"chest\",\"gp\":\"axial\"");
    auto r = parseTemplate(json, "t.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("views[0].regions[0]: generalized-pain region does not match"),
              std::string::npos);
}

// --- The real template -----------------------------------------------------------------

TEST(DefaultTemplate, RegionsTileTheSilhouette) {
    const BodyTemplate& t = defaultTemplate();
    for (ViewId v : kViews) {
        const auto& s = t.view(v).tiling;
        ASSERT_GT(s.bodyCells, 50000);
        const double exact = static_cast<double>(s.exactlyOne) / s.bodyCells;
        EXPECT_GE(exact, 0.995) << viewId(v) << ": uncovered " << s.uncovered << ", overlapping "
                                << s.overlapping;
        // After gap filling every body cell has a region and no region cell is outside.
        int labelled = 0;
        for (int y = 0; y < t.height; ++y)
            for (int x = 0; x < t.width; ++x) labelled += t.inBody(v, x, y) ? 1 : 0;
        EXPECT_EQ(labelled, s.bodyCells);
    }
    EXPECT_GE(t.regions.size(), 60u);
    EXPECT_LE(t.regions.size(), 80u);
    for (const auto& r : t.regions) EXPECT_GT(r.cellCount, 0) << r.id;
}

TEST(DefaultTemplate, EveryWpiAreaIsCoveredByWholeRegions) {
    const BodyTemplate& t = defaultTemplate();
    std::map<WpiArea, int> cells;
    for (const auto& r : t.regions) {
        if (r.wpi) cells[*r.wpi] += r.cellCount;
    }
    for (int a = 0; a < kWpiAreaCount; ++a) {
        EXPECT_GT(cells[static_cast<WpiArea>(a)], 100) << wpiAreaId(static_cast<WpiArea>(a));
    }
}

TEST(DefaultTemplate, LeftIsOnViewersRightInFrontAndViewersLeftInBack) {
    const BodyTemplate& t = defaultTemplate();
    const float mid = static_cast<float>(t.width) / 2.0f;
    for (std::size_t i = 0; i < t.regions.size(); ++i) {
        const Region& r = t.regions[i];
        double sumX = 0;
        int n = 0;
        for (int y = 0; y < t.height; ++y)
            for (int x = 0; x < t.width; ++x)
                if (t.regionAt(r.view, x, y) == i) {
                    sumX += x + 0.5;
                    ++n;
                }
        ASSERT_GT(n, 0) << r.id;
        const double cx = sumX / n;
        const bool viewersRight = cx > mid;
        const bool expectViewersRight = (r.side == Side::Left) == (r.view == ViewId::Front);
        EXPECT_EQ(viewersRight, expectViewersRight) << r.id << " centroid x " << cx;
        const bool nameSaysLeft = r.name.find("Left") != std::string::npos ||
                                  r.name.find("left") != std::string::npos;
        EXPECT_EQ(nameSaysLeft, r.side == Side::Left) << r.name;
    }
}

// The runs the metrics pass walks rebuild the label raster and the band cell lists exactly.
TEST(DefaultTemplate, LabelAndBandRunsRebuildTheRasters) {
    const auto& t = defaultTemplate();
    for (const auto& view : t.views) {
        ASSERT_EQ(view.labelRuns.size(), view.runLabels.size());
        std::vector<RegionIndex> rebuilt(view.labels.size(), kNoRegion);
        std::size_t previousEnd = 0;
        for (std::size_t k = 0; k < view.labelRuns.size(); ++k) {
            const CellRun run = view.labelRuns[k];
            ASSERT_GT(run.length, 0u);
            ASSERT_GE(run.start, previousEnd);  // in order, not overlapping
            ASSERT_LE(run.start + run.length, rebuilt.size());
            for (std::uint32_t c = run.start; c < run.start + run.length; ++c) rebuilt[c] = view.runLabels[k];
            // Maximal: the next run starts after a gap or with another label.
            if (k > 0 && run.start == previousEnd) {
                EXPECT_NE(view.runLabels[k], view.runLabels[k - 1]);
            }
            previousEnd = run.start + run.length;
        }
        EXPECT_EQ(rebuilt, view.labels);
    }
    for (const auto& band : t.bands) {
        std::vector<std::uint32_t> cells;
        for (const CellRun run : band.runs) {
            for (std::uint32_t c = run.start; c < run.start + run.length; ++c) cells.push_back(c);
        }
        EXPECT_EQ(cells, band.cells) << band.id;
    }
}
