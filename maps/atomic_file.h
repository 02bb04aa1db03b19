// Writing files so that a crash, a full disk or a kill never leaves a partial file, and so that
// two BodyMap instances saving one file never silently overwrite each other: the bytes go to a
// private (0600) temp file in the same folder, are fsynced, checked against what the writer last
// saw (under a lock on the folder), renamed over the target, and the folder is fsynced.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "maps/result.h"

namespace bodymap::maps {

// What is on disk at a path, to tell later whether someone else changed it.
struct FileStamp {
    bool exists = false;             // something is at the path (lstat succeeded)
    bool readable = false;           // it is a regular file whose bytes were read and hashed
    std::uint64_t size = 0;
    std::int64_t mtimeNs = 0;
    std::uint64_t inode = 0;
    std::uint64_t contentHash = 0;   // FNV-1a 64 of the bytes (0 when not readable)
    // Compares exists, readable, size and contentHash: a touch or a copy with the same bytes is
    // not a change; any edit, a delete or a file appearing is.
    bool operator==(const FileStamp& o) const;
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

// The stamp of `path` now. Never follows a symlink (a symlink is exists=true, readable=false).
FileStamp stampFile(const std::string& path);

struct AtomicWriteOptions {
    // Keep the previous file as "<path>.bak" (0600), only when there was an earlier version on
    // disk whose bytes differ from the new ones (so an unchanged re-save keeps the older backup).
    bool keepBackup = false;
    // When set: refuse with Conflict if the file on disk now differs from *basedOn (checked under
    // a lock on the folder that every BodyMap writer takes, just before the rename). A basedOn
    // with exists=false means "create only": a file that appeared meanwhile is a Conflict. A file
    // that was deleted since *basedOn was taken is a Conflict too (the deletion was someone's
    // decision; the caller asks the user).
    const FileStamp* basedOn = nullptr;
};

enum class WriteStatus { Written, Conflict, Failed };

struct WriteOutcome {
    WriteStatus status = WriteStatus::Failed;
    std::string message;  // for Failed/Conflict: names the file and the reason
    FileStamp stamp;      // for Written: the stamp of the file just written; for Conflict: the
                          // stamp of what is on disk now
    bool ok() const { return status == WriteStatus::Written; }
};

// Replaces `path` with `data` atomically; the new file is 0600 (less if the umask says so).
// Refuses a target that is a symlink, directory, FIFO, socket or device ("x.pdf: is a symbolic
// link; refusing to replace it"), never following or replacing it.
WriteOutcome writeFileChecked(const std::string& path, std::string_view data,
                              const AtomicWriteOptions& options = {});

// writeFileChecked as a Status (a Conflict is an error). Errors name the file and the reason
// (e.g. "/x/visit.json: cannot write: No space left on device").
Status writeFileAtomic(const std::string& path, std::string_view data,
                       const AtomicWriteOptions& options = {});

// Ok when `path` may be written by writeFileAtomic: missing, or a regular file (not a symlink).
// The error is the message writeFileAtomic would give ("x.pdf: is a FIFO; refusing to replace
// it"), so that a command can refuse before doing the work.
Status checkOutputTarget(const std::string& path);

// Creates `path` (and missing parents) as folders of mode 0700 & ~umask; an existing folder of
// ours is narrowed to at most 0700. Refuses a path that is a symlink or not a folder.
Status ensurePrivateFolder(const std::string& path);

// A new empty private (0600) file "<dir>/<prefix>XXXXXX<suffix>" for a temporary copy (e.g. the
// PDF sent to the printer); returns its path. The caller removes it.
Result<std::string> makePrivateTempFile(const std::string& dir, const std::string& prefix,
                                        const std::string& suffix);

// The process umask (read without changing it where the system allows).
unsigned currentUmask();

}  // namespace bodymap::maps
