// The command line: subcommands (validate, stats, compare, series, render, report, print, intake) and
// the GUI options. Exit codes: 0 success, 1 bad input, 2 usage error.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace bodymap::app {

struct GuiOptions {
    std::string library;      // --library DIR (empty: BODYMAP_LIBRARY or the per-user default)
    std::string file;         // map to open
    std::string screenshot;   // --screenshot OUT.png: run `frames` frames, save, exit
    int frames = 5;
    std::string intakeClient; // `bodymap intake --client ID`: start the locked client intake
    bool intakeFromLast = false;  // intake --from-last: start from the client's last visit
    int width = 0;            // --size WxH for the window; 0: the remembered size or 1600x1000
    int height = 0;
    std::string signalShot;   // --signal-screenshot OUT.png: save a screenshot on SIGUSR1 (tests)
    bool bench = false;       // --bench: paint a scripted stroke sequence, print frame times
    std::string replay;       // --replay FILE: push the script's timed events into the event queue
    double startSeconds = 0;  // steady-clock time when main() started, for start-up timing
    // --lang L: the therapist UI's language for this run (wins over the setting without
    // replacing it); for `intake`, the intake's language. "" : the setting, else the system's.
    std::string language;
    // The clinic server's password when `bodymap intake` asked for it on the terminal (in
    // memory only: never an option, never saved).
    std::string password;
};

// The languages --lang accepts: en, en_GB, de, es, fr, pseudo.
bool isCliLanguage(const std::string& tag);
// The usage problem of a bad --lang value, naming the accepted ones (translated).
std::string badLanguageMessage();

// Parses and runs a subcommand, or fills `gui` and returns nullopt when the GUI should start.
std::optional<int> runCommandLine(const std::vector<std::string>& args, GuiOptions& gui,
                                  std::ostream& out, std::ostream& err);

// `bodymap intake --client ID [--from-last] [--library DIR] [GUI options]` (intake.cpp): checks
// the library, the client and the PIN, fills `gui` and returns nullopt to start the GUI in intake.
std::optional<int> runIntake(const std::vector<std::string>& args, GuiOptions& gui, std::ostream& out,
                             std::ostream& err);

// `bodymap render FILE -o OUT.png [--view front|back|both] [--width PX] [--lang L]`.
int runRender(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bodymap::app
