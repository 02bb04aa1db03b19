// The client library on disk: safe names that never escape the library, the default location,
// visit naming and listing, and recovery files surviving a simulated crash.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include <csignal>
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
using bodymap::test::modeOf;
using bodymap::test::readText;
using bodymap::test::tinyRegistry;

namespace {

PainMap visit(const std::string& clientId, const std::string& name, const std::string& time,
              std::uint8_t value = 4) {
    PainMap m = PainMap::blankFor(bodymap::test::tinyTemplate());
    m.info.clientId = clientId;
    m.info.clientName = name;
    m.info.visitTime = time;
    m.layer(ViewId::Back).intensity[m.index(5, 5)] = value;
    return m;
}

// An environment variable set for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old) ::setenv(m_name, m_old->c_str(), 1);
        else ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

}  // namespace

// --- Safe names -------------------------------------------------------------------------

TEST(SafeName, KeepsSafeIdsAsTheyAre) {
    EXPECT_EQ(safeName("jane-doe-1984"), "jane-doe-1984");
    EXPECT_EQ(safeName("c_42.v2"), "c_42.v2");
}

TEST(SafeName, ChangedIdsGetAHashSuffix) {
    const std::string s = safeName("../x");
    EXPECT_EQ(s.substr(0, 5), "_._x-");
    EXPECT_EQ(s.size(), 5u + 10u);
    EXPECT_EQ(safeName("Jane Doe").substr(0, 9), "jane_doe-");
    EXPECT_EQ(safeName("").substr(0, 7), "client-");
    EXPECT_EQ(safeName("/").substr(0, 7), "client-");
    EXPECT_EQ(safeName("..").substr(0, 7), "client-");
    EXPECT_EQ(safeName("山田"), "client-" + safeName("山田").substr(7));
    EXPECT_EQ(safeName(std::string(100, 'a')), std::string(53, 'a') + "-" + safeName(std::string(100, 'a')).substr(54));
    // An id that already looks hashed gets its own suffix, so it cannot equal another's name.
    EXPECT_EQ(safeName("a_b-0123456789").size(), 14u + 11u);
}

TEST(SafeName, NothingEscapesAndDifferentIdsNeverCollide) {
    const std::vector<std::string> ids = {
        "", "/", "//", ".", "..", "../x", "../../etc/passwd", "a/b", "a_b", "a\\b", "x/..",
        ".hidden", "trailing.", "con", "Jane", "jane", "JANE", "山田太郎", "山田花子", "Zoë",
        "Zoe", std::string(300, 'a'), std::string(300, 'a') + "b", std::string("nul\0byte", 8),
        "nul", "a_b-0123456789", "-", "_", " ", "\n", "client", ".recovery", "client.json",
        std::string(64, 'q'), std::string(65, 'q')};
    std::set<std::string> names;
    Library lib("/lib/root");
    for (const std::string& id : ids) {
        const std::string s = safeName(id);
        SCOPED_TRACE("id \"" + id + "\" -> \"" + s + "\"");
        EXPECT_FALSE(s.empty());
        EXPECT_LE(s.size(), kMaxSafeNameBytes);
        EXPECT_NE(s.front(), '.');
        EXPECT_NE(s.back(), '.');
        for (char c : s) {
            EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                        c == '.');
        }
        EXPECT_TRUE(names.insert(s).second) << "collision";
        const fs::path folder = fs::path(lib.clientFolder(id)).lexically_normal();
        EXPECT_EQ(folder.parent_path(), fs::path("/lib/root"));
        EXPECT_EQ(safeName(id), s);  // stable
    }
}

// --- Library location -------------------------------------------------------------------

TEST(LibraryRoot, EnvironmentOrder) {
    ScopedEnv lib("BODYMAP_LIBRARY", "/data/lib");
    ScopedEnv xdg("XDG_DATA_HOME", "/home/u/.data");
    ScopedEnv home("HOME", "/home/u");
    EXPECT_EQ(defaultLibraryRoot(), "/data/lib");
    EXPECT_EQ(resolveLibraryRoot("/cli/dir"), "/cli/dir");
    {
        ScopedEnv noLib("BODYMAP_LIBRARY", nullptr);
        EXPECT_EQ(defaultLibraryRoot(), "/home/u/.data/bodymap");
        ScopedEnv relativeXdg("XDG_DATA_HOME", "relative");  // ignored, as the XDG spec says
        EXPECT_EQ(defaultLibraryRoot(), "/home/u/.local/share/bodymap");
        ScopedEnv noXdg("XDG_DATA_HOME", nullptr);
        EXPECT_EQ(defaultLibraryRoot(), "/home/u/.local/share/bodymap");
        EXPECT_EQ(resolveLibraryRoot(""), "/home/u/.local/share/bodymap");
    }
}

