// The series of compact maps (summarizeSeries of CompactMaps, SeriesBuilder fed compact maps) and
// the series built one visit at a time give what summarizeSeries of dense maps gives, bit for bit:
// on the example visits of one client read by both readers and given out of order, and on random
// maps (paint inside and outside the body, ties in visit time); errors alike; and the figures of
// the frequency and mean-intensity maps (seriesFigures) against counts made here cell by cell.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "maps/compact_map.h"
#include "maps/comparison.h"
#include "maps/map_format.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
using bodymap::test::defaultRegistry;
using bodymap::test::defaultTemplate;
using bodymap::test::tinyTemplate;

namespace {

// The example client's visit files, in file-name (= time) order.
std::vector<std::string> exampleFiles() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(bodymap::test::assetsPath("examples/demo-anna"))) {
        if (e.path().filename() != "client.json") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The example client's five visits, in file-name (= time) order.
std::vector<PainMap> exampleVisits() {
    const std::vector<std::string> files = exampleFiles();
    std::vector<PainMap> out;
    for (const auto& f : files) {
        auto m = loadMap(f, defaultRegistry());
        EXPECT_TRUE(m.ok()) << m.error();
        if (m) out.push_back(std::move(m.value()));
    }
    return out;
}

// A map with `blobs` rectangles of random intensity anywhere on the grid (so also outside the
// body), and a visit time from a handful (so that some visits tie).
PainMap randomMap(const BodyTemplate& t, std::mt19937& rng, int blobs) {
    PainMap m = PainMap::blankFor(t);
    std::uniform_int_distribution<int> day(1, 6), value(0, 10), view(0, 1);
    m.info.visitTime = "2026-03-0" + std::to_string(day(rng)) + "T10:00:00";
    for (int b = 0; b < blobs; ++b) {
        const ViewId v = view(rng) == 0 ? ViewId::Front : ViewId::Back;
        std::uniform_int_distribution<int> xs(0, t.width - 1), ys(0, t.height - 1), size(1, std::max(2, t.width / 4));
        const int x0 = xs(rng), y0 = ys(rng), w = size(rng), h = size(rng);
        const int k = value(rng);
        for (int y = y0; y < std::min(t.height, y0 + h); ++y) {
            for (int x = x0; x < std::min(t.width, x0 + w); ++x) {
                m.layer(v).intensity[m.index(x, y)] = static_cast<std::uint8_t>(k);
                m.layer(v).qualities[m.index(x, y)] = static_cast<std::uint8_t>(k > 0 ? value(rng) % 32 : 0);
            }
        }
    }
    return m;
}

template <class Map>
std::vector<const Map*> pointers(const std::vector<Map>& maps) {
    std::vector<const Map*> out;
    for (const auto& m : maps) out.push_back(&m);
    return out;
}

std::vector<CompactMap> compactOf(const std::vector<PainMap>& maps) {
    std::vector<CompactMap> out;
    for (const auto& m : maps) out.push_back(compactFrom(m));
    return out;
}

// Every field of two summaries equal, floats compared exactly.
void expectSameSummary(const SeriesSummary& a, const SeriesSummary& b) {
    EXPECT_EQ(a.order, b.order);
    EXPECT_EQ(a.visitTimes, b.visitTimes);
    EXPECT_EQ(a.width, b.width);
    EXPECT_EQ(a.height, b.height);
    for (std::size_t v = 0; v < kViewCount; ++v) {
        EXPECT_TRUE(a.frequency[v] == b.frequency[v]) << "frequency, view " << v;
        EXPECT_TRUE(a.meanIntensity[v] == b.meanIntensity[v]) << "mean intensity, view " << v;
    }
    ASSERT_EQ(a.trends.size(), b.trends.size());
    for (std::size_t i = 0; i < a.trends.size(); ++i) {
        EXPECT_EQ(a.trends[i].key, b.trends[i].key);
        EXPECT_EQ(a.trends[i].label, b.trends[i].label);
        EXPECT_TRUE(a.trends[i].values == b.trends[i].values) << a.trends[i].key;
    }
    ASSERT_EQ(a.metrics.size(), b.metrics.size());
    for (std::size_t k = 0; k < a.metrics.size(); ++k) {
        ASSERT_EQ(a.metrics[k].regions.size(), b.metrics[k].regions.size());
        for (std::size_t r = 0; r < a.metrics[k].regions.size(); ++r) {
            EXPECT_EQ(a.metrics[k].regions[r].paintedCells, b.metrics[k].regions[r].paintedCells);
            EXPECT_EQ(a.metrics[k].regions[r].intensitySum, b.metrics[k].regions[r].intensitySum);
            EXPECT_EQ(a.metrics[k].regions[r].maxIntensity, b.metrics[k].regions[r].maxIntensity);
            EXPECT_EQ(a.metrics[k].regions[r].qualities, b.metrics[k].regions[r].qualities);
        }
    }
}

// The builder fed in the given order against summarizeSeries of the same list.
void expectBuilderMatches(const std::vector<const PainMap*>& visits, const BodyTemplate& t) {
    auto dense = summarizeSeries(visits, t);
    ASSERT_TRUE(dense.ok()) << dense.error();
    SeriesBuilder b(t);
    for (const PainMap* m : visits) ASSERT_TRUE(b.add(*m).ok());
    EXPECT_EQ(b.size(), visits.size());
    auto built = b.finish();
    ASSERT_TRUE(built.ok()) << built.error();
    expectSameSummary(dense.value(), built.value());
    EXPECT_EQ(b.size(), 0u);  // finished: empty again
}

// The compact paths (summarizeSeries of compact maps; the builder fed them) against the dense
// summarizeSeries of the same visits in the same order.
void expectCompactMatches(const std::vector<const PainMap*>& dense, const std::vector<const CompactMap*>& compact,
                          const BodyTemplate& t) {
    ASSERT_EQ(dense.size(), compact.size());
    auto a = summarizeSeries(dense, t);
    ASSERT_TRUE(a.ok()) << a.error();
    auto b = summarizeSeries(compact, t);
    ASSERT_TRUE(b.ok()) << b.error();
    expectSameSummary(a.value(), b.value());
    SeriesBuilder builder(t);
    for (const CompactMap* m : compact) ASSERT_TRUE(builder.add(*m).ok());
    auto c = builder.finish();
    ASSERT_TRUE(c.ok()) << c.error();
    expectSameSummary(a.value(), c.value());
    // With the metrics computed beforehand (as the series command does on its reading threads).
    SeriesBuilder given(t);
    for (const CompactMap* m : compact) {
        auto metrics = computeMetrics(*m, t, given.rule());
        ASSERT_TRUE(metrics.ok());
        ASSERT_TRUE(given.add(*m, std::move(metrics.value())).ok());
    }
    auto d = given.finish();
    ASSERT_TRUE(d.ok()) << d.error();
    expectSameSummary(a.value(), d.value());
}

}  // namespace

