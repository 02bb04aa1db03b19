// `bodymap server init URL` (see server.h).
#include "app/cli/server.h"

#include "app/cli/store_open.h"
#include "maps/i18n/i18n.h"
#include "maps/json_util.h"
#include "maps/store/postgres_store.h"

namespace bodymap::app {

int runServer(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    auto usage = [&](const std::string& problem) {
        err << "bodymap: " << maps::printableForMessage(problem, 200) << "\n" << tr("Try 'bodymap --help'.") << "\n";
        return 2;
    };
    if (args.size() != 2 || args[0] != "init") return usage(tr("server: the only subcommand is init URL"));
    const std::string& url = args[1];
    if (!store::isServerLocation(url)) {
        return usage(tr("server init needs a postgresql:// URL or a libpq string such as service=clinic"));
    }
    auto report = store::initServer(url);
    if (!report && report.error().find("password") != std::string::npos) {
        // TRANSLATORS: asked on the terminal; %s is the server (never with a password in it).
        const std::string pw = readPassword(i18n::format(tr("Password for %s: "), store::redactedLocation(url).c_str()));
        if (!pw.empty()) report = store::initServer(url, pw);
    }
    if (!report) {
        err << "bodymap: " << maps::printableForMessage(report.error()) << "\n";
        return 1;
    }
    const auto& r = report.value();
    if (r.fromVersion == r.toVersion) {
        // TRANSLATORS: after `bodymap server init`; %s is the database, %d the schema's version.
        out << i18n::format(tr("%s: the schema is up to date (version %d)"), r.database.c_str(), r.toVersion) << "\n";
    } else {
        out << i18n::format(tr("%s: schema version %d -> %d"), r.database.c_str(), r.fromVersion, r.toVersion) << "\n";
    }
    for (const auto& role : r.rolesCreated) out << i18n::format(tr("created the role %s"), role.c_str()) << "\n";
    // TRANSLATORS: the three roles after `bodymap server init`: %s are role names.
    out << i18n::format(tr("roles: %s (read and write), %s (add intakes only), %s (read only); grant them to login roles, e.g. GRANT %s TO anna"),
                        r.roles.therapist.c_str(), r.roles.intake.c_str(), r.roles.readonly.c_str(), r.roles.therapist.c_str())
        << "\n";
    return 0;
}

}  // namespace bodymap::app
