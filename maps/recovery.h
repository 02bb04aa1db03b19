// Recovery files: unsaved edits autosaved to "<library>/.recovery/<session>.json" (the map plus
// the path it was editing) so that the next start can offer to restore them after a crash.
#pragma once

#include <string>
#include <vector>

#include "maps/pain_map.h"
#include "maps/result.h"
#include "maps/template_registry.h"

namespace bodymap::maps {

constexpr int kRecoveryFormatVersion = 1;

struct RecoveryEntry {
    std::string path;         // the recovery file
    std::string session;      // its session id (the file name without .json)
    std::string editingPath;  // the map file being edited; empty for a map never saved
    std::string savedAt;      // local time of the autosave
    std::string clientName;   // for the restore prompt
    std::string visitTime;
    std::string error;        // not empty when the file is damaged (it can only be discarded)
};

struct RecoveredMap {
    PainMap map;
    std::string editingPath;
    std::string savedAt;
};

// A session id unique to this process: "20261124-143000-<pid>".
std::string newSessionId();
// "<libraryRoot>/.recovery/<safeName(session)>.json".
std::string recoveryPath(const std::string& libraryRoot, const std::string& session);
// Atomically writes (or replaces) the session's recovery file, creating .recovery/ (mode 0700).
Status writeRecovery(const std::string& libraryRoot, const std::string& session,
                     const PainMap& map, const std::string& editingPath);
// Recovery files in the library, newest autosave first. A missing folder gives an empty list.
Result<std::vector<RecoveryEntry>> listRecovery(const std::string& libraryRoot);
// Reads and fully validates a recovery file.
Result<RecoveredMap> readRecovery(const std::string& path, const TemplateRegistry& templates);
// Deletes a recovery file (after restoring or declining it). A missing file is not an error.
Status discardRecovery(const std::string& path);

}  // namespace bodymap::maps
