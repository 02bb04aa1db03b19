// Helper for the crash-safety test (tests/maps/crash_safety_tests.cpp): saves maps to one file
// in an endless loop so that the test can SIGKILL it at random moments.
// Usage: save_loop TEMPLATE.json FILE.json FIRST
// Save k (k = 0, 1, ...) writes map number (FIRST + k) % 3 with maps::saveMap. Protocol on stdout
// (written with write(2), so nothing waits in a buffer when the process is killed):
//   "map <i> <bytes> <fnv1a64 hex>"  for i = 0, 1, 2, before the first save
//   "ready"                          then
//   "saved <k+1>"                    after each completed save
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

#include "maps/map_format.h"

using namespace bodymap;

namespace {

constexpr int kMapCount = 3;

void say(const std::string& line) {
    const std::string s = line + "\n";
    if (::write(STDOUT_FILENO, s.data(), s.size()) < 0) std::exit(3);
}

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

// Three maps of clearly different file sizes (about 100, 30 and 190 KB), so that a file mixing
// the start of one with the end of another cannot pass for either.
maps::PainMap rotatingMap(const maps::BodyTemplate& t, int which) {
    maps::PainMap m = maps::PainMap::blankFor(t);
    m.info.clientId = "crash-test";
    m.info.clientName = "Crash Test";
    m.info.visitTime = "2026-11-24T14:30:00";
    m.info.notes = "map " + std::to_string(which);
    const auto w = static_cast<std::size_t>(t.width);
    const maps::ViewId view = which == 2 ? maps::ViewId::Back : maps::ViewId::Front;
    auto& cells = m.layer(view).intensity;
    const std::size_t step = which == 0 ? 7 : which == 1 ? 5 : 3;
    for (std::size_t i = 0; i < cells.size(); i += step) {
        const int x = static_cast<int>(i % w);
        const int y = static_cast<int>(i / w);
        if (which == 0 && (y < 200 || y >= 300)) continue;
        if (which == 1 && (y < 300 || y >= 340)) continue;  // one small patch
        if (which == 2 && (y < 600 || y >= 700)) continue;
        if (t.inBody(view, x, y)) cells[i] = static_cast<std::uint8_t>(1 + (i / step) % 10);
    }
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: save_loop TEMPLATE.json FILE.json FIRST\n");
        return 2;
    }
    auto tmpl = maps::loadTemplate(argv[1]);
    if (!tmpl) {
        std::fprintf(stderr, "%s\n", tmpl.error().c_str());
        return 1;
    }
    maps::PainMap rotation[kMapCount] = {rotatingMap(tmpl.value(), 0),
                                         rotatingMap(tmpl.value(), 1),
                                         rotatingMap(tmpl.value(), 2)};
    for (int i = 0; i < kMapCount; ++i) {
        const std::string text = maps::serializeMap(rotation[i]);
        char hash[17];
        std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(text)));
        say("map " + std::to_string(i) + " " + std::to_string(text.size()) + " " + hash);
    }
    const long first = std::strtol(argv[3], nullptr, 10);
    say("ready");
    for (long k = 0;; ++k) {
        auto st = maps::saveMap(rotation[(first + k) % kMapCount], argv[2]);
        if (!st) {
            std::fprintf(stderr, "%s\n", st.error().c_str());
            return 1;
        }
        say("saved " + std::to_string(k + 1));
    }
}
