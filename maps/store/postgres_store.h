// The clinic's PostgreSQL server behind the Store interface (libpq): the schema (schema.cpp,
// documented in SERVER.md), three roles per database, the intake role writing only through a
// SECURITY DEFINER function, every save a new version row, LISTEN/NOTIFY for live changes.
#pragma once

#include <string>
#include <vector>

#include "maps/store/store.h"

namespace bodymap::store {

// The roles of a clinic database are named after it: "<db>_therapist", "<db>_intake",
// "<db>_readonly" (so that several clinics, or tests, can share one server).
struct ServerRoles {
    std::string therapist, intake, readonly;
};
ServerRoles rolesFor(const std::string& database);

// `location` for people and messages: "postgresql://user@host:port/db" or "service=NAME", rebuilt
// from libpq's parse of it, so never with a password.
std::string redactedLocation(const std::string& location);
// The private local folder of a server's recovery files: one per location as given (without
// password), under the user's default library folder. The same whether or not it is reachable.
std::string serverLocalFolder(const std::string& location);

// Whether a server answers at `location` (PQping: no login, no password, never blocks longer than
// the connect timeout). Safe on any thread; the window asks it on a worker before reconnecting, so
// that a server that has gone silent never freezes a frame.
bool serverAnswers(const std::string& location);

// Connects to `location` (a libpq URL or keyword=value string) and checks the schema version.
OpenOutcome openPostgresStore(const std::string& location, const maps::TemplateRegistry& templates,
                              const OpenOptions& options);

struct InitReport {
    int fromVersion = 0, toVersion = 0;   // the schema's version before and after
    std::vector<std::string> rolesCreated;
    ServerRoles roles;
    std::string database;
};
// `bodymap server init`: creates or migrates the schema (each migration one transaction), creates
// the three roles when missing and (re)grants them. Safe to run again. The connection's role must
// be allowed to create roles (e.g. the server's superuser). `password` as in OpenOptions.
Result<InitReport> initServer(const std::string& location, const std::string& password = {});

// The versions kept of a server visit ("visit:<id>"), oldest first (for tests and history).
Result<std::vector<int>> serverVersions(Store& store, const std::string& key);

}  // namespace bodymap::store
