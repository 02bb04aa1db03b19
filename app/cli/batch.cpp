// Ordered parallel batches and the terminal progress bar (see batch.h).
#include "app/cli/batch.h"

#include <chrono>
#include <condition_variable>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include <unistd.h>

#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::app {

unsigned batchThreads(int requested) {
    if (requested > 0) return static_cast<unsigned>(requested);
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

std::string parseJobs(const std::string& value, int& jobs) {
    if (value.empty() || value.size() > 3 || value.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(value) < 1) {
        return i18n::format(tr("--jobs needs a number of threads from 1, found %s"), maps::quoteForMessage(value).c_str());
    }
    jobs = std::stoi(value);
    return {};
}

maps::Status appendFileLists(const std::vector<std::string>& lists, std::vector<std::string>& files) {
    for (const std::string& list : lists) {
        if (auto st = appendFileList(list, files); !st) return st;
    }
    return maps::Ok{};
}

maps::Status appendFileList(const std::string& list, std::vector<std::string>& files) {
    std::string text;
    if (list == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        // A pipe is welcome here (`--files-from <(find ...)`): the user named it to be read, unlike
        // a map file, which must never block. A folder is not a list.
        std::error_code ec;
        if (std::filesystem::is_directory(list, ec)) {
            return maps::Error{i18n::format(tr("%s: is a folder, not a list of files"), maps::printableForMessage(list).c_str())};
        }
        std::ifstream in(list, std::ios::binary);
        if (!in) {
            return maps::Error{i18n::format(tr("%s: cannot read the list of files: %s"), maps::printableForMessage(list).c_str(),
                                            std::strerror(errno))};
        }
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::size_t from = 0;
    while (from < text.size()) {
        std::size_t to = text.find('\n', from);
        if (to == std::string::npos) to = text.size();
        std::string line = text.substr(from, to - from);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) files.push_back(std::move(line));
        from = to + 1;
    }
    return maps::Ok{};
}

bool progressWanted(const std::ostream& err) {
    return &err == &std::cerr && isatty(STDERR_FILENO) == 1 && isatty(STDOUT_FILENO) == 0;
}

namespace {
double secondsNow() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

ProgressBar::ProgressBar(std::ostream& err, std::string label, std::size_t total, bool enabled)
    : m_err(err), m_label(std::move(label)), m_total(total), m_enabled(enabled && total > 0) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(std::size_t done) {
    if (!m_enabled) return;
    const double now = secondsNow();
    if (done < m_total && m_lastDraw >= 0 && now - m_lastDraw < 0.1) return;
    m_lastDraw = now;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(static_cast<double>(done) * kWidth / static_cast<double>(m_total));
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    // TRANSLATORS: a progress bar on the terminal: "stats [####....] 4,500 / 10,000 files".
    m_err << "\r" << i18n::format(tr("%s [%s] %s / %s files"), m_label.c_str(), bar.c_str(),
                                  maps::withThousands(done).c_str(), maps::withThousands(m_total).c_str())
          << std::flush;
    m_shown = true;
}

void ProgressBar::clear() {
    if (!m_shown) return;
    m_err << "\r\x1b[K" << std::flush;
    m_shown = false;
    m_lastDraw = -1.0;
}

void runOrdered(std::size_t count, unsigned threads, const std::function<BatchOutput(std::size_t)>& work,
                const std::function<void(std::size_t, BatchOutput&)>& emit) {
    const auto safeWork = [&work](std::size_t i) {
        try {
            return work(i);
        } catch (const std::exception& e) {  // bad_alloc on a hostile file: that file fails
            BatchOutput o;
            o.failed = true;
            o.err = e.what();
            return o;
        }
    };
    if (threads <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i) {
            BatchOutput o = safeWork(i);
            emit(i, o);
        }
        return;
    }
    // A ring of `window` results: a worker claims index i only while i < emitted + window, so
    // however many files there are, at most `window` outputs wait to be written.
    const std::size_t window = 64 * static_cast<std::size_t>(threads);
    std::vector<BatchOutput> ring(window);
    std::vector<char> ready(window, 0);
    std::mutex mutex;
    std::condition_variable workerWake, mainWake;
    std::size_t next = 0, emitted = 0;
    auto worker = [&] {
        while (true) {
            std::size_t i;
            {
                std::unique_lock<std::mutex> lock(mutex);
                workerWake.wait(lock, [&] { return next >= count || next < emitted + window; });
                if (next >= count) return;
                i = next++;
            }
            BatchOutput o = safeWork(i);
            {
                std::lock_guard<std::mutex> lock(mutex);
                ring[i % window] = std::move(o);
                ready[i % window] = 1;
            }
            mainWake.notify_one();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (std::size_t e = 0; e < count; ++e) {
        BatchOutput o;
        {
            std::unique_lock<std::mutex> lock(mutex);
            mainWake.wait(lock, [&] { return ready[e % window] != 0; });
            o = std::move(ring[e % window]);
            ready[e % window] = 0;
            emitted = e + 1;
        }
        workerWake.notify_all();
        emit(e, o);
    }
    for (std::thread& t : pool) t.join();
}

}  // namespace bodymap::app
