// maps/i18n: plural rules, .mo catalogs built by hand (the GNU layout of mo_catalog.cpp),
// printf formatting in a language's conventions, dates, language tags and the pseudo-locale.
#include <gtest/gtest.h>

#include <cstdarg>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "maps/i18n/i18n.h"
#include "maps/i18n/mo_catalog.h"

namespace bodymap::maps::i18n {
namespace {

// ---- plural rules ----

TEST(I18nPlural, EnglishRule) {
    PluralRule r;
    ASSERT_TRUE(r.parse("n != 1"));
    EXPECT_EQ(r.evaluate(0), 1u);
    EXPECT_EQ(r.evaluate(1), 0u);
    EXPECT_EQ(r.evaluate(2), 1u);
}

TEST(I18nPlural, FrenchRule) {
    PluralRule r;
    ASSERT_TRUE(r.parse("n > 1"));
    EXPECT_EQ(r.evaluate(0), 0u);
    EXPECT_EQ(r.evaluate(1), 0u);
    EXPECT_EQ(r.evaluate(2), 1u);
}

TEST(I18nPlural, PolishRuleWithTernaryChain) {
    PluralRule r;
    ASSERT_TRUE(r.parse("(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"));
    const std::vector<std::pair<unsigned long, unsigned long>> cases = {
        {1, 0}, {2, 1}, {4, 1}, {5, 2}, {11, 2}, {12, 2}, {14, 2}, {21, 2}, {22, 1}, {25, 2}, {104, 1}, {112, 2}};
    for (const auto& [n, form] : cases) EXPECT_EQ(r.evaluate(n), form) << "n = " << n;
}

TEST(I18nPlural, SyntaxErrorsAreRefused) {
    for (const char* bad : {"n >", "(n == 1", "n ? 1", "n +* 2", "x != 1", ""}) {
        PluralRule r;
        EXPECT_FALSE(r.parse(bad)) << bad;
    }
}

// ---- .mo catalogs ----

void put32(std::string& out, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// A little-endian .mo of (original, translation) pairs; NULs inside separate plural forms.
std::string buildMo(const std::vector<std::pair<std::string, std::string>>& entries) {
    const std::size_t n = entries.size();
    const std::size_t origTable = 28, transTable = origTable + 8 * n, strings = transTable + 8 * n;
    std::string out(strings, '\0');
    put32(out, 0, 0x950412de);
    put32(out, 4, 0);
    put32(out, 8, static_cast<std::uint32_t>(n));
    put32(out, 12, static_cast<std::uint32_t>(origTable));
    put32(out, 16, static_cast<std::uint32_t>(transTable));
    put32(out, 20, 0);
    put32(out, 24, static_cast<std::uint32_t>(strings));
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& s = pass == 0 ? entries[i].first : entries[i].second;
            const std::size_t table = pass == 0 ? origTable : transTable;
            put32(out, table + 8 * i, static_cast<std::uint32_t>(s.size()));
            put32(out, table + 8 * i + 4, static_cast<std::uint32_t>(out.size()));
            out += s;
            out += '\0';
        }
    }
    return out;
}

std::string withNul(std::string a, const std::string& b) {
    a += '\0';
    return a + b;
}

std::string sampleMo() {
    return buildMo({
        {"", "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : "
             "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"},
        {"Save", "Zapisz"},
        {std::string("body view") + '\x04' + "Back", "Tył"},
        {"Back", "Wstecz"},
        {withNul("%d visit", "%d visits"), withNul(withNul("%d wizyta", "%d wizyty"), "%d wizyt")},
    });
}

TEST(I18nMo, FindsMessagesContextsAndPlurals) {
    std::string error;
    auto mo = MoCatalog::parse(sampleMo(), "test.mo", error);
    ASSERT_TRUE(mo) << error;
    EXPECT_EQ(error, "");
    EXPECT_STREQ(mo->find("Save"), "Zapisz");
    EXPECT_STREQ(mo->find("Back"), "Wstecz");
    EXPECT_STREQ(mo->find(std::string("body view") + '\x04' + "Back"), "Tył");
    EXPECT_EQ(mo->find("Open"), nullptr);
    EXPECT_EQ(mo->pluralCount(), 3u);
    EXPECT_STREQ(mo->findPlural("%d visit", 1), "%d wizyta");
    EXPECT_STREQ(mo->findPlural("%d visit", 3), "%d wizyty");
    EXPECT_STREQ(mo->findPlural("%d visit", 5), "%d wizyt");
    EXPECT_STREQ(mo->findPlural("%d visit", 22), "%d wizyty");
    EXPECT_EQ(mo->findPlural("%d file", 2), nullptr);
}

TEST(I18nMo, DamagedFilesGiveErrors) {
    const std::string good = sampleMo();
    std::vector<std::pair<std::string, std::string>> damaged = {
        {"empty", ""},
        {"short header", good.substr(0, 20)},
        {"bad magic", "\x01\x02\x03\x04" + good.substr(4)},
        {"truncated strings", good.substr(0, good.size() - 30)},
    };
    // A string table pointing past the end.
    std::string far = good;
    put32(far, 12, 0x7ffffff0u);
    damaged.emplace_back("table past the end", far);
    for (const auto& [what, bytes] : damaged) {
        std::string error;
        auto mo = MoCatalog::parse(bytes, "damaged.mo", error);
        EXPECT_FALSE(mo) << what;
        EXPECT_NE(error.find("damaged.mo"), std::string::npos) << what << ": " << error;
    }
}

TEST(I18nMo, MissingFileGivesAnError) {
    std::string error;
    EXPECT_FALSE(MoCatalog::load("/nonexistent/bodymap.mo", error));
    EXPECT_NE(error.find("/nonexistent/bodymap.mo"), std::string::npos) << error;
}

// ---- formatting ----

// i18n::vformat without the compiler's printf checks (which refuse %n$ in C++).
std::string fmt(const char* f, ...) {
    va_list args;
    va_start(args, f);
    std::string s = vformat(f, args);
    va_end(args);
    return s;
}

TEST(I18nFormat, DecimalSeparatorAndPositions) {
    {
        LanguageScope en("en");
        EXPECT_EQ(format("%d of %d regions", 3, 19), "3 of 19 regions");
        EXPECT_EQ(format("%.1f %%", 3.5), "3.5 %");
        EXPECT_EQ(formatNumber(3.25, 2), "3.25");
        EXPECT_EQ(fmt("%2$s, %1$s", "a", "b"), "b, a");
    }
    {
        LanguageScope de("de");
        EXPECT_EQ(format("%.1f %%", 3.5), "3,5 %");
        EXPECT_EQ(format("%s: %d", "x.y", 2), "x.y: 2");  // only numbers get the comma
        EXPECT_EQ(formatNumber(3.25, 2), "3,25");
        EXPECT_EQ(fmt("%2$.1f / %1$d", 7, 0.5), "0,5 / 7");
    }
    {
        LanguageScope fr("fr");
        EXPECT_EQ(format("%.2f", 10.0), "10,00");
    }
}

TEST(I18nFormat, DatesPerLanguage) {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"en", "12/02/2026"}, {"en_GB", "02/12/2026"}, {"de", "02.12.2026"}, {"es", "02/12/2026"}, {"fr", "02/12/2026"}};
    for (const auto& [tag, want] : cases) {
        LanguageScope scope(tag);
        EXPECT_EQ(formatDate(2026, 12, 2), want) << tag;
    }
    LanguageScope en("en");
    EXPECT_EQ(formatTime(15, 45), "3:45 PM");
    LanguageScope de("de");
    EXPECT_EQ(formatTime(15, 45), "15:45");
}

