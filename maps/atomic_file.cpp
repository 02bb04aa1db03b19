// Atomic file replacement with fsync (see atomic_file.h). POSIX only.
#include "maps/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <chrono>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

namespace bodymap::maps {

namespace {
std::string errnoText(int err) { return std::strerror(err); }

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
}  // namespace

Status writeFileAtomic(const std::string& path, std::string_view data,
                       const AtomicWriteOptions& options) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::string dir = target.parent_path().string();
    if (dir.empty()) dir = ".";
    const std::string tmpPrefix = "." + target.filename().string() + ".tmp-";
    // Temp files of saves that were killed midway (they are never the good copy) are removed
    // once they are an hour old, so that a crash-prone session does not pile them up.
    {
        std::error_code ec;
        const auto now = fs::file_time_type::clock::now();
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.rfind(tmpPrefix, 0) != 0 || name.size() != tmpPrefix.size() + 6) continue;
            std::error_code ec2;
            const auto mtime = fs::last_write_time(it->path(), ec2);
            if (!ec2 && now - mtime > std::chrono::hours(1)) fs::remove(it->path(), ec2);
        }
    }
    std::string tmpl = (fs::path(dir) / (tmpPrefix + "XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return Error{path + ": cannot write: " + errnoText(errno)};
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
    ::fchmod(fd, 0644);
    if (::close(fd) != 0 && ok) {
        err = errno;
        ok = false;
    }
    if (!ok) {
        ::unlink(tmpl.c_str());
        return Error{path + ": cannot write: " + errnoText(err)};
    }
    if (options.keepBackup) {
        std::error_code ec;
        if (fs::exists(target, ec)) {
            const std::string backup = path + ".bak";
            // A hard link keeps the old file as the backup without a window where neither exists.
            ::unlink(backup.c_str());
            if (::link(path.c_str(), backup.c_str()) != 0) {
                fs::copy_file(target, backup, fs::copy_options::overwrite_existing, ec);
            }
        }
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        err = errno;
        ::unlink(tmpl.c_str());
        return Error{path + ": cannot write: " + errnoText(err)};
    }
    fsyncDir(dir);
    return Ok{};
}

}  // namespace bodymap::maps
