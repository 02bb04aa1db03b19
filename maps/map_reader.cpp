// The fast map reader (see compact_map.h): parses a map file straight into spans.
#include "maps/compact_map.h"

#include "maps/json_util.h"
#include "maps/map_format.h"

namespace bodymap::maps {

Result<CompactMap> parseCompactMap(std::string_view text, const std::string& source,
                                   const TemplateRegistry& templates) {
    auto map = parseMap(text, source, templates);
    if (!map) return Error{map.error()};
    return compactFrom(map.value());
}

Result<CompactMap> loadCompactMap(const std::string& path, const TemplateRegistry& templates) {
    auto text = readFileLimited(path, kMaxMapFileBytes);
    if (!text) return Error{text.error()};
    return parseCompactMap(text.value(), path, templates);
}

}  // namespace bodymap::maps
