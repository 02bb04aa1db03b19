// `bodymap library copy FROM TO` (see library_copy.h).
#include "app/cli/library_copy.h"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>

#include "app/cli/batch.h"
#include "app/cli/stats.h"
#include "app/cli/store_open.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"

namespace bodymap::app {

namespace {

int usage(std::ostream& err, const std::string& problem) {
    err << "bodymap: " << maps::printableForMessage(problem, 200) << "\n" << tr("Try 'bodymap --help'.") << "\n";
    return 2;
}

// FNV-1a 64: the checksum compared between the two sides (the bytes are compared exactly when a
// visit is already there; the checksum is for the read-back verification).
std::uint64_t checksum(const std::string& bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// "[#########           ] 120 of 500 visits" on a terminal, redrawn in place.
class Progress {
public:
    explicit Progress(std::ostream& err) : m_err(err), m_tty(::isatty(STDERR_FILENO) == 1) {}
    // `what` is the translated "%d of %d ..." text.
    void show(std::size_t done, std::size_t total, const char* what) {
        if (!m_tty || total == 0) return;
        const std::size_t width = 30, filled = done * width / total;
        m_err << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
              << i18n::format(what, static_cast<int>(done), static_cast<int>(total)) << "\x1b[K" << std::flush;
    }
    void end() {
        if (m_tty) m_err << "\n";
    }
    // A message during the copy: on its own line, below the bar.
    void problem(const std::string& message) {
        m_err << (m_tty ? "\r\x1b[K" : "") << "bodymap: " << maps::printableForMessage(message) << "\n";
    }

private:
    std::ostream& m_err;
    bool m_tty;
};

struct PlannedVisit {
    std::string clientId, key, name;
};

// What copying one visit gave, kept by index until it is reported in plan order.
struct CopiedVisit {
    std::string problem;  // empty when copied
    bool written = false;
    std::string clientId, name;
    std::uint64_t sum = 0;
};

// A pair of stores per worker thread (a server connection serves one thread at a time; a folder
// store keeps caches), taken for one visit and given back.
class StorePool {
public:
    void add(std::unique_ptr<store::Store> src, std::unique_ptr<store::Store> dst) {
        m_pairs.push_back({std::move(src), std::move(dst)});
        m_free.push_back(m_pairs.size() - 1);
    }
    std::size_t size() const { return m_pairs.size(); }
    std::size_t take() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_wake.wait(lock, [this] { return !m_free.empty(); });
        const std::size_t i = m_free.back();
        m_free.pop_back();
        return i;
    }
    void give(std::size_t i) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_free.push_back(i);
        }
        m_wake.notify_one();
    }
    store::Store& src(std::size_t i) { return *m_pairs[i].first; }
    store::Store& dst(std::size_t i) { return *m_pairs[i].second; }

private:
    std::vector<std::pair<std::unique_ptr<store::Store>, std::unique_ptr<store::Store>>> m_pairs;
    std::vector<std::size_t> m_free;
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

int runCopy(const std::string& from, const std::string& to, int jobs, std::ostream& out, std::ostream& err) {
    auto templates = loadCliTemplates("");
    if (!templates) {
        err << "bodymap: " << maps::printableForMessage(templates.error()) << "\n";
        return 1;
    }
    std::string srcPassword, dstPassword;
    auto src = openCliStore(from, templates.value(), false, err, &srcPassword);
    if (!src) return 1;
    auto dst = openCliStore(to, templates.value(), true, err, &dstPassword);
    if (!dst) return 1;
    if (src->addOnly() || dst->addOnly()) {
        err << "bodymap: " << tr("library copy: the intake role may only add intakes; connect as a therapist") << "\n";
        return 1;
    }
    auto clients = src->listClients();
    if (!clients) {
        err << "bodymap: " << maps::printableForMessage(clients.error()) << "\n";
        return 1;
    }
    int failures = 0;
    for (const auto& p : clients->problems) {
        err << "bodymap: " << maps::printableForMessage(p.message) << "\n";
        ++failures;
    }
    // The plan first, so that the progress bar knows the total.
    std::vector<PlannedVisit> plan;
    Progress progress(err);
    std::size_t listed = 0;
    for (const auto& c : clients->clients) {
        // TRANSLATORS: the progress of `bodymap library copy` while it reads FROM's lists.
        progress.show(listed++, clients->clients.size(), tr("reading the list: %d of %d clients"));
        auto visits = src->listVisits(c.id);
        if (!visits) {
            err << "bodymap: " << maps::printableForMessage(visits.error()) << "\n";
            ++failures;
            continue;
        }
        for (const auto& p : visits->problems) {
            err << "bodymap: " << maps::printableForMessage(p.message) << "\n";
            ++failures;
        }
        for (const auto& v : visits->visits) plan.push_back({c.id, v.key, v.name});
    }
    std::size_t written = 0, skipped = 0, done = 0;
    std::map<std::string, std::map<std::string, std::uint64_t>> expected;  // client -> name -> sum
    for (const auto& c : clients->clients) {
        auto raw = src->readRawClient(c.id);
        if (!raw) {
            err << "bodymap: " << maps::printableForMessage(raw.error()) << "\n";
            ++failures;
            continue;
        }
        if (auto st = dst->importRawClient(raw.value()); !st) {
            err << "bodymap: " << maps::printableForMessage(st.error()) << "\n";
            ++failures;
        }
    }
    // The visits on every core (or `jobs` threads): each worker reads, checks and writes with
    // its own pair of stores (the password typed once); they are reported in plan order. Most of
    // a copy is waiting (the fsync of each file, a server's round trips), and that overlaps.
    StorePool pool;
    // By default at most 8: each thread holds a connection, and a clinic server's are counted.
    const unsigned wanted = jobs > 0 ? batchThreads(jobs) : std::min(batchThreads(0), 8u);
    const auto threads = static_cast<unsigned>(std::min<std::size_t>(wanted, std::max<std::size_t>(plan.size(), 1)));
    for (unsigned t = 0; t < threads && threads > 1; ++t) {
        store::OpenOptions fromOptions, toOptions;
        fromOptions.password = srcPassword;
        fromOptions.createFolder = false;
        toOptions.password = dstPassword;
        auto s2 = store::openStore(from, templates.value(), fromOptions);
        auto d2 = store::openStore(to, templates.value(), toOptions);
        if (!s2.store || !d2.store) break;  // fewer threads, then
        pool.add(std::move(s2.store), std::move(d2.store));
    }
    const bool ownStores = pool.size() > 0;
    if (!ownStores) pool.add(nullptr, nullptr);  // one thread, on the first pair
    std::vector<CopiedVisit> results(plan.size());
    const auto copyOne = [&](std::size_t i) {
        const std::size_t slot = pool.take();
        store::Store& source = ownStores ? pool.src(slot) : *src;
        store::Store& target = ownStores ? pool.dst(slot) : *dst;
        CopiedVisit& c = results[i];
        auto raw = source.readRaw(plan[i].key);
        if (!raw) {
            c.problem = raw.error();
        } else if (auto r = target.importRaw(raw.value()); !r) {
            c.problem = r.error();
        } else {
            c.written = r.value() == store::ImportStatus::Written;
            c.clientId = raw->clientId;
            c.name = raw->name;
            c.sum = checksum(raw->bytes);
        }
        pool.give(slot);
        return BatchOutput{};
    };
    runOrdered(plan.size(), static_cast<unsigned>(pool.size()), copyOne, [&](std::size_t i, BatchOutput&) {
        // TRANSLATORS: the progress of `bodymap library copy`: visits copied of all.
        progress.show(++done, plan.size(), tr("copying: %d of %d visits"));
        CopiedVisit& c = results[i];
        if (!c.problem.empty()) {
            progress.problem(c.problem);
            ++failures;
        } else {
            (c.written ? written : skipped) += 1;
            expected[c.clientId][c.name] = c.sum;
        }
        c = CopiedVisit{};
    });
    progress.show(done, plan.size(), tr("copying: %d of %d visits"));
    progress.end();
    // Verify: read everything back from TO and compare counts and checksums.
    std::size_t verified = 0;
    for (const auto& [clientId, names] : expected) {
        auto visits = dst->listVisits(clientId);
        if (!visits) {
            err << "bodymap: " << maps::printableForMessage(visits.error()) << "\n";
            ++failures;
            continue;
        }
        std::size_t found = 0;
        for (const auto& v : visits->visits) {
            const auto it = names.find(v.name);
            if (it == names.end()) continue;
            ++found;
            auto back = dst->readRaw(v.key);
            if (!back || checksum(back->bytes) != it->second) {
                // TRANSLATORS: %s names the visit (its key in the library copied to).
                err << "bodymap: " << maps::printableForMessage(i18n::format(tr("library copy: %s differs from the original after copying"), v.key.c_str())) << "\n";
                ++failures;
                continue;
            }
            ++verified;
        }
        if (found != names.size()) {
            err << "bodymap: " << maps::printableForMessage(i18n::format(tr("library copy: client %s has %d of its %d visits after copying"), clientId.c_str(), static_cast<int>(found), static_cast<int>(names.size()))) << "\n";
            ++failures;
        }
    }
    // TRANSLATORS: the summary of `bodymap library copy`.
    out << i18n::format(tr("Copied. Clients: %d; visits: %d (%d new, %d already there); verified by checksum: %d"),
                        static_cast<int>(clients->clients.size()), static_cast<int>(written + skipped),
                        static_cast<int>(written), static_cast<int>(skipped), static_cast<int>(verified))
        << "\n";
    if (failures > 0) {
        err << "bodymap: " << i18n::format(trn("library copy: %d problem; run the copy again after fixing it (what is copied is kept)",
                                               "library copy: %d problems; run the copy again after fixing them (what is copied is kept)",
                                               static_cast<unsigned long>(failures)), failures)
            << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int runLibrary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] != "copy") return usage(err, tr("library: the only subcommand is copy FROM TO"));
    std::vector<std::string> places;
    int jobs = 0;  // every core
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--jobs") {
            const std::string n = i + 1 < args.size() ? args[++i] : std::string();
            if (const std::string problem = parseJobs(n, jobs); !problem.empty()) return usage(err, problem);
            continue;
        }
        if (!args[i].empty() && args[i][0] == '-') {
            return usage(err, i18n::format(tr("library copy: unknown option %s"), args[i].c_str()));
        }
        places.push_back(args[i]);
    }
    if (places.size() != 2) return usage(err, tr("library copy needs FROM and TO (folders or postgresql:// servers)"));
    if (places[0] == places[1]) return usage(err, tr("library copy: FROM and TO are the same"));
    return runCopy(places[0], places[1], jobs, out, err);
}

}  // namespace bodymap::app
