// The fascial-line overlay as pixels: each visible line's bands in the line's colour (about 45 %
// opacity, several lines blended where they overlap) with a crisp darker edge, for compositing
// between the pain and the outline.
#pragma once

#include <cstdint>
#include <vector>

#include "maps/body_template.h"

namespace bodymap::render {

// Fills `out` (width x height RGBA, straight alpha) with the overlay of the lines whose bit is
// set in visibleLines (bit i = maps::FascialLine i) for view v drawn at pxPerCell.
void fascialOverlayImage(const maps::BodyTemplate& t, maps::ViewId v, std::uint16_t visibleLines,
                         int width, int height, float pxPerCell, std::vector<std::uint8_t>& out);

}  // namespace bodymap::render
