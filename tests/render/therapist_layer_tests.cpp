// The therapist's layer: findings tint, hatch and outline only where the therapist found
// something (in the cairo chart and in the GUI's composeView, tile by tile alike), marks at the
// same anatomy at any size, the client's own marks apart, the legend listing only what is there,
// and the report keeping the client's page to the client's drawing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "maps/brush.h"
#include "render/chart.h"
#include "render/pain_image.h"
#include "render/report.h"
#include "render/therapist_layer.h"
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
    o.guides = false;
    o.tags = false;
    return o;
}

bool near(const std::uint8_t* p, Rgba c, int tol) {
    return std::abs(p[0] - c.r) <= tol && std::abs(p[1] - c.g) <= tol && std::abs(p[2] - c.b) <= tol;
}

// Bluer than any pain colour, the body colour or the outline: the therapist's ink (or a mark).
bool therapistInked(const std::uint8_t* p) { return p[2] > p[0] + 40 && p[2] > p[1] + 30; }
// Moved toward the ink from what was there before: the tint (18 % over pain) at least.
bool towardInk(const std::uint8_t* before, const std::uint8_t* after) {
    return after[2] >= before[2] + 8 && after[0] + 8 <= before[0];
}

// The white edge of a hatch line or of the outline: lighter (red may already be near full).
bool towardWhite(const std::uint8_t* before, const std::uint8_t* after) {
    return after[0] >= before[0] && after[1] >= before[1] + 8 && after[2] >= before[2] + 8;
}

// A front region painted at 5, with findings on a block of its body cells (all in the body).
struct Fixture {
    const maps::BodyTemplate& t = test::defaultTemplate();
    maps::PainMap pain = maps::PainMap::blankFor(t);
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the findings block, cells [x0, x1) x [y0, y1)
    Fixture() {
        maps::BrushSettings b;
        b.intensity = 5;
        maps::fillRegion(pain, t, t.regionIndex("front-right-thigh"), b);
        maps::fillRegion(pain, t, t.regionIndex("front-left-thigh"), b);
        // A 40-cell block in the right thigh's body cells: find one by scanning.
        for (int y = 0; y + 40 < t.height && x1 == 0; y += 4) {
            for (int x = 0; x + 40 < t.width; x += 4) {
                bool all = true;
                for (int yy = y; yy < y + 40 && all; ++yy)
                    for (int xx = x; xx < x + 40 && all; ++xx)
                        all = pain.intensityAt(maps::ViewId::Front, xx, yy) > 0 &&
                              t.regionAt(maps::ViewId::Front, xx, yy) == t.regionIndex("front-right-thigh");
                if (all) {
                    x0 = x, y0 = y, x1 = x + 40, y1 = y + 40;
                    break;
                }
            }
        }
    }
    maps::PainMap withFindings(std::uint8_t bits) const {
        maps::PainMap m = pain;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) m.layer(maps::ViewId::Front).findings[m.index(x, y)] = bits;
        return m;
    }
};
}  // namespace

TEST(Findings, TintAndHatchInsideTheFoundAreaAndNothingChangesOutside) {
    Fixture fx;
    ASSERT_GT(fx.x1, 0) << "no 40-cell block inside the right thigh";
    const maps::PainMap found = fx.withFindings(maps::bit(maps::Finding::Tight) | maps::bit(maps::Finding::Tender));
    const auto before = render::renderChart(fx.t, render::ViewSelection::Front, kWidth, plain(fx.pain));
    const auto after = render::renderChart(fx.t, render::ViewSelection::Front, kWidth, plain(found));
    ASSERT_EQ(before.width, after.width);
    ASSERT_EQ(before.height, after.height);
    int inside = 0, inked = 0, opaqueInk = 0, changedOutside = 0;
    const int m = 3;  // px of smoothing at the block's edge
    for (int y = 0; y < after.height; ++y) {
        for (int x = 0; x < after.width; ++x) {
            const bool in = x >= 2 * fx.x0 + m && x < 2 * fx.x1 - m && y >= 2 * fx.y0 + m && y < 2 * fx.y1 - m;
            const bool out = x < 2 * fx.x0 - m || x >= 2 * fx.x1 + m || y < 2 * fx.y0 - m || y >= 2 * fx.y1 + m;
            const bool differs = std::memcmp(before.at(x, y), after.at(x, y), 3) != 0;
            if (in) {
                ++inside;
                inked += towardInk(before.at(x, y), after.at(x, y)) || towardWhite(before.at(x, y), after.at(x, y));
                opaqueInk += after.at(x, y)[2] > after.at(x, y)[0];  // ink over half the pixel
            }
            if (out) changedOutside += differs;
        }
    }
    EXPECT_EQ(changedOutside, 0) << "pain-only and body pixels must be exactly as without findings";
    EXPECT_EQ(inked, inside) << "every pixel of the found area carries the tint, the ink or a line's white edge";
    EXPECT_GT(opaqueInk, inside / 20) << "hatch lines and dots in the ink";
    EXPECT_LT(opaqueInk, inside / 2) << "the pain still shows between the hatch lines";
    // Turned off, the chart is the client's again.
    auto off = plain(found);
    off.findings = false;
    const auto hidden = render::renderChart(fx.t, render::ViewSelection::Front, kWidth, off);
    EXPECT_EQ(hidden.pixels, before.pixels);
}

