// The report in another language: the pseudo-locale (every string 40 % longer, accented) still
// lays out with every box inside the margins and no two boxes overlapping, on both papers and
// with every section (tags, a long region table, trends, both change sections); the text is
// really translated; numbers and dates follow the language's conventions (report_detail
// helpers); the paper a language takes by default.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "maps/brush.h"
#include "maps/i18n/i18n.h"
#include "tests/support/report_layout_check.h"
#include "render/report.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using bodymap::test::expectCleanLayout;

namespace {

maps::PainMap visit(const maps::BodyTemplate& t, const std::string& time, std::size_t regions, int intensity) {
    maps::PainMap m = maps::PainMap::blankFor(t);
    m.info.clientId = "test-client";
    m.info.clientName = "Zoë Øster";
    m.info.visitTime = time;
    m.info.therapist = "Sam";
    m.info.notes = "Burning along the right shin.";
    maps::BrushSettings b;
    b.intensity = static_cast<std::uint8_t>(intensity);
    b.qualities = maps::bit(maps::Quality::Burning) | maps::bit(maps::Quality::Numbness);
    for (std::size_t i = 0; i < regions && i < t.regions.size(); ++i) maps::fillRegion(m, t, static_cast<int>(i), b);
    return m;
}


std::string allText(const render::ReportLayout& L) {
    std::string s;
    for (const auto& b : L.boxes) s += b.text + "\n";
    return s;
}

}  // namespace

TEST(ReportLanguage, PseudoLaysOutInsideThePageWithoutOverlap) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap a = visit(t, "2026-09-01T10:00:00", 30, 8);
    const maps::PainMap b = visit(t, "2026-10-01T10:00:00", 20, 5);
    maps::PainMap c = visit(t, "2026-11-01T10:00:00", 10, 3);
    for (int i = 0; i < 8 && i < static_cast<int>(t.bands.size()); ++i) {
        c.tags.push_back({t.bands[static_cast<std::size_t>(i)].id, static_cast<std::uint8_t>(maps::TagKind::Tender),
                          "tender on palpation"});
    }
    for (render::Paper paper : {render::Paper::A4, render::Paper::Letter}) {
        for (render::ChangeSince since : {render::ChangeSince::Previous, render::ChangeSince::Both}) {
            render::ReportInput in;
            in.tmpl = &t;
            in.current = &c;
            in.previous = {&a, &b};
            in.paper = paper;
            in.since = since;
            in.referralTo = "Dr. Hélène Müller";
            in.printedDate = "2026-11-25";
            in.language = "pseudo";
            render::ReportLayout L;
            auto pdf = render::renderReportPdf(in, &L);
            ASSERT_TRUE(pdf.ok()) << pdf.error();
            expectCleanLayout(L);
            const std::string text = allText(L);
            // The headings and notes are the pseudo-locale's, not English.
            EXPECT_EQ(text.find("Change since the previous visit"), std::string::npos) << text;
            EXPECT_NE(text.find("[\xC3\x87h\xC3\xa1\xC3\xb1g\xC3\xa9"), std::string::npos) << text;  // "[Çháñgé"
        }
    }
    // The scope ended with the report: this thread is back in its own language.
    EXPECT_EQ(maps::i18n::currentLanguage(), "en");
}

TEST(ReportLanguage, NumbersAndDatesFollowTheLanguage) {
    using namespace render::report_detail;
    {
        maps::i18n::LanguageScope en("en");
        EXPECT_EQ(fixed(3.5, 1), "3.5");
        EXPECT_EQ(fixed(-0.01, 1), "0.0");
        EXPECT_EQ(signedFixed(1.25, 1), "+1.2");
        EXPECT_EQ(grouped(1730), "1,730");
        EXPECT_EQ(shortDate("2026-11-16T10:00:00"), "11/16");
        EXPECT_EQ(formatVisitTime("2026-11-16T10:00:00"), "November 16, 2026, 10:00 AM");
        EXPECT_EQ(formatVisitTime("2026-11-16T10:00:00", false), "November 16, 2026");
        EXPECT_EQ(formatVisitTime("not a time"), "not a time");
    }
    {
        maps::i18n::LanguageScope de("de");
        EXPECT_EQ(fixed(3.5, 1), "3,5");
        EXPECT_EQ(fixed(-0.01, 1), "0,0");
        EXPECT_EQ(signedFixed(-2.0, 1), "\u22122,0");
        EXPECT_EQ(grouped(1730), "1.730");
        EXPECT_EQ(shortDate("2026-11-16T10:00:00"), "16.11.");
        // The long date's words come from the catalog; the clock is the language's (24 h).
        const std::string when = formatVisitTime("2026-11-16T10:00:00");
        EXPECT_NE(when.find("2026"), std::string::npos) << when;
        EXPECT_EQ(when.substr(when.size() - 7), ", 10:00") << when;
    }
}

TEST(ReportLanguage, DefaultPaperFollowsTheLanguage) {
    EXPECT_EQ(render::defaultPaper("en"), render::Paper::Letter);
    for (const char* l : {"en_GB", "de", "es", "fr"}) EXPECT_EQ(render::defaultPaper(l), render::Paper::A4) << l;
}