// ---- languages ----

TEST(I18nLanguage, Normalize) {
    EXPECT_EQ(normalizeLanguage("de_DE.UTF-8"), "de");
    EXPECT_EQ(normalizeLanguage("fr_CA"), "fr");
    EXPECT_EQ(normalizeLanguage("es"), "es");
    EXPECT_EQ(normalizeLanguage("en_GB"), "en_GB");
    EXPECT_EQ(normalizeLanguage("en_AU"), "en_GB");
    EXPECT_EQ(normalizeLanguage("en_US.UTF-8"), "en");
    EXPECT_EQ(normalizeLanguage("pseudo"), "pseudo");
    EXPECT_EQ(normalizeLanguage("xx"), "");
    EXPECT_EQ(normalizeLanguage(""), "");
}

// Sets the locale variables for one test and restores them after.
class EnvVars {
public:
    EnvVars() {
        for (const char* v : kVars) {
            const char* old = std::getenv(v);
            m_saved.emplace_back(v, old ? std::optional<std::string>(old) : std::nullopt);
            unsetenv(v);
        }
    }
    ~EnvVars() {
        for (const auto& [name, value] : m_saved) {
            if (value) setenv(name, value->c_str(), 1);
            else unsetenv(name);
        }
    }
    EnvVars(const EnvVars&) = delete;
    EnvVars& operator=(const EnvVars&) = delete;
    static void clear() {
        for (const char* v : kVars) unsetenv(v);
    }

private:
    static constexpr const char* kVars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    std::vector<std::pair<const char*, std::optional<std::string>>> m_saved;
};

