// Recovery files belong to the running session that writes them: another process never lists,
// restores or deletes a live session's file; after the owner dies exactly one claimant gets it.
// Sessions run in forked children so that "another instance" is a real other process.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "maps/client_library.h"
#include "maps/map_format.h"
#include "maps/recovery.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;
using bodymap::test::TempDir;
using bodymap::test::UmaskScope;
using bodymap::test::modeOf;
using bodymap::test::tinyRegistry;

namespace {

PainMap visit(std::uint8_t value) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.clientId = "jane";
    m.info.clientName = "Jane";
    m.info.visitTime = "2026-11-24T14:30:00";
    m.layer(ViewId::Back).intensity[m.index(5, 5)] = value;
    return m;
}

// A child process that starts a recovery session, autosaves a map, reports the recovery file's
// path on a pipe and then waits (holding the session) until it is killed.
struct SessionChild {
    pid_t pid = -1;
    std::string path;

    void start(const std::string& root, std::uint8_t value) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::close(fds[0]);
            auto session = RecoverySession::start(root);
            if (!session) ::_exit(3);
            if (!session->write(visit(value), "").ok()) ::_exit(4);
            const std::string p = session->path() + "\n";
            if (::write(fds[1], p.data(), p.size()) != static_cast<ssize_t>(p.size())) ::_exit(5);
            ::close(fds[1]);
            for (;;) ::pause();
        }
        ::close(fds[1]);
        char buf[4096];
        std::string got;
        ssize_t n;
        while (got.find('\n') == std::string::npos && (n = ::read(fds[0], buf, sizeof buf)) > 0) {
            got.append(buf, static_cast<std::size_t>(n));
        }
        ::close(fds[0]);
        ASSERT_NE(got.find('\n'), std::string::npos) << "the session child failed";
        path = got.substr(0, got.find('\n'));
    }
    void kill() {
        if (pid <= 0) return;
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        pid = -1;
    }
    ~SessionChild() { kill(); }
};

}  // namespace

TEST(RecoveryOwnership, ALiveSessionsFileIsNeverOfferedAfterItsOwnerDiesItIs) {
    TempDir lib;
    SessionChild child;
    ASSERT_NO_FATAL_FAILURE(child.start(lib.path(), 7));
    ASSERT_TRUE(fs::exists(child.path));

    // The parent (another instance) sees nothing to offer, cannot claim and cannot delete it.
    auto offers = listOrphanedRecovery(lib.path());
    ASSERT_TRUE(offers.ok()) << offers.error();
    EXPECT_TRUE(offers->empty());
    EXPECT_TRUE(listRecovery(lib.path())->empty());
    auto claim = claimRecovery(child.path, tinyRegistry());
    ASSERT_FALSE(claim.ok());
    EXPECT_EQ(claim.error(), child.path + ": in use by another running BodyMap; not restored");
    auto del = discardRecovery(child.path);
    ASSERT_FALSE(del.ok());
    EXPECT_EQ(del.error(), child.path + ": in use by another running BodyMap; not deleted");
    EXPECT_TRUE(fs::exists(child.path));

    // The owner crashes: its lock goes with it, and the file is offered and can be claimed.
    child.kill();
    offers = listOrphanedRecovery(lib.path());
    ASSERT_TRUE(offers.ok());
    ASSERT_EQ(offers->size(), 1u);
    EXPECT_EQ(offers.value()[0].path, child.path);
    EXPECT_EQ(offers.value()[0].clientName, "Jane");
    auto rec = claimRecovery(child.path, tinyRegistry());
    ASSERT_TRUE(rec.ok()) << rec.error();
    EXPECT_TRUE(rec->map == visit(7));
    EXPECT_EQ(rec->recoveryFile, child.path);
    EXPECT_TRUE(rec->claim);
    // While claimed it is not offered again (not even to this process).
    EXPECT_TRUE(listOrphanedRecovery(lib.path())->empty());
    ASSERT_TRUE(discardClaimed(rec.value()).ok());
    EXPECT_FALSE(fs::exists(child.path));
    EXPECT_FALSE(rec->claim);
    // Nothing is left: neither the file nor its lock.
    EXPECT_TRUE(fs::is_empty(lib.path() + "/.recovery"));
}

