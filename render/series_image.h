// A series of visits as pictures: the frequency map (share of visits in which each cell hurt)
// and the mean-intensity map, drawn on the body chart with sequential, colour-blind-safe scales
// and their legends. Pure CPU (cairo); the GUI's compare workspace and exports use it.
#pragma once

#include <cairo.h>

#include <string>

#include "maps/body_template.h"
#include "maps/comparison.h"
#include "render/chart.h"
#include "render/colormap.h"

namespace bodymap::render {

enum class SeriesMapKind { Frequency, MeanIntensity };

// Colour of a frequency share 0..1 on ColorBrewer YlGnBu (sequential, colour-blind safe, and
// distinct from the YlOrRd intensity scale): transparent at 0 (and below), light yellow-green
// for a rare cell, darkest blue at 1. Lightness falls steadily with the share.
Rgba frequencyColor(double share);

// Colour of a mean intensity 0..10 on the 1-10 intensity scale, interpolated between whole
// steps: transparent at 0; below 1 the colour of 1 with opacity = mean (at least 0.2).
Rgba meanIntensityColor(double mean);

// The colour of one cell value of a series map (frequency share or mean intensity).
Rgba seriesColor(SeriesMapKind kind, double value);

// The cell values of one view of a series map: s.frequency or s.meanIntensity.
const std::vector<float>& seriesValues(const maps::SeriesSummary& s, SeriesMapKind kind,
                                       maps::ViewId view);

// One view as t.width x t.height RGBA (one pixel per cell), seriesColor per body cell,
// transparent outside the body and where the value is 0. Empty when s is not on t's grid.
RgbaImage seriesCellImage(const maps::BodyTemplate& t, const maps::SeriesSummary& s,
                          SeriesMapKind kind, maps::ViewId view);

// One view panel (silhouette, series colours clipped to it, guides, outline, R/L marks from the
// patient's side, view label) with its top-left at the user-space origin, in template cell
// units; size t.width x panelHeightCells(t), like drawViewPanel.
void drawSeriesView(cairo_t* cr, const maps::BodyTemplate& t, const maps::SeriesSummary& s,
                    SeriesMapKind kind, maps::ViewId view);

// Both views side by side with the same geometry as renderChart(Both) and renderDifference
// (gap 0.06 x t.width), widthPx wide (64..8000; height follows), white background; with
// `legend` the scale below the views.
RgbaImage renderSeriesMap(const maps::BodyTemplate& t, const maps::SeriesSummary& s,
                          SeriesMapKind kind, int widthPx, bool legend = false);

// Both series maps on one sheet, widthPx wide (640..4000; height follows), white background:
// `caption` (bold, above; none when empty), then the frequency map and the mean-intensity map
// side by side, each in a framed card with its title, a line saying what it shows, both views
// and its legend. What `bodymap series --png` writes.
RgbaImage renderSeriesSheet(const maps::BodyTemplate& t, const maps::SeriesSummary& s, int widthPx,
                            const std::string& caption);

// The scale as a horizontal bar with ticks (0 %, 25 %, ... 100 % or 0, 2, ... 10) and a title,
// left-aligned at (x, y), `width` wide, text `textSize` user units. Returns the height used.
double drawSeriesLegend(cairo_t* cr, SeriesMapKind kind, double x, double y, double width,
                        double textSize);

}  // namespace bodymap::render
