// Recording raster changes as tile snapshots: memory grows with what a stroke touched, not with
// the map size. A RasterEdit restores the exact bytes before (undo) or after (redo) an edit.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "maps/pain_map.h"

namespace bodymap::maps {

constexpr int kTileSize = 32;  // cells per tile side

// Cell rectangle [x0, x1) x [y0, y1) in one view; empty when x0 >= x1.
struct CellRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x0 >= x1 || y0 >= y1; }
    void include(int x, int y) {
        if (empty()) {
            *this = {x, y, x + 1, y + 1};
            return;
        }
        if (x < x0) x0 = x;
        if (y < y0) y0 = y;
        if (x + 1 > x1) x1 = x + 1;
        if (y + 1 > y1) y1 = y + 1;
    }
    void include(const CellRect& r) {
        if (r.empty()) return;
        include(r.x0, r.y0);
        include(r.x1 - 1, r.y1 - 1);
    }
};

// The bytes of one tile (intensity, qualities, findings), clipped to the grid edge.
struct TileBytes {
    int tileX = 0, tileY = 0;
    std::vector<std::uint8_t> before;
    std::vector<std::uint8_t> after;
};

class RasterEdit {
public:
    RasterEdit(ViewId view, std::vector<TileBytes> tiles) : m_view(view), m_tiles(std::move(tiles)) {}
    ViewId view() const { return m_view; }
    void undo(PainMap& map) const { apply(map, false); }
    void redo(PainMap& map) const { apply(map, true); }
    std::size_t bytes() const;     // memory held by the snapshots
    CellRect bounds(const PainMap& map) const;  // cells that may have changed
    bool empty() const { return m_tiles.empty(); }

private:
    void apply(PainMap& map, bool after) const;
    ViewId m_view;
    std::vector<TileBytes> m_tiles;
};

// Snapshots tiles on first touch during an edit; finish() pairs them with the new bytes and
// drops tiles that did not change.
class EditRecorder {
public:
    EditRecorder(PainMap& map, ViewId view);
    // Call before writing cell (x, y) of the recorder's view.
    void touch(int x, int y) {
        const std::size_t t = static_cast<std::size_t>(y / kTileSize) * m_tilesX +
                              static_cast<std::size_t>(x / kTileSize);
        if (!m_snapped[t]) snap(t);
        m_dirty.include(x, y);
    }
    // Cells written since the last call (for incremental display updates).
    CellRect takeDirty() {
        CellRect r = m_dirty;
        m_dirty = {};
        return r;
    }
    RasterEdit finish();

private:
    void snap(std::size_t tile);
    PainMap* m_map;
    ViewId m_view;
    std::size_t m_tilesX;
    std::vector<bool> m_snapped;
    std::vector<TileBytes> m_tiles;
    CellRect m_dirty;
};

}  // namespace bodymap::maps
