// The PDF report: page counts with and without earlier visits, paper sizes, every laid-out box
// inside the margins and no two boxes overlapping (also with a very long name, referral and
// note, which continue on further pages), no region row alone on a page, verdicts that follow
// the printed numbers, the change since the first visit, bounded pages for the largest valid
// file, bad input gives an error and no file; and the golden image of a chart PNG with its
// legend, compared with a tolerance.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "maps/brush.h"
#include "maps/map_format.h"
#include "render/chart.h"
#include "render/colormap.h"
#include "render/report.h"
#include "tests/support/report_layout_check.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using bodymap::test::expectCleanLayout;

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


int countBoxes(const render::ReportLayout& L, const std::string& what) {
    int n = 0;
    for (const auto& b : L.boxes) n += b.what == what;
    return n;
}

std::vector<const render::LayoutBox*> boxesOf(const render::ReportLayout& L, const std::string& what) {
    std::vector<const render::LayoutBox*> out;
    for (const auto& b : L.boxes) {
        if (b.what == what) out.push_back(&b);
    }
    return out;
}

std::vector<std::string> splitBar(const std::string& s) {
    std::vector<std::string> out(1);
    for (char c : s) {
        if (c == '|') out.emplace_back();
        else out.back() += c;
    }
    return out;
}

