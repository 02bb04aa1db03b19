// Comparison against hand-computed cases on the tiny 16x16 template: cell classes, the amount
// of change, Jaccard of known rectangles, metric and region changes, and a known series.
#include <gtest/gtest.h>

#include "maps/comparison.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::tinyTemplate;

namespace {

void paintRect(PainMap& m, ViewId v, int x0, int y0, int x1, int y1, int intensity) {
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) m.layer(v).intensity[m.index(x, y)] = static_cast<std::uint8_t>(intensity);
    }
}
void set(PainMap& m, ViewId v, int x, int y, int intensity) { paintRect(m, v, x, y, x + 1, y + 1, intensity); }

int count(const ChangeCounts& c, CellChange k) { return c[static_cast<std::size_t>(k)]; }

DifferenceMap diffOf(const PainMap& a, const PainMap& b) {
    auto d = differenceMap(a, b, tinyTemplate());
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error());
    return d.value();
}

}  // namespace

TEST(CellChangeRule, Table) {
    EXPECT_EQ(classifyChange(0, 0), CellChange::None);
    EXPECT_EQ(classifyChange(0, 3), CellChange::New);
    EXPECT_EQ(classifyChange(4, 0), CellChange::Resolved);
    EXPECT_EQ(classifyChange(4, 7), CellChange::Worse);
    EXPECT_EQ(classifyChange(7, 4), CellChange::Better);
    EXPECT_EQ(classifyChange(5, 5), CellChange::Unchanged);
    EXPECT_EQ(cellChangeId(CellChange::Resolved), "resolved");
}

TEST(DifferenceMapTest, FiveCellsOneOfEachKind) {
    const auto& t = tinyTemplate();
    PainMap a = PainMap::blankFor(t), b = PainMap::blankFor(t);
    // Row y = 2 of the front view, x = 2..6:  before 3 5 5 4 0 ; after 0 7 5 2 6
    set(a, ViewId::Front, 2, 2, 3);  // -> 0 resolved, delta -3
    set(a, ViewId::Front, 3, 2, 5);
    set(b, ViewId::Front, 3, 2, 7);  // worse, +2
    set(a, ViewId::Front, 4, 2, 5);
    set(b, ViewId::Front, 4, 2, 5);  // unchanged, 0
    set(a, ViewId::Front, 5, 2, 4);
    set(b, ViewId::Front, 5, 2, 2);  // better, -2
    set(b, ViewId::Front, 6, 2, 6);  // new, +6
    set(b, ViewId::Back, 0, 0, 9);   // outside the body: ignored
    const DifferenceMap d = diffOf(a, b);
    EXPECT_EQ(count(d.counts, CellChange::New), 1);
    EXPECT_EQ(count(d.counts, CellChange::Resolved), 1);
    EXPECT_EQ(count(d.counts, CellChange::Worse), 1);
    EXPECT_EQ(count(d.counts, CellChange::Better), 1);
    EXPECT_EQ(count(d.counts, CellChange::Unchanged), 1);
    EXPECT_EQ(count(d.counts, CellChange::None), 288 - 5);       // body cells of both views
    EXPECT_EQ(count(d.viewCounts[1], CellChange::None), 144);
    EXPECT_EQ(d.deltaSum, 3);      // -3 + 2 + 0 - 2 + 6
    EXPECT_EQ(d.absDeltaSum, 13);  // 3 + 2 + 0 + 2 + 6
    const auto& f = d.layer(ViewId::Front);
    EXPECT_EQ(f.change[a.index(2, 2)], CellChange::Resolved);
    EXPECT_EQ(f.delta[a.index(2, 2)], -3);
    EXPECT_EQ(f.delta[a.index(6, 2)], 6);
    EXPECT_EQ(d.layer(ViewId::Back).change[a.index(0, 0)], CellChange::None);
    // All five cells lie in front-right-chest (x < 8).
    const auto& rc = d.regionCounts[static_cast<std::size_t>(t.regionIndex("front-right-chest"))];
    EXPECT_EQ(count(rc, CellChange::None), 72 - 5);
    EXPECT_EQ(count(rc, CellChange::New), 1);
}

