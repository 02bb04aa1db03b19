// The clinic server against a real PostgreSQL 15 (scripts/test's throwaway cluster, or one this
// test starts itself with tests/support/pg_server): versions, conflicts, 8 concurrent savers,
// the intake role refused by the server itself, a server killed during saves, the live watch.
#include <gtest/gtest.h>

#include <libpq-fe.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include "maps/map_format.h"
#include "maps/store/postgres_store.h"
#include "tests/support/test_support.h"

namespace bodymap::store {
namespace {

const std::string kPgServer = std::string(BODYMAP_TEST_DATA) + "/../support/pg_server";

std::string shell(const std::string& cmd) {
    std::string out;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
    return out;
}

// A cluster of our own: "export BODYMAP_TEST_PG='...'" lines from pg_server start.
struct OwnCluster {
    std::string admin, dir;
    OwnCluster() {
        const std::string lines = shell(kPgServer + " start");
        auto value = [&](const std::string& name) {
            const auto at = lines.find(name + "='");
            if (at == std::string::npos) return std::string();
            const auto from = at + name.size() + 2;
            return lines.substr(from, lines.find('\'', from) - from);
        };
        admin = value("BODYMAP_TEST_PG");
        dir = value("BODYMAP_TEST_PG_DIR");
    }
    ~OwnCluster() {
        if (!dir.empty()) (void)std::system((kPgServer + " stop " + dir).c_str());
    }
};

// The server of scripts/test, else one started for this process.
const std::string& adminConnection() {
    static std::unique_ptr<OwnCluster> own;
    static const std::string admin = [] {
        const char* env = std::getenv("BODYMAP_TEST_PG");
        if (env && *env) return std::string(env);
        own = std::make_unique<OwnCluster>();
        return own->admin;
    }();
    return admin;
}

bool adminExec(const std::string& admin, const std::string& sql) {
    PGconn* c = PQconnectdb(admin.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) ADD_FAILURE() << sql << ": " << PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    return ok;
}

std::string withDb(const std::string& admin, const std::string& db) {
    std::string s = admin;
    s.replace(s.find("dbname=postgres"), 15, "dbname=" + db);
    return s;
}

// A fresh database with the schema and roles, dropped at the end.
class ServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        admin = adminConnection();
        ASSERT_FALSE(admin.empty()) << "no PostgreSQL server for the tests";
        static int n = 0;
        db = "bm_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
        ASSERT_TRUE(adminExec(admin, "CREATE DATABASE " + db));
        url = withDb(admin, db);
        auto init = initServer(url);
        ASSERT_TRUE(init) << init.error();
        EXPECT_EQ(init->toVersion, 1);
    }
    void TearDown() override {
        if (!db.empty()) adminExec(admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
    }
    std::unique_ptr<Store> open() {
        auto o = openStore(url, test::tinyRegistry());
        EXPECT_TRUE(o.store) << o.error;
        return std::move(o.store);
    }
    std::string admin, db, url;
};

maps::PainMap visit(const std::string& client, int intensity) {
    maps::PainMap m = maps::PainMap::blankFor(test::tinyTemplate());
    m.info.clientId = client;
    m.info.clientName = "Jane";
    m.info.visitTime = "2026-11-24T14:30:00";
    for (int x = 2; x < 6; ++x) test::paintCell(m, maps::ViewId::Front, x, 4, intensity);
    return m;
}

TEST_F(ServerTest, SavesVersionsListsFiguresAndReportsConflicts) {
    auto s = open();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->kind(), StoreKind::Server);
    EXPECT_FALSE(s->addOnly());
    EXPECT_EQ(s->location().find("password"), std::string::npos);
    auto first = s->save(visit("jane", 3), "", nullptr);
    ASSERT_TRUE(first.ok()) << first.message;
    EXPECT_TRUE(s->ownsKey(first.key));
    EXPECT_EQ(first.version.token, "1");
    auto again = s->save(visit("jane", 4), "", nullptr);  // same time: the next free name
    ASSERT_TRUE(again.ok());
    auto visits = s->listVisits("jane");
    ASSERT_TRUE(visits) << visits.error();
    ASSERT_EQ(visits->visits.size(), 2u);
    std::set<std::string> names{visits->visits[0].name, visits->visits[1].name};
    EXPECT_EQ(names, (std::set<std::string>{"2026-11-24T14-30-00", "2026-11-24T14-30-00-2"}));
    const VisitSummary& v = visits->visits[0].key == first.key ? visits->visits[0] : visits->visits[1];
    ASSERT_TRUE(v.figures.known);
    // 4 painted cells of 288 body cells; burden 4 x 3 / (10 x 288); max 3.
    EXPECT_NEAR(v.figures.extentPct, 100.0 * 4 / 288, 1e-9);
    EXPECT_NEAR(v.figures.burden, 12.0 / 2880, 1e-12);
    EXPECT_EQ(v.figures.maxIntensity, 3);

