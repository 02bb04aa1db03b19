// The report and print subcommands: argument parsing, loading the maps, render::writeReportPdf,
// and for printing a temporary PDF handed to CUPS `lp` (see cli_report.h).
#include "app/cli/report.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/assets_path.h"
#include "app/cli/cli.h"
#include "app/cli/stats.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/atomic_file.h"
#include "render/report.h"

extern char** environ;

namespace bodymap::app {

namespace {

struct ReportArgs {
    std::string file;
    std::vector<std::string> previous;
    std::string output;
    std::string templates;
    std::string referralTo;
    std::string printer;
    std::optional<render::Paper> paper;  // none: the language's (Letter for en, A4 for the others)
    std::string language;                // --lang L; empty: the command line's (the system's)
    render::ChangeSince since = render::ChangeSince::Previous;
    bool therapistPage = false;          // --therapist-page
};

int reportUsage(std::ostream& err, const std::string& cmd, const std::string& problem) {
    err << "bodymap " << cmd << ": " << maps::printableForMessage(problem, 200) << "\n";
    if (cmd == "report") {
        err << tr("Usage: bodymap report FILE [--previous FILE...] -o OUT.pdf [--paper a4|letter] [--to \"Dr ...\"] "
                  "[--since previous|first|both] [--lang L]")
            << "\n";
    } else {
        err << tr("Usage: bodymap print FILE [--previous FILE...] [--printer NAME] [--paper a4|letter] "
                  "[--to \"Dr ...\"] [--since previous|first|both] [--lang L]")
            << "\n";
    }
    err << tr("  --since  which earlier visit the change pages compare with: the previous one (the\n"
              "           default), the first one given, or both (two change sections)\n"
              "  --lang   the report's language: en, en_GB, de, es, fr or pseudo; without --paper the\n"
              "           paper follows it (Letter for en, A4 for the others)\n");
    err << tr("  --therapist-page  after the client's page, the therapist's: the chart with the tags,\n"
              "           the session note (SOAP) and the treatment given\n");
    return 2;
}

// Parses the words after the subcommand; returns an exit code on usage errors.
std::optional<int> parseArgs(const std::vector<std::string>& args, const std::string& cmd,
                             ReportArgs& a, std::ostream& err) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& w = args[i];
        auto next = [&](std::string& dst) {
            if (i + 1 >= args.size()) return false;
            dst = args[++i];
            return true;
        };
        if (w == "--previous") {
            const std::size_t before = a.previous.size();
            while (i + 1 < args.size() && (args[i + 1].empty() || args[i + 1][0] != '-')) {
                a.previous.push_back(args[++i]);
            }
            if (a.previous.size() == before) return reportUsage(err, cmd, tr("--previous needs at least one file"));
        } else if ((w == "-o" || w == "--output") && cmd == "report") {
            if (!next(a.output)) return reportUsage(err, cmd, tr("-o needs a file name"));
        } else if (w == "--printer" && cmd == "print") {
            if (!next(a.printer)) return reportUsage(err, cmd, tr("--printer needs a name"));
        } else if (w == "--paper") {
            std::string v;
            auto p = next(v) ? render::parsePaper(v) : std::nullopt;
            if (!p) return reportUsage(err, cmd, tr("--paper must be a4 or letter"));
            a.paper = *p;
        } else if (w == "--since") {
            std::string v;
            auto since = next(v) ? render::parseChangeSince(v) : std::nullopt;
            if (!since) return reportUsage(err, cmd, tr("--since must be previous, first or both"));
            a.since = *since;
        } else if (w == "--lang") {
            if (!next(a.language) || !isCliLanguage(a.language)) return reportUsage(err, cmd, badLanguageMessage());
        } else if (w == "--therapist-page") {
            a.therapistPage = true;
        } else if (w == "--to") {
            if (!next(a.referralTo)) return reportUsage(err, cmd, tr("--to needs a name"));
        } else if (w == "--templates") {
            if (!next(a.templates)) return reportUsage(err, cmd, tr("--templates needs a folder"));
        } else if (!w.empty() && w[0] == '-') {
            return reportUsage(err, cmd, i18n::format(tr("unknown option %s"), w.c_str()));
        } else if (a.file.empty()) {
            a.file = w;
        } else {
            return reportUsage(err, cmd, tr("only one FILE (earlier visits go after --previous)"));
        }
    }
    if (a.file.empty()) return reportUsage(err, cmd, tr("missing input FILE"));
    if (cmd == "report" && a.output.empty()) return reportUsage(err, cmd, tr("missing -o OUT.pdf"));
    return std::nullopt;
}

