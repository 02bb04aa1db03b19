// Fascial lines on the real adult template: every line has bands on its views, bands are body
// cells, tags round-trip with real band ids, and hand-made strokes count to the expected line.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "maps/brush.h"
#include "maps/fascial_lines.h"
#include "maps/map_format.h"
#include "maps/metrics.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::defaultTemplate;

namespace {

int lineOf(FascialLine l) { return static_cast<int>(l); }

// Paints one stroke through `points` (cell coordinates) on view v with a hard round brush.
void stroke(PainMap& map, const BodyTemplate& t, ViewId v, std::initializer_list<glm::vec2> points,
            float radius, int intensity) {
    BrushSettings brush;
    brush.radius = radius;
    brush.intensity = static_cast<std::uint8_t>(intensity);
    Stroke s(map, t, v, brush);
    for (glm::vec2 p : points) s.addSample(p);
    s.finish();
}

MapMetrics metricsOf(const PainMap& m, const BodyTemplate& t) {
    auto r = computeMetrics(m, t);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error());
    return r.value();
}

}  // namespace

TEST(FascialCatalogue, TwelveLinesWithNamesAndViews) {
    ASSERT_EQ(fascialLines().size(), 12u);
    std::set<std::string_view> ids;
    for (const FascialLineInfo& l : fascialLines()) {
        ids.insert(l.id);
        EXPECT_FALSE(l.name.empty());
        EXPECT_FALSE(l.description.empty());
        EXPECT_TRUE(l.front || l.back) << l.id;
        EXPECT_EQ(parseFascialLine(l.id), l.line);
        EXPECT_EQ(&fascialLineInfo(l.line), &l);
    }
    EXPECT_EQ(ids.size(), 12u);
    EXPECT_FALSE(parseFascialLine("XYZ").has_value());
    EXPECT_TRUE(runsOn(FascialLine::SBL, ViewId::Back));
    EXPECT_FALSE(runsOn(FascialLine::SBL, ViewId::Front));
    EXPECT_TRUE(runsOn(FascialLine::SFL, ViewId::Front));
    EXPECT_EQ(fascialLinesCredit().find("Anatomy Trains"), std::string_view::npos);
    EXPECT_NE(fascialLinesCredit().find("Thomas Myers"), std::string_view::npos);
}

TEST(FascialBands, EveryLineHasLeftAndRightBandsOnItsViewsOnly) {
    const BodyTemplate& t = defaultTemplate();
    for (const FascialLineInfo& l : fascialLines()) {
        for (ViewId v : kViews) {
            std::set<Side> sides;
            int n = 0;
            for (int b : t.view(v).bands) {
                const FascialBand& band = t.bands[static_cast<std::size_t>(b)];
                if (band.lineIndex != lineOf(l.line)) continue;
                ++n;
                ASSERT_TRUE(band.side.has_value()) << band.id;
                sides.insert(*band.side);
            }
            if (runsOn(l.line, v)) {
                EXPECT_GE(n, 2) << l.id << " on " << viewId(v);
                EXPECT_EQ(sides.size(), 2u) << l.id << " on " << viewId(v) << ": left and right";
            } else {
                EXPECT_EQ(n, 0) << l.id << " has bands on " << viewId(v);
            }
        }
    }
    // The ids used by the test data and FORMAT.md exist.
    EXPECT_GE(t.bandIndex("sbl-right-calf"), 0);
    EXPECT_GE(t.bandIndex("sfl-right-shin"), 0);
}

TEST(FascialBands, BandsAreNonEmptySortedBodyCellsDisjointWithinALine) {
    const BodyTemplate& t = defaultTemplate();
    ASSERT_FALSE(t.bands.empty());
    for (ViewId v : kViews) {
        const TemplateView& tv = t.view(v);
        ASSERT_EQ(tv.lineBits.size(), tv.labels.size());
        std::vector<std::uint16_t> seen(tv.labels.size(), 0);
        for (int b : tv.bands) {
            const FascialBand& band = t.bands[static_cast<std::size_t>(b)];
            EXPECT_EQ(band.view, v);
            ASSERT_GE(band.lineIndex, 0) << band.id;
            EXPECT_GE(band.cells.size(), 40u) << band.id;
            EXPECT_TRUE(std::is_sorted(band.cells.begin(), band.cells.end())) << band.id;
            const auto bit = static_cast<std::uint16_t>(1u << band.lineIndex);
            int outside = 0, twice = 0;
            for (std::uint32_t c : band.cells) {
                if (tv.labels[c] == kNoRegion) ++outside;
                if (seen[c] & bit) ++twice;
                seen[c] = static_cast<std::uint16_t>(seen[c] | bit);
            }
            EXPECT_EQ(outside, 0) << band.id << " has cells outside the silhouette";
            EXPECT_EQ(twice, 0) << band.id << " shares cells with another band of its line";
            // Patient's side: front view, the right side is on the viewer's left (x < 256);
            // back view, on the viewer's right.
            if (band.side) {
                const bool viewerLeft = (*band.side == Side::Right) == (v == ViewId::Front);
                int wrong = 0;
                for (std::uint32_t c : band.cells) {
                    const int x = static_cast<int>(c % static_cast<std::uint32_t>(t.width));
                    if ((x < t.width / 2) != viewerLeft) ++wrong;
                }
                EXPECT_EQ(wrong, 0) << band.id << " lies on the wrong half";
            }
        }
        EXPECT_EQ(seen, tv.lineBits);  // lineBits is exactly the union of the bands per line
    }
}

