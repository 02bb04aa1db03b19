// The PDF report: page counts with and without earlier visits, paper sizes, every laid-out box
// inside the margins and no two boxes overlapping (also with a very long name, referral and
// note, which continue on further pages), bad input gives an error and no file; and the golden
// image of a chart PNG with its legend, compared with a tolerance.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "maps/brush.h"
#include "maps/map_format.h"
#include "render/chart.h"
#include "render/colormap.h"
#include "render/report.h"
#include "tests/support/test_support.h"

using namespace bodymap;

namespace {

maps::PainMap paintedMap(const maps::BodyTemplate& t, const std::string& time, const char* region,
                         int intensity) {
    maps::PainMap m = maps::PainMap::blankFor(t);
    m.info.clientId = "test-client";
    m.info.clientName = "Zoë Øster-Ἀλέξανδρος Иванова";
    m.info.visitTime = time;
    m.info.therapist = "Sam";
    m.info.notes = "Burning along the right shin.\nWorse on stairs.";
    maps::BrushSettings b;
    b.intensity = static_cast<std::uint8_t>(intensity);
    b.qualities = maps::bit(maps::Quality::Burning);
    maps::fillRegion(m, t, t.regionIndex(region), b);
    return m;
}

const char* someRegion(const maps::BodyTemplate& t, int k) {
    return t.regions[static_cast<std::size_t>(k) % t.regions.size()].id.c_str();
}

bool overlaps(const render::LayoutBox& a, const render::LayoutBox& b) {
    constexpr double e = 0.01;
    return a.page == b.page && a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e;
}

void expectCleanLayout(const render::ReportLayout& L) {
    for (const auto& b : L.boxes) {
        EXPECT_GE(b.x0, L.margin - 0.01) << b.what << " on page " << b.page;
        EXPECT_LE(b.x1, L.paper.width - L.margin + 0.01) << b.what << " on page " << b.page;
        EXPECT_GE(b.y0, L.margin - 0.01) << b.what << " on page " << b.page;
        EXPECT_LE(b.y1, L.paper.height - L.margin + 0.01) << b.what << " on page " << b.page;
        EXPECT_LE(b.y0, b.y1) << b.what;
        EXPECT_LT(b.page, L.pageCount);
    }
    for (std::size_t i = 0; i < L.boxes.size(); ++i)
        for (std::size_t j = i + 1; j < L.boxes.size(); ++j)
            EXPECT_FALSE(overlaps(L.boxes[i], L.boxes[j]))
                << L.boxes[i].what << " [" << L.boxes[i].x0 << "," << L.boxes[i].y0 << " " << L.boxes[i].x1
                << "," << L.boxes[i].y1 << "] overlaps " << L.boxes[j].what << " [" << L.boxes[j].x0 << ","
                << L.boxes[j].y0 << " " << L.boxes[j].x1 << "," << L.boxes[j].y1 << "] on page "
                << L.boxes[i].page;
}

int countBoxes(const render::ReportLayout& L, const std::string& what) {
    int n = 0;
    for (const auto& b : L.boxes) n += b.what == what;
    return n;
}

}  // namespace

TEST(Report, OnePageWithoutEarlierVisits) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap m = paintedMap(t, "2026-11-24T14:30:00", someRegion(t, 5), 7);
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &m;
    in.printedDate = "2026-11-25";
    render::ReportLayout L;
    auto pdf = render::renderReportPdf(in, &L);
    ASSERT_TRUE(pdf.ok()) << pdf.error();
    EXPECT_EQ(pdf.value().rfind("%PDF-", 0), 0u);
    EXPECT_EQ(L.pageCount, 1);
    EXPECT_EQ(countBoxes(L, "maps"), 1);
    EXPECT_EQ(countBoxes(L, "footer"), 1);
    EXPECT_NEAR(L.paper.width, 595.28, 0.01);
    expectCleanLayout(L);
}

TEST(Report, TwoPagesWithEarlierVisitsOnLetter) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap a = paintedMap(t, "2026-10-01T10:00:00", someRegion(t, 5), 4);
    const maps::PainMap b = paintedMap(t, "2026-10-15T10:00:00", someRegion(t, 9), 6);
    const maps::PainMap c = paintedMap(t, "2026-11-01T10:00:00", someRegion(t, 9), 3);
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &c;
    in.previous = {&b, &a, &c};  // any order; the current one given again is ignored
    in.paper = render::Paper::Letter;
    in.referralTo = "Dr. Hélène Müller";
    render::ReportLayout L;
    auto pdf = render::renderReportPdf(in, &L);
    ASSERT_TRUE(pdf.ok()) << pdf.error();
    EXPECT_EQ(L.pageCount, 2);
    EXPECT_NEAR(L.paper.width, 612.0, 0.01);
    EXPECT_NEAR(L.paper.height, 792.0, 0.01);
    EXPECT_EQ(countBoxes(L, "difference-map"), 1);
    EXPECT_EQ(countBoxes(L, "trends"), 1);
    EXPECT_GE(countBoxes(L, "region-row"), 1);
    EXPECT_EQ(countBoxes(L, "referral"), 1);
    expectCleanLayout(L);
}