TEST(SeriesCompactTest, ExampleVisitsReadByBothReadersGiveTheDenseSeries) {
    const std::vector<std::string> files = exampleFiles();
    ASSERT_EQ(files.size(), 5u);
    std::vector<PainMap> dense;
    std::vector<CompactMap> compact;
    for (std::size_t i : {3u, 0u, 4u, 2u, 1u}) {  // out of time order
        auto d = loadMap(files[i], defaultRegistry());
        auto c = loadCompactMap(files[i], defaultRegistry());
        ASSERT_TRUE(d.ok() && c.ok()) << files[i];
        dense.push_back(std::move(d.value()));
        compact.push_back(std::move(c.value()));
    }
    expectCompactMatches(pointers(dense), pointers(compact), defaultTemplate());
    auto s = summarizeSeries(pointers(compact), defaultTemplate());
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->order, (std::vector<std::size_t>{1, 4, 3, 0, 2}));
    // The figures the CLI test checks against the files' own runs: 16,814 cells painted in some
    // visit, 4,222 in at least 3 of the 5, 482 in all; highest mean (the back's lower right) 4.6.
    const SeriesFigures f = seriesFigures(s.value(), defaultTemplate());
    EXPECT_EQ(f.overall.everPainted, 16814);
    EXPECT_EQ(f.overall.halfOrMore, 4222);
    EXPECT_EQ(f.overall.everyVisit, 482);
    EXPECT_NEAR(f.overall.maxMean, 4.6, 1e-6);
}