TEST(FascialBands, LookupAtACell) {
    const BodyTemplate& t = defaultTemplate();
    const int calf = t.bandIndex("sbl-left-calf");
    ASSERT_GE(calf, 0);
    const auto& cells = t.bandCells(calf);
    ASSERT_FALSE(cells.empty());
    const std::uint32_t c = cells[cells.size() / 2];
    const int x = static_cast<int>(c % static_cast<std::uint32_t>(t.width));
    const int y = static_cast<int>(c / static_cast<std::uint32_t>(t.width));
    EXPECT_EQ(t.bandAt(ViewId::Back, x, y, lineOf(FascialLine::SBL)), calf);
    const std::vector<int> all = t.bandsAt(ViewId::Back, x, y);
    EXPECT_NE(std::find(all.begin(), all.end(), calf), all.end());
    EXPECT_EQ(t.bandAt(ViewId::Back, 0, 0, lineOf(FascialLine::SBL)), -1);  // off the body
    EXPECT_TRUE(t.bandsAt(ViewId::Back, 0, 0).empty());
    EXPECT_EQ(t.bandAt(ViewId::Back, -5, 3, 0), -1);                        // off the grid
}

TEST(FascialTags, RoundTripWithARealBandId) {
    const BodyTemplate& t = defaultTemplate();
    TemplateRegistry reg;
    reg.add(t);
    PainMap map = PainMap::blankFor(t);
    map.info.visitTime = "2026-11-24T14:30:00";
    map.tags.push_back({"sbl-left-calf",
                        static_cast<std::uint8_t>(static_cast<unsigned>(TagKind::Tender) |
                                                  static_cast<unsigned>(TagKind::Restricted)),
                        "tight after running"});
    map.tags.push_back({"spl-right-rhomboids", static_cast<std::uint8_t>(TagKind::TreatedToday), ""});
    auto back = parseMap(serializeMap(map), "tags.json", reg);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back.value().tags, map.tags);

    // The tag counts per line follow the band's line.
    const MapMetrics m = metricsOf(back.value(), t);
    EXPECT_EQ(m.fascial.tags, 2);
    ASSERT_NE(m.fascial.find("SBL"), nullptr);
    EXPECT_EQ(m.fascial.find("SBL")->tags, 1);
    EXPECT_EQ(m.fascial.find("SPL")->tags, 1);
    EXPECT_EQ(m.fascial.find("SFL")->tags, 0);

    map.tags.push_back({"sbl-left-nowhere", static_cast<std::uint8_t>(TagKind::Tense), ""});
    EXPECT_FALSE(parseMap(serializeMap(map), "tags.json", reg).ok());
}

TEST(FascialMetrics, BlankMapHasAllTwelveLinesAtZero) {
    const BodyTemplate& t = defaultTemplate();
    const MapMetrics m = metricsOf(PainMap::blankFor(t), t);
    ASSERT_EQ(m.fascial.lines.size(), 12u);
    for (std::size_t i = 0; i < m.fascial.lines.size(); ++i) {
        const FascialLineMetrics& l = m.fascial.lines[i];
        EXPECT_EQ(l.line, fascialLines()[i].id);  // catalogue order
        EXPECT_GT(l.bandCells, 0);
        EXPECT_EQ(l.paintedCells, 0);
        EXPECT_EQ(l.sharePct, 0.0);                // nothing painted: 0 by definition
        EXPECT_EQ(l.meanIntensity(), 0.0);
    }
}