// --- Clients and visits -----------------------------------------------------------------

TEST(Library, VisitPathsAreSortableAndUnique) {
    TempDir dir;
    Library lib(dir.path());
    EXPECT_EQ(visitFileStem("2026-11-24T14:30:00+01:00"), "2026-11-24T14-30-00");
    EXPECT_EQ(visitFileStem("yesterday"), "undated");
    const std::string p1 = lib.visitPath("jane", "2026-11-24T14:30:00");
    EXPECT_EQ(p1, dir.path() + "/jane/2026-11-24T14-30-00.json");
    auto saved = lib.saveNewVisit(visit("jane", "Jane", "2026-11-24T14:30:00"));
    ASSERT_TRUE(saved.ok()) << saved.error();
    EXPECT_EQ(saved.value(), p1);
    EXPECT_EQ(lib.visitPath("jane", "2026-11-24T14:30:00"),
              dir.path() + "/jane/2026-11-24T14-30-00-2.json");
}

TEST(Library, ListsClientsAndVisitsNewestFirst) {
    TempDir dir;
    Library lib(dir.path());
    auto empty = lib.listClients();
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());

    ASSERT_TRUE(lib.saveNewVisit(visit("jane", "Jane D.", "2026-10-01T09:00:00")).ok());
    ASSERT_TRUE(lib.saveNewVisit(visit("jane", "Jane Doe", "2026-11-01T09:00:00")).ok());
    ASSERT_TRUE(lib.saveNewVisit(visit("jane", "Jane", "2026-09-01T09:00:00")).ok());
    PainMap byTherapist = visit("../Bob", "Bob", "2026-11-02T10:00:00");
    byTherapist.info.drawnBy = DrawnBy::Therapist;
    byTherapist.info.therapist = "Sam";
    ASSERT_TRUE(lib.saveNewVisit(byTherapist).ok());
    ASSERT_TRUE(lib.createClient("new client", "Ann New").ok());
    // A damaged visit file is listed, with its problem, rather than hidden.
    std::ofstream(lib.clientFolder("jane") + "/2026-12-01T09-00-00.json") << "{\"format\":";

    auto clients = lib.listClients();
    ASSERT_TRUE(clients.ok()) << clients.error();
    ASSERT_EQ(clients->size(), 3u);
    EXPECT_EQ(clients.value()[0].displayName, "Ann New");
    EXPECT_EQ(clients.value()[0].visitCount, 0);
    EXPECT_EQ(clients.value()[0].id, "new client");
    EXPECT_EQ(clients.value()[1].id, "../Bob");
    EXPECT_EQ(clients.value()[1].visitCount, 1);
    EXPECT_EQ(clients.value()[2].id, "jane");
    EXPECT_EQ(clients.value()[2].displayName, "Jane Doe");  // from the newest readable visit
    EXPECT_EQ(clients.value()[2].visitCount, 4);
    EXPECT_EQ(clients.value()[2].lastVisit, "2026-11-01T09:00:00");

    auto visits = lib.listVisits("jane");
    ASSERT_TRUE(visits.ok());
    ASSERT_EQ(visits->size(), 4u);
    EXPECT_NE(visits.value()[0].error, "");  // the damaged file, dated by its name
    EXPECT_EQ(visits.value()[0].visitTime, "2026-12-01T09-00-00");
    EXPECT_EQ(visits.value()[1].visitTime, "2026-11-01T09:00:00");
    EXPECT_EQ(visits.value()[2].visitTime, "2026-10-01T09:00:00");
    EXPECT_EQ(visits.value()[3].visitTime, "2026-09-01T09:00:00");

    auto bob = lib.listVisits("../Bob");
    ASSERT_TRUE(bob.ok());
    ASSERT_EQ(bob->size(), 1u);
    EXPECT_EQ(bob.value()[0].drawnBy, DrawnBy::Therapist);
    EXPECT_EQ(bob.value()[0].therapist, "Sam");
    EXPECT_EQ(fs::path(bob.value()[0].path).parent_path().parent_path(), fs::path(dir.path()));
    auto loaded = loadMap(bob.value()[0].path, tinyRegistry());
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    EXPECT_TRUE(loaded.value() == byTherapist);
}