TEST(Report, LongNameReferralAndNotesFlowWithoutOverlap) {
    const auto& t = test::defaultTemplate();
    maps::PainMap prev = paintedMap(t, "2026-10-01T10:00:00", someRegion(t, 3), 8);
    maps::PainMap m = paintedMap(t, "2026-11-01T10:00:00", someRegion(t, 3), 5);
    m.info.clientName = "Αλεξάνδρα-Маргарита Wolfeschlegelsteinhausenbergerdorff von "
                        "Hohenzollern-Sigmaringen und Schaumburg-Lippe-Detmold-Weißenfels";
    m.info.therapist = std::string(200, 'T');
    m.info.notes.clear();
    for (int i = 0; i < 150; ++i) m.info.notes += "A long note sentence that keeps going and going. ";
    m.info.notes += "\nThe very last line of the note.";
    m.tags.push_back({"band-without-template-entry", static_cast<std::uint8_t>(maps::TagKind::Tender), std::string(3000, 'x')});
    m.tags.push_back({"another-band", static_cast<std::uint8_t>(maps::TagKind::Restricted), "short"});
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &m;
    in.previous = {&prev};
    in.referralTo = std::string(40, 'R') + " " + std::string(300, 'r');
    render::ReportLayout L;
    auto pdf = render::renderReportPdf(in, &L);
    ASSERT_TRUE(pdf.ok()) << pdf.error();
    EXPECT_GE(L.pageCount, 3);  // the notes continue; the change page follows them
    EXPECT_GE(countBoxes(L, "notes"), 2);
    EXPECT_EQ(countBoxes(L, "footer"), L.pageCount);
    EXPECT_EQ(countBoxes(L, "running-header"), L.pageCount - 1);
    expectCleanLayout(L);
}

TEST(Report, BadInputIsAnErrorAndWritesNoFile) {
    const auto& t = test::defaultTemplate();
    render::ReportInput in;
    in.tmpl = &t;
    EXPECT_FALSE(render::renderReportPdf(in).ok());  // no map
    const maps::PainMap tiny = maps::PainMap::blankFor(test::tinyTemplate());
    in.current = &tiny;  // a map on another template
    auto r = render::renderReportPdf(in);
    ASSERT_FALSE(r.ok());
    const std::string path = ::testing::TempDir() + "/bodymap_report_bad.pdf";
    std::filesystem::remove(path);
    EXPECT_FALSE(render::writeReportPdf(in, path).ok());
    EXPECT_FALSE(std::filesystem::exists(path));
    // A folder that does not exist: the error names the file, nothing is written.
    const maps::PainMap ok = maps::PainMap::blankFor(t);
    in.current = &ok;
    const std::string missing = ::testing::TempDir() + "/no-such-folder-xyz/r.pdf";
    auto st = render::writeReportPdf(in, missing);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().find(missing), std::string::npos) << st.error();
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(Report, PaperNames) {
    EXPECT_EQ(render::parsePaper("A4"), render::Paper::A4);
    EXPECT_EQ(render::parsePaper("letter"), render::Paper::Letter);
    EXPECT_FALSE(render::parsePaper("a5").has_value());
}

// Golden image of a whole PNG export (chart with legend) with a tolerance: fonts and
// antialiasing may differ by a few levels between machines, the picture may not.
// Regenerate with BODYMAP_UPDATE_GOLDEN=1 after an intended change, and look at it.
TEST(ChartLegend, GoldenImageWithTolerance) {
    const auto& t = test::defaultTemplate();
    maps::TemplateRegistry reg;
    reg.add(t);
    auto m = maps::loadMap(test::testDataPath("good/front_right_shin_7_burning.json"), reg);
    ASSERT_TRUE(m.ok()) << m.error();
    render::ChartOptions o;
    o.map = &m.value();
    o.legend = true;
    const auto img = render::renderChart(t, render::ViewSelection::Both, 600, o);
    const std::string golden = test::testDataPath("golden/chart_legend_600.png");
    if (std::getenv("BODYMAP_UPDATE_GOLDEN")) {
        ASSERT_TRUE(render::writePng(img, golden).ok());
    }
    auto want = render::readPng(golden);
    ASSERT_TRUE(want.ok()) << want.error();
    ASSERT_EQ(img.width, want->width);
    ASSERT_EQ(img.height, want->height);
    int bad = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const auto* p = img.at(x, y);
            const auto* q = want->at(x, y);
            for (int c = 0; c < 3; ++c) {
                if (std::abs(p[c] - q[c]) > 48) {
                    ++bad;
                    break;
                }
            }
        }
    EXPECT_LT(bad, img.width * img.height / 200) << "pixels differ from " << golden;
}

TEST(ChartLegend, LegendBandAddsHeightAndShowsTheScale) {
    const auto& t = test::defaultTemplate();
    render::ChartOptions o;
    const auto plain = render::renderChart(t, render::ViewSelection::Both, 600, o);
    o.legend = true;
    const auto withLegend = render::renderChart(t, render::ViewSelection::Both, 600, o);
    ASSERT_GT(withLegend.height, plain.height + 40);
    // The darkest intensity colour (10) appears in the legend band only.
    const render::Rgba dark = render::intensityColor(10);
    int n = 0;
    for (int y = plain.height; y < withLegend.height; ++y)
        for (int x = 0; x < withLegend.width; ++x) {
            const auto* p = withLegend.at(x, y);
            n += std::abs(p[0] - dark.r) < 4 && std::abs(p[1] - dark.g) < 4 && std::abs(p[2] - dark.b) < 4;
        }
    EXPECT_GT(n, 50);
}
