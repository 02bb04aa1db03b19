// `bodymap validate`: loads each file with the same loader the GUI uses (see cli_validate.h).
#include "app/cli/validate.h"

#include <filesystem>

#include "app/assets_path.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"
#include "maps/template_registry.h"

namespace bodymap::app {

namespace {
int validateUsage(std::ostream& err, const std::string& problem) {
    err << "bodymap validate: " << maps::printableForMessage(problem, 200) << "\n"
        << tr("Usage: bodymap validate [--templates DIR] FILE...") << "\n";
    return 2;
}
}  // namespace

int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> files;
    std::string templatesDir;
    bool onlyFiles = false;  // after "--", names starting with '-' are files
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!onlyFiles && a == "--") {
            onlyFiles = true;
        } else if (!onlyFiles && a == "--templates") {
            if (i + 1 >= args.size()) return validateUsage(err, tr("--templates needs a folder"));
            templatesDir = args[++i];
        } else if (!onlyFiles && !a.empty() && a[0] == '-') {
            return validateUsage(err, i18n::format(tr("unknown option %s"), a.c_str()));
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) return validateUsage(err, tr("no files given"));

    if (templatesDir.empty()) {
        const std::string assets = assetsDir();
        if (assets.empty()) {
            err << "bodymap validate: " << tr("cannot find the body templates (set BODYMAP_ASSETS)") << "\n";
            return 1;
        }
        templatesDir = (std::filesystem::path(assets) / "templates").string();
    }
    auto registry = maps::TemplateRegistry::loadFolder(templatesDir);
    if (!registry) {
        err << maps::printableForMessage(registry.error()) << "\n";
        return 1;
    }
    int invalid = 0;
    for (const std::string& file : files) {
        auto map = maps::loadMap(file, registry.value());
        if (map) {
            // TRANSLATORS: `bodymap validate`: the file is a valid map.
            out << i18n::format(tr("%s: ok"), maps::printableForMessage(file).c_str()) << "\n";
        } else {
            // Messages from maps/ are escaped already; printableForMessage changes nothing then.
            err << maps::printableForMessage(map.error()) << "\n";
            ++invalid;
        }
    }
    return invalid == 0 ? 0 : 1;
}

}  // namespace bodymap::app
