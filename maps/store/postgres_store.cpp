// The clinic's PostgreSQL server behind the Store interface (see postgres_store.h).
#include "maps/store/postgres_store.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>

#include "maps/atomic_file.h"
#include "maps/client_library.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/map_format.h"
#include "maps/store/schema.h"

namespace bodymap::store {

namespace {

struct ResultFree {
    void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultFree>;
struct ConnFree {
    void operator()(PGconn* c) const { PQfinish(c); }
};
using PgConn = std::unique_ptr<PGconn, ConnFree>;

// libpq's message on one line: "...failed: FATAL:  password ..." has newlines and double spaces.
std::string trimmed(const char* s) {
    std::string m;
    for (const char* p = s ? s : ""; *p; ++p) {
        const char c = (*p == '\n' || *p == '\t') ? ' ' : *p;
        if (c == ' ' && (m.empty() || m.back() == ' ')) continue;
        m.push_back(c);
    }
    while (!m.empty() && m.back() == ' ') m.pop_back();
    return m;
}

// Time limits for a server that has gone silent (a host that is off, a network that drops
// packets): libpq's defaults wait forever to connect and the kernel's some fifteen minutes for
// an answer. They come before `dbname` in the arrays below, so that the location's own values
// (and PGCONNECT_TIMEOUT, which libpq reads only for keywords not given) win.
struct TimeLimits {
    std::vector<const char*> keys, values;
    TimeLimits() {
        if (!std::getenv("PGCONNECT_TIMEOUT")) add("connect_timeout", "5");  // seconds, per address
        add("tcp_user_timeout", "10000");   // ms a sent request may stay unanswered (TCP only)
        add("keepalives_idle", "15");       // so that the idle watch connection notices a dead
        add("keepalives_interval", "5");    // host within half a minute
        add("keepalives_count", "3");
    }
    void add(const char* k, const char* v) { keys.push_back(k); values.push_back(v); }
};

// Connects without ever putting a password in a message.
PgConn connect(const std::string& location, const std::string& password) {
    TimeLimits p;
    p.add("dbname", location.c_str());
    if (!password.empty()) p.add("password", password.c_str());
    p.add(nullptr, nullptr);
    return PgConn(PQconnectdbParams(p.keys.data(), p.values.data(), 1));
}

std::string describe(PGconn* c) {
    std::string host = PQhost(c) ? PQhost(c) : "";
    return "postgresql://" + std::string(PQuser(c) ? PQuser(c) : "") + "@" + host + ":" +
           std::string(PQport(c) ? PQport(c) : "") + "/" + std::string(PQdb(c) ? PQdb(c) : "");
}

}  // namespace

bool serverAnswers(const std::string& location) {
    TimeLimits p;
    p.add("dbname", location.c_str());
    p.add(nullptr, nullptr);
    return PQpingParams(p.keys.data(), p.values.data(), 1) == PQPING_OK;
}

std::string redactedLocation(const std::string& location) {
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(location.c_str(), &err);
    if (!opts) {
        if (err) PQfreemem(err);
        return "postgresql://(unreadable location)";
    }
    std::string user, host, port, db, service;
    for (PQconninfoOption* o = opts; o->keyword; ++o) {
        if (!o->val) continue;
        const std::string k = o->keyword;
        if (k == "user") user = o->val;
        else if (k == "host") host = o->val;
        else if (k == "port") port = o->val;
        else if (k == "dbname") db = o->val;
        else if (k == "service") service = o->val;
    }
    PQconninfoFree(opts);
    if (!service.empty() && host.empty() && db.empty()) return "service=" + maps::printableForMessage(service, 80);
    return maps::printableForMessage("postgresql://" + (user.empty() ? "" : user + "@") + host + (port.empty() ? "" : ":" + port) +
                                         "/" + db, 200);
}

std::string serverLocalFolder(const std::string& location) {
    std::string name = redactedLocation(location);
    const std::string scheme = "postgresql://";
    if (name.rfind(scheme, 0) == 0) name = name.substr(scheme.size());
    return maps::defaultLibraryRoot() + "/.servers/" + maps::safeName(name);
}

namespace {

const char* drawnByText(maps::DrawnBy d) { return d == maps::DrawnBy::Therapist ? "therapist" : "client"; }
maps::DrawnBy drawnByOf(const std::string& s) { return s == "therapist" ? maps::DrawnBy::Therapist : maps::DrawnBy::Client; }

std::string keyOf(const std::string& id) { return "visit:" + id; }
// The visit id of a key, empty when it is not one of ours.
std::string idOf(const std::string& key) {
    if (key.rfind("visit:", 0) != 0 || key.size() == 6 || key.size() > 26) return {};
    for (std::size_t i = 6; i < key.size(); ++i) {
        if (key[i] < '0' || key[i] > '9') return {};
    }
    return key.substr(6);
}

class PgWatch final : public Watch {
public:
    explicit PgWatch(PgConn conn) : m_conn(std::move(conn)) {}
    int fd() const override { return m_conn ? PQsocket(m_conn.get()) : -1; }
    std::string error() const override { return m_error; }
    bool changed() override {
        if (!m_conn || !m_error.empty()) return false;
        if (PQconsumeInput(m_conn.get()) == 0 || PQstatus(m_conn.get()) != CONNECTION_OK) {
            m_error = trimmed(PQerrorMessage(m_conn.get()));
            return true;  // lists may be out of date: the caller re-reads and hears of the error
        }
        bool any = false;
        while (PGnotify* n = PQnotifies(m_conn.get())) {
            any = true;
            PQfreemem(n);
        }
        return any;
    }

private:
    PgConn m_conn;
    std::string m_error;
};

class PostgresStore final : public Store {
public:
    PostgresStore(std::string location, std::string password, PgConn conn, const maps::TemplateRegistry& templates)
        : m_location(std::move(location)), m_password(std::move(password)), m_conn(std::move(conn)),
          m_templates(templates) {
        m_described = describe(m_conn.get());
        m_roles = rolesFor(PQdb(m_conn.get()));
        m_local = serverLocalFolder(m_location);
        auto r = exec("SELECT pg_has_role(current_user, $1, 'MEMBER'), pg_has_role(current_user, $2, 'MEMBER')",
                      {m_roles.intake, m_roles.therapist});
        if (r && PQntuples(r.get()) == 1) {
            m_addOnly = PQgetvalue(r.get(), 0, 0)[0] == 't' && PQgetvalue(r.get(), 0, 1)[0] != 't';
        }
    }

