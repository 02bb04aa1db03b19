// Peak-memory probe for the performance budget (tests/bench/BUDGET.md): loads the installed
// templates and N visits of one client (the demo client's five example visits, cycled), keeps
// them all in memory as the compare workspace does (compact: the spans of their painted cells),
// summarizes the series one visit at a time and compares first and last (made dense, as the
// workspace does for the two it shows), then prints the time and the process's peak resident
// memory (VmHWM from /proc/self/status).
// Usage: mem_probe [N=50] [VISIT.json...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "maps/compact_map.h"
#include "maps/pain_map.h"
#include "maps/comparison.h"
#include "maps/map_format.h"
#include "maps/template_registry.h"

using namespace bodymap;

namespace {

// A field of /proc/self/status in KiB ("VmHWM", "VmRSS"), -1 when unknown.
long statusKiB(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field + ":", 0) == 0) return std::strtol(line.c_str() + field.size() + 1, nullptr, 10);
    }
    return -1;
}

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

}  // namespace

int main(int argc, char** argv) {
    bodymap::maps::keepFreedRastersInHeap();  // as the bodymap binary does
    const int count = argc > 1 ? std::atoi(argv[1]) : 50;
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) files.emplace_back(argv[i]);
    if (files.empty()) {
        for (const auto& e : std::filesystem::directory_iterator(std::string(BODYMAP_ASSETS) +
                                                                 "/examples/demo-anna")) {
            if (e.path().filename() != "client.json") files.push_back(e.path().string());
        }
        std::sort(files.begin(), files.end());
    }
    if (count < 1 || files.empty()) {
        std::fprintf(stderr, "usage: mem_probe [N] [VISIT.json...]\n");
        return 2;
    }
    const long base = statusKiB("VmHWM");
    const auto t0 = std::chrono::steady_clock::now();
    auto reg = maps::TemplateRegistry::loadFolder(std::string(BODYMAP_ASSETS) + "/templates");
    if (!reg) {
        std::fprintf(stderr, "%s\n", reg.error().c_str());
        return 1;
    }
    const long afterTemplate = statusKiB("VmRSS");
    std::vector<maps::CompactMap> visits;
    visits.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const std::string& f = files[static_cast<std::size_t>(i) % files.size()];
        auto m = maps::loadCompactMap(f, reg.value());
        if (!m) {
            std::fprintf(stderr, "%s\n", m.error().c_str());
            return 1;
        }
        visits.push_back(std::move(m.value()));
    }
    const auto t1 = std::chrono::steady_clock::now();
    const long afterVisits = statusKiB("VmRSS");
    auto tmpl = reg.value().find(visits.front().templateId());
    maps::SeriesBuilder builder(*tmpl);
    for (const auto& v : visits) {
        if (auto st = builder.add(v); !st) {
            std::fprintf(stderr, "%s\n", st.error().c_str());
            return 1;
        }
    }
    auto series = builder.finish();
    const maps::PainMap first = maps::denseFrom(visits.front()), last = maps::denseFrom(visits.back());
    auto cmp = maps::compareMaps(first, last, *tmpl);
    if (!series || !cmp) {
        std::fprintf(stderr, "%s\n", (!series ? series.error() : cmp.error()).c_str());
        return 1;
    }
    const auto t2 = std::chrono::steady_clock::now();
    const auto ms = [](auto a, auto b) {
        return std::chrono::duration<double, std::milli>(b - a).count();
    };
    std::printf("visits loaded:        %d (from %zu files)\n", count, files.size());
    std::printf("load time:            %.1f ms (template + visits), series+compare %.1f ms\n",
                ms(t0, t1), ms(t1, t2));
    std::printf("RSS after templates:  %.1f MiB\n", mib(afterTemplate));
    std::printf("RSS after visits:     %.1f MiB (%.2f MiB per visit)\n", mib(afterVisits),
                mib(afterVisits - afterTemplate) / count);
    std::printf("peak (VmHWM) at start %.1f MiB\n", mib(base));
    std::printf("peak (VmHWM):         %.1f MiB\n", mib(statusKiB("VmHWM")));
    return 0;
}
