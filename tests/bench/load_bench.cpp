// Loading benchmarks (budget: loading a visit under 5 ms; see BUDGET.md): each example visit
// from disk with full validation, the parse alone, writing, the template load at start-up, and
// the worst file the 8 MiB limit allows (every cell of both views its own run).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "maps/compact_map.h"
#include "maps/map_format.h"
#include "maps/template_registry.h"
#include "tests/support/test_support.h"

using namespace bodymap;

namespace {

// The same allocator setting as the bodymap binary (maps/pain_map.h), for every benchmark here.
const bool kHeapTuned = [] {
    maps::keepFreedRastersInHeap();
    return true;
}();

const maps::TemplateRegistry& registry() {
    static const maps::TemplateRegistry r = [] {
        maps::TemplateRegistry reg;
        reg.add(test::defaultTemplate());
        return reg;
    }();
    return r;
}

std::vector<std::string> exampleVisits() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(test::assetsPath("examples/demo-anna"))) {
        if (e.path().filename() != "client.json") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

// The largest example visit (the one with the most runs).
std::string largestExample() {
    std::string best;
    for (const auto& f : exampleVisits()) {
        if (std::filesystem::file_size(f) > (best.empty() ? 0 : std::filesystem::file_size(best))) best = f;
    }
    return best;
}

}  // namespace

// Each example visit read from disk and fully validated: what opening a visit costs.
static void BM_LoadVisit(benchmark::State& state) {
    const auto files = exampleVisits();
    const std::string& file = files[static_cast<std::size_t>(state.range(0)) % files.size()];
    state.SetLabel(std::filesystem::path(file).filename().string() + ", " +
                   std::to_string(std::filesystem::file_size(file) / 1024) + " KiB");
    registry();
    for (auto _ : state) {
        auto m = maps::loadMap(file, registry());
        if (!m) state.SkipWithError(m.error().c_str());
        benchmark::DoNotOptimize(m);
    }
}
BENCHMARK(BM_LoadVisit)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

static void BM_ParseLargestVisit(benchmark::State& state) {
    const std::string text = readText(largestExample());
    registry();
    for (auto _ : state) {
        auto m = maps::parseMap(text, "visit.json", registry());
        benchmark::DoNotOptimize(m);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseLargestVisit)->Unit(benchmark::kMillisecond);

// The same three ways: the compact form alone (what `stats` and `series` read), the dense map
// through the fast reader (parseMap above), and the reference reader through a JSON document.
static void BM_ParseLargestVisitCompact(benchmark::State& state) {
    const std::string text = readText(largestExample());
    registry();
    for (auto _ : state) {
        auto m = maps::parseCompactMap(text, "visit.json", registry());
        if (!m) state.SkipWithError(m.error().c_str());
        benchmark::DoNotOptimize(m);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseLargestVisitCompact)->Unit(benchmark::kMillisecond);

static void BM_ParseLargestVisitDocument(benchmark::State& state) {
    const std::string text = readText(largestExample());
    registry();
    for (auto _ : state) {
        auto m = maps::parseMapDocument(text, "visit.json", registry());
        if (!m) state.SkipWithError(m.error().c_str());
        benchmark::DoNotOptimize(m);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseLargestVisitDocument)->Unit(benchmark::kMillisecond);

// Each example visit from disk into the compact form.
static void BM_LoadVisitCompact(benchmark::State& state) {
    const auto files = exampleVisits();
    const std::string& file = files[static_cast<std::size_t>(state.range(0)) % files.size()];
    state.SetLabel(std::filesystem::path(file).filename().string());
    registry();
    for (auto _ : state) {
        auto m = maps::loadCompactMap(file, registry());
        if (!m) state.SkipWithError(m.error().c_str());
        benchmark::DoNotOptimize(m);
    }
}
BENCHMARK(BM_LoadVisitCompact)->DenseRange(0, 4)->Unit(benchmark::kMicrosecond);

static void BM_SerializeLargestVisit(benchmark::State& state) {
    auto m = maps::loadMap(largestExample(), registry());
    for (auto _ : state) benchmark::DoNotOptimize(maps::serializeMap(m.value()));
}
BENCHMARK(BM_SerializeLargestVisit)->Unit(benchmark::kMillisecond);

// The body template, read and rasterized into its label grid: part of start-up.
static void BM_LoadTemplate(benchmark::State& state) {
    const std::string path = test::assetsPath("templates/adult_neutral.json");
    for (auto _ : state) {
        auto t = maps::loadTemplate(path);
        if (!t) state.SkipWithError(t.error().c_str());
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_LoadTemplate)->Unit(benchmark::kMillisecond);

// The worst a file within the limit can hold: 2 x 524,288 runs (~6.3 MB).
static void BM_ParseWorstCaseMillionRuns(benchmark::State& state) {
    std::string runs = "[";
    for (int i = 0; i < 524288; ++i) runs += i ? (i % 2 ? ",[3,1]" : ",[0,1]") : "[0,1]";
    runs += "]";
    const std::string text =
        "{\"format\": \"bodymap\", \"version\": 1, \"template\": {\"id\": \"adult-neutral\", "
        "\"version\": 1}, \"grid\": {\"width\": 512, \"height\": 1024}, \"visit\": {\"clientId\": "
        "\"x\", \"time\": \"2026-01-02T03:04:05\", \"drawnBy\": \"client\"}, \"fascialTags\": [], "
        "\"views\": {\"front\": {\"intensity\": " + runs + ", \"qualities\": [[0,524288]]}, "
        "\"back\": {\"intensity\": " + runs + ", \"qualities\": [[0,524288]]}}}";
    registry();
    for (auto _ : state) {
        auto m = state.range(0) ? maps::parseMapDocument(text, "worst.json", registry())
                                : maps::parseMap(text, "worst.json", registry());
        if (!m) state.SkipWithError(m.error().c_str());
        benchmark::DoNotOptimize(m);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}
// 0: the fast reader, 1: the reference reader.
BENCHMARK(BM_ParseWorstCaseMillionRuns)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
