// Tile snapshots for undo (see raster_edit.h).
#include "maps/raster_edit.h"

#include <algorithm>

namespace bodymap::maps {

namespace {
struct TileSpan {
    int x0, y0, x1, y1;
};
TileSpan tileSpan(const PainMap& map, int tx, int ty) {
    return {tx * kTileSize, ty * kTileSize, std::min((tx + 1) * kTileSize, map.width()),
            std::min((ty + 1) * kTileSize, map.height())};
}

// Tile bytes are the intensity rows, then the quality rows, then the findings rows.
void readTile(const ViewLayer& layer, const PainMap& map, int tx, int ty,
              std::vector<std::uint8_t>& out) {
    const TileSpan s = tileSpan(map, tx, ty);
    const auto w = static_cast<std::size_t>(s.x1 - s.x0);
    out.resize(w * static_cast<std::size_t>(s.y1 - s.y0) * 3);
    std::size_t o = 0;
    for (const auto* plane : {&layer.intensity, &layer.qualities, &layer.findings}) {
        for (int y = s.y0; y < s.y1; ++y, o += w) {
            std::copy_n(plane->data() + map.index(s.x0, y), w, out.data() + o);
        }
    }
}

void writeTile(ViewLayer& layer, const PainMap& map, int tx, int ty,
               const std::vector<std::uint8_t>& in) {
    const TileSpan s = tileSpan(map, tx, ty);
    const auto w = static_cast<std::size_t>(s.x1 - s.x0);
    std::size_t o = 0;
    for (auto* plane : {&layer.intensity, &layer.qualities, &layer.findings}) {
        for (int y = s.y0; y < s.y1; ++y, o += w) {
            std::copy_n(in.data() + o, w, plane->data() + map.index(s.x0, y));
        }
    }
}
}  // namespace

std::size_t RasterEdit::bytes() const {
    std::size_t n = sizeof(*this);
    for (const auto& t : m_tiles) n += t.before.capacity() + t.after.capacity() + sizeof(t);
    return n;
}

CellRect RasterEdit::bounds(const PainMap& map) const {
    CellRect r;
    for (const auto& t : m_tiles) {
        r.include(t.tileX * kTileSize, t.tileY * kTileSize);
        r.include(std::min((t.tileX + 1) * kTileSize, map.width()) - 1,
                  std::min((t.tileY + 1) * kTileSize, map.height()) - 1);
    }
    return r;
}

void RasterEdit::apply(PainMap& map, bool after) const {
    ViewLayer& layer = map.layer(m_view);
    for (const auto& t : m_tiles) {
        writeTile(layer, map, t.tileX, t.tileY, after ? t.after : t.before);
    }
}

EditRecorder::EditRecorder(PainMap& map, ViewId view)
    : m_map(&map),
      m_view(view),
      m_tilesX(static_cast<std::size_t>((map.width() + kTileSize - 1) / kTileSize)) {
    const auto tilesY = static_cast<std::size_t>((map.height() + kTileSize - 1) / kTileSize);
    m_snapped.assign(m_tilesX * tilesY, false);
}

void EditRecorder::snap(std::size_t tile) {
    m_snapped[tile] = true;
    TileBytes t;
    t.tileX = static_cast<int>(tile % m_tilesX);
    t.tileY = static_cast<int>(tile / m_tilesX);
    readTile(m_map->layer(m_view), *m_map, t.tileX, t.tileY, t.before);
    m_tiles.push_back(std::move(t));
}

RasterEdit EditRecorder::finish() {
    std::vector<TileBytes> changed;
    for (auto& t : m_tiles) {
        readTile(m_map->layer(m_view), *m_map, t.tileX, t.tileY, t.after);
        if (t.after != t.before) changed.push_back(std::move(t));
    }
    m_tiles.clear();
    std::fill(m_snapped.begin(), m_snapped.end(), false);
    return RasterEdit(m_view, std::move(changed));
}

}  // namespace bodymap::maps