TEST(Findings, SolidOutlineAlongTheBoundary) {
    Fixture fx;
    ASSERT_GT(fx.x1, 0);
    // Restricted alone: "\" lines, so most of a row just inside the edge is tint, not ink.
    const maps::PainMap found = fx.withFindings(maps::bit(maps::Finding::Restricted));
    const auto img = render::renderChart(fx.t, render::ViewSelection::Front, kWidth, plain(found));
    int edge = 0, edgeInk = 0, deep = 0, deepInk = 0;
    for (int y = 2 * fx.y0 + 6; y < 2 * fx.y1 - 6; ++y) {
        ++edge;
        edgeInk += near(img.at(2 * fx.x0, y), render::kTherapistInk, 50);  // left edge, inside
        ++deep;
        deepInk += near(img.at(2 * fx.x0 + 12, y), render::kTherapistInk, 50);
    }
    EXPECT_EQ(edgeInk, edge) << "the outline runs unbroken along the left edge";
    EXPECT_LT(deepInk, deep / 2) << "inside the area only the hatch is solid ink";
    // The pixel just outside the edge is the pain colour, untouched.
    EXPECT_FALSE(therapistInked(img.at(2 * fx.x0 - 3, (fx.y0 + fx.y1))));
}

TEST(Findings, EachFindingHasItsOwnHatch) {
    std::vector<render::RgbaImage> swatches;
    for (maps::Finding f : maps::kFindings) swatches.push_back(render::renderFindingSwatch(maps::bit(f), 48, 48));
    for (std::size_t i = 0; i < swatches.size(); ++i) {
        EXPECT_GT(swatches[i].at(24, 24)[3], 0) << "the tint covers the swatch";
        for (std::size_t j = i + 1; j < swatches.size(); ++j) {
            int differ = 0;
            for (int y = 6; y < 42; ++y)
                for (int x = 6; x < 42; ++x) differ += swatches[i].at(x, y)[3] != swatches[j].at(x, y)[3];
            EXPECT_GT(differ, 36 * 36 / 10) << i << " vs " << j;
        }
    }
    // Several at once keep each hatch: the union of inked points of two is drawn.
    for (float u = 0; u < 30; u += 0.37f)
        for (float v = 0; v < 30; v += 0.41f) {
            if (!render::findingInk(maps::Finding::Tight, u, v, 0.35f)) continue;
            ASSERT_FALSE(render::findingInk(maps::Finding::Tender, u, v, 0.35f) &&
                         render::findingInk(maps::Finding::Swollen, u, v, 0.35f) &&
                         render::findingInk(maps::Finding::Restricted, u, v, 0.35f))
                << "all four hatches on one point: they would hide each other";
        }
}

TEST(Findings, ComposeViewTileByTileMatchesTheWholeView) {
    Fixture fx;
    ASSERT_GT(fx.x1, 0);
    const maps::PainMap found = fx.withFindings(maps::bit(maps::Finding::Swollen) | maps::bit(maps::Finding::Tender));
    const int w = 512, h = 1024;  // 1 px per cell: the outline reads neighbouring cells
    const auto under = render::renderViewLayer(fx.t, maps::ViewId::Front, render::ViewLayerKind::Underlay, w);
    const auto over = render::renderViewLayer(fx.t, maps::ViewId::Front, render::ViewLayerKind::Overlay, w);
    ASSERT_EQ(under.height, h);
    render::PainImageStyle style;
    std::vector<std::uint8_t> whole(static_cast<std::size_t>(w * h * 4)), tiles(whole.size()), bare(whole.size());
    render::composeView(found, maps::ViewId::Front, under.pixels.data(), over.pixels.data(), whole.data(), w, h,
                        {0, 0, w, h}, 1.0f, style);
    // Dirty rectangles cutting through the found area at odd places.
    for (int ty = 0; ty < h; ty += 37)
        for (int tx = 0; tx < w; tx += 23)
            render::composeView(found, maps::ViewId::Front, under.pixels.data(), over.pixels.data(), tiles.data(), w,
                                h, {tx, ty, std::min(tx + 23, w), std::min(ty + 37, h)}, 1.0f, style);
    EXPECT_EQ(tiles, whole);
    render::composeView(found, maps::ViewId::Front, under.pixels.data(), over.pixels.data(), bare.data(), w, h,
                        {0, 0, w, h}, 1.0f, style, nullptr, false);
    const auto px = [&](const std::vector<std::uint8_t>& img, int x, int y) {
        return img.data() + (static_cast<std::size_t>(y) * w + static_cast<std::size_t>(x)) * 4;
    };
    const int cx = (fx.x0 + fx.x1) / 2, cy = (fx.y0 + fx.y1) / 2;
    EXPECT_TRUE(towardInk(px(bare, cx, cy), px(whole, cx, cy)));
    EXPECT_TRUE(near(px(whole, fx.x0, cy), render::kTherapistInk, 30)) << "outline";
    EXPECT_EQ(std::memcmp(px(whole, fx.x0 - 3, cy), px(bare, fx.x0 - 3, cy), 4), 0) << "pain-only pixel";
}

