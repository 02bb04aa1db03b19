// Metrics against hand-computed cases: the tiny 16x16 template for the arithmetic, the real
// adult template for the WPI / generalized-pain rules. The arithmetic sits beside each check.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

#include "maps/metrics.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::defaultTemplate;
using bodymap::test::tinyTemplate;

namespace {

void paintRect(PainMap& m, ViewId v, int x0, int y0, int x1, int y1, int intensity,
               std::uint8_t qualities = 0) {
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            m.layer(v).intensity[m.index(x, y)] = static_cast<std::uint8_t>(intensity);
            m.layer(v).qualities[m.index(x, y)] = intensity > 0 ? qualities : 0;
        }
    }
}

// Paints every cell of the named region of template t.
void paintRegion(PainMap& m, const BodyTemplate& t, const std::string& id, int intensity) {
    const int r = t.regionIndex(id);
    ASSERT_GE(r, 0) << id;
    const ViewId v = t.regions[static_cast<std::size_t>(r)].view;
    const auto& labels = t.view(v).labels;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] == r) m.layer(v).intensity[i] = static_cast<std::uint8_t>(intensity);
    }
}

MapMetrics metricsOf(const PainMap& m, const BodyTemplate& t, const PainfulAreaRule& rule = {}) {
    auto r = computeMetrics(m, t, rule);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
    return r.value();
}

std::size_t at(WpiArea a) { return static_cast<std::size_t>(a); }
std::size_t at(GpRegion g) { return static_cast<std::size_t>(g); }

}  // namespace

TEST(MetricRules, PureFunctions) {
    EXPECT_DOUBLE_EQ(extentPct(36, 144), 25.0);            // 36/144 = 0.25
    EXPECT_DOUBLE_EQ(extentPct(5, 0), 0.0);                // no body: 0 by definition
    EXPECT_DOUBLE_EQ(painBurden(288, 144), 0.2);           // 288 / (10 x 144) = 0.2
    EXPECT_DOUBLE_EQ(painBurden(1440, 144), 1.0);          // every cell at 10
    EXPECT_DOUBLE_EQ(meanIntensity(92, 20), 4.6);          // 92 / 20
    EXPECT_DOUBLE_EQ(meanIntensity(0, 0), 0.0);
    EXPECT_DOUBLE_EQ(symmetryIndex(3, 1).value(), 0.5);    // 1 - 2/4
    EXPECT_DOUBLE_EQ(symmetryIndex(2, 2).value(), 1.0);
    EXPECT_DOUBLE_EQ(symmetryIndex(0, 7).value(), 0.0);    // all on one side
    EXPECT_FALSE(symmetryIndex(0, 0).has_value());         // nothing painted: undefined
}

TEST(MetricRules, PainfulAreaThresholds) {
    const PainfulAreaRule rule;  // 150 cells or 5%
    // Jaw of the adult template, 984 cells: 5% = 49.2 cells, so 49 is a speck and 50 counts.
    EXPECT_FALSE(areaCountsAsPainful(rule, 49, 984));
    EXPECT_TRUE(areaCountsAsPainful(rule, 50, 984));
    // Upper leg, 25,181 cells: 5% = 1,259, so the absolute 150 cells decide.
    EXPECT_FALSE(areaCountsAsPainful(rule, 149, 25181));
    EXPECT_TRUE(areaCountsAsPainful(rule, 150, 25181));
    // Nothing painted never counts, even with a zero threshold.
    EXPECT_FALSE(areaCountsAsPainful(PainfulAreaRule{0, 0.0}, 0, 100));
    EXPECT_NE(describeRule(rule).find("150"), std::string::npos);
    EXPECT_NE(describeRule(rule).find("5%"), std::string::npos);
}

