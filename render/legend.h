// Legends drawn with cairo in the caller's user units (pixels on a PNG, points on a PDF): the
// 1-10 intensity scale, the quality symbols and the difference scale. Shared by PNG and PDF.
#pragma once

#include <string>

#include <cairo.h>

namespace bodymap::render {

// The intensity scale: a title line and ten swatches 1..10 with their numbers, left-aligned at
// (x, y) and at most `width` wide; text size `textSize` user units. Returns the height used.
double drawIntensityLegend(cairo_t* cr, double x, double y, double width, double textSize);

// The five quality swatches (intensity colour with the symbol pattern, as on the chart) with
// their names, flowing into as many rows as `width` needs. Returns the height used.
double drawQualityLegend(cairo_t* cr, double x, double y, double width, double textSize);

// The difference scale -10..+10 (better/resolved blue, worse/new red) and the unchanged-pain
// swatch, at most `width` wide; `earlier` names the visit subtracted ("previous", "first").
// Returns the height used.
double drawDifferenceLegend(cairo_t* cr, double x, double y, double width, double textSize,
                            const std::string& earlier = "previous");

// Height drawIntensityLegend + gap + drawQualityLegend will use at this width and size.
double legendHeight(cairo_t* cr, double width, double textSize);

}  // namespace bodymap::render
