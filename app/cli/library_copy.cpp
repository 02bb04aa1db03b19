// `bodymap library copy FROM TO` (see library_copy.h).
#include "app/cli/library_copy.h"

#include <unistd.h>

#include <cstdint>
#include <map>

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

int runCopy(const std::string& from, const std::string& to, std::ostream& out, std::ostream& err) {
    auto templates = loadCliTemplates("");
    if (!templates) {
        err << "bodymap: " << maps::printableForMessage(templates.error()) << "\n";
        return 1;
    }
    auto src = openCliStore(from, templates.value(), false, err);
    if (!src) return 1;
    auto dst = openCliStore(to, templates.value(), true, err);
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
    for (const auto& v : plan) {
        // TRANSLATORS: the progress of `bodymap library copy`: visits copied of all.
        progress.show(done++, plan.size(), tr("copying: %d of %d visits"));
        auto raw = src->readRaw(v.key);
        if (!raw) {
            progress.problem(raw.error());
            ++failures;
            continue;
        }
        auto r = dst->importRaw(raw.value());
        if (!r) {
            progress.problem(r.error());
            ++failures;
            continue;
        }
        (r.value() == store::ImportStatus::Written ? written : skipped) += 1;
        expected[raw->clientId][raw->name] = checksum(raw->bytes);
    }
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
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (!args[i].empty() && args[i][0] == '-') {
            return usage(err, i18n::format(tr("library copy: unknown option %s"), args[i].c_str()));
        }
        places.push_back(args[i]);
    }
    if (places.size() != 2) return usage(err, tr("library copy needs FROM and TO (folders or postgresql:// servers)"));
    if (places[0] == places[1]) return usage(err, tr("library copy: FROM and TO are the same"));
    return runCopy(places[0], places[1], out, err);
}

}  // namespace bodymap::app