TEST(TinyMetrics, BlankMap) {
    const auto& t = tinyTemplate();
    const MapMetrics m = metricsOf(PainMap::blankFor(t), t);
    EXPECT_EQ(m.overall.cells.bodyCells, 288);  // 12 x 12 per view, two views
    EXPECT_EQ(m.overall.cells.paintedCells, 0);
    EXPECT_EQ(m.wpi, 0);
    EXPECT_EQ(m.generalizedPain, 0);
    EXPECT_FALSE(m.symmetry.extentIndex.has_value());
    EXPECT_DOUBLE_EQ(m.overall.cells.meanIntensity(), 0.0);
}

TEST(TinyMetrics, ExtentIntensityBurdenQualitiesSymmetry) {
    const auto& t = tinyTemplate();
    PainMap map = PainMap::blankFor(t);
    const auto ach = bit(Quality::Aching), burn = bit(Quality::Burning);
    // Front, patient's right chest (x < 8): x 2..7, y 2..4 = 6 x 3 = 18 cells at 4, aching+burning.
    paintRect(map, ViewId::Front, 2, 2, 8, 5, 4, static_cast<std::uint8_t>(ach | burn));
    // Front, left chest: (8,2) and (9,2) = 2 cells at 10, burning.
    paintRect(map, ViewId::Front, 8, 2, 10, 3, 10, burn);
    // Outside the body (cell 0,0): ignored by every metric.
    paintRect(map, ViewId::Front, 0, 0, 1, 1, 9, burn);
    const MapMetrics m = metricsOf(map, t);

    const CellStats& front = m.views[0].cells;
    EXPECT_EQ(front.bodyCells, 144);
    EXPECT_EQ(front.paintedCells, 20);                          // 18 + 2
    EXPECT_DOUBLE_EQ(front.extentPct(), 100.0 * 20 / 144);      // 13.89 %
    EXPECT_EQ(m.views[1].cells.paintedCells, 0);
    const CellStats& all = m.overall.cells;
    EXPECT_DOUBLE_EQ(all.extentPct(), 100.0 * 20 / 288);        // 6.94 %
    EXPECT_EQ(all.intensitySum, 92);                            // 18 x 4 + 2 x 10
    EXPECT_DOUBLE_EQ(all.meanIntensity(), 4.6);                 // 92 / 20
    EXPECT_EQ(all.maxIntensity, 10);
    EXPECT_DOUBLE_EQ(all.burden(), 92.0 / 2880.0);              // 92 / (10 x 288) = 0.0319

    const CellStats& rchest = m.regions[static_cast<std::size_t>(t.regionIndex("front-right-chest"))];
    EXPECT_EQ(rchest.bodyCells, 72);                            // 6 x 12
    EXPECT_DOUBLE_EQ(rchest.extentPct(), 25.0);                 // 18 / 72
    EXPECT_DOUBLE_EQ(rchest.meanIntensity(), 4.0);
    EXPECT_EQ(rchest.maxIntensity, 4);
    EXPECT_EQ(rchest.qualities, ach | burn);

    // Qualities: aching on 18 cells, burning on 20 (the outside cell does not count).
    EXPECT_EQ(m.overall.qualityCells[0], 18);
    EXPECT_EQ(m.overall.qualityCells[1], 20);
    EXPECT_DOUBLE_EQ(m.overall.qualityExtentPct(0), 6.25);      // 18 / 288
    EXPECT_DOUBLE_EQ(m.views[0].qualityExtentPct(1), 100.0 * 20 / 144);

    // Chest area = 144 cells, 20 painted >= 5% (7.2): counts; WPI 1. Chest is in no GP region.
    EXPECT_TRUE(m.wpiAreas[at(WpiArea::Chest)].painful);
    EXPECT_EQ(m.wpi, 1);
    EXPECT_EQ(m.generalizedPain, 0);

    // Left side: 144 cells (front-left-chest 72 + back-left 36 + 36), 2 painted -> 1.389 %.
    // Right side: 144 cells, 18 painted -> 12.5 %. Index = 1 - |2-18| / (2+18) = 0.2.
    EXPECT_EQ(m.symmetry.left.bodyCells, 144);
    EXPECT_EQ(m.symmetry.left.paintedCells, 2);
    EXPECT_EQ(m.symmetry.right.paintedCells, 18);
    EXPECT_NEAR(m.symmetry.extentIndex.value(), 0.2, 1e-12);
    // Burden: left 20/1440, right 72/1440 -> 1 - 52/92.
    EXPECT_NEAR(m.symmetry.intensityIndex.value(), 1.0 - 52.0 / 92.0, 1e-12);
}