TEST(JaccardTest, OverlappingSquares) {
    const auto& t = tinyTemplate();
    PainMap a = PainMap::blankFor(t), b = PainMap::blankFor(t);
    // A: x 2..7, y 2..7 (36 cells). B: x 4..9, y 2..7 (36). A∩B: x 4..7 -> 4 x 6 = 24.
    // A∪B = 36 + 36 - 24 = 48. J = 24 / 48 = 0.5. Intensities differ: overlap is about area.
    paintRect(a, ViewId::Front, 2, 2, 8, 8, 3);
    paintRect(b, ViewId::Front, 4, 2, 10, 8, 8);
    auto o = jaccardOverlap(a, b, t);
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o->intersection, 24);
    EXPECT_EQ(o->unionCells, 48);
    EXPECT_DOUBLE_EQ(o->jaccard, 0.5);
}

TEST(JaccardTest, BothViewsCount) {
    const auto& t = tinyTemplate();
    PainMap a = PainMap::blankFor(t), b = PainMap::blankFor(t);
    // Front: the same 10 cells in both. Back: 30 cells only in b. J = 10 / 40 = 0.25.
    paintRect(a, ViewId::Front, 2, 2, 12, 3, 5);
    paintRect(b, ViewId::Front, 2, 2, 12, 3, 5);
    paintRect(b, ViewId::Back, 2, 5, 12, 8, 5);
    EXPECT_DOUBLE_EQ(jaccardOverlap(a, b, t)->jaccard, 0.25);
}

TEST(JaccardTest, EmptyCases) {
    const auto& t = tinyTemplate();
    PainMap a = PainMap::blankFor(t), b = PainMap::blankFor(t);
    EXPECT_DOUBLE_EQ(jaccardOverlap(a, b, t)->jaccard, 1.0);  // both blank: identical by definition
    set(b, ViewId::Back, 5, 5, 2);
    EXPECT_DOUBLE_EQ(jaccardOverlap(a, b, t)->jaccard, 0.0);  // 0 / 1
    EXPECT_DOUBLE_EQ(jaccardOverlap(b, b, t)->jaccard, 1.0);  // 1 / 1
}

TEST(CompareTest, DifferentTemplatesAreAnError) {
    const auto& t = tinyTemplate();
    PainMap a = PainMap::blankFor(t);
    PainMap b("other", 1, 16, 16);
    auto d = differenceMap(a, b, t);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().find("different templates"), std::string::npos);
    EXPECT_FALSE(compareMaps(a, b, t).ok());
}

TEST(CompareTest, MetricAndRegionChanges) {
    const auto& t = tinyTemplate();
    PainMap a = PainMap::blankFor(t), b = PainMap::blankFor(t);
    // Before: 72 cells of front-right-chest at 5 (x 2..7, y 2..13). After: that region at 5 still,
    // plus back-left-upper fully at 10 (36 cells), plus front-left-chest 72 cells at 2.
    paintRect(a, ViewId::Front, 2, 2, 8, 14, 5);
    paintRect(b, ViewId::Front, 2, 2, 8, 14, 5);
    paintRect(b, ViewId::Back, 2, 2, 8, 8, 10);
    paintRect(b, ViewId::Front, 8, 2, 14, 14, 2);
    auto c = compareMaps(a, b, t, PainfulAreaRule{4, 1.0});
    ASSERT_TRUE(c.ok()) << c.error();

    // Jaccard: intersection 72, union 72 + 36 + 72 = 180 -> 0.4.
    EXPECT_DOUBLE_EQ(c->overlap.jaccard, 0.4);
    // Extent: 72/288 = 25 % -> 180/288 = 62.5 %, change +37.5.
    const MetricChange* extent = nullptr;
    const MetricChange* wpi = nullptr;
    for (const auto& mc : c->metrics) {
        if (mc.key == "extent_pct") extent = &mc;
        if (mc.key == "wpi") wpi = &mc;
    }
    ASSERT_TRUE(extent && wpi);
    EXPECT_DOUBLE_EQ(*extent->before, 25.0);
    EXPECT_DOUBLE_EQ(*extent->after, 62.5);
    EXPECT_DOUBLE_EQ(*extent->change, 37.5);
    EXPECT_DOUBLE_EQ(*wpi->change, 1.0);  // chest -> chest + upper back

    // Regions: back-left-upper burden 0 -> 1 (36 x 10 / 360); front-left-chest 0 -> 0.2
    // (72 x 2 / 720); front-right-chest unchanged (omitted). Largest burden change first.
    ASSERT_EQ(c->regions.size(), 2u);
    EXPECT_EQ(c->regions[0].region, t.regionIndex("back-left-upper"));
    EXPECT_DOUBLE_EQ(c->regions[0].burdenChange(), 1.0);
    EXPECT_DOUBLE_EQ(c->regions[0].coverageChangePct(), 100.0);
    EXPECT_EQ(c->regions[1].region, t.regionIndex("front-left-chest"));
    EXPECT_DOUBLE_EQ(c->regions[1].burdenChange(), 0.2);
    EXPECT_EQ(count(c->regions[1].cells, CellChange::New), 72);
}