namespace {
// Centroid, in cells, of the pixels in the therapist's ink of an image `s` px per cell.
glm::dvec2 inkCentroid(const render::RgbaImage& img, double s, int& count) {
    glm::dvec2 sum(0, 0);
    count = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            if (near(img.at(x, y), render::kTherapistInk, 40)) sum += glm::dvec2(x + 0.5, y + 0.5), ++count;
    return count ? sum / (count * s) : sum;
}
}  // namespace

TEST(Marks, APointMarkLandsOnTheSameAnatomyAtAnyWidth) {
    const auto& t = test::defaultTemplate();
    for (maps::MarkKind k : {maps::MarkKind::ActiveTriggerPoint, maps::MarkKind::LatentTriggerPoint}) {
        maps::PainMap m = maps::PainMap::blankFor(t);
        m.marks.push_back({k, maps::ViewId::Front, {200.0f, 300.0f}, {}, "", "", maps::DrawnBy::Therapist});
        int n400 = 0, n1200 = 0;
        const auto small = render::renderChart(t, render::ViewSelection::Front, 400, plain(m));
        const auto big = render::renderChart(t, render::ViewSelection::Front, 1200, plain(m));
        const glm::dvec2 a = inkCentroid(small, 400.0 / t.width, n400);
        const glm::dvec2 b = inkCentroid(big, 1200.0 / t.width, n1200);
        ASSERT_GT(n400, 20);
        ASSERT_GT(n1200, 20);
        EXPECT_NEAR(a.x, 200.0, 1.5);
        EXPECT_NEAR(a.y, 300.0, 1.5);
        EXPECT_NEAR(b.x, 200.0, 1.0);
        EXPECT_NEAR(b.y, 300.0, 1.0);
        // The minimum size keeps the small one readable: at least ~9 px radius on the 400 px image,
        // where the 8-cell radius alone would be ~6 px.
        double maxD = 0;
        for (int y = 0; y < small.height; ++y)
            for (int x = 0; x < small.width; ++x)
                if (near(small.at(x, y), render::kTherapistInk, 40))
                    maxD = std::max(maxD, std::hypot(x + 0.5 - 200.0 * 400 / t.width, y + 0.5 - 300.0 * 400 / t.width));
        EXPECT_GE(maxD, 8.0);
    }
}

TEST(Marks, ClientMarksInTheirOwnInkAndTheFilterKeepsOnlyThem) {
    const auto& t = test::defaultTemplate();
    maps::PainMap m = maps::PainMap::blankFor(t);
    m.marks.push_back({maps::MarkKind::Radiating, maps::ViewId::Front, {150.0f, 500.0f}, {150.0f, 700.0f}, "", "",
                       maps::DrawnBy::Client});
    m.marks.push_back({maps::MarkKind::TenderPoint, maps::ViewId::Front, {350.0f, 300.0f}, {}, "", "",
                       maps::DrawnBy::Therapist});
    const double s = 1024.0 / t.width;
    const auto all = render::renderMarkLayer(t, maps::ViewId::Front, m.marks, 1024);
    const auto client = render::renderMarkLayer(t, maps::ViewId::Front, m.marks, 1024, 9.0, render::MarkFilter::ClientOnly);
    ASSERT_EQ(all.width, 1024);
    ASSERT_EQ(all.height, static_cast<int>(t.height * s));
    const auto* arrow = all.at(static_cast<int>(150 * s), static_cast<int>(600 * s));
    EXPECT_GT(arrow[3], 200);
    EXPECT_TRUE(near(arrow, render::kClientInk, 30));
    const auto* tender = all.at(static_cast<int>(350 * s), static_cast<int>(300 * s));
    EXPECT_GT(tender[3], 200);
    EXPECT_TRUE(near(tender, render::kTherapistInk, 30));
    EXPECT_EQ(client.at(static_cast<int>(350 * s), static_cast<int>(300 * s))[3], 0) << "the therapist's mark is left out";
    EXPECT_GT(client.at(static_cast<int>(150 * s), static_cast<int>(600 * s))[3], 200);
    // A mark of the other view is not on this one.
    EXPECT_EQ(render::renderMarkLayer(t, maps::ViewId::Back, m.marks, 1024).at(static_cast<int>(350 * s),
                                                                                 static_cast<int>(300 * s))[3], 0);
}

