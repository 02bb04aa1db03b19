// Metrics and comparison benchmarks: metrics of one map (a typical one, one painted all over and
// each example visit), from dense rasters and from the compact form beside each other, against a
// plain pass over the same raster bytes; agreement both ways; compare of two maps, and the load +
// metrics loop of `bodymap stats` over 500 visit files. Targets (issue): metrics of a map
// < 1 ms and within 4x of the plain pass; stats over 500 files < 1 s.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

#include "maps/agreement.h"
#include "maps/compact_map.h"
#include "maps/comparison.h"
#include "maps/map_format.h"
#include "maps/metrics.h"
#include "tests/support/test_support.h"

using namespace bodymap;
using maps::ViewId;

namespace {

// Discs of pain (radius 15..60 cells, intensity 1..10, some qualities) on body cells, seeded.
maps::PainMap typicalMap(const maps::BodyTemplate& t, unsigned seed, int discs = 8) {
    maps::PainMap m = maps::PainMap::blankFor(t);
    std::mt19937 rng(seed);
    for (int k = 0; k < discs; ++k) {
        const ViewId v = maps::kViews[static_cast<std::size_t>(k % 2)];
        const int cx = 150 + static_cast<int>(rng() % 212), cy = 150 + static_cast<int>(rng() % 700);
        const int r = 15 + static_cast<int>(rng() % 45);
        const auto inten = static_cast<std::uint8_t>(1 + rng() % 10);
        const auto q = static_cast<std::uint8_t>(rng() % 32);
        for (int y = cy - r; y <= cy + r; ++y)
            for (int x = cx - r; x <= cx + r; ++x) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r * r || !t.inBody(v, x, y)) continue;
                m.layer(v).intensity[m.index(x, y)] = inten;
                m.layer(v).qualities[m.index(x, y)] = q;
            }
    }
    return m;
}

maps::PainMap fullMap(const maps::BodyTemplate& t) {
    maps::PainMap m = maps::PainMap::blankFor(t);
    for (ViewId v : maps::kViews) {
        const auto& labels = t.view(v).labels;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (labels[i] == maps::kNoRegion) continue;
            m.layer(v).intensity[i] = static_cast<std::uint8_t>(1 + i % 10);
            m.layer(v).qualities[i] = static_cast<std::uint8_t>(i % 32);
        }
    }
    return m;
}

const maps::TemplateRegistry& registry() {
    static const maps::TemplateRegistry r = [] {
        maps::TemplateRegistry reg;
        reg.add(test::defaultTemplate());
        return reg;
    }();
    return r;
}

// The example visits (assets/examples/demo-anna), oldest first.
std::vector<std::string> exampleVisits() {
    std::vector<std::string> files;
    for (const auto& e :
         std::filesystem::directory_iterator(test::assetsPath("examples/demo-anna"))) {
        if (e.path().filename() != "client.json") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Example visit `i` (modulo their number), its file name as the benchmark's label.
std::string exampleVisit(benchmark::State& state) {
    const auto files = exampleVisits();
    const std::string& f = files[static_cast<std::size_t>(state.range(0)) % files.size()];
    state.SetLabel(std::filesystem::path(f).filename().string());
    return f;
}

// The example-visit benchmarks run a fixed number of iterations, so that an instruction count
// under callgrind (--toggle-collect of computeMetrics) divides into a figure per map.
constexpr int kExampleIterations = 2000;

}  // namespace

static void BM_MetricsTypicalMap(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap m = typicalMap(t, 7);
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeMetrics(m, t));
}
BENCHMARK(BM_MetricsTypicalMap)->Unit(benchmark::kMicrosecond);

static void BM_MetricsFullyPaintedMap(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap m = fullMap(t);
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeMetrics(m, t));
}
BENCHMARK(BM_MetricsFullyPaintedMap)->Unit(benchmark::kMicrosecond);

// The same maps in compact form: spans intersected with label and band runs.
static void BM_MetricsTypicalMapCompact(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    const maps::CompactMap m = maps::compactFrom(typicalMap(t, 7));
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeMetrics(m, t));
}
BENCHMARK(BM_MetricsTypicalMapCompact)->Unit(benchmark::kMicrosecond);

// Each body cell its own span (1 + i % 10): the compact form's worst case on the body.
static void BM_MetricsFullyPaintedMapCompact(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    const maps::CompactMap m = maps::compactFrom(fullMap(t));
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeMetrics(m, t));
}
BENCHMARK(BM_MetricsFullyPaintedMapCompact)->Unit(benchmark::kMicrosecond);

// Each example visit as `bodymap stats` has it today (dense, from loadMap) and in compact form
// (loadCompactMap): the figures of real drawings, 1-17 KiB files.
static void BM_MetricsExampleVisit(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    auto m = maps::loadMap(exampleVisit(state), registry());
    if (!m) return state.SkipWithError(m.error().c_str());
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeMetrics(m.value(), t));
}
BENCHMARK(BM_MetricsExampleVisit)
    ->DenseRange(0, 4)
    ->Iterations(kExampleIterations)
    ->Unit(benchmark::kMicrosecond);

