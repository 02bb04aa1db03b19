// Fascial tags drawn on the body chart: each tagged band hatched in its line's colour over a
// white halo, outlined, with a numbered mark (the tag's place in the map's list) inside the band.
// One routine for the GUI's tag layer, PNG export and the PDF report, in template cell units.
#pragma once

#include <string>
#include <vector>

#include <cairo.h>
#include <glm/vec2.hpp>

#include "maps/body_template.h"
#include "maps/pain_map.h"
#include "render/chart.h"

namespace bodymap::render {

// Radius of a tag mark in template cells (drawFascialTags keeps it readable at small scales).
constexpr double kTagMarkRadiusCells = 11.0;

// Where the mark of band `band` sits, in cell units: the body cell of the band nearest the
// centroid of its largest polygon that lies at least `clearance` cells inside the band (at most
// 90 % of the band's half width) and `avoidDistance` cells from every point of `avoid` (earlier
// marks), else the nearest one clear of the edge only. (0, 0) for a band without cells.
glm::dvec2 tagMarkAnchor(const maps::BodyTemplate& t, int band, double clearance,
                         const std::vector<glm::dvec2>& avoid = {}, double avoidDistance = 0);

// The text of mark number `number` (1-based position of the tag in the map's list).
std::string tagMarkLabel(std::size_t number);

// One mark centred on (cx, cy), radius in user units: a disc in the line's colour with a white
// rim and the number in white or near-black, whichever reads better on that colour.
// lineIndex < 0 (a band the template lacks) draws a grey disc.
void drawTagMark(cairo_t* cr, double cx, double cy, double radius, int lineIndex,
                 std::size_t number);

// Draws the tags of `tags` whose band lies on view `view`, in cell units (the caller scales the
// context): the hatch and outline of every tagged band first, then all marks on top. Tags on
// bands the template lacks are skipped; numbering still counts them. A mark's radius is
// kTagMarkRadiusCells, at least minMarkRadius device units (pixels; points on a PDF); hatch
// lines and outlines are at least strokeScale x ~1.6 device units wide.
void drawFascialTags(cairo_t* cr, const maps::BodyTemplate& t, maps::ViewId view,
                     const std::vector<maps::FascialTag>& tags, double minMarkRadius = 9.0,
                     double strokeScale = 1.0);

// The tags of a view as a transparent layer of the grid area, widthPx wide: the same size as
// renderViewLayer gives, for compositing over the GUI's view texture.
RgbaImage renderTagLayer(const maps::BodyTemplate& t, maps::ViewId view,
                         const std::vector<maps::FascialTag>& tags, int widthPx,
                         double minMarkRadius = 9.0);

}  // namespace bodymap::render
