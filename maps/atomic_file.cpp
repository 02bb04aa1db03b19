// Atomic, private, conflict-checked file replacement with fsync (see atomic_file.h). POSIX only.
#include "maps/i18n/i18n.h"
#include "maps/atomic_file.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "maps/json_util.h"

namespace bodymap::maps {

namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;
// How long a writer waits for another BodyMap's check-and-rename in the same folder (that takes
// milliseconds; a process stopped while holding the lock must not hang us for ever).
constexpr auto kLockWait = std::chrono::seconds(10);

std::string errnoText(int err) { return std::strerror(err); }

std::uint64_t fnv1a(std::uint64_t h, const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= kFnvPrime;
    }
    return h;
}

std::int64_t mtimeNsOf(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 +
           static_cast<std::int64_t>(st.st_mtim.tv_nsec);
}

bool writeAll(int fd, std::string_view data, int& err) {
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

void fsyncDir(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Reads a regular file without following a symlink; nullopt (errno set) when that fails.
std::optional<std::string> readNoFollow(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        errno = EINVAL;
        return std::nullopt;
    }
    std::string out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            errno = err;
            return std::nullopt;
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

// Why `path` must not be replaced (a symlink, folder or special file), or nullopt.
std::optional<std::string> targetProblem(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return std::nullopt;  // missing: fine; others fail later
    const char* what = nullptr;
    // TRANSLATORS: %s is a file name; BodyMap will not write over such a file.
    if (S_ISLNK(st.st_mode)) what = tr("%s: is a symbolic link; refusing to replace it");
    else if (S_ISDIR(st.st_mode)) what = tr("%s: is a folder; refusing to replace it");
    else if (S_ISFIFO(st.st_mode)) what = tr("%s: is a FIFO (named pipe); refusing to replace it");
    else if (S_ISSOCK(st.st_mode)) what = tr("%s: is a socket; refusing to replace it");
    else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) what = tr("%s: is a device; refusing to replace it");
    else if (!S_ISREG(st.st_mode)) what = tr("%s: is not a regular file; refusing to replace it");
    if (!what) return std::nullopt;
    return i18n::format(what, printableForMessage(path).c_str());
}

// An exclusive flock on a folder, held while a writer checks the target and renames over it.
class FolderLock {
public:
    explicit FolderLock(const std::string& dir) {
        m_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_fd < 0) return;  // cannot lock (odd permissions): the rename decides
        const auto deadline = std::chrono::steady_clock::now() + kLockWait;
        for (;;) {
            if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
                m_locked = true;
                return;
            }
            if (errno != EWOULDBLOCK && errno != EINTR) return;  // no flock here: go on unlocked
            if (std::chrono::steady_clock::now() > deadline) {
                m_timedOut = true;
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    ~FolderLock() {
        if (m_fd >= 0) {
            ::fsync(m_fd);  // the rename is durable once the folder is
            if (m_locked) ::flock(m_fd, LOCK_UN);
            ::close(m_fd);
        }
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    bool timedOut() const { return m_timedOut; }

private:
    int m_fd = -1;
    bool m_locked = false;
    bool m_timedOut = false;
};

// Makes "<path>.bak" hold the current file at `path` (0600 at most), replacing an older backup
// atomically. A hard link costs nothing; where links are not possible, a copy.
std::optional<std::string> makeBackup(const std::string& path, const std::string& dir,
                                      const std::string& name) {
    const std::string backup = path + ".bak";
    struct stat bst {};
    if (::lstat(backup.c_str(), &bst) == 0 && S_ISDIR(bst.st_mode)) {
        return printableForMessage(backup) + ": is a folder; cannot keep the backup there";
    }
    // Named like the data temp files, so that one left by a kill is cleaned up the same way.
    std::string tmp = (fs::path(dir) / ("." + name + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) return printableForMessage(backup) + ": cannot write: " + errnoText(errno);
    ::close(fd);
    ::unlink(tmp.c_str());  // only the unique name was wanted
    if (::link(path.c_str(), tmp.c_str()) == 0) {
        struct stat st {};
        if (::lstat(tmp.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
            ::chmod(tmp.c_str(), st.st_mode & 0600);  // an older, wider file: narrow it
        }
    } else {
        auto bytes = readNoFollow(path);
        if (!bytes) return printableForMessage(backup) + ": cannot copy " + printableForMessage(path) + ": " + errnoText(errno);
        const int out = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (out < 0) return printableForMessage(backup) + ": cannot write: " + errnoText(errno);
        int err = 0;
        bool ok = writeAll(out, *bytes, err);
        if (ok && ::fsync(out) != 0) {
            err = errno;
            ok = false;
        }
        if (::close(out) != 0 && ok) {
            err = errno;
            ok = false;
        }
        if (!ok) {
            ::unlink(tmp.c_str());
            return printableForMessage(backup) + ": cannot write: " + errnoText(err);
        }
    }
    // rename replaces a symlink named .bak itself, never what it points to.
    if (::rename(tmp.c_str(), backup.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return printableForMessage(backup) + ": cannot write: " + errnoText(err);
    }
    return std::nullopt;
}

WriteOutcome failed(std::string message) {
    WriteOutcome w;
    w.status = WriteStatus::Failed;
    w.message = std::move(message);
    return w;
}

}  // namespace

bool FileStamp::operator==(const FileStamp& o) const {
    return exists == o.exists && readable == o.readable && size == o.size &&
           contentHash == o.contentHash;
}

FileStamp stampFile(const std::string& path) {
    FileStamp s;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return s;
    s.exists = true;
    s.size = static_cast<std::uint64_t>(st.st_size);
    s.mtimeNs = mtimeNsOf(st);
    s.inode = static_cast<std::uint64_t>(st.st_ino);
    if (!S_ISREG(st.st_mode)) return s;
    auto bytes = readNoFollow(path);
    if (!bytes) return s;
    s.readable = true;
    s.size = bytes->size();
    s.contentHash = fnv1a(kFnvOffset, bytes->data(), bytes->size());
    return s;
}

unsigned currentUmask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            return static_cast<unsigned>(std::strtoul(line.c_str() + 6, nullptr, 8)) & 0777u;
        }
    }
    const mode_t m = ::umask(077);  // no /proc: read it by setting it (and put it back)
    ::umask(m);
    return static_cast<unsigned>(m) & 0777u;
}

Status checkOutputTarget(const std::string& path) {
    if (auto problem = targetProblem(path)) return Error{*problem};
    return Ok{};
}

WriteOutcome writeFileChecked(const std::string& path, std::string_view data,
                              const AtomicWriteOptions& options) {
    if (auto problem = targetProblem(path)) return failed(*problem);
    const fs::path target(path);
    std::string dir = target.parent_path().string();
    if (dir.empty()) dir = ".";
    const std::string name = target.filename().string();
    const std::string tmpPrefix = "." + name + ".tmp-";
    // Temp files of saves that were killed midway (they are never the good copy) are removed
    // once they are an hour old, so that a crash-prone session does not pile them up.
    {
        std::error_code ec;
        const auto now = fs::file_time_type::clock::now();
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string entry = it->path().filename().string();
            if (entry.rfind(tmpPrefix, 0) != 0 || entry.size() != tmpPrefix.size() + 6) continue;
            std::error_code ec2;
            const auto mtime = fs::last_write_time(it->path(), ec2);
            if (!ec2 && now - mtime > std::chrono::hours(1)) fs::remove(it->path(), ec2);
        }
    }
    std::string tmpl = (fs::path(dir) / (tmpPrefix + "XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return failed(printableForMessage(path) + ": cannot write: " + errnoText(errno));
    // Health data: owner only, and never more than the umask allows. mkstemp already gives
    // 0600 & ~umask on Linux; say it explicitly so that no other default can widen it.
    ::fchmod(fd, static_cast<mode_t>(0600u & ~currentUmask()));
    // A file-size limit (RLIMIT_FSIZE) raises SIGXFSZ, which would kill us mid-write; we want
    // the write to fail with EFBIG instead so the original can be kept.
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGXFSZ, &ignore, &old);
    int err = 0;
    bool ok = writeAll(fd, data, err);
    if (ok && ::fsync(fd) != 0) {
        err = errno;
        ok = false;
    }
    ::sigaction(SIGXFSZ, &old, nullptr);
    if (::close(fd) != 0 && ok) {
        err = errno;
        ok = false;
    }
    if (!ok) {
        ::unlink(tmpl.c_str());
        return failed(printableForMessage(path) + ": cannot write: " + errnoText(err));
    }
    const std::uint64_t newHash = fnv1a(kFnvOffset, data.data(), data.size());

    WriteOutcome out;
    {
        // Only a checked or backed-up save needs the folder lock (plain outputs such as a report
        // in /tmp must not wait on a lock anyone could hold there).
        std::optional<FolderLock> lock;
        if (options.basedOn || options.keepBackup) lock.emplace(dir);
        auto abandon = [&](WriteStatus status, std::string message) {
            ::unlink(tmpl.c_str());
            out.status = status;
            out.message = std::move(message);
        };
        if (lock && lock->timedOut()) {
            abandon(WriteStatus::Failed,
                    printableForMessage(path) + ": cannot write: another program holds the folder's lock");
            return out;
        }
        // Checked again under the lock: a symlink planted since the first check is refused too.
        if (auto problem = targetProblem(path)) {
            abandon(WriteStatus::Failed, *problem);
            return out;
        }
        std::optional<FileStamp> now;
        if (options.basedOn) {
            now = stampFile(path);
            if (*now != *options.basedOn) {
                out.stamp = *now;
                if (options.basedOn->exists && !now->exists) {
                    abandon(WriteStatus::Conflict,
                            printableForMessage(path) + ": was deleted by another program since it was opened");
                } else if (!options.basedOn->exists) {
                    abandon(WriteStatus::Conflict,
                            i18n::format(tr("%s: was created by another program in the meantime"),
                                         printableForMessage(path).c_str()));
                } else {
                    abandon(WriteStatus::Conflict,
                            i18n::format(tr("%s: was changed by another program (or another BodyMap window) "
                                            "since it was opened"),
                                         printableForMessage(path).c_str()));
                }
                return out;
            }
        }
        if (options.keepBackup) {
            if (!now) now = stampFile(path);
            const bool same = now->readable && now->size == data.size() && now->contentHash == newHash;
            if (now->readable && !same) {
                if (auto problem = makeBackup(path, dir, name)) {
                    abandon(WriteStatus::Failed, *problem);
                    return out;
                }
            }
        }
        if (::rename(tmpl.c_str(), path.c_str()) != 0) {
            abandon(WriteStatus::Failed, printableForMessage(path) + ": cannot write: " + errnoText(errno));
            return out;
        }
        if (!lock) fsyncDir(dir);  // (the lock does it as it is released)
        out.status = WriteStatus::Written;
        out.stamp.exists = true;
        out.stamp.readable = true;
        out.stamp.size = data.size();
        out.stamp.contentHash = newHash;
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0) {
            out.stamp.mtimeNs = mtimeNsOf(st);
            out.stamp.inode = static_cast<std::uint64_t>(st.st_ino);
        }
    }
    return out;
}

Status writeFileAtomic(const std::string& path, std::string_view data,
                       const AtomicWriteOptions& options) {
    WriteOutcome w = writeFileChecked(path, data, options);
    if (!w.ok()) return Error{w.message};
    return Ok{};
}

Status ensurePrivateFolder(const std::string& path) {
    if (path.empty()) return Error{tr("cannot create a folder with an empty name")};
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        const fs::path parent = fs::path(path).parent_path();
        if (!parent.empty() && parent != fs::path(path)) {
            struct stat pst {};
            if (::stat(parent.c_str(), &pst) != 0) {
                if (auto p = ensurePrivateFolder(parent.string()); !p) return p;
            }
        }
        if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
            return Error{printableForMessage(path) + ": cannot create folder: " + errnoText(errno)};
        }
        if (::lstat(path.c_str(), &st) != 0) {
            return Error{printableForMessage(path) + ": cannot create folder: " + errnoText(errno)};
        }
    }
    if (S_ISLNK(st.st_mode)) return Error{printableForMessage(path) + ": is a symbolic link; refusing to use it"};
    if (!S_ISDIR(st.st_mode)) return Error{printableForMessage(path) + ": is not a folder"};
    if ((st.st_mode & 077) != 0 && st.st_uid == ::geteuid()) {
        ::chmod(path.c_str(), st.st_mode & 0700);
    }
    return Ok{};
}

Result<std::string> makePrivateTempFile(const std::string& dir, const std::string& prefix,
                                        const std::string& suffix) {
    std::string folder = dir;
    if (folder.empty()) {
        std::error_code ec;
        const fs::path t = fs::temp_directory_path(ec);
        folder = ec ? std::string("/tmp") : t.string();
    }
    std::string tmpl = (fs::path(folder) / (prefix + "XXXXXX" + suffix)).string();
    const int fd = ::mkstemps(tmpl.data(), static_cast<int>(suffix.size()));
    if (fd < 0) return Error{printableForMessage(folder) + ": cannot create a temporary file: " + errnoText(errno)};
    ::fchmod(fd, static_cast<mode_t>(0600u & ~currentUmask()));
    ::close(fd);
    return tmpl;
}

}  // namespace bodymap::maps
