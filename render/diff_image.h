// The difference map of two visits as a picture: front and back side by side, each body cell
// coloured on the diverging scale by its change (blue better/resolved, red worse/new, grey
// unchanged pain), with R/L marks and a legend. Used by `bodymap compare --png`.
#pragma once

#include <string>

#include "maps/body_template.h"
#include "maps/comparison.h"
#include "render/chart.h"
#include "render/colormap.h"

namespace bodymap::render {

// Colour of a compared cell: differenceColor(after - before) for new, resolved, worse and better;
// kUnchangedPain for pain that did not change; transparent for None.
constexpr Rgba kUnchangedPain{150, 150, 150, 255};
Rgba changeColor(maps::CellChange change, int delta);

// Both views and a legend, widthPx wide (64..8000; height follows), white background. The
// difference map must come from template t (same grid); otherwise the views show no change.
RgbaImage renderDifference(const maps::BodyTemplate& t, const maps::DifferenceMap& d, int widthPx);

// The panel geometry, in template cells (for tests that look at specific pixels).
struct DiffLayout {
    double gap = 0;           // between the two panels
    double totalWidth = 0;    // 2 x width + gap
    double totalHeight = 0;   // panel height + legend band
    double legendTop = 0;     // y where the legend starts
};
DiffLayout diffLayout(const maps::BodyTemplate& t);

// One view panel of the difference map (silhouette, change colours, guides, outline, R/L marks,
// view label) with its top-left at the user-space origin, in template cell units like
// drawViewPanel; size t.width x panelHeightCells(t). For vector output such as the PDF report.
void drawDifferenceView(cairo_t* cr, const maps::BodyTemplate& t, const maps::DifferenceMap& d,
                        maps::ViewId view);

}  // namespace bodymap::render