TEST(I18nLanguage, SystemLanguageFromEnvironment) {
    EnvVars env;
    EXPECT_EQ(systemLanguage(), "en");
    setenv("LANG", "de_DE.UTF-8", 1);
    EXPECT_EQ(systemLanguage(), "de");
    setenv("LC_ALL", "fr_FR.UTF-8", 1);
    EXPECT_EQ(systemLanguage(), "fr");  // LC_ALL wins over LANG
    setenv("LANGUAGE", "es:de", 1);
    EXPECT_EQ(systemLanguage(), "es");  // LANGUAGE wins over both
    setenv("LANGUAGE", "xx:de", 1);
    EXPECT_EQ(systemLanguage(), "de");  // the first shipped one of the list
    EnvVars::clear();
    setenv("LANG", "xx_YY.UTF-8", 1);
    EXPECT_EQ(systemLanguage(), "en");
    setenv("LANG", "C", 1);
    EXPECT_EQ(systemLanguage(), "en");
}

TEST(I18nLanguage, ShippedLanguagesByTheirOwnNames) {
    const auto& langs = shippedLanguages();
    ASSERT_GE(langs.size(), 4u);
    EXPECT_EQ(langs[0].tag, "en");
    EXPECT_EQ(nativeName("de"), "Deutsch");
    EXPECT_EQ(nativeName("fr"), "Français");
    EXPECT_EQ(nativeName("es"), "Español");
}

TEST(I18nPseudo, KeepsPrintfSpecsAndIdSuffixes) {
    LanguageScope scope(kPseudoLanguage);
    const std::string s = tr("%d of %s regions##counter");
    EXPECT_EQ(s.front(), '[');
    EXPECT_NE(s.find("%d"), std::string::npos) << s;
    EXPECT_NE(s.find("%s"), std::string::npos) << s;
    EXPECT_EQ(s.substr(s.size() - 9), "##counter") << s;
    EXPECT_GT(s.size(), std::string("%d of %s regions##counter").size());
    const std::string id = tr("Save###save");
    EXPECT_EQ(id.substr(id.size() - 7), "###save") << id;
    const std::string spec = tr("%5.1f%% done, %-3d left");
    EXPECT_NE(spec.find("%5.1f"), std::string::npos) << spec;
    EXPECT_NE(spec.find("%%"), std::string::npos) << spec;
    EXPECT_NE(spec.find("%-3d"), std::string::npos) << spec;
    EXPECT_EQ(format(tr("%d of %d"), 3, 5).find("3"), 1u);
    // Outside the scope: English.
    LanguageScope en("en");
    EXPECT_STREQ(tr("Save"), "Save");
}

}  // namespace
}  // namespace bodymap::maps::i18n
