// A visit's date and time as separate fields, for the date and time control of the Visit tab:
// split an ISO "YYYY-MM-DDTHH:MM:SS[zone]" value, keep every field valid (no 30 February),
// step by minutes across hours, days, months and years, and join it back.
#pragma once

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "maps/map_format.h"

namespace bodymap::maps {

struct CivilTime {
    int year = 2000, month = 1, day = 1;  // month 1..12, day 1..monthLength(year, month)
    int hour = 0, minute = 0, second = 0;
    std::string zone;  // "", "Z" or "+HH:MM" / "-HH:MM", kept as it was read
};

constexpr int kMinVisitYear = 1900;  // isIsoDateTime's range
constexpr int kMaxVisitYear = 9999;

// Days in `month` (1..12) of `year` in the Gregorian calendar: 28..31.
inline int monthLength(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    month = std::clamp(month, 1, 12);
    return month == 2 && leap ? 29 : kDays[month - 1];
}

// Every field moved into its range: year kMinVisitYear..kMaxVisitYear, month 1..12, day
// 1..monthLength (31 April becomes 30 April), hour 0..23, minute and second 0..59.
inline CivilTime clampCivilTime(CivilTime t) {
    t.year = std::clamp(t.year, kMinVisitYear, kMaxVisitYear);
    t.month = std::clamp(t.month, 1, 12);
    t.day = std::clamp(t.day, 1, monthLength(t.year, t.month));
    t.hour = std::clamp(t.hour, 0, 23);
    t.minute = std::clamp(t.minute, 0, 59);
    t.second = std::clamp(t.second, 0, 59);
    return t;
}

// The fields of an ISO value that passes isIsoDateTime; nullopt otherwise.
inline std::optional<CivilTime> parseCivilTime(std::string_view iso) {
    if (!isIsoDateTime(iso)) return std::nullopt;
    const auto num = [iso](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (iso[i] - '0');
        return v;
    };
    CivilTime t;
    t.year = num(0, 4);
    t.month = num(5, 2);
    t.day = num(8, 2);
    t.hour = num(11, 2);
    t.minute = num(14, 2);
    t.second = num(17, 2);
    t.zone = std::string(iso.substr(19));
    return t;
}

// "YYYY-MM-DDTHH:MM:SS" plus the zone, of the clamped fields: always passes isIsoDateTime
// when the zone is one isIsoDateTime accepts.
inline std::string formatCivilTime(const CivilTime& in) {
    const CivilTime t = clampCivilTime(in);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second);
    return buf + t.zone;
}

// The clamped time moved by `minutes` (either sign), carrying into hours, days, months and
// years; the result stays within kMinVisitYear..kMaxVisitYear (clamped at the ends).
inline CivilTime addMinutes(CivilTime t, long long minutes) {
    t = clampCivilTime(t);
    // Days since 1 March of year 0 (H. Hinnant's days_from_civil), and back.
    const auto toDays = [](long long y, long long m, long long d) {
        y -= m <= 2;
        const long long era = y / 400, yoe = y - era * 400;
        const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
    };
    long long total = (toDays(t.year, t.month, t.day) * 24 + t.hour) * 60 + t.minute + minutes;
    const long long lo = toDays(kMinVisitYear, 1, 1) * 1440;
    const long long hi = toDays(kMaxVisitYear, 12, 31) * 1440 + 1439;
    total = std::clamp(total, lo, hi);
    long long days = total / 1440;
    const long long rest = total - days * 1440;
    const long long era = days / 146097, doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    const long long y = yoe + era * 400 + (m <= 2);
    t.year = static_cast<int>(y);
    t.month = static_cast<int>(m);
    t.day = static_cast<int>(d);
    t.hour = static_cast<int>(rest / 60);
    t.minute = static_cast<int>(rest % 60);
    return t;
}

// Days since 1970-01-01 of an ISO date-time, with the time of day as a fraction (for placing
// visits on a time axis); nullopt when the text does not start with a date. Proleptic
// Gregorian, H. Hinnant's days-from-civil algorithm.
inline std::optional<double> visitDayNumber(const std::string& iso) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0;
    const int n = std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &hh, &mm);
    if (n < 3 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const double days = era * 146097.0 + doe - 719468.0;
    return days + (n >= 5 ? (hh * 60.0 + mm) / 1440.0 : 0.0);
}

}  // namespace bodymap::maps