    StoreKind kind() const override { return StoreKind::Server; }
    std::string location() const override { return m_described; }
    std::string localFolder() const override { return m_local; }
    bool addOnly() const override { return m_addOnly; }

    Result<ClientList> listClients() override {
        if (m_addOnly) return Error{addOnlyMessage()};
        auto r = exec("SELECT c.id, c.display_name, count(v.id), coalesce(max(v.visit_time), '') "
                      "FROM bodymap.clients c LEFT JOIN bodymap.visits v ON v.client_id = c.id "
                      "GROUP BY c.id ORDER BY lower(c.display_name), c.id", {});
        if (!r) return Error{m_lastError};
        ClientList out;
        for (int i = 0; i < PQntuples(r.get()); ++i) {
            out.clients.push_back({PQgetvalue(r.get(), i, 0), PQgetvalue(r.get(), i, 1),
                                   std::atoi(PQgetvalue(r.get(), i, 2)), PQgetvalue(r.get(), i, 3)});
        }
        return out;
    }

    Result<VisitList> listVisits(const std::string& clientId) override {
        if (m_addOnly) return Error{addOnlyMessage()};
        auto r = exec("SELECT s.visit_id, s.name, s.visit_time, s.current_version, s.drawn_by, s.therapist, s.client_name, "
                      "s.extent_pct, s.max_intensity, s.burden, s.wpi, s.generalized_pain, s.generalized, "
                      "coalesce(s.region_coverage::text, '{}'), "
                      // maps::searchableText, from the current version's map
                      "(SELECT concat_ws(E'\\n', nullif(m->'visit'->>'notes', ''), "
                      "nullif(m->'session'->>'subjective', ''), nullif(m->'session'->>'objective', ''), "
                      "nullif(m->'session'->>'assessment', ''), nullif(m->'session'->>'plan', ''), "
                      "nullif(m->'session'->'treatment'->>'techniques', ''), "
                      "nullif(m->'session'->'treatment'->>'areas', '')) "
                      " FROM (SELECT vv.map::json AS m FROM bodymap.visit_versions vv "
                      "       WHERE vv.visit_id = s.visit_id AND vv.version = s.current_version) x) "
                      "FROM bodymap.visit_summary s WHERE s.client_id = $1 "
                      "ORDER BY s.visit_time DESC, s.visit_id DESC", {clientId});
        if (!r) return Error{m_lastError};
        VisitList out;
        for (int i = 0; i < PQntuples(r.get()); ++i) {
            VisitSummary v;
            v.key = keyOf(PQgetvalue(r.get(), i, 0));
            v.clientId = clientId;
            v.name = PQgetvalue(r.get(), i, 1);
            v.visitTime = PQgetvalue(r.get(), i, 2);
            v.version = {PQgetvalue(r.get(), i, 3)};
            v.versionCount = std::atoi(PQgetvalue(r.get(), i, 3));
            v.drawnBy = drawnByOf(PQgetvalue(r.get(), i, 4));
            v.therapist = PQgetvalue(r.get(), i, 5);
            v.clientName = PQgetvalue(r.get(), i, 6);
            if (!PQgetisnull(r.get(), i, 7)) {
                v.figures.known = true;
                v.figures.extentPct = std::atof(PQgetvalue(r.get(), i, 7));
                v.figures.maxIntensity = std::atoi(PQgetvalue(r.get(), i, 8));
                v.figures.burden = std::atof(PQgetvalue(r.get(), i, 9));
                v.figures.wpi = std::atoi(PQgetvalue(r.get(), i, 10));
                v.figures.generalizedPain = std::atoi(PQgetvalue(r.get(), i, 11));
                v.figures.generalized = PQgetvalue(r.get(), i, 12)[0] == 't';
            }
            v.text = PQgetvalue(r.get(), i, 14);
            out.visits.push_back(std::move(v));
        }
        return out;
    }