TEST(TinyMetrics, AxialRegionAndRuleBoundary) {
    const auto& t = tinyTemplate();
    PainMap map = PainMap::blankFor(t);
    // Back-left-upper (x 2..7, y 2..7): 4 cells. Back-right-low (x 8..13, y 8..13): 3 cells.
    paintRect(map, ViewId::Back, 2, 2, 6, 3, 5);
    paintRect(map, ViewId::Back, 8, 8, 11, 9, 5);
    // Rule: 4 cells, or 100% (never reached here).
    const MapMetrics m = metricsOf(map, t, PainfulAreaRule{4, 1.0});
    // Upper back: 4 >= 4 -> painful. Lower back: 3 < 4 and 3 < 72 -> not.
    EXPECT_TRUE(m.wpiAreas[at(WpiArea::UpperBack)].painful);
    EXPECT_FALSE(m.wpiAreas[at(WpiArea::LowerBack)].painful);
    EXPECT_EQ(m.wpi, 1);
    EXPECT_TRUE(m.gpRegions[at(GpRegion::Axial)]);
    EXPECT_EQ(m.generalizedPain, 1);
    EXPECT_EQ(m.rule.minCells, 4);
}

TEST(TinyMetrics, FascialTagCounts) {
    const auto& t = tinyTemplate();
    PainMap map = PainMap::blankFor(t);
    map.tags.push_back({"sbl-left-calf", static_cast<std::uint8_t>(TagKind::Tender), ""});
    map.tags.push_back({"sbl-right-calf",
                        static_cast<std::uint8_t>(static_cast<unsigned>(TagKind::Tender) |
                                                  static_cast<unsigned>(TagKind::Restricted)),
                        "note"});
    const MapMetrics m = metricsOf(map, t);
    EXPECT_EQ(m.fascial.tags, 2);
    EXPECT_EQ(m.fascial.tagsByKind[1], 2);  // tender
    EXPECT_EQ(m.fascial.tagsByKind[0], 1);  // restricted
    EXPECT_TRUE(m.fascial.lines.empty());   // the tiny template has no bands
}

TEST(TinyMetrics, WrongTemplateIsAnError) {
    const auto& t = tinyTemplate();
    PainMap other("adult-neutral", 1, 16, 16);
    auto r = computeMetrics(other, t);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("adult-neutral"), std::string::npos);
    PainMap wrongGrid("tiny", 1, 8, 8);
    EXPECT_FALSE(computeMetrics(wrongGrid, t).ok());
}

TEST(TinyMetrics, ScalarMetricsHaveStableKeys) {
    const auto& t = tinyTemplate();
    const auto rows = scalarMetrics(metricsOf(PainMap::blankFor(t), t));
    ASSERT_GE(rows.size(), 10u);
    EXPECT_EQ(rows[0].key, "extent_pct");
    bool sawSymmetry = false;
    for (const auto& r : rows) {
        if (r.key == "symmetry_index") {
            sawSymmetry = true;
            EXPECT_FALSE(r.value.has_value());  // blank map: undefined
        }
    }
    EXPECT_TRUE(sawSymmetry);
}

