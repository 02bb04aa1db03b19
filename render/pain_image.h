// Turning a view's pain rasters into pixels: the intensity colour per cell with the quality
// symbol patterns (Ransford's ^^^ xxx /// ooo ===) drawn over it. Used by the GUI textures
// (updated rectangle by rectangle while painting) and by the PNG and PDF exports.
#pragma once

#include <cstdint>
#include <vector>

#include "maps/pain_map.h"
#include "maps/raster_edit.h"

namespace bodymap::render {

struct PainImageStyle {
    int scale = 2;             // output pixels per cell side (1..8)
    float alpha = 0.92f;       // opacity of painted cells
    bool patterns = true;      // draw quality symbols
};

// Whether quality q's symbol covers point (u, v) given in cell units, for a pattern drawn with
// output pixels of size 1/scale. Deterministic and position-based, so tiles line up.
bool qualityInk(maps::Quality q, float u, float v, int scale);

// Writes RGBA (straight alpha, bytes R,G,B,A) for the cells in `rect` of a view into `pixels`,
// an image of (map.width*scale) x (map.height*scale) pixels, row-major. Unpainted cells are
// fully transparent.
void colorizePain(const maps::PainMap& map, maps::ViewId view, const maps::CellRect& rect,
                  const PainImageStyle& style, std::uint8_t* pixels);

// A whole view as RGBA, (width*scale) x (height*scale).
std::vector<std::uint8_t> painImage(const maps::PainMap& map, maps::ViewId view,
                                    const PainImageStyle& style);

}  // namespace bodymap::render
