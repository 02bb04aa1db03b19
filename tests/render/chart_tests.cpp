// Chart rendering: pixel checks on tiny images (inside is body colour, outside background,
// painted cells carry the intensity colour, R/L marks sit on the patient's side), PNG round trip.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "maps/brush.h"
#include "render/chart.h"
#include "render/colormap.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using render::Rgba;

namespace {
void expectColor(const render::RgbaImage& img, int x, int y, Rgba c, int tol, const char* what) {
    const auto* p = img.at(x, y);
    EXPECT_NEAR(p[0], c.r, tol) << what << " at " << x << "," << y;
    EXPECT_NEAR(p[1], c.g, tol) << what << " at " << x << "," << y;
    EXPECT_NEAR(p[2], c.b, tol) << what << " at " << x << "," << y;
}

double countColor(const render::RgbaImage& img, int x0, int y0, int x1, int y1, Rgba c, int tol) {
    double n = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const auto* p = img.at(x, y);
            if (std::abs(p[0] - c.r) <= tol && std::abs(p[1] - c.g) <= tol && std::abs(p[2] - c.b) <= tol) ++n;
        }
    return n;
}
}  // namespace

TEST(Chart, InsideIsBodyOutsideIsBackground) {
    const auto& t = test::tinyTemplate();  // body = cells [2,14)^2 of 16
    render::ChartOptions o;
    o.sideMarks = false;
    o.viewLabel = false;
    const auto img = render::renderChart(t, render::ViewSelection::Front, 160, o);  // 10 px/cell
    ASSERT_EQ(img.width, 160);
    expectColor(img, 80, 80, render::palette::kBody, 2, "body");
    expectColor(img, 40, 120, render::palette::kBody, 2, "body");
    expectColor(img, 5, 5, render::palette::kBackground, 0, "background");
    expectColor(img, 150, 80, render::palette::kBackground, 0, "background");
    // The outline is drawn on the silhouette edge (x = 2 cells = 20 px).
    const auto* edge = img.at(20, 80);
    EXPECT_LT(edge[0], 200) << "outline missing";
}

TEST(Chart, PaintedRegionShowsItsIntensityColour) {
    const auto& t = test::tinyTemplate();
    maps::PainMap map = maps::PainMap::blankFor(t);
    maps::BrushSettings b;
    b.intensity = 7;
    maps::fillRegion(map, t, t.regionIndex("front-left-chest"), b);  // x in [8,14)
    render::ChartOptions o;
    o.map = &map;
    o.sideMarks = false;
    o.viewLabel = false;
    const auto img = render::renderChart(t, render::ViewSelection::Front, 160, o);
    // 0.92 opacity over the body colour.
    const Rgba c = render::intensityColor(7), body = render::palette::kBody;
    auto mix = [](int a, int bb) { return static_cast<std::uint8_t>(a * 0.92 + bb * 0.08 + 0.5); };
    const Rgba expected{mix(c.r, body.r), mix(c.g, body.g), mix(c.b, body.b), 255};
    expectColor(img, 110, 80, expected, 4, "painted");
    expectColor(img, 50, 80, body, 2, "unpainted half");
}

TEST(Chart, SideMarksFollowThePatientsSide) {
    // The letter in the viewer's top-left corner of the front view (patient's right, "R") must
    // be the same glyph as the one in the top-right corner of the back view, and differ from L.
    const auto& t = test::tinyTemplate();
    render::ChartOptions o;
    o.viewLabel = false;
    const auto front = render::renderChart(t, render::ViewSelection::Front, 320, o);
    const auto back = render::renderChart(t, render::ViewSelection::Back, 320, o);
    const Rgba mark = render::palette::kSideMark;
    const int band = 40;  // the top band of 320 px wide images (20 px per cell, marks ~37 px)
    const double frontLeft = countColor(front, 0, 0, 160, band + 10, mark, 40);
    const double frontRight = countColor(front, 160, 0, 320, band + 10, mark, 40);
    const double backLeft = countColor(back, 0, 0, 160, band + 10, mark, 40);
    const double backRight = countColor(back, 160, 0, 320, band + 10, mark, 40);
    ASSERT_GT(frontLeft, 30);
    ASSERT_GT(frontRight, 30);
    // Same glyph, same ink up to anti-aliasing at a different sub-pixel position.
    EXPECT_NEAR(frontLeft, backRight, frontLeft / 10);  // "R"
    EXPECT_NEAR(frontRight, backLeft, frontRight / 10);  // "L"
    EXPECT_GT(frontLeft, frontRight * 1.25);  // R has clearly more ink than L
}

TEST(Chart, BothViewsAreSideBySide) {
    const auto& t = test::tinyTemplate();
    const auto img = render::renderChart(t, render::ViewSelection::Both, 330, {});
    EXPECT_EQ(img.width, 330);
    // Each panel is 16 cells wide with a 0.96-cell gap: 330 / 32.96 = 10.01 px per cell.
    const double leftBody = countColor(img, 0, 0, 165, img.height, render::palette::kBody, 2);
    const double rightBody = countColor(img, 165, 0, 330, img.height, render::palette::kBody, 2);
    EXPECT_GT(leftBody, 10000);
    EXPECT_NEAR(leftBody, rightBody, leftBody / 50);
}

TEST(Png, WritesAtomicallyAndReadsBack) {
    const auto& t = test::tinyTemplate();
    const auto img = render::renderChart(t, render::ViewSelection::Front, 64, {});
    const std::string path = testing::TempDir() + "/chart_test.png";
    ASSERT_TRUE(render::writePng(img, path).ok());
    auto back = render::readPng(path);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->width, img.width);
    EXPECT_EQ(back->pixels, img.pixels);
    auto bad = render::writePng(img, "/nonexistent-dir/x.png");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().find("/nonexistent-dir/x.png"), std::string::npos);
    std::filesystem::remove(path);
}
