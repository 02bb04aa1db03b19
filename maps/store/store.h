// Where visits live, behind one interface: the folder library (the embedded default) and the
// clinic's PostgreSQL server. Callers never know which one they hold. Conflicts are values
// returned to the caller (SaveStatus::Conflict), never exceptions or silent retries.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "maps/compact_map.h"
#include "maps/pain_map.h"
#include "maps/result.h"
#include "maps/template_registry.h"

namespace bodymap::store {

using maps::Error;
using maps::Result;
using maps::Status;

// The summary figures stored beside each visit at save (maps/METRICS.md defines each), so that
// lists and SQL need no map decoding. `known` is false when the map could not be measured (no
// such template, unreadable file).
struct VisitFigures {
    bool known = false;
    double extentPct = 0;        // 0..100, both views
    int maxIntensity = 0;        // 0..10
    double burden = 0;           // 0..1
    int wpi = 0;                 // 0..19
    int generalizedPain = 0;     // 0..5 regions
    bool generalized = false;    // generalized pain met: pain in >= 4 of the 5 regions (2016)
    // Per-region coverage: region id -> % of the region's body cells painted, painted regions
    // only, in template order.
    std::vector<std::pair<std::string, double>> regionCoverage;
};

// The figures of `map` on its template from `templates`; known=false when it is missing or the
// map does not fit it.
VisitFigures computeFigures(const maps::PainMap& map, const maps::TemplateRegistry& templates);
VisitFigures computeFigures(const maps::CompactMap& map, const maps::TemplateRegistry& templates);
// The figures as a JSON object text {"extent_pct":..,"max_intensity":..,"burden":..,"wpi":..,
// "generalized_pain":..,"generalized":..,"regions":{"id":pct,...}} (for the server's columns).
std::string figuresJson(const VisitFigures& f);

// Which saved state of a visit something was based on. Opaque to callers; compare with ==.
// Folder: the file's size and content hash ("f<size>-<hash>"); server: the version number.
// An empty token means "no visit yet".
struct Version {
    std::string token;
    bool operator==(const Version& o) const { return token == o.token; }
    bool operator!=(const Version& o) const { return token != o.token; }
};

struct ClientInfo {
    std::string id;
    std::string displayName;
    int visitCount = 0;
    std::string lastVisit;       // visit time of the newest visit; empty when there is none
};

struct VisitSummary {
    std::string key;             // names the visit in this store: folder: the file's path;
                                 // server: "visit:<id>"
    std::string clientId;
    std::string name;            // the visit's file stem, unique per client ("2026-11-24T14-30-00")
    std::string visitTime;       // "YYYY-MM-DDTHH:MM:SS"
    maps::DrawnBy drawnBy = maps::DrawnBy::Client;
    std::string therapist;
    std::string clientName;
    Version version;             // the current version
    int versionCount = 1;        // saved versions kept (folder: 1, or 2 with a .bak)
    VisitFigures figures;
    std::string text;            // what a search looks in (maps::searchableText)
    std::string error;           // not empty when the visit could not be read (still listed)
};

// Something in the store that is not listed and never read or written through (folder: a
// symlinked client folder or visit file).
struct StoreProblem {
    std::string where;
    std::string message;
};

struct ClientList {
    std::vector<ClientInfo> clients;     // by display name (case-insensitive), then id
    std::vector<StoreProblem> problems;
};

struct VisitList {
    std::vector<VisitSummary> visits;    // newest first
    std::vector<StoreProblem> problems;
};

struct LoadedVisit {
    maps::PainMap map;
    std::string key;
    Version version;
};

enum class SaveStatus {
    Saved,
    Conflict,      // the visit changed since `basedOn`: nothing was written
    Failed,        // bad input or a refusal (named in `message`): nothing was written
    Disconnected,  // the server could not be reached or went away: nothing was written
};

struct SaveOutcome {
    SaveStatus status = SaveStatus::Failed;
    std::string message;  // for anything but Saved: names the visit and the reason
    std::string key;      // Saved: the visit's key (new for a new visit); Conflict: the visit's
    Version version;      // Saved: the version written; Conflict: the current version
    bool ok() const { return status == SaveStatus::Saved; }
};

// One visit as stored: its bytes exactly (the map file's text), for `library copy`.
struct RawVisit {
    std::string clientId;
    std::string name;     // the visit's file stem, e.g. "2026-11-24T14-30-00" (unique per client)
    std::string bytes;    // the map file's text
};

// One client as stored: its client.json text exactly (empty when the store has none).
struct RawClient {
    std::string id;
    std::string displayName;
    std::string bytes;
};

enum class ImportStatus { Written, AlreadyThere };

// Changes to the store made by anyone (another window, the intake tablet). `fd()`, when not -1,
// becomes readable when something may have changed; `changed()` never blocks and is true when
// the lists should be re-read. `error()` is not empty when the watch itself broke (connection
// lost); the store then reports the same on its next call.
class Watch {
public:
    virtual ~Watch() = default;
    virtual int fd() const = 0;
    virtual bool changed() = 0;
    virtual std::string error() const = 0;
};

enum class StoreKind { Folder, Server };

class Store {
public:
    virtual ~Store() = default;
    virtual StoreKind kind() const = 0;
    // Where it is, for people: the folder, or "postgresql://user@host:port/db" (never a password).
    virtual std::string location() const = 0;
    // A private local folder for this store's recovery files and caches (the folder library's
    // root; for a server, one folder per server under the user's data folder, which the caller
    // creates with maps::ensurePrivateFolder when it first writes there). Never empty.
    virtual std::string localFolder() const = 0;
    // True when this store may only add visits (the server's intake role): lists are refused.
    virtual bool addOnly() const { return false; }

