// Command-line parsing and the subcommands that belong to no other file (see cli.h).
#include "app/cli/cli.h"

#include <cstdlib>
#include <filesystem>

#include "app/assets_path.h"
#include "app/cli/compare.h"
#include "app/cli/library_copy.h"
#include "app/cli/server.h"
#include "app/cli/report.h"
#include "app/cli/series.h"
#include "app/cli/stats.h"
#include "app/cli/validate.h"
#include "maps/body_template.h"
#include "maps/client_library.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "render/chart.h"

namespace bodymap::app {

namespace {

// TRANSLATORS: the command line's --help text. Keep the commands and options (words that start
// with "bodymap", "-" or "--", and FILE, DIR, OUT.png ...) as they are; translate the descriptions.
// xgettext:no-c-format
constexpr const char* kHelp = trNoop(R"(BodyMap - paint where it hurts on a front and back body chart.

Usage:
  bodymap [--library DIR] [FILE.json]          open the GUI (a new map when no file)
  bodymap intake --client ID [--from-last] [--library DIR]
                                               the locked client intake: a new visit of that
                                               client only, drawn by the client (blank, or from
                                               the last visit); left by Done or the therapist PIN
  bodymap validate FILE...                     check map files; exit 0 ok, 1 invalid
  bodymap stats FILE... [--json|--csv] [--jobs N] [--files-from LIST]
                                               the metrics of each map, on every core (or N
                                               threads), in input order; LIST names more files,
                                               one per line (- reads stdin); a progress bar on
                                               a terminal. In CSV, text that starts with
                                               = + - @ gets a leading ' so that no spreadsheet
                                               runs it as a formula
  bodymap compare A.json B.json [--json] [--png DIFF.png]
  bodymap series FILE... [--json] [--png OUT.png] [--width PX (640-4000)] [--mixed-clients]
                 [--jobs N] [--files-from LIST]
                                               a client's visits in time order: the trend of
                                               each metric, the frequency map (share of the
                                               visits in which each spot hurt) and the mean
                                               intensity map; --png writes both maps side by
                                               side with their legends in the one file OUT.png.
                                               Visits of different clients are refused unless
                                               --mixed-clients pools them (a study). Read on
                                               every core (or N threads); LIST as for stats
  bodymap render FILE -o OUT.png [--view front|back|both] [--width PX (64-3200)] [--no-legend]
                 [--lang L]                    L: the legend's language
  bodymap render --blank -o OUT.png [...]      the empty chart of the default template
  bodymap report FILE [--previous FILE...] -o OUT.pdf [--paper a4|letter] [--to "Dr ..."]
                 [--since previous|first|both]     change since the previous visit, the first, or both
                 [--lang L]                    the report's language; without --paper its paper
                                               follows it (Letter for en, A4 for the others)
                 [--therapist-page]            add the therapist's page (tags, SOAP, treatment)
  bodymap print FILE [--previous FILE...] [--printer NAME] [--paper a4|letter] [--to "Dr ..."]
                 [--since previous|first|both] [--lang L] [--therapist-page]
                                               the report to the default printer (CUPS lp)
  bodymap server init URL                      create or migrate a clinic server's schema and
                                               its three roles (therapist, intake, read-only)
  bodymap library copy FROM TO [--jobs N]      every client and visit, byte for byte, between
                                               folder libraries and postgresql:// servers;
                                               verified, and resumable (run it again)
  bodymap --screenshot OUT.png [--frames N] [FILE]   run the GUI N frames and save what it shows
  bodymap --help | --version

Options:
  --library DIR    the client library (default: $BODYMAP_LIBRARY, else ~/.local/share/bodymap)
  --size WxH       initial window size in pixels (default: the last size, or 1600x1000)
  --lang L         the language of the window (for intake: of the intake), of the report or of
                   the legend: en, en_GB, de, es, fr or pseudo (40 % longer text, for layout
                   tests); default: the setting, else the system's language
  --signal-screenshot OUT.png   (for tests) save what the window shows on each SIGUSR1
  --bench          paint a scripted stroke sequence in the real window; print frame times
  --replay FILE    (for tests) push the timed mouse, finger, key and window events of FILE
                   into the event queue after the first frame (format: app/gui/event_replay.h)

Exit codes: 0 success, 1 bad input (the message names the file and the problem), 2 usage error.
Left and right are always the patient's: on the front view the patient's right is on the left.
)");

int usage(std::ostream& err, const std::string& problem) {
    // Problems quote the command line, which may hold control characters: escaped.
    err << "bodymap: " << maps::printableForMessage(problem, 200) << "\n" << tr("Try 'bodymap --help'.") << "\n";
    return 2;
}

bool parseInt(const std::string& s, int lo, int hi, int& out) {
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || v < lo || v > hi) return false;
    out = static_cast<int>(v);
    return true;
}

}  // namespace

