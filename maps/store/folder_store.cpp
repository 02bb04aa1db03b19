// The folder library behind the Store interface (see folder_store.h).
#include "maps/store/folder_store.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "maps/atomic_file.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::store {

namespace fs = std::filesystem;

Version versionOfStamp(const maps::FileStamp& stamp) {
    if (!stamp.exists) return {};
    return {"f" + std::to_string(stamp.size) + "-" + std::to_string(stamp.contentHash)};
}

maps::FileStamp stampOfVersion(const Version& version) {
    maps::FileStamp s;
    const std::string& t = version.token;
    const auto dash = t.find('-');
    if (t.size() < 4 || t[0] != 'f' || dash == std::string::npos) return s;
    try {
        s.size = std::stoull(t.substr(1, dash - 1));
        s.contentHash = std::stoull(t.substr(dash + 1));
    } catch (...) {
        return maps::FileStamp{};
    }
    s.exists = true;
    s.readable = true;
    return s;
}

FolderStore::FolderStore(std::string root, const maps::TemplateRegistry& templates)
    : m_library(std::move(root)), m_templates(templates) {}

Result<ClientList> FolderStore::listClients() {
    auto listing = m_library.listClientsChecked();
    if (!listing) return Error{listing.error()};
    ClientList out;
    for (auto& c : listing->clients) {
        out.clients.push_back({std::move(c.id), std::move(c.displayName), c.visitCount, std::move(c.lastVisit)});
    }
    for (auto& p : listing->problems) out.problems.push_back({std::move(p.path), std::move(p.message)});
    return out;
}

Result<VisitList> FolderStore::listVisits(const std::string& clientId) {
    auto listing = m_library.listVisitsChecked(clientId);
    if (!listing) return Error{listing.error()};
    VisitList out;
    for (auto& v : listing->visits) {
        VisitSummary s;
        s.key = v.path;
        s.clientId = clientId;
        s.name = fs::path(s.key).stem().string();
        s.visitTime = std::move(v.visitTime);
        s.drawnBy = v.drawnBy;
        s.therapist = std::move(v.therapist);
        s.clientName = std::move(v.clientName);
        s.text = std::move(v.text);
        s.error = std::move(v.error);
        const maps::FileStamp stamp = maps::stampFile(s.key);
        s.version = versionOfStamp(stamp);
        std::error_code ec;
        s.versionCount = fs::is_regular_file(fs::symlink_status(s.key + ".bak", ec)) ? 2 : 1;
        if (s.error.empty() && stamp.readable) {
            auto it = m_figures.find(s.key);
            if (it != m_figures.end() && it->second.size == stamp.size && it->second.hash == stamp.contentHash) {
                s.figures = it->second.figures;
            } else {
                // Compact: the figures need only the painted spans, not 3 MiB of rasters.
                auto map = maps::loadCompactMap(s.key, m_templates);
                if (map) s.figures = computeFigures(map.value(), m_templates);
                m_figures[s.key] = {stamp.size, stamp.contentHash, s.figures};
            }
        }
        out.visits.push_back(std::move(s));
    }
    for (auto& p : listing->problems) out.problems.push_back({std::move(p.path), std::move(p.message)});
    return out;
}

Result<ClientInfo> FolderStore::findClient(const std::string& clientId) {
    // client.json names the client without reading any visit; a folder without one (or with a
    // damaged one) is named the way the listing names it.
    const std::string folder = m_library.clientFolder(clientId);
    std::error_code ec;
    if (fs::symlink_status(folder, ec).type() == fs::file_type::directory) {
        auto bytes = maps::readFileLimited(folder + "/client.json", 1 << 20);
        if (bytes) {
            auto j = maps::parseJsonLimited(bytes.value(), folder + "/client.json", 8);
            if (j && j->is_object() && j->value("id", std::string()) == clientId && j->contains("name") &&
                j.value()["name"].is_string()) {
                return ClientInfo{clientId, j.value()["name"].get<std::string>(), 0, {}};
            }
        }
    }
    auto clients = listClients();
    if (!clients) return Error{clients.error()};
    for (auto& c : clients->clients) {
        if (c.id == clientId) return c;
    }
    // TRANSLATORS: the first %s is the library's folder, the second a client id.
    return Error{i18n::format(tr("%s: no client with the id \"%s\""), m_library.root().c_str(), clientId.c_str())};
}

Status FolderStore::createClient(const std::string& clientId, const std::string& displayName) {
    return m_library.createClient(clientId, displayName);
}

