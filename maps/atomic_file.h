// Writing files so that a crash, a full disk or a kill never leaves a partial file: the bytes go
// to a temporary file in the same folder, are flushed with fsync, renamed over the target, and
// the folder is fsynced. On any failure the target is untouched and the temp file removed.
#pragma once

#include <string>
#include <string_view>

#include "maps/result.h"

namespace bodymap::maps {

struct AtomicWriteOptions {
    bool keepBackup = false;  // keep the previous file as "<path>.bak" (replaced each save)
};

// Replaces `path` with `data` atomically. Errors name the file and the reason
// (e.g. "/x/visit.json: cannot write: No space left on device").
Status writeFileAtomic(const std::string& path, std::string_view data,
                       const AtomicWriteOptions& options = {});

}  // namespace bodymap::maps