    Result<ClientInfo> findClient(const std::string& clientId) override {
        auto r = exec("SELECT bodymap.intake_client_name($1)", {clientId});
        if (!r) return Error{m_lastError};
        if (PQntuples(r.get()) != 1 || PQgetisnull(r.get(), 0, 0)) {
            // TRANSLATORS: the first %s is the clinic server, the second a client id.
            return Error{i18n::format(tr("%s: no client with the id \"%s\""), m_described.c_str(), clientId.c_str())};
        }
        return ClientInfo{clientId, PQgetvalue(r.get(), 0, 0), 0, {}};
    }

    Status createClient(const std::string& clientId, const std::string& displayName) override {
        if (m_addOnly) return Error{addOnlyMessage()};
        if (!exec("INSERT INTO bodymap.clients (id, display_name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
                  {clientId, displayName})) {
            return Error{m_lastError};
        }
        return Status(maps::Ok{});
    }

    Result<LoadedVisit> load(const std::string& key) override {
        auto raw = readCurrent(key);
        if (!raw) return Error{raw.error()};
        auto map = maps::parseMap(raw->bytes, m_described + " " + key, m_templates);
        if (!map) return Error{map.error()};
        return LoadedVisit{std::move(map.value()), key, raw->version};
    }

    SaveOutcome save(const maps::PainMap& map, const std::string& key, const Version* basedOn) override {
        SaveOutcome out;
        const std::string bytes = maps::serializeMap(map);
        if (auto check = maps::parseMap(bytes, m_described, m_templates); !check) {
            out.message = check.error();
            return out;
        }
        const std::string figures = figuresJson(computeFigures(map, m_templates));
        if (key.empty()) {
            if (!m_addOnly && !exec("INSERT INTO bodymap.clients (id, display_name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
                                    {map.info.clientId, map.info.clientName})) {
                return failed(out);
            }
            auto r = exec("SELECT bodymap.add_visit($1, $2, $3, $4, $5, $6, $7, $8::jsonb)",
                          {map.info.clientId, maps::visitFileStem(map.info.visitTime), map.info.visitTime, bytes,
                           drawnByText(map.info.drawnBy), map.info.therapist, map.info.clientName, figures});
            if (!r) return failed(out);
            out.status = SaveStatus::Saved;
            out.key = keyOf(PQgetvalue(r.get(), 0, 0));
            out.version = {"1"};
            return out;
        }
        const std::string id = idOf(key);
        out.key = key;
        if (id.empty()) {
            out.message = key + ": not a visit of " + m_described;
            return out;
        }
        if (!exec("BEGIN", {})) return failed(out);
        auto cur = exec("SELECT current_version FROM bodymap.visits WHERE id = $1 FOR UPDATE", {id});
        if (!cur || PQntuples(cur.get()) != 1) {
            if (cur) m_lastError = m_described + ": " + key + ": no such visit";
            rollback();
            return failed(out);
        }
        const std::string current = PQgetvalue(cur.get(), 0, 0);
        if (basedOn && basedOn->token != current) {
            rollback();
            out.status = SaveStatus::Conflict;
            out.version = {current};
            // TRANSLATORS: %s names the visit on the clinic server; the numbers are versions.
            out.message = i18n::format(tr("%s was saved by someone else (version %s) since you opened version %s"),
                                       (m_described + " " + key).c_str(), current.c_str(), basedOn->token.c_str());
            return out;
        }
        const std::string next = std::to_string(std::atoi(current.c_str()) + 1);
        auto ins = insertVersion(id, next, bytes, map.info, figures);
        if (!ins || !exec("UPDATE bodymap.visits SET current_version = $2, visit_time = $3, "
                          "change_seq = nextval('bodymap.change_seq') WHERE id = $1",
                          {id, next, map.info.visitTime}) ||
            !exec("COMMIT", {})) {
            rollback();
            return failed(out);
        }
        out.status = SaveStatus::Saved;
        out.version = {next};
        return out;
    }