Result<LoadedVisit> FolderStore::load(const std::string& key) {
    // The stamp is taken before reading: if the file changes in between, the next save asks
    // (a needless question at worst) instead of overwriting a version never seen.
    const maps::FileStamp stamp = maps::stampFile(key);
    auto map = maps::loadMap(key, m_templates);
    if (!map) return Error{map.error()};
    return LoadedVisit{std::move(map.value()), key, versionOfStamp(stamp)};
}

SaveOutcome FolderStore::save(const maps::PainMap& map, const std::string& key, const Version* basedOn) {
    SaveOutcome out;
    if (key.empty()) {
        maps::FileStamp stamp;
        auto path = m_library.saveNewVisit(map, &stamp);
        if (!path) {
            out.message = path.error();
            return out;
        }
        out.status = SaveStatus::Saved;
        out.key = path.value();
        out.version = versionOfStamp(stamp);
        return out;
    }
    maps::FileStamp based;
    if (basedOn) based = stampOfVersion(*basedOn);
    const maps::WriteOutcome w = maps::saveMapChecked(map, key, basedOn ? &based : nullptr);
    out.key = key;
    out.message = w.message;
    switch (w.status) {
        case maps::WriteStatus::Written: out.status = SaveStatus::Saved; break;
        case maps::WriteStatus::Conflict: out.status = SaveStatus::Conflict; break;
        case maps::WriteStatus::Failed: out.status = SaveStatus::Failed; break;
    }
    out.version = versionOfStamp(w.stamp);
    return out;
}

bool FolderStore::ownsKey(const std::string& key) const {
    if (key.empty()) return false;
    std::error_code ec;
    const fs::path root = fs::absolute(m_library.root(), ec).lexically_normal();
    const fs::path p = fs::absolute(key, ec).lexically_normal();
    // "<root>/<client>/<name>.json"
    return p.has_parent_path() && p.parent_path().parent_path() == root && p.extension() == ".json";
}

Result<RawClient> FolderStore::readRawClient(const std::string& clientId) {
    auto info = findClient(clientId);
    if (!info) return Error{info.error()};
    RawClient c{clientId, info->displayName, {}};
    const std::string file = m_library.clientFolder(clientId) + "/client.json";
    std::error_code ec;
    if (fs::is_regular_file(fs::symlink_status(file, ec))) {
        auto bytes = maps::readFileLimited(file, 1 << 20);
        if (!bytes) return Error{bytes.error()};
        c.bytes = std::move(bytes.value());
    }
    return c;
}

Result<RawVisit> FolderStore::readRaw(const std::string& key) {
    auto bytes = maps::readFileLimited(key, maps::kMaxMapFileBytes);
    if (!bytes) return Error{bytes.error()};
    auto info = maps::readVisitInfo(bytes.value(), key);
    if (!info) return Error{info.error()};
    return RawVisit{info->clientId, fs::path(key).stem().string(), std::move(bytes.value())};
}

Status FolderStore::importRawClient(const RawClient& client) {
    const std::string folder = m_library.clientFolder(client.id);
    const std::string file = folder + "/client.json";
    std::error_code ec;
    if (client.bytes.empty() || fs::exists(fs::symlink_status(file, ec))) {
        return m_library.createClient(client.id, client.displayName);
    }
    if (auto st = m_library.ensureRoot(); !st) return st;
    if (auto st = maps::ensurePrivateFolder(folder); !st) return st;
    maps::FileStamp none;  // create only: never replace a client.json that appeared meanwhile
    maps::AtomicWriteOptions opt;
    opt.basedOn = &none;
    const auto w = maps::writeFileChecked(file, client.bytes, opt);
    if (w.status == maps::WriteStatus::Conflict) return Status(maps::Ok{});
    if (!w.ok()) return Error{w.message};
    return Status(maps::Ok{});
}