bool isCliLanguage(const std::string& tag) {
    return tag == "en" || tag == "en_GB" || tag == "de" || tag == "es" || tag == "fr" || tag == "pseudo";
}

std::string badLanguageMessage() {
    return tr("--lang must be one of en, en_GB, de, es, fr, pseudo");
}

int runRender(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string file, output, view = "both";
    bool blank = false;
    bool legend = true;
    int width = 1200;
    std::string language;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto next = [&](std::string& dst) {
            if (i + 1 >= args.size()) return false;
            dst = args[++i];
            return true;
        };
        std::string value;
        if (a == "-o" || a == "--output") {
            if (!next(output)) return usage(err, tr("render: -o needs a file name"));
        } else if (a == "--view") {
            if (!next(view) || (view != "front" && view != "back" && view != "both")) {
                return usage(err, tr("render: --view must be front, back or both"));
            }
        } else if (a == "--width") {
            if (!next(value) || !parseInt(value, 64, 3200, width)) {  // 3200: peak ~270 MB (one view)
                return usage(err, tr("render: --width must be a number of pixels from 64 to 3200"));
            }
        } else if (a == "--blank") {
            blank = true;
        } else if (a == "--no-legend") {
            legend = false;
        } else if (a == "--lang") {
            if (!next(language) || !isCliLanguage(language)) return usage(err, "render: " + badLanguageMessage());
        } else if (!a.empty() && a[0] == '-') {
            return usage(err, i18n::format(tr("render: unknown option %s"), a.c_str()));
        } else if (file.empty()) {
            file = a;
        } else {
            return usage(err, tr("render: only one input file"));
        }
    }
    if (output.empty()) return usage(err, tr("render: missing -o OUT.png"));
    if (file.empty() && !blank) return usage(err, tr("render: missing input FILE (or --blank)"));
    auto registry = loadCliTemplates("");
    if (!registry) {
        err << maps::printableForMessage(registry.error()) << "\n";
        return 1;
    }
    render::ChartOptions options;
    options.legend = legend;
    std::shared_ptr<const maps::BodyTemplate> tmpl;
    std::optional<LoadedMap> loaded;
    if (!file.empty()) {
        auto m = loadCliMap(file, registry.value());
        if (!m) {
            err << maps::printableForMessage(m.error()) << "\n";
            return 1;
        }
        loaded = std::move(m.value());
        tmpl = loaded->tmpl;
        options.map = &loaded->map;
    } else {
        tmpl = registry->find("adult-neutral");
        if (!tmpl) {
            err << "bodymap: " << tr("the default template adult-neutral is not installed") << "\n";
            return 1;
        }
    }
    const auto which = view == "front"  ? render::ViewSelection::Front
                       : view == "back" ? render::ViewSelection::Back
                                        : render::ViewSelection::Both;
    const render::RgbaImage img = [&] {
        // The legend (and the view labels) in the language asked for; messages stay the command line's.
        i18n::LanguageScope scope(language.empty() ? i18n::currentLanguage() : language);
        return render::renderChart(*tmpl, which, width, options);
    }();
    if (auto st = render::writePng(img, output); !st) {
        err << maps::printableForMessage(st.error()) << "\n";
        return 1;
    }
    // TRANSLATORS: after `bodymap render`: the file written and its size in pixels.
    out << i18n::format(tr("wrote %s (%dx%d)"), maps::printableForMessage(output).c_str(), img.width, img.height)
        << "\n";
    return 0;
}