// Paints the first n body regions of t at `intensity` (the same regions in every call).
maps::PainMap regionsMap(const maps::BodyTemplate& t, const std::string& time, std::size_t n, int intensity) {
    maps::PainMap m = maps::PainMap::blankFor(t);
    m.info.clientId = "test-client";
    m.info.clientName = "Table Test";
    m.info.visitTime = time;
    maps::BrushSettings b;
    b.intensity = static_cast<std::uint8_t>(intensity);
    for (std::size_t i = 0; i < n && i < t.regions.size(); ++i) maps::fillRegion(m, t, static_cast<int>(i), b);
    return m;
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

// The therapist's page: only when asked for, after the client's page and before the change
// pages, with the chart, every field of the session note and the treatment's duration.
TEST(Report, TherapistPageOnlyWhenAskedAfterTheClientsPage) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap a = paintedMap(t, "2026-10-01T10:00:00", someRegion(t, 5), 4);
    maps::PainMap m = paintedMap(t, "2026-11-24T14:30:00", someRegion(t, 5), 7);
    m.info.session.subjective = "Calf pain after long runs.";
    m.info.session.objective = "Active trigger point, gastrocnemius.";
    m.info.session.plan = "Weekly, three more sessions.";
    m.info.session.techniques = "deep tissue, myofascial release";
    m.info.session.minutes = 45;
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &m;
    in.previous = {&a};
    in.printedDate = "2026-11-25";
    render::ReportLayout without;
    ASSERT_TRUE(render::renderReportPdf(in, &without).ok());
    EXPECT_EQ(without.pageCount, 2);
    EXPECT_EQ(countBoxes(without, "therapist-chart"), 0);
    EXPECT_EQ(countBoxes(without, "soap-subjective"), 0);

    in.therapistPage = true;
    render::ReportLayout L;
    auto pdf = render::renderReportPdf(in, &L);
    ASSERT_TRUE(pdf.ok()) << pdf.error();
    EXPECT_EQ(L.pageCount, 3);
    const auto chart = boxesOf(L, "therapist-chart");
    ASSERT_EQ(chart.size(), 1u);
    EXPECT_EQ(chart[0]->page, 1);  // after the client's page
    for (const char* f : {"soap-subjective", "soap-objective", "soap-plan", "treatment-techniques", "treatment-duration"}) {
        const auto b = boxesOf(L, f);
        ASSERT_EQ(b.size(), 1u) << f;
        EXPECT_EQ(b[0]->page, 1) << f;
        EXPECT_GT(b[0]->y0, chart[0]->y1) << f;  // under the chart
    }
    EXPECT_EQ(countBoxes(L, "soap-assessment"), 0);  // empty: "Not recorded.", no paragraph
    const auto treatment = boxesOf(L, "treatment-duration");
    ASSERT_EQ(treatment.size(), 1u);
    EXPECT_EQ(treatment[0]->text, "45 minutes");
    EXPECT_EQ(boxesOf(L, "difference-map").at(0)->page, 2);  // the change page comes after it
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

// Issue 12: a single region row was left alone on the next page (Letter, 14 rows). For every
// table length on both papers, a page holds either the whole table or at least two rows, and
// the footnote goes with the last rows.
TEST(Report, RegionTableNeverLeavesOneRowAlone) {
    const auto& t = test::defaultTemplate();
    for (render::Paper paper : {render::Paper::Letter, render::Paper::A4}) {
        for (std::size_t n : {1u, 3u, 4u, 5u, 13u, 14u, 20u}) {
            const maps::PainMap before = regionsMap(t, "2026-10-01T10:00:00", n, 4);
            const maps::PainMap after = regionsMap(t, "2026-11-01T10:00:00", n, 6);
            render::ReportInput in;
            in.tmpl = &t;
            in.current = &after;
            in.previous = {&before};
            in.paper = paper;
            render::ReportLayout L;
            auto pdf = render::renderReportPdf(in, &L);
            ASSERT_TRUE(pdf.ok()) << pdf.error();
            std::vector<int> perPage(static_cast<std::size_t>(L.pageCount), 0);
            int total = 0;
            for (const auto* b : boxesOf(L, "region-row")) {
                ++perPage[static_cast<std::size_t>(b->page)];
                ++total;
            }
            ASSERT_EQ(total, static_cast<int>(std::min<std::size_t>(n, 14))) << n << " regions";
            for (int p = 0; p < L.pageCount; ++p) {
                const int k = perPage[static_cast<std::size_t>(p)];
                EXPECT_TRUE(k == 0 || k >= 2 || k == total)
                    << k << " region row(s) alone on page " << p + 1 << " (" << n << " regions, "
                    << (paper == render::Paper::A4 ? "A4" : "Letter") << ")";
            }
            const auto foot = boxesOf(L, "region-footnote");
            ASSERT_EQ(foot.size(), 1u);
            EXPECT_EQ(foot[0]->page, boxesOf(L, "region-row").back()->page) << "footnote without its rows";
            expectCleanLayout(L);
        }
    }
}

// Issue 12: "Left lower back, max 6 -> 7, better". The verdict follows the printed burden
// change, the row shows it, and the footnote says so; a maximum that rose can go with "better".
TEST(Report, RegionVerdictFollowsThePrintedBurdenChange) {
    const auto& t = test::defaultTemplate();
    const int r = t.regionIndex("back-left-lower-back");
    ASSERT_GE(r, 0);
    maps::PainMap before = maps::PainMap::blankFor(t);
    before.info.visitTime = "2026-10-01T10:00:00";
    maps::BrushSettings b;
    b.intensity = 6;
    maps::fillRegion(before, t, r, b);
    // After: only the cells in the upper quarter of the region's rows hurt, at 7.
    maps::PainMap after = maps::PainMap::blankFor(t);
    after.info.visitTime = "2026-11-01T10:00:00";
    const auto& labels = t.view(maps::ViewId::Back).labels;
    int y0 = t.height, y1 = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] != r) continue;
        const int y = static_cast<int>(i / static_cast<std::size_t>(t.width));
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const int y = static_cast<int>(i / static_cast<std::size_t>(t.width));
        if (labels[i] == r && y < y0 + (y1 - y0) / 4) after.layer(maps::ViewId::Back).intensity[i] = 7;
    }
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &after;
    in.previous = {&before};
    render::ReportLayout L;
    ASSERT_TRUE(render::renderReportPdf(in, &L).ok());
    const auto rows = boxesOf(L, "region-row");
    ASSERT_EQ(rows.size(), 1u);
    const auto cells = splitBar(rows[0]->text);  // name|area|mean|max|burden|verdict
    ASSERT_EQ(cells.size(), 6u) << rows[0]->text;
    EXPECT_EQ(cells[3], "6 \u2192 7");
    EXPECT_EQ(cells[4].rfind("\u2212", 0), 0u) << "burden change " << cells[4];
    EXPECT_EQ(cells[5], "better");
    const auto foot = boxesOf(L, "region-footnote");
    ASSERT_EQ(foot.size(), 1u);
    EXPECT_NE(foot[0]->text.find("Verdict = sign of the burden change"), std::string::npos);
    EXPECT_NE(foot[0]->text.find("a region whose maximum rose can still be better"), std::string::npos);

    // Every row of a mixed report is self-consistent: the verdict has the printed sign.
    const maps::PainMap a = paintedMap(t, "2026-09-01T10:00:00", someRegion(t, 5), 4);
    maps::PainMap c = paintedMap(t, "2026-11-02T10:00:00", someRegion(t, 9), 6);
    in.current = &c;
    in.previous = {&a, &before};
    in.since = render::ChangeSince::Both;
    render::ReportLayout L2;
    ASSERT_TRUE(render::renderReportPdf(in, &L2).ok());
    for (const auto* row : boxesOf(L2, "region-row")) {
        const auto f = splitBar(row->text);
        ASSERT_EQ(f.size(), 6u);
        const bool down = f[4].rfind("\u2212", 0) == 0, up = f[4][0] == '+';
        if (f[5] == "worse" || f[5] == "new") EXPECT_TRUE(up) << row->text;
        else if (f[5] == "better" || f[5] == "resolved") EXPECT_TRUE(down) << row->text;
        else EXPECT_TRUE(!up && !down && f[5] == "no net change") << row->text;
    }
}

