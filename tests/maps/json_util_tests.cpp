// maps/json_util: the strict SAX parse (same value as nlohmann's parser, duplicate keys, NUL,
// depth, worst-case shapes), message escaping, and readFileLimited on special files.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include <fcntl.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "maps/json_util.h"
#include "tests/support/test_support.h"

using namespace bodymap::maps;
namespace fs = std::filesystem;
using bodymap::test::TempDir;

namespace {

// True when the text has a byte a terminal could act on: C0 controls, DEL, or a C1 control
// (U+0080..U+009F, as UTF-8 C2 80..C2 9F).
bool hasRawControl(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0x9F) return true;
        }
    }
    return false;
}

std::string parseError(const std::string& text, int depth = 32) {
    auto r = parseJsonLimited(text, "a.json", depth);
    EXPECT_FALSE(r.ok()) << "accepted: " << text.substr(0, 200);
    return r.ok() ? std::string() : r.error();
}

}  // namespace

// --- The parse builds what nlohmann builds --------------------------------------------------

TEST(JsonParse, BuildsTheSameValueAsNlohmann) {
    const char* docs[] = {
        "{}", "[]", "0", "-1", "18446744073709551615", "-9223372036854775808", "1.5e300", "\"x\"",
        "null", "true", "[false]",
        R"({"a":[1,2,{"b":null,"c":[[],{}]}],"d":"\u00e9\ud83d\ude00","e":{"f":{"g":-0.0}}})",
        R"([{"k":1},{"k":2},[3,[4,[5]]],"s",1e-5])", "  \t\n{ \"a\" : 1 }\n",
        "\xEF\xBB\xBF{\"bom\":1}"};
    for (const char* d : docs) {
        SCOPED_TRACE(d);
        auto r = parseJsonLimited(d, "a.json");
        ASSERT_TRUE(r.ok()) << r.error();
        EXPECT_EQ(r.value(), nlohmann::json::parse(d));
        EXPECT_EQ(r.value().dump(), nlohmann::json::parse(d).dump());
    }
}

TEST(JsonParse, RandomDocumentsRoundTrip) {
    std::mt19937 rng(12);
    for (int round = 0; round < 200; ++round) {
        // A random value of bounded depth, dumped and parsed back.
        std::function<nlohmann::json(int)> make = [&](int depth) -> nlohmann::json {
            const int kind = static_cast<int>(rng() % (depth > 5 ? 4 : 6));
            switch (kind) {
                case 0: return static_cast<int>(rng() % 1000) - 500;
                case 1: return std::string(rng() % 5, static_cast<char>('a' + rng() % 26));
                case 2: return rng() % 2 == 0;
                case 3: return nullptr;
                case 4: {
                    nlohmann::json a = nlohmann::json::array();
                    for (std::size_t n = rng() % 5; n > 0; --n) a.push_back(make(depth + 1));
                    return a;
                }
                default: {
                    nlohmann::json o = nlohmann::json::object();
                    for (std::size_t n = rng() % 5; n > 0; --n) o["k" + std::to_string(rng() % 50)] = make(depth + 1);
                    return o;
                }
            }
        };
        const nlohmann::json v = make(0);
        auto r = parseJsonLimited(v.dump(), "r.json");
        ASSERT_TRUE(r.ok()) << r.error();
        EXPECT_EQ(r.value(), v);
    }
}

// The shapes that took minutes with the DOM parse and a callback: here they are parsed (the
// speed is measured in tests/bench/parse_bench.cpp).
TEST(JsonParse, ManyEmptyObjectsAndKeysAreParsed) {
    std::string arr = "[";
    for (int i = 0; i < 200000; ++i) arr += i ? ",{}" : "{}";
    arr += "]";
    auto a = parseJsonLimited(arr, "a.json");
    ASSERT_TRUE(a.ok()) << a.error();
    EXPECT_EQ(a.value().size(), 200000u);

    std::string obj = "{";
    for (int i = 0; i < 100000; ++i) obj += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":{}";
    obj += "}";
    auto o = parseJsonLimited(obj, "o.json");
    ASSERT_TRUE(o.ok()) << o.error();
    EXPECT_EQ(o.value().size(), 100000u);
}

// --- Strictness -----------------------------------------------------------------------------