namespace {

// A visit name is a file stem the library could have made: no path, no leading dot.
bool validVisitName(const std::string& name) {
    if (name.empty() || name.size() > 128 || name[0] == '.' || name == "client") return false;
    for (char ch : name) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                        ch == '-' || ch == '_' || ch == '.';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

Result<ImportStatus> FolderStore::importRaw(const RawVisit& visit) {
    if (!validVisitName(visit.name)) {
        // TRANSLATORS: the first %s is the library's folder, the second a visit's name.
        return Error{i18n::format(tr("%s: the visit name \"%s\" cannot be a file name"), m_library.root().c_str(),
                                  maps::printableForMessage(visit.name, 80).c_str())};
    }
    const std::string path = m_library.clientFolder(visit.clientId) + "/" + visit.name + ".json";
    // Never write what would not load (every check of the loader; the compact form is enough).
    auto parsed = maps::parseCompactMap(visit.bytes, path, m_templates);
    if (!parsed) return Error{parsed.error()};
    if (parsed->info.clientId != visit.clientId) {
        // TRANSLATORS: the first %s is a file, then two client ids.
        return Error{i18n::format(tr("%s: the map belongs to client \"%s\", not \"%s\""), path.c_str(),
                                  parsed->info.clientId.c_str(), visit.clientId.c_str())};
    }
    std::error_code ec;
    if (fs::exists(fs::symlink_status(path, ec))) {
        auto have = maps::readFileLimited(path, maps::kMaxMapFileBytes);
        if (!have) return Error{have.error()};
        if (have.value() == visit.bytes) return ImportStatus::AlreadyThere;
        // TRANSLATORS: %s is a visit's file.
        return Error{i18n::format(tr("%s: a different visit of that name is already there; nothing was replaced"), path.c_str())};
    }
    if (auto st = importRawClient({visit.clientId, parsed->info.clientName, {}}); !st) return Error{st.error()};
    maps::FileStamp none;
    maps::AtomicWriteOptions opt;
    opt.basedOn = &none;
    const auto w = maps::writeFileChecked(path, visit.bytes, opt);
    if (w.status == maps::WriteStatus::Conflict) {
        // TRANSLATORS: %s is a visit's file.
        return Error{i18n::format(tr("%s: a visit of that name appeared meanwhile; nothing was replaced"), path.c_str())};
    }
    if (!w.ok()) return Error{w.message};
    return ImportStatus::Written;
}

namespace {

// inotify on the root and on every client folder: a file saved, renamed into place or deleted,
// or a client folder created, makes the lists stale.
class FolderWatch final : public Watch {
public:
    explicit FolderWatch(std::string root) : m_root(std::move(root)) {
        m_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (m_fd < 0) {
            // TRANSLATORS: the first %s is the library's folder, the second the system's reason.
            m_error = i18n::format(tr("%s: cannot watch for changes: %s"), m_root.c_str(), std::strerror(errno));
            return;
        }
        addFolder(m_root, true);
        std::error_code ec;
        for (fs::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->symlink_status(ec).type() == fs::file_type::directory) addFolder(it->path().string(), false);
        }
    }
    ~FolderWatch() override {
        if (m_fd >= 0) ::close(m_fd);
    }
    int fd() const override { return m_fd; }
    std::string error() const override { return m_error; }
    bool changed() override {
        if (m_fd < 0) return false;
        bool any = false;
        alignas(inotify_event) char buf[8192];
        for (;;) {
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n <= 0) break;
            for (ssize_t off = 0; off < n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(buf + off);
                off += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
                if (e->mask & IN_Q_OVERFLOW) {
                    any = true;
                    continue;
                }
                const std::string name = e->len ? std::string(e->name) : std::string();
                if (!name.empty() && name[0] == '.') continue;  // temp files, .recovery
                any = true;
                const auto dir = m_dirs.find(e->wd);
                if (dir != m_dirs.end() && dir->second.second && (e->mask & IN_ISDIR) &&
                    (e->mask & (IN_CREATE | IN_MOVED_TO))) {
                    addFolder(m_root + "/" + name, false);
                }
            }
        }
        return any;
    }

private:
    void addFolder(const std::string& path, bool isRoot) {
        const int wd = inotify_add_watch(m_fd, path.c_str(),
                                         IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM |
                                             IN_CLOSE_WRITE | IN_DELETE_SELF | IN_DONT_FOLLOW | IN_ONLYDIR);
        if (wd >= 0) m_dirs[wd] = {path, isRoot};
    }
    std::string m_root;
    int m_fd = -1;
    std::string m_error;
    std::unordered_map<int, std::pair<std::string, bool>> m_dirs;  // wd -> folder, is the root
};

}  // namespace

std::unique_ptr<Watch> FolderStore::watch(std::string& why) {
    auto w = std::make_unique<FolderWatch>(m_library.root());
    if (!w->error().empty()) {
        why = w->error();
        return nullptr;
    }
    return w;
}

}  // namespace bodymap::store
