// Reading JSON with a path for every error, strict parsing in linear time with bounded depth and
// size, and escaping of file-supplied text for messages. Used by every loader in maps/ so that
// messages look alike: "file: views[1].regions[3].id: ...".
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "maps/result.h"

namespace bodymap::maps {

// Thrown inside loaders only; loaders catch it and return Error. Never crosses the maps/ API.
class JsonPathError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `text` for a message in double quotes, JSON-style escapes ("\"", "\\", "\n", "\u001B"), at
// most about maxChars characters between the quotes ("..." and the byte count when cut). Control
// characters (C0, DEL, C1), line separators and bidirectional controls are escaped, invalid UTF-8
// bytes shown as \xFF: the result is one line of printable UTF-8 that cannot drive a terminal.
std::string quoteForMessage(std::string_view text, std::size_t maxChars = 80);
// The same escapes without quotes, and `"` and `\` kept as they are, for file names and whole
// messages: printable text passes unchanged, so applying it twice gives the same result.
std::string printableForMessage(std::string_view text, std::size_t maxChars = SIZE_MAX);
// j as JSON text that is safe to print: never throws on invalid UTF-8 (such bytes become U+FFFD)
// and shows the characters quoteForMessage escapes (C1 and bidirectional controls, line
// separators; C0 controls are escaped by JSON anyway) as \u escapes: the same JSON value.
std::string dumpJsonForTerminal(const nlohmann::json& j, int indent = 2);
// `parent` extended by member `key`: "a.b" for identifier-like keys, else a["quoted key"].
std::string jsonPathAppend(const std::string& parent, std::string_view key);

// Parses text into a json value in time linear in its size (a SAX parse that builds the value).
// Rejects invalid JSON or UTF-8, a NUL byte anywhere, "\u0000" in any key or string, a key that
// appears twice in one object, and nesting deeper than maxDepth (deep nesting would overflow the
// stack when the value is later copied or destroyed). `source` names the input in the message
// (usually the file name; escaped with printableForMessage).
// At most maxContainers objects and arrays in all: each costs two allocations, so a budget that
// a valid document cannot reach keeps crafted ones (millions of `[]` or `{}`) cheap to refuse.
Result<nlohmann::json> parseJsonLimited(std::string_view text, const std::string& source,
                                        int maxDepth = 32,
                                        std::size_t maxContainers = SIZE_MAX);

// Reads a whole regular file of at most maxBytes without ever blocking: a FIFO, socket or device
// is refused as "not a regular file" before it is opened, a folder "is a directory". Errors name
// the file (escaped) and the reason ("no such file", "permission denied", ...).
Result<std::string> readFileLimited(const std::string& path, std::uintmax_t maxBytes);

// A position in a parsed document with its path, for precise error messages.
class JsonCursor {
public:
    JsonCursor(const nlohmann::json& j, std::string path) : m_j(&j), m_path(std::move(path)) {}

    const nlohmann::json& json() const { return *m_j; }
    const std::string& path() const { return m_path; }

    [[noreturn]] void fail(const std::string& problem) const;  // throws JsonPathError

    JsonCursor at(const char* key) const;                  // required member of an object
    std::optional<JsonCursor> find(const char* key) const; // optional member (null counts as absent)
    JsonCursor at(std::size_t index) const;                // element of an array
    std::size_t arraySize(std::size_t maxSize = SIZE_MAX) const;  // requires an array

    void requireObject() const;
    std::string string(std::size_t maxLength = 1 << 20) const;
    std::int64_t integer(std::int64_t min, std::int64_t max) const;
    double number(double min, double max) const;
    bool boolean() const;

private:
    const nlohmann::json* m_j;
    std::string m_path;
};

}  // namespace bodymap::maps
