// Languages, scopes and lookups (see i18n.h). Catalogs are loaded on first use and kept for the
// life of the process, so tr()'s results stay valid; loading is guarded by a mutex, lookups of a
// loaded catalog need none.
#include "maps/i18n/i18n.h"

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "maps/i18n/mo_catalog.h"

#ifndef BODYMAP_BUILD_LOCALE_DIR
#define BODYMAP_BUILD_LOCALE_DIR ""
#endif
#ifndef BODYMAP_INSTALL_LOCALE_DIR
#define BODYMAP_INSTALL_LOCALE_DIR ""
#endif

namespace bodymap::maps::i18n {

namespace {

struct LanguageData {
    std::string tag;      // normalized: "en", "en_GB", "de", "pseudo"
    std::string catalog;  // the catalog's language: "en" for "en_GB"
    std::unique_ptr<MoCatalog> mo;
    std::string error;
    bool pseudo = false;
    mutable std::mutex pseudoMutex;
    mutable std::unordered_map<std::string, std::unique_ptr<std::string>> pseudoCache;
};

std::mutex g_mutex;
std::map<std::string, std::unique_ptr<LanguageData>, std::less<>> g_languages;
std::string g_catalogDir;
std::atomic<const LanguageData*> g_default{nullptr};
thread_local const LanguageData* t_scope = nullptr;

bool readable(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::fclose(f);
    return true;
}

std::string moPath(const std::string& dir, const std::string& lang) {
    return dir + "/" + lang + "/LC_MESSAGES/bodymap.mo";
}

std::string findMo(const std::string& lang) {
    std::vector<std::string> dirs;
    if (!g_catalogDir.empty()) dirs.push_back(g_catalogDir);
    if (const char* env = std::getenv("BODYMAP_LOCALE_DIR"); env && *env) dirs.emplace_back(env);
    if (*BODYMAP_BUILD_LOCALE_DIR) dirs.emplace_back(BODYMAP_BUILD_LOCALE_DIR);
    if (*BODYMAP_INSTALL_LOCALE_DIR) dirs.emplace_back(BODYMAP_INSTALL_LOCALE_DIR);
    for (const std::string& d : dirs) {
        const std::string p = moPath(d, lang);
        if (readable(p)) return p;
    }
    return {};
}

// The language's data, loaded on first use. Never null: an unknown tag gives English.
const LanguageData* language(std::string_view rawTag) {
    std::string tag = normalizeLanguage(rawTag);
    if (tag.empty()) tag = "en";
    std::lock_guard<std::mutex> lock(g_mutex);
    auto it = g_languages.find(tag);
    if (it != g_languages.end()) return it->second.get();
    auto data = std::make_unique<LanguageData>();
    data->tag = tag;
    data->catalog = tag.substr(0, tag.find('_'));
    if (tag == kPseudoLanguage) {
        data->pseudo = true;
    } else {
        const std::string path = findMo(data->catalog);
        if (path.empty()) {
            data->error = "the catalog for \"" + data->catalog +
                          "\" (bodymap.mo) was not found; set BODYMAP_LOCALE_DIR";
        } else {
            data->mo = MoCatalog::load(path, data->error);
        }
    }
    const LanguageData* result = data.get();
    g_languages.emplace(tag, std::move(data));
    return result;
}

const LanguageData* current() {
    if (t_scope) return t_scope;
    const LanguageData* d = g_default.load(std::memory_order_acquire);
    return d ? d : language("en");
}

// ---- the pseudo-locale: accents on every letter and 40 % more length, format specs kept ----

const char* accented(unsigned char c) {
    switch (c) {
    case 'a': return "á";
    case 'e': return "é";
    case 'i': return "í";
    case 'o': return "ó";
    case 'u': return "ú";
    case 'y': return "ý";
    case 'c': return "ç";
    case 'n': return "ñ";
    case 'A': return "Á";
    case 'E': return "É";
    case 'I': return "Í";
    case 'O': return "Ó";
    case 'U': return "Ú";
    case 'Y': return "Ý";
    case 'C': return "Ç";
    case 'N': return "Ñ";
    default: return nullptr;
    }
}

std::string pseudoize(std::string_view s) {
    if (s.empty()) return {};
    std::string out;
    std::size_t visible = 0;
    std::size_t i = 0;
    // An ImGui ID suffix ("##x" or "###x") is not text: it stays as it is, after the padding.
    const std::size_t idAt = s.find("##");
    const std::string_view text = s.substr(0, idAt);
    out += '[';
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '%') {  // a printf spec: copied whole
            std::size_t j = i + 1;
            while (j < text.size() && std::string_view("0123456789$.-+ #'*hlLqjzt").find(text[j]) != std::string_view::npos) ++j;
            if (j < text.size()) ++j;
            out.append(text.substr(i, j - i));
            visible += 3;
            i = j;
            continue;
        }
        if (c >= 0x80) {  // already non-ASCII: one character of its UTF-8 bytes
            std::size_t j = i + 1;
            while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
            out.append(text.substr(i, j - i));
            ++visible;
            i = j;
            continue;
        }
        if (const char* a = accented(c)) out += a;
        else out += static_cast<char>(c);
        if (c != '\n') ++visible;
        ++i;
    }
    const std::size_t extra = static_cast<std::size_t>(std::ceil(0.4 * static_cast<double>(visible)));
    for (std::size_t k = 2; k < extra; ++k) out += '~';
    out += ']';
    if (idAt != std::string_view::npos) out.append(s.substr(idAt));
    return out;
}

