// The clinic server's schema migrations and role grants (see maps/store/SERVER.md).
#pragma once

#include <string>
#include <vector>

namespace bodymap::store {

// Migration i (0-based) brings the schema from version i to i+1.
const std::vector<const char*>& schemaMigrations();
// The grants of the three roles (already quoted-safe names: [a-z0-9_] only).
std::string roleGrantsSql(const std::string& therapist, const std::string& intake, const std::string& readonly);

}  // namespace bodymap::store
