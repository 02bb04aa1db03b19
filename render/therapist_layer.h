// The therapist's layer on the chart: the findings raster (one indigo ink, a light tint, a hatch
// per finding and an outline round the found area) and the point and line marks. One look for
// the GUI (per pixel, tile by tile), the PNG and the PDF, so that a legend icon is the chart's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <cairo.h>

#include "maps/body_template.h"
#include "maps/pain_map.h"
#include "render/chart.h"
#include "render/colormap.h"

namespace bodymap::render {

// The therapist's ink: a saturated deep blue, apart from the yellow-red pain scale and from the
// muted fascial line colours. The client's own marks (arrows drawn at intake) use kClientInk.
constexpr Rgba kTherapistInk{28, 52, 196, 255};
constexpr Rgba kClientInk{38, 38, 38, 255};

// How the findings raster is drawn; lengths in template cells.
struct FindingsStyle {
    float patternScale = 1.0f;  // hatch period in multiples of the 8-cell lattice (1..8)
    float halfWidth = 0.35f;    // half width of hatch lines, cells
    float outline = 0.875f;     // width of the outline inside the found area's edge, cells
    float tint = 0.18f;         // opacity of the ink over every findings cell
    // Width of a white edge inside the outline and on each side of a hatch line, cells (0:
    // none): the ink and the red end of the pain scale are alike in lightness, and the white
    // keeps the therapist's lines readable over strong pain.
    float halo = 0.0f;
};

// The style that gives ~1.6 px hatch lines and a ~2.2 px outline at pxPerCell, each edged in
// white (~0.8 px).
FindingsStyle findingsStyleFor(float pxPerCell, float patternScale = 1.0f);

// Whether finding f's hatch covers point (u, v) in cells: dots (tender), vertical lines (tight),
// "\" diagonals (restricted), horizontal waves (swollen), each on its own lattice offset so that
// several in one cell stay apart. Deterministic and position-based, so tiles line up.
bool findingInk(maps::Finding f, float u, float v, float halfWidth, float patternScale = 1.0f);

// The findings colour over point (u, v) (cells) of a findings raster of w x h cells (Finding
// bits): transparent outside the found area, else the tint, the hatch or the outline (opaque
// ink). Reads the cells within style.outline of the point only.
Rgba findingsPixel(const std::vector<std::uint8_t>& findings, int w, int h, float u, float v,
                   const FindingsStyle& style);

// The findings of a view drawn in cell units (the caller scales the context), clipped to the
// silhouette; the outline ~1.75 device units wide whatever the scale. Nothing without findings.
void drawFindings(cairo_t* cr, const maps::BodyTemplate& t, const maps::PainMap& map,
                  maps::ViewId view, float patternScale = 1.0f, int pxPerCell = 3);

// [SECTION] Marks

enum class MarkFilter { All, ClientOnly };

// Radius of a point mark in cells (drawMarks keeps it at least minRadius device units).
constexpr double kMarkRadiusCells = 8.0;

// A mark's letter in the report's list ("A", "B", ... "Z", "AA", ...): index is the 0-based
// place among the marks that have a label or a note.
std::string markKey(std::size_t index);

// One mark's symbol at its place, `radius` in user units, in the therapist's or the client's
// ink: active trigger point a filled disc with a white cross, latent an open ring, tender point
// a filled triangle, adhesion a zig-zag from `at` to `to`, radiating an arrow to `to`, label the
// text in a white rounded box pinned by a dot. No label text beside it (drawMarks adds that).
void drawMarkSymbol(cairo_t* cr, maps::MarkKind kind, maps::DrawnBy by, glm::dvec2 at,
                    glm::dvec2 to, double radius, const std::string& text = {});

// Draws the marks of `marks` on view `view`, in cell units (the caller scales the context), in
// their order; a mark's label small beside its symbol over a white halo. Radius
// kMarkRadiusCells, at least minRadius device units; strokes scale with it (x strokeScale).
// With keys, a mark that has a label or note carries its markKey letter (the report's list).
void drawMarks(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view,
               const std::vector<maps::Mark>& marks, double minRadius = 9.0,
               double strokeScale = 1.0, MarkFilter which = MarkFilter::All, bool keys = false);

// The marks of a view as a transparent layer of the grid area, widthPx wide: the size
// renderViewLayer and renderTagLayer give, for compositing over the GUI's view texture.
RgbaImage renderMarkLayer(const maps::BodyTemplate& t, maps::ViewId view,
                          const std::vector<maps::Mark>& marks, int widthPx,
                          double minRadius = 9.0, MarkFilter which = MarkFilter::All);

// A mark kind's symbol centred in a transparent sizePx square (GUI tool buttons, legends).
RgbaImage renderMarkIcon(maps::MarkKind kind, maps::DrawnBy by, int sizePx);
// The hatch of `findingBits` with its tint and outline, wPx x hPx, transparent background.
RgbaImage renderFindingSwatch(std::uint8_t findingBits, int wPx, int hPx);

// [SECTION] Legend

// The findings and mark kinds present in `map` (client's arrows named apart), symbol and name,
// under a title, flowing into rows at most `width` wide; text size textSize user units. With
// `which` ClientOnly, only the client's marks (and no findings); findings / marks false leave
// those out, as the chart does. Nothing (0) when there is nothing to list.
// Returns the height used; draw = false only measures.
double drawTherapistLegend(cairo_t* cr, double x, double y, double width, double textSize,
                           const maps::PainMap& map, MarkFilter which = MarkFilter::All,
                           bool findings = true, bool marks = true, bool draw = true);
// The names drawTherapistLegend lists for these arguments, in its order.
std::vector<std::string> therapistLegendNames(const maps::PainMap& map, MarkFilter which = MarkFilter::All,
                                              bool findings = true, bool marks = true);

}  // namespace bodymap::render