TEST(Library, MissingRootListsNothing) {
    Library lib("/nonexistent/bodymap-library");
    auto clients = lib.listClients();
    ASSERT_TRUE(clients.ok());
    EXPECT_TRUE(clients->empty());
    auto visits = lib.listVisits("x");
    ASSERT_TRUE(visits.ok());
    EXPECT_TRUE(visits->empty());
}

// --- Symlinks and special files in the library --------------------------------------------

namespace {

bool hasProblem(const std::vector<LibraryProblem>& problems, const std::string& path,
                const std::string& message) {
    for (const auto& p : problems) {
        if (p.path == path && p.message == message) return true;
    }
    return false;
}

}  // namespace

// A client folder or visit file that is a symlink (above all one leading out of the library) is
// listed as a problem, never read; a FIFO named like a visit is not opened (it would hang).
TEST(LibrarySymlinks, ListingsDoNotFollowSymlinksAndNameThemAsProblems) {
    TempDir dir;
    const std::string root = dir.path() + "/lib";
    const std::string outside = dir.path() + "/outside";
    Library lib(root);
    ASSERT_TRUE(lib.saveNewVisit(visit("jane", "Jane", "2026-11-01T09:00:00")).ok());
    ASSERT_EQ(::mkdir(outside.c_str(), 0700), 0);
    ASSERT_TRUE(saveMap(visit("eve", "Eve Outside", "2026-01-01T09:00:00"), outside + "/2026-01-01T09-00-00.json").ok());
    const std::string jane = lib.clientFolder("jane");
    const std::string evil = root + "/eve";
    ASSERT_EQ(::symlink(outside.c_str(), evil.c_str()), 0);
    ASSERT_EQ(::symlink((outside + "/2026-01-01T09-00-00.json").c_str(), (jane + "/2026-02-01T09-00-00.json").c_str()), 0);
    ASSERT_EQ(::symlink((jane + "/nowhere.json").c_str(), (jane + "/2026-03-01T09-00-00.json").c_str()), 0);
    ASSERT_EQ(::mkfifo((jane + "/2026-04-01T09-00-00.json").c_str(), 0600), 0);

    auto clients = lib.listClientsChecked();
    ASSERT_TRUE(clients.ok()) << clients.error();
    ASSERT_EQ(clients->clients.size(), 1u);
    EXPECT_EQ(clients->clients[0].id, "jane");
    EXPECT_EQ(clients->clients[0].visitCount, 1);  // the symlinks and the FIFO are not visits
    EXPECT_TRUE(hasProblem(clients->problems, evil,
                           evil + ": the client folder is a symbolic link to a place outside the "
                                  "library; not followed"));
    EXPECT_TRUE(hasProblem(clients->problems, jane + "/2026-02-01T09-00-00.json",
                           jane + "/2026-02-01T09-00-00.json: the visit file is a symbolic link to "
                                  "a place outside the library; not followed"));
    EXPECT_TRUE(hasProblem(clients->problems, jane + "/2026-04-01T09-00-00.json",
                           jane + "/2026-04-01T09-00-00.json: not a regular file; not read"));
    EXPECT_EQ(clients->problems.size(), 4u);
    EXPECT_EQ(lib.listClients()->size(), 1u);  // the old call: the same clients

    auto visits = lib.listVisitsChecked("jane");
    ASSERT_TRUE(visits.ok()) << visits.error();
    ASSERT_EQ(visits->visits.size(), 1u);
    EXPECT_EQ(visits->visits[0].visitTime, "2026-11-01T09:00:00");
    EXPECT_EQ(visits->problems.size(), 3u);
    EXPECT_TRUE(hasProblem(visits->problems, jane + "/2026-03-01T09-00-00.json",
                           jane + "/2026-03-01T09-00-00.json: the visit file is a symbolic link "
                                  "that leads nowhere; not followed"));

    // The symlinked client folder itself: nothing listed through it.
    auto eve = lib.listVisitsChecked("eve");
    ASSERT_TRUE(eve.ok());
    EXPECT_TRUE(eve->visits.empty());
    ASSERT_EQ(eve->problems.size(), 1u);
    EXPECT_EQ(eve->problems[0].path, evil);
}