// Two instances start at the same time after a crash: both see the orphan, exactly one claims it.
TEST(RecoveryOwnership, TwoClaimantsExactlyOneWins) {
    TempDir lib;
    {
        SessionChild child;
        ASSERT_NO_FATAL_FAILURE(child.start(lib.path(), 3));
        child.kill();
    }
    auto offers = listOrphanedRecovery(lib.path());
    ASSERT_TRUE(offers.ok());
    ASSERT_EQ(offers->size(), 1u);
    const std::string path = offers.value()[0].path;

    int go[2], done[2], release[2];
    ASSERT_EQ(::pipe(go), 0);
    ASSERT_EQ(::pipe(done), 0);
    ASSERT_EQ(::pipe(release), 0);
    pid_t kids[2];
    for (int k = 0; k < 2; ++k) {
        kids[k] = ::fork();
        ASSERT_GE(kids[k], 0);
        if (kids[k] == 0) {
            ::close(go[1]);
            ::close(done[0]);
            ::close(release[1]);
            char c;
            (void)::read(go[0], &c, 1);  // both try when the parent closes `go`
            auto rec = claimRecovery(path, tinyRegistry());
            const char result = rec.ok() ? 'W' : 'L';
            (void)::write(done[1], &result, 1);
            ::close(done[1]);
            // The winner holds its claim until the parent has both answers (then exits: a
            // claimant that dies without discarding leaves the file for the next start).
            (void)::read(release[0], &c, 1);
            ::_exit(0);
        }
    }
    ::close(go[0]);
    ::close(done[1]);
    ::close(release[0]);
    ::close(go[1]);
    std::string results;
    char c;
    while (results.size() < 2 && ::read(done[0], &c, 1) == 1) results += c;
    ::close(done[0]);
    ::close(release[1]);
    for (pid_t pid : kids) {
        int status = 0;
        ::waitpid(pid, &status, 0);
    }
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(std::count(results.begin(), results.end(), 'W'), 1) << results;
    EXPECT_EQ(std::count(results.begin(), results.end(), 'L'), 1) << results;
    // The winner died without discarding: the file is offered again.
    EXPECT_EQ(listOrphanedRecovery(lib.path())->size(), 1u);
}

// A claimant that finds the file gone (the first claimant restored and discarded it) is told so.
TEST(RecoveryOwnership, ClaimingAFileAlreadyRestoredFailsCleanly) {
    TempDir lib;
    ASSERT_TRUE(writeRecovery(lib.path(), "old", visit(2), "").ok());  // an orphan (no lock)
    const std::string path = recoveryPath(lib.path(), "old");
    auto first = claimRecovery(path, tinyRegistry());
    ASSERT_TRUE(first.ok()) << first.error();
    ASSERT_TRUE(discardClaimed(first.value()).ok());
    auto second = claimRecovery(path, tinyRegistry());
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error(), path + ": no longer there (restored or discarded by another BodyMap)");
    EXPECT_TRUE(fs::is_empty(lib.path() + "/.recovery"));
}

TEST(RecoveryOwnership, OwnSessionWritesDiscardsAndIsNotOfferedToItself) {
    TempDir lib;
    auto session = RecoverySession::start(lib.path());
    ASSERT_TRUE(session.ok()) << session.error();
    auto other = RecoverySession::start(lib.path());
    ASSERT_TRUE(other.ok()) << other.error();
    EXPECT_NE(session->id(), other->id());  // two sessions of one process and second
    ASSERT_TRUE(session->write(visit(5), "").ok());
    EXPECT_TRUE(fs::exists(session->path()));
    EXPECT_TRUE(listOrphanedRecovery(lib.path())->empty());
    // The owner may delete its own file through the plain call too.
    ASSERT_TRUE(discardRecovery(session->path()).ok());
    EXPECT_FALSE(fs::exists(session->path()));
    ASSERT_TRUE(session->write(visit(6), "").ok());
    ASSERT_TRUE(session->discard().ok());
    EXPECT_FALSE(fs::exists(session->path()));
    ASSERT_TRUE(session->write(visit(6), "").ok());
    const std::string kept = session->path();
    {
        RecoverySession moved = std::move(session.value());
        EXPECT_EQ(moved.path(), kept);
    }  // the session ends without discarding (e.g. quit with unsaved work kept for next time)
    auto offers = listOrphanedRecovery(lib.path());
    ASSERT_EQ(offers->size(), 1u);
    EXPECT_EQ(offers.value()[0].path, kept);
}