TEST(Marks, IconsDifferByKindAndByWhoDrewThem) {
    std::vector<render::RgbaImage> icons;
    for (maps::MarkKind k : maps::kMarkKinds) icons.push_back(render::renderMarkIcon(k, maps::DrawnBy::Therapist, 32));
    for (std::size_t i = 0; i < icons.size(); ++i) {
        ASSERT_EQ(icons[i].width, 32);
        int opaque = 0;
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 32; ++x) opaque += icons[i].at(x, y)[3] > 128;
        EXPECT_GT(opaque, 20) << i;
        EXPECT_EQ(icons[i].at(0, 0)[3], 0) << "transparent background";
        for (std::size_t j = i + 1; j < icons.size(); ++j) EXPECT_NE(icons[i].pixels, icons[j].pixels) << i << " " << j;
    }
    const auto client = render::renderMarkIcon(maps::MarkKind::ActiveTriggerPoint, maps::DrawnBy::Client, 32);
    EXPECT_TRUE(near(client.at(10, 12), render::kClientInk, 30));  // in the disc, off the white cross
    EXPECT_TRUE(near(icons[0].at(10, 12), render::kTherapistInk, 30));
}

TEST(TherapistLegend, ListsOnlyWhatTheMapHas) {
    const auto& t = test::defaultTemplate();
    maps::PainMap m = maps::PainMap::blankFor(t);
    EXPECT_TRUE(render::therapistLegendNames(m).empty());
    m.layer(maps::ViewId::Back).findings[m.index(250, 300)] = maps::bit(maps::Finding::Swollen);
    m.marks.push_back({maps::MarkKind::LatentTriggerPoint, maps::ViewId::Front, {200.0f, 300.0f}, {}, "", "",
                       maps::DrawnBy::Therapist});
    m.marks.push_back({maps::MarkKind::Radiating, maps::ViewId::Back, {200.0f, 300.0f}, {200.0f, 400.0f}, "", "",
                       maps::DrawnBy::Client});
    const std::vector<std::string> all = render::therapistLegendNames(m);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0], std::string(maps::findingName(maps::Finding::Swollen)));
    EXPECT_EQ(all[1], std::string(maps::markKindName(maps::MarkKind::LatentTriggerPoint)));
    EXPECT_EQ(all[2], "Pain spreads, drawn by the client");
    const auto client = render::therapistLegendNames(m, render::MarkFilter::ClientOnly);
    ASSERT_EQ(client.size(), 1u);
    EXPECT_EQ(client[0], "Pain spreads, drawn by the client");
    // The PNG's legend grows by the therapist's legend only when there is something on it.
    maps::PainMap blank = maps::PainMap::blankFor(t);
    auto withLegend = [&](const maps::PainMap& map) {
        auto o = plain(map);
        o.legend = true;
        return render::renderChart(t, render::ViewSelection::Both, 800, o).height;
    };
    EXPECT_GT(withLegend(m), withLegend(blank));
    maps::PainMap painOnly = blank;
    test::paintCell(painOnly, maps::ViewId::Front, 250, 300, 4);
    EXPECT_EQ(withLegend(painOnly), withLegend(blank));
}

namespace {
render::RgbaImage reportMaps(const render::ReportInput& in, bool therapist, double w, double& s) {
    render::report_detail::ReportData d;
    d.in = &in;
    d.t = in.tmpl;
    const int wPx = static_cast<int>(w), hPx = static_cast<int>(w * 1.2);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, wPx, hPx);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    render::report_detail::drawMaps(cr, d, 0, 0, w, therapist);
    cairo_destroy(cr);
    render::RgbaImage img = render::imageFromSurface(surface);
    cairo_surface_destroy(surface);
    s = (w - 10) / 2 / in.tmpl->width;  // drawMaps' scale: two views and a 10 pt gap
    return img;
}

