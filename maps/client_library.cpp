// The client library on disk: safe folder names, visit listing and naming (see client_library.h).
#include "maps/i18n/i18n.h"
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

#include <dirent.h>
#include <fcntl.h>
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

// FNV-1a 64 of the bytes of `text`: stable across platforms and runs.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

// From FNV-1a, so a client's folder name never changes.
std::string hashSuffix(std::string_view id) {
    const std::uint64_t h = fnv1a(id);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010llx",
                  static_cast<unsigned long long>(h & 0xFFFFFFFFFFull));
    return buf;
}

// A path for a message: one printable line whatever bytes the file name holds.
std::string shown(const std::string& path) { return printableForMessage(path); }

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

// lstat says something is at `path` (a dangling symlink counts).
bool lexists(const fs::path& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

// Creates a client folder (0700), or checks that an existing one is a real folder: writing
// through a symlinked client folder could put health data anywhere.
Status makeFolder(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
            return Error{shown(path) + ": cannot create folder: " +
                         std::error_code(errno, std::generic_category()).message()};
        }
        if (::lstat(path.c_str(), &st) != 0) {
            return Error{shown(path) + ": cannot create folder: " +
                         std::error_code(errno, std::generic_category()).message()};
        }
    }
    if (S_ISLNK(st.st_mode)) return Error{shown(path) + ": is a symbolic link; refusing to write through it"};
    if (!S_ISDIR(st.st_mode)) return Error{shown(path) + ": is not a folder"};
    return Ok{};
}

bool isVisitName(const std::string& name) {
    return name.size() > 5 && name[0] != '.' && fs::path(name).extension() == ".json" &&
           name != kClientFile;
}

// What a library entry is, without following a symlink.
enum class Kind { Missing, Regular, Folder, Symlink, Special };

Kind kindOf(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return Kind::Missing;
    if (S_ISLNK(st.st_mode)) return Kind::Symlink;
    if (S_ISDIR(st.st_mode)) return Kind::Folder;
    if (S_ISREG(st.st_mode)) return Kind::Regular;
    return Kind::Special;
}

// True when `inner` (canonical) lies inside `root` (canonical).
bool isInside(const fs::path& root, const fs::path& inner) {
    auto r = root.begin();
    auto i = inner.begin();
    for (; r != root.end(); ++r, ++i) {
        if (i == inner.end() || *r != *i) return false;
    }
    return i != inner.end();
}

LibraryProblem symlinkProblem(const fs::path& path, const std::string& root, const char* what) {
    std::error_code ec;
    const fs::path target = fs::canonical(path, ec);
    const fs::path rootReal = fs::canonical(root, ec);
    // TRANSLATORS: the first %s is a path, the second "the client folder" or "the visit file".
    const char* text = tr("%s: %s is a symbolic link; not followed");
    if (target.empty()) text = tr("%s: %s is a symbolic link that leads nowhere; not followed");
    else if (!isInside(rootReal, target)) text = tr("%s: %s is a symbolic link to a place outside the library; not followed");
    return {path.string(), i18n::format(text, shown(path.string()).c_str(), what)};
}

// Reads a visit file's header for a listing, without following a symlink.
Result<VisitInfo> readListedVisit(const std::string& path) {
    if (kindOf(path) != Kind::Regular) return Error{shown(path) + ": not a regular file"};
    auto text = readFileLimited(path, kMaxMapFileBytes);
    if (!text) return Error{text.error()};
    return readVisitInfo(text.value(), path);
}

struct ClientFile {
    std::string id;
    std::string name;
};

