// Saving never loses work: a failed save (read-only folder, file-size limit) leaves the previous
// file intact and no temp file behind; a successful save keeps the previous version as .bak.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "maps/atomic_file.h"
#include "maps/map_format.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "bodymap-save-XXXXXX").string();
        m_path = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
        ::chmod(m_path.c_str(), 0755);  // the read-only test's child may run as another user
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(m_path, fs::perms::owner_all, ec);
        fs::remove_all(m_path, ec);
    }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

const TemplateRegistry& registry() {
    static const TemplateRegistry r = [] {
        TemplateRegistry reg;
        reg.add(bodymap::test::defaultTemplate());
        return reg;
    }();
    return r;
}

// A map on the real template with paint on every row, so that its file is large.
PainMap bigMap(std::uint8_t seed) {
    PainMap m = PainMap::blankFor(bodymap::test::defaultTemplate());
    m.info.clientId = "jane";
    m.info.visitTime = "2026-11-24T14:30:00";
    for (std::size_t i = 0; i < m.cellCount(); i += 7) {
        m.layer(ViewId::Front).intensity[i] = static_cast<std::uint8_t>(1 + (i / 7 + seed) % 10);
    }
    return m;
}

std::size_t entriesIn(const std::string& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        (void)e;
        ++n;
    }
    return n;
}

// Runs `body` in a forked child and returns its exit code (-1 when it died of a signal).
template <class F>
int inChild(F body) {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(body());
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid) return -2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(SaveSafety, SavingKeepsThePreviousVersionAsBackup) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    const PainMap first = bigMap(0);
    const PainMap second = bigMap(1);
    ASSERT_TRUE(saveMap(first, path).ok());
    EXPECT_FALSE(fs::exists(path + ".bak"));
    ASSERT_TRUE(saveMap(second, path).ok());
    EXPECT_EQ(readText(path), serializeMap(second));
    EXPECT_EQ(readText(path + ".bak"), serializeMap(first));
    EXPECT_EQ(entriesIn(dir.path()), 2u);
}

TEST(SaveSafety, ReadOnlyFolderLeavesTheOriginalIntact) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    const std::string original = readText(path);
    ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);
    // Root ignores folder permissions, so the save runs in a child that drops to "nobody".
    const int code = inChild([&] {
        if (::geteuid() == 0 && ::setuid(65534) != 0) return 10;
        auto st = saveMap(bigMap(1), path);
        if (st.ok()) return 11;
        return st.error().rfind(path + ": cannot write: Permission denied", 0) == 0 ? 0 : 12;
    });
    EXPECT_EQ(code, 0);
    ::chmod(dir.path().c_str(), 0755);
    EXPECT_EQ(readText(path), original);
    EXPECT_EQ(entriesIn(dir.path()), 1u);
    EXPECT_TRUE(loadMap(path, registry()).ok());
}

TEST(SaveSafety, FileSizeLimitLeavesTheOriginalIntact) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    const PainMap before = bigMap(0);
    ASSERT_TRUE(saveMap(before, path).ok());
    const std::string original = readText(path);
    ASSERT_GT(original.size(), 100000u);
    // As on a full disk: the new file cannot be written past 64 KiB.
    const int code = inChild([&] {
        rlimit limit{};
        limit.rlim_cur = limit.rlim_max = 64 * 1024;
        if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 10;
        auto st = saveMap(bigMap(1), path);
        if (st.ok()) return 11;
        return st.error().rfind(path + ": cannot write: File too large", 0) == 0 ? 0 : 12;
    });
    EXPECT_EQ(code, 0);
    EXPECT_EQ(readText(path), original);
    EXPECT_EQ(entriesIn(dir.path()), 1u);  // no temp file, no half-written backup
    auto loaded = loadMap(path, registry());
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    EXPECT_TRUE(loaded.value() == before);
}

TEST(SaveSafety, MissingFolderIsAnErrorNamingTheFile) {
    auto st = saveMap(bigMap(0), "/nonexistent/folder/visit.json");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error(), "/nonexistent/folder/visit.json: cannot write: No such file or directory");
}

// Temp files left by saves killed midway are cleaned up once they are an hour old; fresh ones
// (possibly another save in progress) and other hidden files are left alone.
TEST(SaveSafety, OldTempFilesOfTheSameTargetAreRemoved) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(testing::TempDir()) / "bodymap-stale-tmp";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path target = dir / "visit.json";
    auto touch = [](const fs::path& p, std::chrono::hours age) {
        std::ofstream(p) << "partial";
        fs::last_write_time(p, fs::file_time_type::clock::now() - age);
    };
    touch(dir / ".visit.json.tmp-AAAAAA", std::chrono::hours(2));  // stale: removed
    touch(dir / ".visit.json.tmp-BBBBBB", std::chrono::hours(0));  // fresh: kept
    touch(dir / ".other.json.tmp-CCCCCC", std::chrono::hours(2));  // another file's: kept
    ASSERT_TRUE(bodymap::maps::writeFileAtomic(target.string(), "{}").ok());
    EXPECT_FALSE(fs::exists(dir / ".visit.json.tmp-AAAAAA"));
    EXPECT_TRUE(fs::exists(dir / ".visit.json.tmp-BBBBBB"));
    EXPECT_TRUE(fs::exists(dir / ".other.json.tmp-CCCCCC"));
    fs::remove_all(dir);
}
