// The body template: front and back silhouettes, guides, anatomical regions and fascial bands,
// loaded from versioned JSON (assets/templates/*.json) and rasterized once into a label grid
// so that "which region is this cell in" is an O(1) lookup.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec2.hpp>

#include "maps/clinical_areas.h"
#include "maps/result.h"

namespace bodymap::maps {

enum class ViewId : unsigned char { Front = 0, Back = 1 };
constexpr int kViewCount = 2;
constexpr std::array<ViewId, kViewCount> kViews{ViewId::Front, ViewId::Back};

std::string_view viewId(ViewId v);  // "front" / "back"
std::optional<ViewId> parseViewId(std::string_view id);
inline int viewIndex(ViewId v) { return static_cast<int>(v); }

using Ring = std::vector<glm::vec2>;  // closed polygon in cell units, first point not repeated

using RegionIndex = std::uint16_t;
constexpr RegionIndex kNoRegion = 0xFFFF;  // label of a cell outside the silhouette

// A row-major run of consecutive cells, [start, start + length).
struct CellRun {
    std::uint32_t start = 0;
    std::uint32_t length = 0;
};

struct Region {
    std::string id;                 // unique in the template, e.g. "front-left-shoulder"
    std::string name;               // for people, with the patient's side: "Left shoulder (front)"
    ViewId view = ViewId::Front;
    Side side = Side::Left;
    std::optional<WpiArea> wpi;     // WPI area this region belongs to, if any
    std::optional<GpRegion> gp;     // generalized-pain region, if any (consistent with wpi)
    std::vector<Ring> polygons;     // even-odd rings, clipped to the silhouette
    int cellCount = 0;              // body cells labelled with this region
};

struct Guide {
    std::string id;
    bool closed = false;
    Ring points;
};

struct FascialBand {
    std::string id;                 // unique, e.g. "sbl-left-calf"
    std::string line;               // line short name: "SBL", "SFL", ...
    std::string name;               // "Superficial Back Line, calf (left)"
    std::optional<Side> side;       // none for unpaired bands on the midline
    ViewId view = ViewId::Front;
    std::vector<Ring> polygons;
    int lineIndex = -1;             // maps::FascialLine of `line`, -1 when not in the catalogue
    // Body cells of the band, row-major indices y*width+x, sorted. Within one view a cell is on at
    // most one band of each line (the band listed first in the file keeps a contested cell).
    std::vector<std::uint32_t> cells;
    std::vector<CellRun> runs;      // the same cells as maximal runs of consecutive indices
};

// Coverage figures from rasterizing the region polygons, before gaps are filled.
struct TilingStats {
    int bodyCells = 0;        // cells whose centre is inside the silhouette
    int exactlyOne = 0;       // body cells inside exactly one region polygon
    int uncovered = 0;        // body cells inside no region polygon (filled from a neighbour)
    int overlapping = 0;      // body cells inside two or more region polygons
    int outside = 0;          // non-body cells inside some region polygon (ignored)
};

struct TemplateView {
    ViewId id = ViewId::Front;
    std::string label;                  // "Front"
    std::vector<Ring> outline;          // silhouette, even-odd rings
    std::vector<Guide> guides;
    std::vector<int> regions;           // indices into BodyTemplate::regions
    std::vector<int> bands;             // indices into BodyTemplate::bands
    std::vector<RegionIndex> labels;    // width*height, row-major; kNoRegion outside the body
    // The body's cells as maximal runs of one label, in row-major order (outside cells are in no
    // run), and the label of each run: a pass over a map's body reads no labels and no background.
    std::vector<CellRun> labelRuns;
    std::vector<RegionIndex> runLabels;
    // width*height when the view has bands (else empty): bit l set when line l (maps::FascialLine)
    // has a band on the cell.
    std::vector<std::uint16_t> lineBits;
    TilingStats tiling;
    int bodyCells = 0;
};

class BodyTemplate {
public:
    std::string id;          // e.g. "adult-neutral"
    int version = 0;         // template data version, recorded in every map
    std::string name;        // "Adult, neutral"
    int width = 0;           // grid size per view, cells
    int height = 0;
    std::array<TemplateView, kViewCount> views;
    std::vector<Region> regions;
    std::vector<FascialBand> bands;

    const TemplateView& view(ViewId v) const { return views[static_cast<std::size_t>(v)]; }
    bool contains(int x, int y) const { return x >= 0 && y >= 0 && x < width && y < height; }
    // Region index at a cell, kNoRegion outside the body or the grid. O(1).
    RegionIndex regionAt(ViewId v, int x, int y) const {
        if (!contains(x, y)) return kNoRegion;
        return view(v).labels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                              static_cast<std::size_t>(x)];
    }
    bool inBody(ViewId v, int x, int y) const { return regionAt(v, x, y) != kNoRegion; }
    int regionIndex(std::string_view regionId) const;  // -1 when absent
    int bandIndex(std::string_view bandId) const;      // -1 when absent
    // Sorted body-cell indices of band b (0 <= b < bands.size()).
    const std::vector<std::uint32_t>& bandCells(int b) const { return bands[static_cast<std::size_t>(b)].cells; }
    // Index of the band of line `lineIndex` (maps::FascialLine) at a cell, -1 when none.
    // O(bands of the view x log cells).
    int bandAt(ViewId v, int x, int y, int lineIndex) const;
    // Indices of all bands at a cell (at most one per line), in template order; empty off the body.
    std::vector<int> bandsAt(ViewId v, int x, int y) const;
};

// Parses template JSON text; `source` names the input in error messages. Never throws: any
// failure inside (bad_alloc, length_error, a JSON library exception) is an Error naming `source`.
Result<BodyTemplate> parseTemplate(std::string_view text, const std::string& source);
// Loads a template file (at most 16 MiB). Errors name the file and the JSON path.
Result<BodyTemplate> loadTemplate(const std::string& path);

// Marks cells whose centre (x+0.5, y+0.5) lies inside the even-odd union of rings.
// mask is width*height, row-major; marked cells are set to `value`.
void rasterizeRings(const std::vector<Ring>& rings, int width, int height,
                    std::vector<std::uint8_t>& mask, std::uint8_t value = 1);

}  // namespace bodymap::maps
