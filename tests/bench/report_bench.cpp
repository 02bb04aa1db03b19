// Report benchmark: the two-page referral report of the demo client (the last visit with the
// four earlier ones) rendered to PDF bytes in memory, maps already loaded. Target (issue): a
// two-page report in under 300 ms. Also page 1 alone, and the PNG chart with its legend.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <stdexcept>

#include "maps/map_format.h"
#include "render/chart.h"
#include "render/report.h"
#include "tests/support/test_support.h"

using namespace bodymap;

namespace {

struct Demo {
    maps::TemplateRegistry registry;
    std::vector<maps::PainMap> visits;  // in time order
};

const Demo& demo() {
    static const Demo d = [] {
        Demo x;
        auto reg = maps::TemplateRegistry::loadFolder(test::assetsPath("templates"));
        if (!reg) throw std::runtime_error(reg.error());
        x.registry = std::move(reg.value());
        std::vector<std::string> files;
        for (const auto& e : std::filesystem::directory_iterator(test::assetsPath("examples/demo-anna"))) {
            if (e.path().filename().string()[0] == '2') files.push_back(e.path().string());
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            auto m = maps::loadMap(f, x.registry);
            if (!m) throw std::runtime_error(m.error());
            x.visits.push_back(std::move(m.value()));
        }
        return x;
    }();
    return d;
}

render::ReportInput input(bool withPrevious) {
    const Demo& d = demo();
    render::ReportInput in;
    in.tmpl = d.registry.find(d.visits.back().templateId()).get();
    in.current = &d.visits.back();
    if (withPrevious) {
        for (std::size_t i = 0; i + 1 < d.visits.size(); ++i) in.previous.push_back(&d.visits[i]);
    }
    in.referralTo = "Dr. Hélène Müller";
    in.printedDate = "2026-11-16";
    in.appVersion = "bench";
    return in;
}

void BM_ReportTwoPages(benchmark::State& state) {
    const render::ReportInput in = input(true);
    for (auto _ : state) {
        auto pdf = render::renderReportPdf(in);
        if (!pdf) state.SkipWithError(pdf.error().c_str());
        benchmark::DoNotOptimize(pdf);
    }
}
BENCHMARK(BM_ReportTwoPages)->Unit(benchmark::kMillisecond);

void BM_ReportOnePage(benchmark::State& state) {
    const render::ReportInput in = input(false);
    for (auto _ : state) {
        auto pdf = render::renderReportPdf(in);
        benchmark::DoNotOptimize(pdf);
    }
}
BENCHMARK(BM_ReportOnePage)->Unit(benchmark::kMillisecond);

void BM_RenderPngWithLegend(benchmark::State& state) {
    const render::ReportInput in = input(false);
    render::ChartOptions o;
    o.map = in.current;
    o.legend = true;
    for (auto _ : state) {
        auto img = render::renderChart(*in.tmpl, render::ViewSelection::Both, 1200, o);
        benchmark::DoNotOptimize(img);
    }
}
BENCHMARK(BM_RenderPngWithLegend)->Unit(benchmark::kMillisecond);

}  // namespace
