// File > Export PNG, Export PDF report and Print: a small dialog (earlier visits to include,
// paper, recipient, language), the work on a background thread with a progress bar, and a message saying
// where the file went. Output files are written atomically.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/gui/app_state.h"
#include "app/gui/ui_context.h"
#include "render/report.h"

namespace bodymap::app {

struct ExportState {
    bool reportDialog = false;            // the report options dialog is open
    bool printMode = false;               // the dialog prints instead of saving
    render::Paper paper = render::Paper::A4;
    bool paperByHand = false;             // the paper was picked in this dialog: the language no
                                          // longer changes it
    std::string language;                 // the report's (an i18n tag), picked in the dialog
    std::string referralTo;
    std::vector<std::string> earlierPaths;   // earlier visits of the client, newest first
    std::vector<std::string> earlierLabels;
    std::vector<char> include;               // per earlier visit
    render::ChangeSince since = render::ChangeSince::Previous;  // change pages against which visit
    bool therapistPage = false;           // the therapist's page (tags, SOAP, treatment); on by
                                          // default when the visit has a session note
    // Why printing cannot work (no CUPS, no printer), checked when the print dialog opens and
    // on "Check again" (it runs lpstat, so not every frame).
    std::optional<std::string> printProblem;
    // The job in progress (a thread that renders and writes or prints).
    struct Job {
        std::thread worker;
        std::atomic<double> progress{0.0};
        std::atomic<bool> done{false};
        std::string what;                    // "Saving the report", "Printing"
        bool ok = false;
        std::string message;                 // where the file went, or why it failed
    };
    std::unique_ptr<Job> job;
    std::string resultMessage;               // shown in a modal until dismissed
    bool resultOk = true;
    ~ExportState();
};

// Opens the report dialog (printing when `print`).
void openReportDialog(AppState& s, ExportState& e, bool print);
// Asks for a PNG file name and writes the chart with its legend.
void exportPng(AppState& s);
// Draws the dialog, the progress and the result.
void drawExportDialogs(AppState& s, ExportState& e, const UiContext& ui);

}  // namespace bodymap::app
