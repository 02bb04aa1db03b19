// Saving never loses work: a failed save (read-only folder, file-size limit) leaves the previous
// file intact and no temp file behind; a successful save keeps the previous version as .bak.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "maps/atomic_file.h"
#include "maps/map_format.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;
using bodymap::test::TempDir;
using bodymap::test::UmaskScope;
using bodymap::test::defaultRegistry;
using bodymap::test::modeOf;
using bodymap::test::readText;

namespace {

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
    TempDir dir(0755);  // the child below runs as another user and must reach the folder
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
    EXPECT_TRUE(loadMap(path, defaultRegistry()).ok());
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
    auto loaded = loadMap(path, defaultRegistry());
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

// --- Two writers of one file: the conflict check --------------------------------------------

// Two instances open the same visit (two stamps of one file); A saves, then B saves: B gets a
// Conflict, and the file holds A's bytes (A's stroke is not lost). The backup is A's base.
TEST(SaveConflict, SecondSaverOfAChangedFileGetsConflictAndTheFirstSaveStays) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    const FileStamp openedByA = stampFile(path);
    const FileStamp openedByB = stampFile(path);
    ASSERT_TRUE(openedByA.exists && openedByA.readable);
    EXPECT_TRUE(openedByA == openedByB);

    WriteOutcome a = saveMapChecked(bigMap(1), path, &openedByA);
    ASSERT_EQ(a.status, WriteStatus::Written) << a.message;
    EXPECT_TRUE(a.stamp == stampFile(path));  // A can base its next save on this stamp

    WriteOutcome b = saveMapChecked(bigMap(2), path, &openedByB);
    EXPECT_EQ(b.status, WriteStatus::Conflict);
    EXPECT_FALSE(b.ok());
    EXPECT_EQ(b.message, path + ": was changed by another program (or another BodyMap window) "
                                "since it was opened");
    EXPECT_TRUE(b.stamp == a.stamp);  // what is on disk now: A's save
    EXPECT_EQ(readText(path), serializeMap(bigMap(1)));
    EXPECT_EQ(readText(path + ".bak"), serializeMap(bigMap(0)));
    EXPECT_EQ(entriesIn(dir.path()), 2u);  // no temp file left by the refused save

    // A saves again on its new stamp: fine.
    WriteOutcome a2 = saveMapChecked(bigMap(3), path, &a.stamp);
    EXPECT_EQ(a2.status, WriteStatus::Written) << a2.message;
    EXPECT_EQ(readText(path), serializeMap(bigMap(3)));
}

TEST(SaveConflict, UnchangedFileSavesAndATouchIsNoConflict) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    const FileStamp opened = stampFile(path);
    // Same bytes rewritten by someone (new inode, new mtime): not a change of content.
    ASSERT_TRUE(writeFileAtomic(path, readText(path)).ok());
    EXPECT_NE(stampFile(path).inode, opened.inode);
    WriteOutcome w = saveMapChecked(bigMap(1), path, &opened);
    EXPECT_EQ(w.status, WriteStatus::Written) << w.message;
    EXPECT_EQ(readText(path), serializeMap(bigMap(1)));
}

// Decision (documented in atomic_file.h): a file deleted since it was opened is a Conflict too;
// someone removed it on purpose, so the user is asked instead of it quietly coming back.
TEST(SaveConflict, FileDeletedMeanwhileIsAConflict) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    const FileStamp opened = stampFile(path);
    ASSERT_EQ(::unlink(path.c_str()), 0);
    WriteOutcome w = saveMapChecked(bigMap(1), path, &opened);
    EXPECT_EQ(w.status, WriteStatus::Conflict);
    EXPECT_EQ(w.message, path + ": was deleted by another program since it was opened");
    EXPECT_FALSE(w.stamp.exists);
    EXPECT_FALSE(fs::exists(path));
    EXPECT_EQ(entriesIn(dir.path()), 0u);
    // Without a base (the user chose "overwrite"/"save anyway") it is written.
    EXPECT_TRUE(saveMapChecked(bigMap(1), path, nullptr).ok());
}

// A stamp of a missing file means "create only": a file that appeared meanwhile is kept.
TEST(SaveConflict, CreateOnlyRefusesAFileThatAppeared) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    const FileStamp none = stampFile(path);
    ASSERT_FALSE(none.exists);
    std::ofstream(path) << "theirs";
    WriteOutcome w = saveMapChecked(bigMap(0), path, &none);
    EXPECT_EQ(w.status, WriteStatus::Conflict);
    EXPECT_EQ(w.message, path + ": was created by another program in the meantime");
    EXPECT_EQ(readText(path), "theirs");
}