// The case: exactly the left upper arm region and the neck -> WPI 2, generalized 2 of 5.
TEST(AdultMetrics, LeftUpperArmAndNeckGiveWpi2Gp2) {
    const auto& t = defaultTemplate();
    PainMap map = PainMap::blankFor(t);
    paintRegion(map, t, "front-left-upper-arm", 6);
    paintRegion(map, t, "front-left-neck", 4);
    paintRegion(map, t, "front-right-neck", 4);
    const MapMetrics m = metricsOf(map, t);
    EXPECT_EQ(m.wpi, 2);  // upper-arm-left, neck
    EXPECT_TRUE(m.wpiAreas[at(WpiArea::UpperArmLeft)].painful);
    EXPECT_TRUE(m.wpiAreas[at(WpiArea::Neck)].painful);
    EXPECT_EQ(m.generalizedPain, 2);
    EXPECT_TRUE(m.gpRegions[at(GpRegion::LeftUpper)]);
    EXPECT_TRUE(m.gpRegions[at(GpRegion::Axial)]);
    EXPECT_FALSE(m.gpRegions[at(GpRegion::RightUpper)]);
    // Symmetry: the neck halves are about equal, the arm is left only: left extent > right.
    EXPECT_GT(m.symmetry.left.extentPct(), m.symmetry.right.extentPct());
}

TEST(AdultMetrics, JawChestAbdomenRaiseWpiButNeverGeneralizedPain) {
    const auto& t = defaultTemplate();
    PainMap map = PainMap::blankFor(t);
    for (const char* id : {"front-left-jaw", "front-right-jaw", "front-left-chest",
                           "front-right-upper-abdomen"}) {
        paintRegion(map, t, id, 7);
    }
    const MapMetrics m = metricsOf(map, t);
    EXPECT_EQ(m.wpi, 4);  // jaw left, jaw right, chest, abdomen
    EXPECT_EQ(m.generalizedPain, 0);
    // Adding the neck adds one to both.
    paintRegion(map, t, "back-left-neck", 3);
    const MapMetrics m2 = metricsOf(map, t);
    EXPECT_EQ(m2.wpi, 5);
    EXPECT_EQ(m2.generalizedPain, 1);
}

TEST(AdultMetrics, SpeckDoesNotCountButSpotDoes) {
    const auto& t = defaultTemplate();
    PainMap map = PainMap::blankFor(t);
    const auto& labels = t.view(ViewId::Back).labels;
    const int calf = t.regionIndex("back-left-calf");
    // 149 cells of the left calf (lower leg area 18,114 cells: 5% = 906; absolute 150 decides).
    int painted = 0;
    for (std::size_t i = 0; i < labels.size() && painted < 149; ++i) {
        if (labels[i] == calf) {
            map.layer(ViewId::Back).intensity[i] = 5;
            ++painted;
        }
    }
    EXPECT_FALSE(metricsOf(map, t).wpiAreas[at(WpiArea::LowerLegLeft)].painful);
    for (std::size_t i = 0; i < labels.size() && painted < 150; ++i) {
        if (labels[i] == calf && map.layer(ViewId::Back).intensity[i] == 0) {
            map.layer(ViewId::Back).intensity[i] = 5;
            ++painted;
        }
    }
    EXPECT_TRUE(metricsOf(map, t).wpiAreas[at(WpiArea::LowerLegLeft)].painful);
}

TEST(AdultMetrics, WholeBodyAtTen) {
    const auto& t = defaultTemplate();
    PainMap map = PainMap::blankFor(t);
    for (ViewId v : kViews) {
        const auto& labels = t.view(v).labels;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (labels[i] != kNoRegion) map.layer(v).intensity[i] = 10;
        }
    }
    const MapMetrics m = metricsOf(map, t);
    EXPECT_DOUBLE_EQ(m.overall.cells.extentPct(), 100.0);
    EXPECT_DOUBLE_EQ(m.overall.cells.burden(), 1.0);
    EXPECT_EQ(m.wpi, 19);
    EXPECT_EQ(m.generalizedPain, 5);
    int regionPainted = 0;
    for (const auto& r : m.regions) regionPainted += r.paintedCells;
    EXPECT_EQ(regionPainted, m.overall.cells.bodyCells);  // regions tile the body
}

