// `bodymap report FILE [--previous FILE...] -o OUT.pdf [--paper a4|letter] [--to "Dr ..."]` and
// `bodymap print FILE [--previous FILE...] [...]`: the referral report (render/report.h) as a
// PDF file, or sent to the default printer with CUPS `lp`.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace bodymap::app {

// args are the words after "report". Returns 0 when the PDF was written, 1 on bad input (a map
// cannot be read, maps on different templates, the PDF cannot be written; no file is left),
// 2 on usage errors.
int runReport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// args are the words after "print" (as for report, without -o; --printer NAME optional).
// Returns 0 when lp accepted the job, 1 on bad input, when CUPS is not installed or no printer
// is set up (the message says which), or when lp fails; 2 on usage errors.
int runPrint(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Why printing cannot work now (no CUPS, no default printer when `printer` is empty), or none.
std::optional<std::string> printerProblem(const std::string& printer);
// Sends a PDF to `printer` (empty: the default) with lp. `message` receives lp's answer or the
// reason it failed.
bool sendToPrinter(const std::string& pdf, const std::string& printer, std::string& message);

}  // namespace bodymap::app