TEST(LibrarySymlinks, WritingRefusesASymlinkedClientFolderOrVisitFile) {
    TempDir dir;
    const std::string root = dir.path() + "/lib";
    const std::string outside = dir.path() + "/outside";
    Library lib(root);
    ASSERT_TRUE(lib.ensureRoot().ok());
    ASSERT_EQ(::mkdir(outside.c_str(), 0700), 0);
    ASSERT_EQ(::symlink(outside.c_str(), lib.clientFolder("eve").c_str()), 0);

    auto st = lib.createClient("eve", "Eve");
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error(), lib.clientFolder("eve") + ": is a symbolic link; refusing to write through it");
    auto saved = lib.saveNewVisit(visit("eve", "Eve", "2026-11-01T09:00:00"));
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error(), st.error());
    EXPECT_TRUE(fs::is_empty(outside));  // nothing written there: no client.json, no visit

    // A visit file planted as a symlink where the next visit would go: the new visit takes the
    // next free name and the symlink's target is untouched.
    const std::string jane = lib.clientFolder("jane");
    ASSERT_TRUE(lib.createClient("jane", "Jane").ok());
    const std::string victim = outside + "/victim.txt";
    std::ofstream(victim) << "keep me";
    ASSERT_EQ(::symlink(victim.c_str(), (jane + "/2026-11-01T09-00-00.json").c_str()), 0);
    auto path = lib.saveNewVisit(visit("jane", "Jane", "2026-11-01T09:00:00"));
    ASSERT_TRUE(path.ok()) << path.error();
    EXPECT_EQ(path.value(), jane + "/2026-11-01T09-00-00-2.json");
    EXPECT_EQ(readText(victim), "keep me");
    // Saving onto the symlink itself is refused.
    auto onto = saveMap(visit("jane", "Jane", "2026-11-01T09:00:00"), jane + "/2026-11-01T09-00-00.json");
    ASSERT_FALSE(onto.ok());
    EXPECT_EQ(readText(victim), "keep me");
    // A client.json that is a symlink is neither read nor replaced.
    const std::string bob = lib.clientFolder("bob");
    ASSERT_EQ(::mkdir(bob.c_str(), 0700), 0);
    ASSERT_EQ(::symlink(victim.c_str(), (bob + "/client.json").c_str()), 0);
    EXPECT_TRUE(lib.createClient("bob", "Bob").ok());
    EXPECT_EQ(readText(victim), "keep me");
}

// saveNewVisit never replaces a visit another instance wrote under the same name meanwhile.
TEST(Library, SaveNewVisitNeverReplacesAFile) {
    TempDir dir;
    Library lib(dir.path());
    FileStamp stamp;
    auto first = lib.saveNewVisit(visit("jane", "Jane", "2026-11-01T09:00:00", 2), &stamp);
    ASSERT_TRUE(first.ok());
    EXPECT_TRUE(stamp == stampFile(first.value()));
    auto second = lib.saveNewVisit(visit("jane", "Jane", "2026-11-01T09:00:00", 3));
    ASSERT_TRUE(second.ok());
    EXPECT_NE(first.value(), second.value());
    EXPECT_TRUE(loadMap(first.value(), tinyRegistry()).value() == visit("jane", "Jane", "2026-11-01T09:00:00", 2));
    EXPECT_FALSE(fs::exists(first.value() + ".bak"));
    EXPECT_FALSE(fs::exists(second.value() + ".bak"));
}

TEST(LibraryPrivacy, FoldersAre0700AndFiles0600UnderUmask022And077) {
    for (mode_t mask : {mode_t(022), mode_t(077)}) {
        SCOPED_TRACE("umask " + std::to_string(mask));
        const mode_t old = ::umask(mask);
        TempDir dir;
        const std::string root = dir.path() + "/share/bodymap";
        Library lib(root);
        auto path = lib.saveNewVisit(visit("jane", "Jane", "2026-11-01T09:00:00"));
        ASSERT_TRUE(path.ok()) << path.error();
        ASSERT_TRUE(saveMap(visit("jane", "Jane", "2026-11-01T09:00:00", 8), path.value()).ok());
        EXPECT_EQ(modeOf(root), 0700u);
        EXPECT_EQ(modeOf(lib.clientFolder("jane")), 0700u);
        EXPECT_EQ(modeOf(lib.clientFolder("jane") + "/client.json"), 0600u);
        EXPECT_EQ(modeOf(path.value()), 0600u);
        EXPECT_EQ(modeOf(path.value() + ".bak"), 0600u);
        ::umask(old);
    }
}

