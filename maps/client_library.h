// The client library on disk: one folder per client (a safe name derived from the client id),
// one map file per visit named by date and time so that names sort chronologically.
//   <root>/<safe-id>/client.json, <root>/<safe-id>/2026-11-24T14-30-00.json, <root>/.recovery/
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maps/atomic_file.h"
#include "maps/pain_map.h"
#include "maps/result.h"

namespace bodymap::maps {

constexpr std::size_t kMaxSafeNameBytes = 64;

// The library folder when none is given: $BODYMAP_LIBRARY, else $XDG_DATA_HOME/bodymap (if
// absolute), else $HOME/.local/share/bodymap (HOME from the password database when unset).
std::string defaultLibraryRoot();
// `option` (from --library DIR) when not empty, else defaultLibraryRoot().
std::string resolveLibraryRoot(const std::string& option);

// A file name for a client id: only ASCII lower-case letters, digits, '-', '_' and '.', never
// starting or ending with '.', at most kMaxSafeNameBytes bytes. When anything had to change a
// hash of the original id is appended ("-" + 10 hex digits), so two ids never share a folder;
// an id that is already safe is kept as it is. Empty -> "client-<hash>".
std::string safeName(std::string_view id);
// "2026-11-24T14:30:00" -> "2026-11-24T14-30-00" (the zone is dropped); "undated" if not ISO.
std::string visitFileStem(std::string_view visitTime);
// The local time now as "YYYY-MM-DDTHH:MM:SS".
std::string localTimeNow();

struct ClientEntry {
    std::string id;           // from client.json, else the newest visit, else the folder name
    std::string folder;       // absolute or root-relative path of the client's folder
    std::string displayName;  // from the newest visit, else client.json, else the id
    int visitCount = 0;
    std::string lastVisit;    // visit time of the newest visit; empty when there is none
};

struct VisitEntry {
    std::string path;
    std::string visitTime;    // from the file; from the file name when the file is unreadable
    DrawnBy drawnBy = DrawnBy::Client;
    std::string therapist;
    std::string clientName;
    std::string text;         // searchableText: notes, session note, treatment
    std::string error;        // not empty when the file could not be read (it is still listed)
};

// Something in the library that is not listed and never read or written through: a client
// folder or visit file that is a symbolic link, a visit "file" that is a FIFO or device.
struct LibraryProblem {
    std::string path;
    std::string message;  // names the path and the problem
};

struct ClientListing {
    std::vector<ClientEntry> clients;
    std::vector<LibraryProblem> problems;
};

struct VisitListing {
    std::vector<VisitEntry> visits;
    std::vector<LibraryProblem> problems;
};

// True when `path` is a map file of the library at `root`: "<root>/<client>/<name>.json" after
// resolving every component (no "../" or symlink leading out of the root), where neither the
// client folder nor the file is a symlink, the names do not start with '.', the file is not
// client.json, and it is a regular file whose header reads as a BodyMap map. The root itself
// may be a symlink.
bool isMapFileInLibrary(const std::string& root, const std::string& path);

// A cheap fingerprint of a folder's entries (names, types, sizes, mtimes and inodes; one
// readdir and one lstat per entry, no file reads) and of the folder itself, to poll every
// ~1-2 s and re-list only on change. A missing or unreadable folder gives 0.
std::uint64_t folderFingerprint(const std::string& folder);

class Library {
public:
    explicit Library(std::string root) : m_root(std::move(root)) {}
    const std::string& root() const { return m_root; }

    // Creates the root folder (mode 0700: these are health data) when it does not exist.
    Status ensureRoot() const;
    // "<root>/<safeName(id)>": always inside the root, whatever the id.
    std::string clientFolder(std::string_view clientId) const;
    // Clients sorted by display name (case-insensitive), then id. A missing root is empty.
    // Symlinked client folders are not followed: they are listed in `problems`.
    Result<ClientListing> listClientsChecked() const;
    // listClientsChecked without the problems.
    Result<std::vector<ClientEntry>> listClients() const;
    // Creates the client's folder (0700) and client.json (0600, id and name); keeps an existing
    // client.json. Refuses a client folder that is a symlink or not a folder.
    Status createClient(const std::string& clientId, const std::string& displayName) const;
    // The client's visits, newest first. Unreadable files are listed with `error` set; visit
    // files that are symlinks or special files (and a symlinked client folder) are not read but
    // listed in `problems`.
    Result<VisitListing> listVisitsChecked(const std::string& clientId) const;
    // listVisitsChecked without the problems.
    Result<std::vector<VisitEntry>> listVisits(const std::string& clientId) const;
    // "<root>/<safe-id>/<YYYY-MM-DDTHH-MM-SS>.json", or with "-2", "-3", ... when taken.
    std::string visitPath(const std::string& clientId, const std::string& visitTime) const;
    // Saves a map as a new visit of map.info.clientId (creating the client); returns the path.
    // Never replaces an existing file (one that appears meanwhile gets the next free name);
    // `written`, when given, receives the stamp of the new file.
    Result<std::string> saveNewVisit(const PainMap& map, FileStamp* written = nullptr) const;

private:
    std::string m_root;
};

}  // namespace bodymap::maps
