// The brush engine: round dabs with size and softness, strokes that interpolate between input
// samples, an eraser and region fill. Paint lands only on body cells of the stroke's own view.
//
// Rule for painting over paint (chosen so that a client can correct a rating by painting over
// it, and so that a soft edge never wipes out stronger pain next to it):
//   - weight w of a cell in a dab: 1 within radius*(1-softness), falling linearly to 0 at radius;
//   - core cells (w >= 0.5) are REPLACED: intensity = brush intensity, qualities = brush
//     qualities (so painting 3 over 8 gives 3, and a cell takes exactly the qualities selected);
//   - fringe cells (0 < w < 0.5) KEEP THE MAXIMUM: intensity = max(old, round(I * 2w)); when that
//     raises the cell, the brush qualities are added to the cell's qualities;
//   - the eraser clears intensity and qualities of every cell within the radius.
// The therapist's findings brush (BrushLayer::Findings) touches only the findings raster, never
// the client's: every body cell within the radius gains the brush's finding bits (a cell may
// carry several; softness plays no part), and its eraser clears the findings bits within the
// radius and nothing else. The pain brush and eraser leave the findings alone.
// The result of a stroke does not depend on the order of its dabs.
#pragma once

#include <cstdint>

#include <glm/vec2.hpp>

#include "maps/body_template.h"
#include "maps/pain_map.h"
#include "maps/raster_edit.h"

namespace bodymap::maps {

enum class BrushMode : std::uint8_t { Paint, Erase };
enum class BrushLayer : std::uint8_t { Pain, Findings };  // the client's rasters or the therapist's

struct BrushSettings {
    float radius = 10.0f;         // cells, > 0
    float softness = 0.0f;        // 0 (hard edge) .. 1 (linear falloff from the centre)
    std::uint8_t intensity = 5;   // 1..10 (0 paints nothing; use the eraser)
    std::uint8_t qualities = 0;   // Quality bits
    BrushMode mode = BrushMode::Paint;
    BrushLayer layer = BrushLayer::Pain;
    std::uint8_t findings = 0;    // Finding bits the findings brush adds
};

// Applies one dab centred at p (cell units, cell (x, y) has its centre at x+0.5, y+0.5).
// Returns the number of cells written. The recorder must belong to the same map and view.
int applyDab(PainMap& map, const BodyTemplate& t, ViewId view, glm::vec2 p,
             const BrushSettings& brush, EditRecorder& rec);

// One continuous drag on one view. Samples are joined by dabs spaced at most a quarter of the
// radius apart, so a fast drag leaves no gaps. finish() yields the undoable edit.
class Stroke {
public:
    Stroke(PainMap& map, const BodyTemplate& t, ViewId view, const BrushSettings& brush);
    void addSample(glm::vec2 p);
    CellRect takeDirty() { return m_rec.takeDirty(); }
    ViewId view() const { return m_view; }
    RasterEdit finish() { return m_rec.finish(); }

private:
    PainMap* m_map;
    const BodyTemplate* m_template;
    ViewId m_view;
    BrushSettings m_brush;
    EditRecorder m_rec;
    bool m_hasLast = false;
    glm::vec2 m_last{0.0f};
};

// Sets every cell of a region to the brush intensity and qualities (the eraser clears it).
// Returns the undoable edit (empty when nothing changed).
RasterEdit fillRegion(PainMap& map, const BodyTemplate& t, int regionIndex,
                      const BrushSettings& brush);

}  // namespace bodymap::maps
