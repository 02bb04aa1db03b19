// Parsing benchmarks on crafted worst cases up to the 8 MiB map limit (issue 12: any input is
// accepted or rejected in well under a second; the DOM parse with a callback took minutes on
// 1.6 MB of empty objects). maps::parseJsonLimited alone, and maps::parseMap as a file would go.
#include <benchmark/benchmark.h>

#include <string>

#include "maps/json_util.h"
#include "maps/map_format.h"
#include "maps/template_registry.h"
#include "tests/support/test_support.h"

using namespace bodymap;

namespace {

constexpr std::size_t kLimit = maps::kMaxMapFileBytes;

// `open` + repeated `item` (separated by commas) + `close`, just under the 8 MiB limit.
std::string filled(const std::string& open, const std::string& item, const std::string& close) {
    std::string s = open;
    s.reserve(kLimit);
    while (s.size() + item.size() + 1 + close.size() <= kLimit) {
        if (s.size() > open.size()) s += ',';
        s += item;
    }
    return s + close;
}

const std::string& emptyObjectsInArray() {
    static const std::string s = filled("[", "{}", "]");
    return s;
}

const std::string& manyKeysInObject() {
    static const std::string s = [] {
        std::string t = "{";
        t.reserve(kLimit);
        for (std::size_t i = 0;; ++i) {
            const std::string item = "\"k" + std::to_string(i) + "\":{}";
            if (t.size() + item.size() + 2 > kLimit) break;
            if (i > 0) t += ',';
            t += item;
        }
        return t + "}";
    }();
    return s;
}

// Nesting as deep as maps allow (kMaxMapDepth = 8 levels: the outer array and 7 more), repeated.
const std::string& deepAsAllowed() {
    static const std::string s = filled("[", "[[[[[[[0]]]]]]]", "]");
    return s;
}

// 8 MiB of '[': rejected at level 9.
const std::string& tooDeep() {
    static const std::string s(kLimit, '[');
    return s;
}

const std::string& longString() {
    static const std::string s = "[\"" + std::string(kLimit - 4, 'x') + "\"]";
    return s;
}

// The same with one invalid byte at the end: rejected after reading it all.
const std::string& longStringInvalidAtEnd() {
    static const std::string s = "[\"" + std::string(kLimit - 5, 'x') + "\xFF\"]";
    return s;
}

const std::string& integers() {
    static const std::string s = filled("[", "1234567", "]");
    return s;
}

const std::string& floats() {
    static const std::string s = filled("[", "-1.2345e-300", "]");
    return s;
}

// A map document whose front intensity is 8 MiB of one-cell runs: parsed whole, then rejected
// (more runs than cells).
const std::string& mapOfOneCellRuns() {
    static const std::string s = [] {
        std::string head =
            R"({"format":"bodymap","version":1,"template":{"id":"adult-neutral","version":1},)"
            R"("grid":{"width":512,"height":1024},"visit":{"clientId":"c","time":"2026-11-24T14:30:00",)"
            R"("drawnBy":"client"},"views":{"front":{"intensity":[)";
        std::string t = head;
        t.reserve(kLimit);
        const std::string tail = R"(],"qualities":[[0,524288]]},"back":{"intensity":[[0,524288]],"qualities":[[0,524288]]}}})";
        bool first = true;
        while (t.size() + 7 + tail.size() <= kLimit) {
            t += first ? "[1,1]" : ",[1,1]";
            first = false;
        }
        return t + tail;
    }();
    return s;
}

void runParse(benchmark::State& state, const std::string& text, bool expectOk) {
    for (auto _ : state) {
        auto r = maps::parseJsonLimited(text, "bench.json", maps::kMaxMapDepth);
        if (r.ok() != expectOk) state.SkipWithError(r.ok() ? "accepted" : r.error().c_str());
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_ParseEmptyObjectsInArray(benchmark::State& s) { runParse(s, emptyObjectsInArray(), true); }
void BM_ParseManyKeysInObject(benchmark::State& s) { runParse(s, manyKeysInObject(), true); }
void BM_ParseDeepAsAllowed(benchmark::State& s) { runParse(s, deepAsAllowed(), true); }
void BM_ParseTooDeep(benchmark::State& s) { runParse(s, tooDeep(), false); }
void BM_ParseLongString(benchmark::State& s) { runParse(s, longString(), true); }
void BM_ParseLongStringInvalidAtEnd(benchmark::State& s) { runParse(s, longStringInvalidAtEnd(), false); }
void BM_ParseIntegers(benchmark::State& s) { runParse(s, integers(), true); }
void BM_ParseFloats(benchmark::State& s) { runParse(s, floats(), true); }

// Through parseMap, as `bodymap validate` reads a file: parse, then the map checks reject it.
void runParseMap(benchmark::State& state, const std::string& text) {
    static const maps::TemplateRegistry reg = [] {
        maps::TemplateRegistry r;
        r.add(test::defaultTemplate());
        return r;
    }();
    for (auto _ : state) {
        auto r = maps::parseMap(text, "bench.json", reg);
        if (r.ok()) state.SkipWithError("accepted");
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_ParseMapEmptyObjectsInArray(benchmark::State& s) { runParseMap(s, emptyObjectsInArray()); }
void BM_ParseMapManyKeysInObject(benchmark::State& s) { runParseMap(s, manyKeysInObject()); }
void BM_ParseMapOneCellRuns(benchmark::State& s) { runParseMap(s, mapOfOneCellRuns()); }
void BM_ParseMapDeepAsAllowed(benchmark::State& s) { runParseMap(s, deepAsAllowed()); }

}  // namespace

BENCHMARK(BM_ParseEmptyObjectsInArray)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseManyKeysInObject)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseDeepAsAllowed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseTooDeep)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseLongString)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseLongStringInvalidAtEnd)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseIntegers)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseFloats)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMapEmptyObjectsInArray)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMapManyKeysInObject)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMapOneCellRuns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseMapDeepAsAllowed)->Unit(benchmark::kMillisecond);