// The metrics pass adds eight cells at a time along the template's label and band runs. Checked
// here against the plain definition, cell by cell: every body cell with intensity >= 1 counts
// for its region (painted, sum, max, qualities) and its view's quality counts, and for each band
// it lies on. Random maps on the adult template (discs and scattered cells, every quality bit
// pattern, some bytes above 127 that take the cell-by-cell path), and a 16 x 16 template whose
// body fills the grid, so that the last run (5 cells) ends at the raster's last byte.
namespace {

struct Reference {
    std::vector<CellStats> regions;
    std::array<std::array<int, kQualityCount>, kViewCount> qualityCells{};
    std::map<std::string, std::pair<int, std::int64_t>> lines;  // painted, sum
};

Reference referenceOf(const PainMap& m, const BodyTemplate& t) {
    Reference r;
    r.regions.resize(t.regions.size());
    for (ViewId v : kViews) {
        const auto& labels = t.view(v).labels;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const unsigned val = m.layer(v).intensity[i];
            if (labels[i] == kNoRegion || val == 0) continue;
            CellStats& s = r.regions[labels[i]];
            ++s.paintedCells;
            s.intensitySum += val;
            s.maxIntensity = std::max(s.maxIntensity, static_cast<int>(val));
            const std::uint8_t q = m.layer(v).qualities[i];
            s.qualities = static_cast<std::uint8_t>(s.qualities | q);
            for (std::size_t b = 0; b < kQualityCount; ++b) {
                r.qualityCells[static_cast<std::size_t>(viewIndex(v))][b] += (q >> b) & 1;
            }
        }
    }
    for (const FascialBand& b : t.bands) {
        auto& line = r.lines[b.line];
        for (std::uint32_t c : b.cells) {
            const unsigned val = m.layer(b.view).intensity[c];
            if (val == 0) continue;
            ++line.first;
            line.second += val;
        }
    }
    return r;
}

void expectMatchesReference(const PainMap& map, const BodyTemplate& t, const std::string& what) {
    SCOPED_TRACE(what);
    const MapMetrics m = metricsOf(map, t);
    const Reference ref = referenceOf(map, t);
    for (std::size_t r = 0; r < t.regions.size(); ++r) {
        SCOPED_TRACE(t.regions[r].id);
        EXPECT_EQ(m.regions[r].paintedCells, ref.regions[r].paintedCells);
        EXPECT_EQ(m.regions[r].intensitySum, ref.regions[r].intensitySum);
        EXPECT_EQ(m.regions[r].maxIntensity, ref.regions[r].maxIntensity);
        EXPECT_EQ(m.regions[r].qualities, ref.regions[r].qualities);
    }
    for (ViewId v : kViews) {
        const auto vi = static_cast<std::size_t>(viewIndex(v));
        EXPECT_EQ(m.views[vi].qualityCells, ref.qualityCells[vi]);
    }
    EXPECT_EQ(m.fascial.lines.size(), ref.lines.size());
    for (const auto& [line, figures] : ref.lines) {
        const FascialLineMetrics* lm = m.fascial.find(line);
        ASSERT_NE(lm, nullptr) << line;
        EXPECT_EQ(lm->paintedCells, figures.first) << line;
        EXPECT_EQ(lm->intensitySum, figures.second) << line;
    }
}