// The fingerprint changes when a visit is added, removed or rewritten, not when nothing changed.
TEST(Library, FolderFingerprintFollowsTheDisk) {
    TempDir dir;
    Library lib(dir.path());
    EXPECT_EQ(folderFingerprint(lib.clientFolder("jane")), 0u);  // no folder yet
    auto a = lib.saveNewVisit(visit("jane", "Jane", "2026-11-01T09:00:00"));
    ASSERT_TRUE(a.ok());
    const std::string folder = lib.clientFolder("jane");
    const std::uint64_t f1 = folderFingerprint(folder);
    EXPECT_NE(f1, 0u);
    EXPECT_EQ(folderFingerprint(folder), f1);
    auto b = lib.saveNewVisit(visit("jane", "Jane", "2026-11-02T09:00:00"));
    ASSERT_TRUE(b.ok());
    const std::uint64_t f2 = folderFingerprint(folder);
    EXPECT_NE(f2, f1);
    ASSERT_TRUE(saveMap(visit("jane", "Jane", "2026-11-02T09:00:00", 9), b.value()).ok());
    const std::uint64_t f3 = folderFingerprint(folder);
    EXPECT_NE(f3, f2);
    fs::remove(b.value());
    fs::remove(b.value() + ".bak");
    EXPECT_NE(folderFingerprint(folder), f3);
}

// --- Recovery ---------------------------------------------------------------------------

TEST(Recovery, WriteListReadDiscard) {
    TempDir dir;
    const PainMap m = visit("jane", "Jane", "2026-11-24T14:30:00", 9);
    ASSERT_TRUE(writeRecovery(dir.path(), "s1", m, "/lib/jane/2026-11-24T14-30-00.json").ok());
    auto list = listRecovery(dir.path());
    ASSERT_TRUE(list.ok()) << list.error();
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list.value()[0].session, "s1");
    EXPECT_EQ(list.value()[0].clientName, "Jane");
    EXPECT_EQ(list.value()[0].editingPath, "/lib/jane/2026-11-24T14-30-00.json");
    EXPECT_EQ(list.value()[0].error, "");
    auto back = readRecovery(list.value()[0].path, tinyRegistry());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_TRUE(back->map == m);
    EXPECT_EQ(back->editingPath, "/lib/jane/2026-11-24T14-30-00.json");
    EXPECT_TRUE(isIsoDateTime(back->savedAt));
    ASSERT_TRUE(discardRecovery(list.value()[0].path).ok());
    EXPECT_TRUE(discardRecovery(list.value()[0].path).ok());  // already gone: fine
    EXPECT_TRUE(listRecovery(dir.path())->empty());
    // The recovery folder is not a client.
    EXPECT_TRUE(Library(dir.path()).listClients()->empty());
}

TEST(Recovery, DamagedRecoveryIsListedWithItsProblem) {
    TempDir dir;
    PainMap m = visit("jane", "Jane", "2026-11-24T14:30:00");
    ASSERT_TRUE(writeRecovery(dir.path(), "s2", m, "").ok());
    const std::string path = recoveryPath(dir.path(), "s2");
    fs::resize_file(path, fs::file_size(path) / 2);
    auto list = listRecovery(dir.path());
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list.value()[0].error.rfind(path + ": not valid JSON", 0), 0u) << list.value()[0].error;
    EXPECT_FALSE(readRecovery(path, tinyRegistry()).ok());
}

TEST(Recovery, SurvivesACrashOfTheWritingProcess) {
    TempDir dir;
    const PainMap m = visit("jane", "Jane", "2026-11-24T14:30:00", 6);
    PainMap later = m;
    later.layer(ViewId::Front).intensity[later.index(3, 3)] = 2;
    // The child autosaves twice, then dies without any cleanup, as in a crash or a power cut
    // after the autosave.
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        bool ok = writeRecovery(dir.path(), "crashed", m, "").ok();
        ok = ok && writeRecovery(dir.path(), "crashed", later, "").ok();
        if (!ok) ::_exit(3);
        ::kill(::getpid(), SIGKILL);
        ::_exit(4);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exit " << WEXITSTATUS(status);
    // The next start finds the newest autosave, intact.
    auto list = listRecovery(dir.path());
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    auto back = readRecovery(list.value()[0].path, tinyRegistry());
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_TRUE(back->map == later);
    EXPECT_EQ(back->editingPath, "");
    // No temp file is left beside it.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path() + "/.recovery")) {
        (void)e;
        ++files;
    }
    EXPECT_EQ(files, 1);
}

TEST(Recovery, SessionIdsAreSafeFileNames) {
    const std::string id = newSessionId();
    EXPECT_EQ(safeName(id), id);
    EXPECT_EQ(fs::path(recoveryPath("/lib", "../../etc/x")).parent_path(), fs::path("/lib/.recovery"));
}