std::optional<int> runCommandLine(const std::vector<std::string>& args, GuiOptions& gui,
                                  std::ostream& out, std::ostream& err) {
    if (!args.empty()) {
        const std::string& cmd = args[0];
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (cmd == "render") return runRender(rest, out, err);
        if (cmd == "validate") return runValidate(rest, out, err);
        if (cmd == "stats") return runStats(rest, out, err);
        if (cmd == "compare") return runCompare(rest, out, err);
        if (cmd == "series") return runSeries(rest, out, err);
        if (cmd == "report") return runReport(rest, out, err);
        if (cmd == "print") return runPrint(rest, out, err);
        if (cmd == "intake") return runIntake(rest, gui, out, err);
        if (cmd == "library") return runLibrary(rest, out, err);
        if (cmd == "server") return runServer(rest, out, err);
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* what) -> const std::string* {
            if (i + 1 >= args.size()) {
                // TRANSLATORS: %s is an option ("--library"), the second what must follow it.
                usage(err, i18n::format(tr("%s needs %s"), a.c_str(), what));
                return nullptr;
            }
            return &args[++i];
        };
        if (a == "--help" || a == "-h") {
            out << tr(kHelp);
            return 0;
        } else if (a == "--version") {
            out << "bodymap " << appVersion() << "\n";
            return 0;
        } else if (a == "--library") {
            auto v = value(tr("a folder"));
            if (!v) return 2;
            gui.library = *v;
        } else if (a == "--screenshot") {
            auto v = value(tr("an output file"));
            if (!v) return 2;
            gui.screenshot = *v;
        } else if (a == "--frames") {
            auto v = value(tr("a number"));
            if (!v) return 2;
            if (!parseInt(*v, 1, 100000, gui.frames)) return usage(err, tr("--frames must be 1 to 100000"));
        } else if (a == "--size") {
            auto v = value("WxH");
            if (!v) return 2;
            const auto x = v->find('x');
            if (x == std::string::npos || !parseInt(v->substr(0, x), 320, 10000, gui.width) ||
                !parseInt(v->substr(x + 1), 240, 10000, gui.height)) {
                return usage(err, tr("--size must look like 1600x1000"));
            }
        } else if (a == "--signal-screenshot") {
            auto v = value(tr("an output file"));
            if (!v) return 2;
            gui.signalShot = *v;
        } else if (a == "--lang") {
            // TRANSLATORS: what must follow --lang.
            auto v = value(tr("a language (en, en_GB, de, es, fr or pseudo)"));
            if (!v) return 2;
            if (!isCliLanguage(*v)) return usage(err, badLanguageMessage());
            gui.language = *v;
        } else if (a == "--bench") {
            gui.bench = true;
        } else if (a == "--replay") {
            auto v = value(tr("a replay script"));
            if (!v) return 2;
            gui.replay = *v;
        } else if (!a.empty() && a[0] == '-') {
            return usage(err, i18n::format(tr("unknown option %s"), a.c_str()));
        } else if (gui.file.empty()) {
            if (i == 0 && !std::filesystem::exists(a) && a.find('.') == std::string::npos) {
                return usage(err, i18n::format(tr("unknown command %s"), a.c_str()));
            }
            gui.file = a;
        } else {
            return usage(err, tr("only one file can be opened"));
        }
    }
    return std::nullopt;
}

}  // namespace bodymap::app