PainMap randomMap(const BodyTemplate& t, unsigned seed, bool highBytes) {
    PainMap m = PainMap::blankFor(t);
    std::mt19937 rng(seed);
    for (ViewId v : kViews) {
        auto& layer = m.layer(v);
        for (int k = 0; k < 12; ++k) {  // discs of one intensity and quality set
            const int cx = static_cast<int>(rng() % static_cast<unsigned>(t.width));
            const int cy = static_cast<int>(rng() % static_cast<unsigned>(t.height));
            const int rad = 1 + static_cast<int>(rng() % 60);
            const auto val = static_cast<std::uint8_t>(rng() % 11);
            const auto q = static_cast<std::uint8_t>(rng() % 256);
            for (int y = std::max(0, cy - rad); y < std::min(t.height, cy + rad + 1); ++y) {
                for (int x = std::max(0, cx - rad); x < std::min(t.width, cx + rad + 1); ++x) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > rad * rad) continue;
                    layer.intensity[m.index(x, y)] = val;
                    layer.qualities[m.index(x, y)] = q;
                }
            }
        }
        for (std::size_t i = 0; i < layer.intensity.size(); ++i) {  // scattered single cells
            if (rng() % 50 == 0) {
                layer.intensity[i] = static_cast<std::uint8_t>(rng() % 11);
                layer.qualities[i] = static_cast<std::uint8_t>(rng() % 256);
            }
            if (highBytes && rng() % 5000 == 0) layer.intensity[i] = static_cast<std::uint8_t>(128 + rng() % 128);
        }
    }
    return m;
}

}  // namespace

TEST(MetricsPass, MatchesCellByCellDefinitionOnRandomMaps) {
    const auto& t = defaultTemplate();
    for (unsigned seed = 1; seed <= 6; ++seed) {
        expectMatchesReference(randomMap(t, seed, seed % 2 == 0), t, "seed " + std::to_string(seed));
    }
    PainMap full = PainMap::blankFor(t);
    for (ViewId v : kViews) {
        for (std::size_t i = 0; i < full.layer(v).intensity.size(); ++i) {
            full.layer(v).intensity[i] = static_cast<std::uint8_t>(1 + i % 10);
            full.layer(v).qualities[i] = static_cast<std::uint8_t>(i % 256);
        }
    }
    expectMatchesReference(full, t, "every cell painted");
}

TEST(MetricsPass, BodyFillingTheGridUpToTheLastByte) {
    std::string json = bodymap::test::tinyTemplateJson();
    auto replace = [&json](const std::string& from, const std::string& to) {
        const auto at = json.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        json.replace(at, from.size(), to);
    };
    // The body is the whole 16 x 16 grid, and the front is split at x = 11 instead of 8.
    const std::string tinyOutline = "[[2,2],[14,2],[14,14],[2,14]]", fullOutline = "[[0,0],[16,0],[16,16],[0,16]]";
    replace(tinyOutline, fullOutline);
    replace(tinyOutline, fullOutline);
    replace("[[[0,0],[8,0],[8,16],[0,16]]]", "[[[0,0],[11,0],[11,16],[0,16]]]");
    replace("[[[8,0],[16,0],[16,16],[8,16]]]", "[[[11,0],[16,0],[16,16],[11,16]]]");
    auto parsed = parseTemplate(json, "full.json");
    ASSERT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error());
    const BodyTemplate& t = parsed.value();
    const TemplateView& front = t.view(ViewId::Front);
    ASSERT_EQ(front.bodyCells, 256);
    // Front rows: 11 cells of the right chest, then 5 of the left; the last run is the last 5 bytes.
    ASSERT_EQ(front.labelRuns.size(), 32u);
    EXPECT_EQ(front.labelRuns.back().start, 251u);
    EXPECT_EQ(front.labelRuns.back().length, 5u);
    for (unsigned seed = 1; seed <= 20; ++seed) {
        expectMatchesReference(randomMap(t, seed, seed % 3 == 0), t, "seed " + std::to_string(seed));
    }
    PainMap corner = PainMap::blankFor(t);
    corner.layer(ViewId::Front).intensity[255] = 7;  // the very last cell only
    corner.layer(ViewId::Front).qualities[255] = 3;
    const MapMetrics m = metricsOf(corner, t);
    EXPECT_EQ(m.overall.cells.paintedCells, 1);
    EXPECT_EQ(m.overall.cells.maxIntensity, 7);
    EXPECT_EQ(m.overall.qualityCells[0], 1);
    EXPECT_EQ(m.overall.qualityCells[1], 1);
    expectMatchesReference(corner, t, "last cell");
}