// Lock files of sessions that died before their first autosave are removed once an hour old,
// and only when not held.
TEST(RecoveryOwnership, StaleUnheldLockFilesAreRemoved) {
    TempDir lib;
    auto live = RecoverySession::start(lib.path());
    ASSERT_TRUE(live.ok());
    const std::string liveLock = fs::path(live->path()).replace_extension(".lock").string();
    const std::string deadLock = lib.path() + "/.recovery/20200101-000000-1.lock";
    std::ofstream(deadLock) << "";
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
    fs::last_write_time(deadLock, old);
    fs::last_write_time(liveLock, old);
    ASSERT_TRUE(listOrphanedRecovery(lib.path()).ok());
    EXPECT_FALSE(fs::exists(deadLock));
    EXPECT_TRUE(fs::exists(liveLock));
}

TEST(RecoveryPrivacy, FolderIs0700AndFilesAre0600UnderUmask022And077) {
    for (mode_t mask : {mode_t(022), mode_t(077)}) {
        SCOPED_TRACE("umask " + std::to_string(mask));
        UmaskScope scope(mask);
        TempDir lib;
        const std::string root = lib.path() + "/library";
        auto session = RecoverySession::start(root);
        ASSERT_TRUE(session.ok()) << session.error();
        ASSERT_TRUE(session->write(visit(4), "").ok());
        EXPECT_EQ(modeOf(root), 0700u);
        EXPECT_EQ(modeOf(root + "/.recovery"), 0700u);
        EXPECT_EQ(modeOf(session->path()), 0600u);
        EXPECT_EQ(modeOf(fs::path(session->path()).replace_extension(".lock").string()), 0600u);
        ASSERT_TRUE(session->write(visit(5), "").ok());  // a replacement too
        EXPECT_EQ(modeOf(session->path()), 0600u);
    }
}

// --- The `editing` path of a recovery file --------------------------------------------------

class EditingPath : public testing::Test {
protected:
    void SetUp() override {
        root = lib.path() + "/library";
        Library library(root);
        auto saved = library.saveNewVisit(visit(1));
        ASSERT_TRUE(saved.ok()) << saved.error();
        visitFile = saved.value();
        outside = lib.path() + "/outside";
        ASSERT_EQ(::mkdir(outside.c_str(), 0700), 0);
        ASSERT_TRUE(saveMap(visit(2), outside + "/elsewhere.json").ok());
        std::ofstream(outside + "/passwd") << "root:x:0:0:root:/root:/bin/bash\n";
    }
    TempDir lib;
    std::string root, visitFile, outside;
};

TEST_F(EditingPath, OnlyAMapFileInsideTheLibraryIsHonoured) {
    EXPECT_TRUE(isMapFileInLibrary(root, visitFile));
    // Through a "../" that stays inside, and with the library root given through a symlink.
    const std::string folder = fs::path(visitFile).parent_path().string();
    const std::string name = fs::path(visitFile).filename().string();
    EXPECT_TRUE(isMapFileInLibrary(root, folder + "/../" + fs::path(folder).filename().string() + "/" + name));
    ASSERT_EQ(::symlink(root.c_str(), (lib.path() + "/rootlink").c_str()), 0);
    EXPECT_TRUE(isMapFileInLibrary(lib.path() + "/rootlink", visitFile));

    EXPECT_FALSE(isMapFileInLibrary(root, "/etc/passwd"));
    EXPECT_FALSE(isMapFileInLibrary(root, outside + "/passwd"));
    EXPECT_FALSE(isMapFileInLibrary(root, outside + "/elsewhere.json"));  // a map, but outside
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/../../outside/elsewhere.json"));
    EXPECT_FALSE(isMapFileInLibrary(root, root + "/../outside/elsewhere.json"));
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/client.json"));
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/missing.json"));
    EXPECT_FALSE(isMapFileInLibrary(root, folder));
    EXPECT_FALSE(isMapFileInLibrary(root, ""));
    // Not .json (a backup), a hidden file, a file in the recovery folder, one at the top level.
    ASSERT_TRUE(saveMap(visit(3), visitFile).ok());
    EXPECT_FALSE(isMapFileInLibrary(root, visitFile + ".bak"));
    fs::copy_file(visitFile, folder + "/.hidden.json");
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/.hidden.json"));
    fs::copy_file(visitFile, root + "/top.json");
    EXPECT_FALSE(isMapFileInLibrary(root, root + "/top.json"));
    ASSERT_TRUE(writeRecovery(root, "s", visit(3), "").ok());
    EXPECT_FALSE(isMapFileInLibrary(root, recoveryPath(root, "s")));
    // A .json text file inside a client folder that is not a map.
    std::ofstream(folder + "/notes.json") << "{\"mine\": true}\n";
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/notes.json"));
}

