// Difference image: specific cells carry the colour of their change on the right view panel,
// unpainted body stays body colour, outside stays background, the legend shows both scale ends.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "maps/comparison.h"
#include "render/diff_image.h"
#include "tests/support/image_support.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using maps::ViewId;
using render::Rgba;
using test::countColor;
using test::expectColor;
using test::paintCell;

TEST(DiffImage, CellsCarryTheColourOfTheirChange) {
    const auto& t = test::tinyTemplate();  // body = cells [2,14)^2 of 16, both views
    maps::PainMap a = maps::PainMap::blankFor(t), b = maps::PainMap::blankFor(t);
    paintCell(b, ViewId::Front, 5, 6, 6);                           // new, +6
    paintCell(a, ViewId::Front, 10, 10, 8);
    paintCell(b, ViewId::Front, 10, 10, 3);                         // better, -5
    paintCell(a, ViewId::Back, 4, 4, 5);
    paintCell(b, ViewId::Back, 4, 4, 5);                            // unchanged
    paintCell(a, ViewId::Back, 11, 11, 4);                          // resolved, -4
    auto d = maps::differenceMap(a, b, t);
    ASSERT_TRUE(d.ok());
    const render::DiffLayout L = render::diffLayout(t);
    const int widthPx = 330;
    const auto img = render::renderDifference(t, d.value(), widthPx);
    const double s = widthPx / L.totalWidth;  // ~10 px per cell
    EXPECT_EQ(img.height, static_cast<int>(std::lround(L.totalHeight * s)));
    auto front = [&](int x, int y) { return std::pair{(x + 0.5) * s, (y + 0.5) * s}; };
    auto back = [&](int x, int y) { return std::pair{(t.width + L.gap + x + 0.5) * s, (y + 0.5) * s}; };
    auto check = [&](std::pair<double, double> p, Rgba c, const char* what) {
        expectColor(img, p.first, p.second, c, what);
    };
    check(front(5, 6), render::differenceColor(6), "new");
    check(front(10, 10), render::differenceColor(-5), "better");
    check(back(4, 4), render::kUnchangedPain, "unchanged");
    check(back(11, 11), render::differenceColor(-4), "resolved");
    check(front(7, 12), render::palette::kBody, "no pain");
    check(back(8, 8), render::palette::kBody, "no pain");
    check(front(1, 8), render::palette::kBackground, "outside");

    // The legend band holds both ends of the diverging scale.
    const int legendTop = static_cast<int>(L.legendTop * s);
    EXPECT_GT(countColor(img, legendTop, img.height, render::differenceColor(10)), 20);
    EXPECT_GT(countColor(img, legendTop, img.height, render::differenceColor(-10)), 20);
    EXPECT_GT(countColor(img, legendTop, img.height, render::kUnchangedPain), 20);
}

TEST(DiffImage, ChangeColourRule) {
    EXPECT_EQ(render::changeColor(maps::CellChange::None, 0).a, 0);
    const Rgba worse = render::changeColor(maps::CellChange::Worse, 3);
    const Rgba ref = render::differenceColor(3);
    EXPECT_EQ(worse.r, ref.r);
    EXPECT_EQ(worse.b, ref.b);
}

TEST(DiffImage, WritesAPng) {
    const auto& t = test::tinyTemplate();
    const maps::PainMap a = maps::PainMap::blankFor(t);
    auto d = maps::differenceMap(a, a, t);
    ASSERT_TRUE(d.ok());
    const auto path = std::filesystem::temp_directory_path() / "bodymap_diff_image_test.png";
    ASSERT_TRUE(render::writePng(render::renderDifference(t, d.value(), 200), path.string()).ok());
    auto back = render::readPng(path.string());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->width, 200);
    std::filesystem::remove(path);
}
