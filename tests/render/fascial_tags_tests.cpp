// Fascial tags on the chart: a tagged band is hatched in its line's colour with a numbered mark
// inside it, nothing changes outside the band, and a map without tags renders as before.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "maps/brush.h"
#include "render/chart.h"
#include "render/fascial_colors.h"
#include "render/fascial_tags.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using render::Rgba;

namespace {
constexpr int kWidth = 1024;  // front view only: 2 px per cell

render::ChartOptions plain(const maps::PainMap& map) {
    render::ChartOptions o;
    o.map = &map;
    o.sideMarks = false;
    o.viewLabel = false;
    return o;
}

bool near(const std::uint8_t* p, Rgba c, int tol) {
    return std::abs(p[0] - c.r) <= tol && std::abs(p[1] - c.g) <= tol && std::abs(p[2] - c.b) <= tol;
}

struct Box {
    int x0, y0, x1, y1;  // cells, inclusive
};

Box bandBox(const maps::BodyTemplate& t, int b) {
    Box box{t.width, t.height, 0, 0};
    for (std::uint32_t i : t.bandCells(b)) {
        const int x = static_cast<int>(i % static_cast<std::uint32_t>(t.width));
        const int y = static_cast<int>(i / static_cast<std::uint32_t>(t.width));
        box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x), std::max(box.y1, y)};
    }
    return box;
}

bool inBand(const maps::BodyTemplate& t, int b, int x, int y) {
    const auto& cells = t.bandCells(b);
    const auto i = static_cast<std::uint32_t>(y * t.width + x);
    return std::binary_search(cells.begin(), cells.end(), i);
}
}  // namespace

TEST(ChartTags, TaggedBandIsHatchedInItsLineColourAndNothingElseChanges) {
    const auto& t = test::defaultTemplate();
    const int b = t.bandIndex("sfl-right-shin");
    ASSERT_GE(b, 0);
    const auto& band = t.bands[static_cast<std::size_t>(b)];
    ASSERT_EQ(band.view, maps::ViewId::Front);
    maps::PainMap bare = maps::PainMap::blankFor(t);
    maps::BrushSettings brush;
    brush.intensity = 6;
    // Pain under the band too: the hatch must show over the client's colours.
    const std::uint32_t mid = band.cells[band.cells.size() / 2];
    const auto W = static_cast<std::uint32_t>(t.width);
    const maps::RegionIndex shin = t.regionAt(maps::ViewId::Front, static_cast<int>(mid % W), static_cast<int>(mid / W));
    ASSERT_NE(shin, maps::kNoRegion);
    maps::fillRegion(bare, t, shin, brush);
    maps::PainMap tagged = bare;
    tagged.tags.push_back({band.id, static_cast<std::uint8_t>(maps::TagKind::Tender), "tibialis anterior"});
    const auto before = render::renderChart(t, render::ViewSelection::Front, kWidth, plain(bare));
    const auto after = render::renderChart(t, render::ViewSelection::Front, kWidth, plain(tagged));
    ASSERT_EQ(before.width, after.width);
    ASSERT_EQ(before.height, after.height);
    const double k = static_cast<double>(kWidth) / t.width;
    const Rgba line = render::fascialLineColor(maps::FascialLine::SFL);
    const Box box = bandBox(t, b);
    const int margin = static_cast<int>(std::ceil(render::kTagMarkRadiusCells * 1.3)) + 3;  // outline and mark rim
    int bandPx = 0, hatchPx = 0, changedOutside = 0, lineColourBefore = 0;
    for (int y = 0; y < after.height; ++y) {
        for (int x = 0; x < after.width; ++x) {
            const int cx = static_cast<int>(x / k), cy = static_cast<int>(y / k);
            const bool nearBox = cx >= box.x0 - margin && cx <= box.x1 + margin && cy >= box.y0 - margin &&
                                 cy <= box.y1 + margin;
            const auto* p = after.at(x, y);
            const auto* q = before.at(x, y);
            if (!nearBox) {
                changedOutside += (p[0] != q[0] || p[1] != q[1] || p[2] != q[2]) ? 1 : 0;
                continue;
            }
            if (cy >= t.height || !inBand(t, b, cx, cy)) continue;
            ++bandPx;
            hatchPx += near(p, line, 24) ? 1 : 0;
            lineColourBefore += near(q, line, 24) ? 1 : 0;
        }
    }
    ASSERT_GT(bandPx, 1000);
    EXPECT_EQ(changedOutside, 0) << "tag drawing leaked outside the band";
    EXPECT_EQ(lineColourBefore, 0);
    // Lines ~1.4 px wide every 7 cells (14 px), plus the outline and the mark: a visible share
    // of the band, far from all of it (the pain must still show between the lines).
    EXPECT_GT(hatchPx, bandPx / 12) << hatchPx << " of " << bandPx;
    EXPECT_LT(hatchPx, bandPx / 2) << hatchPx << " of " << bandPx;
}