// Two processes save the same file at the same moment, each based on the same stamp: the check
// and the rename happen under the folder lock, so exactly one of them wins.
TEST(SaveConflict, TwoProcessesRacingOnOneStampExactlyOneWins) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    const FileStamp opened = stampFile(path);
    int go[2];
    ASSERT_EQ(::pipe(go), 0);
    pid_t kids[2];
    for (int k = 0; k < 2; ++k) {
        kids[k] = ::fork();
        ASSERT_GE(kids[k], 0);
        if (kids[k] == 0) {
            ::close(go[1]);
            char c;
            (void)::read(go[0], &c, 1);  // both start when the parent closes the pipe
            WriteOutcome w = saveMapChecked(bigMap(static_cast<std::uint8_t>(5 + k)), path, &opened);
            ::_exit(w.status == WriteStatus::Written ? 0 : w.status == WriteStatus::Conflict ? 1 : 2);
        }
    }
    ::close(go[0]);
    ::close(go[1]);
    int written = 0, conflicts = 0, winner = -1;
    for (int k = 0; k < 2; ++k) {
        int status = 0;
        ASSERT_EQ(::waitpid(kids[k], &status, 0), kids[k]);
        ASSERT_TRUE(WIFEXITED(status));
        if (WEXITSTATUS(status) == 0) {
            ++written;
            winner = k;
        }
        if (WEXITSTATUS(status) == 1) ++conflicts;
    }
    EXPECT_EQ(written, 1);
    EXPECT_EQ(conflicts, 1);
    if (winner >= 0) {
        EXPECT_EQ(readText(path), serializeMap(bigMap(static_cast<std::uint8_t>(5 + winner))));
    }
}

// The check and the rename happen under the folder lock that every BodyMap writer takes: while
// another writer holds it (and replaces the file meanwhile), a checked save waits, then sees the
// change and refuses. Without the lock the save would check too early and overwrite.
TEST(SaveConflict, TheCheckWaitsForAnotherWritersLockAndSeesItsChange) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    const FileStamp opened = stampFile(path);
    const int dfd = ::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(dfd, 0);
    ASSERT_EQ(::flock(dfd, LOCK_EX), 0);  // "the other instance" is in its check-and-rename
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        WriteOutcome w = saveMapChecked(bigMap(6), path, &opened);
        ::_exit(w.status == WriteStatus::Written ? 0 : w.status == WriteStatus::Conflict ? 1 : 2);
    }
    // Wait until the child's temp file is complete: it is at (or past) the lock now.
    const std::size_t expected = serializeMap(bigMap(6)).size();
    bool ready = false;
    while (!ready) {
        for (const auto& e : fs::directory_iterator(dir.path())) {
            std::error_code ec;
            if (e.path().filename().string().rfind(".visit.json.tmp-", 0) == 0 &&
                fs::file_size(e.path(), ec) == expected) {
                ready = true;
            }
        }
        int status = 0;
        if (!ready && ::waitpid(pid, &status, WNOHANG) == pid) FAIL() << "the child ended early";
    }
    // The other instance's save lands (its own temp file renamed over the target).
    {
        std::ofstream(dir.path() + "/other.tmp", std::ios::binary) << serializeMap(bigMap(1));
    }
    ASSERT_EQ(::rename((dir.path() + "/other.tmp").c_str(), path.c_str()), 0);
    ASSERT_EQ(::flock(dfd, LOCK_UN), 0);
    ::close(dfd);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1) << "expected a Conflict";
    EXPECT_EQ(readText(path), serializeMap(bigMap(1)));
}

// --- Backups: only of an earlier version ----------------------------------------------------

TEST(SaveBackup, FirstSaveAndUnchangedResaveMakeNoBackup) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    EXPECT_FALSE(fs::exists(path + ".bak"));  // nothing earlier to keep
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());  // the same map again (the GUI's new-visit save)
    EXPECT_FALSE(fs::exists(path + ".bak"));      // today: an identical .bak
    ASSERT_TRUE(saveMap(bigMap(1), path).ok());
    EXPECT_EQ(readText(path + ".bak"), serializeMap(bigMap(0)));
    // An unchanged re-save keeps the real earlier version as the backup.
    ASSERT_TRUE(saveMap(bigMap(1), path).ok());
    EXPECT_EQ(readText(path + ".bak"), serializeMap(bigMap(0)));
}

TEST(SaveBackup, ABackupSymlinkIsReplacedNotFollowed) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    const std::string victim = dir.path() + "/victim.txt";
    std::ofstream(victim) << "keep me";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    ASSERT_EQ(::symlink(victim.c_str(), (path + ".bak").c_str()), 0);
    ASSERT_TRUE(saveMap(bigMap(1), path).ok());
    EXPECT_EQ(readText(victim), "keep me");
    EXPECT_FALSE(fs::is_symlink(path + ".bak"));
    EXPECT_EQ(readText(path + ".bak"), serializeMap(bigMap(0)));
}

// --- Privacy: modes -------------------------------------------------------------------------

