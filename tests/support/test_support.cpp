// Test helpers (see test_support.h).
#include "tests/support/test_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

namespace bodymap::test {

namespace {
std::string rect(int x0, int y0, int x1, int y1) {
    auto s = [](int v) { return std::to_string(v); };
    return "[[[" + s(x0) + "," + s(y0) + "],[" + s(x1) + "," + s(y0) + "],[" + s(x1) + "," +
           s(y1) + "],[" + s(x0) + "," + s(y1) + "]]]";
}
std::string region(const std::string& id, const std::string& name, const std::string& side,
                   const std::string& wpi, const std::string& gp, const std::string& poly) {
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"side\":\"" + side +
           "\",\"wpi\":" + wpi + ",\"gp\":" + gp + ",\"polygons\":" + poly + "}";
}
}  // namespace

std::string tinyTemplateJson() {
    const std::string outline = "[[2,2],[14,2],[14,14],[2,14]]";
    std::string front =
        "{\"id\":\"front\",\"label\":\"Front\",\"outline\":[" + outline +
        "],\"guides\":[],\"regions\":[" +
        region("front-right-chest", "Right chest", "right", "\"chest\"", "null", rect(0, 0, 8, 16)) +
        "," +
        region("front-left-chest", "Left chest", "left", "\"chest\"", "null", rect(8, 0, 16, 16)) +
        "]}";
    std::string back =
        "{\"id\":\"back\",\"label\":\"Back\",\"outline\":[" + outline +
        "],\"guides\":[],\"regions\":[" +
        region("back-left-upper", "Left upper back", "left", "\"upper-back\"", "\"axial\"",
               rect(0, 0, 8, 8)) +
        "," +
        region("back-right-upper", "Right upper back", "right", "\"upper-back\"", "\"axial\"",
               rect(8, 0, 16, 8)) +
        "," +
        region("back-left-low", "Left lower back", "left", "\"lower-back\"", "\"axial\"",
               rect(0, 8, 8, 16)) +
        "," +
        region("back-right-low", "Right lower back", "right", "\"lower-back\"", "\"axial\"",
               rect(8, 8, 16, 16)) +
        "]}";
    return "{\"format\":\"bodymap-template\",\"formatVersion\":1,\"id\":\"tiny\",\"version\":1,"
           "\"name\":\"Tiny\",\"grid\":{\"width\":16,\"height\":16},\"views\":[" +
           front + "," + back + "]}";
}

const maps::BodyTemplate& tinyTemplate() {
    static const maps::BodyTemplate t = [] {
        auto r = maps::parseTemplate(tinyTemplateJson(), "tiny.json");
        if (!r) throw std::runtime_error(r.error());
        return r.value();
    }();
    return t;
}

const maps::BodyTemplate& defaultTemplate() {
    static const maps::BodyTemplate t = [] {
        auto r = maps::loadTemplate(assetsPath("templates/adult_neutral.json"));
        if (!r) throw std::runtime_error(r.error());
        return r.value();
    }();
    return t;
}

std::string testDataPath(const std::string& name) { return std::string(BODYMAP_TEST_DATA) + "/" + name; }
std::string assetsPath(const std::string& name) { return std::string(BODYMAP_ASSETS) + "/" + name; }

namespace {
maps::TemplateRegistry registryOf(const maps::BodyTemplate& t) {
    maps::TemplateRegistry reg;
    reg.add(t);
    return reg;
}
}  // namespace

const maps::TemplateRegistry& tinyRegistry() {
    static const maps::TemplateRegistry r = registryOf(tinyTemplate());
    return r;
}

const maps::TemplateRegistry& defaultRegistry() {
    static const maps::TemplateRegistry r = registryOf(defaultTemplate());
    return r;
}

void paintCell(maps::PainMap& m, maps::ViewId v, int x, int y, int intensity) {
    m.layer(v).intensity[m.index(x, y)] = static_cast<std::uint8_t>(intensity);
}

TempDir::TempDir(mode_t mode) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "bodymap-test-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) return;
    m_path = tmpl;
    if (mode != 0700) ::chmod(m_path.c_str(), mode);
}

TempDir::~TempDir() {
    namespace fs = std::filesystem;
    if (m_path.empty()) return;
    std::error_code ec;
    // A test may have made the folder read-only; its owner may always remove it again.
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

UmaskScope::UmaskScope(mode_t mask) : m_old(::umask(mask)) {}
UmaskScope::~UmaskScope() { ::umask(m_old); }

unsigned modeOf(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return 07777;
    return static_cast<unsigned>(st.st_mode & 07777);
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

}  // namespace bodymap::test