    auto a = s->load(first.key);
    ASSERT_TRUE(a) << a.error();
    auto w1 = s->save(visit("jane", 5), first.key, &a->version);
    ASSERT_TRUE(w1.ok()) << w1.message;
    EXPECT_EQ(w1.version.token, "2");
    auto w2 = s->save(visit("jane", 9), first.key, &a->version);  // based on version 1: refused
    EXPECT_EQ(w2.status, SaveStatus::Conflict);
    EXPECT_EQ(w2.version.token, "2");
    auto now = s->load(first.key);
    ASSERT_TRUE(now);
    EXPECT_EQ(now->map.intensityAt(maps::ViewId::Front, 2, 4), 5);
    auto w3 = s->save(visit("jane", 9), first.key, nullptr);  // overwrite knowingly
    ASSERT_TRUE(w3.ok());
    auto kept = serverVersions(*s, first.key);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept.value(), (std::vector<int>{1, 2, 3}));  // nothing lost
    // The summary view a researcher queries needs no map decoding.
    auto clients = s->listClients();
    ASSERT_TRUE(clients);
    ASSERT_EQ(clients->clients.size(), 1u);
    EXPECT_EQ(clients->clients[0].visitCount, 2);
    // A second init is a no-op.
    auto init = initServer(url);
    ASSERT_TRUE(init);
    EXPECT_EQ(init->fromVersion, 1);
    EXPECT_TRUE(init->rolesCreated.empty());
}

TEST_F(ServerTest, ListsTheTextASearchLooksInAsTheFolderDoes) {
    auto s = open();
    ASSERT_TRUE(s);
    maps::PainMap m = visit("jane", 3);
    m.info.notes = "calf";
    m.info.session.subjective = "worse after running";
    m.info.session.plan = "weekly";
    m.info.session.areas = "right calf";
    m.info.session.minutes = 45;
    ASSERT_TRUE(s->save(m, "", nullptr).ok());
    ASSERT_TRUE(s->save(visit("jane", 4), "", nullptr).ok());  // nothing to search
    auto visits = s->listVisits("jane");
    ASSERT_TRUE(visits) << visits.error();
    ASSERT_EQ(visits->visits.size(), 2u);
    std::set<std::string> texts{visits->visits[0].text, visits->visits[1].text};
    EXPECT_EQ(texts, (std::set<std::string>{"", maps::searchableText(m.info)}));
    EXPECT_EQ(maps::searchableText(m.info), "calf\nworse after running\nweekly\nright calf");
}

TEST_F(ServerTest, EightProcessesSavingOneVisitLoseNothing) {
    std::string key;
    {
        auto s = open();
        auto first = s->save(visit("jane", 1), "", nullptr);
        ASSERT_TRUE(first.ok());
        key = first.key;
    }
    constexpr int kProcs = 8, kSaves = 25;
    std::vector<pid_t> kids;
    const std::string dir = ::testing::TempDir();
    for (int p = 0; p < kProcs; ++p) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            auto o = openStore(url, test::tinyRegistry());
            int conflicts = 0;
            std::string versions;
            for (int i = 0; o.store && i < kSaves;) {
                auto v = o.store->load(key);
                if (!v) ::_exit(3);
                v->map.info.notes = "p" + std::to_string(p) + " s" + std::to_string(i);
                auto out = o.store->save(v->map, key, &v->version);
                if (out.status == SaveStatus::Conflict) {
                    ++conflicts;
                    continue;
                }
                if (!out.ok()) ::_exit(4);
                versions += out.version.token + " ";
                ++i;
            }
            std::ofstream(dir + "/saver" + std::to_string(::getppid()) + "_" + std::to_string(p))
                << conflicts << "\n" << versions << "\n";
            ::_exit(o.store ? 0 : 2);
        }
        kids.push_back(pid);
    }
    for (pid_t k : kids) {
        int status = 0;
        ::waitpid(k, &status, 0);
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a saver failed: " << status;
    }
    std::set<int> won;
    int conflicts = 0;
    for (int p = 0; p < kProcs; ++p) {
        std::ifstream in(dir + "/saver" + std::to_string(::getpid()) + "_" + std::to_string(p));
        int c = 0;
        in >> c;
        conflicts += c;
        int v = 0;
        while (in >> v) EXPECT_TRUE(won.insert(v).second) << "version " << v << " given twice";
    }
    EXPECT_EQ(won.size(), static_cast<std::size_t>(kProcs * kSaves));
    auto s = open();
    auto kept = serverVersions(*s, key);
    ASSERT_TRUE(kept);
    ASSERT_EQ(kept->size(), static_cast<std::size_t>(kProcs * kSaves + 1));  // no gap, nothing lost
    for (std::size_t i = 0; i < kept->size(); ++i) EXPECT_EQ(kept.value()[i], static_cast<int>(i + 1));
    // Every success is a version 2..201, and every retry was a reported conflict.
    EXPECT_EQ(*won.begin(), 2);
    EXPECT_EQ(*won.rbegin(), kProcs * kSaves + 1);
    EXPECT_GT(conflicts, 0);
    std::printf("8 savers: %d saves, %d conflicts reported\n", kProcs * kSaves, conflicts);
}