const char* pseudo(const LanguageData& d, std::string_view msgid) {
    std::lock_guard<std::mutex> lock(d.pseudoMutex);
    auto it = d.pseudoCache.find(std::string(msgid));
    if (it == d.pseudoCache.end()) {
        it = d.pseudoCache.emplace(std::string(msgid), std::make_unique<std::string>(pseudoize(msgid))).first;
    }
    return it->second->c_str();
}

std::string contextKey(const char* context, const char* msgid) {
    std::string key(context);
    key += '\x04';
    key += msgid;
    return key;
}

}  // namespace

const std::vector<Language>& shippedLanguages() {
    static const std::vector<Language> kLanguages = {
        {"en", "English"}, {"de", "Deutsch"}, {"es", "Español"}, {"fr", "Français"}};
    return kLanguages;
}

std::string normalizeLanguage(std::string_view tag) {
    if (tag == kPseudoLanguage) return kPseudoLanguage;
    // "de_DE.UTF-8@euro" -> language "de", territory "DE".
    std::string_view t = tag.substr(0, tag.find_first_of(".@"));
    const std::size_t sep = t.find_first_of("_-");
    std::string lang(t.substr(0, sep));
    for (char& ch : lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::string territory = sep == std::string_view::npos ? std::string() : std::string(t.substr(sep + 1));
    for (char& ch : territory) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    bool shipped = false;
    for (const Language& l : shippedLanguages()) shipped = shipped || l.tag == lang;
    if (!shipped) return {};
    // English outside the US and its neighbours writes dates day first and prints on A4.
    if (lang == "en" && !territory.empty() && territory != "US" && territory != "CA" && territory != "PH")
        return "en_GB";
    return lang;
}

std::string systemLanguage() {
    // gettext's order: LANGUAGE (a colon-separated list) wins unless the locale is C.
    const auto env = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v ? std::string(v) : std::string();
    };
    std::string locale = env("LC_ALL");
    if (locale.empty()) locale = env("LC_MESSAGES");
    if (locale.empty()) locale = env("LANG");
    const std::string languageList = env("LANGUAGE");
    if (!languageList.empty() && locale != "C" && locale != "POSIX") {
        std::size_t start = 0;
        while (start <= languageList.size()) {
            const std::size_t end = languageList.find(':', start);
            const std::string item = languageList.substr(start, end - start);
            if (std::string n = normalizeLanguage(item); !n.empty() && n != kPseudoLanguage) return n;
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    if (std::string n = normalizeLanguage(locale); !n.empty() && n != kPseudoLanguage) return n;
    return "en";
}

std::string nativeName(std::string_view tag) {
    const std::string n = normalizeLanguage(tag);
    if (n == "en_GB") return "English (UK)";
    for (const Language& l : shippedLanguages())
        if (l.tag == n) return l.nativeName;
    if (n == kPseudoLanguage) return "Pseudo";
    return std::string(tag);
}

void setDefaultLanguage(std::string_view tag) { g_default.store(language(tag), std::memory_order_release); }

std::string currentLanguage() { return current()->tag; }

LanguageScope::LanguageScope(std::string_view tag) : m_previous(t_scope) { t_scope = language(tag); }
LanguageScope::~LanguageScope() { t_scope = static_cast<const LanguageData*>(m_previous); }

void setCatalogDir(const std::string& dir) {
    std::lock_guard<std::mutex> lock(g_mutex);
    g_catalogDir = dir;
}

std::string catalogError(std::string_view tag) { return language(tag)->error; }

const char* tr(const char* msgid) {
    const LanguageData* d = current();
    if (d->mo) {
        if (const char* t = d->mo->find(msgid)) return t;
    } else if (d->pseudo) {
        return pseudo(*d, msgid);
    }
    return msgid;
}

const char* trc(const char* context, const char* msgid) {
    const LanguageData* d = current();
    if (d->mo) {
        if (const char* t = d->mo->find(contextKey(context, msgid))) return t;
    } else if (d->pseudo) {
        return pseudo(*d, msgid);
    }
    return msgid;
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    const LanguageData* d = current();
    if (d->mo) {
        if (const char* t = d->mo->findPlural(singular, n)) return t;
    } else if (d->pseudo) {
        return pseudo(*d, n == 1 ? singular : plural);
    }
    return n == 1 ? singular : plural;
}

const char* trnc(const char* context, const char* singular, const char* plural, unsigned long n) {
    const LanguageData* d = current();
    if (d->mo) {
        if (const char* t = d->mo->findPlural(contextKey(context, singular), n)) return t;
    } else if (d->pseudo) {
        return pseudo(*d, n == 1 ? singular : plural);
    }
    return n == 1 ? singular : plural;
}

Conventions conventions() { return conventionsFor(current()->tag); }

}  // namespace bodymap::maps::i18n
