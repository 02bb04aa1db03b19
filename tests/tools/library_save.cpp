// Helper for tests/app/cli_privacy_test.sh: writes into a client library the way the GUI does,
// so that the file modes of a library save can be checked without a GUI.
// Usage: library_save TEMPLATE.json LIBRARY MAP.json
// Saves MAP as a new visit (client folder, client.json, visit), saves it again with a change (a
// .bak), writes a recovery file of a session that then ends without discarding it (recovery
// folder, file and lock), and prints the visit's path. Exit 0 on success, 1 with a message.
#include <cstdio>
#include <string>

#include "maps/client_library.h"
#include "maps/map_format.h"
#include "maps/recovery.h"

using namespace bodymap;

namespace {

int failWith(const std::string& message) {
    std::fprintf(stderr, "library_save: %s\n", message.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: library_save TEMPLATE.json LIBRARY MAP.json\n");
        return 2;
    }
    auto tmpl = maps::loadTemplate(argv[1]);
    if (!tmpl) return failWith(tmpl.error());
    maps::TemplateRegistry registry;
    registry.add(tmpl.value());
    auto map = maps::loadMap(argv[3], registry);
    if (!map) return failWith(map.error());
    const maps::Library library(argv[2]);
    auto path = library.saveNewVisit(map.value());
    if (!path) return failWith(path.error());
    maps::PainMap changed = map.value();
    changed.info.notes += " (edited)";
    if (auto st = maps::saveMap(changed, path.value()); !st) return failWith(st.error());
    auto session = maps::RecoverySession::start(argv[2]);
    if (!session) return failWith(session.error());
    if (auto st = session->write(changed, path.value()); !st) return failWith(st.error());
    std::printf("%s\n", path.value().c_str());
    return 0;
}