// A stroke along the back of the LEFT calf and hamstrings. On the back view the patient's left is
// the viewer's left; the left leg's axis runs through the knee at (210, 728) and the ankle at
// (206, 957) (make_template.py: KNEE and ANKLE, o = 46 and 50 from the midline 256). The SBL calf
// and hamstring bands are 18 cells wide, centred on that axis (hamstrings 2-6 cells medial near
// the top); a hard brush of radius 7 (14 cells wide) along the axis from the lower calf to the
// upper thigh therefore lies almost entirely on the SBL: nearly all painted cells (well over 50%)
// are SBL cells, and the mean intensity there is the brush intensity, 6.
TEST(FascialMetrics, BackOfCalfAndHamstringsCountsMostlyToSbl) {
    const BodyTemplate& t = defaultTemplate();
    PainMap map = PainMap::blankFor(t);
    stroke(map, t, ViewId::Back, {{206.5f, 920.f}, {208.f, 840.f}, {210.f, 728.f}, {209.f, 640.f}, {208.f, 580.f}},
           7.0f, 6);
    const MapMetrics m = metricsOf(map, t);
    const FascialLineMetrics* sbl = m.fascial.find("SBL");
    ASSERT_NE(sbl, nullptr);
    EXPECT_GT(m.overall.cells.paintedCells, 3000);  // ~340 cells long x 14 wide
    EXPECT_GT(sbl->sharePct, 50.0);
    EXPECT_DOUBLE_EQ(sbl->meanIntensity(), 6.0);
    EXPECT_DOUBLE_EQ(sbl->sharePct, 100.0 * sbl->paintedCells / m.overall.cells.paintedCells);
    // No front-view line gets any of it.
    EXPECT_EQ(m.fascial.find("SFL")->paintedCells, 0);
    EXPECT_EQ(m.fascial.find("DFL")->paintedCells, 0);
    // SBL has the largest share of all lines.
    for (const FascialLineMetrics& l : m.fascial.lines) EXPECT_LE(l.sharePct, sbl->sharePct) << l.line;
}

// A stroke down the front of the LEFT shin. On the front view the patient's left is the
// viewer's RIGHT: the leg axis is mirrored to x = 512 - 210 = 302 at the knee and 306 at the
// ankle. The SFL shin band is centred 3-4 cells lateral of that axis (tibialis anterior; lateral
// is +x on this half), 18 cells wide; a radius-6 brush along x = 305-307 from below the knee to
// above the ankle stays within it, so more than half (nearly all) painted cells are SFL cells.
TEST(FascialMetrics, FrontOfShinCountsMostlyToSfl) {
    const BodyTemplate& t = defaultTemplate();
    PainMap map = PainMap::blankFor(t);
    stroke(map, t, ViewId::Front, {{306.f, 785.f}, {307.f, 850.f}, {308.f, 920.f}}, 6.0f, 4);
    const MapMetrics m = metricsOf(map, t);
    const FascialLineMetrics* sfl = m.fascial.find("SFL");
    ASSERT_NE(sfl, nullptr);
    EXPECT_GT(sfl->sharePct, 50.0);
    EXPECT_DOUBLE_EQ(sfl->meanIntensity(), 4.0);
    EXPECT_EQ(m.fascial.find("SBL")->paintedCells, 0);  // a back-view line
    for (const FascialLineMetrics& l : m.fascial.lines) EXPECT_LE(l.sharePct, sfl->sharePct) << l.line;
    // The painted cells are on the patient's left: the left SFL shin band has them.
    const int leftShin = t.bandIndex("sfl-left-shin");
    ASSERT_GE(leftShin, 0);
    int onLeftShin = 0;
    for (std::uint32_t c : t.bandCells(leftShin)) onLeftShin += map.layer(ViewId::Front).intensity[c] > 0;
    EXPECT_EQ(onLeftShin, sfl->paintedCells);
}

// A whole body painted at 4 (many painted cells, so the band lists are walked): every cell of
// every band is painted, so each line's painted cells equal its band cells (bands of one line
// never overlap) and its mean intensity is exactly 4.
TEST(FascialMetrics, WholeBodyPaintedCoversEveryBandCell) {
    const auto& t = bodymap::test::defaultTemplate();
    bodymap::maps::PainMap m = bodymap::maps::PainMap::blankFor(t);
    bodymap::maps::BrushSettings b;
    b.intensity = 4;
    for (std::size_t r = 0; r < t.regions.size(); ++r) {
        bodymap::maps::fillRegion(m, t, static_cast<int>(r), b);
    }
    auto metrics = bodymap::maps::computeMetrics(m, t);
    ASSERT_TRUE(metrics.ok());
    ASSERT_EQ(metrics->fascial.lines.size(), 12u);
    for (const auto& line : metrics->fascial.lines) {
        EXPECT_GT(line.bandCells, 0) << line.line;
        EXPECT_EQ(line.paintedCells, line.bandCells) << line.line;
        EXPECT_DOUBLE_EQ(line.meanIntensity(), 4.0) << line.line;
    }
}