TEST(SeriesCompactTest, RandomMapsGiveTheDenseSeries) {
    std::mt19937 rng(42);
    for (int round = 0; round < 30; ++round) {
        std::uniform_int_distribution<int> count(1, 8), blobs(0, 7);
        std::vector<PainMap> visits;
        const int n = count(rng);
        for (int k = 0; k < n; ++k) visits.push_back(randomMap(tinyTemplate(), rng, blobs(rng)));
        const std::vector<CompactMap> compact = compactOf(visits);
        SCOPED_TRACE("round " + std::to_string(round));
        expectCompactMatches(pointers(visits), pointers(compact), tinyTemplate());
    }
    for (int round = 0; round < 2; ++round) {
        std::vector<PainMap> visits;
        for (int k = 0; k < 5; ++k) visits.push_back(randomMap(defaultTemplate(), rng, 6));
        const std::vector<CompactMap> compact = compactOf(visits);
        expectCompactMatches(pointers(visits), pointers(compact), defaultTemplate());
    }
}

TEST(SeriesCompactTest, ErrorsAsTheDenseSeries) {
    const BodyTemplate& t = tinyTemplate();
    EXPECT_FALSE(summarizeSeries(std::vector<const CompactMap*>{}, t).ok());
    const PainMap ok = PainMap::blankFor(t);
    const PainMap other("other", 1, 16, 16);
    const CompactMap okC = compactFrom(ok), otherC = compactFrom(other);
    auto dense = summarizeSeries(std::vector<const PainMap*>{&ok, &other}, t);
    auto compact = summarizeSeries(std::vector<const CompactMap*>{&okC, &otherC}, t);
    ASSERT_FALSE(dense.ok());
    ASSERT_FALSE(compact.ok());
    EXPECT_EQ(dense.error().substr(0, 8), "visit 2:");
    EXPECT_EQ(compact.error().substr(0, 8), "visit 2:");
    EXPECT_FALSE(summarizeSeries(std::vector<const CompactMap*>{&okC, nullptr}, t).ok());
    SeriesBuilder b(t);
    EXPECT_FALSE(b.add(otherC).ok());
    EXPECT_EQ(b.size(), 0u);
}

TEST(SeriesBuilderTest, ExampleVisitsGivenOutOfOrderMatchSummarizeSeries) {
    std::vector<PainMap> visits = exampleVisits();
    ASSERT_EQ(visits.size(), 5u);
    std::vector<const PainMap*> shuffled = {&visits[3], &visits[0], &visits[4], &visits[2], &visits[1]};
    expectBuilderMatches(shuffled, defaultTemplate());
}

TEST(SeriesBuilderTest, RandomMapsMatchSummarizeSeries) {
    std::mt19937 rng(20260917);
    for (int round = 0; round < 20; ++round) {
        std::uniform_int_distribution<int> count(1, 9), blobs(0, 6);
        std::vector<PainMap> visits;
        const int n = count(rng);
        for (int k = 0; k < n; ++k) visits.push_back(randomMap(tinyTemplate(), rng, blobs(rng)));
        SCOPED_TRACE("round " + std::to_string(round));
        expectBuilderMatches(pointers(visits), tinyTemplate());
    }
    for (int round = 0; round < 2; ++round) {
        std::vector<PainMap> visits;
        for (int k = 0; k < 4; ++k) visits.push_back(randomMap(defaultTemplate(), rng, 5));
        expectBuilderMatches(pointers(visits), defaultTemplate());
    }
}

TEST(SeriesBuilderTest, RefusesAMapOnAnotherTemplateAndAnEmptySeries) {
    SeriesBuilder b(tinyTemplate());
    EXPECT_FALSE(b.finish().ok());
    PainMap other("other", 1, 16, 16);
    EXPECT_FALSE(b.add(other).ok());
    EXPECT_EQ(b.size(), 0u);
    EXPECT_TRUE(b.add(PainMap::blankFor(tinyTemplate())).ok());
    EXPECT_EQ(b.size(), 1u);
}

