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
    // Size and spacing of the quality symbols in multiples of the default 9-cell lattice
    // (1..8); lines thicken with the square root. A printed report uses ~3 so that a symbol is
    // ~2 mm on paper instead of ~0.7 mm.
    float patternScale = 1.0f;
};

// Whether quality q's symbol covers point (u, v) given in cell units, with symbol lines of half
// width `halfWidth` cells. Deterministic and position-based, so tiles line up.
bool qualityInk(maps::Quality q, float u, float v, float halfWidth);

// Pixel rectangle [x0, x1) x [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The display pixels covering a cell rectangle when a view is drawn at pxPerCell.
PixelRect pixelsOfCells(const maps::CellRect& cells, float pxPerCell, int width, int height);

// Composites a view for display: `under` (opaque background and silhouette), the pain of `map`
// (intensity colour at style.alpha, quality symbols with ~1.4 px lines), the optional `middle`
// layer, the therapist's findings (findingsPixel with findingsStyleFor(pxPerCell), when
// `findings`), then `over` (guides and outline, straight alpha). All images are width x height
// RGBA; the grid is scaled by pxPerCell. Only pixels in `rect` are written to `out`, each from
// its own cell and the cells within ~2 px of it, so any rectangle gives the whole view's pixels.
void composeView(const maps::PainMap& map, maps::ViewId view, const std::uint8_t* under,
                 const std::uint8_t* over, std::uint8_t* out, int width, int height,
                 const PixelRect& rect, float pxPerCell, const PainImageStyle& style,
                 const std::uint8_t* middle = nullptr,  // optional layer between pain and `over`
                 bool findings = true);

// Writes RGBA (straight alpha, bytes R,G,B,A) for the cells in `rect` of a view into `pixels`,
// an image of (map.width*scale) x (map.height*scale) pixels, row-major. Unpainted cells are
// fully transparent.
void colorizePain(const maps::PainMap& map, maps::ViewId view, const maps::CellRect& rect,
                  const PainImageStyle& style, std::uint8_t* pixels);

// A whole view as RGBA, (width*scale) x (height*scale).
std::vector<std::uint8_t> painImage(const maps::PainMap& map, maps::ViewId view,
                                    const PainImageStyle& style);

}  // namespace bodymap::render
