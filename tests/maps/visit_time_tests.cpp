// The visit date and time fields behind the Visit tab's date control: split and join keep the
// stored ISO value, no field combination gives an invalid date, and steps carry correctly.
#include <gtest/gtest.h>

#include "maps/map_format.h"
#include "maps/visit_time.h"

using namespace bodymap::maps;

TEST(VisitTime, SplitAndJoinGiveBackTheStoredValue) {
    for (const char* iso : {"2026-11-24T14:30:00", "2026-02-28T00:00:59Z",
                            "1999-12-31T23:59:07+05:30", "2024-02-29T08:05:00-03:00"}) {
        const auto t = parseCivilTime(iso);
        ASSERT_TRUE(t) << iso;
        EXPECT_EQ(formatCivilTime(*t), iso);
    }
    const auto t = parseCivilTime("2026-11-24T14:30:05+01:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->year, 2026);
    EXPECT_EQ(t->month, 11);
    EXPECT_EQ(t->day, 24);
    EXPECT_EQ(t->hour, 14);
    EXPECT_EQ(t->minute, 30);
    EXPECT_EQ(t->second, 5);
    EXPECT_EQ(t->zone, "+01:00");
}

TEST(VisitTime, RejectsWhatIsNotADate) {
    for (const char* bad : {"", "2026-11-24", "2026-02-30T10:00:00", "2025-02-29T10:00:00",
                            "2026-13-01T10:00:00", "2026-11-24T24:00:00", "24.11.2026 14:30"}) {
        EXPECT_FALSE(parseCivilTime(bad)) << bad;
    }
}

TEST(VisitTime, MonthLengthsFollowTheGregorianCalendar) {
    EXPECT_EQ(monthLength(2026, 1), 31);
    EXPECT_EQ(monthLength(2026, 2), 28);
    EXPECT_EQ(monthLength(2024, 2), 29);
    EXPECT_EQ(monthLength(1900, 2), 28);  // a century is not a leap year...
    EXPECT_EQ(monthLength(2000, 2), 29);  // ...unless divisible by 400
    EXPECT_EQ(monthLength(2026, 4), 30);
    EXPECT_EQ(monthLength(2026, 12), 31);
}

TEST(VisitTime, NoFieldCombinationGivesAnInvalidValue) {
    // What the controls can produce: the day kept while the month or year changes, typed numbers
    // out of range. Each one is clamped to a real date and stays a valid stored value.
    CivilTime t;
    t.year = 2026;
    t.month = 2;
    t.day = 30;
    EXPECT_EQ(formatCivilTime(t), "2026-02-28T00:00:00");
    t.year = 2024;
    EXPECT_EQ(formatCivilTime(t), "2024-02-29T00:00:00");
    t = CivilTime{};
    t.month = 4;
    t.day = 31;
    EXPECT_EQ(clampCivilTime(t).day, 30);
    t = CivilTime{};
    t.year = 12345;
    t.month = 0;
    t.day = 0;
    t.hour = 31;
    t.minute = 75;
    EXPECT_EQ(formatCivilTime(t), "9999-01-01T23:59:00");
    t.year = 20;
    EXPECT_EQ(formatCivilTime(t).substr(0, 4), "1900");
    for (int y : {1900, 2023, 2024, 2100}) {
        for (int m = 1; m <= 12; ++m) {
            for (int d = 25; d <= 31; ++d) {
                CivilTime c;
                c.year = y;
                c.month = m;
                c.day = d;
                EXPECT_TRUE(isIsoDateTime(formatCivilTime(c))) << formatCivilTime(c);
            }
        }
    }
}

TEST(VisitTime, StepsCarryAcrossHoursDaysMonthsAndYears) {
    const auto at = [](const char* iso) { return *parseCivilTime(iso); };
    EXPECT_EQ(formatCivilTime(addMinutes(at("2026-11-24T14:59:00"), 1)), "2026-11-24T15:00:00");
    EXPECT_EQ(formatCivilTime(addMinutes(at("2026-11-24T23:59:00"), 1)), "2026-11-25T00:00:00");
    EXPECT_EQ(formatCivilTime(addMinutes(at("2026-02-28T23:00:00"), 60)), "2026-03-01T00:00:00");
    EXPECT_EQ(formatCivilTime(addMinutes(at("2024-02-28T23:00:00"), 60)), "2024-02-29T00:00:00");
    EXPECT_EQ(formatCivilTime(addMinutes(at("2026-12-31T23:30:00Z"), 30)), "2027-01-01T00:00:00Z");
    EXPECT_EQ(formatCivilTime(addMinutes(at("2027-01-01T00:00:00"), -1)), "2026-12-31T23:59:00");
    EXPECT_EQ(formatCivilTime(addMinutes(at("2026-03-01T00:10:00"), -24 * 60)),
              "2026-02-28T00:10:00");
    // Seconds and zone are kept; the ends of the range hold.
    EXPECT_EQ(formatCivilTime(addMinutes(at("2026-06-01T10:00:42+02:00"), 5)),
              "2026-06-01T10:05:42+02:00");
    EXPECT_EQ(formatCivilTime(addMinutes(at("1900-01-01T00:00:00"), -1)), "1900-01-01T00:00:00");
    EXPECT_EQ(formatCivilTime(addMinutes(at("9999-12-31T23:59:00"), 1)), "9999-12-31T23:59:00");
}

// Days counted by hand (and checked with Python's datetime): 1970-01-01 is day 0, 2026-10-05 is
// day 20,731, 2024-02-29 day 19,782; 18:00 adds 0.75 of a day. Not a date: none.
TEST(VisitTime, DayNumberPlacesVisitsOnATimeAxis) {
    EXPECT_DOUBLE_EQ(*visitDayNumber("1970-01-01T00:00:00"), 0.0);
    EXPECT_DOUBLE_EQ(*visitDayNumber("2026-10-05T18:00:00"), 20731.75);
    EXPECT_DOUBLE_EQ(*visitDayNumber("2024-02-29"), 19782.0);
    EXPECT_DOUBLE_EQ(*visitDayNumber("1969-12-31T00:00:00"), -1.0);
    EXPECT_FALSE(visitDayNumber("undated").has_value());
    EXPECT_FALSE(visitDayNumber("2026-13-01T00:00:00").has_value());
}
