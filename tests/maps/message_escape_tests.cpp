// Messages that name a file stay one printable line whatever bytes the file name holds: the GUI
// shows them in dialogs and the CLI prints them, so an ESC or newline in a name must arrive
// escaped. Also: a template that runs out of memory while parsing is an Error, not a crash.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "maps/atomic_file.h"
#include "maps/body_template.h"
#include "maps/client_library.h"
#include "maps/recovery.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;
using bodymap::test::TempDir;

namespace {

// A file name meant to drive a terminal (colour escape) and break a dialog onto two lines.
const std::string kHostileName = "evil\x1b[31mred\nline";

// True when `text` holds no C0 control character and no DEL (the message is one printable line).
bool printable(const std::string& text) {
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f) return false;
    }
    return true;
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST(MessageEscape, RecoveryErrorsEscapeThePath) {
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const TemplateRegistry reg;
    const std::string recovery = dir.path() + "/" + kHostileName + ".json";

    // Gone: "no longer there".
    auto gone = claimRecovery(recovery, reg);
    ASSERT_FALSE(gone.ok());
    EXPECT_TRUE(printable(gone.error())) << gone.error();
    EXPECT_NE(gone.error().find("evil\\u001B[31mred\\nline"), std::string::npos) << gone.error();

    // A recovery file whose header is wrong: the JSON path message names the file.
    writeText(recovery, "{\"format\":\"bodymap-recovery\",\"version\":1,\"savedAt\":\"x\","
                        "\"editing\":\"\",\"map\":[]}");
    auto bad = readRecovery(recovery, reg);
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(printable(bad.error())) << bad.error();
    EXPECT_NE(bad.error().find("map"), std::string::npos) << bad.error();

    // A folder where the recovery file should be: it cannot be deleted.
    fs::remove(recovery);
    fs::create_directory(recovery);
    fs::create_directory(recovery + "/inside");
    auto st = discardRecovery(recovery);
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(printable(st.error())) << st.error();
    EXPECT_NE(st.error().find("cannot delete"), std::string::npos) << st.error();
}

TEST(MessageEscape, RecoverySessionInAFileIsAnEscapedError) {
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const std::string root = dir.path() + "/" + kHostileName;
    writeText(root, "not a folder");
    auto session = RecoverySession::start(root);
    ASSERT_FALSE(session.ok());
    EXPECT_TRUE(printable(session.error())) << session.error();
    EXPECT_NE(session.error().find("is not a folder"), std::string::npos) << session.error();
}

TEST(MessageEscape, LibraryErrorsAndProblemsEscapeThePath) {
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    // The library root is a file: creating a client fails with the root's name in the message.
    const std::string fileRoot = dir.path() + "/" + kHostileName;
    writeText(fileRoot, "not a folder");
    auto st = Library(fileRoot).createClient("anna", "Anna");
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(printable(st.error())) << st.error();
    EXPECT_NE(st.error().find("evil\\u001B[31mred\\nline"), std::string::npos) << st.error();

    // A visit file that is a symlink and one that is a FIFO are listed as problems, escaped.
    const std::string root = dir.path() + "/lib";
    Library lib(root);
    ASSERT_TRUE(lib.createClient("anna", "Anna").ok());
    const std::string folder = lib.clientFolder("anna");
    fs::create_symlink("/etc/passwd", folder + "/" + kHostileName + "-link.json");
    ASSERT_EQ(::mkfifo((folder + "/" + kHostileName + "-fifo.json").c_str(), 0600), 0);
    auto listing = lib.listVisitsChecked("anna");
    ASSERT_TRUE(listing.ok()) << listing.error();
    ASSERT_EQ(listing->problems.size(), 2u);
    for (const auto& p : listing->problems) {
        EXPECT_TRUE(printable(p.message)) << p.message;
        EXPECT_NE(p.message.find("evil\\u001B[31mred\\nline"), std::string::npos) << p.message;
    }

    // A visit file that cannot be read: its error names the file, escaped.
    writeText(folder + "/" + kHostileName + ".json", "{broken");
    auto visits = lib.listVisitsChecked("anna");
    ASSERT_TRUE(visits.ok()) << visits.error();
    ASSERT_EQ(visits->visits.size(), 1u);
    EXPECT_FALSE(visits->visits[0].error.empty());
    EXPECT_TRUE(printable(visits->visits[0].error)) << visits->visits[0].error;
}

TEST(MessageEscape, WriteErrorsEscapeThePath) {
    TempDir dir;
    ASSERT_FALSE(dir.path().empty());
    const std::string target = dir.path() + "/" + kHostileName;
    fs::create_directory(target);  // a folder where the file should go: refused
    auto st = writeFileAtomic(target, "data");
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(printable(st.error())) << st.error();
    EXPECT_NE(st.error().find("refusing to replace it"), std::string::npos) << st.error();
}

// Out of memory inside parseTemplate (a 4096 x 4096 grid needs over 100 MB of label rasters)
// must come back as an Error naming the file; an escaping std::bad_alloc would abort the child.
TEST(TemplateErrors, OutOfMemoryIsAnErrorNamingTheFile) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "an address-space limit does not work under a sanitizer";
#else
    std::string json = bodymap::test::tinyTemplateJson();
    const std::string grid = "\"grid\":{\"width\":16,\"height\":16}";
    ASSERT_NE(json.find(grid), std::string::npos);
    json.replace(json.find(grid), grid.size(), "\"grid\":{\"width\":4096,\"height\":4096}");
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        // Room for what the process already maps plus 24 MB: one 4096 x 4096 raster does not fit.
        std::ifstream statm("/proc/self/statm");
        unsigned long pages = 0;
        statm >> pages;
        const rlim_t limit = static_cast<rlim_t>(pages) * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) +
                             (24u << 20);
        const rlimit rl{limit, limit};
        if (pages == 0 || ::setrlimit(RLIMIT_AS, &rl) != 0) ::_exit(4);
        auto r = parseTemplate(json, "big.json");
        if (r.ok()) ::_exit(2);  // the limit did not bite: the test proves nothing
        ::_exit(r.error().rfind("big.json: ", 0) == 0 ? 0 : 3);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "parseTemplate let an exception escape (signal "
                                   << (WIFSIGNALED(status) ? WTERMSIG(status) : 0) << ")";
    EXPECT_EQ(WEXITSTATUS(status), 0);
#endif
}
