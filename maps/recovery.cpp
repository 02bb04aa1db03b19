// Autosaved recovery files for unsaved edits (see recovery.h).
#include "maps/i18n/i18n.h"
#include "maps/recovery.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
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

// A path for a message: one printable line whatever bytes the file name holds.
std::string shown(const std::string& path) { return printableForMessage(path); }

std::string jsonString(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Parses a recovery file and checks its header; the embedded map is left to the caller.
Result<nlohmann::json> parseRecovery(const std::string& path) {
    auto text = readFileLimited(path, kMaxRecoveryBytes);
    if (!text) return Error{text.error()};
    // One level more than a map: the map is nested in "map".
    auto json = parseJsonLimited(text.value(), path, kMaxMapDepth + 1, kMaxMapContainers + 8);
    if (!json) return Error{json.error()};
    try {
        JsonCursor root(json.value(), "");
        JsonCursor format = root.at("format");
        if (format.string(64) != "bodymap-recovery") format.fail(tr("expected \"bodymap-recovery\""));
        JsonCursor version = root.at("version");
        const auto v = version.integer(1, INT32_MAX);
        if (v > kRecoveryFormatVersion) {
            version.fail(i18n::format(tr("written by a newer BodyMap (recovery version %lld); please update"),
                                      static_cast<long long>(v)));
        }
        root.at("savedAt").string(64);
        root.at("editing").string(4096);
        if (json->contains("intake")) root.at("intake").string(4096);
        root.at("map").requireObject();
    } catch (const JsonPathError& e) {
        return Error{shown(path) + ": " + e.what()};
    } catch (const std::exception& e) {  // e.g. bad_alloc on hostile input: still no crash
        return Error{shown(path) + ": cannot read: " + printableForMessage(e.what(), 200)};
    }
    return json;
}

// [recovery locks]

constexpr auto kStaleLockAge = std::chrono::hours(1);

std::string lockPathFor(const std::string& recoveryFile) {
    return fs::path(recoveryFile).replace_extension(".lock").string();
}

// The (device, inode) of every recovery lock this process holds, so that discardRecovery can tell
// "held by us" from "held by another process" (flock cannot: two open()s of one file conflict
// even in one process).
std::mutex gHeldMutex;
std::set<std::pair<std::uint64_t, std::uint64_t>> gHeld;

bool heldHere(const std::string& lockPath) {
    struct stat st {};
    if (::lstat(lockPath.c_str(), &st) != 0) return false;
    std::lock_guard<std::mutex> guard(gHeldMutex);
    return gHeld.count({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)}) != 0;
}

enum class LockTry { Acquired, Busy, Failed };

}  // namespace

class RecoveryLock {
public:
    // Opens (with `openFlags`, e.g. O_CREAT) and flocks `lockPath` without waiting. After the
    // lock is taken the path must still name the locked file: an owner may unlink its lock file
    // on the way out, and a lock on an unlinked file would guard nothing.
    static LockTry tryAcquire(const std::string& lockPath, const std::string& recoveryFile,
                              int openFlags, std::unique_ptr<RecoveryLock>& out, std::string& why) {
        for (int attempt = 0; attempt < 8; ++attempt) {
            const int fd = ::open(lockPath.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC | openFlags, 0600);
            if (fd < 0) {
                why = std::strerror(errno);
                return LockTry::Failed;
            }
            if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
                const int err = errno;
                ::close(fd);
                if (err == EWOULDBLOCK) return LockTry::Busy;
                why = std::strerror(err);
                return LockTry::Failed;
            }
            struct stat held {}, named {};
            if (::fstat(fd, &held) == 0 && ::lstat(lockPath.c_str(), &named) == 0 &&
                held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
                out.reset(new RecoveryLock(fd, lockPath, recoveryFile, held));
                return LockTry::Acquired;
            }
            ::close(fd);  // its owner removed it meanwhile: try the file that is there now
            if ((openFlags & O_EXCL) != 0) break;
        }
        why = tr("the lock file keeps changing");
        return LockTry::Failed;
    }

    ~RecoveryLock() {
        // Once the recovery file is gone the lock file is of no use: remove it while still
        // holding it (anyone who opened it meanwhile sees that it was unlinked and retries).
        struct stat rec {}, named {};
        if (::lstat(m_recoveryFile.c_str(), &rec) != 0 && errno == ENOENT &&
            ::lstat(m_lockPath.c_str(), &named) == 0 && named.st_dev == m_dev && named.st_ino == m_ino) {
            ::unlink(m_lockPath.c_str());
        }
        {
            std::lock_guard<std::mutex> guard(gHeldMutex);
            gHeld.erase({m_dev, m_ino});
        }
        ::close(m_fd);  // releases the flock
    }
    RecoveryLock(const RecoveryLock&) = delete;
    RecoveryLock& operator=(const RecoveryLock&) = delete;