TEST(SeriesFiguresTest, CountsOfKnownSeries) {
    const BodyTemplate& t = tinyTemplate();
    // Four visits. Front (3,3): painted in all four (8); front (4,3): in two (2, then 4); front
    // (5,3): in one (6); back (3,3): in three (10). Front (0,0) is outside the body: painted in
    // every visit and counted nowhere.
    std::vector<PainMap> visits;
    for (int k = 0; k < 4; ++k) {
        PainMap m = PainMap::blankFor(t);
        m.info.visitTime = "2026-04-0" + std::to_string(k + 1) + "T09:00:00";
        bodymap::test::paintCell(m, ViewId::Front, 3, 3, 8);
        if (k < 2) bodymap::test::paintCell(m, ViewId::Front, 4, 3, 2 + 2 * k);
        if (k == 3) bodymap::test::paintCell(m, ViewId::Front, 5, 3, 6);
        if (k >= 1) bodymap::test::paintCell(m, ViewId::Back, 3, 3, 10);
        bodymap::test::paintCell(m, ViewId::Front, 0, 0, 9);
        visits.push_back(std::move(m));
    }
    auto s = summarizeSeries(pointers(visits), t);
    ASSERT_TRUE(s.ok()) << s.error();
    const SeriesFigures f = seriesFigures(s.value(), t);
    EXPECT_EQ(f.visits, 4u);
    const SeriesCellFigures& front = f.views[0];
    const SeriesCellFigures& back = f.views[1];
    EXPECT_EQ(front.bodyCells, 144);
    EXPECT_EQ(front.everPainted, 3);
    EXPECT_EQ(front.halfOrMore, 2);   // 4 of 4 and 2 of 4
    EXPECT_EQ(front.everyVisit, 1);
    EXPECT_DOUBLE_EQ(front.maxShare, 1.0);
    EXPECT_DOUBLE_EQ(front.maxMean, 8.0);
    EXPECT_NEAR(front.meanSum, 8.0 + 6.0 / 4 + 6.0 / 4, 1e-6);  // (2 + 4) / 4 and 6 / 4
    EXPECT_EQ(back.everPainted, 1);
    EXPECT_EQ(back.halfOrMore, 1);
    EXPECT_EQ(back.everyVisit, 0);
    EXPECT_DOUBLE_EQ(back.maxShare, 0.75);
    EXPECT_DOUBLE_EQ(back.maxMean, 7.5);
    EXPECT_EQ(f.overall.bodyCells, 288);
    EXPECT_EQ(f.overall.everPainted, 4);
    EXPECT_EQ(f.overall.halfOrMore, 3);
    EXPECT_EQ(f.overall.everyVisit, 1);
    EXPECT_DOUBLE_EQ(f.overall.maxMean, 8.0);
    EXPECT_DOUBLE_EQ(f.overall.everPaintedPct(), 100.0 * 4 / 288);
    // All four front cells are in front-right-chest (x < 8); back (3,3) in back-left-upper.
    const auto& chest = f.regions[static_cast<std::size_t>(t.regionIndex("front-right-chest"))];
    EXPECT_EQ(chest.everPainted, 3);
    EXPECT_EQ(chest.halfOrMore, 2);
    EXPECT_EQ(f.regions[static_cast<std::size_t>(t.regionIndex("front-left-chest"))].everPainted, 0);
    EXPECT_EQ(f.regions[static_cast<std::size_t>(t.regionIndex("back-left-upper"))].halfOrMore, 1);
}

TEST(SeriesFiguresTest, MeanBurdenIsTheMeanOfTheVisitsBurdens) {
    std::mt19937 rng(7);
    std::vector<PainMap> visits;
    for (int k = 0; k < 6; ++k) visits.push_back(randomMap(tinyTemplate(), rng, 4));
    auto s = summarizeSeries(pointers(visits), tinyTemplate());
    ASSERT_TRUE(s.ok());
    const SeriesFigures f = seriesFigures(s.value(), tinyTemplate());
    double burden = 0;
    for (const MapMetrics& m : s->metrics) burden += m.overall.cells.burden();
    EXPECT_NEAR(f.overall.meanBurden(), burden / 6, 1e-6);
}