TEST(ChartTags, MarkSitsInsideTheBandInTheLinesColour) {
    const auto& t = test::defaultTemplate();
    const int b = t.bandIndex("sfl-right-shin");
    ASSERT_GE(b, 0);
    const glm::dvec2 a = render::tagMarkAnchor(t, b, render::kTagMarkRadiusCells * 0.8);
    ASSERT_TRUE(inBand(t, b, static_cast<int>(a.x), static_cast<int>(a.y)));
    maps::PainMap map = maps::PainMap::blankFor(t);
    map.tags.push_back({t.bands[static_cast<std::size_t>(b)].id, static_cast<std::uint8_t>(maps::TagKind::Tense), ""});
    const auto img = render::renderChart(t, render::ViewSelection::Front, kWidth, plain(map));
    const double k = static_cast<double>(kWidth) / t.width;
    const Rgba line = render::fascialLineColor(maps::FascialLine::SFL);
    // The disc: the line's colour around the centre, the white number "1" in it.
    const int r = static_cast<int>(render::kTagMarkRadiusCells * k);
    int disc = 0, white = 0, n = 0;
    for (int dy = -r + 2; dy <= r - 2; ++dy)
        for (int dx = -r + 2; dx <= r - 2; ++dx) {
            if (dx * dx + dy * dy > (r - 2) * (r - 2)) continue;
            const auto* p = img.at(static_cast<int>(a.x * k) + dx, static_cast<int>(a.y * k) + dy);
            ++n;
            disc += near(p, line, 12) ? 1 : 0;
            white += near(p, {255, 255, 255, 255}, 40) ? 1 : 0;
        }
    EXPECT_GT(disc, n / 2);
    EXPECT_GT(white, n / 30) << "no number in the mark";
}

TEST(ChartTags, MapWithoutTagsRendersExactlyAsBefore) {
    const auto& t = test::defaultTemplate();
    maps::PainMap map = maps::PainMap::blankFor(t);
    maps::BrushSettings brush;
    brush.intensity = 8;
    maps::fillRegion(map, t, 3, brush);
    auto off = plain(map);
    off.tags = false;
    const auto a = render::renderChart(t, render::ViewSelection::Both, 600, plain(map));
    const auto b = render::renderChart(t, render::ViewSelection::Both, 600, off);
    EXPECT_EQ(a.pixels, b.pixels);
    // A tag on a band this template lacks draws nothing either.
    map.tags.push_back({"no-such-band", static_cast<std::uint8_t>(maps::TagKind::Tender), ""});
    const auto c = render::renderChart(t, render::ViewSelection::Both, 600, plain(map));
    EXPECT_EQ(c.pixels, b.pixels);
}

TEST(ChartTags, HiddenTagsAndOtherViewsDrawNothing) {
    const auto& t = test::defaultTemplate();
    maps::PainMap map = maps::PainMap::blankFor(t);
    map.tags.push_back({"sfl-right-shin", static_cast<std::uint8_t>(maps::TagKind::Tender), ""});
    auto off = plain(map);
    off.tags = false;
    maps::PainMap bare = maps::PainMap::blankFor(t);
    EXPECT_EQ(render::renderChart(t, render::ViewSelection::Front, 300, off).pixels,
              render::renderChart(t, render::ViewSelection::Front, 300, plain(bare)).pixels);
    // A front band leaves the back view alone; the GUI's layer of the back view is empty.
    EXPECT_EQ(render::renderChart(t, render::ViewSelection::Back, 300, plain(map)).pixels,
              render::renderChart(t, render::ViewSelection::Back, 300, plain(bare)).pixels);
    const auto layer = render::renderTagLayer(t, maps::ViewId::Back, map.tags, 256);
    EXPECT_TRUE(std::all_of(layer.pixels.begin(), layer.pixels.end(), [](std::uint8_t v) { return v == 0; }));
    const auto front = render::renderTagLayer(t, maps::ViewId::Front, map.tags, 256);
    const auto ref = render::renderViewLayer(t, maps::ViewId::Front, render::ViewLayerKind::Overlay, 256);
    EXPECT_EQ(front.width, ref.width);
    EXPECT_EQ(front.height, ref.height);
    EXPECT_TRUE(std::any_of(front.pixels.begin(), front.pixels.end(), [](std::uint8_t v) { return v != 0; }));
}

TEST(ChartTags, MarksOfNeighbouringTagsKeepApart) {
    const auto& t = test::defaultTemplate();
    const int a = t.bandIndex("sfl-right-shin");
    ASSERT_GE(a, 0);
    const double r = render::kTagMarkRadiusCells;
    const glm::dvec2 first = render::tagMarkAnchor(t, a, r * 0.8);
    // The same band tagged twice (a file may say so): the second mark moves off the first.
    const glm::dvec2 second = render::tagMarkAnchor(t, a, r * 0.8, {first}, r * 2.3);
    EXPECT_GE(std::hypot(second.x - first.x, second.y - first.y), r * 2.3 - 1e-9);
    EXPECT_TRUE(inBand(t, a, static_cast<int>(second.x), static_cast<int>(second.y)));
}