private:
    RecoveryLock(int fd, std::string lockPath, std::string recoveryFile, const struct stat& st)
        : m_fd(fd), m_lockPath(std::move(lockPath)), m_recoveryFile(std::move(recoveryFile)),
          m_dev(static_cast<std::uint64_t>(st.st_dev)), m_ino(static_cast<std::uint64_t>(st.st_ino)) {
        std::lock_guard<std::mutex> guard(gHeldMutex);
        gHeld.insert({m_dev, m_ino});
    }
    int m_fd;
    std::string m_lockPath;
    std::string m_recoveryFile;
    std::uint64_t m_dev;
    std::uint64_t m_ino;
};

namespace {

// True when some process (this one included) holds the lock of `recoveryFile`.
bool isLive(const std::string& recoveryFile) {
    const std::string lockPath = lockPathFor(recoveryFile);
    const int fd = ::open(lockPath.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno != ENOENT;  // no lock file: its owner is gone (or it predates locks)
    bool live = false;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        live = errno == EWOULDBLOCK;
    } else {
        ::flock(fd, LOCK_UN);
    }
    ::close(fd);
    return live;
}

bool isRegular(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
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
                     const PainMap& map, const std::string& editingPath,
                     const std::string& intakeClient) {
    if (auto st = Library(libraryRoot).ensureRoot(); !st) return st;
    const std::string folder = (fs::path(libraryRoot) / kRecoveryFolder).string();
    if (auto st = ensurePrivateFolder(folder); !st) return st;
    std::string body = serializeMap(map);
    while (!body.empty() && body.back() == '\n') body.pop_back();
    const std::string text = "{\n\"format\": \"bodymap-recovery\",\n\"version\": " +
                             std::to_string(kRecoveryFormatVersion) + ",\n\"savedAt\": " +
                             jsonString(localTimeNow()) + ",\n\"editing\": " +
                             jsonString(editingPath) + ",\n" +
                             (intakeClient.empty() ? std::string() : "\"intake\": " + jsonString(intakeClient) + ",\n") +
                             "\"map\": " + body + "\n}\n";
    return writeFileAtomic(recoveryPath(libraryRoot, session), text);
}

Result<std::vector<RecoveryEntry>> listOrphanedRecovery(const std::string& libraryRoot) {
    std::vector<RecoveryEntry> entries;
    const fs::path folder = fs::path(libraryRoot) / kRecoveryFolder;
    std::error_code ec;
    // A .recovery that is a symlink (planted, or pointing at another library) is not ours.
    if (fs::symlink_status(folder, ec).type() != fs::file_type::directory) return entries;
    std::vector<std::string> locks;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;  // temp files of a save in progress
        if (it->path().extension() == ".lock") {
            locks.push_back(it->path().string());
            continue;
        }
        if (it->path().extension() != ".json" || !isRegular(it->path().string())) continue;
        if (isLive(it->path().string())) continue;  // its session is running: not ours to offer
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
            if (j.contains("intake")) e.intakeClient = j["intake"].get<std::string>();
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
    if (ec) return Error{shown(folder.string()) + ": cannot list recovery files: " + ec.message()};
    // Locks of sessions that ended without a recovery file to keep (killed before their first
    // autosave): removed once old, and only when nobody holds them.
    const auto now = fs::file_time_type::clock::now();
    for (const auto& lock : locks) {
        std::error_code lec;
        const std::string file = fs::path(lock).replace_extension(".json").string();
        struct stat st {};
        if (::lstat(file.c_str(), &st) == 0) continue;
        const auto mtime = fs::last_write_time(lock, lec);
        if (lec || now - mtime < kStaleLockAge) continue;
        std::unique_ptr<RecoveryLock> held;
        std::string why;
        (void)RecoveryLock::tryAcquire(lock, file, 0, held, why);  // its destructor removes it
    }
    std::sort(entries.begin(), entries.end(), [](const RecoveryEntry& a, const RecoveryEntry& b) {
        return a.savedAt != b.savedAt ? a.savedAt > b.savedAt : a.path > b.path;
    });
    return entries;
}

Result<std::vector<RecoveryEntry>> listRecovery(const std::string& libraryRoot) {
    return listOrphanedRecovery(libraryRoot);
}

Result<RecoveredMap> readRecovery(const std::string& path, const TemplateRegistry& templates) {
    auto json = parseRecovery(path);
    if (!json) return Error{json.error()};
    const nlohmann::json& j = json.value();
    auto map = parseMapValue(j["map"], path, "map", templates);
    if (!map) return Error{map.error()};
    RecoveredMap out;
    out.map = std::move(map.value());
    out.editingPath = j["editing"].get<std::string>();
    out.savedAt = j["savedAt"].get<std::string>();
    if (j.contains("intake")) out.intakeClient = j["intake"].get<std::string>();
    out.recoveryFile = path;
    return out;
}

Result<RecoveredMap> claimRecovery(const std::string& path, const TemplateRegistry& templates) {
    const std::string gone = shown(path) + ": no longer there (restored or discarded by another BodyMap)";
    if (!isRegular(path)) return Error{gone};
    std::unique_ptr<RecoveryLock> lock;
    std::string why;
    switch (RecoveryLock::tryAcquire(lockPathFor(path), path, O_CREAT, lock, why)) {
        case LockTry::Busy:
            return Error{shown(path) + ": in use by another running BodyMap; not restored"};
        case LockTry::Failed:
            return Error{shown(lockPathFor(path)) + ": cannot lock: " + why};
        case LockTry::Acquired:
            break;
    }
    if (!isRegular(path)) return Error{gone};  // the claimant before us finished with it
    auto rec = readRecovery(path, templates);
    if (!rec) return rec;
    rec->claim = std::shared_ptr<RecoveryLock>(lock.release());
    return rec;
}

Status discardClaimed(RecoveredMap& claimed) {
    if (!claimed.claim) return discardRecovery(claimed.recoveryFile);
    if (::unlink(claimed.recoveryFile.c_str()) != 0 && errno != ENOENT) {
        return Error{shown(claimed.recoveryFile) + ": cannot delete: " + std::strerror(errno)};
    }
    claimed.claim.reset();  // the last holder removes the lock file too
    return Ok{};
}

Status discardRecovery(const std::string& path) {
    const std::string lockPath = lockPathFor(path);
    std::unique_ptr<RecoveryLock> lock;
    if (!heldHere(lockPath)) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 && errno == ENOENT) return Ok{};
        std::string why;
        switch (RecoveryLock::tryAcquire(lockPath, path, O_CREAT, lock, why)) {
            case LockTry::Busy:
                return Error{shown(path) + ": in use by another running BodyMap; not deleted"};
            case LockTry::Failed:
                return Error{shown(lockPath) + ": cannot lock: " + why};
            case LockTry::Acquired:
                break;
        }
    }
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        return Error{shown(path) + ": cannot delete: " + std::strerror(errno)};
    }
    return Ok{};  // `lock`, when taken here, removes the lock file as it goes
}