TEST(JsonParse, DuplicateKeysAreErrorsWithTheirPath) {
    EXPECT_EQ(parseError(R"({"id":1,"id":2})"), "a.json: duplicate key \"id\"");
    EXPECT_EQ(parseError(R"({"views":[{"id":1,"x":{},"id":1}]})"),
              "a.json: views[0]: duplicate key \"id\"");
    EXPECT_EQ(parseError(R"({"a":{"b":[[0],[1,{"c":1,"c":1}]]}})"),
              "a.json: a.b[1][1]: duplicate key \"c\"");
    // Keys that are not identifiers are quoted in the path.
    EXPECT_EQ(parseError(R"({"a b":{"x":1,"x":1}})"), "a.json: [\"a b\"]: duplicate key \"x\"");
    // The same key in sibling objects is fine.
    EXPECT_TRUE(parseJsonLimited(R"([{"id":1},{"id":1}])", "a.json").ok());
}

TEST(JsonParse, NulByteAnywhereIsAnError) {
    EXPECT_EQ(parseError(std::string("{\"a\":\n \"x\0y\"}", 13)),
              "a.json: not valid JSON: a NUL byte at line 2, column 4 (byte 9; not a text file?)");
    EXPECT_NE(parseError(std::string("{}\0", 3)).find("NUL byte"), std::string::npos);
    EXPECT_NE(parseError(std::string("\0{}", 3)).find("NUL byte at line 1, column 1"), std::string::npos);
}

TEST(JsonParse, EscapedNulInAnyStringIsAnError) {
    EXPECT_EQ(parseError(R"({"visit":{"notes":"ok\u0000hidden"}})"),
              "a.json: visit.notes: text contains \\u0000 (a NUL character), which BodyMap never writes");
    EXPECT_EQ(parseError(R"({"list":["a","\u0000"]})"),
              "a.json: list[1]: text contains \\u0000 (a NUL character), which BodyMap never writes");
    EXPECT_EQ(parseError(R"({"visit":{"no\u0000tes":""}})"),
              "a.json: visit: key \"no\\u0000tes\" contains \\u0000 (a NUL character)");
    EXPECT_NE(parseError(R"("\u0000")").find("text contains \\u0000"), std::string::npos);
}

TEST(JsonParse, DepthIsBoundedExactly) {
    auto nested = [](int n) { return std::string(static_cast<std::size_t>(n), '[') + std::string(static_cast<std::size_t>(n), ']'); };
    EXPECT_TRUE(parseJsonLimited(nested(8), "a.json", 8).ok());
    EXPECT_EQ(parseError(nested(9), 8), "a.json: [0][0][0][0][0][0][0][0]: nesting deeper than 8 levels");
    EXPECT_EQ(parseError(R"({"a":{"b":{}}})", 2), "a.json: a.b: nesting deeper than 2 levels");
    // Far beyond the limit: rejected at the limit, no recursion on the rest.
    EXPECT_NE(parseError(nested(1000000), 32).find("nesting deeper than 32 levels"), std::string::npos);
}

TEST(JsonParse, ContainerBudgetIsExact) {
    // Three arrays fit a budget of three; a fourth is refused with the path where it starts.
    EXPECT_TRUE(parseJsonLimited("[[],[]]", "a.json", 32, 3).ok());
    EXPECT_TRUE(parseJsonLimited("[1,2,3,{\"a\":4}]", "a.json", 32, 2).ok());
    auto r = parseJsonLimited("[[],[],{}]", "a.json", 32, 3);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), "a.json: [2]: more objects and arrays than any valid file of this kind has");
}

TEST(JsonParse, MapBudgetRefusesMillionsOfEmptyArraysButNotTheLargestRunList) {
    // 8 MiB of "[]," is 2.8 million arrays: past the map budget. The most runs a map file of
    // that size can hold ("[1,1]," each) stay under it.
    std::string many = "[";
    while (many.size() + 3 < (8u << 20)) many += "[],";
    many += "[]]";
    EXPECT_FALSE(parseJsonLimited(many, "m.json", 8, 1'450'000).ok());
    std::string runs = "[";
    while (runs.size() + 6 < (8u << 20)) runs += "[1,1],";
    runs += "[1,1]]";
    EXPECT_TRUE(parseJsonLimited(runs, "r.json", 8, 1'450'000).ok());
}

TEST(JsonParse, ParseErrorsKeepTheirMessages) {
    EXPECT_EQ(parseError(""), "a.json: not valid JSON: the file is empty");
    EXPECT_EQ(parseError("B"),
              "a.json: not valid JSON: parse error at line 1, column 1: syntax error while parsing "
              "value - invalid literal; last read: 'B'");
    EXPECT_EQ(parseError("[1e400]"),
              "a.json: not valid JSON: number overflow parsing '1e400' at line 1, column 2");
}

