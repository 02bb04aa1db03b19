// Batch work of the command line over many files: every core, output in input order, memory
// bounded by a window of results (not by the number of files), and a progress bar on a terminal.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "maps/result.h"

namespace bodymap::app {

// Appends the file names listed in `list`, one per line (empty lines skipped; "-" reads stdin),
// for batches larger than a command line holds (Linux takes about 2 MB of arguments).
maps::Status appendFileList(const std::string& list, std::vector<std::string>& files);
// appendFileList for each list in turn (the --files-from options of one command).
maps::Status appendFileLists(const std::vector<std::string>& lists, std::vector<std::string>& files);

// Threads for batch work: `requested` when > 0, else every core the system reports.
unsigned batchThreads(int requested);
// The value of --jobs: a whole number of threads from 1 (at most 3 digits) into `jobs`, or the
// usage problem to print (empty when it was good).
std::string parseJobs(const std::string& value, int& jobs);

// What one item of a batch produced: text for stdout and a message for stderr (either empty).
struct BatchOutput {
    std::string out;
    std::string err;
    bool failed = false;
};

// Shows "label [#####.....] 4,500 / 10,000" on stderr, redrawn at most ten times a second, when
// `enabled` (stderr a terminal, stdout not); clear() wipes it before other text goes to stderr.
class ProgressBar {
public:
    ProgressBar(std::ostream& err, std::string label, std::size_t total, bool enabled);
    ~ProgressBar();
    void update(std::size_t done);
    void clear();
    bool enabled() const { return m_enabled; }

private:
    std::ostream& m_err;
    std::string m_label;
    std::size_t m_total;
    bool m_enabled;
    bool m_shown = false;
    double m_lastDraw = -1.0;
};

// True when `err` is the process's stderr on a terminal and stdout is not one (a bar between
// lines of output on the same terminal would garble them).
bool progressWanted(const std::ostream& err);

// Runs work(i) for i in [0, count) on `threads` threads (the calling thread among them) and
// calls emit(i, output) on the calling thread for every i in increasing order. At most a window
// of a few hundred outputs is held at once. work must be safe to run concurrently with itself.
void runOrdered(std::size_t count, unsigned threads, const std::function<BatchOutput(std::size_t)>& work,
                const std::function<void(std::size_t, BatchOutput&)>& emit);

}  // namespace bodymap::app
