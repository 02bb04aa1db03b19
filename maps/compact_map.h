// A pain map held as the runs of its painted cells instead of dense rasters: what a map file
// stores, read straight from the file without a JSON document (maps/map_reader.cpp), and what
// batch figures are computed from (metrics, agreement, series), so that their cost follows what
// is painted, not the size of the grid. A typical visit takes a few KiB this way against the
// ~3 MiB of a dense PainMap; the dense form is built only where a map is painted or drawn.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maps/pain_map.h"
#include "maps/result.h"
#include "maps/template_registry.h"

namespace bodymap::maps {

// `length` cells from `start` (row-major index into the view's width x height grid) that all
// hold `value` (never 0: cells outside every span hold 0).
struct CellSpan {
    std::uint32_t start = 0;
    std::uint32_t length = 0;
    std::uint8_t value = 0;
    bool operator==(const CellSpan& o) const { return start == o.start && length == o.length && value == o.value; }
};
// The non-zero cells of one raster: spans in cell order, not overlapping, and two spans that
// touch never hold the same value (they are merged), so one raster has exactly one SpanList.
using SpanList = std::vector<CellSpan>;

struct CompactLayer {
    SpanList intensity;  // 1..10
    SpanList qualities;  // Quality bits, only on cells with intensity
    SpanList findings;   // Finding bits
    bool operator==(const CompactLayer& o) const {
        return intensity == o.intensity && qualities == o.qualities && findings == o.findings;
    }
};

class CompactMap {
public:
    CompactMap() = default;
    CompactMap(std::string templateId, int templateVersion, int width, int height)
        : m_templateId(std::move(templateId)), m_templateVersion(templateVersion), m_width(width), m_height(height) {}

    const std::string& templateId() const { return m_templateId; }
    int templateVersion() const { return m_templateVersion; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    std::size_t cellCount() const { return static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height); }

    CompactLayer& layer(ViewId v) { return m_layers[static_cast<std::size_t>(v)]; }
    const CompactLayer& layer(ViewId v) const { return m_layers[static_cast<std::size_t>(v)]; }
    bool isBlank() const;      // no painted cell in any view
    bool hasFindings() const;  // a findings cell in some view
    // Bytes this map holds on the heap (spans, strings, tags, marks): what keeping it costs.
    std::size_t heapBytes() const;

    VisitInfo info;
    std::vector<FascialTag> tags;
    std::vector<Mark> marks;

    bool operator==(const CompactMap& o) const {
        return m_templateId == o.m_templateId && m_templateVersion == o.m_templateVersion && m_width == o.m_width &&
               m_height == o.m_height && m_layers == o.m_layers && info == o.info && tags == o.tags &&
               marks == o.marks;
    }

private:
    std::string m_templateId;
    int m_templateVersion = 0;
    int m_width = 0;
    int m_height = 0;
    std::array<CompactLayer, kViewCount> m_layers;
};

// The spans of a dense raster, and back (cells outside the spans are 0). Dense rasters of the
// wrong size give what fits.
SpanList spansOf(const std::vector<std::uint8_t>& cells);
void fillFromSpans(const SpanList& spans, std::vector<std::uint8_t>& cells);  // cells already sized, zeroed
// Appends `length` cells of `value` at `start` (after every span so far), merging with the last
// span when it touches it with the same value; value 0 or length 0 adds nothing.
void appendSpan(SpanList& spans, std::uint32_t start, std::uint32_t length, std::uint8_t value);

// True when the map holds more spans than a drawing ever has (more than one per 16 cells of a
// view, all rasters together): figures are then cheaper from dense rasters, whose cost is fixed.
bool isShredded(const CompactMap& map);

CompactMap compactFrom(const PainMap& map);
PainMap denseFrom(const CompactMap& map);

// Reads a map file into its compact form with every check of parseMap (maps/FORMAT.md), and the
// same message for every file parseMap refuses: the fast reader handles the files BodyMap writes
// (any key order within an object is fine, but the header, template and grid before `views` and
// `marks`); anything else, and every file with an error, is read again by parseMap.
Result<CompactMap> parseCompactMap(std::string_view text, const std::string& source,
                                   const TemplateRegistry& templates);
Result<CompactMap> loadCompactMap(const std::string& path, const TemplateRegistry& templates);
// The fast reader alone, for tests and benchmarks: nullopt where it gives up (and
// parseCompactMap would read the file again through the document).
std::optional<CompactMap> readCompactFast(std::string_view text, const TemplateRegistry& templates);
// The same for readVisitInfo (map_format.h), which reads through it first.
std::optional<VisitInfo> readVisitInfoFast(std::string_view text);

}  // namespace bodymap::maps