    bool ownsKey(const std::string& key) const override { return !idOf(key).empty(); }

    Result<RawClient> readRawClient(const std::string& clientId) override {
        auto r = exec("SELECT display_name, client_file FROM bodymap.clients WHERE id = $1", {clientId});
        if (!r) return Error{m_lastError};
        if (PQntuples(r.get()) != 1) return Error{m_described + ": no client with the id \"" + clientId + "\""};
        return RawClient{clientId, PQgetvalue(r.get(), 0, 0), PQgetisnull(r.get(), 0, 1) ? "" : PQgetvalue(r.get(), 0, 1)};
    }

    Result<RawVisit> readRaw(const std::string& key) override {
        auto raw = readCurrent(key);
        if (!raw) return Error{raw.error()};
        return RawVisit{raw->clientId, raw->name, std::move(raw->bytes)};
    }

    Status importRawClient(const RawClient& c) override {
        const char* file = c.bytes.empty() ? nullptr : c.bytes.c_str();
        if (!execNullable("INSERT INTO bodymap.clients (id, display_name, client_file) VALUES ($1, $2, $3) "
                          "ON CONFLICT (id) DO NOTHING",
                          {c.id.c_str(), c.displayName.c_str(), file})) {
            return Error{m_lastError};
        }
        return Status(maps::Ok{});
    }

