// Series images: on the tiny template, a cell painted in every visit carries the darkest
// frequency colour, one painted in half the visits the middle colour, an unpainted body cell the
// body colour, outside the background; the mean-intensity map and the legends likewise.
#include <gtest/gtest.h>

#include <cmath>

#include "maps/comparison.h"
#include "render/series_image.h"
#include "tests/support/image_support.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using maps::ViewId;
using render::Rgba;
using render::SeriesMapKind;
using test::countColor;
using test::expectColor;
using test::paintCell;

namespace {

// Four visits on the tiny template: front (4,4) painted 8 in all four; front (10,10) painted 6
// in the first two; back (5,11) painted 2 in the last one.
struct Series {
    std::vector<maps::PainMap> maps;
    maps::SeriesSummary summary;
};
Series fourVisits() {
    const auto& t = test::tinyTemplate();
    Series s;
    for (int k = 0; k < 4; ++k) {
        maps::PainMap m = maps::PainMap::blankFor(t);
        m.info.visitTime = "2026-09-0" + std::to_string(k + 1) + "T10:00:00";
        paintCell(m, ViewId::Front, 4, 4, 8);
        if (k < 2) paintCell(m, ViewId::Front, 10, 10, 6);
        if (k == 3) paintCell(m, ViewId::Back, 5, 11, 2);
        s.maps.push_back(std::move(m));
    }
    std::vector<const maps::PainMap*> ptrs;
    for (const auto& m : s.maps) ptrs.push_back(&m);
    auto r = maps::summarizeSeries(ptrs, t);
    if (r) s.summary = std::move(r.value());
    return s;
}
}  // namespace

TEST(SeriesImage, FrequencyScaleIsSequential) {
    EXPECT_EQ(render::frequencyColor(0.0).a, 0);
    EXPECT_EQ(render::frequencyColor(-1.0).a, 0);
    // Darker (lower luminance) as the share grows: the order reads without hue perception.
    auto lum = [](Rgba c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; };
    double last = 1e9;
    for (int k = 1; k <= 10; ++k) {
        const Rgba c = render::frequencyColor(k / 10.0);
        EXPECT_EQ(c.a, 255);
        EXPECT_LT(lum(c), last) << "share " << k / 10.0;
        last = lum(c);
    }
    const Rgba top = render::frequencyColor(1.0);
    EXPECT_EQ(top.r, 8);
    EXPECT_EQ(top.g, 29);
    EXPECT_EQ(top.b, 88);
}

TEST(SeriesImage, MeanIntensityFollowsTheIntensityScale) {
    EXPECT_EQ(render::meanIntensityColor(0.0).a, 0);
    for (int k = 1; k <= 10; ++k) {
        const Rgba a = render::meanIntensityColor(k), b = render::intensityColor(k);
        EXPECT_EQ(a.r, b.r);
        EXPECT_EQ(a.g, b.g);
        EXPECT_EQ(a.b, b.b);
    }
    EXPECT_LT(render::meanIntensityColor(0.5).a, 255);
    EXPECT_GT(render::meanIntensityColor(0.5).a, 0);
}

TEST(SeriesImage, CellImageCarriesTheShareOfEachCell) {
    const auto& t = test::tinyTemplate();
    const Series s = fourVisits();
    ASSERT_EQ(s.summary.order.size(), 4u);
    const auto img = render::seriesCellImage(t, s.summary, SeriesMapKind::Frequency, ViewId::Front);
    ASSERT_EQ(img.width, t.width);
    ASSERT_EQ(img.height, t.height);
    expectColor(img, 4, 4, render::frequencyColor(1.0), "every visit");
    expectColor(img, 10, 10, render::frequencyColor(0.5), "half the visits");
    EXPECT_EQ(img.at(7, 7)[3], 0) << "never painted";
    EXPECT_EQ(img.at(0, 0)[3], 0) << "outside the body";
    const auto back = render::seriesCellImage(t, s.summary, SeriesMapKind::Frequency, ViewId::Back);
    expectColor(back, 5, 11, render::frequencyColor(0.25), "one visit of four");
    const auto mean = render::seriesCellImage(t, s.summary, SeriesMapKind::MeanIntensity, ViewId::Front);
    expectColor(mean, 4, 4, render::meanIntensityColor(8.0), "mean 8");
    expectColor(mean, 10, 10, render::meanIntensityColor(3.0), "mean (6+6+0+0)/4 = 3");
}

