// Locating assets for the build tree and for an installed copy (see assets_path.h).
#include "app/assets_path.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace bodymap::app {

namespace {
bool hasTemplates(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "templates" / "adult_neutral.json", ec);
}

std::filesystem::path exeDir() {
    std::error_code ec;
    auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : p.parent_path();
}
}  // namespace

std::string assetsDir() {
    if (const char* env = std::getenv("BODYMAP_ASSETS"); env && *env && hasTemplates(env)) {
        return env;
    }
    const auto exe = exeDir();
    if (!exe.empty()) {
        const auto installed = exe.parent_path() / "share" / "bodymap";
        if (hasTemplates(installed)) return installed.string();
    }
    if (hasTemplates(BODYMAP_INSTALL_ASSETS)) return BODYMAP_INSTALL_ASSETS;
    if (hasTemplates(BODYMAP_SOURCE_ASSETS)) return BODYMAP_SOURCE_ASSETS;
    return {};
}

std::string defaultTemplatePath() {
    const std::string dir = assetsDir();
    return dir.empty() ? std::string() : dir + "/templates/adult_neutral.json";
}

const char* appVersion() { return BODYMAP_VERSION; }

}  // namespace bodymap::app