TEST(JsonParse, LongTokensAreShortenedInMessages) {
    const std::string e = parseError("[\"" + std::string(100000, 'a') + "\xFF\"]");
    EXPECT_LT(e.size(), 300u) << e;
    EXPECT_NE(e.find("(100002 bytes) ...aaaa"), std::string::npos) << e;
    // A token of up to 80 characters is shown whole.
    EXPECT_NE(parseError("[\"" + std::string(70, 'a') + "\xFF\"]").find("'\"" + std::string(70, 'a') + "\\xFF'"),
              std::string::npos);
    EXPECT_NE(e.find("\\xFF"), std::string::npos) << e;  // the invalid byte, escaped
    const std::string n = parseError("[" + std::string(100000, '9') + "e999]");
    EXPECT_LT(n.size(), 300u) << n;
    EXPECT_NE(n.find("number overflow"), std::string::npos) << n;
}

TEST(JsonParse, SourceNameIsEscaped) {
    auto r = parseJsonLimited("{", "bad\x1b]0;x\x07\n\xFF.json");
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(hasRawControl(r.error())) << r.error();
    EXPECT_EQ(r.error().rfind("bad\\u001B]0;x\\u0007\\n\\xFF.json: ", 0), 0u) << r.error();
}

// --- Escaping for messages ------------------------------------------------------------------

TEST(MessageText, QuoteEscapesAndBounds) {
    EXPECT_EQ(quoteForMessage("nurse"), "\"nurse\"");
    EXPECT_EQ(quoteForMessage("a\"b\\c"), "\"a\\\"b\\\\c\"");
    EXPECT_EQ(quoteForMessage("\x1b[2J\r\n\t\x7f"), "\"\\u001B[2J\\r\\n\\t\\u007F\"");
    EXPECT_EQ(quoteForMessage("\xC2\x9B" "31m"), "\"\\u009B31m\"");          // C1 CSI
    EXPECT_EQ(quoteForMessage("a\xE2\x80\xAE" "b"), "\"a\\u202Eb\"");         // right-to-left override
    EXPECT_EQ(quoteForMessage("\xFF\xC0\xAF\xED\xA0\x80"), "\"\\xFF\\xC0\\xAF\\xED\\xA0\\x80\"");  // invalid, overlong, surrogate
    EXPECT_EQ(quoteForMessage("é山😀"), "\"é山😀\"");                         // valid UTF-8 stays
    const std::string q = quoteForMessage(std::string(10240, 'k'));
    EXPECT_EQ(q, "\"" + std::string(80, 'k') + "...\" (10240 bytes)");
    // Escapes count towards the limit: 80 ESC bytes do not become 480 characters.
    EXPECT_LE(quoteForMessage(std::string(80, '\x1b')).size(), 100u);
    // A cut never splits a character.
    const std::string u = quoteForMessage(std::string(30, 'a') + std::string(40, '\xE5') , 40);
    EXPECT_FALSE(hasRawControl(u));
}

TEST(MessageText, PrintableIsIdempotentAndKeepsPrintableText) {
    const std::string plain = "/home/a b/visits/2026-09-07T09-30-00.json \"q\" \\ é";
    EXPECT_EQ(printableForMessage(plain), plain);
    std::mt19937 rng(3);
    for (int i = 0; i < 500; ++i) {
        std::string s;
        for (std::size_t n = rng() % 40; n > 0; --n) s += static_cast<char>(rng() % 256);
        const std::string once = printableForMessage(s);
        EXPECT_FALSE(hasRawControl(once));
        EXPECT_EQ(printableForMessage(once), once);
        EXPECT_FALSE(hasRawControl(quoteForMessage(s)));
    }
}

TEST(MessageText, PathKeys) {
    EXPECT_EQ(jsonPathAppend("", "views"), "views");
    EXPECT_EQ(jsonPathAppend("views", "front"), "views.front");
    EXPECT_EQ(jsonPathAppend("visit", "a.b"), "visit[\"a.b\"]");
    EXPECT_EQ(jsonPathAppend("", "\x1b[31m"), "[\"\\u001B[31m\"]");
    EXPECT_LT(jsonPathAppend("x", std::string(10000, 'k')).size(), 80u);
}

// --- Reading files --------------------------------------------------------------------------

TEST(ReadFile, RegularFileIsReadWhole) {
    TempDir d;
    const std::string p = d.path() + "/a.json";
    std::ofstream(p) << "{\"a\":1}";
    auto r = readFileLimited(p, 100);
    ASSERT_TRUE(r.ok()) << r.error();
    EXPECT_EQ(r.value(), "{\"a\":1}");
    auto big = readFileLimited(p, 3);
    ASSERT_FALSE(big.ok());
    EXPECT_EQ(big.error(), p + ": file is too large (7 bytes, limit 3)");
}