static void BM_MetricsExampleVisitCompact(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    auto m = maps::loadCompactMap(exampleVisit(state), registry());
    if (!m) return state.SkipWithError(m.error().c_str());
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeMetrics(m.value(), t));
}
BENCHMARK(BM_MetricsExampleVisitCompact)
    ->DenseRange(0, 4)
    ->Iterations(kExampleIterations)
    ->Unit(benchmark::kMicrosecond);

// Client/therapist agreement of the visit with a therapist's layer (tests/data/good), both ways.
static void BM_AgreementTherapistLayer(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    auto m = maps::loadMap(test::testDataPath("good/therapist_layer_v2.json"), registry());
    if (!m) return state.SkipWithError(m.error().c_str());
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeAgreement(m.value(), t));
}
BENCHMARK(BM_AgreementTherapistLayer)->Unit(benchmark::kMicrosecond);

static void BM_AgreementTherapistLayerCompact(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    auto m = maps::loadCompactMap(test::testDataPath("good/therapist_layer_v2.json"), registry());
    if (!m) return state.SkipWithError(m.error().c_str());
    for (auto _ : state) benchmark::DoNotOptimize(maps::computeAgreement(m.value(), t));
}
BENCHMARK(BM_AgreementTherapistLayerCompact)->Unit(benchmark::kMicrosecond);

// The baseline: one plain pass over the bytes metrics reads (intensity, qualities and labels of
// both views), summing them.
static void BM_PlainPassSameBytes(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap m = typicalMap(t, 7);
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (ViewId v : maps::kViews) {
            const auto& in = m.layer(v).intensity;
            const auto& qu = m.layer(v).qualities;
            const auto& lab = t.view(v).labels;
            for (std::size_t i = 0; i < in.size(); ++i) sum += in[i] + qu[i] + lab[i];
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_PlainPassSameBytes)->Unit(benchmark::kMicrosecond);

// A plain pass over the intensity rasters alone (the map's own pain bytes).
static void BM_PlainPassIntensity(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap m = typicalMap(t, 7);
    for (auto _ : state) {
        std::uint64_t sum = 0;
        for (ViewId v : maps::kViews) {
            for (std::uint8_t b : m.layer(v).intensity) sum += b;
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_PlainPassIntensity)->Unit(benchmark::kMicrosecond);

static void BM_CompareTwoMaps(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    const maps::PainMap a = typicalMap(t, 7), b = typicalMap(t, 8);
    for (auto _ : state) benchmark::DoNotOptimize(maps::compareMaps(a, b, t));
}
BENCHMARK(BM_CompareTwoMaps)->Unit(benchmark::kMicrosecond);

static void BM_SeriesOf10(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    std::vector<maps::PainMap> maps_;
    for (unsigned i = 0; i < 10; ++i) maps_.push_back(typicalMap(t, 100 + i));
    std::vector<const maps::PainMap*> ptrs;
    for (const auto& m : maps_) ptrs.push_back(&m);
    for (auto _ : state) benchmark::DoNotOptimize(maps::summarizeSeries(ptrs, t));
}
BENCHMARK(BM_SeriesOf10)->Unit(benchmark::kMillisecond);

// What `bodymap stats` does per file, for 500 visit files written once to a temp folder:
// read + validate + decode, then computeMetrics and the scalar table, on one thread.
static void BM_Stats500Files(benchmark::State& state) {
    const auto& t = test::defaultTemplate();
    maps::TemplateRegistry reg;
    reg.add(t);
    const auto dir = std::filesystem::temp_directory_path() / "bodymap_bench_stats";
    std::filesystem::create_directories(dir);
    std::vector<std::string> files;
    for (unsigned i = 0; i < 500; ++i) {
        maps::PainMap m = typicalMap(t, 1000 + i);
        m.info.clientId = "bench";
        m.info.visitTime = "2026-01-01T10:00:00";
        const std::string path = (dir / ("visit-" + std::to_string(i) + ".json")).string();
        if (!maps::saveMap(m, path).ok()) {
            state.SkipWithError("cannot write the bench files");
            return;
        }
        files.push_back(path);
    }
    const bool compact = state.range(0) == 1;
    state.SetLabel(compact ? "compact (what stats does)" : "dense");
    for (auto _ : state) {
        double total = 0;
        for (const auto& f : files) {
            std::optional<maps::MapMetrics> metrics;
            if (compact) {
                auto m = maps::loadCompactMap(f, reg);
                if (!m) {
                    state.SkipWithError(m.error().c_str());
                    return;
                }
                metrics = maps::computeMetrics(m.value(), t).value();
            } else {
                auto m = maps::loadMap(f, reg);
                if (!m) {
                    state.SkipWithError(m.error().c_str());
                    return;
                }
                metrics = maps::computeMetrics(m.value(), t).value();
            }
            for (const auto& s : maps::scalarMetrics(*metrics)) total += s.value.value_or(0);
        }
        benchmark::DoNotOptimize(total);
    }
    std::filesystem::remove_all(dir);
}
// 0: dense maps (read through the fast reader, then the rasters filled); 1: compact maps.
BENCHMARK(BM_Stats500Files)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);
