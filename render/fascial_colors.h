// Colours of the twelve fascial lines for overlays, legends and reports: distinct and
// colour-blind friendly (Paul Tol's "muted" qualitative scheme, 9 colours, plus three from his
// "vibrant" scheme and a dark grey; https://personal.sron.nl/~pault/).
#pragma once

#include <array>

#include "maps/fascial_lines.h"
#include "render/colormap.h"

namespace bodymap::render {

// Opaque colour of each line, indexed like maps::FascialLine; draw bands with alpha ~0.45.
constexpr std::array<Rgba, maps::kFascialLineCount> kFascialLineColors{{
    {204, 102, 119, 255},  // SBL  muted rose
    {51, 34, 136, 255},    // SFL  muted indigo
    {221, 204, 119, 255},  // LL   muted sand
    {17, 119, 51, 255},    // SPL  muted green
    {136, 204, 238, 255},  // DFAL muted cyan
    {136, 34, 85, 255},    // SFAL muted wine
    {68, 170, 153, 255},   // DBAL muted teal
    {153, 153, 51, 255},   // SBAL muted olive
    {170, 68, 153, 255},   // BFL  muted purple
    {238, 119, 51, 255},   // FFL  vibrant orange
    {0, 119, 187, 255},    // IFL  vibrant blue
    {85, 85, 85, 255},     // DFL  dark grey
}};

// Colour of a line (opaque). O(1).
constexpr Rgba fascialLineColor(maps::FascialLine line) {
    return kFascialLineColors[static_cast<std::size_t>(line)];
}

}  // namespace bodymap::render