// What a psql session of the intake role may do, tried straight against the server.
TEST_F(ServerTest, TheIntakeRoleAddsVisitsAndReadsNothing) {
    {
        auto s = open();
        ASSERT_TRUE(s->save(visit("jane", 6), "", nullptr).ok());
        ASSERT_TRUE(s->createClient("other", "Other Client").ok());
    }
    const std::string role = db + "_tablet";
    ASSERT_TRUE(adminExec(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'tablet-secret-1'; GRANT " + db + "_intake TO " + role));
    const std::string passfile = ::testing::TempDir() + "/pgpass_" + db;
    {
        std::ofstream pf(passfile);
        pf << "*:*:*:" << role << ":tablet-secret-1\n";
    }
    ASSERT_EQ(::chmod(passfile.c_str(), 0600), 0);
    std::string tablet = url;
    tablet.replace(tablet.find("user=postgres"), 13, "user=" + role + " passfile=" + passfile);

    PGconn* c = PQconnectdb(tablet.c_str());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    auto refused = [&](const std::string& sql) {
        PGresult* r = PQexec(c, sql.c_str());
        const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        const std::string code = state ? state : "";
        PQclear(r);
        return code == "42501";  // insufficient_privilege
    };
    EXPECT_TRUE(refused("SELECT * FROM bodymap.clients"));
    EXPECT_TRUE(refused("SELECT * FROM bodymap.visits"));
    EXPECT_TRUE(refused("SELECT map FROM bodymap.visit_versions"));
    EXPECT_TRUE(refused("SELECT * FROM bodymap.visit_summary"));
    EXPECT_TRUE(refused("UPDATE bodymap.clients SET display_name = 'x'"));
    EXPECT_TRUE(refused("DELETE FROM bodymap.visit_versions"));
    EXPECT_TRUE(refused("INSERT INTO bodymap.clients (id, display_name) VALUES ('new', 'New')"));
    EXPECT_TRUE(refused("CREATE TABLE public.leak (x text)"));
    PQfinish(c);

    auto o = openStore(tablet, test::tinyRegistry());
    ASSERT_TRUE(o.store) << o.error;
    Store& t = *o.store;
    EXPECT_TRUE(t.addOnly());
    EXPECT_FALSE(t.listClients());
    EXPECT_FALSE(t.listVisits("jane"));
    auto name = t.findClient("jane");
    ASSERT_TRUE(name) << name.error();
    EXPECT_EQ(name->displayName, "Jane");
    EXPECT_EQ(name->visitCount, 0);  // nothing else about the client
    auto added = t.save(visit("jane", 8), "", nullptr);
    ASSERT_TRUE(added.ok()) << added.message;
    EXPECT_FALSE(t.load(added.key));                // cannot read back even its own intake
    EXPECT_FALSE(t.save(visit("nobody", 8), "", nullptr).ok());  // only clients it is handed
    auto therapist = open();
    auto visits = therapist->listVisits("jane");
    ASSERT_TRUE(visits);
    EXPECT_EQ(visits->visits.size(), 2u);
}

TEST_F(ServerTest, AWatchSeesASaveFromAnotherConnectionWithinASecond) {
    auto s = open();
    auto writer = open();
    std::string why;
    auto w = s->watch(why);
    ASSERT_TRUE(w) << why;
    EXPECT_FALSE(w->changed());
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(writer->save(visit("jane", 2), "", nullptr).ok());
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1)) {
        pollfd p{w->fd(), POLLIN, 0};
        ::poll(&p, 1, 100);
        seen = w->changed();
    }
    EXPECT_TRUE(seen);
    EXPECT_TRUE(w->error().empty());
}

