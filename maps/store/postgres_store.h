// The clinic's PostgreSQL server behind the Store interface (libpq): schema in schema.sql and
// maps/store/SERVER.md, the intake role through SECURITY DEFINER functions, LISTEN/NOTIFY.
#pragma once

#include <string>

#include "maps/store/store.h"

namespace bodymap::store {

// Connects to `location` (a libpq URL or keyword=value string) and checks the schema version.
OpenOutcome openPostgresStore(const std::string& location, const maps::TemplateRegistry& templates,
                              const OpenOptions& options);
// Creates or migrates the schema and the roles (bodymap server init).
Status initServer(const std::string& location);

}  // namespace bodymap::store