std::optional<ClientFile> readClientFile(const std::string& folder) {
    const std::string path = (fs::path(folder) / kClientFile).string();
    if (kindOf(path) != Kind::Regular) return std::nullopt;  // missing, or a symlink: not read
    auto text = readFileLimited(path, 64 * 1024);
    if (!text) return std::nullopt;
    auto json = parseJsonLimited(text.value(), path, 4);
    if (!json) return std::nullopt;
    try {
        JsonCursor root(json.value(), "");
        if (root.at("format").string(64) != "bodymap-client") return std::nullopt;
        return ClientFile{root.at("id").string(kMaxNameBytes), root.at("name").string(kMaxNameBytes)};
    } catch (const std::exception&) {  // JsonPathError, or bad_alloc on hostile input
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
    if (!parent.empty() && !fs::exists(parent, ec)) {
        // e.g. ~/.local/share on a fresh account: created private as well (0700)
        if (auto st = ensurePrivateFolder(parent.string()); !st) return st;
    }
    return makeFolder(m_root);
}

std::string Library::clientFolder(std::string_view clientId) const {
    return (fs::path(m_root) / safeName(clientId)).string();
}

Result<VisitListing> Library::listVisitsChecked(const std::string& clientId) const {
    VisitListing out;
    const std::string folder = clientFolder(clientId);
    const Kind kind = kindOf(folder);
    if (kind == Kind::Symlink) {
        out.problems.push_back(symlinkProblem(folder, m_root, tr("the client folder")));
        return out;
    }
    if (kind != Kind::Folder) return out;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!isVisitName(name)) continue;
        const Kind k = kindOf(it->path());
        if (k == Kind::Symlink) {
            out.problems.push_back(symlinkProblem(it->path(), m_root, tr("the visit file")));
            continue;
        }
        if (k != Kind::Regular) {
            if (k != Kind::Missing) {
                out.problems.push_back({it->path().string(),
                                        shown(it->path().string()) + ": not a regular file; not read"});
            }
            continue;
        }
        VisitEntry v;
        v.path = it->path().string();
        auto info = readListedVisit(v.path);
        if (info) {
            v.visitTime = info->visitTime;
            v.drawnBy = info->drawnBy;
            v.therapist = info->therapist;
            v.clientName = info->clientName;
            v.text = searchableText(info.value());
        } else {
            v.error = info.error();
            v.visitTime = it->path().stem().string();
        }
        out.visits.push_back(std::move(v));
    }
    if (ec) return Error{shown(folder) + ": cannot list visits: " + ec.message()};
    // ISO times with the same zone sort as text; the path breaks ties stably.
    std::sort(out.visits.begin(), out.visits.end(), [](const VisitEntry& a, const VisitEntry& b) {
        return a.visitTime != b.visitTime ? a.visitTime > b.visitTime : a.path > b.path;
    });
    return out;
}

Result<std::vector<VisitEntry>> Library::listVisits(const std::string& clientId) const {
    auto listing = listVisitsChecked(clientId);
    if (!listing) return Error{listing.error()};
    return std::move(listing->visits);
}

Result<ClientListing> Library::listClientsChecked() const {
    ClientListing out;
    std::error_code ec;
    if (!fs::is_directory(m_root, ec)) return out;
    for (fs::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        const Kind kind = kindOf(it->path());
        if (kind == Kind::Symlink) {
            std::error_code dec;
            if (fs::is_directory(it->path(), dec)) {
                out.problems.push_back(symlinkProblem(it->path(), m_root, tr("the client folder")));
            }
            continue;
        }
        if (kind != Kind::Folder) continue;
        ClientEntry c;
        c.folder = it->path().string();
        const auto file = readClientFile(c.folder);
        // Listing by folder: the id in client.json or the visits may not map back to `name`
        // if the folder was renamed by hand, so list the folder's own files.
        std::vector<std::string> visits;
        std::error_code dec;
        for (fs::directory_iterator vt(c.folder, dec), vend; !dec && vt != vend; vt.increment(dec)) {
            if (!isVisitName(vt->path().filename().string())) continue;
            const Kind k = kindOf(vt->path());
            if (k == Kind::Regular) {
                visits.push_back(vt->path().string());
            } else if (k == Kind::Symlink) {
                out.problems.push_back(symlinkProblem(vt->path(), m_root, tr("the visit file")));
            } else if (k != Kind::Missing) {
                out.problems.push_back({vt->path().string(),
                                        shown(vt->path().string()) + ": not a regular file; not read"});
            }
        }
        std::string newestId;
        for (const auto& v : visits) {
            auto info = readListedVisit(v);
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
        out.clients.push_back(std::move(c));
    }
    if (ec) return Error{shown(m_root) + ": cannot list clients: " + ec.message()};
    auto lower = [](std::string s) {
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return s;
    };
    std::sort(out.clients.begin(), out.clients.end(), [&](const ClientEntry& a, const ClientEntry& b) {
        const std::string la = lower(a.displayName), lb = lower(b.displayName);
        return la != lb ? la < lb : a.id < b.id;
    });
    return out;
}

Result<std::vector<ClientEntry>> Library::listClients() const {
    auto listing = listClientsChecked();
    if (!listing) return Error{listing.error()};
    return std::move(listing->clients);
}

Status Library::createClient(const std::string& clientId, const std::string& displayName) const {
    if (auto st = ensureRoot(); !st) return st;
    const std::string folder = clientFolder(clientId);
    if (auto st = makeFolder(folder); !st) return st;
    const std::string path = (fs::path(folder) / kClientFile).string();
    if (lexists(path)) return Ok{};  // kept as it is (a symlink there is never written through)
    const std::string text = "{\n  \"format\": \"bodymap-client\",\n  \"version\": 1,\n  \"id\": " +
                             jsonString(clientId) + ",\n  \"name\": " + jsonString(displayName) +
                             "\n}\n";
    const FileStamp none;  // create only: another instance creating it meanwhile wins
    AtomicWriteOptions options;
    options.basedOn = &none;
    WriteOutcome w = writeFileChecked(path, text, options);
    if (w.status == WriteStatus::Failed) return Error{w.message};
    return Ok{};
}

std::string Library::visitPath(const std::string& clientId, const std::string& visitTime) const {
    const fs::path folder = clientFolder(clientId);
    const std::string stem = visitFileStem(visitTime);
    fs::path candidate = folder / (stem + ".json");
    for (int n = 2; lexists(candidate) && n < 100000; ++n) {
        candidate = folder / (stem + "-" + std::to_string(n) + ".json");
    }
    return candidate.string();
}

Result<std::string> Library::saveNewVisit(const PainMap& map, FileStamp* written) const {
    if (auto st = createClient(map.info.clientId, map.info.clientName); !st) return Error{st.error()};
    const FileStamp none;  // never replace a file: one that appears meanwhile takes the next name
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string path = visitPath(map.info.clientId, map.info.visitTime);
        WriteOutcome w = saveMapChecked(map, path, &none);
        if (w.ok()) {
            if (written) *written = w.stamp;
            return path;
        }
        if (w.status == WriteStatus::Failed) return Error{w.message};
    }
    return Error{shown(clientFolder(map.info.clientId)) + ": cannot find a free visit file name"};
}

