// printf-style formatting with the language's decimal separator, and the language's dates and
// times (see i18n.h). Each conversion is handed to vsnprintf's C-locale behaviour one at a time,
// so %n$ positions work and a float's '.' can be replaced by the language's separator.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "maps/i18n/i18n.h"

namespace bodymap::maps::i18n {

namespace {

enum class ArgType { None, Int, Long, LongLong, SizeT, UInt, ULong, ULongLong, Double, LongDouble, String, Pointer };

struct Spec {
    std::size_t begin = 0, end = 0;  // the spec's bytes in fmt, '%' to conversion letter
    int position = 0;                // 1-based when "%n$", else 0
    std::string flagsWidthPrecision; // "-08.2", '*' not supported
    std::string length;              // "", "h", "hh", "l", "ll", "z", "j", "t", "L"
    char conversion = 0;
    ArgType type = ArgType::None;
};

struct Arg {
    ArgType type = ArgType::None;
    long long i = 0;
    unsigned long long u = 0;
    long double d = 0;
    const char* s = nullptr;
    const void* p = nullptr;
};

ArgType typeOf(char conv, const std::string& len) {
    switch (conv) {
    case 'd': case 'i': case 'c':
        if (len == "l") return ArgType::Long;
        if (len == "ll" || len == "j") return ArgType::LongLong;
        if (len == "z" || len == "t") return ArgType::SizeT;
        return ArgType::Int;
    case 'u': case 'o': case 'x': case 'X':
        if (len == "l") return ArgType::ULong;
        if (len == "ll" || len == "j") return ArgType::ULongLong;
        if (len == "z" || len == "t") return ArgType::SizeT;
        return ArgType::UInt;
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
        return len == "L" ? ArgType::LongDouble : ArgType::Double;
    case 's': return ArgType::String;
    case 'p': return ArgType::Pointer;
    default: return ArgType::None;
    }
}

// Parses the spec at fmt[at] == '%'. Returns false for "%%" (handled by the caller) and for a
// spec this formatter does not take ('*' widths, %n, wide strings), which is copied as text.
bool parseSpec(const char* fmt, std::size_t at, Spec& spec) {
    std::size_t i = at + 1;
    spec = Spec{};
    spec.begin = at;
    std::size_t digits = i;
    while (fmt[digits] >= '0' && fmt[digits] <= '9') ++digits;
    if (digits > i && fmt[digits] == '$') {
        spec.position = std::atoi(fmt + i);
        if (spec.position < 1 || spec.position > 64) return false;
        i = digits + 1;
    }
    while (fmt[i] && std::strchr("-+ #0'", fmt[i])) {
        if (fmt[i] != '\'') spec.flagsWidthPrecision += fmt[i];
        ++i;
    }
    while (fmt[i] >= '0' && fmt[i] <= '9') spec.flagsWidthPrecision += fmt[i++];
    if (fmt[i] == '.') {
        spec.flagsWidthPrecision += fmt[i++];
        while (fmt[i] >= '0' && fmt[i] <= '9') spec.flagsWidthPrecision += fmt[i++];
    }
    if (fmt[i] == '*') return false;
    while (fmt[i] && std::strchr("hlLqjzt", fmt[i])) spec.length += fmt[i++];
    spec.conversion = fmt[i];
    spec.type = typeOf(spec.conversion, spec.length);
    if (spec.type == ArgType::None) return false;
    if (spec.type == ArgType::String && !spec.length.empty()) return false;
    spec.end = i + 1;
    return true;
}

Arg fetch(ArgType type, va_list& args) {
    Arg a;
    a.type = type;
    switch (type) {
    case ArgType::Int: a.i = va_arg(args, int); break;
    case ArgType::Long: a.i = va_arg(args, long); break;
    case ArgType::LongLong: a.i = va_arg(args, long long); break;
    case ArgType::SizeT: a.u = va_arg(args, std::size_t); break;
    case ArgType::UInt: a.u = va_arg(args, unsigned int); break;
    case ArgType::ULong: a.u = va_arg(args, unsigned long); break;
    case ArgType::ULongLong: a.u = va_arg(args, unsigned long long); break;
    case ArgType::Double: a.d = va_arg(args, double); break;
    case ArgType::LongDouble: a.d = va_arg(args, long double); break;
    case ArgType::String: a.s = va_arg(args, const char*); break;
    case ArgType::Pointer: a.p = va_arg(args, const void*); break;
    case ArgType::None: break;
    }
    return a;
}

void appendf(std::string& out, const char* spec, ...) BODYMAP_PRINTF_FORMAT(2, 3);
void appendf(std::string& out, const char* spec, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, spec);
    const int n = std::vsnprintf(buf, sizeof buf, spec, ap);
    va_end(ap);
    if (n < 0) return;
    if (static_cast<std::size_t>(n) < sizeof buf) {
        out.append(buf, static_cast<std::size_t>(n));
        return;
    }
    std::vector<char> big(static_cast<std::size_t>(n) + 1);
    va_start(ap, spec);
    std::vsnprintf(big.data(), big.size(), spec, ap);
    va_end(ap);
    out.append(big.data(), static_cast<std::size_t>(n));
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void render(std::string& out, const Spec& spec, const Arg& a, char decimalPoint) {
    // The spec without its position: "%-8.2f".
    std::string s = "%" + spec.flagsWidthPrecision;
    const char conv = spec.conversion;
    const std::size_t mark = out.size();
    switch (a.type) {
    case ArgType::Int: case ArgType::Long: case ArgType::LongLong:
        s += "ll";
        s += conv;
        appendf(out, s.c_str(), static_cast<long long>(a.i));
        break;
    case ArgType::SizeT: case ArgType::UInt: case ArgType::ULong: case ArgType::ULongLong:
        s += "ll";
        s += conv == 'd' || conv == 'i' ? 'u' : conv;
        appendf(out, s.c_str(), static_cast<unsigned long long>(a.u));
        break;
    case ArgType::Double: case ArgType::LongDouble:
        s += "L";
        s += conv;
        appendf(out, s.c_str(), a.d);
        if (decimalPoint != '.') {
            const std::size_t dot = out.find('.', mark);
            if (dot != std::string::npos) out[dot] = decimalPoint;
        }
        break;
    case ArgType::String:
        s += 's';
        appendf(out, s.c_str(), a.s ? a.s : "(null)");
        break;
    case ArgType::Pointer:
        s += 'p';
        appendf(out, s.c_str(), a.p);
        break;
    case ArgType::None: break;
    }
}
#pragma GCC diagnostic pop

}  // namespace

std::string vformat(const char* fmt, va_list argsIn) {
    std::string out;
    if (!fmt) return out;
    va_list args;
    va_copy(args, argsIn);
    const char decimalPoint = conventions().decimalPoint;
    // First pass: the specs, so positional arguments can be fetched in order of position.
    std::vector<Spec> specs;
    bool positional = false;
    for (std::size_t i = 0; fmt[i]; ++i) {
        if (fmt[i] != '%') continue;
        if (fmt[i + 1] == '%') {
            ++i;
            continue;
        }
        Spec spec;
        if (parseSpec(fmt, i, spec)) {
            positional = positional || spec.position > 0;
            specs.push_back(spec);
            i = spec.end - 1;
        }
    }
    std::vector<Arg> byPosition;
    if (positional) {
        // Every spec must then be positional, and each position's type is its first use's.
        std::vector<ArgType> types;
        for (const Spec& s : specs) {
            if (s.position == 0) {
                va_end(args);
                return fmt;  // mixing is undefined in printf; show the text unformatted
            }
            if (types.size() < static_cast<std::size_t>(s.position)) types.resize(static_cast<std::size_t>(s.position), ArgType::None);
            if (types[static_cast<std::size_t>(s.position - 1)] == ArgType::None) types[static_cast<std::size_t>(s.position - 1)] = s.type;
        }
        for (ArgType t : types) {
            if (t == ArgType::None) {  // a gap: the argument's type is unknown
                va_end(args);
                return fmt;
            }
            byPosition.push_back(fetch(t, args));
        }
    }
    std::size_t next = 0;
    std::size_t copied = 0;
    for (std::size_t i = 0; fmt[i]; ++i) {
        if (fmt[i] != '%') continue;
        if (fmt[i + 1] == '%') {
            out.append(fmt + copied, i - copied);
            out += '%';
            copied = i + 2;
            ++i;
            continue;
        }
        if (next < specs.size() && specs[next].begin == i) {
            const Spec& spec = specs[next++];
            out.append(fmt + copied, i - copied);
            const Arg a = positional ? byPosition[static_cast<std::size_t>(spec.position - 1)] : fetch(spec.type, args);
            render(out, spec, a, decimalPoint);
            copied = spec.end;
            i = spec.end - 1;
        }
    }
    out.append(fmt + copied);
    va_end(args);
    return out;
}

std::string format(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    std::string s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

Conventions conventionsFor(std::string_view tag) {
    const std::string t = normalizeLanguage(tag);
    Conventions c;
    if (t == "en" || t.empty() || t == kPseudoLanguage) {
        c.decimalPoint = '.';
        c.dateOrder = DateOrder::MonthDayYear;
        c.dateSeparator = '/';
        c.twelveHourClock = true;
        c.paper = PaperKind::Letter;
        if (t == kPseudoLanguage) {  // the pseudo-locale tests the separators too
            c.decimalPoint = ',';
            c.groupSeparator = ".";
        }
    } else if (t == "en_GB") {
        c = Conventions{'.', ",", DateOrder::DayMonthYear, '/', false, PaperKind::A4};
    } else if (t == "de" || t == "es") {
        c = Conventions{',', ".", DateOrder::DayMonthYear, t == "de" ? '.' : '/', false, PaperKind::A4};
    } else {  // fr: a no-break space between thousands
        c = Conventions{',', "\u00A0", DateOrder::DayMonthYear, '/', false, PaperKind::A4};
    }
    return c;
}

std::string formatNumber(double value, int decimals) {
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (const std::size_t dot = s.find('.'); dot != std::string::npos) s[dot] = conventions().decimalPoint;
    return s;
}

std::string formatDate(int year, int month, int day) {
    const Conventions c = conventions();
    char buf[32];
    if (c.dateOrder == DateOrder::MonthDayYear)
        std::snprintf(buf, sizeof buf, "%02d%c%02d%c%04d", month, c.dateSeparator, day, c.dateSeparator, year);
    else
        std::snprintf(buf, sizeof buf, "%02d%c%02d%c%04d", day, c.dateSeparator, month, c.dateSeparator, year);
    return buf;
}

const char* monthName(int month) {
    static constexpr const char* kMonths[12] = {
        trNoopC("month", "January"), trNoopC("month", "February"), trNoopC("month", "March"),
        trNoopC("month", "April"),   trNoopC("month", "May"),      trNoopC("month", "June"),
        trNoopC("month", "July"),    trNoopC("month", "August"),   trNoopC("month", "September"),
        trNoopC("month", "October"), trNoopC("month", "November"), trNoopC("month", "December")};
    if (month < 1 || month > 12) return "";
    return trc("month", kMonths[month - 1]);
}

std::string formatDateLong(int year, int month, int day) {
    // TRANSLATORS: a date in words: the month's name, the day, the year ("December 2, 2026").
    // Reorder with positions: German "%2$d. %1$s %3$d", Spanish "%2$d de %1$s de %3$d".
    // British English shares the English catalog but writes the day first: "16 November 2026".
    if (currentLanguage() == "en_GB") return format("%d %s %d", day, monthName(month), year);
    return format(tr("%s %d, %d"), monthName(month), day, year);
}

std::string formatTime(int hour, int minute) {
    char buf[32];
    if (conventions().twelveHourClock) {
        const int h12 = hour % 12 == 0 ? 12 : hour % 12;
        std::snprintf(buf, sizeof buf, "%d:%02d %s", h12, minute, hour < 12 ? "AM" : "PM");
    } else {
        std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    }
    return buf;
}

}  // namespace bodymap::maps::i18n