    virtual Result<ClientList> listClients() = 0;
    // The client's visits, newest first, with their figures.
    virtual Result<VisitList> listVisits(const std::string& clientId) = 0;
    // One client's id and name (for the intake's greeting: the add-only role may read this of
    // the client it was handed, and nothing else). Error when there is no such client.
    virtual Result<ClientInfo> findClient(const std::string& clientId) = 0;
    // Creates the client when it does not exist (an existing one keeps its name).
    virtual Status createClient(const std::string& clientId, const std::string& displayName) = 0;
    virtual Result<LoadedVisit> load(const std::string& key) = 0;
    // Saves `map`. `key` empty: a new visit of map.info.clientId (the client is created when
    // missing). Otherwise a new version of that visit: refused with Conflict when `basedOn` is
    // given and the visit's current version differs; basedOn == nullptr overwrites knowingly
    // (the previous version is still kept). A map that would not load is never written.
    virtual SaveOutcome save(const maps::PainMap& map, const std::string& key, const Version* basedOn) = 0;
    // True when `key` names a visit of this store (not whether it exists).
    virtual bool ownsKey(const std::string& key) const = 0;

    // For `library copy`: everything as stored, byte for byte.
    virtual Result<RawClient> readRawClient(const std::string& clientId) = 0;
    virtual Result<RawVisit> readRaw(const std::string& key) = 0;
    // Stores a client as given (keeps an existing one with the same id).
    virtual Status importRawClient(const RawClient& client) = 0;
    // Stores `visit` under its name unless the client already has a visit of that name: then
    // AlreadyThere when its bytes are the same, an error when they differ (nothing replaced).
    virtual Result<ImportStatus> importRaw(const RawVisit& visit) = 0;

    // A watch for changes by anyone; null when it cannot be started (error in `why`).
    virtual std::unique_ptr<Watch> watch(std::string& why) = 0;
};

// True for a clinic server's location: "postgresql://..." or "postgres://..." URLs and libpq
// keyword=value strings ("service=clinic", "host=... dbname=...").
bool isServerLocation(const std::string& location);

struct OpenOptions {
    std::string password;   // from a prompt; empty: libpq's own (~/.pgpass, PGPASSFILE, service)
    // For a folder: create the root (0700) when it does not exist.
    bool createFolder = true;
};

struct OpenOutcome {
    std::unique_ptr<Store> store;
    std::string error;           // names the location and the reason (no password in it)
    bool needsPassword = false;  // the server asked for a password and none (or a wrong one) was given
};

// Opens a folder library or connects to a server (checking its schema version). `templates`
// must outlive the store: it measures maps for the figures and loads maps.
OpenOutcome openStore(const std::string& location, const maps::TemplateRegistry& templates,
                      const OpenOptions& options = {});

}  // namespace bodymap::store