    Result<ImportStatus> importRaw(const RawVisit& v) override {
        const std::string where = m_described + " " + v.clientId + "/" + v.name;
        auto parsed = maps::parseMap(v.bytes, where, m_templates);
        if (!parsed) return Error{parsed.error()};
        auto have = exec("SELECT vv.map FROM bodymap.visits x JOIN bodymap.visit_versions vv "
                         "ON vv.visit_id = x.id AND vv.version = x.current_version WHERE x.client_id = $1 AND x.name = $2",
                         {v.clientId, v.name});
        if (!have) return Error{m_lastError};
        if (PQntuples(have.get()) == 1) {
            if (v.bytes == PQgetvalue(have.get(), 0, 0)) return ImportStatus::AlreadyThere;
            return Error{where + ": a different visit of that name is already there; nothing was replaced"};
        }
        if (auto st = importRawClient({v.clientId, parsed->info.clientName, {}}); !st) return Error{st.error()};
        const std::string figures = figuresJson(computeFigures(parsed.value(), m_templates));
        if (!exec("BEGIN", {})) return Error{m_lastError};
        auto id = exec("INSERT INTO bodymap.visits (client_id, name, visit_time, current_version) "
                       "VALUES ($1, $2, $3, 1) ON CONFLICT (client_id, name) DO NOTHING RETURNING id",
                       {v.clientId, v.name, parsed->info.visitTime});
        if (!id || PQntuples(id.get()) != 1) {
            if (id) m_lastError = where + ": a visit of that name appeared meanwhile; nothing was replaced";
            rollback();
            return Error{m_lastError};
        }
        auto ins = insertVersion(PQgetvalue(id.get(), 0, 0), "1", v.bytes, parsed->info, figures);
        if (!ins || !exec("COMMIT", {})) {
            rollback();
            return Error{m_lastError};
        }
        return ImportStatus::Written;
    }

    std::unique_ptr<Watch> watch(std::string& why) override {
        PgConn c = connect(m_location, m_password);
        if (PQstatus(c.get()) != CONNECTION_OK) {
            why = m_described + ": " + trimmed(PQerrorMessage(c.get()));
            return nullptr;
        }
        PgResult r(PQexec(c.get(), "LISTEN bodymap_changes"));
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
            why = m_described + ": " + trimmed(PQerrorMessage(c.get()));
            return nullptr;
        }
        return std::make_unique<PgWatch>(std::move(c));
    }

    Result<std::vector<int>> versions(const std::string& key) {
        auto r = exec("SELECT version FROM bodymap.visit_versions WHERE visit_id = $1 ORDER BY version", {idOf(key)});
        if (!r) return Error{m_lastError};
        std::vector<int> out;
        for (int i = 0; i < PQntuples(r.get()); ++i) out.push_back(std::atoi(PQgetvalue(r.get(), i, 0)));
        return out;
    }

private:
    struct Current {
        std::string clientId, name, bytes;
        Version version;
    };

    Result<Current> readCurrent(const std::string& key) {
        if (m_addOnly) return Error{addOnlyMessage()};
        const std::string id = idOf(key);
        if (id.empty()) return Error{key + ": not a visit of " + m_described};
        auto r = exec("SELECT x.client_id, x.name, x.current_version, vv.map FROM bodymap.visits x "
                      "JOIN bodymap.visit_versions vv ON vv.visit_id = x.id AND vv.version = x.current_version "
                      "WHERE x.id = $1", {id});
        if (!r) return Error{m_lastError};
        if (PQntuples(r.get()) != 1) return Error{m_described + " " + key + ": no such visit"};
        return Current{PQgetvalue(r.get(), 0, 0), PQgetvalue(r.get(), 0, 1), PQgetvalue(r.get(), 0, 3),
                       {PQgetvalue(r.get(), 0, 2)}};
    }

    // One saved version with its figures (figuresJson) and checksum.
    PgResult insertVersion(const std::string& visitId, const std::string& version, const std::string& bytes,
                           const maps::VisitInfo& info, const std::string& figures) {
        return exec("INSERT INTO bodymap.visit_versions (visit_id, version, map, checksum, drawn_by, therapist, "
                    "client_name, extent_pct, max_intensity, burden, wpi, generalized_pain, generalized, region_coverage) "
                    "SELECT $1, $2, $3, md5($3), $4, $5, $6, (f->>'extent_pct')::float8, (f->>'max_intensity')::int, "
                    "(f->>'burden')::float8, (f->>'wpi')::int, (f->>'generalized_pain')::int, (f->>'generalized')::boolean, "
                    "f->'regions' FROM (SELECT $7::jsonb AS f) x",
                    {visitId, version, bytes, drawnByText(info.drawnBy), info.therapist, info.clientName, figures});
    }