// Loads the maps and writes the PDF to `path`; prints the error and returns false on failure.
bool buildReport(const ReportArgs& a, const std::string& path, std::ostream& err) {
    auto registry = loadCliTemplates(a.templates);
    if (!registry) {
        err << registry.error() << "\n";
        return false;
    }
    auto current = loadCliMap(a.file, registry.value());
    if (!current) {
        err << current.error() << "\n";
        return false;
    }
    std::vector<LoadedMap> earlier;
    for (const std::string& f : a.previous) {
        auto m = loadCliMap(f, registry.value());
        if (!m) {
            err << m.error() << "\n";
            return false;
        }
        if (m->tmpl != current->tmpl) {
            // TRANSLATORS: the first and fourth placeholders are files, the others templates and versions.
            err << i18n::format(tr("%s: drawn on template %s v%d, but %s on %s v%d; a report compares maps of "
                                   "one template"),
                                maps::printableForMessage(f).c_str(),
                                maps::printableForMessage(m->map.templateId(), 80).c_str(), m->map.templateVersion(),
                                maps::printableForMessage(a.file).c_str(),
                                maps::printableForMessage(current->map.templateId(), 80).c_str(),
                                current->map.templateVersion())
                << "\n";
            return false;
        }
        earlier.push_back(std::move(m.value()));
    }
    render::ReportInput in;
    in.tmpl = current->tmpl.get();
    in.current = &current->map;
    for (const LoadedMap& m : earlier) in.previous.push_back(&m.map);
    // The report's language: --lang, else the command line's; the paper follows it unless given.
    in.language = a.language.empty() ? i18n::currentLanguage() : a.language;
    in.paper = a.paper ? *a.paper : render::defaultPaper(in.language);
    in.referralTo = a.referralTo;
    in.since = a.since;
    in.therapistPage = a.therapistPage;
    in.appVersion = appVersion();
    if (auto st = render::writeReportPdf(in, path); !st) {
        err << st.error() << "\n";
        return false;
    }
    return true;
}

// True when an executable `name` is on PATH.
bool onPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string dirs = path;
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
        if (access((dir + "/" + name).c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

// Runs argv (no shell), capturing stdout+stderr; returns the exit status or -1.
int run(const std::vector<std::string>& argv, std::string& output) {
    int pipefd[2];
    if (pipe(pipefd) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipefd[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipefd[1], 2);
    posix_spawn_file_actions_addclose(&actions, pipefd[0]);
    std::vector<char*> cargv;
    for (const auto& s : argv) cargv.push_back(const_cast<char*>(s.c_str()));
    cargv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipefd[1]);
    if (rc != 0) {
        close(pipefd[0]);
        return -1;
    }
    char buf[512];
    ssize_t n = 0;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) output.append(buf, static_cast<std::size_t>(n));
    close(pipefd[0]);
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ReportArgs a;
    if (auto rc = parseArgs(args, "report", a, err)) return *rc;
    if (!buildReport(a, a.output, err)) return 1;
    out << i18n::format(tr("wrote %s"), maps::printableForMessage(a.output).c_str()) << "\n";
    return 0;
}

std::optional<std::string> printerProblem(const std::string& printer) {
    if (!onPath("lp")) {
        return std::string(tr("CUPS is not installed (lp not found); save the report as a PDF and print that"));
    }
    if (printer.empty()) {
        std::string lpstat;
        const int rc = onPath("lpstat") ? run({"lpstat", "-d"}, lpstat) : -1;
        if (rc != 0 || lpstat.find("system default destination:") == std::string::npos) {
            return std::string(tr("no printer is set up (CUPS lpstat reports no default destination); "
                                  "set one with 'lpoptions -d NAME'"));
        }
    }
    return std::nullopt;
}

bool sendToPrinter(const std::string& pdf, const std::string& printer, std::string& message) {
    std::vector<std::string> argv{"lp", "-t", "BodyMap report"};
    if (!printer.empty()) argv.insert(argv.end(), {"-d", printer});
    argv.push_back(pdf);
    std::string lpOut;
    const int rc = run(argv, lpOut);
    if (rc == 0) {
        message = lpOut;
        return true;
    }
    // TRANSLATORS: printing failed; %d is lp's exit status, %s what lp said.
    message = rc > 0 ? i18n::format(tr("lp failed (exit %d): %s"), rc, lpOut.c_str())
                     // TRANSLATORS: printing failed (lp could not be run); %s what lp said.
                     : i18n::format(tr("lp failed: %s"), lpOut.c_str());
    return false;
}

int runPrint(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ReportArgs a;
    if (auto rc = parseArgs(args, "print", a, err)) return *rc;
    // Check for CUPS before the work, so that the message comes at once.
    if (auto problem = printerProblem(a.printer)) {
        err << "bodymap print: "
            << (a.printer.empty() && onPath("lp") ? i18n::format(tr("%s or use --printer NAME"), problem->c_str())
                                                  : *problem)
            << "\n";
        return 1;
    }
    // A private (0600) temp copy for lp, removed afterwards.
    auto tmp = maps::makePrivateTempFile("", "bodymap-report-", ".pdf");
    if (!tmp) {
        err << "bodymap print: " << tmp.error() << "\n";
        return 1;
    }
    const std::string pdf = tmp.value();
    std::error_code ec;
    int result = 1;
    if (buildReport(a, pdf, err)) {
        std::string message;
        if (sendToPrinter(pdf, a.printer, message)) {
            while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
            // TRANSLATORS: after `bodymap print`; %s is the map file, the second %s lp's answer.
            out << i18n::format(tr("sent the report of %s to the printer: %s"),
                                maps::printableForMessage(a.file).c_str(),
                                maps::printableForMessage(message, 300).c_str())
                << "\n";
            result = 0;
        } else {
            err << "bodymap print: " << maps::printableForMessage(message, 300) << "\n";
        }
    }
    std::filesystem::remove(pdf, ec);
    return result;
}

}  // namespace bodymap::app
