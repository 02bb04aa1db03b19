// `bodymap intake`: starts the GUI in the locked client intake for one client (see cli.h). The
// library, the client and the therapist PIN are checked here, before any window opens.
#include <filesystem>
#include <ostream>

#include "app/cli/cli.h"
#include "app/cli/store_open.h"
#include "app/gui/document_ops.h"
#include "maps/client_library.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/store/store.h"

namespace bodymap::app {

namespace {

// TRANSLATORS: `bodymap intake --help`. Keep the commands and options as they are.
constexpr const char* kIntakeHelp = trNoop(R"(Usage: bodymap intake --client ID [--from-last] [--library DIR] [--size WxH]
                      [--lang L]

Hands the device to one client: the window shows only the body chart and the drawing tools for
a new visit of client ID, drawn by the client (blank, or with --from-last the pain of the last
visit to update). Done saves the visit into the client's folder. Nothing else of the library can
be reached; leaving without Done, or closing the window, needs the therapist PIN (set it in the
GUI: Settings > Therapist PIN...). If BodyMap was killed during an intake, the same command
restores that client's drawing. --lang L (en, en_GB, de, es, fr or pseudo) is the intake's language.

With --screenshot OUT.png [--frames N] (for tests of the layout) the window saves what it shows
and closes itself; that run needs no PIN.

Exit codes: 0 closed with the PIN, 1 no PIN set / no such client / library unreadable,
2 usage error.
)");

int intakeUsage(std::ostream& err, const std::string& problem) {
    err << "bodymap: intake: " << maps::printableForMessage(problem, 200) << "\n"
        << tr("Try 'bodymap intake --help'.") << "\n";
    return 2;
}

}  // namespace

std::optional<int> runIntake(const std::vector<std::string>& args, GuiOptions& gui, std::ostream& out,
                             std::ostream& err) {
    std::string client;
    bool fromLast = false;
    std::vector<std::string> rest;  // GUI options (--size, --screenshot, ...), parsed as usual
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            out << tr(kIntakeHelp);
            return 0;
        } else if (a == "--client") {
            if (i + 1 >= args.size() || args[i + 1].empty()) return intakeUsage(err, tr("--client needs a client id"));
            client = args[++i];
        } else if (a == "--from-last") {
            fromLast = true;
        } else if (i == 0 && (a.empty() || a[0] != '-')) {
            return intakeUsage(err, i18n::format(tr("unexpected argument %s"), a.c_str()));
        } else {
            rest.push_back(a);
        }
    }
    if (client.empty()) return intakeUsage(err, tr("missing --client ID"));
    // Only options follow: never another command or a file to open.
    if (!rest.empty() && (rest[0].empty() || rest[0][0] != '-')) return intakeUsage(err, i18n::format(tr("unexpected argument %s"), rest[0].c_str()));
    if (auto code = runCommandLine(rest, gui, out, err)) return code;
    if (!gui.file.empty()) return intakeUsage(err, i18n::format(tr("opens no file (%s)"), gui.file.c_str()));
    if (gui.bench) return intakeUsage(err, tr("--bench is not an intake option"));

    const std::string root = maps::resolveLibraryRoot(gui.library);
    if (store::isServerLocation(root)) {
        // The clinic server: the client must be one it has (the intake login may ask for that
        // client's name and nothing else), and the intake never reads earlier visits.
        const maps::TemplateRegistry none;  // no map is read or written here
        auto server = openCliStore(root, none, false, err, &gui.password);
        if (!server) return 1;
        if (auto found = server->findClient(client); !found) {
            err << "bodymap: intake: " << maps::printableForMessage(found.error()) << "\n";
            return 1;
        }
        if (fromLast && server->addOnly()) {
            err << "bodymap: intake: "
                << tr("--from-last needs a login that may read visits; the intake login may only add them") << "\n";
            return 1;
        }
    } else {
        auto clients = maps::Library(root).listClientsChecked();
        std::error_code ec;
        if (!clients || !std::filesystem::is_directory(root, ec)) {
            const bool missing = !std::filesystem::exists(std::filesystem::symlink_status(root, ec));
            const std::string why = !clients ? clients.error() : missing ? std::string(tr("it does not exist"))
                                                                         : std::string(tr("not a folder"));
            // TRANSLATORS: the first %s is the library's folder, the second why it cannot be read.
            err << "bodymap: intake: "
                << i18n::format(tr("the client library %s cannot be read: %s"), maps::printableForMessage(root).c_str(),
                                why.c_str())
                << "\n";
            return 1;
        }
        bool known = false;
        for (const auto& c : clients->clients) known = known || c.id == client;
        if (!known) {
            err << "bodymap: intake: "
                << i18n::format(tr("no client \"%s\" in the library %s"), maps::printableForMessage(client, 80).c_str(),
                                maps::printableForMessage(root).c_str())
                << "\n";
            return 1;
        }
    }
    // A screenshot run ends by itself after its frames: the only intake without a PIN.
    if (gui.screenshot.empty() && storedPinHash().empty()) {
        err << "bodymap: intake: "
            << tr("Set the therapist PIN in Settings first (in the BodyMap window: Settings > Therapist PIN...)")
            << "\n";
        return 1;
    }
    gui.intakeClient = client;
    gui.intakeFromLast = fromLast;
    return std::nullopt;
}

}  // namespace bodymap::app