    // Ends a failed transaction without forgetting why it failed (or that the server went away:
    // then there is nothing to roll back, the server did it).
    void rollback() {
        const std::string why = m_lastError;
        const bool gone = m_disconnected;
        if (PQstatus(m_conn.get()) == CONNECTION_OK && PQtransactionStatus(m_conn.get()) != PQTRANS_IDLE) {
            PgResult r(PQexec(m_conn.get(), "ROLLBACK"));
        }
        m_lastError = why;
        m_disconnected = gone;
    }

    std::string addOnlyMessage() const {
        // TRANSLATORS: %s is the clinic server; the intake role may add visits but read nothing.
        return i18n::format(tr("%s: this connection may only add intakes (the intake role reads nothing)"), m_described.c_str());
    }

    SaveOutcome& failed(SaveOutcome& out) {
        out.status = m_disconnected ? SaveStatus::Disconnected : SaveStatus::Failed;
        out.message = m_disconnected
                          // TRANSLATORS: %s is what the server or the network said.
                          ? i18n::format(tr("The clinic server cannot be reached; nothing was saved on it: %s"), m_lastError.c_str())
                          : m_lastError;
        return out;
    }

    // Runs a statement with text parameters; null (and m_lastError set) on failure. A broken
    // connection is reset once before the statement (never in the middle of a transaction).
    PgResult exec(const char* sql, const std::vector<std::string>& params) {
        std::vector<const char*> p;
        for (const auto& s : params) p.push_back(s.c_str());
        return execNullable(sql, p);
    }

    PgResult execNullable(const char* sql, const std::vector<const char*>& params) {
        m_disconnected = false;
        if (PQstatus(m_conn.get()) != CONNECTION_OK) {
            PQreset(m_conn.get());
            if (PQstatus(m_conn.get()) != CONNECTION_OK) {
                m_disconnected = true;
                m_lastError = m_described + ": " + trimmed(PQerrorMessage(m_conn.get()));
                return nullptr;
            }
        }
        PgResult r(PQexecParams(m_conn.get(), sql, static_cast<int>(params.size()), nullptr, params.data(), nullptr,
                                nullptr, 0));
        const ExecStatusType st = PQresultStatus(r.get());
        if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return r;
        m_disconnected = PQstatus(m_conn.get()) != CONNECTION_OK;
        m_lastError = m_described + ": " + trimmed(r ? PQresultErrorMessage(r.get()) : PQerrorMessage(m_conn.get()));
        return nullptr;
    }

    std::string m_location, m_password;
    PgConn m_conn;
    const maps::TemplateRegistry& m_templates;
    std::string m_described, m_local, m_lastError;
    ServerRoles m_roles;
    bool m_addOnly = false, m_disconnected = false;
};

bool validDatabaseName(const std::string& db) {
    if (db.empty() || db.size() > 40) return false;
    for (char c : db) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

}  // namespace

ServerRoles rolesFor(const std::string& database) {
    return {database + "_therapist", database + "_intake", database + "_readonly"};
}

OpenOutcome openPostgresStore(const std::string& location, const maps::TemplateRegistry& templates,
                              const OpenOptions& options) {
    OpenOutcome out;
    PgConn c = connect(location, options.password);
    if (PQstatus(c.get()) != CONNECTION_OK) {
        out.needsPassword = PQconnectionNeedsPassword(c.get()) == 1 ||
                            (!options.password.empty() && PQconnectionUsedPassword(c.get()) == 1);
        out.error = redactedLocation(location) + ": " + trimmed(PQerrorMessage(c.get()));
        return out;
    }
    PgResult r(PQexec(c.get(), "SELECT max(version) FROM bodymap.schema_version"));
    const int want = static_cast<int>(schemaMigrations().size());
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) != 1 || std::atoi(PQgetvalue(r.get(), 0, 0)) != want) {
        // TRANSLATORS: %s is the clinic server.
        out.error = i18n::format(tr("%s: not a BodyMap clinic database of this version (its administrator runs bodymap server init)"),
                                 describe(c.get()).c_str());
        return out;
    }
    out.store = std::make_unique<PostgresStore>(location, options.password, std::move(c), templates);
    return out;
}