// Issue 12: the change since the first visit as well as since the previous one.
TEST(Report, ChangeSinceFirstPreviousOrBoth) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap a = paintedMap(t, "2026-09-01T10:00:00", someRegion(t, 5), 4);
    const maps::PainMap b = paintedMap(t, "2026-10-01T10:00:00", someRegion(t, 9), 6);
    const maps::PainMap c = paintedMap(t, "2026-11-01T10:00:00", someRegion(t, 9), 3);
    auto headings = [](const render::ReportLayout& L) {
        std::string all;
        for (const auto* h : boxesOf(L, "heading")) all += h->text + "\n";
        return all;
    };
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &c;
    in.previous = {&b, &a};
    render::ReportLayout prev, first, both, single;
    ASSERT_TRUE(render::renderReportPdf(in, &prev).ok());
    in.since = render::ChangeSince::First;
    ASSERT_TRUE(render::renderReportPdf(in, &first).ok());
    in.since = render::ChangeSince::Both;
    ASSERT_TRUE(render::renderReportPdf(in, &both).ok());
    in.previous = {&b};  // one earlier visit: previous and first are the same, one section
    ASSERT_TRUE(render::renderReportPdf(in, &single).ok());
    EXPECT_NE(headings(prev).find("Change since the previous visit"), std::string::npos);
    EXPECT_EQ(headings(prev).find("first visit"), std::string::npos);
    EXPECT_NE(headings(first).find("Change since the first visit given"), std::string::npos);
    EXPECT_EQ(headings(first).find("previous visit"), std::string::npos);
    EXPECT_NE(headings(both).find("Change since the previous visit"), std::string::npos);
    EXPECT_NE(headings(both).find("Change since the first visit given"), std::string::npos);
    EXPECT_EQ(countBoxes(prev, "difference-map"), 1);
    EXPECT_EQ(countBoxes(first, "difference-map"), 1);
    EXPECT_EQ(countBoxes(both, "difference-map"), 2);
    EXPECT_EQ(countBoxes(both, "trends"), 1);
    EXPECT_EQ(countBoxes(single, "difference-map"), 1);
    EXPECT_EQ(both.pageCount, prev.pageCount + 1);
    expectCleanLayout(both);
    EXPECT_EQ(render::parseChangeSince("first"), render::ChangeSince::First);
    EXPECT_EQ(render::parseChangeSince("both"), render::ChangeSince::Both);
    EXPECT_FALSE(render::parseChangeSince("last").has_value());
}