bool isMapFileInLibrary(const std::string& root, const std::string& path) {
    if (root.empty() || path.empty()) return false;
    const fs::path p(path);
    // The file and its folder as named (before resolving): neither may be a symlink.
    if (kindOf(p) != Kind::Regular || kindOf(p.parent_path()) != Kind::Folder) return false;
    std::error_code ec;
    const fs::path rootReal = fs::canonical(root, ec);
    if (ec) return false;
    const fs::path real = fs::canonical(p, ec);
    if (ec) return false;
    // Exactly <root>/<client>/<file> once every component is resolved.
    if (real.parent_path().parent_path() != rootReal) return false;
    const std::string folderName = real.parent_path().filename().string();
    const std::string name = real.filename().string();
    if (folderName.empty() || folderName[0] == '.' || !isVisitName(name)) return false;
    // The resolved file and folder must not be symlinks either (a "../" may have led through one).
    if (kindOf(real) != Kind::Regular || kindOf(real.parent_path()) != Kind::Folder) return false;
    return readListedVisit(real.string()).ok();
}

std::uint64_t folderFingerprint(const std::string& folder) {
    struct stat st {};
    if (::lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
    DIR* d = ::opendir(folder.c_str());
    if (!d) return 0;
    auto mix = [](std::uint64_t h, std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (8 * i)) & 0xFF;
            h *= 1099511628211ull;
        }
        return h;
    };
    auto statHash = [&](const struct stat& s) {
        std::uint64_t h = 14695981039346656037ull;
        h = mix(h, static_cast<std::uint64_t>(s.st_mode));
        h = mix(h, static_cast<std::uint64_t>(s.st_size));
        h = mix(h, static_cast<std::uint64_t>(s.st_ino));
        h = mix(h, static_cast<std::uint64_t>(s.st_mtim.tv_sec));
        h = mix(h, static_cast<std::uint64_t>(s.st_mtim.tv_nsec));
        return h;
    };
    // Entries are combined by addition, so that the order readdir returns them in does not matter.
    std::uint64_t sum = statHash(st);
    const int dfd = ::dirfd(d);
    while (const dirent* e = ::readdir(d)) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        std::uint64_t h = fnv1a(name);
        struct stat es {};
        if (::fstatat(dfd, e->d_name, &es, AT_SYMLINK_NOFOLLOW) == 0) h = mix(h, statHash(es));
        sum += h;
    }
    ::closedir(d);
    return sum == 0 ? 1 : sum;
}

}  // namespace bodymap::maps