Result<InitReport> initServer(const std::string& location, const std::string& password) {
    PgConn c = connect(location, password);
    if (PQstatus(c.get()) != CONNECTION_OK) {
        return Error{redactedLocation(location) + ": " + trimmed(PQerrorMessage(c.get()))};
    }
    const std::string where = describe(c.get());
    InitReport rep;
    rep.database = PQdb(c.get());
    if (!validDatabaseName(rep.database)) {
        // TRANSLATORS: %s is the database's name.
        return Error{i18n::format(tr("%s: the database name must be lower-case letters, digits and _ (it names the roles)"), where.c_str())};
    }
    rep.roles = rolesFor(rep.database);
    auto run = [&](const std::string& sql) -> Status {
        PgResult r(PQexec(c.get(), sql.c_str()));
        const ExecStatusType st = PQresultStatus(r.get());
        if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status(maps::Ok{});
        return Error{where + ": " + trimmed(PQerrorMessage(c.get()))};
    };
    (void)run("SET client_min_messages = warning");
    // Two inits at once must not both migrate: one waits for the other.
    if (auto st = run("SELECT pg_advisory_lock(7152001)"); !st) return Error{st.error()};
    if (auto st = run("CREATE SCHEMA IF NOT EXISTS bodymap; "
                      "CREATE TABLE IF NOT EXISTS bodymap.schema_version (version int NOT NULL, "
                      "applied_at timestamptz NOT NULL DEFAULT now())"); !st) {
        return Error{st.error()};
    }
    PgResult v(PQexec(c.get(), "SELECT coalesce(max(version), 0) FROM bodymap.schema_version"));
    if (PQresultStatus(v.get()) != PGRES_TUPLES_OK) return Error{where + ": " + trimmed(PQerrorMessage(c.get()))};
    rep.fromVersion = std::atoi(PQgetvalue(v.get(), 0, 0));
    const auto& migrations = schemaMigrations();
    if (rep.fromVersion > static_cast<int>(migrations.size())) {
        return Error{i18n::format(tr("%s: the schema is newer (version %d) than this BodyMap knows (%d)"), where.c_str(),
                                  rep.fromVersion, static_cast<int>(migrations.size()))};
    }
    for (std::size_t i = static_cast<std::size_t>(rep.fromVersion); i < migrations.size(); ++i) {
        const std::string sql = std::string("BEGIN;\n") + migrations[i] +
                                "\nINSERT INTO bodymap.schema_version (version) VALUES (" + std::to_string(i + 1) + ");\nCOMMIT;";
        if (auto st = run(sql); !st) {
            (void)run("ROLLBACK");
            return Error{st.error()};
        }
    }
    rep.toVersion = static_cast<int>(migrations.size());
    for (const std::string& role : {rep.roles.therapist, rep.roles.intake, rep.roles.readonly}) {
        PgResult e(PQexec(c.get(), ("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").c_str()));
        if (PQresultStatus(e.get()) == PGRES_TUPLES_OK && PQntuples(e.get()) == 0) {
            if (auto st = run("CREATE ROLE \"" + role + "\" NOLOGIN"); !st) return Error{st.error()};
            rep.rolesCreated.push_back(role);
        }
    }
    if (auto st = run("BEGIN;\n" + roleGrantsSql(rep.roles.therapist, rep.roles.intake, rep.roles.readonly) + "COMMIT;"); !st) {
        (void)run("ROLLBACK");
        return Error{st.error()};
    }
    (void)run("SELECT pg_advisory_unlock(7152001)");
    return rep;
}

Result<std::vector<int>> serverVersions(Store& store, const std::string& key) {
    auto* pg = dynamic_cast<PostgresStore*>(&store);
    if (!pg) return Error{"not a server store"};
    return pg->versions(key);
}

}  // namespace bodymap::store
