// openStore: a folder library or a clinic server, by the location's form.
#include <cctype>
#include <filesystem>

#include "maps/i18n/i18n.h"
#include "maps/store/folder_store.h"
#include "maps/store/postgres_store.h"

namespace bodymap::store {

bool isServerLocation(const std::string& location) {
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0) return true;
    // libpq's keyword=value form: the first word is one of libpq's keywords followed by '='.
    static const char* const kKeywords[] = {"host", "hostaddr", "port", "dbname", "user", "service",
                                            "sslmode", "application_name", "connect_timeout",
                                            "options", "passfile", "target_session_attrs"};
    std::size_t i = 0;
    while (i < location.size() && std::isspace(static_cast<unsigned char>(location[i]))) ++i;
    const std::size_t start = i;
    while (i < location.size() && (std::islower(static_cast<unsigned char>(location[i])) || location[i] == '_')) ++i;
    const std::string word = location.substr(start, i - start);
    while (i < location.size() && location[i] == ' ') ++i;
    if (i >= location.size() || location[i] != '=') return false;
    for (const char* k : kKeywords) {
        if (word == k) return true;
    }
    return false;
}

OpenOutcome openStore(const std::string& location, const maps::TemplateRegistry& templates,
                      const OpenOptions& options) {
    if (isServerLocation(location)) return openPostgresStore(location, templates, options);
    OpenOutcome out;
    auto folder = std::make_unique<FolderStore>(location, templates);
    if (options.createFolder) {
        if (auto st = folder->library().ensureRoot(); !st) {
            out.error = st.error();
            return out;
        }
    } else {
        std::error_code ec;
        if (!std::filesystem::is_directory(location, ec)) {
            // TRANSLATORS: %s is the folder given as a library.
            out.error = i18n::format(tr("%s: no such library folder"), location.c_str());
            return out;
        }
    }
    out.store = std::move(folder);
    return out;
}

}  // namespace bodymap::store