// Issue 12: the WPI note is whole sentences ("diagnosis. an area" started one in lower case)
// and says the painful-area threshold is BodyMap's filter, not the ACR's.
TEST(Report, PainfulAreaNoteIsWholeSentences) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap m = paintedMap(t, "2026-11-24T14:30:00", someRegion(t, 5), 7);
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &m;
    render::ReportLayout L;
    ASSERT_TRUE(render::renderReportPdf(in, &L).ok());
    const auto fig = boxesOf(L, "figures");
    ASSERT_EQ(fig.size(), 1u);
    const std::string& note = fig[0]->text;
    EXPECT_NE(note.find("not a diagnosis. An area counts as painful"), std::string::npos) << note;
    EXPECT_NE(note.find("BodyMap's own filter against specks"), std::string::npos) << note;
    EXPECT_NE(note.find("not part of the ACR definition."), std::string::npos) << note;
    for (std::size_t i = note.find(". "); i != std::string::npos; i = note.find(". ", i + 1)) {
        EXPECT_FALSE(std::islower(static_cast<unsigned char>(note[i + 2]))) << "lower case after \". \" in: " << note;
    }
}

// Issue 12, bounded work: the largest valid file (2000 tags with 4 KiB notes, 64 KiB of visit
// notes) gives a report of a bounded number of pages, and the page says what was left out.
TEST(Report, MaximumTagsAndNotesGiveBoundedPagesWithAVisibleNote) {
    const auto& t = test::defaultTemplate();
    maps::PainMap prev = paintedMap(t, "2026-10-01T10:00:00", someRegion(t, 3), 8);
    maps::PainMap m = paintedMap(t, "2026-11-01T10:00:00", someRegion(t, 3), 5);
    m.info.notes.clear();
    while (m.info.notes.size() + 60 <= maps::kMaxNotesBytes) m.info.notes += "Pain after the long drive, eased by walking today. ";
    for (std::size_t i = 0; i < maps::kMaxTags; ++i) {
        std::string note;
        while (note.size() + 40 <= maps::kMaxTagNoteBytes) note += "Tender and restricted along the band. ";
        m.tags.push_back({t.bands[i % t.bands.size()].id, static_cast<std::uint8_t>(maps::TagKind::Tender), note});
    }
    render::ReportInput in;
    in.tmpl = &t;
    in.current = &m;
    in.previous = {&prev};
    in.since = render::ChangeSince::Both;
    render::ReportLayout L;
    auto pdf = render::renderReportPdf(in, &L);
    ASSERT_TRUE(pdf.ok()) << pdf.error();
    const render::ReportLimits& lim = render::kReportLimits;
    // Page 1, the tags (at most maxTagPages more), the notes (at most maxNotePages), 2 change pages.
    EXPECT_LE(L.pageCount, 1 + lim.maxTagPages + lim.maxNotePages + 2);
    EXPECT_LE(static_cast<std::size_t>(countBoxes(L, "tag")), lim.maxTags);
    const auto tagNote = boxesOf(L, "omitted-tags");
    ASSERT_EQ(tagNote.size(), 1u);
    const std::size_t shown = static_cast<std::size_t>(countBoxes(L, "tag"));
    const std::string more = render::report_detail::grouped(maps::kMaxTags - shown);
    EXPECT_EQ(tagNote[0]->text, "\u2026 " + more + " more tags are not shown (" + std::to_string(shown) +
                                    " of 2,000 printed); see the map file.");
    const auto cut = boxesOf(L, "shortened-tag-notes");
    ASSERT_EQ(cut.size(), 1u);
    EXPECT_NE(cut[0]->text.find("tag notes are shortened"), std::string::npos) << cut[0]->text;
    const auto notes = boxesOf(L, "omitted-notes");
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0]->text.rfind("\u2026 The visit notes continue for ", 0), 0u) << notes[0]->text;
    EXPECT_NE(notes[0]->text.find("more characters that are not printed"), std::string::npos) << notes[0]->text;
    EXPECT_NE(notes[0]->text.find("; see the map file."), std::string::npos);
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