TEST_F(ServerTest, APasswordRoleWithoutAPasswordAsksForOne) {
    const std::string role = db + "_anna";
    ASSERT_TRUE(adminExec(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'anna-secret-2'; GRANT " + db + "_therapist TO " + role));
    std::string as = url;
    as.replace(as.find("user=postgres"), 13, "user=" + role + " passfile=/nonexistent");
    auto o = openStore(as, test::tinyRegistry());
    EXPECT_FALSE(o.store);
    EXPECT_TRUE(o.needsPassword);
    OpenOptions withPw;
    withPw.password = "anna-secret-2";
    auto ok = openStore(as, test::tinyRegistry(), withPw);
    ASSERT_TRUE(ok.store) << ok.error;
    EXPECT_FALSE(ok.store->addOnly());
    EXPECT_EQ(ok.error.find("anna-secret-2"), std::string::npos);
    withPw.password = "wrong";
    auto bad = openStore(as, test::tinyRegistry(), withPw);
    EXPECT_FALSE(bad.store);
    EXPECT_EQ(bad.error.find("wrong"), std::string::npos) << bad.error;
}

// A server killed (SIGKILL, every process) while a client saves in a loop: after the restart
// every version is whole (its checksum matches, it parses) and every visit has its current one.
TEST(ServerCrash, KillingTheServerDuringSavesLeavesNoPartialVisit) {
    OwnCluster cluster;
    ASSERT_FALSE(cluster.admin.empty());
    ASSERT_TRUE(adminExec(cluster.admin, "CREATE DATABASE crash"));
    const std::string url = withDb(cluster.admin, "crash");
    ASSERT_TRUE(initServer(url));
    const pid_t saver = ::fork();
    ASSERT_GE(saver, 0);
    if (saver == 0) {
        // New visits and new versions of them in turn, so that the kill can hit either.
        auto o = openStore(url, test::tinyRegistry());
        std::string key;
        Version version;
        for (int i = 0; o.store; ++i) {
            const bool newVisit = key.empty() || i % 2 == 0;
            auto out = o.store->save(visit("c" + std::to_string(i % 5), 1 + i % 10), newVisit ? "" : key,
                                     newVisit ? nullptr : &version);
            if (out.status == SaveStatus::Disconnected) ::_exit(0);  // said so: nothing saved
            if (!out.ok()) ::_exit(5);
            key = out.key;
            version = out.version;
        }
        ::_exit(6);
    }
    ::usleep(1500 * 1000);
    ASSERT_EQ(std::system((kPgServer + " kill " + cluster.dir).c_str()), 0);
    int status = 0;
    ::waitpid(saver, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the saver did not report the lost server: " << status;
    ASSERT_EQ(std::system((kPgServer + " start-again " + cluster.dir + " 2>/dev/null").c_str()), 0);
    PGconn* c = PQconnectdb(url.c_str());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK);
    PGresult* r = PQexec(c, "SELECT count(*), count(*) FILTER (WHERE md5(map) <> checksum) FROM bodymap.visit_versions");
    ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK);
    const int rows = std::atoi(PQgetvalue(r, 0, 0));
    EXPECT_GT(rows, 5);
    EXPECT_EQ(std::atoi(PQgetvalue(r, 0, 1)), 0);
    PQclear(r);
    r = PQexec(c, "SELECT count(*) FROM bodymap.visits v WHERE NOT EXISTS (SELECT 1 FROM bodymap.visit_versions x "
                  "WHERE x.visit_id = v.id AND x.version = v.current_version)");
    EXPECT_EQ(std::atoi(PQgetvalue(r, 0, 0)), 0);
    PQclear(r);
    r = PQexec(c, "SELECT map FROM bodymap.visit_versions");
    int parsed = 0;
    for (int i = 0; i < PQntuples(r); ++i) parsed += maps::parseMap(PQgetvalue(r, i, 0), "row", test::tinyRegistry()).ok();
    EXPECT_EQ(parsed, rows);
    PQclear(r);
    PQfinish(c);
    std::printf("killed during saves: %d whole versions after the restart\n", rows);
}

}  // namespace
}  // namespace bodymap::store
