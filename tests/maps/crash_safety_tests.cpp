// Crash safety of saving: a process that saves in a loop is killed with SIGKILL at random
// moments (200 times) and the file on disk must always be a valid map, the old one or the new
// one; a save onto a full disk (a 256 KiB tmpfs) keeps the original and says why it failed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "maps/map_format.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;
using bodymap::test::TempDir;
using bodymap::test::defaultRegistry;
using bodymap::test::readText;

namespace {

std::uint64_t fnv1a(const std::string& s) {  // as in tests/tools/save_loop.cpp
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

// A map whose file is about 110 KB (paint on every 5th of the first 40,000 cells of the front).
PainMap largeMap(std::uint8_t seed) {
    PainMap m = PainMap::blankFor(bodymap::test::defaultTemplate());
    m.info.clientId = "jane";
    m.info.visitTime = "2026-11-24T14:30:00";
    for (std::size_t i = 0; i < 40000; i += 5) {
        m.layer(ViewId::Front).intensity[i] = static_cast<std::uint8_t>(1 + (i / 5 + seed) % 10);
    }
    return m;
}

// One run of tests/tools/save_loop, read line by line through a pipe.
class SaveLoop {
public:
    SaveLoop(const std::string& file, long first) {
        int fds[2];
        if (::pipe(fds) != 0) return;
        const std::string tmpl = bodymap::test::assetsPath("templates/adult_neutral.json");
        const std::string firstText = std::to_string(first);
        m_pid = ::fork();
        if (m_pid == 0) {
            ::dup2(fds[1], STDOUT_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            ::execl(BODYMAP_SAVE_LOOP, BODYMAP_SAVE_LOOP, tmpl.c_str(), file.c_str(),
                    firstText.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(fds[1]);
        m_fd = fds[0];
    }
    ~SaveLoop() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_fd >= 0) ::close(m_fd);
    }
    // The next line, without "\n"; empty at the end of the output.
    std::string line() {
        std::string s;
        char c;
        while (::read(m_fd, &c, 1) == 1) {
            if (c == '\n') return s;
            s += c;
        }
        return s;
    }
    // Kills the process and returns how many saves it reported as completed.
    long killAndCount() {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        long saved = 0;
        for (std::string s = line(); !s.empty(); s = line()) {
            if (s.rfind("saved ", 0) == 0) saved = std::strtol(s.c_str() + 6, nullptr, 10);
        }
        return saved;
    }

private:
    pid_t m_pid = -1;
    int m_fd = -1;
};

struct FileId {
    std::size_t size = 0;
    std::uint64_t hash = 0;
};

// Which of the save loop's maps `text` is: 0, 1 or 2, or -1 for none of them.
int whichMap(const std::string& text, const FileId (&maps)[3]) {
    const std::uint64_t h = fnv1a(text);
    for (int i = 0; i < 3; ++i) {
        if (maps[i].size == text.size() && maps[i].hash == h) return i;
    }
    return -1;
}

}  // namespace

TEST(CrashSafety, KilledAtRandomMomentsWhileSavingLeavesTheOldOrTheNewMap) {
    const char* env = std::getenv("BODYMAP_CRASH_KILLS");
    const int kills = env ? std::atoi(env) : 200;
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    const std::string tempPrefix = ".visit.json.tmp-";

    // How long one save takes here (mostly the two fsyncs): kills land within ~2 saves of start.
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(saveMap(largeMap(static_cast<std::uint8_t>(i)), path).ok());
    const auto saveUs = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - t0).count() / 3;
    fs::remove(path);
    fs::remove(path + ".bak");
    const long maxDelayUs = std::clamp<long>(static_cast<long>(saveUs) * 2, 2000, 200000);

    std::mt19937 rng(20261124);  // fixed: a failure can be replayed
    std::uniform_int_distribution<long> delay(0, maxDelayUs);
    FileId ids[3];
    int onDisk = -1;   // which map the file holds, -1 before the first save
    long next = 0;     // the map number the next run saves first
    int inFlight = 0, beforeFirstSave = 0, tempFilesLeft = 0;
    bool loaded[3] = {false, false, false};  // whether loadMap has accepted map i's bytes
    long savesCompleted = 0;
    for (int k = 0; k < kills; ++k) {
        SCOPED_TRACE("kill " + std::to_string(k + 1));
        SaveLoop loop(path, next);
        for (int i = 0; i < 3; ++i) {
            const std::string line = loop.line();
            std::istringstream in(line);
            std::string word;
            int index = -1;
            in >> word >> index >> ids[i].size >> std::hex >> ids[i].hash;
            ASSERT_TRUE(word == "map" && index == i) << "save_loop said: \"" << line << "\"";
        }
        ASSERT_EQ(loop.line(), "ready");
        std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
        const long saved = loop.killAndCount();
        savesCompleted += saved;

        const int lastDone = saved > 0 ? static_cast<int>((next + saved - 1) % 3) : onDisk;
        const int started = static_cast<int>((next + saved) % 3);
        ASSERT_TRUE(fs::exists(path) || lastDone == -1);
        if (fs::exists(path)) {
            const std::string text = readText(path);
            const int found = whichMap(text, ids);
            ASSERT_TRUE(found == lastDone || found == started)
                << "file holds map " << found << " (" << text.size() << " bytes); expected map "
                << lastDone << " (last completed save) or " << started << " (interrupted save)";
            // Each of the three files is loaded once; later, the same bytes are the same map.
            if (!loaded[found]) {
                auto map = loadMap(path, defaultRegistry());
                ASSERT_TRUE(map.ok()) << map.error();
                EXPECT_EQ(map.value().info.notes, "map " + std::to_string(found));
                loaded[found] = true;
            }
            if (found != lastDone) ++inFlight;
            onDisk = found;
        } else {
            ++beforeFirstSave;
        }
        if (fs::exists(path + ".bak")) {
            const int bak = whichMap(readText(path + ".bak"), ids);
            ASSERT_NE(bak, -1) << "the backup is not one of the saved maps";
            if (!loaded[bak]) {
                ASSERT_TRUE(loadMap(path + ".bak", defaultRegistry()).ok());
                loaded[bak] = true;
            }
        }
        // A kill between creating the temp file and renaming it leaves the temp file behind; it
        // is hidden (dot file, not *.json), so the library never lists it. Count, then clear.
        for (const auto& e : fs::directory_iterator(dir.path())) {
            const std::string name = e.path().filename().string();
            if (name.rfind(tempPrefix, 0) == 0) {
                ++tempFilesLeft;
                fs::remove(e.path());
            } else {
                ASSERT_TRUE(name == "visit.json" || name == "visit.json.bak") << name;
            }
        }
        next = onDisk + 1;
    }
    std::cout << "[ crash    ] " << kills << " kills (random delay 0-" << maxDelayUs / 1000
              << " ms; one save ~" << saveUs / 1000 << " ms), " << savesCompleted
              << " saves completed, " << inFlight << " kills after the rename but before the "
              << "save reported, " << beforeFirstSave << " before the first save, "
              << tempFilesLeft << " temp files left behind\n";
    EXPECT_GT(savesCompleted, 0);
}

namespace {

// Runs `body` in a child that has its own mount namespace (so it may mount a tmpfs without
// touching the machine). Returns the child's exit code, -1 if it died, 77 if namespaces are
// not allowed here.
template <class F>
int inMountNamespace(F body) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (uid == 0) {
            if (::unshare(CLONE_NEWNS) != 0) ::_exit(77);
        } else {
            if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) ::_exit(77);
            auto put = [](const char* file, const std::string& text) {
                const int fd = ::open(file, O_WRONLY);
                const bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) ==
                                               static_cast<ssize_t>(text.size());
                if (fd >= 0) ::close(fd);
                return ok;
            };
            put("/proc/self/setgroups", "deny");
            if (!put("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
                !put("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1")) {
                ::_exit(77);
            }
        }
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(77);
        ::_exit(body());
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid) return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(CrashSafety, FullDiskKeepsTheOriginalAndSaysWhy) {
    TempDir dir;
    const std::string mountPoint = dir.path();
    const std::string path = mountPoint + "/visit.json";
    const PainMap original = largeMap(0);
    const std::string originalText = serializeMap(original);
    ASSERT_GT(originalText.size(), 100000u);
    ASSERT_LT(originalText.size(), 128000u);
    defaultRegistry();  // the template is loaded before forking
    const int code = inMountNamespace([&] {
        // Room for the original (under 128 KB) but not for a second copy beside it.
        if (::mount("tmpfs", mountPoint.c_str(), "tmpfs", 0, "size=192k,mode=0755") != 0) return 77;
        if (!saveMap(original, path).ok()) return 10;
        auto st = saveMap(largeMap(1), path);
        if (st.ok()) return 11;
        if (st.error() != path + ": cannot write: No space left on device") {
            std::fprintf(stderr, "message: %s\n", st.error().c_str());
            return 12;
        }
        if (readText(path) != originalText) return 13;
        std::size_t entries = 0;
        for (const auto& e : fs::directory_iterator(mountPoint)) {
            (void)e;
            ++entries;
        }
        if (entries != 1) return 14;  // no temp file, no backup of a save that failed
        auto loaded = loadMap(path, defaultRegistry());
        if (!loaded.ok() || !(loaded.value() == original)) return 15;
        return 0;
    });
    if (code == 77) GTEST_SKIP() << "mount namespaces are not allowed here";
    EXPECT_EQ(code, 0) << "10 first save failed, 11 save on a full disk succeeded, 12 wrong "
                          "message, 13 original changed, 14 files left behind, 15 does not load";
}
