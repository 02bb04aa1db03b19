// The pain map file format, versions 1 and 2 (documented in maps/FORMAT.md, schema in
// maps/bodymap.schema.json): reading with full validation, stable writing, atomic saving.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "maps/atomic_file.h"
#include "maps/pain_map.h"
#include "maps/result.h"
#include "maps/template_registry.h"

namespace bodymap::maps {

// The newest `version` this code reads. It writes version 1 for a map without the therapist's
// layer (so a version 1 file stays version 1 when saved again) and version 2 for one with it.
constexpr int kMapFormatVersion = 2;
constexpr int kMaxSessionMinutes = 24 * 60;            // session.treatment.minutes
constexpr std::uintmax_t kMaxMapFileBytes = 8u << 20;  // larger files are rejected unread
constexpr int kMaxMapDepth = 8;                        // nesting levels; v1 needs 5
// Objects and arrays in one map file. The smallest run, "[1,1],", takes 6 bytes, so a file of
// kMaxMapFileBytes holds at most 1,398,101 runs (plus the few objects around them and at most
// kMaxTags tags of 2 containers each): no valid file reaches this budget.
constexpr std::size_t kMaxMapContainers = 1'450'000;
constexpr std::size_t kMaxNotesBytes = 64 * 1024;      // visit notes, each session note field
constexpr std::size_t kMaxTagNoteBytes = 4 * 1024;     // one fascial tag's note
constexpr std::size_t kMaxNameBytes = 256;             // client id, names, therapist
constexpr std::size_t kMaxTags = 2000;
constexpr std::size_t kMaxMarks = 1000;                // point and line marks in one map
constexpr std::size_t kMaxMarkLabelBytes = 80;         // a mark's short label
constexpr std::size_t kMaxMarkNoteBytes = 4 * 1024;    // a mark's note

// The format version serializeMap writes for `map`: 2 when it has something of the therapist's
// layer (a session note, a mark, a findings cell), else 1.
int formatVersionFor(const PainMap& map);

// Parses and validates a whole map document. Errors read "<source>: <json path>: <problem>".
// Never returns a partly filled map: either every check passed or nothing is returned.
// Reads with the fast reader of compact_map.h, then fills the dense rasters.
Result<PainMap> parseMap(std::string_view text, const std::string& source,
                         const TemplateRegistry& templates);
// The same through a JSON document (parseJsonLimited, then every check with its JSON path): the
// reference reader, which gives every message; the fast reader falls back to it.
Result<PainMap> parseMapDocument(std::string_view text, const std::string& source,
                                 const TemplateRegistry& templates);
// Reads and parses a map file of at most kMaxMapFileBytes; errors name `path`.
Result<PainMap> loadMap(const std::string& path, const TemplateRegistry& templates);
// Validates an already parsed map object. `pathPrefix` is prepended to JSON paths in messages
// (e.g. "map" for a map embedded in a recovery file).
Result<PainMap> parseMapValue(const nlohmann::json& doc, const std::string& source,
                              const std::string& pathPrefix, const TemplateRegistry& templates);

// The visit metadata of a map file, without decoding or checking the rasters (for listings).
// Checks `format`, `version` and the `visit` object only.
Result<VisitInfo> readVisitInfo(std::string_view text, const std::string& source);
// The same through a JSON document: the reference, and every message.
Result<VisitInfo> readVisitInfoDocument(std::string_view text, const std::string& source);

// The file text: fixed key order, top level indented, rasters as run-length pairs. Deterministic:
// the same map always gives the same bytes. Invalid UTF-8 in strings is replaced (U+FFFD).
std::string serializeMap(const PainMap& map);
// Writes serializeMap(map) to `path` atomically (0600); the previous file, when there was one
// with other bytes, is kept as "<path>.bak". A map that loadMap would refuse is not written.
Status saveMap(const PainMap& map, const std::string& path);
// saveMap that also refuses (WriteStatus::Conflict, file untouched) when the file on disk is no
// longer what `basedOn` describes (see AtomicWriteOptions::basedOn); nullptr: no check.
WriteOutcome saveMapChecked(const PainMap& map, const std::string& path, const FileStamp* basedOn);

// True for "YYYY-MM-DDTHH:MM:SS" with an optional "Z" or "+HH:MM"/"-HH:MM" and a real date.
bool isIsoDateTime(std::string_view s);
// 524288 -> "524,288".
std::string withThousands(std::uint64_t n);

}  // namespace bodymap::maps