TEST(SeriesImage, MapPanelsShowCellsOnTheChart) {
    const auto& t = test::tinyTemplate();
    const Series s = fourVisits();
    const int widthPx = 330;
    const double gap = t.width * 0.06;
    const double scale = widthPx / (2.0 * t.width + gap);  // ~10 px per cell
    const auto img = render::renderSeriesMap(t, s.summary, SeriesMapKind::Frequency, widthPx);
    EXPECT_EQ(img.width, widthPx);
    EXPECT_EQ(img.height, static_cast<int>(std::lround(render::panelHeightCells(t) * scale)));
    auto front = [&](int x, int y) { return std::pair{(x + 0.5) * scale, (y + 0.5) * scale}; };
    auto back = [&](int x, int y) {
        return std::pair{(t.width + gap + x + 0.5) * scale, (y + 0.5) * scale};
    };
    auto check = [&](std::pair<double, double> p, Rgba c, const char* what) {
        expectColor(img, p.first, p.second, c, what);
    };
    check(front(4, 4), render::frequencyColor(1.0), "every visit");
    check(front(10, 10), render::frequencyColor(0.5), "half the visits");
    check(back(5, 11), render::frequencyColor(0.25), "one visit of four");
    check(front(7, 11), render::palette::kBody, "never painted");
    check(back(10, 5), render::palette::kBody, "never painted (back)");
    check(front(1, 8), render::palette::kBackground, "outside");
    // The front (4,4) colour appears on the front panel only.
    const int frontCells = countColor(img, 0, img.height, render::frequencyColor(1.0));
    EXPECT_GT(frontCells, 50);
    EXPECT_LT(frontCells, 200);

    const auto mean = render::renderSeriesMap(t, s.summary, SeriesMapKind::MeanIntensity, widthPx);
    expectColor(mean, front(4, 4).first, front(4, 4).second, render::meanIntensityColor(8.0), "mean 8");
}

TEST(SeriesImage, LegendShowsTheScale) {
    const auto& t = test::tinyTemplate();
    const Series s = fourVisits();
    const int widthPx = 400;
    const auto plain = render::renderSeriesMap(t, s.summary, SeriesMapKind::Frequency, widthPx);
    const auto img = render::renderSeriesMap(t, s.summary, SeriesMapKind::Frequency, widthPx, true);
    ASSERT_GT(img.height, plain.height);
    // The bar holds the light and the dark end of the scale below the views.
    EXPECT_GT(countColor(img, plain.height, img.height, render::frequencyColor(1.0)), 10);
    EXPECT_GT(countColor(img, plain.height, img.height, render::frequencyColor(0.2)), 10);
}

TEST(SeriesImage, WrongGridDrawsNoCells) {
    const auto& t = test::tinyTemplate();
    maps::SeriesSummary empty;
    EXPECT_EQ(render::seriesCellImage(t, empty, SeriesMapKind::Frequency, ViewId::Front).width, 0);
    const auto img = render::renderSeriesMap(t, empty, SeriesMapKind::Frequency, 200);
    EXPECT_GT(img.height, 0);  // the chart is still drawn, without colours
}

namespace {
// Pixels of colour c (within 2 per channel) in columns [x0, x1) of img.
int countColorInColumns(const render::RgbaImage& img, int x0, int x1, Rgba c) {
    int n = 0;
    for (int y = 0; y < img.height; ++y) {
        for (int x = std::max(0, x0); x < std::min(img.width, x1); ++x) {
            const std::uint8_t* p = img.at(x, y);
            n += std::abs(p[0] - c.r) <= 2 && std::abs(p[1] - c.g) <= 2 && std::abs(p[2] - c.b) <= 2;
        }
    }
    return n;
}
}  // namespace

TEST(SeriesImage, SheetHasTheFrequencyMapLeftAndTheMeanRightWithTheirLegends) {
    const auto& t = test::tinyTemplate();
    const Series s = fourVisits();
    const auto img = render::renderSeriesSheet(t, s.summary, 800, "Pain drawings of 4 visits");
    ASSERT_EQ(img.width, 800);
    const int half = img.width / 2;
    // Front (4,4): painted in every visit at 8: the darkest frequency colour on the left card
    // (cells and legend bar), the colour of 8 on the right one (cells and legend bar) only.
    const Rgba always = render::frequencyColor(1.0), eight = render::meanIntensityColor(8.0);
    EXPECT_GT(countColorInColumns(img, 0, half, always), 80);  // the cell is ~10 x 10 px
    EXPECT_EQ(countColorInColumns(img, half, img.width, always), 0);
    EXPECT_GT(countColorInColumns(img, half, img.width, eight), 80);
    EXPECT_EQ(countColorInColumns(img, 0, half, eight), 0);
    // The caption is ink above the cards; without it the sheet is shorter by its band.
    EXPECT_GT(countColor(img, 0, 30, render::palette::kInk), 20);
    const auto bare = render::renderSeriesSheet(t, s.summary, 800, "");
    EXPECT_LT(bare.height, img.height);
    EXPECT_EQ(countColor(bare, 0, 14, render::palette::kInk), 0);
    // Widths outside 640..4000 are clamped.
    EXPECT_EQ(render::renderSeriesSheet(t, s.summary, 100, "").width, 640);
}
