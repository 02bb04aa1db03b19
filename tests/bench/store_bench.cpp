// The store, folder library beside clinic server, for the same work (issue 15's budget; figures
// in BUDGET.md): list 10,000 visits of 1,000 clients (the client list, then every client's
// visits with their figures), open a visit, save a new version of it, and the live arrival
// delay (a save by another connection until the watcher's changed() says so). The server
// benchmarks need BODYMAP_TEST_PG (scripts/test's throwaway server, or:
//   eval "$(tests/support/pg_server start)"; build/tests/bench/bodymap_bench --benchmark_filter=Store).
#include <benchmark/benchmark.h>

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "maps/map_format.h"
#include "maps/store/folder_store.h"
#include "maps/store/postgres_store.h"
#include "tests/support/test_support.h"

using namespace bodymap;

namespace {

constexpr int kClients = 1000;
constexpr int kVisitsPerClient = 10;

const maps::TemplateRegistry& registry() { return test::defaultRegistry(); }

// The 5 example visits as raw bytes, given to every client (the client id inside rewritten).
std::vector<std::string> exampleBytes() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(test::assetsPath("examples/demo-anna"))) {
        if (e.path().filename() == "client.json") continue;
        auto map = maps::loadMap(e.path().string(), registry());
        if (map) out.push_back(maps::serializeMap(map.value()));
    }
    return out;
}

// Fills `s` with kClients x kVisitsPerClient visits (once per store).
void fill(store::Store& s) {
    const auto examples = exampleBytes();
    for (int c = 0; c < kClients; ++c) {
        const std::string id = "client-" + std::to_string(c);
        (void)s.importRawClient({id, "Client " + std::to_string(c), {}});
        for (int v = 0; v < kVisitsPerClient; ++v) {
            auto map = maps::parseMap(examples[static_cast<std::size_t>(v) % examples.size()], "example", registry());
            if (!map) continue;
            map->info.clientId = id;
            map->info.clientName = "Client " + std::to_string(c);
            char stamp[32];
            std::snprintf(stamp, sizeof stamp, "2026-%02d-%02dT10:00:00", 1 + v % 12, 1 + v);
            map->info.visitTime = stamp;
            (void)s.importRaw({id, maps::visitFileStem(stamp), maps::serializeMap(map.value())});
        }
    }
}

struct Stores {
    std::string folderRoot;
    std::unique_ptr<store::Store> folder, server, serverWriter;
    std::string serverError;
};

Stores& stores() {
    static Stores s = [] {
        Stores st;
        st.folderRoot = (std::filesystem::temp_directory_path() / ("bodymap-bench-" + std::to_string(::getpid()))).string();
        st.folder = store::openStore(st.folderRoot, registry()).store;
        fill(*st.folder);
        std::atexit([] { std::filesystem::remove_all(stores().folderRoot); });
        const char* pg = std::getenv("BODYMAP_TEST_PG");
        if (!pg || !*pg) {
            st.serverError = "BODYMAP_TEST_PG not set: start tests/support/pg_server";
            return st;
        }
        const std::string admin = pg;
        const std::string db = "bm_bench_" + std::to_string(::getpid());
        if (std::system(("psql \"" + admin + "\" -qAtc 'create database " + db + "' >/dev/null").c_str()) != 0) {
            st.serverError = "cannot create the benchmark database";
            return st;
        }
        std::string url = admin;
        url.replace(url.find("dbname=postgres"), 15, "dbname=" + db);
        if (auto init = store::initServer(url); !init) {
            st.serverError = init.error();
            return st;
        }
        auto opened = store::openStore(url, registry());
        if (!opened.store) {
            st.serverError = opened.error;
            return st;
        }
        st.server = std::move(opened.store);
        st.serverWriter = store::openStore(url, registry()).store;
        fill(*st.server);
        return st;
    }();
    return s;
}

store::Store* pick(benchmark::State& state, bool server) {
    Stores& s = stores();
    if (!server) return s.folder.get();
    if (!s.server) state.SkipWithError(s.serverError.c_str());
    return s.server.get();
}

void listAll(benchmark::State& state, bool server) {
    store::Store* s = pick(state, server);
    if (!s) return;
    for (auto _ : state) {
        auto clients = s->listClients();
        std::size_t visits = 0;
        for (const auto& c : clients->clients) visits += s->listVisits(c.id)->visits.size();
        if (visits != kClients * kVisitsPerClient) state.SkipWithError("wrong visit count");
        benchmark::DoNotOptimize(visits);
    }
}

void openVisit(benchmark::State& state, bool server) {
    store::Store* s = pick(state, server);
    if (!s) return;
    const std::string key = s->listVisits("client-7")->visits.front().key;
    for (auto _ : state) {
        auto v = s->load(key);
        if (!v) state.SkipWithError(v.error().c_str());
        benchmark::DoNotOptimize(v);
    }
}

void saveVisit(benchmark::State& state, bool server) {
    store::Store* s = pick(state, server);
    if (!s) return;
    const std::string key = s->listVisits("client-9")->visits.front().key;
    auto v = s->load(key);
    store::Version version = v->version;
    int n = 0;
    for (auto _ : state) {
        v->map.info.notes = "save " + std::to_string(++n);  // a real change every time
        auto out = s->save(v->map, key, &version);
        if (!out.ok()) state.SkipWithError(out.message.c_str());
        version = out.version;
    }
}

// From a save by another writer to the watcher's changed(): the time a therapist waits to see
// the intake's Done.
void arrival(benchmark::State& state, bool server) {
    store::Store* s = pick(state, server);
    if (!s) return;
    store::Store* writer = server ? stores().serverWriter.get() : stores().folder.get();
    std::string why;
    auto w = s->watch(why);
    if (!w) {
        state.SkipWithError(why.c_str());
        return;
    }
    auto v = writer->load(writer->listVisits("client-11")->visits.front().key);
    int n = 0;
    for (auto _ : state) {
        while (w->changed()) {
        }
        v->map.info.notes = "arrival " + std::to_string(++n);
        const auto t0 = std::chrono::steady_clock::now();
        auto out = writer->save(v->map, v->key, nullptr);
        if (!out.ok()) state.SkipWithError(out.message.c_str());
        bool seen = false;
        while (!seen) {
            pollfd p{w->fd(), POLLIN, 0};
            ::poll(&p, 1, 1000);
            seen = w->changed();
            if (!seen && std::chrono::steady_clock::now() - t0 > std::chrono::seconds(5)) {
                state.SkipWithError("no change seen in 5 s");
                break;
            }
        }
        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
}

void BM_StoreListAllFolder(benchmark::State& st) { listAll(st, false); }
void BM_StoreListAllServer(benchmark::State& st) { listAll(st, true); }
void BM_StoreOpenFolder(benchmark::State& st) { openVisit(st, false); }
void BM_StoreOpenServer(benchmark::State& st) { openVisit(st, true); }
void BM_StoreSaveFolder(benchmark::State& st) { saveVisit(st, false); }
void BM_StoreSaveServer(benchmark::State& st) { saveVisit(st, true); }
void BM_StoreArrivalFolder(benchmark::State& st) { arrival(st, false); }
void BM_StoreArrivalServer(benchmark::State& st) { arrival(st, true); }

}  // namespace

BENCHMARK(BM_StoreListAllFolder)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StoreListAllServer)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_StoreOpenFolder)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreOpenServer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreSaveFolder)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreSaveServer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StoreArrivalFolder)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(50);
BENCHMARK(BM_StoreArrivalServer)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(50);
