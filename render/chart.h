// Drawing the body chart with cairo: silhouette, pain (intensity colours and quality patterns,
// clipped to the silhouette), guides, region borders, outline and the large R/L marks from the
// patient's side. One routine serves the GUI textures, PNG export and the PDF report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <cairo.h>

#include "maps/body_template.h"
#include "maps/pain_map.h"
#include "maps/result.h"

namespace bodymap::render {

struct ChartOptions {
    const maps::PainMap* map = nullptr;  // pain to draw, or none
    int painScale = 3;                   // pixels per cell of the pain image (pattern detail)
    float patternScale = 1.0f;           // quality symbol size (PainImageStyle::patternScale)
    bool guides = true;
    bool regionBorders = false;
    bool sideMarks = true;               // "R" / "L" in the top corners, from the patient's side
    bool viewLabel = true;               // "Front" / "Back" under the feet
    int highlightRegion = -1;            // region index to outline strongly, or -1
    bool tags = true;                    // the map's fascial tags: hatched bands, numbered marks
    double tagMarkMinRadius = 9.0;       // smallest mark radius, device pixels (points on a PDF)
    double tagStrokeScale = 1.0;         // scales the tag strokes' smallest device widths
    bool findings = true;                // the therapist's findings raster (drawFindings)
    bool marks = true;                   // the map's point and line marks (drawMarks)
    bool clientMarksOnly = false;        // only the marks the client drew (the client's page)
    double markMinRadius = 9.0;          // smallest point-mark radius, device pixels (points)
    double markScale = 1.0;              // scales the marks (drawMarks' strokeScale)
    bool markKeys = false;               // letters on marks with a label or note (report list)
    bool legend = false;                 // renderChart: intensity and quality legend below, and
                                         // the therapist's legend when there is anything on it
};

enum class ViewSelection { Front, Back, Both };

// The size of one view panel in template cells: the grid plus a band for the view label.
double panelHeightCells(const maps::BodyTemplate& t);

// Draws one view panel with its top-left at the user-space origin, in template cell units
// (the caller scales the context). Panel size: t.width x panelHeightCells(t). Layers: silhouette,
// pain, findings (drawFindings), overlay, fascial tags (drawFascialTags), marks (drawMarks),
// side marks, view label.
void drawViewPanel(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view,
                   const ChartOptions& options);

// The pieces of a view panel, in the same user space, for images that put their own cells
// between silhouette and overlay (the difference map, the frequency and mean-intensity maps):
// the silhouette filled in the body colour;
void drawSilhouette(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view);
// the guides (optional), region borders (optional), a highlighted region (-1: none) and the
// outline;
void drawOverlay(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view, bool guides,
                 bool regionBorders = false, int highlightRegion = -1);
// "R" / "L" in the top corners, from the patient's side;
void drawSideMarks(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view);
// the view's name ("Front") in the band under the feet.
void drawViewLabel(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view);

// Parts of a view for the GUI, drawn separately so that live pain sits between them.
enum class ViewLayerKind {
    Underlay,  // opaque: white background and the filled silhouette
    Overlay,   // guides, optional region borders and the outline, on transparent
};

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // RGBA, straight alpha, row-major
    const std::uint8_t* at(int x, int y) const {
        return pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                static_cast<std::size_t>(x)) * 4;
    }
};

// One layer of the grid area of a view (no label band, no side marks) at widthPx pixels wide.
RgbaImage renderViewLayer(const maps::BodyTemplate& t, maps::ViewId view, ViewLayerKind kind,
                          int widthPx, bool regionBorders = false, int highlightRegion = -1);

// The chart as an image, widthPx wide (height follows), white background; with
// options.legend the intensity and quality legends in a band below the views.
RgbaImage renderChart(const maps::BodyTemplate& t, ViewSelection which, int widthPx,
                      const ChartOptions& options);

// Converts a cairo ARGB32 image surface to RGBA with straight alpha.
RgbaImage imageFromSurface(cairo_surface_t* surface);

// Encodes as PNG and writes atomically. Errors name the file.
maps::Status writePng(const RgbaImage& image, const std::string& path);
// Reads a PNG (for tests). Errors name the file.
maps::Result<RgbaImage> readPng(const std::string& path);

// Adds the even-odd path of rings to the context's current path.
void addRingsPath(cairo_t* cr, const std::vector<maps::Ring>& rings);

}  // namespace bodymap::render
