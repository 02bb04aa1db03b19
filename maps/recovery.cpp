// Autosaved recovery files for unsaved edits (see recovery.h).
#include "maps/recovery.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

#include "maps/atomic_file.h"
#include "maps/client_library.h"
#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::maps {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRecoveryFolder = ".recovery";
constexpr std::uintmax_t kMaxRecoveryBytes = kMaxMapFileBytes + 64 * 1024;

std::string jsonString(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Parses a recovery file and checks its header; the embedded map is left to the caller.
Result<nlohmann::json> parseRecovery(const std::string& path) {
    auto text = readFileLimited(path, kMaxRecoveryBytes);
    if (!text) return Error{text.error()};
    // One level more than a map: the map is nested in "map".
    auto json = parseJsonLimited(text.value(), path, kMaxMapDepth + 1);
    if (!json) return Error{json.error()};
    try {
        JsonCursor root(json.value(), "");
        JsonCursor format = root.at("format");
        if (format.string(64) != "bodymap-recovery") format.fail("expected \"bodymap-recovery\"");
        JsonCursor version = root.at("version");
        const auto v = version.integer(1, INT32_MAX);
        if (v > kRecoveryFormatVersion) {
            version.fail("written by a newer BodyMap (recovery version " + std::to_string(v) +
                         "); please update");
        }
        root.at("savedAt").string(64);
        root.at("editing").string(4096);
        root.at("map").requireObject();
    } catch (const JsonPathError& e) {
        return Error{path + ": " + e.what()};
    }
    return json;
}

}  // namespace

std::string newSessionId() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return std::string(buf) + "-" + std::to_string(static_cast<long>(::getpid()));
}

std::string recoveryPath(const std::string& libraryRoot, const std::string& session) {
    return (fs::path(libraryRoot) / kRecoveryFolder / (safeName(session) + ".json")).string();
}

Status writeRecovery(const std::string& libraryRoot, const std::string& session,
                     const PainMap& map, const std::string& editingPath) {
    if (auto st = Library(libraryRoot).ensureRoot(); !st) return st;
    const std::string folder = (fs::path(libraryRoot) / kRecoveryFolder).string();
    std::error_code ec;
    if (!fs::is_directory(folder, ec) && ::mkdir(folder.c_str(), 0700) != 0 &&
        !fs::is_directory(folder, ec)) {
        return Error{folder + ": cannot create folder: " + std::strerror(errno)};
    }
    std::string body = serializeMap(map);
    while (!body.empty() && body.back() == '\n') body.pop_back();
    const std::string text = "{\n\"format\": \"bodymap-recovery\",\n\"version\": " +
                             std::to_string(kRecoveryFormatVersion) + ",\n\"savedAt\": " +
                             jsonString(localTimeNow()) + ",\n\"editing\": " +
                             jsonString(editingPath) + ",\n\"map\": " + body + "\n}\n";
    return writeFileAtomic(recoveryPath(libraryRoot, session), text);
}

Result<std::vector<RecoveryEntry>> listRecovery(const std::string& libraryRoot) {
    std::vector<RecoveryEntry> entries;
    const fs::path folder = fs::path(libraryRoot) / kRecoveryFolder;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return entries;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code fec;
        if (name.empty() || name[0] == '.' || it->path().extension() != ".json" ||
            !it->is_regular_file(fec)) {
            continue;  // temp files of a save in progress start with '.'
        }
        RecoveryEntry e;
        e.path = it->path().string();
        e.session = it->path().stem().string();
        auto json = parseRecovery(e.path);
        if (!json) {
            e.error = json.error();
        } else {
            const nlohmann::json& j = json.value();
            e.savedAt = j["savedAt"].get<std::string>();
            e.editingPath = j["editing"].get<std::string>();
            const nlohmann::json& m = j["map"];
            auto visit = m.find("visit");
            if (visit != m.end() && visit->is_object()) {
                auto name_ = visit->find("clientName");
                auto time = visit->find("time");
                if (name_ != visit->end() && name_->is_string()) e.clientName = name_->get<std::string>();
                if (time != visit->end() && time->is_string()) e.visitTime = time->get<std::string>();
            }
        }
        entries.push_back(std::move(e));
    }
    if (ec) return Error{folder.string() + ": cannot list recovery files: " + ec.message()};
    std::sort(entries.begin(), entries.end(), [](const RecoveryEntry& a, const RecoveryEntry& b) {
        return a.savedAt != b.savedAt ? a.savedAt > b.savedAt : a.path > b.path;
    });
    return entries;
}

Result<RecoveredMap> readRecovery(const std::string& path, const TemplateRegistry& templates) {
    auto json = parseRecovery(path);
    if (!json) return Error{json.error()};
    const nlohmann::json& j = json.value();
    auto map = parseMapValue(j["map"], path, "map", templates);
    if (!map) return Error{map.error()};
    return RecoveredMap{std::move(map.value()), j["editing"].get<std::string>(),
                        j["savedAt"].get<std::string>()};
}

Status discardRecovery(const std::string& path) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        return Error{path + ": cannot delete: " + std::strerror(errno)};
    }
    return Ok{};
}

}  // namespace bodymap::maps
