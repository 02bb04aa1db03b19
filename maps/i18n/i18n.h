// Translation and local conventions. Every string a person reads goes through tr() and its
// friends; the catalogs are GNU gettext .mo files compiled at build time from
// assets/locale/*.po. Several languages are loaded at once, because the therapist's UI, the
// intake and each report have their own: a LanguageScope picks the language of one thread's
// tr() calls, and outside any scope the process default applies.
//
// Rules for marked strings (scripts/i18n extracts them with xgettext):
//  - whole sentences with placeholders, never fragments glued together;
//  - plurals through trn(), so "1 visit" and "5 visits" are each right in every language;
//  - a context (trc) where one English word has two meanings ("Back" the view, "Back" the
//    button);
//  - a "// TRANSLATORS:" comment on the line above anything ambiguous.
// Placeholders are printf's, and i18n::format() writes numbers with the language's decimal
// separator. A translation may reorder them with %1$s, %2$d.
#pragma once

#include <cstdarg>
#include <string>
#include <string_view>
#include <vector>

namespace bodymap::maps::i18n {

// ---- marked strings (xgettext keywords: tr, trc:1c,2, trn:1,2, trnc:1c,2,3, trNoop,
//      trNoopC:1c,2) ----

// The current language's translation of msgid; msgid itself when it has none. The result
// lives as long as the process.
const char* tr(const char* msgid) __attribute__((format_arg(1)));
// The same, for a msgid with a context (gettext's pgettext).
const char* trc(const char* context, const char* msgid) __attribute__((format_arg(2)));
// The singular or plural form for n, by the language's plural rule (gettext's ngettext).
const char* trn(const char* singular, const char* plural, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));
const char* trnc(const char* context, const char* singular, const char* plural, unsigned long n)
    __attribute__((format_arg(2))) __attribute__((format_arg(3)));
// Marks a string for extraction without translating it (tables of names translated where they
// are shown, with tr() or trc() on the same context).
constexpr const char* trNoop(const char* s) { return s; }
constexpr const char* trNoopC(const char* /*context*/, const char* s) { return s; }

// Template data (region, band and line names) is translated under these contexts; the
// extraction script reads the names from assets/templates/*.json.
inline constexpr const char* kRegionContext = "body region";
inline constexpr const char* kBandContext = "fascial band";
inline constexpr const char* kLineContext = "fascial line";
inline constexpr const char* kViewContext = "body view";
inline constexpr const char* kTemplateContext = "template";
// A template name in the current language (the region's, band's, view's ...): for display only,
// never as a key. Lives as long as `name` or the process, whichever is shorter.
inline const char* templateText(const char* context, const std::string& name) {
    return trc(context, name.c_str());
}

// ---- languages ----

struct Language {
    std::string tag;         // "en", "de", "es", "fr"
    std::string nativeName;  // the language's own name: "English", "Deutsch", "Español", "Français"
};
// The shipped languages, in the order a language list shows them.
const std::vector<Language>& shippedLanguages();
// "pseudo": every string 40 % longer, with accents; for layout tests, never listed.
inline constexpr const char* kPseudoLanguage = "pseudo";

// A user's or the system's tag made into one BodyMap knows: "de_DE.UTF-8" -> "de",
// "en_GB" -> "en_GB" (English with British conventions), "pseudo" -> "pseudo"; "" when the
// language is not shipped.
std::string normalizeLanguage(std::string_view tag);
// The system's language from LANGUAGE, LC_ALL, LC_MESSAGES and LANG, as gettext looks them up;
// "en" when none names a shipped language.
std::string systemLanguage();
// The language's own name for a (normalized) tag; the tag itself when unknown.
std::string nativeName(std::string_view tag);

// Sets the language used outside any LanguageScope (at start-up: the CLI's from the system,
// the GUI's from its settings). Unknown tags fall back to "en".
void setDefaultLanguage(std::string_view tag);
// The language tr() uses on this thread now.
std::string currentLanguage();

// While alive, tr() on this thread uses `tag` (nested scopes restore the outer language).
class LanguageScope {
public:
    explicit LanguageScope(std::string_view tag);
    ~LanguageScope();
    LanguageScope(const LanguageScope&) = delete;
    LanguageScope& operator=(const LanguageScope&) = delete;

private:
    const void* m_previous;
};

// Where the compiled catalogs are (<dir>/<lang>/LC_MESSAGES/bodymap.mo). Default: the
// BODYMAP_LOCALE_DIR environment variable, else the build tree, else the install prefix.
void setCatalogDir(const std::string& dir);
// An error from loading a language's catalog ("" when it loaded or was never asked for): a
// missing or damaged .mo falls back to English and says so here.
std::string catalogError(std::string_view tag);

// ---- formatting in the current language's conventions ----

// printf-style, with %n$ positions allowed; %f %e %g %a are written with the language's
// decimal separator ("3,5" in German). Never throws; a malformed spec is copied as it is.
// (gnu_printf: GCC's -Wpedantic would reject %n$ under plain printf checking.)
#if defined(__clang__)
#define BODYMAP_PRINTF_FORMAT(f, a) __attribute__((format(printf, f, a)))
#else
#define BODYMAP_PRINTF_FORMAT(f, a) __attribute__((format(gnu_printf, f, a)))
#endif
std::string format(const char* fmt, ...) BODYMAP_PRINTF_FORMAT(1, 2);
std::string vformat(const char* fmt, va_list args);

enum class PaperKind { A4, Letter };
enum class DateOrder { MonthDayYear, DayMonthYear };
struct Conventions {
    char decimalPoint = '.';
    const char* groupSeparator = ",";  // between thousands: "1,730", "1.730", "1 730" (no-break space)
    DateOrder dateOrder = DateOrder::MonthDayYear;
    char dateSeparator = '/';
    bool twelveHourClock = false;
    PaperKind paper = PaperKind::A4;
};
// The conventions of a tag (en: US; en_GB: British; de, es, fr: their countries').
Conventions conventionsFor(std::string_view tag);
// The current language's conventions.
Conventions conventions();

// A number with `decimals` digits after the separator: formatNumber(3.5, 1) is "3,5" in German.
std::string formatNumber(double value, int decimals);
// A date in figures: 12/02/2026 (en), 02/12/2026 (en_GB, es, fr), 02.12.2026 (de).
std::string formatDate(int year, int month, int day);
// A date in words: "December 2, 2026", "2. Dezember 2026", "2 de diciembre de 2026",
// "2 décembre 2026".
std::string formatDateLong(int year, int month, int day);
// A time of day: "3:45 PM" (en), "15:45" (others).
std::string formatTime(int hour, int minute);
// The month's name (1..12) in the current language.
const char* monthName(int month);

}  // namespace bodymap::maps::i18n

namespace bodymap {
namespace i18n = maps::i18n;
using maps::i18n::tr;
using maps::i18n::trc;
using maps::i18n::trn;
using maps::i18n::trnc;
using maps::i18n::trNoop;
using maps::i18n::trNoopC;
}  // namespace bodymap
