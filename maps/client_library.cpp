// The client library on disk: safe folder names, visit listing and naming (see client_library.h).
#include "maps/client_library.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <system_error>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maps/atomic_file.h"
#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::maps {

namespace fs = std::filesystem;

namespace {

constexpr const char* kClientFile = "client.json";
constexpr std::size_t kHashDigits = 10;

// FNV-1a 64: stable across platforms and runs, so a client's folder name never changes.
std::string hashSuffix(std::string_view id) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : id) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010llx",
                  static_cast<unsigned long long>(h & 0xFFFFFFFFFFull));
    return buf;
}

std::string jsonString(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// True when `s` ends like a hash suffix ("-" + 10 hex digits): such an id gets a suffix of its
// own so that it cannot equal the safe name of a different id.
bool endsLikeHash(const std::string& s) {
    if (s.size() < kHashDigits + 1) return false;
    const std::size_t start = s.size() - kHashDigits;
    if (s[start - 1] != '-') return false;
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(start), s.end(), isHex);
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

Status makeFolder(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return Ok{};
    if (::mkdir(path.c_str(), 0700) != 0 && !fs::is_directory(path, ec)) {
        return Error{path + ": cannot create folder: " + std::error_code(errno, std::generic_category()).message()};
    }
    return Ok{};
}

bool isVisitFile(const fs::directory_entry& e) {
    std::error_code ec;
    const std::string name = e.path().filename().string();
    return e.is_regular_file(ec) && name.size() > 5 && name[0] != '.' &&
           e.path().extension() == ".json" && name != kClientFile;
}

struct ClientFile {
    std::string id;
    std::string name;
};

std::optional<ClientFile> readClientFile(const std::string& folder) {
    const std::string path = (fs::path(folder) / kClientFile).string();
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    auto text = readFileLimited(path, 64 * 1024);
    if (!text) return std::nullopt;
    auto json = parseJsonLimited(text.value(), path, 4);
    if (!json) return std::nullopt;
    try {
        JsonCursor root(json.value(), "");
        if (root.at("format").string(64) != "bodymap-client") return std::nullopt;
        return ClientFile{root.at("id").string(kMaxNameBytes), root.at("name").string(kMaxNameBytes)};
    } catch (const JsonPathError&) {
        return std::nullopt;
    }
}

}  // namespace

std::string defaultLibraryRoot() {
    if (std::string lib = env("BODYMAP_LIBRARY"); !lib.empty()) return lib;
    if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty() && xdg[0] == '/') {
        return (fs::path(xdg) / "bodymap").string();
    }
    std::string home = env("HOME");
    if (home.empty()) {
        if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) home = pw->pw_dir;
    }
    if (home.empty()) return "bodymap-library";
    return (fs::path(home) / ".local" / "share" / "bodymap").string();
}

std::string resolveLibraryRoot(const std::string& option) {
    return option.empty() ? defaultLibraryRoot() : option;
}

std::string safeName(std::string_view id) {
    if (id.empty()) return "client-" + hashSuffix(id);
    std::string out;
    bool changed = false;
    bool lastReplaced = false;
    for (char ch : id) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
            out += ch;
            lastReplaced = false;
        } else if (c >= 'A' && c <= 'Z') {
            // Lower case, so that a library copied to a case-insensitive disk keeps apart.
            out += static_cast<char>(c - 'A' + 'a');
            changed = true;
            lastReplaced = false;
        } else {
            // One '_' for a run of other bytes (a UTF-8 character is several bytes).
            if (!lastReplaced) out += '_';
            changed = true;
            lastReplaced = true;
        }
    }
    if (out.front() == '.') {
        out.front() = '_';
        changed = true;
    }
    if (out.back() == '.') {
        out.back() = '_';
        changed = true;
    }
    if (std::all_of(out.begin(), out.end(), [](char c) { return c == '_'; })) {
        out = "client";
        changed = true;
    }
    if (endsLikeHash(out)) changed = true;
    if (!changed && out.size() <= kMaxSafeNameBytes) return out;
    out.resize(std::min(out.size(), kMaxSafeNameBytes - kHashDigits - 1));
    if (out.back() == '.') out.back() = '_';
    return out + "-" + hashSuffix(id);
}

std::string visitFileStem(std::string_view visitTime) {
    if (!isIsoDateTime(visitTime)) return "undated";
    std::string stem(visitTime.substr(0, 19));
    std::replace(stem.begin(), stem.end(), ':', '-');
    return stem;
}

std::string localTimeNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    return buf;
}

Status Library::ensureRoot() const {
    std::error_code ec;
    if (fs::is_directory(m_root, ec)) return Ok{};
    fs::path parent = fs::path(m_root).parent_path();
    if (!parent.empty()) {
        fs::create_directories(parent, ec);  // e.g. ~/.local/share on a fresh account
    }
    return makeFolder(m_root);
}