TEST(SeriesTest, FrequencyAndMeanIntensityOfKnownSeries) {
    const auto& t = tinyTemplate();
    PainMap v1 = PainMap::blankFor(t), v2 = PainMap::blankFor(t), v3 = PainMap::blankFor(t);
    v1.info.visitTime = "2026-01-10T10:00:00";
    v2.info.visitTime = "2026-02-10T10:00:00";
    v3.info.visitTime = "2026-03-10T10:00:00";
    // Cell (2,2) front: 3, 0, 6 -> painted in 2 of 3 (0.667), mean (3 + 0 + 6) / 3 = 3.
    set(v1, ViewId::Front, 2, 2, 3);
    set(v3, ViewId::Front, 2, 2, 6);
    // Cell (5,5) back: 10 in all three -> frequency 1, mean 10.
    for (PainMap* m : {&v1, &v2, &v3}) set(*m, ViewId::Back, 5, 5, 10);
    // Given out of order: the summary sorts by visit time.
    auto s = summarizeSeries({&v3, &v1, &v2}, t);
    ASSERT_TRUE(s.ok()) << s.error();
    ASSERT_EQ(s->order.size(), 3u);
    EXPECT_EQ(s->order[0], 1u);  // v1
    EXPECT_EQ(s->order[1], 2u);  // v2
    EXPECT_EQ(s->order[2], 0u);  // v3
    EXPECT_EQ(s->visitTimes[0], "2026-01-10T10:00:00");
    const std::size_t f22 = v1.index(2, 2), b55 = v1.index(5, 5), f33 = v1.index(3, 3);
    EXPECT_FLOAT_EQ(s->frequency[0][f22], 2.0f / 3.0f);
    EXPECT_FLOAT_EQ(s->meanIntensity[0][f22], 3.0f);
    EXPECT_FLOAT_EQ(s->frequency[1][b55], 1.0f);
    EXPECT_FLOAT_EQ(s->meanIntensity[1][b55], 10.0f);
    EXPECT_FLOAT_EQ(s->frequency[0][f33], 0.0f);
    // Trend of painted cells, in date order: v1 2, v2 1, v3 2.
    const MetricTrend* painted = nullptr;
    for (const auto& tr : s->trends) {
        if (tr.key == "painted_cells") painted = &tr;
    }
    ASSERT_NE(painted, nullptr);
    ASSERT_EQ(painted->values.size(), 3u);
    EXPECT_DOUBLE_EQ(*painted->values[0], 2.0);
    EXPECT_DOUBLE_EQ(*painted->values[1], 1.0);
    EXPECT_DOUBLE_EQ(*painted->values[2], 2.0);
}

TEST(SeriesTest, EmptyAndMismatchedAreErrors) {
    const auto& t = tinyTemplate();
    // Typed lists: two pointers in braces would also fit the compact maps' overload (as an
    // iterator pair).
    EXPECT_FALSE(summarizeSeries(std::vector<const PainMap*>{}, t).ok());
    PainMap other("other", 1, 16, 16);
    PainMap ok = PainMap::blankFor(t);
    EXPECT_FALSE(summarizeSeries(std::vector<const PainMap*>{&ok, &other}, t).ok());
}
