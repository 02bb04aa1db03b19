// The folder library behind the Store interface: versions, conflicts, raw copies, the watch.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "maps/map_format.h"
#include "maps/store/folder_store.h"
#include "tests/support/test_support.h"

namespace bodymap::store {
namespace {

using test::TempDir;

maps::PainMap visit(const std::string& client, const std::string& time, int intensity) {
    maps::PainMap m = maps::PainMap::blankFor(test::tinyTemplate());
    m.info.clientId = client;
    m.info.clientName = "Jane";
    m.info.visitTime = time;
    for (int x = 2; x < 6; ++x) test::paintCell(m, maps::ViewId::Front, x, 4, intensity);
    return m;
}

TEST(FolderStore, SavesNewVisitsAndListsThemWithFigures) {
    TempDir dir;
    auto opened = openStore(dir.path(), test::tinyRegistry());
    ASSERT_TRUE(opened.store) << opened.error;
    Store& s = *opened.store;
    EXPECT_EQ(s.kind(), StoreKind::Folder);
    auto saved = s.save(visit("jane", "2026-11-24T14:30:00", 7), "", nullptr);
    ASSERT_TRUE(saved.ok()) << saved.message;
    EXPECT_TRUE(s.ownsKey(saved.key));
    auto clients = s.listClients();
    ASSERT_TRUE(clients);
    ASSERT_EQ(clients->clients.size(), 1u);
    EXPECT_EQ(clients->clients[0].id, "jane");
    auto visits = s.listVisits("jane");
    ASSERT_TRUE(visits);
    ASSERT_EQ(visits->visits.size(), 1u);
    const VisitSummary& v = visits->visits[0];
    EXPECT_EQ(v.version, saved.version);
    ASSERT_TRUE(v.figures.known);
    // 4 painted cells of 288 body cells (two 12x12 views): 1.3889 %; burden 4*7/(10*288).
    EXPECT_NEAR(v.figures.extentPct, 100.0 * 4 / 288, 1e-9);
    EXPECT_EQ(v.figures.maxIntensity, 7);
    EXPECT_NEAR(v.figures.burden, 28.0 / 2880, 1e-12);
    ASSERT_EQ(v.figures.regionCoverage.size(), 1u);  // x 2..5 is front-right-chest (x<8): 4 of 72
    EXPECT_EQ(v.figures.regionCoverage[0].first, "front-right-chest");
    EXPECT_NEAR(v.figures.regionCoverage[0].second, 100.0 * 4 / 72, 1e-9);
}

TEST(FolderStore, ListsTheTextASearchLooksIn) {
    TempDir dir;
    auto opened = openStore(dir.path(), test::tinyRegistry());
    ASSERT_TRUE(opened.store) << opened.error;
    maps::PainMap m = visit("jane", "2026-11-24T14:30:00", 7);
    m.info.notes = "calf";
    m.info.session.objective = "trigger point, gastrocnemius";
    m.info.session.techniques = "myofascial release";
    ASSERT_TRUE(opened.store->save(m, "", nullptr).ok());
    auto visits = opened.store->listVisits("jane");
    ASSERT_TRUE(visits);
    ASSERT_EQ(visits->visits.size(), 1u);
    EXPECT_EQ(visits->visits[0].text, "calf\ntrigger point, gastrocnemius\nmyofascial release");
}

TEST(FolderStore, ASaveBasedOnAnOlderVersionIsAConflict) {
    TempDir dir;
    auto opened = openStore(dir.path(), test::tinyRegistry());
    ASSERT_TRUE(opened.store);
    Store& s = *opened.store;
    auto first = s.save(visit("jane", "2026-11-24T14:30:00", 3), "", nullptr);
    ASSERT_TRUE(first.ok());
    auto a = s.load(first.key);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->version, first.version);
    // Two editors based on the same version: the first wins, the second is told.
    auto w1 = s.save(visit("jane", "2026-11-24T14:30:00", 5), first.key, &a->version);
    ASSERT_TRUE(w1.ok()) << w1.message;
    EXPECT_NE(w1.version, first.version);
    auto w2 = s.save(visit("jane", "2026-11-24T14:30:00", 9), first.key, &a->version);
    EXPECT_EQ(w2.status, SaveStatus::Conflict);
    EXPECT_EQ(w2.version, w1.version);
    auto now = s.load(first.key);
    ASSERT_TRUE(now);
    EXPECT_EQ(now->map.intensityAt(maps::ViewId::Front, 2, 4), 5);
    // Overwriting knowingly keeps theirs as .bak.
    auto w3 = s.save(visit("jane", "2026-11-24T14:30:00", 9), first.key, nullptr);
    ASSERT_TRUE(w3.ok());
    EXPECT_TRUE(std::filesystem::exists(first.key + ".bak"));
}

TEST(FolderStore, RawCopiesAreByteForByteAndNeverReplace) {
    TempDir a, b;
    auto from = openStore(a.path(), test::tinyRegistry());
    auto to = openStore(b.path(), test::tinyRegistry());
    ASSERT_TRUE(from.store && to.store);
    auto saved = from.store->save(visit("jane", "2026-11-24T14:30:00", 4), "", nullptr);
    ASSERT_TRUE(saved.ok());
    auto raw = from.store->readRaw(saved.key);
    ASSERT_TRUE(raw) << raw.error();
    EXPECT_EQ(raw->clientId, "jane");
    EXPECT_EQ(raw->name, "2026-11-24T14-30-00");
    auto client = from.store->readRawClient("jane");
    ASSERT_TRUE(client);
    ASSERT_TRUE(to.store->importRawClient(client.value()));
    auto r1 = to.store->importRaw(raw.value());
    ASSERT_TRUE(r1) << r1.error();
    EXPECT_EQ(r1.value(), ImportStatus::Written);
    auto r2 = to.store->importRaw(raw.value());
    ASSERT_TRUE(r2);
    EXPECT_EQ(r2.value(), ImportStatus::AlreadyThere);
    RawVisit other = raw.value();
    other.bytes = maps::serializeMap(visit("jane", "2026-11-24T14:30:00", 8));
    EXPECT_FALSE(to.store->importRaw(other));
    RawVisit escape = raw.value();
    escape.name = "../../x";
    EXPECT_FALSE(to.store->importRaw(escape));
    auto copied = to.store->readRaw(b.path() + "/jane/2026-11-24T14-30-00.json");
    ASSERT_TRUE(copied);
    EXPECT_EQ(copied->bytes, raw->bytes);
    auto copiedClient = to.store->readRawClient("jane");
    ASSERT_TRUE(copiedClient);
    EXPECT_EQ(copiedClient->bytes, client->bytes);
}

TEST(FolderStore, TheWatchSeesAVisitSavedByAnotherWriter) {
    TempDir dir;
    auto opened = openStore(dir.path(), test::tinyRegistry());
    ASSERT_TRUE(opened.store);
    std::string why;
    auto w = opened.store->watch(why);
    ASSERT_TRUE(w) << why;
    EXPECT_GE(w->fd(), 0);
    EXPECT_FALSE(w->changed());
    // Another writer (a second store on the same folder) adds a client and a visit.
    auto other = openStore(dir.path(), test::tinyRegistry());
    ASSERT_TRUE(other.store->save(visit("jane", "2026-11-24T14:30:00", 4), "", nullptr).ok());
    EXPECT_TRUE(w->changed());
    EXPECT_FALSE(w->changed());
    ASSERT_TRUE(other.store->save(visit("jane", "2026-11-25T14:30:00", 4), "", nullptr).ok());
    EXPECT_TRUE(w->changed());  // inside the client folder created after the watch began
}

TEST(StoreLocation, ServerLocationsAreURLsOrKeywordStrings) {
    EXPECT_TRUE(isServerLocation("postgresql://therapist@clinic/bodymap"));
    EXPECT_TRUE(isServerLocation("postgres:///bodymap"));
    EXPECT_TRUE(isServerLocation("service=clinic"));
    EXPECT_TRUE(isServerLocation("host=/tmp dbname=bodymap"));
    EXPECT_FALSE(isServerLocation("/home/u/library"));
    EXPECT_FALSE(isServerLocation("library"));
    EXPECT_FALSE(isServerLocation("./a=b"));
    EXPECT_FALSE(isServerLocation("notes=old"));
}

}  // namespace
}  // namespace bodymap::store