int inkNear(const render::RgbaImage& img, double cx, double cy, double r) {
    int n = 0;
    for (int y = std::max(0, static_cast<int>(cy - r)); y < std::min(img.height, static_cast<int>(cy + r)); ++y)
        for (int x = std::max(0, static_cast<int>(cx - r)); x < std::min(img.width, static_cast<int>(cx + r)); ++x)
            n += therapistInked(img.at(x, y));
    return n;
}
}  // namespace

TEST(TherapistReport, TheClientsPageShowsOnlyTheClientsDrawing) {
    Fixture fx;
    ASSERT_GT(fx.x1, 0);
    maps::PainMap m = fx.withFindings(maps::bit(maps::Finding::Tender));
    m.marks.push_back({maps::MarkKind::ActiveTriggerPoint, maps::ViewId::Front, {300.0f, 250.0f}, {}, "trap", "refers up",
                       maps::DrawnBy::Therapist});
    m.marks.push_back({maps::MarkKind::Radiating, maps::ViewId::Front, {120.0f, 600.0f}, {120.0f, 800.0f}, "", "",
                       maps::DrawnBy::Client});
    render::ReportInput in;
    in.tmpl = &fx.t;
    in.current = &m;
    double s = 0;
    const auto client = reportMaps(in, false, 800, s);
    const auto therapist = reportMaps(in, true, 800, s);
    EXPECT_EQ(inkNear(client, 300 * s, 250 * s, 6), 0) << "no therapist mark on the client's page";
    EXPECT_GT(inkNear(therapist, 300 * s, 250 * s, 6), 20);
    const double fcx = (fx.x0 + fx.x1) / 2.0 * s, fcy = (fx.y0 + fx.y1) / 2.0 * s;
    int tinted = 0, inkier = 0, clientTinted = 0;
    for (int y = static_cast<int>(fcy) - 4; y < static_cast<int>(fcy) + 4; ++y)
        for (int x = static_cast<int>(fcx) - 4; x < static_cast<int>(fcx) + 4; ++x) {
            tinted += std::memcmp(client.at(x, y), therapist.at(x, y), 3) != 0;
            inkier += towardInk(client.at(x, y), therapist.at(x, y));
            clientTinted += therapistInked(client.at(x, y));
        }
    EXPECT_EQ(clientTinted, 0) << "no findings on the client's page";
    EXPECT_EQ(tinted, 64) << "the findings on the therapist's";
    EXPECT_GE(inkier, 32) << "mostly the therapist's ink (the rest the white edges of its lines)";
    // The client's own arrow is on both.
    const auto* a = client.at(static_cast<int>(120 * s), static_cast<int>(700 * s));
    EXPECT_TRUE(near(a, render::kClientInk, 40));

    // The therapist's page logs its legend, agreement and the list of marks with a text.
    in.therapistPage = true;
    render::ReportLayout L;
    ASSERT_TRUE(render::renderReportPdf(in, &L).ok());
    auto boxes = [&](const std::string& what) {
        std::vector<const render::LayoutBox*> out;
        for (const auto& b : L.boxes)
            if (b.what == what) out.push_back(&b);
        return out;
    };
    const auto chart = boxes("therapist-chart");
    ASSERT_EQ(chart.size(), 1u);
    for (const char* what : {"therapist-legend", "agreement", "marks-list"}) {
        const auto b = boxes(what);
        ASSERT_FALSE(b.empty()) << what;
        EXPECT_TRUE(b[0]->page > chart[0]->page || b[0]->y0 >= chart[0]->y1) << what << " under the chart";
    }
    EXPECT_EQ(boxes("marks-list").size(), 1u) << "one mark has a text";
    const auto rows = boxes("agreement-row");
    ASSERT_FALSE(rows.empty());
    EXPECT_LE(rows.size(), 8u);
    EXPECT_EQ(boxes("soap-subjective").size(), 0u);
    EXPECT_GT(boxes("treatment-duration").at(0)->y0 + boxes("treatment-duration").at(0)->page * 1000.0,
              boxes("marks-list").at(0)->y1 + boxes("marks-list").at(0)->page * 1000.0) << "SOAP and treatment after";
    // Without findings there is no agreement block.
    maps::PainMap noFindings = fx.pain;
    noFindings.marks = m.marks;
    in.current = &noFindings;
    render::ReportLayout L2;
    ASSERT_TRUE(render::renderReportPdf(in, &L2).ok());
    int agreement = 0;
    for (const auto& b : L2.boxes) agreement += b.what == "agreement";
    EXPECT_EQ(agreement, 0);
}