RecoverySession::RecoverySession(RecoverySession&& other) noexcept = default;
RecoverySession& RecoverySession::operator=(RecoverySession&& other) noexcept = default;
RecoverySession::~RecoverySession() = default;

Result<RecoverySession> RecoverySession::start(const std::string& libraryRoot) {
    if (auto st = Library(libraryRoot).ensureRoot(); !st) return Error{st.error()};
    const std::string folder = (fs::path(libraryRoot) / kRecoveryFolder).string();
    if (auto st = ensurePrivateFolder(folder); !st) return Error{st.error()};
    const std::string base = newSessionId();
    for (int n = 1; n < 1000; ++n) {
        const std::string id = n == 1 ? base : base + "-" + std::to_string(n);
        const std::string file = recoveryPath(libraryRoot, id);
        const std::string lockPath = lockPathFor(file);
        struct stat st {};
        if (::lstat(file.c_str(), &st) == 0) continue;  // a file left by an earlier session
        std::unique_ptr<RecoveryLock> lock;
        std::string why;
        switch (RecoveryLock::tryAcquire(lockPath, file, O_CREAT | O_EXCL, lock, why)) {
            case LockTry::Acquired: {
                RecoverySession s;
                s.m_root = libraryRoot;
                s.m_id = id;
                s.m_lock = std::move(lock);
                return s;
            }
            case LockTry::Busy:
                continue;
            case LockTry::Failed:
                if (errno == EEXIST || why == std::strerror(EEXIST)) continue;  // id taken
                return Error{shown(lockPath) + ": cannot create the session lock: " + why};
        }
    }
    return Error{shown(folder) + ": cannot find a free recovery session name"};
}

std::string RecoverySession::path() const { return recoveryPath(m_root, m_id); }

Status RecoverySession::write(const PainMap& map, const std::string& editingPath,
                              const std::string& intakeClient) {
    if (!m_lock) return Error{shown(path()) + ": the recovery session has ended"};
    return writeRecovery(m_root, m_id, map, editingPath, intakeClient);
}

Status RecoverySession::discard() {
    if (::unlink(path().c_str()) != 0 && errno != ENOENT) {
        return Error{shown(path()) + ": cannot delete: " + std::strerror(errno)};
    }
    return Ok{};
}

}  // namespace bodymap::maps