TEST(ReadFile, MissingFolderAndSymlinkLoopSayWhy) {
    TempDir d;
    const std::string missing = d.path() + "/none.json";
    EXPECT_EQ(readFileLimited(missing, 100).error(), missing + ": cannot read: no such file");
    EXPECT_EQ(readFileLimited(d.path(), 100).error(), d.path() + ": is a directory, not a file");
    const fs::path loop = d.path() + "/loop.json";
    fs::create_symlink(loop, loop);
    EXPECT_EQ(readFileLimited(loop.string(), 100).error(),
              loop.string() + ": cannot read: too many levels of symbolic links (a symlink loop?)");
}

TEST(ReadFile, FifoIsRefusedWithoutBlocking) {
    TempDir d;
    const std::string fifo = d.path() + "/pipe.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
    // No writer: an open without O_NONBLOCK would block forever (the ctest timeout catches it).
    auto r = readFileLimited(fifo, 100);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), fifo + ": not a regular file (a FIFO (named pipe))");
}

TEST(ReadFile, SocketAndDeviceAreNotRegularFiles) {
    TempDir d;
    const std::string sock = d.path() + "/s.json";
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    ASSERT_LT(sock.size(), sizeof addr.sun_path);
    std::memcpy(addr.sun_path, sock.c_str(), sock.size() + 1);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0) << std::strerror(errno);
    EXPECT_EQ(readFileLimited(sock, 100).error(), sock + ": not a regular file (a socket)");
    ::close(fd);
    EXPECT_EQ(readFileLimited("/dev/null", 100).error(), "/dev/null: not a regular file (a character device)");
    // /dev/zero would never end and /dev/tty could block: both refused before they are opened.
    EXPECT_EQ(readFileLimited("/dev/zero", 100).error(), "/dev/zero: not a regular file (a character device)");
}

// chmod 000 denies reading to everyone but root (CAP_DAC_OVERRIDE). The tests run as root in CI,
// so as root the check runs in a child process that has given up root (setuid to "nobody");
// when even that is impossible the test is skipped and says so.
TEST(ReadFile, UnreadableFileSaysPermissionDenied) {
    TempDir d;
    fs::permissions(d.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    const std::string p = d.path() + "/locked.json";
    std::ofstream(p) << "{}";
    ASSERT_EQ(::chmod(p.c_str(), 0), 0);
    const std::string expected = p + ": cannot read: permission denied";
    if (::geteuid() != 0) {
        EXPECT_EQ(readFileLimited(p, 100).error(), expected);
        return;
    }
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(fds[0]);
        const gid_t nobody = 65534;
        if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0) _exit(3);
        auto r = readFileLimited(p, 100);
        const std::string msg = r.ok() ? std::string("(read it)") : r.error();
        if (::write(fds[1], msg.data(), msg.size()) < 0) _exit(4);
        _exit(0);
    }
    ::close(fds[1]);
    std::string got;
    char buf[512];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) got.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 3) GTEST_SKIP() << "running as root and cannot drop to uid 65534";
    ASSERT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(got, expected);
}

TEST(ReadFile, FileNameIsEscapedInMessages) {
    TempDir d;
    const std::string p = d.path() + "/a\nb\x1b[31m\xFF.json";
    auto r = readFileLimited(p, 100);
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(hasRawControl(r.error())) << r.error();
    EXPECT_NE(r.error().find("a\\nb\\u001B[31m\\xFF.json: cannot read: no such file"), std::string::npos)
        << r.error();
}

TEST(MessageText, JsonForTerminalIsTheSameValueWithoutRawControls) {
    nlohmann::json j = {{"file", "a\nb\x1b[31m\xC2\x9B" "c\xE2\x80\xAE" "d é\x7f"}, {"n", 1}};
    const std::string text = dumpJsonForTerminal(j, -1);  // one line: no newlines at all
    EXPECT_FALSE(hasRawControl(text)) << text;
    EXPECT_NE(text.find("\\u009B"), std::string::npos) << text;
    EXPECT_EQ(nlohmann::json::parse(text), j);
    // Invalid UTF-8 (a file name) does not throw; it becomes U+FFFD.
    nlohmann::json bad = {{"file", std::string("x\xFF.json")}};
    EXPECT_THROW((void)bad.dump(), nlohmann::json::type_error);
    EXPECT_EQ(nlohmann::json::parse(dumpJsonForTerminal(bad))["file"], "x\xEF\xBF\xBD.json");
}
