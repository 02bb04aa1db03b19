// Recovery files: unsaved edits autosaved to "<library>/.recovery/<session>.json" (the map plus
// the path it was editing) so that the next start can offer to restore them after a crash. Each
// file belongs to the session that writes it: the session holds an flock on "<session>.lock"
// beside it for its whole life, and no other process lists, restores or deletes it meanwhile.
#pragma once

#include <memory>
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
    std::string intakeClient; // the client id when the work was a locked client intake; else empty
    std::string error;        // not empty when the file is damaged (it can only be discarded)
};

class RecoveryLock;  // a held flock on a recovery file's "<session>.lock" (recovery.cpp)

struct RecoveredMap {
    PainMap map;
    std::string editingPath;   // as written in the file: check it with isMapFileInLibrary
    std::string savedAt;
    std::string intakeClient;  // the client id when it was a locked client intake; else empty
    std::string recoveryFile;  // the recovery file it came from
    // Set by claimRecovery: the claim on the file, held while any copy of this is alive. Release
    // it (reset) or end it with discardClaimed once the map is safe elsewhere.
    std::shared_ptr<RecoveryLock> claim;
};

// A session that owns its recovery file: holds an flock on "<lib>/.recovery/<id>.lock" for its
// whole life (released on destruction or when the process dies, however it dies).
class RecoverySession {
public:
    // Creates .recovery/ (0700) and a new session id with its lock.
    static Result<RecoverySession> start(const std::string& libraryRoot);
    RecoverySession(RecoverySession&& other) noexcept;
    RecoverySession& operator=(RecoverySession&& other) noexcept;
    RecoverySession(const RecoverySession&) = delete;
    RecoverySession& operator=(const RecoverySession&) = delete;
    // Releases the lock; the recovery file stays (for the next start to offer) unless discarded.
    ~RecoverySession();

    const std::string& id() const { return m_id; }
    const std::string& libraryRoot() const { return m_root; }
    // The session's recovery file "<lib>/.recovery/<id>.json" (it may not exist yet).
    std::string path() const;
    // Atomically writes (or replaces) the session's recovery file, 0600; `intakeClient` marks
    // the work as a client intake of that client id (empty: the therapist's work).
    Status write(const PainMap& map, const std::string& editingPath, const std::string& intakeClient = "");
    // Deletes the session's recovery file (after a save, on a clean exit); the lock stays held.
    Status discard();

private:
    RecoverySession() = default;
    std::string m_root;
    std::string m_id;
    std::unique_ptr<RecoveryLock> m_lock;
};

// A session id unique to this process: "20261124-143000-<pid>".
std::string newSessionId();
// "<libraryRoot>/.recovery/<safeName(session)>.json".
std::string recoveryPath(const std::string& libraryRoot, const std::string& session);
// Atomically writes (or replaces) the session's recovery file, creating .recovery/ (mode 0700).
// A non-empty `intakeClient` records that the work was a locked intake of that client id.
Status writeRecovery(const std::string& libraryRoot, const std::string& session,
                     const PainMap& map, const std::string& editingPath,
                     const std::string& intakeClient = "");
// The recovery files whose owning session is gone (no process holds their lock), newest
// autosave first; files of live sessions (in this process or another) are never listed. A
// missing folder gives an empty list. Unheld lock files without a recovery file that are over
// an hour old are removed.
Result<std::vector<RecoveryEntry>> listOrphanedRecovery(const std::string& libraryRoot);
// The same as listOrphanedRecovery (kept for existing callers).
Result<std::vector<RecoveryEntry>> listRecovery(const std::string& libraryRoot);
// Takes over an orphaned recovery file (acquires its lock) and reads and validates it, so that
// two starting instances cannot both restore it. Fails, naming the file, when another process
// holds it, when it is gone (restored or discarded by someone else) or when it is damaged.
Result<RecoveredMap> claimRecovery(const std::string& path, const TemplateRegistry& templates);
// Deletes a claimed recovery file and its lock, and releases the claim.
Status discardClaimed(RecoveredMap& claimed);
// Reads and fully validates a recovery file, without claiming it.
Result<RecoveredMap> readRecovery(const std::string& path, const TemplateRegistry& templates);
// Deletes a recovery file (after restoring or declining it) when its lock is free or held by this
// process (its session or a claim); a file of another live session is refused and kept. A
// missing file is not an error.
Status discardRecovery(const std::string& path);

}  // namespace bodymap::maps