TEST_F(EditingPath, SymlinksLeadingOutAreRefused) {
    const std::string folder = fs::path(visitFile).parent_path().string();
    // A visit file that is a symlink to a file outside (or even to a visit inside).
    ASSERT_EQ(::symlink((outside + "/elsewhere.json").c_str(), (folder + "/link.json").c_str()), 0);
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/link.json"));
    ASSERT_EQ(::symlink(visitFile.c_str(), (folder + "/inner.json").c_str()), 0);
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/inner.json"));
    ASSERT_EQ(::symlink((outside + "/passwd").c_str(), (folder + "/passwd.json").c_str()), 0);
    EXPECT_FALSE(isMapFileInLibrary(root, folder + "/passwd.json"));
    // A client folder that is a symlink to a folder outside.
    ASSERT_EQ(::symlink(outside.c_str(), (root + "/evil").c_str()), 0);
    EXPECT_FALSE(isMapFileInLibrary(root, root + "/evil/elsewhere.json"));
    EXPECT_FALSE(isMapFileInLibrary(root, root + "/evil/../outside/elsewhere.json"));
}

// A planted recovery file naming /etc/passwd-like paths: the restored map keeps the path as
// written, and isMapFileInLibrary says not to honour it (the GUI saves it as a new visit).
TEST_F(EditingPath, PlantedRecoveryFileIsNotHonoured) {
    for (const std::string& target :
         {outside + "/passwd", std::string("/etc/passwd"), root + "/../outside/elsewhere.json"}) {
        ASSERT_TRUE(writeRecovery(root, "planted", visit(9), target).ok());
        auto rec = claimRecovery(recoveryPath(root, "planted"), tinyRegistry());
        ASSERT_TRUE(rec.ok()) << rec.error();
        EXPECT_EQ(rec->editingPath, target);
        EXPECT_FALSE(isMapFileInLibrary(root, rec->editingPath)) << target;
        ASSERT_TRUE(discardClaimed(rec.value()).ok());
    }
    // A .recovery folder that is a symlink to planted files is not read at all.
    const std::string planted = lib.path() + "/planted";
    ASSERT_EQ(::mkdir(planted.c_str(), 0700), 0);
    ASSERT_TRUE(writeRecovery(planted, "evil", visit(9), outside + "/passwd").ok());
    fs::remove_all(root + "/.recovery");
    ASSERT_EQ(::symlink((planted + "/.recovery").c_str(), (root + "/.recovery").c_str()), 0);
    auto offers = listOrphanedRecovery(root);
    ASSERT_TRUE(offers.ok());
    EXPECT_TRUE(offers->empty());
    EXPECT_FALSE(RecoverySession::start(root).ok());
    std::ifstream in(outside + "/passwd");
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "root:x:0:0:root:/root:/bin/bash");
}

// An intake's recovery file records the client of the intake (so that a restarted intake restores
// only that client's work); the therapist's files carry no such mark; a wrong type is damage.
TEST(RecoveryIntake, TheIntakeClientIsRecordedListedAndRead) {
    TempDir lib;
    ASSERT_TRUE(writeRecovery(lib.path(), "kiosk", visit(4), "", "anna-1984").ok());
    ASSERT_TRUE(writeRecovery(lib.path(), "desk", visit(5), "").ok());
    auto offers = listOrphanedRecovery(lib.path());
    ASSERT_TRUE(offers.ok()) << offers.error();
    ASSERT_EQ(offers->size(), 2u);
    for (const auto& e : offers.value()) {
        EXPECT_TRUE(e.error.empty()) << e.error;
        EXPECT_EQ(e.intakeClient, e.session == "kiosk" ? "anna-1984" : "") << e.session;
    }
    auto rec = readRecovery(recoveryPath(lib.path(), "kiosk"), tinyRegistry());
    ASSERT_TRUE(rec.ok()) << rec.error();
    EXPECT_EQ(rec->intakeClient, "anna-1984");
    auto desk = readRecovery(recoveryPath(lib.path(), "desk"), tinyRegistry());
    ASSERT_TRUE(desk.ok()) << desk.error();
    EXPECT_EQ(desk->intakeClient, "");

    const std::string bad = lib.path() + "/.recovery/bad.json";
    {
        std::ifstream in(recoveryPath(lib.path(), "kiosk"));
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto at = text.find("\"anna-1984\"");
        ASSERT_NE(at, std::string::npos);
        text.replace(at, 11, "42");
        std::ofstream(bad) << text;
    }
    auto damaged = readRecovery(bad, tinyRegistry());
    ASSERT_FALSE(damaged.ok());
    EXPECT_NE(damaged.error().find("intake"), std::string::npos) << damaged.error();
}