TEST(SavePrivacy, VisitAndBackupAre0600UnderUmask022And077) {
    for (mode_t mask : {mode_t(022), mode_t(077)}) {
        SCOPED_TRACE("umask " + std::to_string(mask));
        UmaskScope scope(mask);
        TempDir dir;
        const std::string path = dir.path() + "/visit.json";
        ASSERT_TRUE(saveMap(bigMap(0), path).ok());
        EXPECT_EQ(modeOf(path), 0600u);
        ASSERT_TRUE(saveMap(bigMap(1), path).ok());
        EXPECT_EQ(modeOf(path), 0600u);
        EXPECT_EQ(modeOf(path + ".bak"), 0600u);
    }
}

// A stricter umask is honoured: never wider than 0600 & ~umask.
TEST(SavePrivacy, NeverWiderThanTheUmaskAllows) {
    UmaskScope scope(0277);
    TempDir dir;
    const std::string path = dir.path() + "/out.bin";
    ASSERT_TRUE(writeFileAtomic(path, "x").ok());
    EXPECT_EQ(modeOf(path), 0400u);
}

// A file written by an older BodyMap (0644) is replaced by a 0600 one, and its backup is 0600.
TEST(SavePrivacy, AWiderPreviousFileModeIsNotInherited) {
    TempDir dir;
    const std::string path = dir.path() + "/visit.json";
    ASSERT_TRUE(saveMap(bigMap(0), path).ok());
    ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
    ASSERT_TRUE(saveMap(bigMap(1), path).ok());
    EXPECT_EQ(modeOf(path), 0600u);
    EXPECT_EQ(modeOf(path + ".bak"), 0600u);
}

TEST(SavePrivacy, PrivateTempFileIs0600) {
    UmaskScope scope(0);
    TempDir dir;
    auto tmp = makePrivateTempFile(dir.path(), "bodymap-report-", ".pdf");
    ASSERT_TRUE(tmp.ok()) << tmp.error();
    EXPECT_EQ(modeOf(tmp.value()), 0600u);
    EXPECT_EQ(fs::path(tmp.value()).extension(), ".pdf");
    EXPECT_EQ(fs::path(tmp.value()).parent_path(), fs::path(dir.path()));
}

TEST(SavePrivacy, PrivateFolderIsCreated0700AndAnExistingOneNarrowed) {
    UmaskScope scope(022);
    TempDir dir;
    const std::string folder = dir.path() + "/config/bodymap";
    ASSERT_TRUE(ensurePrivateFolder(folder).ok());
    EXPECT_EQ(modeOf(folder), 0700u);
    EXPECT_EQ(modeOf(dir.path() + "/config"), 0700u);
    ASSERT_EQ(::chmod(folder.c_str(), 0755), 0);
    ASSERT_TRUE(ensurePrivateFolder(folder).ok());
    EXPECT_EQ(modeOf(folder), 0700u);
    const std::string link = dir.path() + "/link";
    ASSERT_EQ(::symlink(folder.c_str(), link.c_str()), 0);
    auto st = ensurePrivateFolder(link);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error(), link + ": is a symbolic link; refusing to use it");
}

// --- Outputs that are not regular files are refused, never replaced or followed -------------

TEST(SaveTargets, SymlinkFifoFolderAndDeviceAreRefused) {
    TempDir dir;
    const std::string victim = dir.path() + "/victim.txt";
    std::ofstream(victim) << "keep me";
    const std::string link = dir.path() + "/out.pdf";
    ASSERT_EQ(::symlink(victim.c_str(), link.c_str()), 0);
    auto st = writeFileAtomic(link, "report");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error(), link + ": is a symbolic link; refusing to replace it");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(readText(victim), "keep me");
    // A dangling symlink is refused as well (it would create a file where it points).
    const std::string dangling = dir.path() + "/dangling.png";
    ASSERT_EQ(::symlink((dir.path() + "/nowhere.png").c_str(), dangling.c_str()), 0);
    EXPECT_FALSE(writeFileAtomic(dangling, "png").ok());
    EXPECT_FALSE(fs::exists(dir.path() + "/nowhere.png"));

    const std::string fifo = dir.path() + "/pipe.pdf";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    st = writeFileAtomic(fifo, "report");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error(), fifo + ": is a FIFO (named pipe); refusing to replace it");
    EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);

    const std::string folder = dir.path() + "/folder.pdf";
    ASSERT_EQ(::mkdir(folder.c_str(), 0700), 0);
    st = writeFileAtomic(folder, "report");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error(), folder + ": is a folder; refusing to replace it");

    st = writeFileAtomic("/dev/null", "report");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error(), "/dev/null: is a device; refusing to replace it");
    EXPECT_EQ(checkOutputTarget("/dev/null").error(), st.error());
    EXPECT_TRUE(checkOutputTarget(dir.path() + "/new.pdf").ok());

    // saveMap of a visit whose path is a symlink: refused, the target untouched.
    st = saveMap(bigMap(0), link);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(readText(victim), "keep me");
    // Nothing but what the test made: no temp files.
    EXPECT_EQ(entriesIn(dir.path()), 5u);
}
