// The shipped catalogs (build/locale, compiled from assets/locale/*.po) as tr() uses them: each
// language loads, translates, follows its plural rule and its conventions; English is itself.
#include <gtest/gtest.h>

#include <string>

#include "maps/i18n/i18n.h"

namespace bodymap::maps::i18n {
namespace {

TEST(ShippedCatalogs, EveryLanguageLoadsAndTranslates) {
    for (const Language& l : shippedLanguages()) {
        LanguageScope scope(l.tag);
        EXPECT_EQ(catalogError(l.tag), "") << l.tag;
        const std::string month = monthName(12);
        if (l.tag == "en") {
            EXPECT_EQ(month, "December");
        } else {
            EXPECT_NE(month, "December") << l.tag << " has no translation of the month";
        }
    }
}

TEST(ShippedCatalogs, MonthsAndLongDatesAsEachLanguageWritesThem) {
    const struct { const char* tag; const char* date; } cases[] = {
        {"en", "November 16, 2026"},
        {"en_GB", "16 November 2026"},
        {"de", "16. November 2026"},
        {"es", "16 de noviembre de 2026"},
        {"fr", "16 novembre 2026"},
    };
    for (const auto& c : cases) {
        LanguageScope scope(c.tag);
        EXPECT_EQ(formatDateLong(2026, 11, 16), c.date) << c.tag;
    }
}

// Plural rules from the catalogs' headers: German and Spanish (n != 1) use the plural for 0,
// French (n > 1) the singular. Compared form with form, so a rewording cannot break the test.
TEST(ShippedCatalogs, PluralFormsFollowEachLanguagesRule) {
    const char* one = "%zu visit";
    const char* many = "%zu visits";
    for (const char* tag : {"de", "es", "fr"}) {
        LanguageScope scope(tag);
        const std::string singular = trn(one, many, 1), plural = trn(one, many, 5);
        EXPECT_NE(singular, plural) << tag;
        EXPECT_NE(singular, one) << tag << ": not translated";
        EXPECT_NE(plural, many) << tag << ": not translated";
        EXPECT_NE(singular.find("%zu"), std::string::npos) << tag;
        const std::string zero = trn(one, many, 0);
        EXPECT_EQ(zero, std::string(tag) == "fr" ? singular : plural) << tag;
    }
    LanguageScope en("en");
    EXPECT_STREQ(trn(one, many, 1), one);
    EXPECT_STREQ(trn(one, many, 2), many);
}

TEST(ShippedCatalogs, ContextsKeepTwoMeaningsApart) {
    LanguageScope scope("de");
    // "Back" the view (the template's label) is translated under its context.
    EXPECT_STREQ(trc(kViewContext, "Back"), "Rückseite");
    EXPECT_STREQ(trc(kViewContext, "Front"), "Vorderseite");
}

TEST(ShippedCatalogs, NumbersAndPaperFollowTheLanguage) {
    const struct { const char* tag; const char* number; const char* thousands; PaperKind paper; } cases[] = {
        {"en", "3.5", "1,730", PaperKind::Letter}, {"en_GB", "3.5", "1,730", PaperKind::A4},
        {"de", "3,5", "1.730", PaperKind::A4},     {"es", "3,5", "1.730", PaperKind::A4},
        {"fr", "3,5", "1\u00A0730", PaperKind::A4},
    };
    for (const auto& c : cases) {
        LanguageScope scope(c.tag);
        EXPECT_EQ(format("%.1f", 3.5), c.number) << c.tag;
        EXPECT_EQ(std::string("1") + conventions().groupSeparator + "730", c.thousands) << c.tag;
        EXPECT_EQ(conventions().paper, c.paper) << c.tag;
    }
}

}  // namespace
}  // namespace bodymap::maps::i18n