std::string Library::clientFolder(std::string_view clientId) const {
    return (fs::path(m_root) / safeName(clientId)).string();
}

Result<std::vector<VisitEntry>> Library::listVisits(const std::string& clientId) const {
    std::vector<VisitEntry> visits;
    const std::string folder = clientFolder(clientId);
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return visits;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (!isVisitFile(*it)) continue;
        VisitEntry v;
        v.path = it->path().string();
        auto text = readFileLimited(v.path, kMaxMapFileBytes);
        auto info = text ? readVisitInfo(text.value(), v.path) : Result<VisitInfo>(Error{text.error()});
        if (info) {
            v.visitTime = info->visitTime;
            v.drawnBy = info->drawnBy;
            v.therapist = info->therapist;
            v.clientName = info->clientName;
        } else {
            v.error = info.error();
            v.visitTime = it->path().stem().string();
        }
        visits.push_back(std::move(v));
    }
    if (ec) return Error{folder + ": cannot list visits: " + ec.message()};
    // ISO times with the same zone sort as text; the path breaks ties stably.
    std::sort(visits.begin(), visits.end(), [](const VisitEntry& a, const VisitEntry& b) {
        return a.visitTime != b.visitTime ? a.visitTime > b.visitTime : a.path > b.path;
    });
    return visits;
}

Result<std::vector<ClientEntry>> Library::listClients() const {
    std::vector<ClientEntry> clients;
    std::error_code ec;
    if (!fs::is_directory(m_root, ec)) return clients;
    for (fs::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code dec;
        if (name.empty() || name[0] == '.' || !it->is_directory(dec)) continue;
        ClientEntry c;
        c.folder = it->path().string();
        const auto file = readClientFile(c.folder);
        // Listing by folder: the id in client.json or the visits may not map back to `name`
        // if the folder was renamed by hand, so list the folder's own files.
        std::vector<VisitEntry> visits;
        for (fs::directory_iterator vt(c.folder, dec), vend; !dec && vt != vend; vt.increment(dec)) {
            if (isVisitFile(*vt)) visits.push_back({vt->path().string(), {}, {}, {}, {}, {}});
        }
        std::string newestId;
        for (auto& v : visits) {
            auto text = readFileLimited(v.path, kMaxMapFileBytes);
            auto info = text ? readVisitInfo(text.value(), v.path) : Result<VisitInfo>(Error{text.error()});
            if (!info) continue;
            if (info->visitTime > c.lastVisit || c.lastVisit.empty()) {
                c.lastVisit = info->visitTime;
                c.displayName = info->clientName;
                newestId = info->clientId;
            }
        }
        c.visitCount = static_cast<int>(visits.size());
        c.id = file ? file->id : (!newestId.empty() ? newestId : name);
        if (c.displayName.empty() && file) c.displayName = file->name;
        if (c.displayName.empty()) c.displayName = c.id;
        clients.push_back(std::move(c));
    }
    if (ec) return Error{m_root + ": cannot list clients: " + ec.message()};
    auto lower = [](std::string s) {
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    std::sort(clients.begin(), clients.end(), [&](const ClientEntry& a, const ClientEntry& b) {
        const std::string la = lower(a.displayName), lb = lower(b.displayName);
        return la != lb ? la < lb : a.id < b.id;
    });
    return clients;
}

Status Library::createClient(const std::string& clientId, const std::string& displayName) const {
    if (auto st = ensureRoot(); !st) return st;
    const std::string folder = clientFolder(clientId);
    if (auto st = makeFolder(folder); !st) return st;
    const std::string path = (fs::path(folder) / kClientFile).string();
    std::error_code ec;
    if (fs::exists(path, ec)) return Ok{};
    const std::string text = "{\n  \"format\": \"bodymap-client\",\n  \"version\": 1,\n  \"id\": " +
                             jsonString(clientId) + ",\n  \"name\": " + jsonString(displayName) +
                             "\n}\n";
    return writeFileAtomic(path, text);
}

std::string Library::visitPath(const std::string& clientId, const std::string& visitTime) const {
    const fs::path folder = clientFolder(clientId);
    const std::string stem = visitFileStem(visitTime);
    std::error_code ec;
    fs::path candidate = folder / (stem + ".json");
    for (int n = 2; fs::exists(candidate, ec) && n < 100000; ++n) {
        candidate = folder / (stem + "-" + std::to_string(n) + ".json");
    }
    return candidate.string();
}

Result<std::string> Library::saveNewVisit(const PainMap& map) const {
    if (auto st = createClient(map.info.clientId, map.info.clientName); !st) return Error{st.error()};
    const std::string path = visitPath(map.info.clientId, map.info.visitTime);
    if (auto st = saveMap(map, path); !st) return Error{st.error()};
    return path;
}

}  // namespace bodymap::maps
