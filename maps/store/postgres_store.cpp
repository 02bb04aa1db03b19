// The clinic's PostgreSQL server behind the Store interface (see postgres_store.h).
// SKELETON: the implementation lands with issue 15's server work.
#include "maps/store/postgres_store.h"

namespace bodymap::store {

OpenOutcome openPostgresStore(const std::string& location, const maps::TemplateRegistry&,
                              const OpenOptions&) {
    OpenOutcome out;
    out.error = location + ": the clinic server is not supported yet";
    return out;
}

Status initServer(const std::string& location) {
    return Error{location + ": the clinic server is not supported yet"};
}

}  // namespace bodymap::store
